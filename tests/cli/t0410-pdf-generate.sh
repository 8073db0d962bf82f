#!/bin/sh
# soan generate -o x.pdf on every corpus plan: the PDF writer behind the
# CLI, after the templates and the layout check.  Each PDF passes qpdf,
# has only embedded subset fonts with real glyphs for every character,
# gives back every word of its layout through pdftotext, and FOP renders
# the same layout to within a page (SOAN_NO_EXTERNAL=1 skips FOP).
# Skipped while soan generate cannot write PDF.
. "$(dirname "$0")/../lib.sh"

CHECK="python3 $TOP/tests/pdfcheck.py"
have() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "ok - # SKIP $*"; }
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

if ! soan generate --help 2>/dev/null | grep -q '\.pdf'; then
	skip "soan generate does not write PDF in this build"
	finish
fi
if ! have pdftotext || ! have python3 || ! have qpdf; then
	skip "poppler-utils, qpdf or python3 not installed"
	finish
fi

fop_ready=
if [ -z "${SOAN_NO_EXTERNAL:-}" ] && have fop && have xsltproc && have fc-match; then
	cat >"$T/strip.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:soan="urn:soan:layout">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
  <xsl:template match="soan:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
EOF
	{
		echo '<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>'
		for s in "Regular|normal|normal" "Bold|normal|bold" "Italic|italic|normal" "Bold Italic|italic|bold"; do
			st=${s%%|*} rest=${s#*|}
			f=$(fc-match -f '%{file}' "Times New Roman:style=$st")
			echo "<font kerning=\"no\" embed-url=\"file://$f\"><font-triplet name=\"Times New Roman\" style=\"${rest%|*}\" weight=\"${rest#*|}\"/></font>"
		done
		echo '</fonts></renderer></renderers></fop>'
	} >"$T/fop.xconf"
	fop_ready=1
fi

for plan in "$TOP"/corpus/*/*.txt; do
	[ -f "$plan" ] || continue
	case $plan in *nfd*) continue ;; esac
	b=$(basename "$plan" .txt)
	expect_exit 0 "$b: soan generate writes a PDF" soan generate "$plan" -o "$T/$b.pdf"
	soan generate "$plan" -o "$T/$b.fo" >/dev/null 2>&1
	[ -s "$T/$b.pdf" ] || continue
	check "$b: qpdf --check passes" qpdf --check "$T/$b.pdf"
	tap_from $CHECK fonts "$T/$b.pdf"
	tap_from $CHECK glyphs "$T/$b.pdf"
	[ -s "$T/$b.fo" ] && tap_from $CHECK text "$T/$b.fo" "$T/$b.pdf"
	pdftotext "$T/$b.pdf" /dev/null 2>"$T/.warn"
	[ ! -s "$T/.warn" ] && ok "$b: pdftotext reads it without warnings" ||
		not_ok "$b: pdftotext reads it without warnings"
	if [ -n "$fop_ready" ] && [ -s "$T/$b.fo" ]; then
		xsltproc "$T/strip.xsl" "$T/$b.fo" >"$T/$b-fop.fo"
		if fop -q -c "$T/fop.xconf" -fo "$T/$b-fop.fo" -pdf "$T/$b-fop.pdf" >/dev/null 2>&1; then
			ours=$($CHECK pages "$T/$b.pdf")
			theirs=$($CHECK pages "$T/$b-fop.pdf")
			d=$((ours - theirs))
			[ "$d" -ge -1 ] && [ "$d" -le 1 ] &&
				ok "$b: FOP renders the layout in $theirs pages, we in $ours" ||
				not_ok "$b: FOP renders the layout in $theirs pages, we in $ours"
		else
			not_ok "$b: FOP renders the layout"
		fi
	fi
done
finish
