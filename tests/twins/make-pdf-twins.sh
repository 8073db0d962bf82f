#!/bin/sh
# tests/twins/make-pdf-twins.sh - make the PDF twin of every corpus plan:
# corpus/NAME/NAME.{txt,md} as soan's text reader sees it (--dump=blocks)
# -> a DOCX laid out the way offices type a plan (txt2docx.py, python-docx)
# -> NAME.pdf printed by LibreOffice Writer.  The PDFs are committed; rerun
# this after a corpus text changes, then look at the pages and run
# tests/cli/t0510-read-pdf.sh.
#   sh tests/twins/make-pdf-twins.sh [-o DIR] [NAME...]
# writes corpus/NAME/NAME.pdf, or DIR/NAME.pdf with -o.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SOAN=${SOAN:-$TOP/build/soan}
outdir=
if [ "${1:-}" = -o ]; then outdir=$2; shift 2; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soan-twins.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
names=${*:-$(cd "$TOP/corpus" && ls -d */ | tr -d /)}
for n in $names; do
	src=
	for ext in txt md; do
		[ -f "$TOP/corpus/$n/$n.$ext" ] && src=$TOP/corpus/$n/$n.$ext && break
	done
	[ -n "$src" ] || { echo "skip $n: no $n.txt or $n.md" >&2; continue; }
	"$SOAN" extract --dump=blocks "$src" >"$tmp/$n.blocks"
	(cd / && /usr/bin/python3 "$TOP/tests/twins/txt2docx.py" "$tmp/$n.blocks" \
		"$TOP/corpus/$n/expected.xml" "$tmp/$n.docx")
	HOME=$tmp soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf \
		--outdir "$tmp" "$tmp/$n.docx" >/dev/null 2>&1
	dest=${outdir:-$TOP/corpus/$n}/$n.pdf
	cp "$tmp/$n.pdf" "$dest"
	echo "$dest"
done
