#!/bin/sh
# soan generate on the command line: outputs by extension, parameters and
# their ranges, a user's template (locked down: no reading outside its
# folder and soan's templates, no network, no writing, no DTD), bad
# inputs with one line and no output file, batches, the same bytes every
# time, and inputs other than plan XML (text through the recognizer, a
# layout written as is).
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/tests/data/sample-plan.xml
RNG=$TOP/generate/layout/layout.rng

expect_exit 0 "plan XML to plan XML" soan generate "$SAMPLE" -o "$T/p.xml"
check "the plan XML written is valid" soan validate -q "$T/p.xml"
expect_exit 0 "the layout on standard output" soan generate "$SAMPLE" -o - --format fo
cp "$T/.out" "$T/stdout.fo"
check "the layout on standard output is valid" xmllint --noout --relaxng "$RNG" "$T/stdout.fo"
expect_exit 0 "the layout to a file" soan generate "$SAMPLE" -o "$T/a.fo"
same "$T/stdout.fo" "$T/a.fo" "standard output and file hold the same layout"
expect_exit 0 "the layout again" soan generate "$SAMPLE" -o "$T/b.fo"
same "$T/a.fo" "$T/b.fo" "the same layout every time"
expect_exit 0 "a layout read back and written again" soan generate "$T/a.fo" -o "$T/c.fo"
same "$T/a.fo" "$T/c.fo" "the layout survives being read back"
expect_exit 0 "a layout written as DOCX" soan generate "$T/a.fo" -o "$T/a.docx"
expect_exit 0 "plan XML written as DOCX" soan generate "$SAMPLE" -o "$T/b.docx"
cmp -s "$T/a.docx" "$T/b.docx" && ok "through the .fo or not, the same DOCX" || not_ok "through the .fo or not, the same DOCX"
expect_exit 0 "options after the input" soan generate "$SAMPLE" -o "$T/d.fo" -p font-size=13
grep -q 'font-size="13pt" line-height' "$T/d.fo" && ok "a parameter reaches the layout" || not_ok "a parameter reaches the layout"

# a plan in text goes through the recognizer first; same layout as its
# reviewed plan XML
C=$TOP/corpus/001-hatinh-asean-2020
expect_exit 0 "a plan in text" soan generate "$C/001-hatinh-asean-2020.txt" -o "$T/t.fo"
expect_exit 0 "its reviewed plan XML" soan generate "$C/expected.xml" -o "$T/x.fo"
same "$T/x.fo" "$T/t.fo" "text and plan XML give the same layout"

# usage errors: exit 2, nothing written
expect_exit 2 "no output" soan generate "$SAMPLE"
expect_exit 2 "an output of unknown kind" soan generate "$SAMPLE" -o "$T/x.odt"
grep -q "cannot tell the format of" "$T/.err" && ok "the unknown kind is named" || not_ok "the unknown kind is named"
expect_exit 2 "-o and --outdir together" soan generate "$SAMPLE" -o "$T/y.docx" --outdir "$T"
expect_exit 2 "two inputs without --outdir" soan generate "$SAMPLE" "$SAMPLE" -o "$T/y.docx"
expect_exit 2 "a parameter without =" soan generate "$SAMPLE" -o "$T/y.docx" -p font-size
expect_exit 2 "a parameter the template does not have" soan generate "$SAMPLE" -o "$T/y.docx" -p colour=red
one_line "$T/.err" "unknown parameter: one line"
grep -q "the template has no parameter 'colour'" "$T/.err" && ok "the parameter is named" || not_ok "the parameter is named"
for p in font-size=12 font-size=15 indent=2 margin-left=29 margin-left=36 margin-right=21 margin-top=19 \
	margin-bottom=26 line-spacing=2 landscape-appendix=maybe merge-cells=perhaps; do
	expect_exit 2 "$p is outside the decree's range" soan generate "$SAMPLE" -o "$T/y.docx" -p "$p"
	grep -q "parameter ${p%%=*} must be" "$T/.err" && ok "$p: the message says what is allowed" ||
		not_ok "$p: the message says what is allowed"
done
for p in font-size=13 indent=1 margin-left=35 margin-right=20 margin-top=25 margin-bottom=25 \
	line-spacing=1.5 landscape-appendix=yes merge-cells=no; do
	expect_exit 0 "$p is accepted" soan generate "$SAMPLE" -o "$T/y.fo" -p "$p"
done
[ ! -e "$T/y.docx" ] && ok "no output after usage errors" || not_ok "no output after usage errors"
expect_exit 2 "a template that does not exist" soan generate "$SAMPLE" --template "$T/none.xsl" -o "$T/y.docx"

# a user's template that misbehaves: the exact line, exit 1, no output
cd "$TOP/tests/golden/xslt" || exit 1
for x in *.xsl; do
	expect_exit 1 "template $x is refused" soan generate ../../data/sample-plan.xml --template "$x" -o "$T/u.docx"
	same "${x%.xsl}.err" "$T/.err" "template $x: the exact message"
	[ ! -e "$T/u.docx" ] && ok "template $x: no output" || not_ok "template $x: no output"
done
[ ! -e soan-wrote-this.txt ] && [ ! -e "$T/soan-wrote-this.txt" ] && ok "no file written by a template" ||
	not_ok "no file written by a template"
cd "$T" || exit 1

# bad inputs: one line naming the file, exit 1, no output
for f in "$TOP"/tests/bad/not-a-plan.txt "$TOP"/tests/bad/truncated.docx "$T/missing.xml"; do
	name=$(basename "$f")
	expect_exit 1 "$name: refused" soan generate "$f" -o "$T/bad.docx"
	one_line "$T/.err" "$name: one line"
	grep -q "$name" "$T/.err" && ok "$name: the line names the file" || not_ok "$name: the line names the file"
	[ ! -e "$T/bad.docx" ] && ok "$name: no output" || not_ok "$name: no output"
done
[ -z "$(ls -A "$T" | grep '^\.soan\|\.tmp')" ] && ok "no temporary file left" || not_ok "no temporary file left"
printf '<plan version="1"><meta/></plan>\n' >"$T/invalid.xml"
expect_exit 1 "plan XML against the schema" soan generate "$T/invalid.xml" -o "$T/bad.docx"

# a batch: every good file written, the bad one named, nothing overwritten
mkdir -p "$T/in" "$T/out"
cp "$SAMPLE" "$T/in/a.xml"
cp "$TOP/corpus/003-hungyen-ttdn-2022/expected.xml" "$T/in/b.xml"
cp "$TOP/tests/bad/not-a-plan.txt" "$T/in/c.txt"
expect_exit 1 "a batch with a bad file" soan generate --outdir "$T/out" "$T/in/a.xml" "$T/in/c.txt" "$T/in/b.xml"
[ -s "$T/out/a.docx" ] && [ -s "$T/out/b.docx" ] && [ ! -e "$T/out/c.docx" ] &&
	ok "batch: good files written, none for the bad one" || not_ok "batch: good files written, none for the bad one"
grep -q "2 written, 1 failed (c.txt)" "$T/.err" && ok "batch: the summary names the bad file" ||
	not_ok "batch: the summary names the bad file"
expect_exit 0 "a batch of layouts" soan generate --outdir "$T/out" --format fo "$T/in/a.xml" "$T/in/b.xml"
[ -s "$T/out/a.fo" ] && [ -s "$T/out/b.fo" ] && ok "batch: --format fo" || not_ok "batch: --format fo"
mkdir -p "$T/in2"
cp "$TOP/corpus/003-hungyen-ttdn-2022/expected.xml" "$T/in2/a.xml"
expect_exit 1 "two inputs with one base name" soan generate --outdir "$T/out" --format fo "$T/in/a.xml" "$T/in2/a.xml"
grep -q "446/KH-UBND" "$T/out/a.fo" && ok "batch: the first one kept, not overwritten" ||
	not_ok "batch: the first one kept, not overwritten"
expect_exit 3 "an output folder that cannot be made" soan generate --outdir /proc/soan-none "$SAMPLE"
finish
