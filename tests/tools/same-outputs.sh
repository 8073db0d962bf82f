#!/bin/sh
# tests/tools/same-outputs.sh [REV] - does this tree write what REV wrote?
#
# Builds REV (default: origin's main, else HEAD) in a temporary worktree
# and this tree as it is, then runs both over the same inputs and compares
# what they write:
#   - tests/demo.sh over corpus/ (extract, rollover, report, agency forms
#     to plan XML, DOCX and PDF);
#   - soan extract of every document in ../shared/corpus-real (when
#     present) and tests/data/real;
#   - soan generate of every corpus expected.xml to .fo, .docx and .pdf.
# Plan XML, layouts, change lists and DOCX are compared byte for byte;
# a PDF by its text (pdftotext -layout) and its page images (pdftoppm at
# 50 dpi), since its bytes hold a creation time.  Prints one line per
# difference and a summary; exits 1 when anything differs.
# Set KEEP=1 to keep the work folder.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
REV=${1:-}
if [ -z "$REV" ]; then
	REV=$(git rev-parse -q --verify origin/main 2>/dev/null || git rev-parse HEAD)
fi
W=$(mktemp -d /tmp/same-outputs.XXXXXX)
cleanup() {
	git worktree remove --force "$W/tree" >/dev/null 2>&1
	[ -n "${KEEP:-}" ] || rm -rf "$W"
}
trap cleanup EXIT
echo "comparing this tree with $(git rev-parse --short "$REV") in $W"
git worktree add -q --detach "$W/tree" "$REV" || exit 2
make -s -C "$W/tree" >"$W/old.build" 2>&1 || { cat "$W/old.build"; exit 2; }
make -s >"$W/new.build" 2>&1 || { cat "$W/new.build"; exit 2; }

# run SIDE TREE: every job with TREE's soan, into $W/SIDE
run() {
	side=$1 tree=$2 out=$W/$1
	mkdir -p "$out/demo" "$out/extract" "$out/generate"
	soan=$tree/build/soan
	SOAN_DATADIR=$tree sh "$tree/tests/demo.sh" "$soan" "$TOP/corpus" "$out/demo" >/dev/null 2>"$out/demo.err"
	for f in "$TOP"/../shared/corpus-real/*/* "$TOP"/tests/data/real/*; do
		[ -f "$f" ] || continue
		b=$(basename "$f")
		SOAN_DATADIR=$tree "$soan" extract -q -o "$out/extract/$b.xml" "$f" 2>"$out/extract/$b.err"
		echo "exit $?" >>"$out/extract/$b.err"
	done
	for x in "$TOP"/corpus/*/expected.xml; do
		n=$(basename "$(dirname "$x")")
		for fmt in fo docx pdf; do
			SOAN_DATADIR=$tree "$soan" generate -q "$x" -o "$out/generate/$n.$fmt" 2>>"$out/generate/$n.err"
		done
	done
	# PDFs become their text and the checksums of their page images
	find "$out" -type f -name '*.pdf' | while read -r p; do
		pdftotext -layout "$p" "$p.txt" 2>/dev/null
		d=$(mktemp -d "$W/png.XXXXXX")
		pdftoppm -r 50 -png "$p" "$d/p" 2>/dev/null
		(cd "$d" && md5sum ./*.png) >"$p.pages"
		rm -rf "$d" "$p"
	done
	# messages name files by their path: make both sides' paths relative
	find "$out" -name '*.err' -exec sed -i -e "s|$tree/||g" -e "s|$TOP/||g" {} +
}
run old "$W/tree"
run new "$TOP"

diffs=$(diff -rq "$W/old" "$W/new" | sed "s|$W/||g")
n=$(find "$W/new" -type f | wc -l)
if [ -n "$diffs" ]; then
	printf '%s\n' "$diffs"
	echo "$(printf '%s\n' "$diffs" | wc -l) of $n outputs differ"
	KEEP=1
	exit 1
fi
echo "all $n outputs the same"
