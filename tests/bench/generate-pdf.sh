#!/bin/sh
# generate-pdf.sh - PDF documents per second and peak memory of soan's PDF
# writer beside LibreOffice (DOCX to PDF), Apache FOP (the same FO) and the
# npm package pdfkit (the same document), measured in the same run on the
# same machine, as ratios.
#
# The document is tests/data/fo/kehoach.fo: an 8-page Kế hoạch with a
# landscape appendix table.  pdfkit draws the same content (text, fonts,
# sizes, margins, tables with repeated headers, page numbers) from
# tests/bench/fo2json.py; LibreOffice converts a DOCX of the same content
# (made once from tests/bench/json2html.py); FOP renders the FO itself.
# soan, pdfkit and LibreOffice make BENCH_N documents in one process each
# (startup counted once); FOP's command line starts a JVM per document.
# Figures: documents per second by wall clock and by CPU time (the machine
# is shared: CPU time is the steadier one), peak resident memory.
#
# PROFILE=1 adds a callgrind profile of soan's writer: how much of the
# work is ours (FO parsing, layout, line breaking, fonts) and how much
# libharu's (with the zlib it calls).
#
# Needs /usr/bin/time; each anchor is skipped when its tool is missing.
# pdfkit is installed with npm into $B/bench-node on first use.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
B=${B:-build}
N=${BENCH_N:-40}
NLO=${BENCH_N_LO:-10}
NFOP=${BENCH_N_FOP:-3}
FO=$TOP/tests/data/fo/kehoach.fo
FO2PDF=$TOP/$B/tests/fo2pdf
W=$(mktemp -d "${TMPDIR:-/tmp}/soan-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -x /usr/bin/time ]; then
	echo "generate-pdf: /usr/bin/time is needed (Debian package time)"
	exit 0
fi
[ -x "$FO2PDF" ] || make -C "$TOP" --no-print-directory tests >/dev/null 2>&1
if [ ! -x "$FO2PDF" ]; then
	echo "generate-pdf: $FO2PDF is not built"
	exit 0
fi

# run LABEL DOCS PDF CMD...: time CMD, print a row, remember docs/s
results=$W/results
run() {
	label=$1 docs=$2 pdf=$3
	shift 3
	if ! /usr/bin/time -f "%e %U %S %M" -o "$W/time" "$@" >"$W/out" 2>"$W/err"; then
		printf '%-34s failed: %s\n' "$label" "$(tail -1 "$W/err")"
		return
	fi
	pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	read -r wall user sys rss <"$W/time"
	awk -v l="$label" -v d="$docs" -v w="$wall" -v c="$user + $sys" -v m="$rss" -v p="${pages:-?}" '
		BEGIN { split(c, a, " + "); cpu = a[1] + a[2]; if (w <= 0) w = 0.01; if (cpu <= 0) cpu = 0.01
			printf "%-34s %6d %9.1f %9.1f %8.1f %6s\n", l, d, d / w, d / cpu, m / 1024, p }'
	echo "$label|$(awk -v d="$docs" -v w="$wall" 'BEGIN { if (w <= 0) w = 0.01; print d / w }')|$(awk -v d="$docs" -v u="$user" -v s="$sys" 'BEGIN { c = u + s; if (c <= 0) c = 0.01; print d / c }')" >>"$results"
}

printf 'PDF writer: %s, documents made in one process each (FOP: one JVM each)\n' "${FO#$TOP/}"
printf '%-34s %6s %9s %9s %8s %6s\n' tool docs "docs/s" "docs/s" "peak" pages
printf '%-34s %6s %9s %9s %8s %6s\n' "" "" "(wall)" "(cpu)" "MB" ""

run "soan (FO -> PDF, libharu)" "$N" "$W/soan.pdf" "$FO2PDF" -n "$N" "$FO" "$W/soan.pdf"

# The whole pipeline, when soan generate writes PDF: a corpus plan as
# plan XML, through the template (XSLT), the layout check and the writer.
SOANBIN=${SOAN:-$TOP/soan}
case $SOANBIN in /*) ;; *) SOANBIN=$TOP/$SOANBIN ;; esac
PLAN=$(ls "$TOP"/corpus/*/*.txt 2>/dev/null | grep -v nfd | sed -n 2p)
if [ -n "$PLAN" ] && "$SOANBIN" generate --help 2>/dev/null | grep -q '\.pdf' &&
	"$SOANBIN" extract -o "$W/plan.xml" "$PLAN" >/dev/null 2>&1; then
	mkdir -p "$W/plans" "$W/gen"
	for i in $(seq 1 "$N"); do cp "$W/plan.xml" "$W/plans/plan$i.xml"; done
	run "soan generate (plan XML -> PDF)" "$N" "$W/gen/plan1.pdf" \
		"$SOANBIN" generate -q --outdir "$W/gen" -f pdf $(ls "$W"/plans/*.xml)
	sed -i '$d' "$results" # the anchors are compared with the writer alone
fi

# ---- pdfkit ------------------------------------------------------------------------
NODE_DIR=$TOP/$B/bench-node
if have node && have python3; then
	if [ ! -d "$NODE_DIR/node_modules/pdfkit" ] && have npm; then
		mkdir -p "$NODE_DIR"
		(cd "$NODE_DIR" && npm init -y >/dev/null 2>&1 &&
			npm install --no-audit --no-fund pdfkit >/dev/null 2>&1)
	fi
	if [ -d "$NODE_DIR/node_modules/pdfkit" ]; then
		python3 "$TOP/tests/bench/fo2json.py" "$FO" >"$W/doc.json"
		fonts=""
		for s in Regular Bold Italic "Bold Italic"; do
			fonts="$fonts $(fc-match -f '%{file}' "Times New Roman:style=$s")"
		done
		v=$(sed -n 's/^ *"version": "\(.*\)",/\1/p' "$NODE_DIR/node_modules/pdfkit/package.json" | head -1)
		NODE_PATH=$NODE_DIR/node_modules run "pdfkit $v (node)" "$N" "$W/pdfkit.pdf" \
			node "$TOP/tests/bench/pdfkit-doc.js" "$W/doc.json" "$N" "$W/pdfkit.pdf" $fonts
	else
		echo "pdfkit: skipped (npm install failed)"
	fi
else
	echo "pdfkit: skipped (node or python3 missing)"
fi

# ---- LibreOffice ------------------------------------------------------------------------
if have soffice && have python3; then
	LO="soffice -env:UserInstallation=file://$W/lo-profile --headless"
	python3 "$TOP/tests/bench/fo2json.py" "$FO" >"$W/doc.json"
	python3 "$TOP/tests/bench/json2html.py" "$W/doc.json" >"$W/doc.html"
	mkdir -p "$W/docx" "$W/lo"
	# the DOCX, and a first start that creates the profile: not measured
	$LO --convert-to "docx:MS Word 2007 XML" --outdir "$W" "$W/doc.html" >/dev/null 2>&1
	for i in $(seq 1 "$NLO"); do cp "$W/doc.docx" "$W/docx/doc$i.docx"; done
	v=$(soffice --version 2>/dev/null | awk '{print $2}' | cut -d. -f1-2)
	run "LibreOffice $v (DOCX -> PDF)" "$NLO" "$W/lo/doc1.pdf" \
		$LO --convert-to pdf --outdir "$W/lo" $(ls "$W"/docx/*.docx)
else
	echo "LibreOffice: skipped (soffice missing)"
fi

# ---- FOP ------------------------------------------------------------------------------------
if have fop && have xsltproc; then
	cat >"$W/strip.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:soan="urn:soan:layout">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
  <xsl:template match="soan:old"/>
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
	} >"$W/fop.xconf"
	xsltproc "$W/strip.xsl" "$FO" >"$W/fop.fo"
	cat >"$W/fop-n.sh" <<EOF
for i in \$(seq 1 $NFOP); do fop -q -c "$W/fop.xconf" -fo "$W/fop.fo" -pdf "$W/fop.pdf" || exit 1; done
EOF
	run "Apache FOP (one JVM per document)" "$NFOP" "$W/fop.pdf" sh "$W/fop-n.sh"
else
	echo "FOP: skipped (fop or xsltproc missing)"
fi

# ---- ratios -----------------------------------------------------------------------------------
awk -F'|' '
	NR == 1 { name = $1; w = $2; c = $3; next }
	{ printf "soan / %-30s %6.1fx by wall clock, %6.1fx by CPU time\n", $1, w / $2, c / $3
	  if (!best || $3 > bestc) { best = $1; bestc = $3; bestw = $2 } }
	END { if (best) printf "fastest anchor: %s; target >= 5x: %.1fx (wall), %.1fx (CPU)\n", best, w / bestw, c / bestc }
' "$results"

# ---- profile ------------------------------------------------------------------------------------
# Two runs, of 1 and of 6 documents: their difference is the cost of 5
# documents in a process already started (font files parsed, fontconfig
# loaded), which is what a batch pays per document.
if [ -n "${PROFILE:-}" ] && have valgrind && have callgrind_annotate && have python3; then
	for n in 1 6; do
		valgrind --tool=callgrind --callgrind-out-file="$W/cg$n.out" "$FO2PDF" -n $n "$FO" "$W/p.pdf" >/dev/null 2>&1
		callgrind_annotate --tree=calling --inclusive=yes "$W/cg$n.out" >"$W/cg$n.txt" 2>/dev/null
	done
	python3 "$TOP/tests/bench/cgshare.py" "$W/cg1.txt" "$W/cg6.txt" 5
fi
