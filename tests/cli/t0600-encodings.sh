#!/bin/sh
# Legacy encodings and Unicode forms: every encoded copy of a seed plan in
# tests/data/enc/ (made by tests/data/enc/make.py) reads back to the same
# blocks as the seed, with one warning naming a legacy encoding, and
# extracts to the seed's expected.xml; what TCVN3 cannot carry is pinned
# in NAME.tcvn3.case (words) and NAME.tcvn3.xml.diff (plan XML); binary
# and undecodable input is one error line.  The committed tables and test files are what
# their scripts make, and VN1 / Windows-1258 files agree with glibc iconv.
. "$(dirname "$0")/../lib.sh"

D=$TOP/tests/data/enc
# the seeds tests/data/enc/make.py encodes
seeds=$(cd "$D" && for f in *.tcvn3.txt; do echo "${f%.tcvn3.txt}"; done)
# under valgrind, one seed is enough
[ -n "$RUN" ] && seeds=$(echo "$seeds" | head -1)

# dump FILE OUT [ARGS]: the block dump of FILE into OUT, stderr in OUT.err
dump() {
	f=$1 o=$2; shift 2
	soan extract --dump=blocks "$@" "$f" >"$o" 2>"$o.err"
}

# warns OUT.err NAME DESC: exactly one line, a warning naming the encoding
warns() {
	if [ "$(wc -l <"$1")" = 1 ] && grep -q "warning: .*$2" "$1"; then ok "$3"; else
		not_ok "$3"; sed 's/^/#   /' "$1" | head -3; fi
}

for n in $seeds; do
	dump "$TOP/corpus/$n/$n.txt" "$T/$n.seed" || not_ok "$n: seed dump"
	dump "$TOP/corpus/$n/$n.txt" "$T/$n.seed-text" --format=text

	# Unicode forms: the same blocks, no warning
	for v in nfd nfd0340 utf8bom utf16le utf16be; do
		[ -f "$D/$n.$v.txt" ] || continue
		case $v in utf16*) args=--format=text want=$T/$n.seed-text ;; *) args= want=$T/$n.seed ;; esac
		dump "$D/$n.$v.txt" "$T/$n.$v" $args || not_ok "$n.$v: exit status"
		same "$want" "$T/$n.$v" "$n.$v: same blocks as the seed"
		[ ! -s "$T/$n.$v.err" ] && ok "$n.$v: no warning" || not_ok "$n.$v: no warning"
	done

	# legacy encodings with the full repertoire: the same blocks
	for v in cp1258:Windows-1258 vni:VNI-Windows vni-as-1252:"VNI-Windows read as Windows-1252"; do
		e=${v%%:*} name=${v#*:}
		dump "$D/$n.$e.txt" "$T/$n.$e" || not_ok "$n.$e: exit status"
		same "$T/$n.seed" "$T/$n.$e" "$n.$e: same blocks as the seed"
		warns "$T/$n.$e.err" "$name" "$n.$e: one warning naming $name"
	done

	# VN1 has no “ ” – (0x80-0x9F are capitals there): written as " " -
	sed 's/\xE2\x80\x9C/"/g; s/\xE2\x80\x9D/"/g; s/\xE2\x80\x93/-/g' "$T/$n.seed" >"$T/$n.seed-vn1"
	dump "$D/$n.vn1.txt" "$T/$n.vn1" || not_ok "$n.vn1: exit status"
	same "$T/$n.seed-vn1" "$T/$n.vn1" "$n.vn1: same blocks as the seed (quotes and dash as ASCII)"
	warns "$T/$n.vn1.err" "TCVN 5712 VN1" "$n.vn1: one warning naming VN1"

	# TCVN3: the same blocks but for the case of the words NAME.tcvn3.case lists
	dump "$D/$n.tcvn3.txt" "$T/$n.tcvn3" || not_ok "$n.tcvn3: exit status"
	warns "$T/$n.tcvn3.err" "TCVN3 (ABC).*capitals" "$n.tcvn3: one warning naming TCVN3 and the case loss"
	if command -v python3 >/dev/null; then
		python3 - "$T/$n.seed" "$T/$n.tcvn3" >"$T/$n.case" <<'EOF' || not_ok "$n.tcvn3: differs from the seed beyond case"
import sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
if len(a) != len(b) or any(x.lower() != y.lower() for x, y in zip(a, b)):
    sys.exit(1)
for x, y in zip(a, b):
    if x != y:
        print(x, y)
EOF
		grep -v '^#' "$D/$n.tcvn3.case" >"$T/$n.case-want"
		same "$T/$n.case-want" "$T/$n.case" "$n.tcvn3: only the pinned words lose their capital"
	fi
	dump "$D/$n.tcvn3-as-1252.txt" "$T/$n.tcvn3-as-1252" || not_ok "$n.tcvn3-as-1252: exit status"
	same "$T/$n.tcvn3" "$T/$n.tcvn3-as-1252" "$n.tcvn3-as-1252: same blocks as the TCVN3 file"
	warns "$T/$n.tcvn3-as-1252.err" "TCVN3 (ABC) read as Windows-1252" "$n.tcvn3-as-1252: one warning"

	# the independent converter writes the same bytes
	if command -v iconv >/dev/null; then
		iconv -f UTF-8 -t CP1258 "$TOP/corpus/$n/$n.txt" | cmp -s - "$D/$n.cp1258.txt" &&
			ok "$n.cp1258: glibc iconv writes the same bytes" ||
			not_ok "$n.cp1258: glibc iconv writes the same bytes"
		iconv -f UTF-8 -t TCVN5712-1//TRANSLIT "$TOP/corpus/$n/$n.txt" | cmp -s - "$D/$n.vn1.txt" &&
			ok "$n.vn1: glibc iconv writes the same bytes" ||
			not_ok "$n.vn1: glibc iconv writes the same bytes"
	fi
done

# Plan XML: every encoded file extracts to the seed's reviewed
# expected.xml apart from /plan/@source; VN1 with its quotes and dash as
# ASCII; TCVN3 with the differences pinned in NAME.tcvn3.xml.diff
for n in $seeds; do
	exp=$TOP/corpus/$n/expected.xml
	[ -f "$exp" ] || continue
	src=$(sed -n 's/^<plan version="1" source="\([^"]*\)".*/\1/p' "$exp")
	sed 's/\xE2\x80\x9C/"/g; s/\xE2\x80\x9D/"/g; s/\xE2\x80\x93/-/g' "$exp" >"$T/$n.expected-vn1"
	# UTF-16 hides markdown cues from format detection: read it as the seed is read
	fmt=text
	cmp -s "$T/$n.seed" "$T/$n.seed-text" || fmt=markdown
	for f in "$D/$n".*.txt; do
		b=$(basename "$f")
		v=${b#"$n".}
		v=${v%.txt}
		case $v in utf16*) args=--format=$fmt ;; *) args= ;; esac
		if ! soan extract $args "$f" >"$T/$b.xml" 2>"$T/$b.err"; then
			not_ok "$b: extracts"
			sed 's/^/#   /' "$T/$b.err" | head -3
			continue
		fi
		sed "s|source=\"$b\"|source=\"$src\"|" "$T/$b.xml" >"$T/$b.norm"
		case $v in
		vn1) same "$T/$n.expected-vn1" "$T/$b.norm" "$b: gives expected.xml (quotes and dash as ASCII)" ;;
		tcvn3*)
			diff "$exp" "$T/$b.norm" >"$T/$b.diff"
			grep -v '^#' "$D/$n.tcvn3.xml.diff" >"$T/$n.xml.diff-want"
			same "$T/$n.xml.diff-want" "$T/$b.diff" "$b: gives expected.xml but for the pinned differences"
			;;
		*) same "$exp" "$T/$b.norm" "$b: gives expected.xml" ;;
		esac
	done
done

# The DOMAIN.md test vectors as files
printf 'C\351ng h\337a x\267 h\351i ch\361 ngh\334a Vi\326t Nam - \361y ban nh\251n d\251n t\330nh - K\325 ho\271ch tuy\252n truy\322n\n' >"$T/vector.tcvn3.txt"
printf 'Co\344ng ho\370a xa\365 ho\344i chu\373 ngh\363a Vie\344t Nam - U\333y ban nha\342n da\342n t\346nh - Ke\341 hoa\357ch tuye\342n truye\340n\n' >"$T/vector.vni.txt"
dump "$T/vector.tcvn3.txt" "$T/vector.tcvn3"
echo 'P | Cộng hòa xã hội chủ nghĩa Việt Nam - ủy ban nhân dân tỉnh - Kế hoạch tuyên truyền' >"$T/vector.want-tcvn3"
same "$T/vector.want-tcvn3" "$T/vector.tcvn3" "TCVN3 test vector (Ủy loses its capital)"
dump "$T/vector.vni.txt" "$T/vector.vni"
echo 'P | Cộng hòa xã hội chủ nghĩa Việt Nam - Ủy ban nhân dân tỉnh - Kế hoạch tuyên truyền' >"$T/vector.want-vni"
same "$T/vector.want-vni" "$T/vector.vni" "VNI test vector"

# Input that is no text: one error line, exit 1
awk 'BEGIN { for (k = 0; k < 16; k++) for (i = 1; i < 256; i++) printf "%c", i }' >"$T/bytes.txt"
expect_exit 1 "every byte value (no NUL) is rejected" soan extract --dump=blocks "$T/bytes.txt"
one_line "$T/.err" "one error line for binary input"
grep -q "no legacy Vietnamese encoding recognized" "$T/.err" && ok "the error says no encoding was recognized" ||
	not_ok "the error says no encoding was recognized"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$T/image.txt"
expect_exit 1 "a PNG named .txt is rejected" soan extract --dump=blocks "$T/image.txt"
one_line "$T/.err" "one error line for a PNG"
printf 'Le caf\351 est d\351j\340 pr\352t, tr\350s bien.\n' >"$T/french.txt"
expect_exit 1 "French in Windows-1252 is not taken for Vietnamese" soan extract --dump=blocks "$T/french.txt"

# The committed tables and test files are what their scripts make
if command -v python3 >/dev/null && command -v iconv >/dev/null; then
	python3 "$TOP/extract/read/encodings/mkinc.py" >"$T/encoding.inc" &&
		cmp -s "$T/encoding.inc" "$TOP/extract/read/encoding.inc" &&
		ok "extract/read/encoding.inc is what mkinc.py makes" ||
		not_ok "extract/read/encoding.inc is what mkinc.py makes (run make encoding-tables)"
	mkdir "$T/enc"
	if python3 "$D/make.py" "$T/enc"; then
		bad=0
		for f in "$T"/enc/*.txt; do cmp -s "$f" "$D/$(basename "$f")" || bad=$((bad + 1)); done
		[ "$bad" = 0 ] && [ "$(ls "$T"/enc | wc -l)" = "$(ls "$D" | grep -c '\.txt$')" ] &&
			ok "tests/data/enc is what make.py makes" || not_ok "tests/data/enc is what make.py makes ($bad differ)"
	else
		not_ok "tests/data/enc/make.py runs"
	fi
fi
finish
