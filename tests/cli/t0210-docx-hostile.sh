#!/bin/sh
# Wrong and hostile "DOCX" inputs: each gets exactly one stderr line naming
# the file and saying what is wrong, exit 1, nothing written, in seconds.
# The files are made by tests/data/docx/make_hostile.py (see its header).
. "$(dirname "$0")/../lib.sh"

H=$T/hostile
(cd / && /usr/bin/python3 "$TOP/tests/data/docx/make_hostile.py" "$H") || { not_ok "make hostile files"; finish; }
cp "$TOP/tests/data/real/legacy/kh-kmt-2026-lamdong.doc" "$H/legacy-renamed.docx"
cp "$TOP/tests/data/real/legacy/kh-kmt-2026-lamdong.doc" "$H/legacy.doc"

# bad NAME WHERE-AND-MESSAGE (what follows the file name on the line): `soan extract -o` and `--dump=blocks` both refuse it
bad() {
	f=$H/$1 want=$2
	mkdir -p "$T/out.$1"
	timeout 60 $RUN "$SOAN" extract -o "$T/out.$1/plan.xml" "$f" >"$T/.out" 2>"$T/.err"; rc=$?
	[ "$rc" = 1 ] && ok "$1: exit 1" || not_ok "$1: exit 1 (got $rc)"
	one_line "$T/.err" "$1: one line on stderr"
	if [ "$(cat "$T/.err")" = "soan: $f$want" ]; then ok "$1: message"; else
		not_ok "$1: message"; echo "#   got:  $(cat "$T/.err")"; echo "#   want: soan: $f$want"; fi
	[ -z "$(ls -A "$T/out.$1")" ] && ok "$1: no output file left" || not_ok "$1: no output file left"
	[ ! -s "$T/.out" ] && ok "$1: nothing on stdout" || not_ok "$1: nothing on stdout"
	timeout 60 $RUN "$SOAN" extract --dump=blocks "$f" >"$T/.out" 2>"$T/.err"; rc=$?
	[ "$rc" = 1 ] && [ ! -s "$T/.out" ] && ok "$1: --dump=blocks refuses it too" || not_ok "$1: --dump=blocks refuses it too (exit $rc)"
}

bad bomb.docx ": zip bomb refused: word/document.xml would inflate 1026 times (limit 200, LIMIT_ZIP_RATIO)"
bad bomb-lying.docx ": zip bomb refused: word/document.xml inflates past its declared 200 bytes"
bad bomb-big.docx ": zip entry too large: word/document.xml declares 3221225472 bytes (limit 134217728, LIMIT_ZIP_ENTRY_BYTES)"
bad xxe.docx ":word/document.xml:1: XML with a DOCTYPE declaration is refused (entities and DTDs are never loaded)"
bad laughs.docx ":word/document.xml:1: XML with a DOCTYPE declaration is refused (entities and DTDs are never loaded)"
bad truncated.docx ": not a zip file, or a truncated one (no zip directory at its end)"
bad notzip.docx ": not a DOCX file: no zip signature"
bad empty.docx ": empty file"
bad legacy-renamed.docx ": legacy Word .doc file (Word 97-2003) is not supported; convert it with: soffice --headless --convert-to docx"
bad legacy.doc ": legacy Word .doc file (Word 97-2003) is not supported; convert it with: soffice --headless --convert-to docx"
bad encrypted.docx ": encrypted (password-protected) Word document; remove the password in Word and save it again as .docx"
bad workbook.docx ": an Excel workbook, not a Word document"
bad deep.docx ":word/document.xml: tables nested too deep (limit 8, LIMIT_TABLE_NESTING)"

# the XXE target never shows up anywhere
timeout 60 $RUN "$SOAN" extract --dump=blocks "$H/xxe.docx" >"$T/.out" 2>&1
grep -q "root:" "$T/.out" && not_ok "xxe: /etc/passwd not read" || ok "xxe: /etc/passwd not read"

# and a sound package among them reads
timeout 60 $RUN "$SOAN" extract --dump=blocks "$H/good.docx" >"$T/.out" 2>"$T/.err"
[ "$(cat "$T/.out")" = "P left | Kế hoạch" ] && ok "good.docx reads" || not_ok "good.docx reads"
finish
