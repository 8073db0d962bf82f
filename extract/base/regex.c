/* regex.c - compiling patterns with pcre2 (see regex.h).  pcre2 allocates
 * through xalloc, so running out of memory ends the same way everywhere. */
#include "extract/base/regex.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/xalloc.h"

static void *pcre_alloc(size_t n, void *data)
{
	(void)data;
	return xmalloc(n);
}

static void pcre_free(void *p, void *data)
{
	(void)data;
	free(p);
}

/* The contexts every compile and match data use, made once. */
static pcre2_general_context *gctx;
static pcre2_compile_context *cctx;

static void contexts(void)
{
	if (gctx)
		return;
	gctx = pcre2_general_context_create(pcre_alloc, pcre_free, NULL);
	cctx = pcre2_compile_context_create(gctx);
}

/* Is JIT wanted?  Asked once: SOAN_NO_JIT set and not "0" turns it off. */
static int use_jit(void)
{
	static int jit = -1;
	if (jit < 0) {
		const char *nj = getenv("SOAN_NO_JIT");
		jit = !nj || !*nj || !strcmp(nj, "0");
	}
	return jit;
}

pcre2_code *regex_compile(const char *pat, size_t len, uint32_t flags, struct diag *d)
{
	int err;
	PCRE2_SIZE off;
	contexts();
	pcre2_code *code =
	    pcre2_compile((PCRE2_SPTR)pat, len == REGEX_NUL ? PCRE2_ZERO_TERMINATED : len,
	                  PCRE2_UTF | PCRE2_UCP | flags, &err, &off, cctx);
	if (!code) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(err, msg, sizeof msg);
		diag_error(d, "%s (at offset %zu of the pattern)", (const char *)msg, (size_t)off);
		return NULL;
	}
	if (use_jit())
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

pcre2_code *regex_code(struct regex *r)
{
	if (!r->code) {
		struct diag d;
		diag_init(&d, "soan");
		r->code = regex_compile(r->pattern, REGEX_NUL, r->flags, &d);
		diag_release(&d);
		if (!r->code)
			abort(); /* BUG: soan's own pattern (its unit test compiles it) */
	}
	return r->code;
}

int regex_match(struct regex *r, const char *s, size_t len, size_t start, uint32_t options,
                pcre2_match_data *md)
{
	return pcre2_match(regex_code(r), (PCRE2_SPTR)s, len, start, options, md, NULL);
}

void regex_release(struct regex *r)
{
	pcre2_code_free(r->code);
	r->code = NULL;
}

pcre2_match_data *regex_match_data(uint32_t n)
{
	contexts();
	return pcre2_match_data_create(n, gctx);
}
