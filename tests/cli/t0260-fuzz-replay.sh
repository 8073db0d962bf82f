#!/bin/sh
# The fuzz harnesses, built with the normal compiler as $B/fuzz/replay_NAME
# (tests/fuzz/replay.c), replay their seeds (tests/fuzz/seeds.sh) and every
# input a fuzzer once failed on (tests/fuzz/regress/NAME/), within a time
# limit: in the ASan+UBSan and valgrind passes this is where a regression
# of a fuzzer's finding shows.  The harnesses check their own invariants
# (a refusal has a diagnostic, written XML reads back, inputs untouched).
. "$(dirname "$0")/../lib.sh"

TL=120
[ -n "$RUN" ] && TL=1800
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
	n=$(basename "$src" .c)
	n=${n#fuzz_}
	bin=$TOP/${B:-build}/fuzz/replay_$n
	if [ ! -x "$bin" ]; then not_ok "$n: replay_$n is built (make tests)"; continue; fi
	sh "$TOP/tests/fuzz/seeds.sh" "$n" "$T/seeds_$n" 2>/dev/null
	set -- "$T/seeds_$n"/*
	[ -e "$1" ] || set --
	nseeds=$#
	nreg=0
	for f in "$TOP/tests/fuzz/regress/$n"/*; do
		[ -f "$f" ] || continue
		set -- "$@" "$f"
		nreg=$((nreg + 1))
	done
	if [ $# = 0 ]; then not_ok "$n: has seeds or regression inputs"; continue; fi
	timeout $TL $RUN "$bin" "$@" >"$T/.out" 2>"$T/.err"; rc=$?
	got=$(grep -c '^replayed ' "$T/.err")
	if [ $rc = 0 ] && [ "$got" = $# ]; then
		ok "$n: $nseeds seeds and $nreg regression inputs replay clean"
	else
		not_ok "$n: $nseeds seeds and $nreg regression inputs replay clean (exit $rc, $got of $# done)"
		grep -v '^replayed ' "$T/.err" | head -20 | sed 's/^/#   /'
	fi
done
finish
