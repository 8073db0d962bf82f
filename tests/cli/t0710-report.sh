#!/bin/sh
# soan report on every corpus plan: the whole plan's form and one form per
# agency are valid report XML (jing); the forms of 001 (Hà Tĩnh) hold
# what a person read off the plan; one agency's form is the reviewed
# golden file; file names; misuse.
. "$(dirname "$0")/../lib.sh"

have_jing=0
command -v jing >/dev/null 2>&1 && have_jing=1
valid() { # DESC FILE
	if [ $have_jing = 1 ]; then check "$1" jing "$TOP/extract/plan/plan.rng" "$2"; else check "$1" soan validate -q "$2"; fi
}
q() { xmllint --xpath "$2" "$1" 2>/dev/null; }
fact() { # FILE XPATH WANT
	got=$(q "$1" "$2")
	if [ "$got" = "$3" ]; then ok "$(basename "$1"): $2 = $3"; else not_ok "$(basename "$1"): $2 = '$3' (got '$got')"; fi
}

for dir in "$TOP"/corpus/*/; do
	name=$(basename "$dir")
	exp="$dir/expected.xml"
	[ -f "$exp" ] || continue
	if soan report "$exp" -o "$T/$name.xml" 2>"$T/err"; then
		valid "$name: whole-plan form valid" "$T/$name.xml"
		fact "$T/$name.xml" 'string(/plan/meta/doctype/@code)' 'BC'
		fact "$T/$name.xml" "count(/plan/body/section[@kind='results'])" '1'
		fact "$T/$name.xml" 'string(/plan/closing/recipients/recipient[1])' 'Như trên;'
		n=$(q "$T/$name.xml" 'count(//fill)')
		[ "${n:-0}" -gt 10 ] && ok "$name: places to write ($n)" || not_ok "$name: places to write ($n)"
	else
		not_ok "$name: whole-plan form"
		sed 's/^/#   /' "$T/err"
	fi
	soan report "$exp" --list-agencies >"$T/agencies" 2>/dev/null
	n=$(wc -l <"$T/agencies")
	mkdir -p "$T/$name"
	if soan report -q "$exp" --each-agency -f xml --outdir "$T/$name" 2>"$T/err"; then
		files=$(ls "$T/$name" | wc -l)
		[ "$files" = "$n" ] && ok "$name: one form per agency ($n)" || not_ok "$name: one form per agency ($files files, $n agencies)"
		bad=0
		for f in "$T/$name"/*.xml; do
			soan validate -q "$f" >/dev/null 2>&1 || bad=$((bad + 1))
			case $(basename "$f") in *[!a-z0-9.-]*) bad=$((bad + 1)) ;; esac
			# an agency's form names it as issuer and lists only its tasks
			[ "$(q "$f" 'count(//appendix//row)')" -gt 0 ] || bad=$((bad + 1))
		done
		[ $bad = 0 ] && ok "$name: every agency's form valid, ASCII-named, with its tasks" || not_ok "$name: $bad bad agency forms"
	else
		not_ok "$name: --each-agency"
		sed 's/^/#   /' "$T/err" | head -5
	fi
done

# Hà Tĩnh 2020, read off the plan by a person: Sở Văn hóa, Thể thao và Du
# lịch has three duties in IV.2 and leads two rows of the appendix (II.3,
# III.2), joins none; reports go to UBND tỉnh through Sở TT&TT.
p=$TOP/corpus/001-hatinh-asean-2020/expected.xml
soan report "$p" --agency 'Sở VHTTDL' -o "$T/vh.xml"
fact "$T/vh.xml" 'string(/plan/meta/issuer)' 'Sở Văn hóa, Thể thao và Du lịch'
fact "$T/vh.xml" 'string(/plan/meta/parent-issuer)' 'UBND tỉnh Hà Tĩnh'
fact "$T/vh.xml" 'count(/plan/meta/addressee)' '2'
fact "$T/vh.xml" 'string(/plan/meta/addressee[1])' 'Ủy ban nhân dân tỉnh Hà Tĩnh'
fact "$T/vh.xml" 'string(/plan/meta/addressee[2])' 'Sở Thông tin và Truyền thông'
fact "$T/vh.xml" "count(//appendix//group[@title='Nhiệm vụ được giao']/row)" '3'
fact "$T/vh.xml" "count(//appendix//group[@title='Nhiệm vụ chủ trì']/row)" '2'
fact "$T/vh.xml" "count(//appendix//group[@title='Nhiệm vụ phối hợp']/row)" '0'
fact "$T/vh.xml" 'string(/plan/meta/date/@month)' '12'
same "$TOP/tests/golden/report/001-hatinh-asean-2020.so-van-hoa-the-thao-va-du-lich.xml" "$T/vh.xml" \
	"001: Sở VHTTDL's form is the reviewed one"
# Sở Thông tin và Truyền thông, written "Sở TT&TT" in a cell: the same agency
soan report "$p" --agency 'Sở TT&TT' -o "$T/tt.xml"
fact "$T/tt.xml" 'string(/plan/meta/issuer)' 'Sở Thông tin và Truyền thông'
fact "$T/tt.xml" "count(//appendix//group[@title='Nhiệm vụ phối hợp']/row[cell[@role='partners']='Sở TT&TT'])" '1'
# the whole plan: compiled by Sở TT&TT for UBND tỉnh; the plan's 17 rows
soan report "$p" -o "$T/all.xml"
fact "$T/all.xml" 'string(/plan/meta/issuer)' 'Sở Thông tin và Truyền thông'
fact "$T/all.xml" 'count(//appendix//row)' '17'
fact "$T/all.xml" 'count(//appendix/table/group)' '4'
# --year and --symbol
soan report "$p" --year 2021 --symbol BC-STTTT -o "$T/y.xml"
fact "$T/y.xml" 'string(/plan/meta/number/@symbol)' 'BC-STTTT'
fact "$T/y.xml" 'string(/plan/body/section[3]/@heading)' 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022'

# a plan with its own report outline (Đề cương báo cáo, v01's Phụ lục II):
# the form follows it, the tasks under its "Kết quả thực hiện các nhiệm vụ"
v=$TOP/corpus/v01-chuyendoiso-2026-md/expected.xml
soan report "$v" -o "$T/v01.xml"
fact "$T/v01.xml" 'count(/plan/body/section)' '3'
fact "$T/v01.xml" 'string(/plan/body/section[2]/@heading)' 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'
fact "$T/v01.xml" 'string(/plan/body/section[1]/section[2]/@heading)' 'Kết quả thực hiện các nhiệm vụ'
fact "$T/v01.xml" 'count(/plan/body/section[1]/section[2]//item[p/fill])' '3'
fact "$T/v01.xml" 'string(/plan/meta/issuer)' 'Sở Khoa học và Công nghệ'

# from the source text, not only the reviewed XML
soan report "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" --agency 'Sở VHTTDL' -o "$T/vh2.xml"
same "$T/vh.xml" "$T/vh2.xml" "001: the same form from the plan's text"

# misuse
expect_exit 2 "no output" soan report "$p"
expect_exit 2 "--each-agency needs --outdir" soan report --each-agency "$p"
expect_exit 2 "--agency with --each-agency" soan report --each-agency --agency 'Sở Tài chính' --outdir "$T/x" "$p"
expect_exit 2 "bad --symbol" soan report --symbol 'BC SNV' "$p" -o "$T/x.xml"
expect_exit 2 "bad --format" soan report --each-agency -f odt --outdir "$T/x" "$p"
expect_exit 1 "an agency the plan asks nothing of" soan report --agency 'Sở Y tế' "$p" -o "$T/x.xml"
check "it is named" grep -q "the plan asks nothing of 'Sở Y tế'" "$T/.err"
check "no output left" test ! -e "$T/x.xml"
expect_exit 1 "not a plan" soan report "$TOP/tests/bad/not-a-plan.txt" -o "$T/x.xml"
finish
