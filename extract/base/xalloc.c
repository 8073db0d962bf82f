/* xalloc.c - the allocation wrappers of xalloc.h, and the leak checker's
 * settings in AddressSanitizer builds (here because every program soan
 * builds links this file). */
#include "extract/base/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/sanitize.h"

static void die_oom(size_t n)
{
	fprintf(stderr, "soan: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		die_oom(nmemb * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

void *xgrow(void *p, size_t size, size_t need, size_t *alloc)
{
	size_t n = *alloc;
	if (need <= n)
		return p;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die_oom(SIZE_MAX);
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	*alloc = n;
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die_oom(0);
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Poppler's font lookup (the PDF reader) and the PDF writer's font search
 * initialize fontconfig once per process and keep its configuration to
 * the end (the allocations tests/valgrind.supp suppresses for FcInit).
 * LeakSanitizer reads these hooks from the program. */
#ifdef SOAN_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
/* The sanitizer runtimes of gcc 12 and clang 14 (Debian 12) take a block
 * of dynamic TLS (a thread variable of a library loaded by dlopen, as the
 * PDF plugin's poppler, cairo and glib are) for one with a glibc 2.19
 * header whenever its address lies 16 bytes into a page, and read a
 * garbage range from the two words before it: the leak check at exit
 * then dies ("Tracer caught signal 11", a sanitizer exit and three more
 * lines on stderr) though nothing leaked.  A known fault of the runtime
 * (google/sanitizers issue 1322), soan's code not involved; it struck 1
 * of the 1,685 PDFs of make robustness, every time.  Without the
 * __tls_get_addr interceptor LeakSanitizer does not scan dynamic TLS, so
 * memory only a pointer there holds would be reported as leaked: none is,
 * in make check's sanitizer pass or in make robustness. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "intercept_tls_get_addr=0";
}
#endif
