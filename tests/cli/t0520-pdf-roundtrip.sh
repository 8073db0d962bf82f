#!/bin/sh
# Round trip through PDF (issue 7): every corpus plan and the sample plan,
# written as PDF by soan generate (soan's own PDF writer) and read back by
# soan extract, give the plan XML they came from as templates/printed.xsl
# says the printed plan reads (the changes the layout makes by rule),
# apart from @source; compared through tests/tools/canon_plan.py, as
# t0340-roundtrip.sh does for DOCX.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
for x in "$TOP"/corpus/*/expected.xml "$TOP/tests/data/sample-plan.xml"; do
	name=$(basename "$(dirname "$x")")
	[ "$name" = data ] && name=sample-plan
	expect_exit 0 "$name: written as PDF" soan generate "$x" -o "$T/$name.pdf"
	expect_exit 0 "$name: read back" soan extract "$T/$name.pdf" -o "$T/$name.back.xml"
	xsltproc "$TOP/templates/printed.xsl" "$x" >"$T/$name.printed.xml"
	$PY "$TOP/tests/tools/canon_plan.py" "$T/$name.printed.xml" >"$T/$name.want" 2>&1
	$PY "$TOP/tests/tools/canon_plan.py" "$T/$name.back.xml" >"$T/$name.got" 2>&1
	same "$T/$name.want" "$T/$name.got" "$name: the same plan XML, as printed"
done
finish
