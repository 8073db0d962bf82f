/* buf.h - the one growable byte buffer.
 *
 * Invariants: b->ptr is never NULL and is always NUL-terminated, so
 * b->ptr can be passed to any string function at any time.  A buffer
 * starts as BUF_INIT (pointing at a shared empty string, no allocation).
 * Its bytes leave only through buf_detach(), after which the caller
 * frees them with free(); buf_release() frees and resets to BUF_INIT. */
#ifndef SOAN_BUF_H
#define SOAN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len;
	size_t alloc; /* 0 while ptr points at the shared empty string */
};

extern char buf_empty[];
#define BUF_INIT                                                                                   \
	{                                                                                          \
		buf_empty, 0, 0                                                                    \
	}

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* Keep the allocation, drop the contents. */
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_setlen(struct buf *b, size_t len);
/* Remove ASCII whitespace at both ends. */
void buf_trim(struct buf *b);
/* Hand the bytes to the caller (free() them); b is BUF_INIT after. */
char *buf_detach(struct buf *b, size_t *len);

#endif
