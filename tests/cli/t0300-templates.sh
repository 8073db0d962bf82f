#!/bin/sh
# The templates, one named template at a time: each tests/golden/fo/NAME.xml
# (plan XML) beside NAME.TEMPLATE.fo, the layout expected from
# tests/golden/fo/TEMPLATE.xsl (a wrapper around one named template of
# common.xsl) or from templates/TEMPLATE.xsl.  Every expected layout is
# valid by generate/layout/layout.rng for jing and xmllint.  Layouts outside the
# subset (tests/golden/fo/bad) are refused with the exact message; jing
# and xmllint refuse them too, except the semantic-* ones, which only
# fo_check() can see.
. "$(dirname "$0")/../lib.sh"

G=$TOP/tests/golden/fo
RNG=$TOP/generate/layout/layout.rng
valid=
# jing is a Java program: one run checks every file named
jing_all() { # DESC FILE...: ok when jing accepts every file
	local d=$1; shift
	if jing "$RNG" "$@" >"$T/.jing" 2>&1; then ok "$d"; else
		not_ok "$d"; grep -v avalon "$T/.jing" | head -10 | sed 's/^/#   /'; fi
}
for x in "$G"/*.xml; do
	name=$(basename "$x" .xml)
	for want in "$G/$name".*.fo; do
		[ -f "$want" ] || continue
		tmpl=${want#"$G/$name".}
		tmpl=${tmpl%.fo}
		xsl=$G/$tmpl.xsl
		[ -f "$xsl" ] || xsl=$TOP/templates/$tmpl.xsl
		expect_exit 0 "$name through $tmpl" soan generate "$x" --template "$xsl" -o "$T/out.fo"
		same "$want" "$T/out.fo" "$name.$tmpl.fo: the layout expected"
		check "$name.$tmpl.fo: xmllint accepts it" xmllint --noout --relaxng "$RNG" "$want"
		valid="$valid $want"
		rm -f "$T/out.fo"
	done
done

# every stylesheet's output on every corpus plan is valid for both tools
for x in "$TOP"/corpus/*/expected.xml "$TOP/tests/data/sample-plan.xml"; do
	name=$(basename "$(dirname "$x")")
	[ "$name" = data ] && name=sample-plan
	expect_exit 0 "$name: plan.xsl writes a layout" soan generate "$x" -o "$T/$name.fo"
	check "$name: xmllint accepts the layout" xmllint --noout --relaxng "$RNG" "$T/$name.fo"
	valid="$valid $T/$name.fo"
done
# shellcheck disable=SC2086
jing_all "jing accepts every expected and every corpus layout" $valid

# layouts outside the subset
cd "$G/bad" || exit 1
jing "$RNG" *.fo >"$T/.jing" 2>&1
for f in *.fo; do
	expect_exit 1 "bad/$f: refused" soan generate "$f" -o "$T/out.docx"
	same "${f%.fo}.err" "$T/.err" "bad/$f: the exact message"
	[ ! -e "$T/out.docx" ] && ok "bad/$f: no output file" || not_ok "bad/$f: no output file"
	case $f in
	semantic-*)
		grep -q "$f" "$T/.jing" && not_ok "bad/$f: valid by the schema (only fo_check sees it)" ||
			ok "bad/$f: valid by the schema (only fo_check sees it)"
		check "bad/$f: xmllint accepts it too" xmllint --noout --relaxng "$RNG" "$f" ;;
	*)
		grep -q "$f:[0-9]*:[0-9]*: error" "$T/.jing" && ok "bad/$f: jing refuses it" || not_ok "bad/$f: jing refuses it"
		xmllint --noout --relaxng "$RNG" "$f" >/dev/null 2>&1 && not_ok "bad/$f: xmllint refuses it" ||
			ok "bad/$f: xmllint refuses it" ;;
	esac
done
finish
