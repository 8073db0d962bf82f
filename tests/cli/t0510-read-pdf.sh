#!/bin/sh
# The PDF reader (issue 7): golden block dumps reviewed against the
# rendered pages, every real PDF of tests/data/pdf/real read or refused
# with the right one-line reason, the signed report against the DOCX it
# was printed from, encrypted and broken PDFs, and the corpus PDF twins.
. "$(dirname "$0")/../lib.sh"
D=$TOP/tests/data/pdf

# golden dumps: NAME.pdf beside NAME.blocks (written by reading the PDF)
for pdf in "$D"/*.pdf; do
	n=$(basename "$pdf" .pdf)
	[ -f "$D/$n.blocks" ] || continue
	expect_exit 0 "$n.pdf reads" soan extract --dump=blocks "$pdf"
	same "$D/$n.blocks" "$T/.out" "$n.pdf gives the reviewed blocks"
done

# real PDFs: the two scans are refused with their reason, the rest read
for pdf in "$D"/real/*.pdf; do
	n=$(basename "$pdf" .pdf)
	case $n in
	scan-only-*) want="PDF has no text layer" ;;
	*ocr-garbage*) want="PDF text layer is not readable Vietnamese" ;;
	*) want= ;;
	esac
	if [ -n "$want" ]; then
		expect_exit 1 "$n is refused" soan extract "$pdf"
		one_line "$T/.err" "$n: one line on stderr"
		grep -q "$want" "$T/.err" && ok "$n: says why ($want)" || not_ok "$n: says why ($want)"
		[ ! -s "$T/.out" ] && ok "$n: no output" || not_ok "$n: no output"
		continue
	fi
	expect_exit 0 "$n reads into blocks" soan extract --dump=blocks "$pdf"
	cp "$T/.out" "$T/$n.blocks"
	expect_exit 0 "$n extracts" soan extract -o "$T/$n.xml" "$pdf"
	check "$n: valid plan XML" soan validate "$T/$n.xml"
	[ "$(grep -c '| ' "$T/$n.blocks")" -gt 10 ] && ok "$n: has text" || not_ok "$n: has text"
	# no signing stamp, no page number line is body text
	if grep -E '(Ký bởi|Thời gian ký|Cơ quan:|@[a-z]+\.(gov|com)|[0-9]{2}:[0-9]{2}:[0-9]{2})' "$T/$n.blocks" >"$T/stamp"; then
		not_ok "$n: no stamp text"; sed 's/^/#   /' "$T/stamp" | head -3
	else ok "$n: no stamp text"; fi
	# page numbers (charts elsewhere print bare numbers as text, so only
	# where every bare number would be one)
	case $n in bc-329-*|bc-181-*|tb-565-*|qd-1187-*)
	if grep -E '^P[a-z ]* \| [0-9]{1,3}$' "$T/$n.blocks" >"$T/pn"; then
		not_ok "$n: no page numbers"; sed 's/^/#   /' "$T/pn" | head -3
	else ok "$n: no page numbers"; fi ;;
	esac
done

# landscape pages and mixed sizes: the appendix of the signed report
grep -q '^TABLE .*landscape' "$T/bc-329-cchc-2025-lamdong-signed.blocks" &&
	ok "landscape appendix tables are flagged" || not_ok "landscape appendix tables are flagged"
head -1 "$T/bc-329-cchc-2025-lamdong-signed.blocks" | grep -q 'borderless headerzone' &&
	ok "the header arrives as a borderless header-zone table" || not_ok "the header arrives as a borderless header-zone table"
grep -q 'borderless signaturezone' "$T/bc-329-cchc-2025-lamdong-signed.blocks" &&
	ok "the signature arrives as a borderless signature-zone table" || not_ok "the signature arrives as a borderless signature-zone table"
grep -q 'Số: 329 /BC-UBND' "$T/bc-329-cchc-2025-lamdong-signed.blocks" &&
	ok "the number stamped by the signing widget is read" || not_ok "the number stamped by the signing widget is read"

# the signed PDF against the DOCX it came from (tests/pdf/agree.py says how)
if /usr/bin/python3 -c 'import docx' 2>/dev/null; then
	if /usr/bin/python3 "$TOP/tests/pdf/agree.py" "$D/bc-cchc-2025-lamdong.docx" \
		"$T/bc-329-cchc-2025-lamdong-signed.blocks" >"$T/agree" 2>&1; then
		ok "signed PDF agrees with its DOCX: $(head -1 "$T/agree")"
	else
		not_ok "signed PDF agrees with its DOCX"; sed 's/^/#   /' "$T/agree" | head -20
	fi
else
	ok "# skip signed PDF against its DOCX (no python3-docx)"
fi

# ... and its plan XML against the DOCX's: the same section headings and
# agencies, in order (once soan reads DOCX: skipped while it cannot)
if soan extract -o "$T/329-docx.xml" "$D/bc-cchc-2025-lamdong.docx" 2>"$T/.err"; then
	soan extract -o "$T/329-pdf.xml" "$D/real/bc-329-cchc-2025-lamdong-signed.pdf" 2>/dev/null
	for what in '//section/@heading' '//agency/@name'; do
		for x in docx pdf; do
			xmllint --xpath "$what" "$T/329-$x.xml" 2>/dev/null | sed 's/^ *[a-z]*="//; s/"$//' >"$T/329-$x.txt"
		done
		same "$T/329-docx.txt" "$T/329-pdf.txt" "signed PDF and its DOCX: the same $what"
	done
else
	ok "# skip signed PDF against its DOCX's plan XML ($(head -1 "$T/.err" | sed 's/^soan: [^:]*: //'))"
fi

# scores in a narrow column of bc-184: its DOCX (corpus-real
# bc-snv-chiso-cchc-2025.docx) types "9,9/" and "10,5" as two lines of one
# cell, and Word breaks "9,47/10,5" after its slash: each reads as one number
soan extract --dump=blocks "$D/real/bc-184-snv-chiso-cchc-2025-signed.pdf" >"$T/184.blocks" 2>/dev/null
for score in 9,47/10,5 9,9/10,5 9,94/10,5 9,49/9,5; do
	grep -q "| $score\$" "$T/184.blocks" && ok "bc-184: the score $score reads whole" ||
		not_ok "bc-184: the score $score reads whole"
done
if grep -E '[0-9]/ [0-9]' "$T/184.blocks" >"$T/184.split"; then
	not_ok "bc-184: no score split after its slash"; sed 's/^/#   /' "$T/184.split" | head -5
else
	ok "bc-184: no score split after its slash"
fi

# broken and encrypted PDFs: one line, exit 1, never a crash
head -c 3000 "$D/totrinh-05.pdf" >"$T/trunc.pdf"
expect_exit 1 "a truncated PDF is refused" soan extract "$T/trunc.pdf"
one_line "$T/.err" "truncated PDF: one line on stderr"
printf '%%PDF-1.4\nnot really\n' >"$T/junk.pdf"
expect_exit 1 "a PDF of junk is refused" soan extract "$T/junk.pdf"
grep -q "damaged PDF" "$T/.err" && ok "junk PDF: says damaged" || not_ok "junk PDF: says damaged"
if command -v qpdf >/dev/null; then
	qpdf --encrypt "" owner 256 --extract=n -- "$D/twin-001.pdf" "$T/noextract.pdf"
	expect_exit 1 "a PDF that forbids copying text is refused" soan extract "$T/noextract.pdf"
	one_line "$T/.err" "no-extract PDF: one line on stderr"
	grep -q "forbids copying" "$T/.err" && ok "no-extract PDF: says why" || not_ok "no-extract PDF: says why"
	qpdf --encrypt user owner 256 -- "$D/twin-001.pdf" "$T/locked.pdf"
	expect_exit 1 "a password-protected PDF is refused" soan extract "$T/locked.pdf"
	grep -q "needs a password" "$T/.err" && ok "locked PDF: says why" || not_ok "locked PDF: says why"
	qpdf --encrypt "" owner 256 -- "$D/twin-001.pdf" "$T/open.pdf"
	expect_exit 0 "an encrypted PDF that allows copying reads" soan extract --dump=blocks "$T/open.pdf"
fi

# hostile PDFs (tests/data/pdf/hostile; inputs make fuzz found): never a
# crash: valid plan XML, or exit 1 with one line.  cairo-damaged-font.pdf
# crashed cairo inside the widget re-print (now done in a child process).
for pdf in "$D"/hostile/*.pdf; do
	n=$(basename "$pdf")
	soan extract -o "$T/h.xml" "$pdf" >"$T/.out" 2>"$T/.err"; rc=$?
	case $rc in
	0) check "$n: valid plan XML" soan validate "$T/h.xml" ;;
	1) one_line "$T/.err" "$n: refused with one line" ;;
	*) not_ok "$n: exit $rc (a crash?)"; sed 's/^/#   /' "$T/.err" | head -5 ;;
	esac
done

# nothing of poppler's reaches standard output, where the plan XML goes:
# its parse errors go to GLib's log (printed on stdout when
# G_MESSAGES_DEBUG asks), its cairo font code printf()s
head -c 30000 "$D/totrinh-05.pdf" >"$T/cut.pdf"
G_MESSAGES_DEBUG=all soan extract "$T/cut.pdf" >"$T/.out" 2>"$T/.err"
[ ! -s "$T/.out" ] && ok "damaged PDF: stdout stays empty under G_MESSAGES_DEBUG=all" ||
	{ not_ok "damaged PDF: stdout stays empty under G_MESSAGES_DEBUG=all"; head -3 "$T/.out" | sed 's/^/#   /'; }
for pdf in "$D"/hostile/*.pdf "$D/real/qd-2319-ttg-bcd-dulieu-signed.pdf"; do
	n=$(basename "$pdf")
	if G_MESSAGES_DEBUG=all soan extract "$pdf" >"$T/.out" 2>/dev/null; then
		check "$n: stdout is the plan XML alone under G_MESSAGES_DEBUG=all" xmllint --noout "$T/.out"
	fi
done

# a PDF from soan's own writer (generate/pdf/draw.c through the fo2pdf test
# driver) of a layout soan did not make: the hand-made Kế hoạch layout
# tests/data/fo/kehoach.fo reads back into plan XML whose title and
# top-level sections are the layout's own (its title block and the
# bookmarks it lists the sections in).  The plans soan generate writes
# as PDF are read back whole in t0520-pdf-roundtrip.sh.
FO2PDF=$TOP/${B:-build}/tests/fo2pdf
if [ -x "$FO2PDF" ]; then
	FO=$TOP/tests/data/fo/kehoach.fo
	$RUN "$FO2PDF" "$FO" "$T/writer.pdf" >/dev/null 2>&1
	expect_exit 0 "soan's own PDF of kehoach.fo extracts" soan extract -o "$T/writer.xml" "$T/writer.pdf"
	check "soan's own PDF: valid plan XML" soan validate "$T/writer.xml"
	xmllint --xpath "//*[local-name()='bookmark-tree']/*[local-name()='bookmark']/*[local-name()='bookmark-title']/text()" \
		"$FO" 2>/dev/null | sed -n 's/^[IVX]*\. //p' >"$T/want.txt"
	xmllint --xpath '/plan/body/section/@heading' "$T/writer.xml" 2>/dev/null |
		sed 's/^ *[a-z]*="//; s/"$//' >"$T/got.txt"
	same "$T/want.txt" "$T/got.txt" "soan's own PDF: the layout's sections"
	want=$(sed -n '/>KẾ HOẠCH</{n;s/.*">\(.*\)<\/fo:block>.*/\1/p}' "$FO")
	got=$(xmllint --xpath 'string(/plan/meta/title)' "$T/writer.xml" 2>/dev/null)
	[ -n "$want" ] && [ "$want" = "$got" ] && ok "soan's own PDF: the layout's title" ||
		not_ok "soan's own PDF: the layout's title ('$got', wanted '$want')"
fi

# the corpus PDF twins (tests/twins/make-pdf-twins.sh): each reads, and its
# plan XML equals corpus/NAME/expected.xml apart from /plan/@source
# (t0100-corpus.sh checks the same; here a failure shows the block dump)
for dir in "$TOP"/corpus/*/; do
	n=$(basename "$dir")
	[ -f "$dir/$n.pdf" ] || continue
	expect_exit 0 "twin $n.pdf reads" soan extract --dump=blocks "$dir/$n.pdf"
	[ -f "$dir/expected.xml" ] || continue
	expect_exit 0 "twin $n.pdf extracts" soan extract -o "$T/$n.xml" "$dir/$n.pdf"
	sed 's/ source="[^"]*"//' "$dir/expected.xml" >"$T/want.xml"
	sed 's/ source="[^"]*"//' "$T/$n.xml" >"$T/got.xml" 2>/dev/null
	same "$T/want.xml" "$T/got.xml" "twin $n.pdf gives expected.xml"
done
# The program reads PDF through its plugin: a copy of the program with no
# plugin beside it refuses a PDF with exit 3 and one line saying so, reads
# everything else, and reads the PDF again when SOAN_PDF_PLUGIN names it.
if [ -f "$(dirname "$SOAN")/soan-pdf.so" ]; then
	mkdir -p "$T/alone"
	cp "$SOAN" "$T/alone/soan"
	twin=$TOP/corpus/v02-phan-ttdn-2027-txt/v02-phan-ttdn-2027-txt
	$RUN "$T/alone/soan" extract "$twin.pdf" >"$T/.out" 2>"$T/.err"; rc=$?
	[ $rc = 3 ] && [ ! -s "$T/.out" ] && ok "no plugin: a PDF is refused with exit 3" ||
		not_ok "no plugin: a PDF is refused with exit 3 (exit $rc)"
	one_line "$T/.err" "no plugin: one line on stderr"
	grep -q "PDF reader plugin did not load" "$T/.err" && ok "no plugin: says why" || not_ok "no plugin: says why"
	$RUN "$T/alone/soan" extract "$twin.txt" >"$T/.out" 2>"$T/.err" && ok "no plugin: text still reads" ||
		not_ok "no plugin: text still reads"
	SOAN_PDF_PLUGIN=$(dirname "$SOAN")/soan-pdf.so $RUN "$T/alone/soan" extract "$twin.pdf" >"$T/.out" 2>"$T/.err" &&
		grep -q "<plan " "$T/.out" && ok "SOAN_PDF_PLUGIN: the PDF reads" || not_ok "SOAN_PDF_PLUGIN: the PDF reads"
fi

finish
