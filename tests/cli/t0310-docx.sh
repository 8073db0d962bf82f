#!/bin/sh
# The DOCX writer.  Golden word/document.xml for small layouts
# (tests/golden/docx/NAME.fo beside NAME.document.xml, and
# NAME.track-changes.document.xml with --track-changes), compared after
# one named canonical step: xmllint --format.  Then, on the sample plan
# and every corpus plan: the package is what Word needs, the layout
# numbers read back from the XML are the decree's, python-docx sees the
# layout's paragraphs and tables, the output is the same bytes every time,
# and (outside the valgrind and sanitizer passes) LibreOffice converts
# every DOCX to PDF with its Vietnamese text intact.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
G=$TOP/tests/golden/docx
canon() { unzip -p "$1" word/document.xml | xmllint --format - >"$2"; }

for fo in "$G"/*.fo; do
	name=$(basename "$fo" .fo)
	expect_exit 0 "$name.fo: written as DOCX" soan generate "$fo" -o "$T/$name.docx"
	canon "$T/$name.docx" "$T/$name.xml"
	same "$G/$name.document.xml" "$T/$name.xml" "$name: word/document.xml as expected"
	if [ -f "$G/$name.track-changes.document.xml" ]; then
		expect_exit 0 "$name.fo: written with tracked changes" soan generate --track-changes "$fo" -o "$T/$name-t.docx"
		canon "$T/$name-t.docx" "$T/$name-t.xml"
		same "$G/$name.track-changes.document.xml" "$T/$name-t.xml" "$name: tracked changes as expected"
		unzip -p "$T/$name-t.docx" word/settings.xml | grep -q '<w:trackRevisions/>' &&
			ok "$name: tracking stays on for the reader" || not_ok "$name: tracking stays on for the reader"
	fi
done

# the package: every part Word needs, each well-formed, nothing else
unzip -Z1 "$T/features.docx" >"$T/parts"
printf '%s\n' '[Content_Types].xml' _rels/.rels word/_rels/document.xml.rels word/document.xml \
	word/styles.xml word/settings.xml word/header1.xml word/header2.xml word/header3.xml \
	docProps/core.xml docProps/app.xml >"$T/want-parts"
same "$T/want-parts" "$T/parts" "package: the parts, in order"
bad=0
while read -r p; do
	# unzip takes names as patterns: [ and ] need a backslash
	unzip -p "$T/features.docx" "$(printf '%s' "$p" | sed 's/[][]/\\&/g')" | xmllint --noout - 2>/dev/null ||
		{ bad=1; echo "# not well-formed: $p"; }
done <"$T/parts"
[ $bad = 0 ] && ok "package: every part is well-formed XML" || not_ok "package: every part is well-formed XML"
unzip -p "$T/features.docx" '\[Content_Types\].xml' >"$T/ct"
n=$(grep -o 'wordprocessingml.header+xml' "$T/ct" | wc -l)
[ "$n" = 3 ] && ok "package: three header parts declared" || not_ok "package: three header parts declared ($n)"
unzip -p "$T/features.docx" docProps/core.xml | grep -q '<dc:title>Kế hoạch thử</dc:title>' &&
	ok "package: the title from fo:declarations" || not_ok "package: the title from fo:declarations"
n=$(unzip -l "$T/features.docx" | grep -c ' 1980-01-01 00:00 ')
[ "$n" = "$(wc -l <"$T/parts")" ] && ok "package: fixed time stamps" || not_ok "package: fixed time stamps ($n)"

# layouts the subset allows but Word cannot print: refused, nothing written
sed -e '/fo:float/d' -e 's/page-width="210mm"/page-width="900mm"/' "$TOP/tests/golden/fo/bad/float.fo" >"$T/wide.fo"
expect_exit 1 "a page wider than Word allows" soan generate "$T/wide.fo" -o "$T/wide.docx"
grep -q "page size Word cannot print '900x297mm'" "$T/.err" && [ ! -e "$T/wide.docx" ] &&
	ok "the page size named, no output" || not_ok "the page size named, no output"
sed -e '/fo:float/d' -e 's|<fo:region-body/>|<fo:region-body margin-left="200mm"/>|' "$TOP/tests/golden/fo/bad/float.fo" >"$T/narrow.fo"
expect_exit 1 "margins wider than the page" soan generate "$T/narrow.fo" -o "$T/narrow.docx"
grep -q "page margins leave no room for text" "$T/.err" && ok "the margins named" || not_ok "the margins named"

# plans: layout numbers measured from the XML, python-docx, determinism
SAMPLE=$TOP/tests/data/sample-plan.xml
expect_exit 0 "sample plan written as DOCX" soan generate "$SAMPLE" -o "$T/sample.docx"
$PY "$TOP/tests/tools/docx_measure.py" "$T/sample.docx" >"$T/m" 2>&1 || cat "$T/m" | sed 's/^/#   /'
has() { grep -q -- "$2" "$T/m" && ok "$1" || { not_ok "$1"; grep -m3 -- "${3:-$2}" "$T/m" | sed 's/^/#   /'; }; }
has "Times New Roman 14 pt by default" '^default size=28 font=Times New Roman$'
has "page 1: A4 portrait, margins 20/15/20/30 mm, header 10 mm, no number on page 1" \
	'^section 1 w=11906 h=16838 orient=portrait top=1134 right=850 bottom=1134 left=1701 header=567 titlePg=1 start=- first=empty default=page$' '^section 1'
has "appendix: A4 landscape, 20/15/15/30 mm, numbered from 1, none on its first page" \
	'^section 2 w=16838 h=11906 orient=landscape top=1134 right=850 bottom=850 left=1701 header=567 titlePg=1 start=1 first=empty default=page$' '^section 2'
has "header table 66 + 99 mm" '^table 1 grid=3742,5613$' '^table 1'
has "signature table 58 + 107 mm" '^table 2 grid=3288,6066$' '^table 2'
has "issuer 13 pt bold caps" '^para size=26 bold=1 italic=0 jc=center .* text=ỦY BAN NHÂN DÂN$'
has "Quốc hiệu 13 pt bold" '^para size=26 bold=1 italic=0 jc=center .* text=CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$'
has "Tiêu ngữ 14 pt bold" '^para size=28 bold=1 italic=0 jc=center .* text=Độc lập - Tự do - Hạnh phúc$'
has "Số 13 pt upright" '^para size=26 bold=0 italic=0 jc=center .* text=Số: 446/KH-UBND$'
has "place and date 14 pt italic" '^para size=28 bold=0 italic=1 jc=center .* text=Hà Tĩnh, ngày 16 tháng 12 năm 2019$'
has "KẾ HOẠCH 14 pt bold centred" '^para size=28 bold=1 italic=0 jc=center .* text=KẾ HOẠCH$'
has "body justified, 1.27 cm first line, 6 pt before" '^para size=28 bold=0 italic=0 jc=both first=720 before=120 border=0 text=- Triển khai'
has "Roman heading bold capitals" '^para size=28 bold=1 italic=0 jc=both first=720 .* text=I. MỤC ĐÍCH, YÊU CẦU$'
has "Nơi nhận 12 pt bold italic" '^para size=24 bold=1 italic=1 jc=left .* text=Nơi nhận:$'
has "recipients 11 pt" '^para size=22 bold=0 italic=0 jc=left .* text=- Lưu: VT, VX1.$'
has "signer 14 pt bold" '^para size=28 bold=1 italic=0 jc=center .* text=Đặng Quốc Vinh$'
has "Phụ lục 14 pt bold" '^para size=28 bold=1 italic=0 jc=center .* text=Phụ lục$'
has "Kèm theo line italic" '^para size=28 bold=0 italic=1 jc=center .* text=(Kèm theo Kế hoạch số /KH-UBND ngày /12/2019 của UBND tỉnh)$'
n=$(unzip -p "$T/sample.docx" word/document.xml | grep -o '<w:pBdr>' | wc -l)
[ "$n" = 4 ] && ok "four short rules (issuer, Tiêu ngữ, title, appendix) as bottom borders" ||
	not_ok "four short rules as bottom borders ($n)"
unzip -p "$T/sample.docx" word/document.xml | grep -q '<w:tblHeader/>' &&
	ok "the task table's header row repeats" || not_ok "the task table's header row repeats"
unzip -p "$T/sample.docx" word/document.xml | grep -q '<w:vMerge w:val="restart"/>' &&
	ok "the equal timeline cells stay merged" || not_ok "the equal timeline cells stay merged"
unzip -p "$T/sample.docx" word/document.xml | grep -q '<w:gridSpan w:val="4"/>' &&
	ok "group rows span the width" || not_ok "group rows span the width"

# parameters reach the numbers
expect_exit 0 "parameters: 13 pt, 1 cm, margins 25/20/35/20" soan generate "$SAMPLE" \
	--param font-size=13 --param indent=1 --param margin-top=25 --param margin-left=35 \
	--param margin-right=20 --param landscape-appendix=no -o "$T/p.docx"
$PY "$TOP/tests/tools/docx_measure.py" "$T/p.docx" >"$T/m"
has "parameters: body 13 pt" '^default size=26 '
has "parameters: first line 1 cm" '^para size=26 bold=0 italic=0 jc=both first=567 before=120 border=0 text=- Triển khai'
has "parameters: margins top 25, left 35, right 20 mm" '^section 1 w=11906 h=16838 orient=portrait top=1417 right=1134 bottom=1134 left=1984 '
has "parameters: appendix kept portrait" '^section 2 w=11906 h=16838 orient=portrait '

expect_exit 0 "the same plan again" soan generate "$SAMPLE" -o "$T/again.docx"
cmp -s "$T/sample.docx" "$T/again.docx" && ok "the same bytes every time" || not_ok "the same bytes every time"
TZ=Asia/Ho_Chi_Minh soan generate "$SAMPLE" -o "$T/tz.docx"
cmp -s "$T/sample.docx" "$T/tz.docx" && ok "the same bytes in another time zone" || not_ok "the same bytes in another time zone"

# python-docx sees what the layout holds, for every corpus plan
mkdir -p "$T/corpus"
for x in "$TOP"/corpus/*/expected.xml "$SAMPLE"; do
	name=$(basename "$(dirname "$x")")
	[ "$name" = data ] && name=sample-plan
	soan generate "$x" -o "$T/corpus/$name.fo" && soan generate "$x" -o "$T/corpus/$name.docx"
	if $PY "$TOP/tests/tools/docx_check.py" "$T/corpus/$name.fo" "$T/corpus/$name.docx" >"$T/.chk" 2>&1; then
		ok "$name: python-docx sees the layout's paragraphs and tables"
	else
		not_ok "$name: python-docx sees the layout's paragraphs and tables"; sed 's/^/#   /' "$T/.chk" | head -8
	fi
done

# LibreOffice, once, on every DOCX (slow: not in the valgrind or sanitizer passes)
if [ -n "${SOAN_NO_EXTERNAL:-}${SANITIZE:-}" ]; then
	ok "LibreOffice checks skipped in this pass # SKIP"
else
	cp "$T/features.docx" "$T/features-t.docx" "$T/p.docx" "$T/corpus/"
	(cd "$T/corpus" && HOME=$T timeout 300 soffice --headless --convert-to pdf --outdir "$T/lo" ./*.docx) >"$T/lo.log" 2>&1
	for d in "$T"/corpus/*.docx; do
		name=$(basename "$d" .docx)
		pdf=$T/lo/$name.pdf
		pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		[ -n "$pages" ] && [ "$pages" -ge 1 ] && ok "$name: LibreOffice converts it ($pages pages)" ||
			{ not_ok "$name: LibreOffice converts it"; sed 's/^/#   /' "$T/lo.log" | head -5; continue; }
		pdffonts "$pdf" | awk 'NR > 2 { print $1 }' >"$T/fonts"
		grep -q LiberationSerif "$T/fonts" && ! grep -qv LiberationSerif "$T/fonts" &&
			ok "$name: set in Liberation Serif only (no fallback font)" ||
			{ not_ok "$name: set in Liberation Serif only"; sed 's/^/#   /' "$T/fonts"; }
		case $name in features*) continue ;; esac
		pdftotext "$pdf" - | grep -q 'Độc lập - Tự do - Hạnh phúc' &&
			ok "$name: Vietnamese text intact in the PDF" || not_ok "$name: Vietnamese text intact in the PDF"
	done
fi
finish
