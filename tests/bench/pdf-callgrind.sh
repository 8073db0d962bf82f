#!/bin/sh
# tests/bench/pdf-callgrind.sh - the PDF benchmark counted in instructions
# (valgrind --tool=callgrind), which stay put on a shared machine where
# timings do not: soan extract --dump=blocks on each file beside
# pdftotext -layout followed by soan's text reader on its output.  Slow
# (minutes): runs only with CALLGRIND=1 (CALLGRIND=1 make bench).
#
# The reader prints signature widgets in a child process; callgrind follows
# it and writes its own profile, which starts with a copy of the parent's
# counts, so a child adds only what print_widgets cost in it.
set -u
[ -n "${CALLGRIND:-}" ] || { echo "  (skipped: set CALLGRIND=1 to count instructions)"; exit 0; }
command -v valgrind >/dev/null || { echo "  (skipped: no valgrind)"; exit 0; }
SOAN=${SOAN:-./soan}
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soan-cg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
files=$(ls "$TOP"/tests/data/pdf/real/*.pdf "$TOP"/corpus/*/*.pdf 2>/dev/null | grep -v -e scan-only -e ocr-garbage)

# instructions of one command, children's print_widgets included
count() {
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" "$@" >/dev/null 2>&1
	parent=$(ls "$tmp"/cg.* | sort -t. -k2 -n | head -1)
	total=$(sed -n 's/^summary: //p' "$parent")
	for f in "$tmp"/cg.*; do
		[ "$f" = "$parent" ] && continue
		extra=$(callgrind_annotate --inclusive=yes "$f" 2>/dev/null |
			awk '/read_pdf.c:print_widgets/ { gsub(",", "", $1); print $1; exit }')
		total=$((total + ${extra:-0}))
	done
	echo "$total"
}

printf '  %-40s %14s %14s %6s\n' file soan "pdftotext+text" ratio
sum_a=0 sum_b=0
for f in $files; do
	a=$(count "$SOAN" extract --dump=blocks "$f")
	b1=$(count pdftotext -layout "$f" "$tmp/out.txt")
	b2=$(count "$SOAN" extract --format=text --dump=blocks "$tmp/out.txt")
	b=$((b1 + b2))
	sum_a=$((sum_a + a)) sum_b=$((sum_b + b))
	printf '  %-40s %14d %14d %6.2f\n' "$(basename "$f")" "$a" "$b" "$(echo "$a $b" | awk '{ print $1 / $2 }')"
done
printf '  %-40s %14d %14d %6.2f\n' "all" "$sum_a" "$sum_b" "$(echo "$sum_a $sum_b" | awk '{ print $1 / $2 }')"
echo "  instruction ratio soan / (pdftotext -layout + text reader): $(echo "$sum_a $sum_b" | awk '{ printf "%.2f", $1 / $2 }') (target <= 1)"
