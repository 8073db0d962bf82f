#!/bin/sh
# make robustness's runner, tests/robustness/run.sh, on a small folder:
# the real soan through every step (a plan and two broken files), and a
# stand-in soan that breaks each rule the runner must catch.
. "$(dirname "$0")/../lib.sh"

RUNNER=$TOP/tests/robustness/run.sh
C=$TOP/corpus

# no folder: says how to get the files, passes
out=$(sh "$RUNNER" "$SOAN" "$T/none" "$T/out0" 2>&1)
rc=$?
if [ $rc = 0 ] && echo "$out" | grep -q 'gather.sh'; then ok "missing folder: how to get the files, exit 0"; else
	not_ok "missing folder: how to get the files, exit 0 (exit $rc)"; fi

# the real program: a plan goes through blocks, extract, DOCX and PDF; a
# broken DOCX and PDF are refused, and refusals are no findings
mkdir -p "$T/in/own"
cp "$C/001-hatinh-asean-2020/001-hatinh-asean-2020.txt" "$T/in/own/plan.txt"
cp "$TOP/tests/bad/truncated.docx" "$TOP/tests/bad/broken.pdf" "$T/in/own/"
JOBS=1 sh "$RUNNER" "$SOAN" "$T/in" "$T/out1" >"$T/run1" 2>&1
rc=$?
if [ $rc = 0 ]; then ok "real soan: no findings, exit 0"; else
	not_ok "real soan: no findings, exit 0 (exit $rc)"; sed 's/^/#   /' "$T/run1" | tail -8; fi
verdict() { awk -F'\t' -v f="$2" -v s="$3" '$2 == f && $3 == s { print $10 }' "$1"; }
for step in blocks extract docx pdf; do
	v=$(verdict "$T/out1/results.tsv" plan.txt $step)
	if [ "$v" = ok ]; then ok "plan.txt $step: ok"; else not_ok "plan.txt $step: ok (got '$v')"; fi
done
for f in truncated.docx broken.pdf; do
	v=$(verdict "$T/out1/results.tsv" $f extract)
	if [ "$v" = refused ]; then ok "$f extract: refused"; else not_ok "$f extract: refused (got '$v')"; fi
done
check "table: a total extract row of 3 files" grep -q '^total extract  *3 ' "$T/run1"

# a stand-in that breaks the rules, chosen by the input's name
cat >"$T/fake" <<'FAKE'
#!/bin/sh
for a; do f=$a; done
case $f in
*two-lines*) echo "soan: $f: refused" >&2; echo "and more" >&2; exit 1 ;;
*stdout*) echo "<plan/>"; echo "soan: $f: refused" >&2; exit 1 ;;
*other*) echo "refused" >&2; exit 1 ;;
*exit3*) echo "soan: $f: cannot" >&2; exit 3 ;;
*crash*) kill -SEGV $$ ;;
*slow*) exec sleep 30 ;;
*changes*) echo y >>"$f"; echo "soan: $f: refused" >&2; exit 1 ;;
*leftover*) : >left.tmp; echo "soan: $f: refused" >&2; exit 1 ;;
*empty*) exit 0 ;;
esac
echo "soan: $f: refused" >&2
exit 1
FAKE
chmod +x "$T/fake"
mkdir -p "$T/bad/fake"
for f in two-lines stdout other exit3 crash slow changes leftover empty fine; do echo x >"$T/bad/fake/$f.txt"; done
TIME_LIMIT=2 sh "$RUNNER" "$T/fake" "$T/bad" "$T/out2" >"$T/run2" 2>&1
rc=$?
if [ $rc = 1 ]; then ok "stand-in: findings fail the run"; else not_ok "stand-in: findings fail the run (exit $rc)"; fi
for want in two-lines:lines-2 stdout:stdout other:not-soan exit3:exit-3 crash:exit-139 slow:timeout \
	changes:input leftover:leftover empty:empty fine:refused; do
	f=${want%%:*}.txt v=${want#*:}
	got=$(verdict "$T/out2/results.tsv" "$f" extract)
	if [ "$got" = "$v" ]; then ok "stand-in $f: $v"; else not_ok "stand-in $f: $v (got '$got')"; fi
done
finish
