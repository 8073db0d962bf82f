#!/bin/sh
# Every file in tests/bad: one clear line on stderr naming the file, exit 1,
# no output file left behind, the input untouched.  A batch with bad files
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
	if [ -f "${f%.*}.err" ]; then
		same "${f%.*}.err" "$T/.err" "$name: the exact message"
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
finish
