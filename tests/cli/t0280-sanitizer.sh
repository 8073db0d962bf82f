#!/bin/sh
# The sanitizer build's own settings (extract/base/xalloc.c): make check's
# second pass and make robustness rely on them.  Other builds skip.
. "$(dirname "$0")/../lib.sh"

case ${SANITIZE:-} in
*address*) ;;
*)
	ok "sanitizer settings: not a sanitizer build # SKIP"
	finish
	;;
esac

# ASan prints every flag with its value; the program's defaults apply.
ASAN_OPTIONS=help=1 "$SOAN" --help >/dev/null 2>"$T/flags"
# gcc 12's runtime misreads a dynamic TLS block 16 bytes into a page as
# glibc 2.19's and its leak check dies at exit (pdf.js's
# tracemonkey_annotation_on_page_8.pdf, make robustness)
if grep -A1 '^[[:space:]]*intercept_tls_get_addr$' "$T/flags" | grep -q 'Current Value: false'; then
	ok "sanitizer build: __tls_get_addr not intercepted"
else
	not_ok "sanitizer build: __tls_get_addr not intercepted"
	grep -A1 'intercept_tls_get_addr' "$T/flags" | sed 's/^/#   /'
fi
finish
