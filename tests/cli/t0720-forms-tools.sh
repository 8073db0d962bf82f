#!/bin/sh
# The rollover draft and the report forms as DOCX and PDF pass the tool
# checks generated plans pass: qpdf, embedded subset fonts with real
# glyphs, every word of the layout in the PDF, python-docx opens the
# DOCX, LibreOffice converts it, FOP renders the layout with the soan:
# elements stripped (SOAN_NO_EXTERNAL=1 skips LibreOffice and FOP).  The
# DOCX has the places to fill as content controls and, with
# --track-changes, the changes as w:del/w:ins.  Reading an agency's form
# back (soan extract on its DOCX and PDF) gives exactly that agency's
# tasks.  Skipped while this soan writes no DOCX or PDF.
. "$(dirname "$0")/../lib.sh"

have() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "ok - # SKIP $*"; }
CHECK="python3 $TOP/tests/pdfcheck.py"
tap_from() {
	"$@" >"$T/.tap" 2>&1
	while IFS= read -r line; do
		case $line in
		"not ok"*) not_ok "${line#not ok - }" ;;
		"ok"*) ok "${line#ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$T/.tap"
}

P=$TOP/corpus/001-hatinh-asean-2020/expected.xml
if ! soan report "$P" -o "$T/probe.pdf" >/dev/null 2>&1 || ! soan report "$P" -o "$T/probe.docx" >/dev/null 2>&1; then
	skip "this soan writes no DOCX or PDF yet"
	finish
fi
if ! have qpdf || ! have pdftotext || ! have python3; then
	skip "qpdf, poppler-utils or python3 not installed"
	finish
fi
external=
[ -z "${SOAN_NO_EXTERNAL:-}" ] && have soffice && have fop && have xsltproc && external=1

# the documents: a draft with tracked changes, the whole plan's form,
# two agencies' forms (one with duties and led tasks, one only joining)
soan rollover -q --track-changes "$P" -o "$T/next.docx"
soan rollover -q "$P" -o "$T/next.pdf"
soan rollover -q "$P" -o "$T/next.fo"
soan report "$P" -o "$T/all.docx"
soan report "$P" -o "$T/all.pdf"
soan report "$P" -o "$T/all.fo"
for a in 'Sở Văn hóa, Thể thao và Du lịch:vh' 'Hội doanh nghiệp tỉnh:hdn'; do
	name=${a%%:*} f=${a##*:}
	soan report "$P" --agency "$name" -o "$T/$f.docx"
	soan report "$P" --agency "$name" -o "$T/$f.pdf"
	soan report "$P" --agency "$name" -o "$T/$f.fo"
	soan report "$P" --agency "$name" -o "$T/$f.xml"
done

for d in next all vh hdn; do
	check "$d.pdf: qpdf --check" qpdf --check "$T/$d.pdf"
	tap_from $CHECK fonts "$T/$d.pdf"
	tap_from $CHECK glyphs "$T/$d.pdf"
	tap_from $CHECK text "$T/$d.fo" "$T/$d.pdf"
	pdftotext "$T/$d.pdf" /dev/null 2>"$T/.warn"
	[ ! -s "$T/.warn" ] && ok "$d.pdf: pdftotext without warnings" || not_ok "$d.pdf: pdftotext without warnings"
	check "$d.docx: python-docx opens it" /usr/bin/python3 -c "import docx, sys; docx.Document(sys.argv[1])" "$T/$d.docx"
	if [ -n "$external" ]; then
		mkdir -p "$T/lo"
		timeout 300 soffice --headless --convert-to pdf --outdir "$T/lo" "$T/$d.docx" >"$T/.lo" 2>&1
		[ -s "$T/lo/$d.pdf" ] && ok "$d.docx: LibreOffice converts it" || { not_ok "$d.docx: LibreOffice converts it"; sed 's/^/#   /' "$T/.lo"; }
		xsltproc "$TOP/tests/fop/strip-soan.xsl" "$T/$d.fo" >"$T/$d.plain.fo" 2>/dev/null ||
			xsltproc - "$T/$d.fo" >"$T/$d.plain.fo" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:soan="urn:soan:layout">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
  <xsl:template match="soan:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
EOF
		timeout 300 fop -q -fo "$T/$d.plain.fo" -pdf "$T/$d.fop.pdf" >"$T/.fop" 2>&1
		[ -s "$T/$d.fop.pdf" ] && ok "$d.fo: FOP renders it" || { not_ok "$d.fo: FOP renders it"; head -5 "$T/.fop" | sed 's/^/#   /'; }
	fi
done

# places to fill: Word content controls with the hints as placeholders
n=$(unzip -p "$T/vh.docx" word/document.xml | grep -o '<w:sdt>' | wc -l)
want=$(xmllint --xpath 'count(//fill)' "$T/vh.xml")
[ "$n" = "$want" ] && ok "vh.docx: one content control per place to fill ($n)" ||
	not_ok "vh.docx: one content control per place to fill ($n, wanted $want)"
unzip -p "$T/vh.docx" word/document.xml | grep -q 'w:showingPlcHdr' &&
	ok "vh.docx: controls show their hint as placeholder" || not_ok "vh.docx: controls show their hint as placeholder"
# tracked changes: a deletion and an insertion per change of the draft
unzip -p "$T/next.docx" word/document.xml >"$T/next.document.xml"
grep -q '<w:delText[^>]*>năm 2020</w:delText>' "$T/next.document.xml" &&
	ok "next.docx: 'năm 2020' deleted as a tracked change" || not_ok "next.docx: 'năm 2020' deleted as a tracked change"
grep -q '<w:ins ' "$T/next.document.xml" && ok "next.docx: insertions tracked" || not_ok "next.docx: insertions tracked"

# every corpus plan: its draft and its form are written as DOCX and PDF
for dir in "$TOP"/corpus/*/; do
	n=$(basename "$dir")
	e="$dir/expected.xml"
	[ -f "$e" ] || continue
	expect_exit 0 "$n: draft as DOCX with tracked changes" soan rollover -q --track-changes "$e" -o "$T/c.docx"
	expect_exit 0 "$n: draft as PDF" soan rollover -q "$e" -o "$T/c.pdf"
	expect_exit 0 "$n: report form as DOCX" soan report "$e" -o "$T/c.docx"
	expect_exit 0 "$n: report form as PDF" soan report "$e" -o "$T/c.pdf"
done

# an agency's form read back gives exactly that agency's tasks
tasks() { xmllint --xpath '//appendix//cell[@role="task"]' "$1" 2>/dev/null | sed -e 's/<[^>]*>/\n/g' | sed '/^ *$/d' | tr -s ' '; }
for f in vh hdn; do
	tasks "$T/$f.xml" >"$T/$f.want"
	for ext in docx pdf; do
		if soan extract "$T/$f.$ext" -o "$T/$f.$ext.xml" 2>"$T/.err"; then
			tasks "$T/$f.$ext.xml" >"$T/$f.$ext.got"
			same "$T/$f.want" "$T/$f.$ext.got" "$f.$ext read back: the agency's tasks, exactly"
		else
			not_ok "$f.$ext read back"
			sed 's/^/#   /' "$T/.err"
		fi
	done
done
finish
