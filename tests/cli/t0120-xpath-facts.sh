#!/bin/sh
# The queries DESIGN.md promises, run with xmllint on what soan extracts
# from the five seeds.  Every value here was read off the seed text by a
# person (counts included), independently of the golden files.
. "$(dirname "$0")/../lib.sh"

q() { # FILE XPATH -> value
	xmllint --xpath "$2" "$1" 2>/dev/null
}
fact() { # NAME XPATH WANT
	got=$(q "$T/$1.xml" "$2")
	if [ "$got" = "$3" ]; then ok "$1: $2 = $3"; else not_ok "$1: $2 = '$3' (got '$got')"; fi
}

for n in 000-haiphong-asean-2021 001-hatinh-asean-2020 002-soctrang-asean-2014 003-hungyen-ttdn-2022 004-camau-asean-2019; do
	soan extract "$TOP/corpus/$n/$n.txt" >"$T/${n%%-*}.xml" || not_ok "$n extracts"
done

fact 000 'string(/plan/meta/number)' '180/KH-UBND'
fact 000 'string(/plan/meta/date/@iso)' '2021-07-30'
fact 000 'string(/plan/meta/issuer)' 'Ủy ban nhân dân thành phố Hải Phòng'
fact 000 'string(/plan/basis/ref/@number)' '1160/QĐ-TTg'
fact 000 'string(/plan/basis/ref/@date)' '2021-07-13'
fact 000 'count(/plan/body/section)' '5'
fact 000 'string(/plan/body/section[5]/@number)' 'VII'
fact 000 'string(/plan/body/section[5]/@kind)' 'reporting'
fact 000 "count(/plan/body/section[@kind='goals']//item)" '8'
fact 000 "count(//section[@kind='responsibilities']//agency)" '14'
fact 000 'count(//deadline)' '1'
fact 000 'string(//deadline/@recurrence)' 'yearly'
fact 000 'string(/plan/closing/signature/@signer)' 'Lê Khắc Nam'

fact 001 'string(/plan/meta/number)' '446/KH-UBND'
fact 001 'string(/plan/meta/date/@iso)' '2019-12-16'
fact 001 'string(/plan/meta/issuer/@inferred)' 'yes'
fact 001 'string(/plan/meta/title)' 'Tuyên truyền, quảng bá ASEAN năm 2020 trên địa bàn tỉnh Hà Tĩnh'
fact 001 'string(/plan/basis/ref/@issuer)' 'Ban Chỉ đạo thông tin tuyên truyền ASEAN'
fact 001 'count(/plan/body/section)' '4'
fact 001 "count(/plan/body/section[@kind='goals']//item)" '8'
fact 001 "count(//section[@kind='responsibilities']//agency)" '7'
fact 001 "string(//section[@kind='responsibilities']//agency[7]/@name)" 'Ban Tuyên giáo Tỉnh ủy'
fact 001 'string(//deadline/@year)' '2020'
fact 001 'string(/plan/closing/signature/@deputy)' 'KT. CHỦ TỊCH'
fact 001 'count(/plan/appendix/table//row)' '17'
fact 001 'count(/plan/appendix/table/group)' '4'

fact 002 'string(/plan/meta/number)' '39/KH-UBND'
fact 002 'string(/plan/meta/date/@iso)' '2014-04-23'
fact 002 'count(/plan/body/section)' '5'
fact 002 'string(/plan/body/section[2]/@kind)' 'content'
fact 002 "count(//section[@kind='responsibilities']//agency)" '6'
fact 002 'count(//deadline)' '1'
fact 002 'count(/plan/closing/signature)' '0'
fact 002 'count(/plan/appendix/table//row)' '13'

fact 003 'string(/plan/meta/number)' '187/KH-UBND'
fact 003 'string(/plan/meta/date/@iso)' '2021-12-13'
fact 003 'count(/plan/basis/ref)' '4'
fact 003 "count(//section[@kind='responsibilities']//agency)" '12'
fact 003 'count(//deadline)' '2'
fact 003 'string(//deadline[2]/@month)' '12'
fact 003 'string(/plan/closing/signature/@signer)' 'Nguyễn Duy Hưng'

fact 004 'count(/plan/meta/number)' '0'
fact 004 'count(/plan/meta/date)' '0'
fact 004 'count(/plan/basis/ref)' '2'
fact 004 'count(/plan/body/section)' '5'
fact 004 "count(//section[@kind='responsibilities']//agency)" '10'
fact 004 'count(//task)' '6'
fact 004 'string(//task[1]/lead)' 'Văn phòng UBND tỉnh'
fact 004 'count(//amount)' '0'
fact 004 'string(/plan/closing/signature/@signer)' 'Thân Đức Hưởng'
fact 004 'count(/plan/closing/signature/@authority)' '0'
finish
