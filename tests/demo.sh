#!/bin/sh
# tests/demo.sh SOAN CORPUS OUT - the main job on the bundled corpus:
# extract every document into OUT/<name>/plan.xml (later also next year's
# draft and the report forms).  Prints what it wrote.
set -u
SOAN=$1 CORPUS=$2 OUT=$3
mkdir -p "$OUT"
status=0
for dir in "$CORPUS"/*/; do
	name=$(basename "$dir")
	for src in "$dir$name".*; do
		[ -f "$src" ] || continue
		ext=${src##*.}
		mkdir -p "$OUT/$name"
		if "$SOAN" extract -o "$OUT/$name/plan-from-$ext.xml" "$src"; then
			echo "wrote $OUT/$name/plan-from-$ext.xml"
		else
			status=1
		fi
	done
done
exit $status
