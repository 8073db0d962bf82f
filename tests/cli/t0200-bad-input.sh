#!/bin/sh
# Every file in tests/bad: one clear line on stderr naming the file, exit 1,
# no output file left behind, the input untouched; NAME.err beside one
# holds its exact line.  A batch with bad files
# among good ones converts every good one and names the bad ones.
. "$(dirname "$0")/../lib.sh"

for f in "$TOP"/tests/bad/*; do
	[ -f "$f" ] || continue
	case $f in *.err) continue ;; esac
	name=$(basename "$f")
	sum=$(md5sum <"$f")
	expect_exit 1 "$name: rejected with exit 1" soan extract -o "$T/out.xml" "$f"
	one_line "$T/.err" "$name: one line on stderr"
	grep -q "$name" "$T/.err" && ok "$name: the line names the file" || not_ok "$name: the line names the file"
	[ ! -e "$T/out.xml" ] && ok "$name: no output file" || not_ok "$name: no output file"
	[ -z "$(ls "$T" | grep -v '^\.')" ] && ok "$name: no temporary file left" || not_ok "$name: no temporary file left"
	[ "$(md5sum <"$f")" = "$sum" ] && ok "$name: input untouched" || not_ok "$name: input untouched"
	if [ -f "${f%.*}.err" ]; then # the line as if run in tests/bad
		sed "s|^soan: $TOP/tests/bad/|soan: |" "$T/.err" >"$T/.err-here"
		same "${f%.*}.err" "$T/.err-here" "$name: the exact message"
		rm -f "$T/.err-here"
	fi
	rm -f "$T/out.xml"
done

# a batch: good files among bad ones
mkdir -p "$T/batch" "$T/in"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$TOP/corpus/003-hungyen-ttdn-2022/003-hungyen-ttdn-2022.txt" "$T/in/"
cp "$TOP/tests/bad/binary.txt" "$TOP/tests/bad/empty.txt" "$T/in/"
expect_exit 1 "batch with bad files exits 1" soan extract --outdir "$T/batch" "$T/in/001-hatinh-asean-2020.txt" "$T/in/binary.txt" "$T/in/003-hungyen-ttdn-2022.txt" "$T/in/empty.txt"
[ -s "$T/batch/001-hatinh-asean-2020.xml" ] && [ -s "$T/batch/003-hungyen-ttdn-2022.xml" ] && ok "batch: every good file converted" || not_ok "batch: every good file converted"
[ ! -e "$T/batch/binary.xml" ] && [ ! -e "$T/batch/empty.xml" ] && ok "batch: no output for bad files" || not_ok "batch: no output for bad files"
grep -q "2 converted, 2 failed (binary.txt, empty.txt)" "$T/.err" && ok "batch: summary names the bad files" || not_ok "batch: summary names the bad files"

# two inputs with the same base name: an error, never an overwrite
mkdir -p "$T/a" "$T/b" "$T/dup"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/a/plan.txt"
cp "$TOP/corpus/003-hungyen-ttdn-2022/003-hungyen-ttdn-2022.txt" "$T/b/plan.txt"
expect_exit 1 "same base name twice is rejected" soan extract --outdir "$T/dup" "$T/a/plan.txt" "$T/b/plan.txt"
grep -q "446/KH-UBND" "$T/dup/plan.xml" && ok "the first one is kept, not overwritten" || not_ok "the first one is kept, not overwritten"

# an output folder that cannot be written is the environment's failure
expect_exit 3 "unwritable output folder exits 3" soan extract --outdir /proc/soan-none "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt"
expect_exit 1 "a missing input exits 1" soan extract "$T/no-such-file.txt"

# A FIFO is refused at once, not waited on; an output file that is the
# input is refused before anything is written.
mkfifo "$T/pipe.txt"
timeout 60 $RUN "$SOAN" extract "$T/pipe.txt" >/dev/null 2>"$T/.err"; rc=$?
[ $rc = 1 ] && grep -q "^soan: $T/pipe.txt: not a regular file\$" "$T/.err" && ok "a FIFO is refused, not waited on" ||
	not_ok "a FIFO is refused, not waited on (exit $rc)"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/self.txt"
sum=$(md5sum <"$T/self.txt")
expect_exit 2 "-o naming the input is a usage error" soan extract -o "$T/self.txt" "$T/self.txt"
ln "$T/self.txt" "$T/self-link.txt"
expect_exit 2 "-o naming a hard link to the input too" soan extract -o "$T/self-link.txt" "$T/self.txt"
[ "$(md5sum <"$T/self.txt")" = "$sum" ] && ok "the input is untouched" || not_ok "the input is untouched"
mkdir -p "$T/selfdir"
cp "$TOP/tests/data/sample-plan.xml" "$T/selfdir/sample-plan.xml"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/selfdir/"
sum=$(md5sum <"$T/selfdir/sample-plan.xml")
expect_exit 1 "--outdir over an input is rejected" soan extract --outdir "$T/selfdir" "$T/selfdir/sample-plan.xml" \
	"$T/selfdir/001-hatinh-asean-2020.txt"
grep -q "sample-plan.xml' is an input file; not overwriting it" "$T/.err" && ok "--outdir over an input: says so" ||
	not_ok "--outdir over an input: says so"
[ "$(md5sum <"$T/selfdir/sample-plan.xml")" = "$sum" ] && [ -s "$T/selfdir/001-hatinh-asean-2020.xml" ] &&
	ok "--outdir over an input: input untouched, the other converted" || not_ok "--outdir over an input: input untouched, the other converted"

# generate, rollover and report refuse an output that is an input too
# (the plan, or the template read for every file)
cp "$TOP/tests/data/sample-plan.xml" "$T/selfgen.xml"
sum=$(md5sum <"$T/selfgen.xml")
expect_exit 2 "generate -o naming the input is a usage error" soan generate -o "$T/selfgen.xml" "$T/selfgen.xml"
expect_exit 2 "rollover -o naming the input is a usage error" soan rollover -o "$T/selfgen.xml" "$T/selfgen.xml"
expect_exit 2 "rollover --changes naming the input is a usage error" soan rollover -o "$T/next.xml" --changes "$T/selfgen.xml" "$T/selfgen.xml"
expect_exit 2 "report -o naming the input is a usage error" soan report -o "$T/selfgen.xml" "$T/selfgen.xml"
[ "$(md5sum <"$T/selfgen.xml")" = "$sum" ] && [ ! -e "$T/next.xml" ] && ok "generate/rollover/report: the input untouched, nothing written" ||
	not_ok "generate/rollover/report: the input untouched, nothing written"
# a template named as the output (an XSLT file may be called anything)
cp "$TOP/templates/plan.xsl" "$T/tpl.fo"
tsum=$(md5sum <"$T/tpl.fo")
expect_exit 2 "generate -o naming the --template is a usage error" soan generate --template "$T/tpl.fo" -o "$T/tpl.fo" "$T/selfgen.xml"
[ "$(md5sum <"$T/tpl.fo")" = "$tsum" ] && ok "generate: the template untouched" || not_ok "generate: the template untouched"
mkdir -p "$T/selfgendir"
cp "$TOP/tests/data/sample-plan.xml" "$T/selfgendir/sample-plan.xml"
sum=$(md5sum <"$T/selfgendir/sample-plan.xml")
expect_exit 1 "generate --outdir over an input is rejected" soan generate --format xml --outdir "$T/selfgendir" "$T/selfgendir/sample-plan.xml"
grep -q "is an input file; not overwriting it" "$T/.err" && [ "$(md5sum <"$T/selfgendir/sample-plan.xml")" = "$sum" ] &&
	ok "generate --outdir over an input: says so, input untouched" || not_ok "generate --outdir over an input: says so, input untouched"

# A batch with hostile files among good ones: every good file converts to
# the XML it gives alone, every bad one gets its one line and is named in
# the summary, in order, nothing is written for it, and the exit is 1.
H=$T/hostile
mkdir -p "$H" "$T/hb" "$T/hb-ref"
sh "$TOP/tests/pathological/gen.sh" "$H" LIMIT_FILE_BYTES.txt LIMIT_PARAGRAPH_BYTES.txt LIMIT_TABLE_CELLS.txt \
	LIMIT_TABLE_NESTING.md LIMIT_XML_DEPTH.xml LIMIT_XML_ATTRS.xml entity-bomb.xml entity-bomb.docx \
	LIMIT_ZIP_RATIO.docx LIMIT_ZIP_ENTRIES.docx LIMIT_XML_DEPTH.docx
for f in "$TOP"/tests/bad/*; do case $f in *.err) ;; *) cp "$f" "$H/" ;; esac; done
mkfifo "$H/fifo.txt"
mkdir "$H/folder.txt"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$H/good1.txt"
cp "$TOP/corpus/v01-chuyendoiso-2026-md/v01-chuyendoiso-2026-md.md" "$H/good2.md"
cp "$TOP/corpus/003-hungyen-ttdn-2022/003-hungyen-ttdn-2022.txt" "$H/good3.txt"
cp "$TOP/tests/data/sample-plan.xml" "$H/good4.xml"
cp "$TOP/corpus/004-camau-asean-2019/004-camau-asean-2019.office.docx" "$H/good5.docx"
(cd "$H" && md5sum good* $(ls "$TOP/tests/bad" | grep -v '\.err$') LIMIT_* entity-bomb.*) >"$T/hostile.md5"
for g in good1.txt good2.md good3.txt good4.xml good5.docx; do
	$RUN "$SOAN" extract -o "$T/hb-ref/${g%.*}.xml" "$H/$g" 2>/dev/null || not_ok "$g converts alone"
done
# interleave: a good file, then bad ones
set -- "$H/good1.txt"
bad_names=
for f in "$H"/*; do
	b=$(basename "$f")
	case $b in good*) continue ;; esac
	set -- "$@" "$f"
	bad_names="$bad_names${bad_names:+, }$b"
	case $b in
	binary.txt) set -- "$@" "$H/good2.md" ;;
	legacy.doc) set -- "$@" "$H/good3.txt" ;;
	entity-bomb.docx) set -- "$@" "$H/good5.docx" ;;
	esac
done
set -- "$@" "$H/no-such-file.txt" "$H/good4.xml"
bad_names="$bad_names, no-such-file.txt"
nbad=$(($# - 5))
timeout 300 $RUN "$SOAN" extract --outdir "$T/hb" "$@" >"$T/.out" 2>"$T/.err"; rc=$?
[ $rc = 1 ] && ok "hostile batch: exit 1" || not_ok "hostile batch: exit 1 (got $rc)"
for g in good1 good2 good3 good4 good5; do
	same "$T/hb-ref/$g.xml" "$T/hb/$g.xml" "hostile batch: $g converted as alone"
done
[ "$(ls -A "$T/hb" | wc -l)" = 5 ] && ok "hostile batch: nothing written for the bad files" ||
	{ not_ok "hostile batch: nothing written for the bad files"; ls -A "$T/hb" | sed 's/^/#   /'; }
grep -qxF "soan: extract: 5 converted, $nbad failed ($bad_names)" "$T/.err" &&
	ok "hostile batch: the summary names every bad file, in order" ||
	{ not_ok "hostile batch: the summary names every bad file, in order"; tail -1 "$T/.err" | sed 's/^/#   /'; }
[ "$(wc -l <"$T/.err")" = $((nbad + 1)) ] && ok "hostile batch: one line per bad file, and the summary" ||
	{ not_ok "hostile batch: one line per bad file, and the summary ($(wc -l <"$T/.err") lines for $nbad)"; sed 's/^/#   /' "$T/.err" | head -30; }
for f in "$@"; do
	case $f in */good*|*/no-such-file.txt) continue ;; esac
	grep -q "^soan: $f[:]" "$T/.err" || not_ok "hostile batch: $(basename "$f") has its line"
done
(cd "$H" && md5sum -c --quiet "$T/hostile.md5" >/dev/null 2>&1) && ok "hostile batch: inputs untouched" ||
	not_ok "hostile batch: inputs untouched"
finish
