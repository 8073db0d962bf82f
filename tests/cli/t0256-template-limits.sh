#!/bin/sh
# A user's template runs in a child process under bounds (extract/base/
# sandbox.h, the LIMIT_TEMPLATE_* of extract/base/limits.h): each of
# tests/golden/xslt-limits/NAME.xsl passes one and gets exactly the line
# NAME.err, exit 1, no output, in time (issue 15, item 2).  A sound
# template gives through the child exactly the layout soan's own gives
# in-process, its checker's messages naming the same stylesheet lines.
. "$(dirname "$0")/../lib.sh"

# seconds for one run: the CPU limit is 10 s; a busy machine stretches
# it, valgrind stretches everything before it
TL=90
[ -n "$RUN" ] && TL=1800

cd "$TOP/tests/golden/xslt-limits" || exit 1
for x in *.xsl; do
	n=${x%.xsl}
	rm -rf "$T/out"
	mkdir -p "$T/out"
	timeout $TL $RUN "$SOAN" generate ../../data/sample-plan.xml --template "$x" -o "$T/out/plan.pdf" \
		>"$T/.out" 2>"$T/.err"
	rc=$?
	if [ $rc = 124 ]; then not_ok "$n: ends within $TL s"; continue; fi
	[ $rc = 1 ] && ok "$n: exit 1" || not_ok "$n: exit 1 (got $rc)"
	# valgrind runs the work some 30 times slower: its CPU time may be
	# what ends a template that passes another bound in the plain run
	if [ -n "$RUN" ] && [ "$(cat "$T/.err")" = "soan: ../../data/sample-plan.xml:$x: template exceeded its time (limit 10 s of CPU, LIMIT_TEMPLATE_CPU_SECONDS)" ]; then
		ok "$n: the line # under valgrind, its CPU time ended it first"
	else
		same "$n.err" "$T/.err" "$n: the line"
	fi
	[ -z "$(ls -A "$T/out")" ] && ok "$n: no output file" || not_ok "$n: no output file"
done

# the same bounds in a batch: the bad input is named, the others written
mkdir -p "$T/in" "$T/batch"
cp "$TOP/tests/data/sample-plan.xml" "$T/in/a.xml"
cp "$TOP/corpus/003-hungyen-ttdn-2022/expected.xml" "$T/in/b.xml"
cat >"$T/in/only-b.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- soan's plan.xsl, but a plan numbered 446 makes it recurse for ever -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="soan:plan.xsl"/>
  <xsl:template match="/">
    <xsl:if test="contains(/plan/meta/number, '446')"><xsl:call-template name="r"/></xsl:if>
    <xsl:apply-imports/>
  </xsl:template>
  <xsl:template name="r"><xsl:call-template name="r"/></xsl:template>
</xsl:stylesheet>
EOF
timeout $TL $RUN "$SOAN" generate --template "$T/in/only-b.xsl" --outdir "$T/batch" --format fo "$T/in/a.xml" \
	"$T/in/b.xml" >"$T/.out" 2>"$T/.err"
rc=$?
[ $rc = 1 ] && ok "batch: exit 1" || not_ok "batch: exit 1 (got $rc)"
grep -qxF "soan: $T/in/a.xml:only-b.xsl: template exceeded its recursion depth (limit 3000 nested calls, LIMIT_TEMPLATE_DEPTH)" "$T/.err" &&
	ok "batch: the bad input has its line" || { not_ok "batch: the bad input has its line"; sed 's/^/#   /' "$T/.err"; }
[ -s "$T/batch/b.fo" ] && [ ! -e "$T/batch/a.fo" ] && ok "batch: the other input written" ||
	not_ok "batch: the other input written"

# soan's templates, copied: the child's layout is the in-process one
mkdir -p "$T/copy"
cp "$TOP"/templates/*.xsl "$T/copy/"
for p in "$TOP/tests/data/sample-plan.xml" "$TOP/corpus/003-hungyen-ttdn-2022/expected.xml"; do
	name=$(basename "$(dirname "$p")")
	expect_exit 0 "$name: soan's plan.xsl" soan generate "$p" -o "$T/own.fo"
	expect_exit 0 "$name: a copy of it as --template" soan generate "$p" --template "$T/copy/plan.xsl" -o "$T/copy.fo"
	same "$T/own.fo" "$T/copy.fo" "$name: the same layout through the child"
done
# ... and a layout the checker refuses names the same stylesheet line:
# golden/xslt/float.xsl run as one of soan's own (from a data folder
# whose templates/ holds it) and as a user's
mkdir -p "$T/data/templates"
cp "$TOP"/templates/*.xsl "$TOP/tests/golden/xslt/float.xsl" "$T/data/templates/"
ln -s "$TOP/extract" "$TOP/generate" "$T/data/"
env SOAN_DATADIR="$T/data" $RUN "$SOAN" generate "$TOP/tests/data/sample-plan.xml" --template "$T/data/templates/float.xsl" \
	-o "$T/own.fo" 2>"$T/own.err"
soan generate "$TOP/tests/data/sample-plan.xml" --template "$T/copy/../data/templates/float.xsl" -o "$T/copy.fo" 2>"$T/copy.err"
grep -q "float.xsl:14: element outside the layout subset 'fo:float'" "$T/own.err" &&
	same "$T/own.err" "$T/copy.err" "a refused layout: the same line through the child" ||
	{ not_ok "a refused layout: the same line through the child"; cat "$T/own.err" "$T/copy.err" | sed 's/^/#   /'; }
# soan's own templates are trusted and run in-process, without these
# bounds: output-size.xsl from soan's templates folder writes its layout
cp "$TOP/tests/golden/xslt-limits/output-size.xsl" "$T/data/templates/"
expect_exit 0 "a template in soan's own folder runs in-process" \
	env SOAN_DATADIR="$T/data" $RUN "$SOAN" generate "$TOP/tests/data/sample-plan.xml" --template "$T/data/templates/output-size.xsl" -o "$T/big.fo"
[ "$(wc -c <"$T/big.fo")" -gt 67108864 ] && ok "... and writes its 70 MB layout" || not_ok "... and writes its 70 MB layout"
finish
