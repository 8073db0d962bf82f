#!/bin/sh
# A DOCTYPE is refused where libxml2 reads it (extract/base/xmlsafe.c),
# whatever precedes it and whatever the encoding, in every XML soan
# parses: DOCX parts, plan XML (extract, validate, generate), layouts,
# stylesheets, what they import and what document() reads.  Each gets
# the one line naming the file and the line of the declaration, exit 1,
# no output, in seconds.  Entities other than the five predefined ones
# are never known.  The inputs are tests/pathological/gen.sh's doctype-*
# files (issue 15, item 1).
. "$(dirname "$0")/../lib.sh"

P=$T/patho
sh "$TOP/tests/pathological/gen.sh" "$P" doctype-after-comment.docx doctype-after-70k.xml doctype-utf16le.xml \
	doctype-utf16be-nobom.xml doctype-utf8bom.xml doctype-comment.xml doctype-public.xml doctype-utf16.docx \
	doctype-utf16.fo doctype-utf16.xsl doctype-imported.xsl doctype-import.xsl doctype-document.xsl \
	doctype-document.data || { not_ok "gen.sh writes the inputs"; finish; }
TL=60
[ -n "$RUN" ] && TL=1200
REFUSED="XML with a DOCTYPE declaration is refused (entities and DTDs are never loaded)"
SAMPLE=$TOP/tests/data/sample-plan.xml

# refused DESC WANT CMD...: CMD exits 1 in time with exactly the line WANT
# on stderr, and leaves nothing in $T/out
refused() {
	local d=$1 want=$2
	shift 2
	rm -rf "$T/out"
	mkdir -p "$T/out"
	timeout $TL $RUN "$@" >"$T/.out" 2>"$T/.err"
	local rc=$?
	if [ $rc = 124 ]; then not_ok "$d: finished within $TL s"; return; fi
	[ $rc = 1 ] && ok "$d: exit 1" || not_ok "$d: exit 1 (got $rc)"
	if [ "$(cat "$T/.err")" = "$want" ]; then ok "$d: the line"; else
		not_ok "$d: the line"; echo "#   got:  $(head -c 300 "$T/.err")"; echo "#   want: $want"; fi
	[ -z "$(ls -A "$T/out")" ] && ok "$d: no output file" || not_ok "$d: no output file"
}

# plan XML: soan validate and soan extract (when it reads it as plan XML)
for f in doctype-after-70k.xml:3 doctype-utf16le.xml:2 doctype-utf16be-nobom.xml:2 doctype-utf8bom.xml:2 \
	doctype-comment.xml:3 doctype-public.xml:2; do
	name=${f%:*} line=${f#*:}
	refused "validate $name" "soan: $P/$name:$line: $REFUSED" "$SOAN" validate "$P/$name"
done
for f in doctype-utf8bom.xml:2 doctype-comment.xml:3 doctype-public.xml:2; do
	name=${f%:*} line=${f#*:}
	sum=$(md5sum <"$P/$name")
	refused "extract $name" "soan: $P/$name:$line: $REFUSED" "$SOAN" extract -o "$T/out/plan.xml" "$P/$name"
	# the DOCTYPE was once copied into the output, and the entity kept
	refused "generate $name" "soan: $P/$name:$line: $REFUSED" "$SOAN" generate -o "$T/out/plan.xml" "$P/$name"
	[ "$(md5sum <"$P/$name")" = "$sum" ] && ok "$name: input untouched" || not_ok "$name: input untouched"
done

# a DOCX part: the 3 KB file that made 640 MB of plan XML, and UTF-16
refused "extract doctype-after-comment.docx" \
	"soan: $P/doctype-after-comment.docx:word/document.xml:1: $REFUSED" \
	"$SOAN" extract -o "$T/out/plan.xml" "$P/doctype-after-comment.docx"
refused "extract doctype-utf16.docx" "soan: $P/doctype-utf16.docx:word/document.xml:1: $REFUSED" \
	"$SOAN" extract -o "$T/out/plan.xml" "$P/doctype-utf16.docx"
# a layout
refused "generate doctype-utf16.fo" "soan: $P/doctype-utf16.fo:layout:2: $REFUSED" \
	"$SOAN" generate -o "$T/out/plan.docx" "$P/doctype-utf16.fo"
# a stylesheet, one it imports, a file its document() reads
cd "$P" || exit 1
refused "--template doctype-utf16.xsl" "soan: doctype-utf16.xsl:2: $REFUSED" \
	"$SOAN" generate "$SAMPLE" --template doctype-utf16.xsl -o "$T/out/plan.fo"
refused "--template doctype-import.xsl" "soan: doctype-import.xsl: stylesheet: $P/doctype-imported.xsl:3: $REFUSED" \
	"$SOAN" generate "$SAMPLE" --template doctype-import.xsl -o "$T/out/plan.fo"
refused "--template doctype-document.xsl" \
	"soan: $SAMPLE:doctype-document.xsl: template: $P/doctype-document.data:1: $REFUSED" \
	"$SOAN" generate "$SAMPLE" --template doctype-document.xsl -o "$T/out/plan.fo"
cd "$T" || exit 1

# Entities: an undeclared one is malformed XML; the predefined ones and
# character references are text
sed 's|<title>Tuyên truyền|<title>\&foo; Tuyên truyền|' "$SAMPLE" >"$T/undeclared.xml"
refused "an undeclared entity" "soan: $T/undeclared.xml:9: malformed XML: Entity 'foo' not defined" \
	"$SOAN" validate "$T/undeclared.xml"
sed 's|<title>Tuyên truyền|<title>\&amp;\&lt;\&gt;\&quot;\&apos;\&#65;\&#x42; Tuyên truyền|' "$SAMPLE" >"$T/predefined.xml"
expect_exit 0 "the predefined entities read" soan extract -o "$T/predefined.out.xml" "$T/predefined.xml"
grep -q "<title>&amp;&lt;&gt;\"'AB Tuyên truyền" "$T/predefined.out.xml" && ok "the predefined entities are text" ||
	{ not_ok "the predefined entities are text"; grep "<title>" "$T/predefined.out.xml" | sed 's/^/#   /'; }

# An encoding error is one line, the file named once (issue 15, item 7)
printf '<?xml version="1.0" encoding="UTF-8"?>\n<plan version="1">\n<meta>\377\376</meta></plan>\n' >"$T/enc.xml"
refused "an encoding error" "soan: $T/enc.xml:3: malformed XML: Input is not proper UTF-8, indicate encoding !" \
	"$SOAN" validate "$T/enc.xml"
refused "an encoding error in extract" \
	"soan: $T/enc.xml:3: malformed XML: Input is not proper UTF-8, indicate encoding !" \
	"$SOAN" extract -o "$T/out/plan.xml" "$T/enc.xml"
finish
