#!/bin/sh
# tests/bench.sh SOAN - run every benchmark in tests/bench/*.sh and print
# their figures.  Benchmarks print, they never fail the build.
set -u
SOAN=${1:-./soan}
TOP=$(cd "$(dirname "$0")/.." && pwd)
export SOAN TOP
for b in "$TOP"/tests/bench/*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || echo "(benchmark $(basename "$b") failed)"
done
