#!/bin/sh
# Apache FOP, a renderer we did not write, renders every layout soan
# writes (the sample plan, every corpus plan, the DOCX writer's golden
# layout), after tests/fop/strip-soan.xsl has removed the soan:
# extensions and kept their fallback text.  FOP finds "Times New Roman"
# as Liberation Serif (tests/fop/fop.xconf): no font may be missing, and
# every font it embeds is a subset.  Its page count is within one page of
# LibreOffice's rendering of the DOCX soan writes from the same layout.
# Java and LibreOffice are slow: only in the plain pass.
. "$(dirname "$0")/../lib.sh"

if [ -n "${SOAN_NO_EXTERNAL:-}${SANITIZE:-}" ]; then
	ok "FOP checks skipped in this pass # SKIP"
	finish
fi
# a short-lived JVM: the quick compiler only, the simple collector
export JAVA_ARGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
STRIP=$TOP/tests/fop/strip-soan.xsl
CONF=$TOP/tests/fop/fop.xconf
mkdir -p "$T/fo" "$T/docx"

# the extension elements go, their fallback text stays
xsltproc "$STRIP" "$TOP/tests/golden/docx/features.fo" >"$T/fo/features.fo"
grep -q 'urn:soan:layout' "$T/fo/features.fo" && not_ok "strip-soan: no soan: element left" ||
	ok "strip-soan: no soan: element left"
grep -q 'Sở Khoa học và Công nghệ' "$T/fo/features.fo" && grep -q '>2026<' "$T/fo/features.fo" &&
	ok "strip-soan: the fallback text kept" || not_ok "strip-soan: the fallback text kept"
check "strip-soan: still a valid layout" xmllint --noout --relaxng "$TOP/generate/layout/layout.rng" "$T/fo/features.fo"

for x in "$TOP"/corpus/*/expected.xml "$TOP/tests/data/sample-plan.xml"; do
	name=$(basename "$(dirname "$x")")
	[ "$name" = data ] && name=sample-plan
	soan generate "$x" -o "$T/docx/$name.docx"
	soan generate "$x" -o "$T/$name.fo" && xsltproc "$STRIP" "$T/$name.fo" >"$T/fo/$name.fo"
done
(cd "$T/docx" && HOME=$T timeout 300 soffice --headless --convert-to pdf --outdir "$T/lo" ./*.docx) >/dev/null 2>&1

for fo in "$T"/fo/*.fo; do
	name=$(basename "$fo" .fo)
	if timeout 120 fop -q -c "$CONF" -fo "$fo" -pdf "$T/$name.pdf" >"$T/fop.log" 2>&1; then
		ok "$name: FOP renders it"
	else
		not_ok "$name: FOP renders it"; grep -v '^\[INFO\]\|JVM flavor' "$T/fop.log" | head -5 | sed 's/^/#   /'
		continue
	fi
	grep -q 'SEVERE\|\[ERROR\]\|not found\|Substituting' "$T/fop.log" &&
		{ not_ok "$name: FOP reports no error and no missing font"; grep 'SEVERE\|ERROR\|not found\|Substitut' "$T/fop.log" | head -3 | sed 's/^/#   /'; } ||
		ok "$name: FOP reports no error and no missing font"
	pdffonts "$T/$name.pdf" | awk 'NR > 2' >"$T/fonts"
	awk '$1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+LiberationSerif/ || $(NF-4) != "yes" || $(NF-3) != "yes"' "$T/fonts" | grep -q . &&
		{ not_ok "$name: only embedded subsets of Liberation Serif"; sed 's/^/#   /' "$T/fonts"; } ||
		ok "$name: only embedded subsets of Liberation Serif"
	[ "$name" = features ] && continue
	fop_pages=$(pdfinfo "$T/$name.pdf" | sed -n 's/^Pages: *//p')
	lo_pages=$(pdfinfo "$T/lo/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	d=$((fop_pages - ${lo_pages:-0}))
	[ ${d#-} -le 1 ] && ok "$name: FOP $fop_pages pages, LibreOffice ${lo_pages:-?}" ||
		not_ok "$name: FOP $fop_pages pages, LibreOffice ${lo_pages:-?}: more than one apart"
	pdftotext "$T/$name.pdf" - | grep -q 'Độc lập - Tự do - Hạnh phúc' &&
		ok "$name: FOP's PDF keeps the Vietnamese text" || not_ok "$name: FOP's PDF keeps the Vietnamese text"
done
finish
