#!/bin/sh
# No batch writes two outputs to one name, and batches share output
# folders safely (issue 15, items 4 and 6): report --each-agency names
# 150 forms whose names meet in their first 60 characters, one file
# each; a batch never writes over a file it wrote already under another
# name; two processes creating the same new --outdir both go on; a
# missing parent of --outdir is an error, not a new tree.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/tests/data/sample-plan.xml
SHIM=$TOP/${B:-build}/inject/failio.so
case ${SANITIZE:-} in *address*) export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 ;; esac

# ---- item 4: 150 agencies whose file names share their first 60 characters
# The sample plan with its responsibilities section replaced by 150
# agencies, "Ban Quản lý dự án ... khu vực số N": each file name is cut to
# "ban-quan-ly-du-an-dau-tu-xay-dung-cac-cong-trinh-dan-dung-va".
awk -v n=150 '
/<section kind="responsibilities"/ {
	print
	for (i = 1; i <= n; i++)
		printf "      <agency name=\"Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp khu vực số %d\" key=\"ban quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp khu vực số %d\" number=\"%d\"><item label=\"-\">Thực hiện phần việc số %d của Kế hoạch.</item></agency>\n", i, i, i, i
	skip = 1; next
}
skip && /^    <\/section>/ { skip = 0 }
!skip { print }' "$SAMPLE" >"$T/many.xml"
check "the plan of 150 agencies is valid" soan validate -q "$T/many.xml"
soan report "$T/many.xml" --list-agencies >"$T/agencies" 2>/dev/null
n=$(wc -l <"$T/agencies")
[ "$n" -ge 150 ] && ok "150 agencies and the plan's others listed ($n)" || not_ok "150 agencies listed ($n)"
expect_exit 0 "report --each-agency, 150 names alike: exit 0" soan report "$T/many.xml" --each-agency -f xml --outdir "$T/forms"
grep -qxF "soan: report: $n forms written, 0 failed" "$T/.err" && ok "the summary counts $n forms" || { not_ok "the summary counts $n forms"; tail -1 "$T/.err" | sed 's/^/#   /'; }
files=$(ls -A "$T/forms" | wc -l)
[ "$files" = "$n" ] && ok "one file per form ($files)" || not_ok "one file per form ($files files, $n forms)"
issuers=$(grep -h '<issuer>' "$T/forms"/*.xml | sort -u | wc -l)
[ "$issuers" = "$n" ] && ok "each file holds another agency's form ($issuers)" || not_ok "each file holds another agency's form ($issuers issuers in $files files)"
base=ban-quan-ly-du-an-dau-tu-xay-dung-cac-cong-trinh-dan-dung-va
grep -q "khu vực số 1<" "$T/forms/$base.xml" && grep -q "khu vực số 2<" "$T/forms/$base-2.xml" &&
	grep -q "khu vực số 150<" "$T/forms/$base-150.xml" && ok "names in order: NAME, NAME-2 ... NAME-150" ||
	not_ok "names in order: NAME, NAME-2 ... NAME-150"
# each line of the report names its file, and no file twice
grep "^soan: report: Ban Quản lý" "$T/.err" | sed 's/.*: //' | sort | uniq -d >"$T/twice"
[ ! -s "$T/twice" ] && ok "no file named twice in the report" || { not_ok "no file named twice in the report"; head -3 "$T/twice" | sed 's/^/#   /'; }

# ---- item 4: the batch writer's own guard ---------------------------------
# b.xml in the output folder is a link to a.xml: b's output would land on
# the file a's output just made; it is refused, a's output kept.
mkdir -p "$T/guard/in" "$T/guard/out"
cp "$SAMPLE" "$T/guard/in/a.xml"
cp "$TOP/corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/guard/in/b.txt"
ln -s a.xml "$T/guard/out/b.xml"
soan extract -o "$T/guard/a.ref" "$SAMPLE" 2>/dev/null
expect_exit 1 "a batch output that is a file the batch wrote: exit 1" soan extract --outdir "$T/guard/out" "$T/guard/in/a.xml" "$T/guard/in/b.txt"
grep -qxF "soan: $T/guard/in/b.txt: its output file '$T/guard/out/b.xml' is one this batch wrote already; not overwriting it" "$T/.err" &&
	ok "the batch says so" || { not_ok "the batch says so"; sed 's/^/#   /' "$T/.err"; }
same "$T/guard/a.ref" "$T/guard/out/a.xml" "the first output is kept"

# ---- item 6: --outdir races -------------------------------------------------
# Another process makes the folder between soan's look and its mkdir (the
# shim makes it just before the call, which then fails with EEXIST).
if [ -f "$SHIM" ]; then
	FAILIO_FAIL=mkdir:1 FAILIO_PATH="$T/race" FAILIO_LOG="$T/race.log" LD_PRELOAD=$SHIM \
		$RUN "$SOAN" extract -q --outdir "$T/race" "$SAMPLE" >"$T/.out" 2>"$T/.err"; rc=$?
	[ -s "$T/race.log" ] && ok "the shim made the folder first" || not_ok "the shim made the folder first"
	[ $rc = 0 ] && [ -s "$T/race/sample-plan.xml" ] && ok "a folder made by another process meanwhile: no error" ||
		{ not_ok "a folder made by another process meanwhile: no error (exit $rc)"; sed 's/^/#   /' "$T/.err"; }
else
	not_ok "failio.so is built (make tests)"
fi
# Eight processes at once, each making the same new folder, five rounds.
mkdir "$T/conc"
for k in 1 2 3 4 5 6 7 8; do cp "$SAMPLE" "$T/conc/p$k.xml"; done
bad=0
for round in 1 2 3 4 5; do
	pids=
	for k in 1 2 3 4 5 6 7 8; do
		$RUN "$SOAN" extract -q --outdir "$T/conc/out$round" "$T/conc/p$k.xml" 2>>"$T/conc.err" &
		pids="$pids $!"
	done
	for p in $pids; do wait $p || bad=$((bad + 1)); done
	[ "$(ls -A "$T/conc/out$round" | wc -l)" = 8 ] || bad=$((bad + 1))
done
[ $bad = 0 ] && ok "8 processes making one new folder, 5 rounds: all written" ||
	{ not_ok "8 processes making one new folder, 5 rounds ($bad failures)"; sort -u "$T/conc.err" | head -5 | sed 's/^/#   /'; }
# a missing parent: refused, nothing made
expect_exit 3 "--outdir with a missing parent: exit 3" soan extract --outdir "$T/no/such/out" "$SAMPLE"
one_line "$T/.err" "--outdir with a missing parent: one line"
grep -qxF "soan: $T/no/such/out: cannot create output folder: its parent folder '$T/no/such' does not exist" "$T/.err" &&
	ok "--outdir with a missing parent: names the parent" || { not_ok "--outdir with a missing parent: names the parent"; sed 's/^/#   /' "$T/.err"; }
[ ! -e "$T/no" ] && ok "--outdir with a missing parent: nothing made" || not_ok "--outdir with a missing parent: nothing made"
expect_exit 3 "--outdir naming a file: exit 3" soan extract --outdir "$SAMPLE" "$SAMPLE"
grep -qxF "soan: $SAMPLE: not a folder" "$T/.err" && ok "--outdir naming a file: says so" || not_ok "--outdir naming a file: says so"
finish
