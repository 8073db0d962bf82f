#!/bin/sh
# tests/demo.sh SOAN CORPUS OUT - the main job on the bundled corpus.
# For every document of every corpus plan, into OUT/<document name>/:
#   plan.xml                      the plan as soan extracts it
#   next-YEAR.{xml,docx,pdf}      next year's draft (changes marked; DOCX
#   next-YEAR.changes.tsv         with Word tracked changes) and what changed
#   report-YEAR.{xml,docx,pdf}    the annual report form of the whole plan
#   agencies/NAME.{xml,docx,pdf}  one report form per agency the plan names
# and prints what it wrote.  While this soan has no DOCX or PDF writer,
# only the XML is written (the layouts are said to be skipped).
set -u
SOAN=$1 CORPUS=$2 OUT=$3
mkdir -p "$OUT"
status=0
wrote() { echo "wrote $1"; }
fail() { echo "FAILED: $*" >&2; status=1; }

# Which layout formats this soan can write: try one small plan.
formats=xml
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
first=$(ls "$CORPUS"/*/expected.xml 2>/dev/null | head -1)
for f in docx pdf; do
	if [ -n "$first" ] && "$SOAN" report -q "$first" -o "$probe/p.$f" 2>/dev/null; then
		formats="$formats $f"
	fi
done
case $formats in
*docx*) ;;
*) echo "note: this soan writes no DOCX or PDF yet; writing plan XML only" ;;
esac

for dir in "$CORPUS"/*/; do
	name=$(basename "$dir")
	for src in "$dir$name".*; do
		[ -f "$src" ] || continue
		doc=$(basename "$src")
		d=$OUT/$doc
		rm -rf "$d" # a document's folder is this job's: no forms left from an earlier run
		mkdir -p "$d/agencies"
		if ! "$SOAN" extract -o "$d/plan.xml" "$src"; then
			fail "$src: extract"
			continue
		fi
		wrote "$d/plan.xml"
		# the years: next year's draft is for the year after the plan's
		year=$("$SOAN" rollover -q "$d/plan.xml" -o "$d/.next.xml" 2>/dev/null &&
			xmllint --xpath 'string(/plan/meta/date/@year)' "$d/.next.xml" 2>/dev/null)
		rm -f "$d/.next.xml"
		if [ -z "$year" ]; then
			fail "$src: rollover"
			continue
		fi
		for f in $formats; do
			opt=
			[ "$f" = docx ] && opt=--track-changes
			if "$SOAN" rollover $opt -c "$d/next-$year.changes.tsv" "$d/plan.xml" -o "$d/next-$year.$f" \
				2>"$d/next-$year.summary"; then
				wrote "$d/next-$year.$f"
			else
				fail "$src: rollover to $f"
				cat "$d/next-$year.summary" >&2
			fi
		done
		[ -f "$d/next-$year.changes.tsv" ] && wrote "$d/next-$year.changes.tsv ($(wc -l <"$d/next-$year.changes.tsv") changes)"
		rm -f "$d/next-$year.summary"
		ry=$((year - 1))
		for f in $formats; do
			if "$SOAN" report --year "$ry" "$d/plan.xml" -o "$d/report-$ry.$f"; then
				wrote "$d/report-$ry.$f"
			else
				fail "$src: report to $f"
			fi
			if "$SOAN" report -q --year "$ry" --each-agency -f "$f" --outdir "$d/agencies" "$d/plan.xml"; then
				wrote "$d/agencies/*.$f ($(ls "$d/agencies"/*."$f" 2>/dev/null | wc -l) agency forms)"
			else
				fail "$src: agency forms to $f"
			fi
		done
	done
done
exit $status
