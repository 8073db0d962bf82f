#!/bin/sh
# tests/twins/make-docx-twins.sh [NAME...] - remake the DOCX twins of the
# corpus plans (corpus/NAME/NAME.{office,pandoc,lo}.docx) from their text
# (NAME.txt, else NAME.md).
# The twins are committed; run this after a corpus text changes, then
# review the block dumps (tests/cli/t0230-docx-twins.sh compares them).
# Needs a built ./soan, /usr/bin/python3 with python3-docx, pandoc, soffice.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SOAN=${SOAN:-$TOP/build/soan}
cd "$TOP"
if [ $# = 0 ]; then
	set -- $(for d in corpus/*/; do n=$(basename "$d"); [ -f "$d$n.txt" ] || [ -f "$d$n.md" ] && echo "$n"; done)
fi
# run from a neutral folder so that no stray module shadows the standard library
cd /
exec /usr/bin/python3 "$TOP/tests/twins/make_twins.py" "$SOAN" "$TOP/corpus" "$@"
