#!/bin/sh
# Key facts of the real plans typed in Word (tests/data/real/docx), each
# checked by reading the document rendered by LibreOffice: header, the
# top-level sections and their kinds, numbering Word added (not typed),
# appendix groups and task rows, the signer.  The whole plan XML is pinned
# only for the corpus (t0230) and kh-tuyentruyen (t0220).
. "$(dirname "$0")/../lib.sh"

D=$TOP/tests/data/real/docx
# fact FILE XPATH WANT
fact() {
	[ -s "$T/$1.xml" ] || $RUN "$SOAN" extract "$D/$1.docx" >"$T/$1.xml" 2>/dev/null
	got=$(xmllint --xpath "$2" "$T/$1.xml" 2>/dev/null)
	if [ "$got" = "$3" ]; then ok "$1: $2 = $3"; else not_ok "$1: $2 = $3 (got '$got')"; fi
}

p=kh-cchc-2026-lamdong
fact $p 'string(/plan/meta/issuer)' 'Ủy ban nhân dân tỉnh Lâm Đồng'
fact $p 'string(/plan/meta/number/@symbol)' 'KH-UBND'
fact $p 'string(/plan/meta/number)' ''
fact $p 'string(/plan/meta/date/@year)' '2025'
fact $p 'string(/plan/meta/date/@month)' '12'
fact $p 'string(/plan/meta/title)' 'Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng'
fact $p 'count(/plan/body/section)' '2'
fact $p 'string(/plan/body/section[1]/@heading)' 'MỤC TIÊU, NHIỆM VỤ'
fact $p 'string(/plan/body/section[2]/@kind)' 'responsibilities'
# "1." and "2." come from numbering.xml, not from the text
fact $p 'string(/plan/body/section[1]/section[1]/@number)' '1'
fact $p 'string(/plan/body/section[1]/section[1]/@heading)' 'Cải cách thể chế'
fact $p 'string(/plan/body/section[1]/section[2]/@heading)' 'Cải cách thủ tục hành chính'
fact $p 'count(/plan/appendix)' '1'
fact $p 'count(/plan/appendix/table/group)' '7'
fact $p 'count(/plan/appendix//row)' '52'
fact $p 'string(/plan/closing/signature/@deputy)' 'KT. CHỦ TỊCH'
fact $p 'string(/plan/closing/signature/@signer)' 'Nguyễn Ngọc Phúc'

p=kh-cchc-2026-2030-lamdong
fact $p 'string(/plan/meta/date/@year)' '2026'
fact $p 'string(/plan/meta/date/@month)' '3'
fact $p 'count(/plan/body/section)' '3'
fact $p 'string(/plan/body/section[1]/@heading)' 'QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU'
fact $p 'string(/plan/body/section[3]/@kind)' 'responsibilities'
fact $p 'count(/plan/appendix/table/group)' '7'
fact $p 'count(/plan/appendix//row)' '59'
fact $p 'string(/plan/closing/signature/@signer)' 'Nguyễn Ngọc Phúc'

p=kh-kiemtra-cchc-2026-lamdong
fact $p 'count(/plan/body/section)' '6'
fact $p 'string(/plan/body/section[6]/@heading)' 'KINH PHÍ'
fact $p 'string(/plan/body/section[6]/@kind)' 'budget'
# the đề cương báo cáo after the plan is an appendix outline, I..VIII
fact $p 'count(/plan/appendix)' '2'
fact $p 'count(/plan/appendix[2]/section)' '8'

p=kh-thidua-cchc-2026-lamdong
fact $p 'count(/plan/body/section)' '7'
fact $p 'string(/plan/body/section[6]/@heading)' 'KINH PHÍ THỰC HIỆN'
fact $p 'string(/plan/body/section[6]/@kind)' 'budget'
fact $p 'count(/plan/appendix)' '0'
fact $p 'string(/plan/closing/signature/@signer)' 'Nguyễn Ngọc Phúc'

p=kh-pcmt-2030-lamdong
fact $p 'string(/plan/meta/date/@year)' '2025'
fact $p 'string(/plan/meta/date/@month)' '10'
fact $p 'count(/plan/body/section)' '4'
fact $p 'string(/plan/body/section[4]/@heading)' 'TỔ CHỨC THỰC HIỆN'
fact $p 'string(/plan/closing/signature/@signer)' 'Nguyễn Minh'
finish
