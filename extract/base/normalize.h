/* normalize.h - Unicode normalization and text cleanup before recognition.
 *
 * Everything the recognizer matches is NFC (utf8proc).  Readers may hand
 * over decomposed text, U+0340/U+0341, lookalike letters (U+00D0 Ð for
 * Đ), non-breaking and zero-width spaces; text_clean() fixes all of
 * these (blocks_normalize() in extract/read/blocks.h applies it to a
 * reader's blocks). */
#ifndef SOAN_NORMALIZE_H
#define SOAN_NORMALIZE_H

#include <stddef.h>

#include "extract/base/diag.h"

/* NFC of valid UTF-8 s[0..len), with the cleanups above and runs of
 * spaces collapsed; trims both ends.  Returns a malloc'd string. */
char *text_clean(const char *s, size_t len);

/* A key for matching words written in different ways: NFC, case folded
 * (Vietnamese lower case, Đ to đ), decomposed input and U+0340/U+0341
 * composed, and the tone mark of an open syllable ending in oa, oe or uy
 * put on its first vowel ("old style": hoà, Uỷ, khoẻ give the keys of
 * hòa, ủy, khỏe).  Syllables with a final consonant (hoàng, toàn,
 * thuyền) and "qu" + y (quý) are the same in both styles and are left
 * alone.  Only keys are folded; output text keeps the document's own
 * spelling.  s is UTF-8 (bad bytes become U+FFFD); returns a malloc'd
 * string. */
char *text_fold(const char *s);

/* Decode the code point at p, with n bytes available: returns its length
 * (1-4) and sets *cp, or returns 0 when p does not start valid UTF-8 (a
 * stray byte, an overlong form, a surrogate, beyond U+10FFFF, cut short).
 * The one UTF-8 decoder of the project; inline for the hot loops. */
static inline size_t utf8_decode(const unsigned char *p, size_t n, unsigned long *cp)
{
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned long v;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, v = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, v = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, v = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (p[k] & 0x3F);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

/* Is s[0..len) valid UTF-8 (no overlongs, no surrogates)?  Returns the
 * byte offset of the first bad sequence, or len when all is valid. */
size_t utf8_valid_prefix(const unsigned char *s, size_t len);

/* Decode one UTF-8 code point at *p (advancing it); -1 on a bad byte
 * (advances one byte). */
long utf8_next(const unsigned char **p, const unsigned char *end);
/* Append code point cp as UTF-8; returns bytes written (1-4) to out[4]. */
int utf8_put(long cp, char out[4]);

#endif
