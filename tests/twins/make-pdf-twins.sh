#!/bin/sh
# tests/twins/make-pdf-twins.sh - make the PDF twin of every corpus plan:
# corpus/NAME/NAME.txt -> a DOCX typed the way offices type (txt2docx.py,
# python-docx) -> corpus/NAME/NAME.pdf printed by LibreOffice Writer.
# The PDFs are committed; rerun this after a corpus text changes.
#   sh tests/twins/make-pdf-twins.sh [NAME...]
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soan-twins.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
names=${*:-$(cd "$TOP/corpus" && ls -d */ | tr -d /)}
for n in $names; do
	src=$TOP/corpus/$n/$n.txt
	[ -f "$src" ] || { echo "skip $n: no $n.txt" >&2; continue; }
	/usr/bin/python3 "$TOP/tests/twins/txt2docx.py" "$src" "$tmp/$n.docx"
	soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf \
		--outdir "$tmp" "$tmp/$n.docx" >/dev/null 2>&1
	# PDFs carry their creation time; strip nothing, the reader ignores it
	cp "$tmp/$n.pdf" "$TOP/corpus/$n/$n.pdf"
	echo "corpus/$n/$n.pdf"
done
