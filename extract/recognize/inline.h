/* inline.h - marking amounts and deadlines inside running text.
 *
 * inline_mark() appends text to an element (nothing when n is NULL or
 * len 0), wrapping each budget amount
 * in <amount value unit> and each deadline in <deadline day month year
 * recurrence>, so that string(element) stays the text as written. */
#ifndef SOAN_INLINE_H
#define SOAN_INLINE_H

#include <stddef.h>

#include <libxml/tree.h>

void inline_mark(xmlNodePtr n, const char *text, size_t len);

/* Parse an amount written in Vietnamese style ("350.000.000", "1,5" with
 * multiplier word "tỷ") into đồng; 0 on success, -1 when it does not fit. */
int amount_value(const char *digits, size_t dlen, const char *frac, size_t flen, const char *mult,
                 size_t mlen, unsigned long long *value);

#endif
