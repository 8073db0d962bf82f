# tests/lib.sh - shell helpers for the CLI tests.  Source it; each test
# prints TAP lines ("ok - ..." / "not ok - ...") that tests/run.sh counts.
#
#   SOAN      the program under test (set by run.sh)
#   RUN       prefix for running it (valgrind in VALGRIND=1 mode)
#   T         a fresh temporary folder, removed on exit
#   TOP       the repository root

set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SOAN=${SOAN:-$TOP/build/soan}
case $SOAN in /*) ;; *) SOAN=$TOP/$SOAN ;; esac
RUN=${RUN:-}
T=$(mktemp -d "${TMPDIR:-/tmp}/soan-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOAN_DATADIR=$TOP
_failed=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; _failed=$((_failed + 1)); }
# check DESC CMD...: ok when CMD succeeds
check() { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else not_ok "$d"; fi; }
# soan ARGS...: run the program under test
soan() { $RUN "$SOAN" "$@"; }
# expect_exit CODE DESC CMD...: ok when CMD exits with CODE
expect_exit() {
	local want=$1 d=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"; local got=$?
	if [ "$got" = "$want" ]; then ok "$d"; else
		not_ok "$d (exit $got, wanted $want)"; sed 's/^/#   /' "$T/.err" | head -5; fi
}
# same FILE1 FILE2 DESC: ok when the files are byte-identical; shows a diff
same() {
	if cmp -s "$1" "$2"; then ok "$3"; else
		not_ok "$3"; diff -u "$1" "$2" | head -40 | sed 's/^/#   /'; fi
}
# one_line FILE DESC: ok when FILE has exactly one line
one_line() {
	local n; n=$(wc -l <"$1")
	if [ "$n" = 1 ]; then ok "$2"; else not_ok "$2 ($n lines)"; sed 's/^/#   /' "$1" | head -5; fi
}
finish() { exit $(( _failed > 0 )); }
