#!/bin/sh
# tests/fuzz/seeds.sh NAME DIR - fill DIR with seed inputs for the
# harness tests/fuzz/fuzz_NAME.c from the documents under corpus/ and
# tests/, each prefixed with the option bytes that harness reads first.
# Also copies tests/fuzz/seeds_NAME/ (seeds kept as they are) and
# tests/fuzz/regress/NAME/ (inputs that once failed).
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
name=$1 dir=$2
mkdir -p "$dir"
# seed PREFIX FILE...: copy each FILE with PREFIX (octal escapes) before it
seed() {
	pre=$1; shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		out=$dir/$(basename "$(dirname "$f")")-$(basename "$f")
		{ printf "$pre"; cat "$f"; } >"$out"
	done
}
texts=$(ls "$TOP"/corpus/*/*.txt "$TOP"/tests/bad/*.txt 2>/dev/null || true)
mds=$(ls "$TOP"/corpus/*/*.md 2>/dev/null || true)
docx=$(find "$TOP/corpus" "$TOP/tests/bad" "$TOP/tests/data" -name '*.docx' -size -1000k 2>/dev/null | sort)
xmls=$(ls "$TOP"/corpus/*/expected.xml "$TOP"/tests/data/*.xml 2>/dev/null || true)
case $name in
text) seed '\000' $texts $mds ;;
md) seed '\000' $mds $texts ;;
docx)
	# byte 0 bit 0: the zip as it is; clear: parts the harness zips itself
	seed '\001' $docx
	for f in $docx; do
		python3 - "$f" "$dir/parts-$(basename "$f")" <<'PY' || true
import re, sys, zipfile
names = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
         "word/endnotes.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]
try:
    z = zipfile.ZipFile(sys.argv[1])
except Exception:
    sys.exit(0)
have = set(z.namelist())
parts = [z.read(n) if n in have else b"" for n in names]
# Small seeds mutate faster: the body's first children up to 12 KB, and
# the styles without their latent list.
doc = parts[0].decode("utf-8", "replace")
m = re.search(r"<w:body>", doc)
if m and len(doc) > 16384:
    depth, end = 0, None
    for t in re.finditer(r"<(/?)[\w:.-]+[^>]*?(/?)>", doc[m.end():]):
        if t.group(1):
            depth -= 1
        elif not t.group(2):
            depth += 1
        if depth == 0:
            if end and t.end() > 12288:
                break
            end = t.end()
        if depth < 0:
            break
    if end:
        parts[0] = (doc[:m.end() + end] + "</w:body></w:document>").encode("utf-8")
st = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", parts[1], flags=re.S)
cuts = [k.start() for k in re.finditer(rb"<w:style[ >]", st)]
if len(cuts) > 40:
    st = st[:cuts[40]] + b"</w:styles>"
parts[1] = st
with open(sys.argv[2], "wb") as out:
    out.write(b"\x02" + b"\n==PART==\n".join(parts))
PY
	done
	;;
pdf) ;; # tests/fuzz/seeds_pdf holds small PDFs; the real ones are large
extract)
	# byte 0: format and name (0 = detect, name "plan"); byte 1: reader flags
	seed '\000\000' $texts $mds $docx $xmls
	seed '\021\000' $texts   # forced text, name plan.txt
	seed '\022\000' $mds     # forced markdown, name plan.md
	;;
cli)
	# byte 0: command (0 = extract); byte 1: file name; args; 0xFF; content
	seed '\000\000\377' $texts
	seed '\000\001--dump=blocks\n@\377' $mds
	seed '\000\000-o\nout.xml\n@\377' $texts
	seed '\000\000--outdir\nout\n@\n@\377' $texts
	seed '\001\004\377' $xmls
	;;
generate)
	# byte 0: bit 0 a layout, bits 1-2 the transform (0 none, 1 rollover,
	# 2 report, 3 an agency's report), bit 3 PDF, bit 4 renames, bit 5
	# tracked changes.  Small plans, each way once; two layouts are in
	# tests/fuzz/seeds_generate/.
	v01=$TOP/corpus/v01-chuyendoiso-2026-md/expected.xml
	v02=$TOP/corpus/v02-phan-ttdn-2027-txt/expected.xml
	sample=$TOP/tests/data/sample-plan.xml
	gen_seed() { { printf "$1"; cat "$3"; } >"$dir/$2"; }
	gen_seed '\000' plan-docx-v02 $v02
	gen_seed '\010' plan-pdf-sample $sample
	gen_seed '\062' rollover-renames-tracked-v01 $v01
	gen_seed '\012' rollover-pdf-v02 $v02
	gen_seed '\014' report-pdf-sample $sample
	gen_seed '\006' agency-docx-v01 $v01
	# plans from before the 2025 reorganisation, so that the renaming
	# table has names to replace (departments, provinces, names in capitals)
	gen_seed '\062' rollover-renames-tracked-hatinh "$TOP/corpus/001-hatinh-asean-2020/expected.xml"
	gen_seed '\022' rollover-renames-soctrang "$TOP/corpus/002-soctrang-asean-2014/expected.xml"
	;;
*) echo "seeds.sh: no seeds for '$name'" >&2 ;;
esac
[ -d "$TOP/tests/fuzz/seeds_$name" ] && cp "$TOP/tests/fuzz/seeds_$name"/* "$dir"/ 2>/dev/null || true
[ -d "$TOP/tests/fuzz/regress/$name" ] && cp "$TOP/tests/fuzz/regress/$name"/* "$dir"/ 2>/dev/null || true
exit 0
