#!/bin/sh
# tests/bench/generate-docx.sh - DOCX documents per second and peak memory:
# soan generate (plan XML -> XSLT -> layout -> DOCX) beside two anchors on
# the same documents in the same run:
#   - docxtemplater (npm): DOCX from a template, the common way to fill
#     Word documents; the template is a plan-shaped DOCX (header, title,
#     a loop of paragraphs, signature, a landscape task table with a row
#     loop) and the data are the same plans' paragraphs and table rows;
#   - LibreOffice: DOCX to PDF of the DOCX soan writes.
# Each tool runs the way it runs best: one process for the whole batch
# (soan --outdir, one node process looping, one soffice call), and also
# one process per document.  docxtemplater is installed with npm into
# build/bench-npm (outside the sources).  Prints; never fails the build.
set -u
SOAN=${SOAN:-./soan}
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case $SOAN in /*) ;; *) SOAN=$(pwd)/$SOAN ;; esac
export SOAN_DATADIR=$TOP
R=${BENCH_REPEAT:-25}          # copies of each corpus plan in a batch
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
# run DESC N CMD...: time and peak memory of one command doing N documents
results=$tmp/results
run() {
	local d=$1 n=$2; shift 2
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err"
	local rc=$?
	read -r secs kb <"$tmp/time" || { secs=0; kb=0; }
	if [ $rc != 0 ]; then
		printf '  %-44s failed (exit %s): %s\n' "$d" "$rc" "$(head -c 200 "$tmp/err")"
		return
	fi
	echo "$d|$n|$secs|$kb" >>"$results"
	echo "$n $secs $kb" | awk -v d="$d" '{ printf "  %-44s %8.1f docs/s  %6.2f s  %6.1f MB peak\n", d, $1 / ($2 > 0 ? $2 : 0.001), $2, $3 / 1024 }'
}
# per DESC N CMD-PREFIX...: one process per document, N documents listed in $tmp/list
per() {
	local d=$1 n=$2; shift 2
	local t0 t1
	t0=$(now)
	while read -r f; do "$@" "$f" >/dev/null 2>&1; done <"$tmp/list"
	t1=$(now)
	echo "$d|$n|$(echo "$t0 $t1" | awk '{ print $2 - $1 }')|0" >>"$results"
	echo "$t0 $t1" | awk -v d="$d" -v n="$n" '{ t = $2 - $1; printf "  %-44s %8.1f docs/s  %6.2f s\n", d, n / t, t }'
}

mkdir -p "$tmp/in" "$tmp/out" "$tmp/fo" "$tmp/json" "$tmp/dt" "$tmp/lo"
plans=$(ls "$TOP"/corpus/*/expected.xml)
nplans=$(echo "$plans" | wc -l)
i=0
for p in $plans; do
	i=$((i + 1))
	"$SOAN" generate "$p" -o "$tmp/fo/$i.fo" || exit 0
	for k in $(seq 1 "$R"); do cp "$p" "$tmp/in/p$i-$k.xml"; done
done
n=$((nplans * R))
echo "$nplans corpus plans x $R = $n documents"

# ---- soan --------------------------------------------------------------------
run "soan generate --outdir (one process)" "$n" "$SOAN" generate -q --outdir "$tmp/out" "$tmp"/in/*.xml
ls "$tmp"/in/p*-1.xml "$tmp"/in/p*-2.xml "$tmp"/in/p*-3.xml >"$tmp/list"
nper=$(wc -l <"$tmp/list")
per "soan generate -o (a process per document)" "$nper" sh -c '"$0" generate "$1" -o "$1.docx"' "$SOAN"

# ---- docxtemplater -------------------------------------------------------------
NPM=$TOP/build/bench-npm
if [ ! -d "$NPM/node_modules/docxtemplater" ] && command -v npm >/dev/null; then
	mkdir -p "$NPM"
	(cd "$NPM" && { [ -f package.json ] || npm init -y >/dev/null 2>&1; } &&
		timeout 300 npm install --no-audit --no-fund docxtemplater pizzip >/dev/null 2>&1)
fi
if [ -d "$NPM/node_modules/docxtemplater" ] && command -v node >/dev/null; then
	# the template, written by soan from a layout with docxtemplater's tags
	cat >"$tmp/template.fo" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin-top="20mm" margin-bottom="20mm" margin-left="30mm" margin-right="15mm"><fo:region-body/></fo:simple-page-master>
    <fo:simple-page-master master-name="l" page-width="297mm" page-height="210mm" margin-top="20mm" margin-bottom="15mm" margin-left="30mm" margin-right="15mm"><fo:region-body/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p" font-family="Times New Roman" font-size="14pt">
    <fo:flow flow-name="xsl-region-body">
      <fo:table table-layout="fixed" width="165mm">
        <fo:table-column column-width="66mm"/><fo:table-column column-width="99mm"/>
        <fo:table-body><fo:table-row>
          <fo:table-cell><fo:block text-align="center" font-weight="bold" font-size="13pt">{issuer}</fo:block><fo:block text-align="center">Số: {number}</fo:block></fo:table-cell>
          <fo:table-cell><fo:block text-align="center" font-weight="bold" font-size="13pt">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</fo:block><fo:block text-align="center" font-weight="bold">Độc lập - Tự do - Hạnh phúc</fo:block><fo:block text-align="center" font-style="italic">{date}</fo:block></fo:table-cell>
        </fo:table-row></fo:table-body>
      </fo:table>
      <fo:block text-align="center" font-weight="bold" space-before="18pt">KẾ HOẠCH</fo:block>
      <fo:block text-align="center" font-weight="bold">{title}</fo:block>
      <fo:block>{#paras}</fo:block>
      <fo:block text-align="justify" text-indent="1.27cm" space-before="6pt">{t}</fo:block>
      <fo:block>{/paras}</fo:block>
      <fo:table table-layout="fixed" width="165mm">
        <fo:table-column column-width="58mm"/><fo:table-column column-width="107mm"/>
        <fo:table-body><fo:table-row>
          <fo:table-cell><fo:block font-size="12pt" font-weight="bold" font-style="italic">Nơi nhận:</fo:block><fo:block>{#recipients}</fo:block><fo:block font-size="11pt">- {t}</fo:block><fo:block>{/recipients}</fo:block></fo:table-cell>
          <fo:table-cell><fo:block>{#sign}</fo:block><fo:block text-align="center" font-weight="bold">{t}</fo:block><fo:block>{/sign}</fo:block></fo:table-cell>
        </fo:table-row></fo:table-body>
      </fo:table>
    </fo:flow>
  </fo:page-sequence>
  <fo:page-sequence master-reference="l" font-family="Times New Roman" font-size="13pt">
    <fo:flow flow-name="xsl-region-body">
      <fo:block text-align="center" font-weight="bold">Phụ lục</fo:block>
      <fo:table table-layout="fixed" width="252mm" border-collapse="collapse">
        <fo:table-column column-width="16mm"/><fo:table-column column-width="98mm"/><fo:table-column column-width="49mm"/><fo:table-column column-width="57mm"/><fo:table-column column-width="32mm"/>
        <fo:table-body><fo:table-row>
          <fo:table-cell border="0.5pt solid black"><fo:block>{#rows}{c1}</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black"><fo:block>{c2}</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black"><fo:block>{c3}</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black"><fo:block>{c4}</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black"><fo:block>{c5}{/rows}</fo:block></fo:table-cell>
        </fo:table-row></fo:table-body>
      </fo:table>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
	"$SOAN" generate "$tmp/template.fo" -o "$tmp/template.docx" || exit 0
	# the data: each plan's header, paragraphs, signature, recipients and
	# table rows, read from the layout soan wrote for it
	/usr/bin/python3 - "$tmp" "$nplans" <<'EOF'
import json, re, sys
import xml.etree.ElementTree as ET
FO = "{http://www.w3.org/1999/XSL/Format}"
tmp, n = sys.argv[1], int(sys.argv[2])
def text(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip()
for i in range(1, n + 1):
    root = ET.parse("%s/fo/%d.fo" % (tmp, i)).getroot()
    seqs = root.findall(FO + "page-sequence")
    flow = seqs[0].find(FO + "flow")
    tables = [t for t in flow if t.tag == FO + "table"]
    head = [text(b) for b in tables[0].iter(FO + "block")] if tables else []
    paras = [{"t": text(b)} for b in flow if b.tag == FO + "block" and text(b)]
    closing = tables[-1] if len(tables) > 1 else None
    cells = closing.findall(".//" + FO + "table-cell") if closing is not None else []
    recips = [{"t": text(b)} for b in cells[0].iter(FO + "block")][1:] if cells else []
    sign = [{"t": text(b)} for b in cells[1].iter(FO + "block")] if len(cells) > 1 else []
    rows = []
    for s in seqs[1:]:
        for r in s.iter(FO + "table-row"):
            c = [text(x) for x in r.findall(FO + "table-cell")] + [""] * 5
            rows.append({"c%d" % (k + 1): c[k] for k in range(5)})
    data = {"issuer": " ".join(head[:2]), "number": head[-2] if len(head) > 1 else "",
            "date": head[-1] if head else "", "title": paras[1]["t"] if len(paras) > 1 else "",
            "paras": paras[2:], "recipients": recips, "sign": sign, "rows": rows}
    json.dump(data, open("%s/json/%d.json" % (tmp, i), "w"), ensure_ascii=False)
EOF
	cat >"$tmp/dt.js" <<'EOF'
// node dt.js TEMPLATE OUTDIR REPEAT DATA.json...: render every data file
// REPEAT times with docxtemplater, writing each DOCX to OUTDIR.
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const [tpl, out, repeat, ...data] = process.argv.slice(2);
const template = fs.readFileSync(tpl, "binary");
let k = 0;
for (let r = 0; r < Number(repeat); r++)
  for (const d of data) {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
    doc.render(JSON.parse(fs.readFileSync(d, "utf8")));
    fs.writeFileSync(`${out}/${++k}.docx`, doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
  }
EOF
	export NODE_PATH=$NPM/node_modules
	run "docxtemplater (one node process)" "$n" node "$tmp/dt.js" "$tmp/template.docx" "$tmp/dt" "$R" "$tmp"/json/*.json
	ls "$tmp"/json/*.json "$tmp"/json/*.json "$tmp"/json/*.json >"$tmp/list"
	per "docxtemplater (a node process per document)" "$nper" node "$tmp/dt.js" "$tmp/template.docx" "$tmp/dt" 1
	/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); print("  (docxtemplater output checked: %d paragraphs, %d tables)" % (len(d.paragraphs), len(d.tables)))' "$tmp/dt/1.docx" 2>/dev/null
else
	echo "  docxtemplater: not available (npm or node missing)"
fi

# ---- LibreOffice -------------------------------------------------------------
if command -v soffice >/dev/null; then
	mkdir -p "$tmp/lo-in"
	ls "$tmp"/out/p*-1.docx "$tmp"/out/p*-2.docx "$tmp"/out/p*-3.docx | while read -r f; do cp "$f" "$tmp/lo-in/"; done
	nlo=$(ls "$tmp/lo-in" | wc -l)
	run "LibreOffice DOCX to PDF (one soffice call)" "$nlo" env HOME="$tmp" soffice --headless --convert-to pdf --outdir "$tmp/lo" "$tmp"/lo-in/*.docx
else
	echo "  LibreOffice: not available"
fi

# ---- ratios ------------------------------------------------------------------
awk -F'|' '
	{ rate[$1] = $2 / ($3 > 0 ? $3 : 0.001) }
	END {
		s1 = rate["soan generate --outdir (one process)"]; s2 = rate["soan generate -o (a process per document)"]
		best1 = 0; best2 = 0
		for (k in rate) {
			if (k ~ /^soan/) continue
			if (k ~ /per document/) { if (rate[k] > best2) { best2 = rate[k]; n2 = k } }
			else if (rate[k] > best1) { best1 = rate[k]; n1 = k }
		}
		if (best1 > 0) printf "  one process each:   soan / fastest anchor (%s) = %.1fx (target >= 15)\n", n1, s1 / best1
		if (best2 > 0) printf "  process per document: soan / fastest anchor (%s) = %.1fx\n", n2, s2 / best2
	}' "$results"
