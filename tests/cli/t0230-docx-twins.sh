#!/bin/sh
# The DOCX twins of each corpus plan (corpus/NAME/NAME.*.docx, made by
# tests/twins/make-docx-twins.sh from NAME.txt or NAME.md with python-docx, pandoc and
# LibreOffice) carry the same paragraphs, labels and tables as the text
# (tests/twins/compare_blocks.py says what "the same" ignores), and, once
# corpus/NAME/expected.xml exists, extract to exactly that plan XML apart
# from /plan/@source.
. "$(dirname "$0")/../lib.sh"

for dir in "$TOP"/corpus/*/; do
	name=$(basename "$dir")
	src=$dir/$name.txt
	[ -f "$src" ] || src=$dir/$name.md
	[ -f "$src" ] || continue
	$RUN "$SOAN" extract --dump=blocks "$src" >"$T/$name.txt.blocks" 2>/dev/null
	for twin in "$dir/$name".*.docx; do
		[ -f "$twin" ] || continue
		t=$(basename "$twin" .docx)
		if ! $RUN "$SOAN" extract --dump=blocks "$twin" >"$T/$t.blocks" 2>"$T/.err"; then
			not_ok "$t reads"; sed 's/^/#   /' "$T/.err" | head -3; continue
		fi
		if (cd / && /usr/bin/python3 "$TOP/tests/twins/compare_blocks.py" "$T/$name.txt.blocks" "$T/$t.blocks") >"$T/.diff"; then
			ok "$t: same content as $(basename "$src")"
		else
			not_ok "$t: same content as $(basename "$src")"; sed 's/^/#   /' "$T/.diff" | head -20
		fi
		if [ -f "$dir/expected.xml" ]; then
			if $RUN "$SOAN" extract "$twin" >"$T/$t.xml" 2>"$T/.err"; then
				sed '0,/<plan /s/ source="[^"]*"//' "$dir/expected.xml" >"$T/want.xml"
				sed '0,/<plan /s/ source="[^"]*"//' "$T/$t.xml" >"$T/got.xml"
				same "$T/want.xml" "$T/got.xml" "$t: plan XML equals expected.xml"
			else
				not_ok "$t: plan XML equals expected.xml"; sed 's/^/#   /' "$T/.err" | head -3
			fi
		fi
	done
done
finish
