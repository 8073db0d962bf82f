/* buf.c - the growable byte buffer of buf.h. */
#include "extract/base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/xalloc.h"

char buf_empty[1];

void buf_init(struct buf *b)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void buf_release(struct buf *b)
{
	if (b->alloc)
		free(b->ptr);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < b->len)
		xmalloc((size_t)-1); /* overflow: dies */
	if (need <= b->alloc)
		return;
	if (!b->alloc)
		b->ptr = NULL;
	b->ptr = xgrow(b->ptr, 1, need, &b->alloc);
	if (b->len == 0)
		b->ptr[0] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	buf_grow(b, len);
	memmove(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_setlen(struct buf *b, size_t len)
{
	if (!b->alloc) {
		if (len)
			abort(); /* BUG: cannot extend the shared empty string */
		return;
	}
	if (len >= b->alloc)
		abort();
	b->len = len;
	b->ptr[len] = '\0';
}

void buf_trim(struct buf *b)
{
	size_t s = 0, e = b->len;
	while (s < e && strchr(" \t\r\n\f\v", b->ptr[s]))
		s++;
	while (e > s && strchr(" \t\r\n\f\v", b->ptr[e - 1]))
		e--;
	if (s == 0 && e == b->len)
		return;
	memmove(b->ptr, b->ptr + s, e - s);
	buf_setlen(b, e - s);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;
	if (len)
		*len = b->len;
	if (!b->alloc)
		p = xstrdup("");
	else
		p = b->ptr;
	buf_init(b);
	return p;
}
