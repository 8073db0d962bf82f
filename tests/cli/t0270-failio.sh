#!/bin/sh
# Output that fails half-way: tests/inject/failio.so (LD_PRELOAD) makes a
# write, fsync, close or rename fail, and soan must report it as the
# environment's failure (exit 3), leave no partial or temporary file, keep
# an existing output file as it was, and never touch the input.  A disk
# that fills up in the middle of a batch: the files written before stay
# complete, the summary names the ones not written.
. "$(dirname "$0")/../lib.sh"

SHIM=$TOP/${B:-build}/inject/failio.so
[ -f "$SHIM" ] || { not_ok "failio.so is built (make tests)"; finish; }
# under ASan the shim loads before the ASan runtime, which only forwards
case ${SANITIZE:-} in *address*) export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 ;; esac

C=$TOP/corpus
mkdir -p "$T/in"
cp "$C/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/in/a.txt"
cp "$C/003-hungyen-ttdn-2022/003-hungyen-ttdn-2022.txt" "$T/in/b.txt"
cp "$C/v02-phan-ttdn-2027-txt/v02-phan-ttdn-2027-txt.txt" "$T/in/c.txt"
cp "$C/v01-chuyendoiso-2026-md/v01-chuyendoiso-2026-md.md" "$T/in/d.md"
(cd "$T/in" && md5sum a.txt b.txt c.txt d.md) >"$T/in.md5"
for f in a b c; do soan extract -o "$T/$f.ref" "$T/in/$f.txt" 2>/dev/null; done
soan extract -o "$T/d.ref" "$T/in/d.md" 2>/dev/null
[ -s "$T/a.ref" ] && [ -s "$T/d.ref" ] || { not_ok "reference conversions"; finish; }

# failing SPEC PATTERN CMD...: run CMD with the shim failing SPEC on files
# matching PATTERN; the log of injected failures is $T/failio.log
failing() {
	spec=$1 pat=$2; shift 2
	rm -f "$T/failio.log"
	FAILIO_FAIL=$spec FAILIO_PATH=$pat FAILIO_LOG=$T/failio.log LD_PRELOAD=$SHIM "$@" >"$T/.out" 2>"$T/.err"
}
fired() { [ -s "$T/failio.log" ] && ok "$1: the shim fired" || not_ok "$1: the shim fired"; }
untouched() {
	(cd "$T/in" && md5sum -c --quiet "$T/in.md5" >/dev/null 2>&1) && ok "$1: inputs untouched" ||
		not_ok "$1: inputs untouched"
}

# One output file, each call failing in turn, to an empty folder and over
# an existing file.
for spec in write:1 fsync:1 close:1 rename:1; do
	rm -rf "$T/out" && mkdir "$T/out"
	failing $spec "$T/out/*" $RUN "$SOAN" extract -o "$T/out/plan.xml" "$T/in/a.txt"; rc=$?
	fired "$spec"
	[ $rc = 3 ] && ok "$spec: exit 3" || not_ok "$spec: exit 3 (got $rc)"
	one_line "$T/.err" "$spec: one line on stderr"
	grep -q "^soan: $T/in/a.txt: cannot write output file '$T/out/plan.xml': " "$T/.err" &&
		ok "$spec: the line names the input and the output" || not_ok "$spec: the line names the input and the output"
	[ -z "$(ls -A "$T/out")" ] && ok "$spec: nothing left in the folder" ||
		{ not_ok "$spec: nothing left in the folder"; ls -A "$T/out" | sed 's/^/#   /'; }
	untouched "$spec"

	echo "the previous plan" >"$T/out/plan.xml"
	failing $spec "$T/out/*" $RUN "$SOAN" extract -o "$T/out/plan.xml" "$T/in/a.txt"; rc=$?
	[ $rc = 3 ] && [ "$(cat "$T/out/plan.xml")" = "the previous plan" ] && [ "$(ls -A "$T/out")" = plan.xml ] &&
		ok "$spec: an existing output file is kept as it was" || not_ok "$spec: an existing output file is kept as it was (exit $rc)"
done

# errno other than a full disk reads as itself
rm -rf "$T/out" && mkdir "$T/out"
FAILIO_ERRNO=EROFS failing rename:1 "$T/out/*" $RUN "$SOAN" extract -o "$T/out/plan.xml" "$T/in/a.txt"; rc=$?
[ $rc = 3 ] && grep -q "Read-only file system" "$T/.err" && [ -z "$(ls -A "$T/out")" ] &&
	ok "rename fails with EROFS: exit 3, says so, nothing left" || not_ok "rename fails with EROFS (exit $rc)"

# the block dump is written the same way
failing write:1 "$T/out/*" $RUN "$SOAN" extract --dump=blocks -o "$T/out/plan.blocks" "$T/in/a.txt"; rc=$?
[ $rc = 3 ] && [ -z "$(ls -A "$T/out")" ] && ok "--dump=blocks -o: exit 3, nothing left" ||
	not_ok "--dump=blocks -o: exit 3, nothing left (exit $rc)"

# standard output that cannot be written: exit 3, not 0
failing write:1 "<stdout>" $RUN "$SOAN" extract "$T/in/a.txt"; rc=$?
fired "stdout"
[ $rc = 3 ] && grep -q "cannot write to standard output" "$T/.err" && ok "stdout fails: exit 3" ||
	not_ok "stdout fails: exit 3 (got $rc)"
$RUN "$SOAN" extract "$T/in/a.txt" >/dev/full 2>"$T/.err"; rc=$?
[ $rc = 3 ] && grep -q "cannot write to standard output" "$T/.err" && ok "stdout is /dev/full: exit 3" ||
	not_ok "stdout is /dev/full: exit 3 (got $rc)"

# The disk fills up in the middle of a batch: from the third output file on
# every write fails.
rm -rf "$T/batch"
failing write:3+ "$T/batch/*" $RUN "$SOAN" extract --outdir "$T/batch" "$T/in/a.txt" "$T/in/b.txt" "$T/in/c.txt" \
	"$T/in/d.md"; rc=$?
fired "batch"
[ $rc = 3 ] && ok "batch on a full disk: exit 3" || not_ok "batch on a full disk: exit 3 (got $rc)"
same "$T/a.ref" "$T/batch/a.xml" "batch: the first file written is complete"
same "$T/b.ref" "$T/batch/b.xml" "batch: the second file written is complete"
[ ! -e "$T/batch/c.xml" ] && [ ! -e "$T/batch/d.xml" ] && ok "batch: no partial output for the others" ||
	not_ok "batch: no partial output for the others"
[ -z "$(ls -A "$T/batch" | grep -v '^[ab]\.xml$')" ] && ok "batch: no temporary file left" ||
	{ not_ok "batch: no temporary file left"; ls -A "$T/batch" | sed 's/^/#   /'; }
grep -q "^soan: $T/in/c.txt: cannot write output file '$T/batch/c.xml': No space left on device\$" "$T/.err" &&
	grep -q "^soan: $T/in/d.md: cannot write output file '$T/batch/d.xml': No space left on device\$" "$T/.err" &&
	ok "batch: each file not written has its line" || not_ok "batch: each file not written has its line"
grep -q "^soan: extract: 2 converted, 2 failed (c.txt, d.md)\$" "$T/.err" && ok "batch: the summary names the files not written" ||
	{ not_ok "batch: the summary names the files not written"; sed 's/^/#   /' "$T/.err"; }
untouched "batch"

# soan generate writes DOCX, PDF and layout the same way.
cp "$TOP/tests/data/sample-plan.xml" "$T/in/p.xml"
(cd "$T/in" && md5sum a.txt b.txt c.txt d.md p.xml) >"$T/in.md5"
for fmt in docx pdf; do
	for spec in write:1 fsync:1 close:1 rename:1; do
		rm -rf "$T/out" && mkdir "$T/out"
		failing $spec "$T/out/*" $RUN "$SOAN" generate "$T/in/p.xml" -o "$T/out/plan.$fmt"; rc=$?
		[ -s "$T/failio.log" ] && [ $rc = 3 ] && one_line "$T/.err" "generate $fmt, $spec: one line" &&
			grep -q "cannot write output file '$T/out/plan.$fmt'" "$T/.err" && [ -z "$(ls -A "$T/out")" ] &&
			ok "generate $fmt, $spec: exit 3, nothing left" ||
			{ not_ok "generate $fmt, $spec: exit 3, nothing left (exit $rc)"; sed 's/^/#   /' "$T/.err" | head -3; }
	done
done
untouched "generate"
# a full disk in the middle of a generate batch
rm -rf "$T/gbatch"
failing write:3+ "$T/gbatch/*" $RUN "$SOAN" generate --outdir "$T/gbatch" --format docx "$T/in/p.xml" \
	"$T/in/a.txt" "$T/in/b.txt" "$T/in/c.txt"; rc=$?
[ $rc = 3 ] && [ -s "$T/gbatch/p.docx" ] && [ -s "$T/gbatch/a.docx" ] && [ ! -e "$T/gbatch/b.docx" ] &&
	[ ! -e "$T/gbatch/c.docx" ] && [ "$(ls -A "$T/gbatch" | wc -l)" = 2 ] &&
	ok "generate batch on a full disk: the first two written, nothing else left, exit 3" ||
	{ not_ok "generate batch on a full disk (exit $rc)"; ls -A "$T/gbatch" | sed 's/^/#   /'; }
python3 -c 'import sys, zipfile; sys.exit(any(zipfile.ZipFile(f).testzip() for f in sys.argv[1:]))' \
	"$T/gbatch/p.docx" "$T/gbatch/a.docx" 2>/dev/null &&
	ok "generate batch: the files written are whole zips" || not_ok "generate batch: the files written are whole zips"
grep -q "b.txt" "$T/.err" && grep -q "c.txt" "$T/.err" && grep -q "2 failed" "$T/.err" &&
	ok "generate batch: the files not written are named" || { not_ok "generate batch: the files not written are named"; sed 's/^/#   /' "$T/.err"; }
untouched "generate batch"
finish
