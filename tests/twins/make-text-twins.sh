#!/bin/sh
# tests/twins/make-text-twins.sh - text twins of a corpus plan that differ
# only in form: decomposed Unicode (NFD, as macOS writes it), a UTF-8
# byte-order mark and Windows CRLF line ends.  Each must extract to the
# plan's expected.xml (tests/cli/t0100-corpus.sh).  The twins are
# committed; rerun after the corpus text changes.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
for n in ${*:-001-hatinh-asean-2020 004-camau-asean-2019}; do
	src=$TOP/corpus/$n/$n.txt
	/usr/bin/python3 - "$src" "$TOP/corpus/$n/$n.nfd-bom-crlf.txt" <<'PY'
import sys, unicodedata
text = open(sys.argv[1], encoding='utf-8').read()
text = unicodedata.normalize('NFD', text).replace('\n', '\r\n')
open(sys.argv[2], 'w', encoding='utf-8-sig', newline='').write(text)
PY
	echo "corpus/$n/$n.nfd-bom-crlf.txt"
done
