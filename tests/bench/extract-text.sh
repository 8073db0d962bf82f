#!/bin/sh
# Extraction throughput on text and markdown plans: the corpus's text and
# markdown documents replicated to a few thousand files, converted in one
# batch on one core, with and without the schema check; peak memory; and
# pandoc (markdown to its JSON AST, what a user might run instead) on a
# sample of the same files, as a ratio.
set -u
SOAN=${SOAN:-./soan}
TOP=${TOP:-.}
N=${BENCH_N:-3000}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/in" "$W/out"
i=0
set -- "$TOP"/corpus/*/*.txt "$TOP"/corpus/*/*.md
while [ $i -lt "$N" ]; do
	for f in "$@"; do
		[ $i -ge "$N" ] && break
		ext=${f##*.}
		cp "$f" "$W/in/d$i.$ext"
		i=$((i + 1))
	done
done
bytes=$(cat "$W"/in/* | wc -c)
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

t0=$(now)
/usr/bin/time -f "%M" -o "$W/mem" taskset -c 0 "$SOAN" extract -q --outdir "$W/out" "$W"/in/* 2>/dev/null
t1=$(now)
r_valid=$(rate "$N" "$t0" "$t1")
t0=$(now)
taskset -c 0 "$SOAN" extract -q --no-validate --outdir "$W/out" "$W"/in/* 2>/dev/null
t1=$(now)
r_novalid=$(rate "$N" "$t0" "$t1")
echo "soan extract, $N text/markdown plans ($((bytes / N)) bytes each on average), one core:"
echo "  with schema check:    $r_valid documents/s"
echo "  without schema check: $r_novalid documents/s"
echo "  peak memory:          $(cat "$W/mem") KB"
if command -v pandoc >/dev/null 2>&1; then
	S=50
	t0=$(now)
	for k in $(seq 0 $((S - 1))); do
		f=$(ls "$W"/in/d$k.* 2>/dev/null | head -1)
		taskset -c 0 pandoc -f markdown -t json "$f" >/dev/null 2>&1
	done
	t1=$(now)
	r_pandoc=$(rate "$S" "$t0" "$t1")
	echo "  pandoc -f markdown -t json on $S of the same files: $r_pandoc documents/s"
	awk -v a="$r_valid" -v b="$r_pandoc" 'BEGIN { printf "  ratio soan/pandoc: %.0fx\n", a / b }'
fi
