#!/bin/sh
# soan rollover on every corpus plan:
# - the draft is valid plan XML (jing, an implementation we did not write);
# - its change list is complete and correct against a diff of the two
#   plan XML files (tests/rollover/check-changes.py, written apart from
#   the C code), from the reviewed expected.xml and from the source;
# - the change list of each plan is the reviewed golden file
#   tests/golden/rollover/NAME.changes (read line by line once);
# - --no-marks gives the same draft without marks; the summary, --year,
#   and misuse.
. "$(dirname "$0")/../lib.sh"

CHECK="$TOP/tests/rollover/check-changes.py"
have_jing=0
command -v jing >/dev/null 2>&1 && have_jing=1

for dir in "$TOP"/corpus/*/; do
	name=$(basename "$dir")
	exp="$dir/expected.xml"
	[ -f "$exp" ] || continue
	if ! soan rollover -q "$exp" -o "$T/$name.next.xml" -c "$T/$name.changes" 2>"$T/err"; then
		not_ok "$name: rollover"
		sed 's/^/#   /' "$T/err"
		continue
	fi
	if [ $have_jing = 1 ]; then
		check "$name: draft valid (jing)" jing "$TOP/extract/plan/plan.rng" "$T/$name.next.xml"
	fi
	if python3 "$CHECK" "$exp" "$T/$name.next.xml" "$T/$name.changes" >"$T/check" 2>&1; then
		ok "$name: change list complete and correct"
	else
		not_ok "$name: change list complete and correct"
		sed 's/^/#   /' "$T/check" | head -10
	fi
	golden="$TOP/tests/golden/rollover/$name.changes"
	if [ -f "$golden" ]; then
		same "$golden" "$T/$name.changes" "$name: change list is the reviewed one"
	else
		not_ok "$name: no reviewed change list $golden"
	fi
	# the same from the source document, through extraction
	for src in "$dir$name".*; do
		[ -f "$src" ] || continue
		soan extract "$src" >"$T/src.xml" 2>/dev/null || continue
		if soan rollover -q "$src" -o "$T/src.next.xml" -c "$T/src.changes" 2>"$T/err" &&
			python3 "$CHECK" "$T/src.xml" "$T/src.next.xml" "$T/src.changes" >"$T/check" 2>&1; then
			ok "$name: $(basename "$src"): change list complete and correct"
		else
			not_ok "$name: $(basename "$src"): change list complete and correct"
			sed 's/^/#   /' "$T/err" "$T/check" | head -10
		fi
	done
	# without marks: the marked draft with every change accepted
	soan rollover -q --no-marks "$exp" -o "$T/plain.xml" -c "$T/plain.changes" 2>/dev/null
	if grep -q '<change \|old-[a-z]*=' "$T/plain.xml"; then
		not_ok "$name: --no-marks leaves no marks"
	else
		ok "$name: --no-marks leaves no marks"
	fi
	same "$T/$name.changes" "$T/plain.changes" "$name: --no-marks lists the same changes"
	check "$name: --no-marks: change list complete and correct" python3 "$CHECK" "$exp" "$T/plain.xml" "$T/plain.changes"
done

# deterministic: the same input gives the same bytes
n=001-hatinh-asean-2020
soan rollover -q "$TOP/corpus/$n/expected.xml" -o "$T/a.xml" -c "$T/a.tsv"
soan rollover -q "$TOP/corpus/$n/expected.xml" -o "$T/b.xml" -c "$T/b.tsv"
same "$T/a.xml" "$T/b.xml" "same draft twice"

# the summary on stderr names the years and the rules
soan rollover "$TOP/corpus/$n/expected.xml" -o "$T/a.xml" 2>"$T/err"
if grep -q '^soan: rollover: .*: 2020 -> 2021 (years from the title): [0-9]* changes: .*timeline [0-9]*.*; [0-9]* to review$' "$T/err"; then
	ok "summary line"
else
	not_ok "summary line"
	sed 's/^/#   /' "$T/err"
fi
check "--quiet prints nothing" sh -c "$RUN '$SOAN' rollover -q '$TOP/corpus/$n/expected.xml' -o '$T/a.xml' 2>&1 | cmp -s - /dev/null"

# --year: the plan's years move to 2027, the legal references stay
soan rollover -q --year 2027 "$TOP/corpus/$n/expected.xml" -o "$T/y.xml" -c "$T/y.tsv"
check "--year 2027: title" grep -q '<title>Tuyên truyền, quảng bá ASEAN <change old="năm 2020" rule="plan-year">năm 2027</change>' "$T/y.xml"
check "--year 2027: deadline" grep -q 'trước ngày <change old="10/12/2020" rule="deadline">10/12/2027</change>' "$T/y.xml"
check "--year 2027: basis untouched" grep -q 'ngày 26/6/2019 của Ban Chỉ đạo thông tin tuyên truyền ASEAN về việc ban hành Kế hoạch tuyên truyền, quảng bá ASEAN giai đoạn 2019 - 2020</ref>' "$T/y.xml"
check "--year 2027: change list checks" python3 "$CHECK" "$TOP/corpus/$n/expected.xml" "$T/y.xml" "$T/y.tsv"

# --no-renames: no name changes, years still move
soan rollover -q --no-renames "$TOP/corpus/$n/expected.xml" -o "$T/nr.xml" -c "$T/nr.tsv"
if grep -q 'rename' "$T/nr.tsv"; then not_ok "--no-renames renames nothing"; else ok "--no-renames renames nothing"; fi
check "--no-renames: years move" grep -q 'timeline$' "$T/nr.tsv"

# a user's own renaming table
printf 'Sở Công Thương\tSở Công nghiệp\trename\tthử\n' >"$T/r.tsv"
soan rollover -q --renames "$T/r.tsv" "$TOP/corpus/$n/expected.xml" -o "$T/r.xml" -c "$T/r.tsv.out"
check "--renames FILE is used" grep -q 'Sở Công Thương	Sở Công nghiệp	rename' "$T/r.tsv.out"
printf 'Sở Công Thương\tSở Công nghiệp\tmove\tthử\n' >"$T/bad.tsv"
expect_exit 1 "a broken renaming table is refused" soan rollover --renames "$T/bad.tsv" "$TOP/corpus/$n/expected.xml" -o "$T/r.xml"
check "the message names the table's line" grep -q "bad.tsv:1: unknown kind 'move'" "$T/.err"

# misuse
expect_exit 2 "no output" soan rollover "$TOP/corpus/$n/expected.xml"
expect_exit 2 "bad --year" soan rollover --year 20x1 "$TOP/corpus/$n/expected.xml" -o "$T/x.xml"
expect_exit 2 "unknown output format" soan rollover "$TOP/corpus/$n/expected.xml" -o "$T/x.odt"
expect_exit 2 "--track-changes needs DOCX" soan rollover --track-changes "$TOP/corpus/$n/expected.xml" -o "$T/x.xml"
expect_exit 1 "--year before the plan" soan rollover --year 2019 "$TOP/corpus/$n/expected.xml" -o "$T/x.xml"
check "no output left after a refusal" test ! -e "$T/x.xml"
expect_exit 1 "not a plan" soan rollover "$TOP/tests/bad/not-a-plan.txt" -o "$T/x.xml"
finish
