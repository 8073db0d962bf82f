#!/bin/sh
# tests/bench/pdf.sh - PDF documents per second: soan's PDF reader beside
# what a user would otherwise run, on the same files in the same run:
# pdftotext -layout (alone, and followed by soan's text reader on its
# output), pdfminer.six and PyMuPDF (one Python process each for all
# files, so their start-up is paid once).  Files: the real PDFs that have
# a text layer and the corpus twins.  Prints; never fails the build.
set -u
SOAN=${SOAN:-./soan}
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
files=$(ls "$TOP"/tests/data/pdf/real/*.pdf "$TOP"/corpus/*/*.pdf 2>/dev/null | grep -v -e scan-only -e ocr-garbage)
n=$(echo "$files" | wc -l)
pages=0
for f in $files; do pages=$((pages + $(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p'))); done
now() { date +%s.%N; }
rate() { echo "$1 $2" | awk -v n="$n" '{ t = $2 - $1; printf "%7.2f docs/s (%.2f s)", n / t, t }'; }
echo "$n documents, $pages pages"

t0=$(now); for f in $files; do "$SOAN" extract --dump=blocks "$f" >/dev/null 2>&1; done; t1=$(now)
soan_t=$(echo "$t0 $t1" | awk '{ print $2 - $1 }')
printf '  %-34s %s\n' "soan extract --dump=blocks" "$(rate "$t0" "$t1")"

t0=$(now); i=0; for f in $files; do i=$((i + 1)); pdftotext -layout "$f" "$tmp/$i.txt" 2>/dev/null; done; t1=$(now)
printf '  %-34s %s\n' "pdftotext -layout" "$(rate "$t0" "$t1")"
t2=$(now); i=0; for f in $files; do i=$((i + 1)); "$SOAN" extract --format=text --dump=blocks "$tmp/$i.txt" >/dev/null 2>&1; done; t3=$(now)
both_t=$(echo "$t0 $t1 $t2 $t3" | awk '{ print ($2 - $1) + ($4 - $3) }')
printf '  %-34s %7.2f docs/s (%.2f s)\n' "pdftotext -layout + soan text" \
	"$(echo "$both_t" | awk -v n="$n" '{ print n / $1 }')" "$both_t"

if /usr/bin/python3 -c 'import pdfminer.high_level' 2>/dev/null; then
	t0=$(now)
	/usr/bin/python3 -c 'import sys
from pdfminer.high_level import extract_text
for f in sys.argv[1:]: extract_text(f)' $files 2>/dev/null
	t1=$(now)
	printf '  %-34s %s\n' "pdfminer extract_text" "$(rate "$t0" "$t1")"
fi
if /usr/bin/python3 -c 'import fitz' 2>/dev/null; then
	t0=$(now)
	/usr/bin/python3 -c 'import sys, fitz
for f in sys.argv[1:]:
    for p in fitz.open(f): p.get_text("dict")' $files 2>/dev/null
	t1=$(now)
	printf '  %-34s %s\n' "PyMuPDF get_text(dict)" "$(rate "$t0" "$t1")"
fi
echo "$soan_t $both_t" | awk '{ printf "  soan / (pdftotext -layout + text reader) time ratio: %.2f (target <= 1)\n", $1 / $2 }'
