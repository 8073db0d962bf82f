#!/bin/sh
# The PDF writer on hand-made FO (tests/data/fo/): checked with tools we
# did not write (qpdf, poppler, FOP), measured rather than assumed.
# Tool-dependent checks are skipped when the tool is missing; FOP is
# skipped with SOAN_NO_EXTERNAL=1.
. "$(dirname "$0")/../lib.sh"

FO2PDF=$TOP/${B:-build}/tests/fo2pdf
FO=$TOP/tests/data/fo
CHECK="python3 $TOP/tests/pdfcheck.py"
have() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "ok - # SKIP $*"; }
fo2pdf() { $RUN "$FO2PDF" "$@"; }
# tap_from CMD...: pass TAP lines of a checker through, count its failures
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

if [ ! -x "$FO2PDF" ]; then
	not_ok "test driver $FO2PDF is built"
	finish
fi

# ---- a whole Kế hoạch -------------------------------------------------------------
K=$T/kehoach.pdf
expect_exit 0 "a Kế hoạch with a landscape appendix is written" fo2pdf "$FO/kehoach.fo" "$K"
head -c 5 "$K" | grep -q '^%PDF-' && ok "it starts as a PDF" || not_ok "it starts as a PDF"
fo2pdf "$FO/kehoach.fo" "$T/again.pdf" >/dev/null 2>&1
same "$K" "$T/again.pdf" "the same layout gives the same bytes"

if have qpdf; then
	for f in kehoach marks; do
		[ -f "$T/$f.pdf" ] || fo2pdf "$FO/$f.fo" "$T/$f.pdf" >/dev/null 2>&1
		check "qpdf --check passes on $f.pdf" qpdf --check "$T/$f.pdf"
	done
else skip "qpdf not installed"; fi

if have pdffonts && have pdftotext && have python3; then
	tap_from $CHECK fonts "$K"
	tap_from $CHECK text "$FO/kehoach.fo" "$K"
	pdftotext "$K" /dev/null 2>"$T/.warn"
	[ ! -s "$T/.warn" ] && ok "pdftotext reads it without warnings (ToUnicode is a bfrange map)" ||
		{ not_ok "pdftotext reads it without warnings"; sed 's/^/#   /' "$T/.warn" | head -3; }
	pdfinfo "$K" >"$T/.info"
	grep -q "^Title: *Kế hoạch tuyên truyền, quảng bá ASEAN năm 2020" "$T/.info" &&
		ok "the title comes from fo:declarations" || not_ok "the title comes from fo:declarations"
	grep -q "^Author: *Ủy ban nhân dân tỉnh Hà Tĩnh" "$T/.info" &&
		ok "the author comes from fo:declarations" || not_ok "the author comes from fo:declarations"

	# A4 portrait 210 x 297 mm, margins top 20 (10 + region-body 10), bottom 20,
	# left 30, right 15; the landscape appendix 297 x 210, bottom 15, its text
	# inside cells (padding 2 pt + half the 0.5 pt border).
	tap_from $CHECK geometry "$K" 1 595.276 841.89 85.039 42.520 56.693 56.693
	tap_from $CHECK geometry "$K" 2 595.276 841.89 85.039 42.520 56.693 56.693
	tap_from $CHECK geometry "$K" 5 841.89 595.276 85.039 "<42.520" 56.693 42.520 2.25
	pdftotext -f 1 -l 1 -bbox "$K" - | grep -q 'yMax="[0-4][0-9]\.[0-9]*">1</word>' &&
		not_ok "page 1 has no page number" || ok "page 1 has no page number"

	# font sizes and styles per element (Nghị định 30, Phụ lục I)
	tap_from $CHECK sizes "$K" "CỘNG HÒA XÃ HỘI=13b" "Độc lập - Tự do=14b" "ỦY BAN NHÂN DÂN=13b" \
		"Hà Tĩnh, ngày=14i" "KẾ HOẠCH=14b" "Căn cứ Quyết định=14" "I. MỤC ĐÍCH=14b" \
		"Nơi nhận:=12bi" "- Lưu: VT=11" "TM. ỦY BAN=14b" "Phụ lục I=14b" "STT=12b" \
		"(Kèm theo=13i"

	# the appendix: page numbers restart at 1 (page 2 of it shows 2) and the
	# header row is repeated on every page of the table
	pages=$($CHECK pages "$K")
	first=$(for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$K" - | grep -q "^Phụ lục I" && echo "$p"; done | head -1)
	n=0
	for p in $(seq $((first + 1)) "$pages"); do
		pdftotext -f "$p" -l "$p" -layout "$K" - | head -4 >"$T/.top"
		grep -q "STT *Nội dung nhiệm vụ" "$T/.top" && n=$((n + 1))
	done
	[ "$n" -ge 3 ] && [ "$n" = $((pages - first)) ] &&
		ok "the table header row is repeated on each of the $n appendix pages after the first" ||
		not_ok "the table header row is repeated on each appendix page ($n of $((pages - first)))"
	pdftotext -f $((first + 1)) -l $((first + 1)) -layout "$K" - | head -2 | grep -q "^ *2 *$" &&
		ok "appendix page numbers restart (its second page is 2)" ||
		not_ok "appendix page numbers restart (its second page is 2)"
	have qpdf && tap_from $CHECK outline "$K"

	# every Vietnamese letter with two marks, in four faces
	fo2pdf "$FO/marks.fo" "$T/marks.pdf" >/dev/null 2>&1
	tap_from $CHECK glyphs "$T/marks.pdf"
	tap_from $CHECK glyphs "$K"
	tap_from $CHECK text "$FO/marks.fo" "$T/marks.pdf"
else skip "poppler-utils or python3 not installed"; fi

# ---- the rest of the subset ---------------------------------------------------------
S=$T/subset.pdf
expect_exit 0 "the rest of the FO subset is written" fo2pdf "$FO/subset.fo" "$S"
if have pdftotext && have python3; then
	have qpdf && check "qpdf --check passes on subset.pdf" qpdf --check "$S"
	tap_from $CHECK text "$FO/subset.fo" "$S"
	# A5, margins 15 (+10 region-body) top, 15 right and bottom, 20 left
	tap_from $CHECK geometry "$S" 1 419.528 595.276 56.693 42.520 70.866 42.520 0 none
	tap_from $CHECK word "$S" 1 "phải," right=377.008            # justified: the line is full
	tap_from $CHECK word "$S" 1 "Đoạn#2" left=99.213             # start-indent 15 mm
	tap_from $CHECK word "$S" 1 "a)" left=56.693                  # text-indent -10 mm ...
	tap_from $CHECK word "$S" 1 "hàng" left=85.039                # ... under start-indent 10 mm
	tap_from $CHECK word "$S" 1 "cuối#2" right=377.008            # text-align end
	tap_from $CHECK word "$S" 1 "~lục\.+3" right=377.008         # a dot leader of 60 mm
	tap_from $CHECK word "$S" 1 "1#2"                             # fo:page-number in the flow
	tap_from $CHECK gap "$S" 1 "Số:" "Khoảng#1" 14.95 "an empty block takes no room; lines of 1.15"
	tap_from $CHECK gap "$S" 1 "Khoảng#1" "Khoảng#2" 26.95 "space-after 12 and space-before 6 resolve to 12"
	tap_from $CHECK word "$S" 2 "2" right=377.008                 # the header, right-aligned
	tap_from $CHECK word "$S" 2 "mới" first=70.866                # break-before="page"
	tap_from $CHECK word "$S" 2 "https://congt" within=116.69     # a long word split in its 22 mm column
	pages=$($CHECK pages "$S")
	n=0
	for p in $(seq 3 "$pages"); do
		pdftotext -f "$p" -l "$p" "$S" - | grep -q "Nhiệm vụ (tiêu đề lặp lại)" && n=$((n + 1))
	done
	[ "$pages" -ge 4 ] && [ "$n" = $((pages - 2)) ] &&
		ok "the header row repeats where the table continues ($n pages)" ||
		not_ok "the header row repeats where the table continues ($n of $((pages - 2)) pages)"
	pdftotext -f "$pages" -l "$pages" "$S" - | grep -q "Hết./." &&
		ok "the document ends on its last page" || not_ok "the document ends on its last page"
else skip "poppler-utils or python3 not installed"; fi

# ---- a vertical span cut by a page break ----------------------------------------------
# span-break.fo: its text, all on the first page, again beside the rows
# that start on the next (a reader of that page sees what they hold)
expect_exit 0 "a cell spanning rows over a page break is written" fo2pdf "$FO/span-break.fo" "$T/span.pdf"
if have pdftotext; then
	n=0
	for p in 1 2; do
		pdftotext -f $p -l $p "$T/span.pdf" - | grep -q "Năm 2026" && n=$((n + 1))
	done
	[ "$n" = 2 ] && ok "the spanning cell's text is on both pages" ||
		not_ok "the spanning cell's text is on both pages (on $n)"
else skip "poppler-utils not installed"; fi

# ---- beyond the subset: what the writer honours although fo_check refuses it --------
X=$T/beyond.pdf
expect_exit 0 "XSL-FO beyond the subset, unchecked, is written" fo2pdf -u "$FO/beyond.fo" "$X"
if have pdftotext && have python3; then
	tap_from $CHECK text "$FO/beyond.fo" "$X"
	tap_from $CHECK word "$X" 1 "text-align-last." right=377.008 # a justified last line
	tap_from $CHECK word "$X" 1 "~lục\.+iii" right=377.008       # a leader stretches to fill
	tap_from $CHECK word "$X" 1 "i#2"                             # Roman page numbers
	tap_from $CHECK word "$X" 2 "Khoảng" below=94.866             # break-after; space kept at the top
	tap_from $CHECK word "$X" 2 "ba" left=165.711                 # no fo:table-column: equal columns
	pages=$($CHECK pages "$X")
	pdftotext -f "$pages" -l "$pages" "$X" - | grep -q "Tiêu đề không lặp lại" &&
		not_ok "table-omit-header-at-break omits the header" ||
		ok "table-omit-header-at-break omits the header"
	pdftotext -f "$pages" -l "$pages" "$X" - | grep -q "Hết./." &&
		ok "keep-with-previous keeps the last line with the table" ||
		not_ok "keep-with-previous keeps the last line with the table"
	if have qpdf; then
		qpdf --json --json-key=pagelabels "$X" | tr -d ' \n' | grep -q '"/S":"/r"' &&
			ok "format=\"i\" gives lower-case Roman page labels" ||
			not_ok "format=\"i\" gives lower-case Roman page labels"
	fi
else skip "poppler-utils or python3 not installed"; fi

# ---- FOP renders the same layout to within a page -----------------------------
if [ -n "${SOAN_NO_EXTERNAL:-}" ]; then skip "FOP (SOAN_NO_EXTERNAL set)"
elif ! have fop || ! have xsltproc || ! have fc-match; then skip "fop or xsltproc not installed"
else
	cat >"$T/strip.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:soan="urn:soan:layout">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
  <xsl:template match="soan:old"/>
  <xsl:template match="soan:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
EOF
	{
		echo '<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>'
		for s in "Regular normal normal" "Bold normal bold" "Italic italic normal" "Bold Italic italic bold"; do
			set -- $s
			case $# in 3) st=$1 sl=$2 wt=$3 ;; 4) st="$1 $2" sl=$3 wt=$4 ;; esac
			f=$(fc-match -f '%{file}' "Times New Roman:style=$st")
			echo "<font kerning=\"no\" embed-url=\"file://$f\"><font-triplet name=\"Times New Roman\" style=\"$sl\" weight=\"$wt\"/></font>"
		done
		echo '</fonts></renderer></renderers></fop>'
	} >"$T/fop.xconf"
	for f in kehoach subset; do
		[ -f "$FO/$f.fo" ] || continue
		[ -f "$T/$f.pdf" ] || fo2pdf "$FO/$f.fo" "$T/$f.pdf" >/dev/null 2>&1
		xsltproc "$T/strip.xsl" "$FO/$f.fo" >"$T/$f-fop.fo"
		if fop -q -c "$T/fop.xconf" -fo "$T/$f-fop.fo" -pdf "$T/$f-fop.pdf" >"$T/fop.log" 2>&1; then
			ours=$($CHECK pages "$T/$f.pdf")
			theirs=$($CHECK pages "$T/$f-fop.pdf")
			d=$((ours - theirs))
			[ "$d" -ge -1 ] && [ "$d" -le 1 ] &&
				ok "FOP renders $f.fo in $theirs pages, we in $ours" ||
				not_ok "FOP renders $f.fo in $theirs pages, we in $ours"
		else
			not_ok "FOP renders $f.fo"
			grep -iv "^\[info\]" "$T/fop.log" | head -5 | sed 's/^/#   /'
		fi
	done
fi

# ---- what the writer refuses -------------------------------------------------------
expect_exit 1 "an element outside the FO subset is an input error" fo2pdf "$FO/unsupported.fo" "$T/x.pdf"
grep -q "unsupported.fo:.*12.*list-block" "$T/.err" &&
	ok "the error names the element and its line" || { not_ok "the error names the element and its line"; cat "$T/.err"; }
expect_exit 1 "the writer refuses it too when not checked before" fo2pdf -u "$FO/unsupported.fo" "$T/x.pdf"
grep -q "unsupported.fo:layout:12: layout element outside the supported subset: fo:list-block" "$T/.err" &&
	ok "the writer's error names the element and its line" ||
	{ not_ok "the writer's error names the element and its line"; cat "$T/.err"; }
expect_exit 3 "a character without a glyph is an environment error" fo2pdf "$FO/missing-glyph.fo" "$T/x.pdf"
grep -q "U+4E2D '中'.*\.ttf" "$T/.err" &&
	ok "the error names the character and the font file" ||
	{ not_ok "the error names the character and the font file"; cat "$T/.err"; }
[ ! -e "$T/x.pdf" ] && ok "no output after an error" || not_ok "no output after an error"
finish
