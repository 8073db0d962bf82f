#!/bin/sh
# soan validate: every expected plan XML is valid; broken ones are named
# with their first problem and exit 1; soan's own output always validates
# (checked in-process on every extract) and so does the hand-written sample.
. "$(dirname "$0")/../lib.sh"

expect_exit 0 "all corpus expected.xml are valid" soan validate -q "$TOP"/corpus/*/expected.xml
expect_exit 0 "the hand-written sample plan is valid" soan validate "$TOP/tests/data/sample-plan.xml"
grep -q "sample-plan.xml: valid" "$T/.out" && ok "valid files are reported on stdout" || not_ok "valid files are reported on stdout"

sed 's/<doctype code="KH">/<doctype>/' "$TOP/tests/data/sample-plan.xml" >"$T/nocode.xml"
expect_exit 1 "a plan without doctype/@code is invalid" soan validate "$T/nocode.xml"
one_line "$T/.err" "one line for an invalid plan"
grep -q "nocode.xml:[0-9]*: does not match" "$T/.err" && ok "the line names the file and the line" || not_ok "the line names the file and the line"

sed 's/<amount value="350000000"/<amount value="350 triệu"/' "$TOP/tests/data/sample-plan.xml" >"$T/badamount.xml"
expect_exit 1 "an amount that is not an integer is invalid" soan validate "$T/badamount.xml"

# a row wider than its table's headings: the schema cannot say it, the
# vocabulary does (each cell stands under a column), and no layout has
# room for it
sed '86s|<cell role="timeline">2020</cell>|<cell role="timeline">2020</cell><cell role="other">thêm</cell>|' \
	"$TOP/tests/data/sample-plan.xml" >"$T/wide.xml"
expect_exit 1 "a table row with more cells than columns is invalid" soan validate "$T/wide.xml"
one_line "$T/.err" "one line for a row too wide"
grep -q "wide.xml:81: a table row has 6 cells but its table has 5 columns" "$T/.err" &&
	ok "the line names the row and both counts" || not_ok "the line names the row and both counts"
expect_exit 1 "generate refuses it the same way" soan generate "$T/wide.xml" -o "$T/wide.pdf"
grep -q "wide.xml:81: a table row has 6 cells" "$T/.err" && [ ! -e "$T/wide.pdf" ] &&
	ok "generate names the row, not the template, and writes nothing" ||
	not_ok "generate names the row, not the template, and writes nothing"
sed '86s|<cell role="timeline">2020</cell>||' "$TOP/tests/data/sample-plan.xml" >"$T/narrow.xml"
expect_exit 0 "a row with fewer cells than columns is valid" soan validate "$T/narrow.xml"

printf '<plan version="1"><meta>' >"$T/broken.xml"
expect_exit 1 "malformed XML is rejected" soan validate "$T/broken.xml"
one_line "$T/.err" "one line for malformed XML"

printf '<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<plan version="1">&x;</plan>\n' >"$T/xxe.xml"
expect_exit 1 "a DOCTYPE with an external entity is refused" soan validate "$T/xxe.xml"
grep -q "root:" "$T/.err" "$T/.out" && not_ok "no local file leaks" || ok "no local file leaks"

expect_exit 1 "a mix of valid and invalid files exits 1" soan validate -q "$TOP/tests/data/sample-plan.xml" "$T/broken.xml"
finish
