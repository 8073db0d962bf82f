#!/bin/sh
# soan.1 documents every command `soan --help` lists, and its EXAMPLES run.
. "$(dirname "$0")/../lib.sh"

man=$TOP/soan.1
for c in $(soan --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
	grep -q "^\.Cm $c\$" "$man" && ok "soan.1 has a synopsis for $c" || not_ok "soan.1 has a synopsis for $c"
	grep -q "^\.It Cm $c\$" "$man" && ok "soan.1 describes $c" || not_ok "soan.1 describes $c"
done
# run the examples in a scratch folder that has the corpus
cd "$T" && ln -s "$TOP/corpus" corpus
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$man" | while IFS= read -r cmd; do
	case $cmd in
	soan\ *) eval "$RUN \"$SOAN\" ${cmd#soan }" >/dev/null 2>&1 ;;
	*) eval "$cmd" >/dev/null 2>&1 ;;
	esac
	rc=$?
	[ $rc = 0 ] && echo "ok - example runs: $cmd" || echo "not ok - example runs: $cmd (exit $rc)"
done >"$T/examples.log"
cat "$T/examples.log"
grep -q "^not ok" "$T/examples.log" && _failed=$((_failed + 1))
finish
