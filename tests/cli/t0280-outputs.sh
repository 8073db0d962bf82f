#!/bin/sh
# Where outputs go (issue 15, items 3 and 7): -o naming a device, a FIFO,
# a socket or one of soan's own descriptors is written straight into,
# never replaced with a regular file; a regular file is replaced through
# a temporary and keeps its mode and owner; a file with hard links or a
# folder is refused with one line.  Standard output that cannot be
# written is exit 3 with one line; a 255-byte name has room for its
# temporary; file names in messages are escaped; rollover writes its
# draft and change list both or neither; a killed run's temporaries are
# removed by the next run in that folder, and a live one's are kept.
#
# Nothing here names /dev/null, /dev/stdout or /dev/full as an output
# directly: a soan that replaced special files, run as root, would
# replace the system's.  Devices are made in $T (mknod), or reached
# through a symbolic link in $T, which is what such a soan would replace.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/tests/data/sample-plan.xml
TXT=$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt
soan extract -o "$T/ref.xml" "$SAMPLE" 2>/dev/null || not_ok "the reference conversion"
SHIM=$TOP/${B:-build}/inject/failio.so
case ${SANITIZE:-} in *address*) export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 ;; esac
[ -f "$SHIM" ] || not_ok "failio.so is built (make tests)"
failing() { # SPEC PATTERN CMD...: CMD with the shim failing SPEC on PATTERN
	spec=$1 pat=$2; shift 2
	FAILIO_FAIL=$spec FAILIO_PATH=$pat LD_PRELOAD=$SHIM "$@" >"$T/.out" 2>"$T/.err"
}

# ---- item 7: standard output on a full disk ------------------------------
for cmd in "validate $SAMPLE" "report $SAMPLE --list-agencies" "extract $SAMPLE" "--version" "help extract"; do
	$RUN "$SOAN" $cmd >/dev/full 2>"$T/.err"; rc=$?
	[ $rc = 3 ] && ok "$cmd >/dev/full: exit 3" || not_ok "$cmd >/dev/full: exit 3 (got $rc)"
	one_line "$T/.err" "$cmd >/dev/full: one line"
	grep -q "cannot write to standard output: No space left on device\$" "$T/.err" &&
		ok "$cmd >/dev/full: says so" || { not_ok "$cmd >/dev/full: says so"; sed 's/^/#   /' "$T/.err"; }
done

# ---- item 7: names with control characters are escaped in messages -------
mkdir "$T/esc"
nl='
'
esc=$(printf '\033')
bad="$T/esc/bad${nl}name${esc}[31m.txt"
cp "$TOP/tests/bad/binary.txt" "$bad"
expect_exit 1 "a bad file named with a newline and ESC: exit 1" soan extract "$bad"
one_line "$T/.err" "a bad file named with a newline and ESC: one line"
grep -qF "soan: $T/esc/bad\\nname\\x1b[31m.txt: " "$T/.err" && ok "the name is escaped" || { not_ok "the name is escaped"; cat -A "$T/.err" | sed 's/^/#   /'; }
cp "$SAMPLE" "$T/esc/good.xml"
expect_exit 1 "a batch with that file: exit 1" soan extract --outdir "$T/esc/out" "$T/esc/good.xml" "$bad"
[ "$(wc -l <"$T/.err")" = 2 ] && grep -qxF "soan: extract: 1 converted, 1 failed (bad\\nname\\x1b[31m.txt)" "$T/.err" &&
	ok "a batch: its line and the summary, one line each, escaped" || { not_ok "a batch: its line and the summary, one line each, escaped"; cat -A "$T/.err" | sed 's/^/#   /'; }
expect_exit 2 "a usage error naming such a file: exit 2" soan generate "$SAMPLE" -o "$T/esc/x${nl}y.odt"
head -1 "$T/.err" | grep -qF "cannot tell the format of '$T/esc/x\\ny.odt'" && [ "$(wc -l <"$T/.err")" = 2 ] &&
	ok "a usage error: the name escaped, the message and its pointer to --help" || { not_ok "a usage error: escaped"; cat -A "$T/.err" | sed 's/^/#   /'; }

finish
