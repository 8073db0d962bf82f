#!/bin/sh
# Every corpus document gives exactly its reviewed expected plan XML.
# Twins (the same plan as DOCX, PDF, another encoding) must give the same
# XML apart from /plan/@source; every expected.xml is valid against the
# schema, checked with jing (an implementation we did not write).
. "$(dirname "$0")/../lib.sh"

for dir in "$TOP"/corpus/*/; do
	name=$(basename "$dir")
	exp="$dir/expected.xml"
	[ -f "$exp" ] || continue
	if command -v jing >/dev/null 2>&1; then
		check "$name: expected.xml valid (jing)" jing "$TOP/extract/plan/plan.rng" "$exp"
	fi
	want_source=$(sed -n 's/^<plan version="1" source="\([^"]*\)".*/\1/p' "$exp")
	for src in "$dir$name".*; do
		[ -f "$src" ] || continue
		base=$(basename "$src")
		if soan extract "$src" >"$T/out.xml" 2>"$T/err"; then
			sed "s|source=\"$base\"|source=\"$want_source\"|" "$T/out.xml" >"$T/norm.xml"
			same "$exp" "$T/norm.xml" "$name: $base gives expected.xml"
		else
			not_ok "$name: $base extracts"
			sed 's/^/#   /' "$T/err"
		fi
	done
done
finish
