#!/bin/sh
# tests/run.sh - run every test suite and print "N passed, N failed".
# TESTS="t_text t0100-corpus ..." runs only the unit programs and CLI
# scripts named (make check's valgrind pass).
#
# Unit tests are cmocka programs in $B/tests (TAP output); CLI tests are
# shell scripts in tests/cli (TAP lines through tests/lib.sh).  Exits
# non-zero when anything failed.  VALGRIND=1 runs the program and the unit
# tests under valgrind (memcheck, leaks are errors).
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
B=${B:-build}
SOAN=${SOAN:-$B/soan}
case $SOAN in /*) ;; *) SOAN=$TOP/$SOAN ;; esac
export SOAN B
export SOAN_DATADIR=$TOP
export CMOCKA_MESSAGE_OUTPUT=TAP
RUN=
if [ -n "${VALGRIND:-}" ]; then
	RUN="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$TOP/tests/valgrind.supp"
	export SOAN_NO_EXTERNAL=1 # keep LibreOffice and FOP checks out of the valgrind pass
	export SOAN_NO_JIT=1      # pcre2's JIT reads past subjects by design; memcheck would object
fi
export RUN
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Is test NAME among $TESTS (all when TESTS is empty)?
selected() {
	[ -z "${TESTS:-}" ] && return 0
	for want in $TESTS; do
		[ "$want" = "$1" ] && return 0
	done
	return 1
}
label=${SANITIZE:+ (sanitize=$SANITIZE)}${VALGRIND:+ (valgrind${TESTS:+: $TESTS})}
echo "soan tests$label"
status=0
for t in "$TOP/$B"/tests/t_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	selected "$name" || continue
	out=$($RUN "$t" 2>&1); rc=$?
	printf '%s\n' "$out" | sed "s/^\(not ok\|ok\) [0-9]* *-* */\1 - $name: /" | grep -E '^(ok|not ok)' >>"$log"
	if [ $rc != 0 ]; then
		if ! printf '%s\n' "$out" | grep -q '^not ok'; then
			echo "not ok - $name: exited $rc" >>"$log"
		fi
		printf '%s\n' "$out" | grep -v '^ok' | sed 's/^/#   /' | head -20
		status=1
	fi
done
for t in "$TOP"/tests/cli/t*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	selected "$name" || continue
	out=$(sh "$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^(ok|not ok)' | sed "s/^\(not ok\|ok\) - /\1 - $name: /" >>"$log"
	printf '%s\n' "$out" | grep -E '^(not ok|#)' | sed "s/^/[$name] /" | head -40
	if [ $rc != 0 ]; then
		status=1
		printf '%s\n' "$out" | grep -q '^not ok' || echo "not ok - $name: exited $rc" >>"$log"
	fi
done
passed=$(grep -c '^ok' "$log")
failed=$(grep -c '^not ok' "$log")
grep '^not ok' "$log" | head -50
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ $status = 0 ]
