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

# ---- item 3: special outputs --------------------------------------------

# a FIFO: written into, still a FIFO (a replaced one leaves the reader
# waiting: it is then killed)
mkfifo "$T/fifo"
timeout 120 cat "$T/fifo" >"$T/from-fifo" &
reader=$!
expect_exit 0 "-o a FIFO: exit 0" soan extract -o "$T/fifo" "$SAMPLE"
if [ -p "$T/fifo" ]; then wait $reader; ok "-o a FIFO: still a FIFO"; else kill $reader; not_ok "-o a FIFO: still a FIFO"; fi
same "$T/ref.xml" "$T/from-fifo" "-o a FIFO: the reader gets the plan"

# a character device made here, and a link to the system's /dev/null
if mknod "$T/null" c 1 3 2>/dev/null; then
	expect_exit 0 "-o a character device: exit 0" soan extract -o "$T/null" "$SAMPLE"
	[ -c "$T/null" ] && ok "-o a character device: still a device" || not_ok "-o a character device: still a device"
else
	ok "-o a character device # SKIP mknod not permitted"
fi
ln -s /dev/null "$T/null-link"
expect_exit 0 "-o a link to /dev/null: exit 0" soan extract -o "$T/null-link" "$SAMPLE"
[ -L "$T/null-link" ] && [ "$(readlink "$T/null-link")" = /dev/null ] && [ -c /dev/null ] &&
	ok "-o a link to /dev/null: the link and /dev/null as they were" || not_ok "-o a link to /dev/null: the link and /dev/null as they were"
[ -z "$(ls -A "$T" | grep soan-tmp)" ] && ok "special outputs: no temporary file left" || not_ok "special outputs: no temporary file left"

# a Unix socket: connected and written into
sock=$T/sock
python3 - "$sock" "$T/from-sock" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1]); s.listen(1)
c, _ = s.accept()
with open(sys.argv[2], "wb") as f:
    while True:
        b = c.recv(65536)
        if not b:
            break
        f.write(b)
PY
server=$!
i=0; while [ ! -S "$sock" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
expect_exit 0 "-o a Unix socket: exit 0" soan extract -o "$sock" "$SAMPLE"
if [ -S "$sock" ]; then wait $server; ok "-o a Unix socket: still a socket"; else kill $server; not_ok "-o a Unix socket: still a socket"; fi
same "$T/ref.xml" "$T/from-sock" "-o a Unix socket: the server gets the plan"

# soan's own descriptors: a link to /proc/self/fd/1 (what /dev/stdout is),
# /dev/fd/1; standard output opened for appending is appended to
ln -s /proc/self/fd/1 "$T/stdout-link"
expect_exit 0 "-o a link to /proc/self/fd/1: exit 0" soan extract -o "$T/stdout-link" "$SAMPLE"
same "$T/ref.xml" "$T/.out" "-o a link to /proc/self/fd/1: the plan on standard output"
[ -L "$T/stdout-link" ] && ok "-o a link to /proc/self/fd/1: the link kept" || not_ok "-o a link to /proc/self/fd/1: the link kept"
echo "earlier output" >"$T/appended"
$RUN "$SOAN" extract -o /dev/fd/1 "$SAMPLE" >>"$T/appended" 2>"$T/.err"; rc=$?
{ echo "earlier output"; cat "$T/ref.xml"; } >"$T/appended.want"
[ $rc = 0 ] && ok "-o /dev/fd/1: exit 0" || not_ok "-o /dev/fd/1: exit 0 (got $rc)"
same "$T/appended.want" "$T/appended" "-o /dev/fd/1 appended to: written through the descriptor, not reopened"
$RUN "$SOAN" extract -o /dev/fd/7 "$SAMPLE" 7>"$T/fd7" 2>"$T/.err"; rc=$?
[ $rc = 0 ] && ok "-o /dev/fd/7: exit 0" || not_ok "-o /dev/fd/7: exit 0 (got $rc)"
same "$T/ref.xml" "$T/fd7" "-o /dev/fd/7: written to descriptor 7"

# a regular file keeps its mode, and (as root) its owner
echo "the previous plan" >"$T/mode.xml"
chmod 600 "$T/mode.xml"
expect_exit 0 "-o a file of mode 600: exit 0" soan extract -o "$T/mode.xml" "$SAMPLE"
[ "$(stat -c %a "$T/mode.xml")" = 600 ] && ok "-o a file of mode 600: still 600" || not_ok "-o a file of mode 600: still 600 (got $(stat -c %a "$T/mode.xml"))"
same "$T/ref.xml" "$T/mode.xml" "-o a file of mode 600: the new plan in it"
chmod 751 "$T/mode.xml"
soan extract -o "$T/mode.xml" "$SAMPLE" 2>/dev/null
[ "$(stat -c %a "$T/mode.xml")" = 751 ] && ok "-o a file of mode 751: still 751" || not_ok "-o a file of mode 751: still 751 (got $(stat -c %a "$T/mode.xml"))"
if [ "$(id -u)" = 0 ] && chown nobody:nogroup "$T/mode.xml" 2>/dev/null; then
	soan extract -o "$T/mode.xml" "$SAMPLE" 2>/dev/null
	[ "$(stat -c %U:%G "$T/mode.xml")" = nobody:nogroup ] && ok "-o a file of another owner: owner kept (root)" ||
		not_ok "-o a file of another owner: owner kept (got $(stat -c %U:%G "$T/mode.xml"))"
else
	ok "-o a file of another owner # SKIP not root"
fi

# a symbolic link to a regular file: the link stays, its file is replaced
mkdir "$T/real"
echo "the previous plan" >"$T/real/plan.xml"
ln -s real/plan.xml "$T/plan-link.xml"
expect_exit 0 "-o a link to a file: exit 0" soan extract -o "$T/plan-link.xml" "$SAMPLE"
[ -L "$T/plan-link.xml" ] && ok "-o a link to a file: still a link" || not_ok "-o a link to a file: still a link"
same "$T/ref.xml" "$T/real/plan.xml" "-o a link to a file: the file it names replaced"

# a file with two hard links: refused, both names as they were
echo "the previous plan" >"$T/linked.xml"
ln "$T/linked.xml" "$T/linked2.xml"
expect_exit 3 "-o a file with hard links: exit 3" soan extract -o "$T/linked.xml" "$SAMPLE"
one_line "$T/.err" "-o a file with hard links: one line"
grep -qxF "soan: $SAMPLE: cannot write output file '$T/linked.xml': it has 2 hard links, and replacing it would break them (remove it first)" "$T/.err" &&
	ok "-o a file with hard links: says so" || { not_ok "-o a file with hard links: says so"; sed 's/^/#   /' "$T/.err"; }
[ "$(cat "$T/linked.xml")" = "the previous plan" ] && [ "$(stat -c %h "$T/linked2.xml")" = 2 ] &&
	ok "-o a file with hard links: the file and its links as they were" || not_ok "-o a file with hard links: the file and its links as they were"

# a folder: refused
mkdir "$T/folder.xml"
expect_exit 3 "-o a folder: exit 3" soan extract -o "$T/folder.xml" "$SAMPLE"
grep -qxF "soan: $SAMPLE: cannot write output file '$T/folder.xml': it is a folder" "$T/.err" &&
	ok "-o a folder: says so in one line" || { not_ok "-o a folder: says so in one line"; sed 's/^/#   /' "$T/.err"; }

# ---- item 7: standard output on a full disk ------------------------------
for cmd in "validate $SAMPLE" "report $SAMPLE --list-agencies" "extract $SAMPLE" "--version" "help extract"; do
	$RUN "$SOAN" $cmd >/dev/full 2>"$T/.err"; rc=$?
	[ $rc = 3 ] && ok "$cmd >/dev/full: exit 3" || not_ok "$cmd >/dev/full: exit 3 (got $rc)"
	one_line "$T/.err" "$cmd >/dev/full: one line"
	grep -q "cannot write to standard output: No space left on device\$" "$T/.err" &&
		ok "$cmd >/dev/full: says so" || { not_ok "$cmd >/dev/full: says so"; sed 's/^/#   /' "$T/.err"; }
done

# ---- item 7: a 250-byte output name (the most ext4 allows is 255) --------
mkdir "$T/long"
name=$(printf 'a%.0s' $(seq 246)).xml
expect_exit 0 "a 250-byte output name: exit 0" soan extract -o "$T/long/$name" "$SAMPLE"
same "$T/ref.xml" "$T/long/$name" "a 250-byte output name: written"
uname=$(printf 'ế%.0s' $(seq 83)).xml # 3 bytes a letter: 253 bytes
expect_exit 0 "a 253-byte UTF-8 output name: exit 0" soan extract -o "$T/long/$uname" "$SAMPLE"
same "$T/ref.xml" "$T/long/$uname" "a 253-byte UTF-8 output name: written"
[ "$(ls -A "$T/long" | wc -l)" = 2 ] && ok "long names: no temporary file left" || not_ok "long names: no temporary file left"

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

# ---- item 7: rollover writes the draft and its change list both or neither
mkdir "$T/rb"
failing write:1 "$T/rb/*changes.tsv*" $RUN "$SOAN" rollover "$TXT" -o "$T/rb/next.xml" -c "$T/rb/changes.tsv" -q; rc=$?
[ $rc = 3 ] && ok "rollover, the change list on a full disk: exit 3" || not_ok "rollover, the change list on a full disk: exit 3 (got $rc)"
one_line "$T/.err" "rollover, the change list on a full disk: one line"
[ -z "$(ls -A "$T/rb")" ] && ok "rollover, the change list on a full disk: no draft without its list" ||
	{ not_ok "rollover, the change list on a full disk: no draft without its list"; ls -A "$T/rb" | sed 's/^/#   /'; }
echo "last draft" >"$T/rb/next.xml"
echo "last list" >"$T/rb/changes.tsv"
failing write:1 "$T/rb/*changes.tsv*" $RUN "$SOAN" rollover "$TXT" -o "$T/rb/next.xml" -c "$T/rb/changes.tsv" -q; rc=$?
[ $rc = 3 ] && [ "$(cat "$T/rb/next.xml")" = "last draft" ] && [ "$(cat "$T/rb/changes.tsv")" = "last list" ] &&
	[ "$(ls -A "$T/rb" | wc -l)" = 2 ] && ok "rollover, full disk over earlier files: both as they were" ||
	{ not_ok "rollover, full disk over earlier files: both as they were (exit $rc)"; ls -A "$T/rb" | sed 's/^/#   /'; }
# the second rename fails: the first is undone (the earlier draft back)
failing rename:2 "$T/rb/*" $RUN "$SOAN" rollover "$TXT" -o "$T/rb/next.xml" -c "$T/rb/changes.tsv" -q; rc=$?
[ $rc = 3 ] && [ "$(cat "$T/rb/next.xml")" = "last draft" ] && [ "$(cat "$T/rb/changes.tsv")" = "last list" ] &&
	[ "$(ls -A "$T/rb" | wc -l)" = 2 ] && ok "rollover, the second rename fails: the first undone" ||
	{ not_ok "rollover, the second rename fails: the first undone (exit $rc)"; ls -A "$T/rb" | sed 's/^/#   /'; }
rm -f "$T/rb/next.xml" "$T/rb/changes.tsv"
failing rename:2 "$T/rb/*" $RUN "$SOAN" rollover "$TXT" -o "$T/rb/next.xml" -c "$T/rb/changes.tsv" -q; rc=$?
[ $rc = 3 ] && [ -z "$(ls -A "$T/rb")" ] && ok "rollover, the second rename fails: the new draft removed" ||
	{ not_ok "rollover, the second rename fails: the new draft removed (exit $rc)"; ls -A "$T/rb" | sed 's/^/#   /'; }
# the change list to a device that is full: the draft is not kept either
ln -s /dev/full "$T/full-link"
expect_exit 3 "rollover -c a full device: exit 3" soan rollover "$TXT" -o "$T/rb/next.xml" -c "$T/full-link" -q
[ -z "$(ls -A "$T/rb")" ] && [ -L "$T/full-link" ] && ok "rollover -c a full device: no draft, the link kept" ||
	{ not_ok "rollover -c a full device: no draft, the link kept"; ls -A "$T/rb" | sed 's/^/#   /'; }
expect_exit 0 "rollover -o -c: both written" soan rollover "$TXT" -o "$T/rb/next.xml" -c "$T/rb/changes.tsv" -q
[ -s "$T/rb/next.xml" ] && [ "$(wc -l <"$T/rb/changes.tsv")" -gt 10 ] && ok "rollover -o -c: both there" || not_ok "rollover -o -c: both there"
expect_exit 2 "rollover -o and -c naming one file: usage error" soan rollover "$TXT" -o "$T/rb/same.xml" -c "$T/rb/same.xml"

# ---- item 7: temporaries of a killed run ----------------------------------
# A batch stopped while it writes its second output (the shim stops it at
# that file's fsync), then killed: its temporary is left; the next run in
# that folder removes it.
mkdir -p "$T/kill/in"
for f in a b c; do cp "$SAMPLE" "$T/kill/in/$f.xml"; done
FAILIO_FAIL=fsync:2 FAILIO_STOP=1 FAILIO_PATH="$T/kill/out/*" LD_PRELOAD=$SHIM \
	"$SOAN" extract -q --outdir "$T/kill/out" "$T/kill/in/a.xml" "$T/kill/in/b.xml" "$T/kill/in/c.xml" 2>/dev/null &
victim=$!
i=0; while [ "$(ps -o stat= -p $victim 2>/dev/null | cut -c1)" != T ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 $victim 2>/dev/null; wait $victim 2>/dev/null
left=$(ls -A "$T/kill/out" | grep -v '^a\.xml$')
[ -n "$left" ] && ok "a killed batch leaves its temporary ($left)" || not_ok "a killed batch leaves its temporary"
cp "$TXT" "$T/kill/in/d.txt"
expect_exit 0 "the next run into that folder" soan extract -q --outdir "$T/kill/out" "$T/kill/in/d.txt"
[ "$(ls -A "$T/kill/out" | tr '\n' ' ')" = "a.xml d.xml " ] && ok "the next run removed the killed one's temporary" ||
	{ not_ok "the next run removed the killed one's temporary"; ls -A "$T/kill/out" | sed 's/^/#   /'; }
# a temporary whose owner lives (it holds the lock) is kept
mkdir "$T/live"
live="$T/live/.plan.xml.soan-tmp-Live01"
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "w"); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(120)' \
	"$live" "$T/live-ready" &
holder=$!
i=0; while [ ! -e "$T/live-ready" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
expect_exit 0 "a run beside a live temporary" soan extract -o "$T/live/other.xml" "$SAMPLE"
[ -e "$live" ] && ok "a live run's temporary is kept" || not_ok "a live run's temporary is kept"
kill $holder; wait $holder 2>/dev/null
expect_exit 0 "a run after its owner is gone" soan extract -o "$T/live/other2.xml" "$SAMPLE"
[ ! -e "$live" ] && ok "its temporary is removed once its owner is gone" || not_ok "its temporary is removed once its owner is gone"
finish
