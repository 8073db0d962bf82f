#!/bin/sh
# Every limit in extract/base/limits.h that an input can reach: a file that
# passes it by a little (tests/pathological/gen.sh) gets one stderr line
# naming the file and the limit, exit 1, no output file, the input
# untouched, and all within a time limit, so a hang or a quadratic
# slowdown fails the test instead of stalling it.  Large inputs within
# the limits, and the shapes that once took quadratic time, convert in
# time.
. "$(dirname "$0")/../lib.sh"

P=$T/patho
sh "$TOP/tests/pathological/gen.sh" "$P" || { not_ok "gen.sh writes the inputs"; finish; }
# seconds allowed per file; valgrind runs the same work ~30 times slower
TL=60
[ -n "$RUN" ] && TL=1200

# over FILE: FILE passes the limit its name starts with
over() {
	f=$P/$1 limit=${1%%.*}
	sum=$(md5sum <"$f")
	mkdir -p "$T/out"
	timeout $TL $RUN "$SOAN" extract -o "$T/out/plan.xml" "$f" >"$T/.out" 2>"$T/.err"; rc=$?
	if [ $rc = 124 ]; then not_ok "$1: finished within $TL s"; return; fi
	[ $rc = 1 ] && ok "$1: exit 1" || { not_ok "$1: exit 1 (got $rc)"; sed 's/^/#   /' "$T/.err" | head -5; }
	one_line "$T/.err" "$1: one line on stderr"
	grep -q "^soan: $f[:]" "$T/.err" && ok "$1: the line names the file" || not_ok "$1: the line names the file"
	grep -q "$limit)\$" "$T/.err" && ok "$1: the line names $limit" ||
		{ not_ok "$1: the line names $limit"; sed 's/^/#   /' "$T/.err"; }
	[ -z "$(ls -A "$T/out")" ] && ok "$1: no output file left" || not_ok "$1: no output file left"
	[ "$(md5sum <"$f")" = "$sum" ] && ok "$1: input untouched" || not_ok "$1: input untouched"
	rm -rf "$T/out"
}

# within FILE: FILE converts, in time.  These test speed, which valgrind
# cannot (it runs them hundreds of times slower, pcre2 without its JIT):
# skipped there; the limits above test the error paths it can check.
within() {
	f=$P/$1
	if [ -n "$RUN" ]; then
		ok "$1: converted in time # SKIP a timing test, not run under valgrind"
		return
	fi
	timeout $TL $RUN "$SOAN" extract -o "$T/plan.xml" "$f" >"$T/.out" 2>"$T/.err"; rc=$?
	if [ $rc = 124 ]; then not_ok "$1: finished within $TL s"; return; fi
	[ $rc = 0 ] && [ -s "$T/plan.xml" ] && ok "$1: converted in time" ||
		{ not_ok "$1: converted in time (exit $rc)"; sed 's/^/#   /' "$T/.err" | head -5; }
	rm -f "$T/plan.xml"
}

for f in "$P"/LIMIT_*; do
	over "$(basename "$f")"
done

# An entity bomb, in plan XML or a DOCX part, is refused for its DOCTYPE,
# never expanded.
for f in "$P"/entity-bomb.*; do
	b=$(basename "$f")
	mkdir -p "$T/out"
	timeout $TL $RUN "$SOAN" extract -o "$T/out/plan.xml" "$f" 2>"$T/.err"; rc=$?
	[ $rc = 1 ] && one_line "$T/.err" "$b: one line" && grep -q "DOCTYPE declaration is refused" "$T/.err" &&
		[ -z "$(ls -A "$T/out")" ] && ok "$b: refused for its DOCTYPE" || not_ok "$b: refused for its DOCTYPE (exit $rc)"
done

# A table at the row limit itself (a header and 99,999 rows) is read.
grep -c "Nhiệm vụ" "$P/ok-rows-100000.txt" | grep -q '^99999$' && ok "ok-rows-100000.txt has 100,000 rows" ||
	not_ok "ok-rows-100000.txt has 100,000 rows"
for f in "$P"/ok-*; do
	within "$(basename "$f")"
done

# the continued rows are joined, in order, into the row they continue
timeout $TL "$SOAN" extract --no-validate "$P/ok-continued-rows.txt" >"$T/cont.xml" 2>/dev/null
grep -q "Sở Sở Nội vụ 0 Sở Nội vụ 1 Sở Nội vụ 2 .* Sở Nội vụ 49999</cell>" "$T/cont.xml" &&
	ok "continued rows joined in order" || not_ok "continued rows joined in order"
finish
