#!/bin/sh
# --help on stdout with exit 0; misuse on stderr with exit 2; --version.
. "$(dirname "$0")/../lib.sh"

expect_exit 0 "soan --help exits 0" soan --help
grep -q "^usage: soan COMMAND" "$T/.out" && ok "--help prints usage on stdout" || not_ok "--help prints usage on stdout"
expect_exit 0 "soan --version exits 0" soan --version
grep -q "^soan [0-9]" "$T/.out" && ok "--version prints the version" || not_ok "--version prints the version"
expect_exit 2 "no command is a usage error" soan
expect_exit 2 "an unknown command is a usage error" soan frobnicate
grep -q "unknown command 'frobnicate'" "$T/.err" && ok "unknown command named on stderr" || not_ok "unknown command named on stderr"
[ ! -s "$T/.out" ] && ok "misuse prints nothing on stdout" || not_ok "misuse prints nothing on stdout"
for c in $(soan --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
	expect_exit 0 "soan help $c exits 0" soan help "$c"
	grep -q "^usage: soan $c" "$T/.out" && ok "soan help $c shows its usage" || not_ok "soan help $c shows its usage"
	expect_exit 0 "soan $c --help exits 0" soan "$c" --help
	expect_exit 2 "soan $c --bogus is a usage error" soan "$c" --bogus
done
expect_exit 2 "extract with no file is a usage error" soan extract
expect_exit 2 "extract of two files without --outdir is a usage error" soan extract a b
finish
