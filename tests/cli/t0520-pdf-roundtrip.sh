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

# Tokens too long for their table column (a web link, a span of dates)
# are cut between letters where the line is full; read back, the pieces
# join with no space between them.
sed -e 's|<cell role="lead">Sở Kế hoạch và Đầu tư</cell>|<cell role="lead">https://asean.hatinh.gov.vn/tailieu</cell>|' \
	-e 's|<cell role="timeline">2019-2020</cell>|<cell role="timeline">01/01/2020-31/12/2020</cell>|' \
	"$TOP/tests/data/sample-plan.xml" >"$T/long.xml"
expect_exit 0 "long tokens: written as PDF" soan generate "$T/long.xml" -o "$T/long.pdf"
pdftotext -layout "$T/long.pdf" - | grep -q 'https://asean[^ ]* *Sở' &&
	ok "long tokens: the link is cut in the PDF" || not_ok "long tokens: the link is cut in the PDF"
expect_exit 0 "long tokens: read back" soan extract "$T/long.pdf" -o "$T/long.back.xml"
for v in https://asean.hatinh.gov.vn/tailieu 01/01/2020-31/12/2020; do
	grep -q ">$v</cell>" "$T/long.back.xml" && ok "long tokens: $v whole" ||
		not_ok "long tokens: $v whole ($(grep -o '<cell role="\(lead\|timeline\)">[^<]*[0-9/][^<]*</cell>' "$T/long.back.xml" | tail -2 | tr '\n' ' '))"
done
finish
