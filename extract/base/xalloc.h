/* xalloc.h - allocation wrappers that never return NULL.
 *
 * Running out of memory is not an input error: these print one line and
 * abort, so no caller checks for NULL after an allocation.  Memory from
 * these functions is released with free(). */
#ifndef SOAN_XALLOC_H
#define SOAN_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of nmemb elements of size bytes to hold at least need
 * elements; *alloc is updated.  Checks the multiplication for overflow. */
void *xgrow(void *p, size_t size, size_t need, size_t *alloc);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
