#!/bin/sh
# Round trip: every corpus plan and the sample plan, written as DOCX by
# soan generate and read back by soan extract, give the plan XML they came
# from as templates/printed.xsl says the printed plan reads (the changes
# the layout makes by rule, listed there and in README.md), apart from
# @source.  Compared through tests/tools/canon_plan.py.  Skipped while
# this build cannot read DOCX.  printed.xsl itself is checked on the small
# plans of tests/golden/fo (expected: tests/golden/printed).
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
# printed.xsl itself, on plans that use each of its rules
for x in "$TOP"/tests/golden/printed/*.printed.xml; do
	name=$(basename "$x" .printed.xml)
	xsltproc "$TOP/templates/printed.xsl" "$TOP/tests/golden/fo/$name.xml" >"$T/$name.p.xml"
	$PY "$TOP/tests/tools/canon_plan.py" "$T/$name.p.xml" >"$T/$name.p" 2>&1
	same "$x" "$T/$name.p" "printed.xsl on $name.xml as expected"
done
soan generate "$TOP/tests/data/sample-plan.xml" -o "$T/probe.docx" >/dev/null 2>&1
if ! soan extract "$T/probe.docx" -o "$T/probe.xml" 2>"$T/probe.err" && grep -q "DOCX input is not supported" "$T/probe.err"; then
	ok "round trip skipped: this build reads no DOCX yet # SKIP"
	finish
fi
for x in "$TOP"/corpus/*/expected.xml "$TOP/tests/data/sample-plan.xml"; do
	name=$(basename "$(dirname "$x")")
	[ "$name" = data ] && name=sample-plan
	expect_exit 0 "$name: written as DOCX" soan generate "$x" -o "$T/$name.docx"
	expect_exit 0 "$name: read back" soan extract "$T/$name.docx" -o "$T/$name.back.xml"
	xsltproc "$TOP/templates/printed.xsl" "$x" >"$T/$name.printed.xml"
	$PY "$TOP/tests/tools/canon_plan.py" "$T/$name.printed.xml" >"$T/$name.want" 2>&1
	$PY "$TOP/tests/tools/canon_plan.py" "$T/$name.back.xml" >"$T/$name.got" 2>&1
	same "$T/$name.want" "$T/$name.got" "$name: the same plan XML, as printed"
done
finish
