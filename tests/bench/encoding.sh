#!/bin/sh
# Text input in each encoding: the seeds ten times over (about 1 MB),
# read to blocks by `soan extract --dump=blocks`.  Plain UTF-8 is the
# common case and must stay the fastest; the legacy encodings pay for
# scoring their candidate decodings (bounded to the first 256 KB).
set -u
SOAN=${SOAN:-./soan}
D=$TOP/tests/data/enc
T=$(mktemp -d "${TMPDIR:-/tmp}/soan-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
for v in utf8 nfd tcvn3 vn1 vni cp1258 tcvn3-as-1252 vni-as-1252; do
	for i in 1 2 3 4 5 6 7 8 9 10; do
		for n in "$TOP"/corpus/0*/; do
			n=$(basename "$n")
			if [ $v = utf8 ]; then cat "$TOP/corpus/$n/$n.txt"; else cat "$D/$n.$v.txt" 2>/dev/null; fi
		done
	done >"$T/in.$v.txt"
	bytes=$(wc -c <"$T/in.$v.txt")
	start=$(date +%s.%N)
	for r in 1 2 3; do "$SOAN" extract --dump=blocks "$T/in.$v.txt" >/dev/null 2>&1; done
	end=$(date +%s.%N)
	awk -v v="$v" -v b="$bytes" -v s="$start" -v e="$end" \
		'BEGIN { printf "  %-14s %6.2f MB  %6.1f MB/s (text reader, NFC, dump)\n", v, b / 1e6, 3 * b / 1e6 / (e - s) }'
done
