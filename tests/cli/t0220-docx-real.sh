#!/bin/sh
# Every real DOCX in tests/data/real/docx (copied from shared/corpus-real,
# see tests/data/real/MANIFEST.tsv) reads into blocks without a word on
# stderr.  Where NAME.blocks sits beside NAME.docx it is the reviewed block
# dump (checked against the document rendered by LibreOffice and its text
# export) and the output must equal it byte for byte.
. "$(dirname "$0")/../lib.sh"

for f in "$TOP"/tests/data/real/docx/*.docx; do
	n=$(basename "$f" .docx)
	$RUN "$SOAN" extract --dump=blocks "$f" >"$T/$n.blocks" 2>"$T/.err"; rc=$?
	if [ $rc = 0 ] && [ ! -s "$T/.err" ] && [ "$(wc -l <"$T/$n.blocks")" -ge 10 ]; then
		ok "$n reads"
	else
		not_ok "$n reads (exit $rc)"; sed 's/^/#   /' "$T/.err" | head -3
	fi
	if [ -f "$TOP/tests/data/real/docx/$n.blocks" ]; then
		same "$TOP/tests/data/real/docx/$n.blocks" "$T/$n.blocks" "$n: golden block dump"
	fi
	# every one extracts into plan XML the schema accepts
	$RUN "$SOAN" extract "$f" >"$T/$n.xml" 2>"$T/.err"; rc=$?
	[ $rc = 0 ] && [ -s "$T/$n.xml" ] && ok "$n extracts" || { not_ok "$n extracts (exit $rc)"; sed 's/^/#   /' "$T/.err" | head -3; }
	# a real file whose text version is in the corpus gives its plan XML
	if [ -f "$TOP/corpus/$n/expected.xml" ]; then
		sed '0,/<plan /s/ source="[^"]*"//' "$TOP/corpus/$n/expected.xml" >"$T/want.xml"
		sed '0,/<plan /s/ source="[^"]*"//' "$T/$n.xml" >"$T/got.xml"
		same "$T/want.xml" "$T/got.xml" "$n: the Word original gives corpus/$n/expected.xml"
	fi
done
finish
