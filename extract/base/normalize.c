/* normalize.c - NFC and text cleanup (see normalize.h). */
#include "extract/base/normalize.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"

size_t utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t i = 0;
	unsigned long cp;
	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

long utf8_next(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char *p = *pp;
	unsigned long cp;
	size_t n = p < end ? utf8_decode(p, (size_t)(end - p), &cp) : 0;
	if (!n) {
		*pp = p + (p < end);
		return -1;
	}
	*pp = p + n;
	return (long)cp;
}

int utf8_put(long cp, char out[4])
{
	return (int)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
}

/* Map one code point before normalization; returns the replacement, or
 * -1 to drop it. */
static long clean_cp(long cp)
{
	switch (cp) {
	case 0x00D0: /* Ð ETH, seen for Đ in real files */ return 0x0110;
	case 0x00F0: /* ð eth */ return 0x0111;
	case 0x0340: /* deprecated combining grave/acute tone marks */ return 0x0300;
	case 0x0341: return 0x0301;
	case 0x00A0: /* no-break spaces and other spaces */
	case 0x2002:
	case 0x2003:
	case 0x2004:
	case 0x2005:
	case 0x2006:
	case 0x2007:
	case 0x2008:
	case 0x2009:
	case 0x200A:
	case 0x202F:
	case 0x205F:
	case 0x3000:
	case '\v':
	case '\f': return ' ';
	case 0x200B: /* zero-width space, joiners, BOM, soft hyphen, and the */
	case 0x200C: /* non-characters U+FFFE and U+FFFF, which XML may not hold */
	case 0x200D:
	case 0x2060:
	case 0xFEFF:
	case 0x00AD:
	case 0xFFFE:
	case 0xFFFF: return -1;
	default:
		if (cp < 0x20 && cp != '\n' && cp != '\t')
			return -1;
		return cp;
	}
}

/* Is cp certainly unchanged by NFC, whatever follows it?  True for every
 * code point below U+0300 (no combining marks, no exclusions there), for
 * Vietnamese precomposed letters (U+1E00-U+1EFF), general punctuation and
 * currency signs; the other ranges go through utf8proc. */
static int nfc_stable(long cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF);
}

char *text_clean(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int need_nfc = 0;
	buf_grow(&b, len);
	while (p < end) {
		/* printable ASCII needs nothing: copy it in runs */
		const unsigned char *q = p;
		while (q < end && *q >= 0x20 && *q < 0x7F)
			q++;
		if (q > p) {
			buf_add(&b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		const unsigned char *at = p;
		long cp = utf8_next(&p, end);
		if (cp < 0)
			cp = 0xFFFD;
		long mapped = clean_cp(cp);
		if (mapped < 0)
			continue;
		if (!nfc_stable(mapped))
			need_nfc = 1;
		if (mapped == cp && p - at > 0 && cp != 0xFFFD) {
			buf_add(&b, at, (size_t)(p - at));
		} else {
			char tmp[4];
			buf_add(&b, tmp, (size_t)utf8_put(mapped, tmp));
		}
	}
	if (need_nfc) {
		/* NFC; utf8proc allocates the result */
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t n =
		    utf8proc_map((const utf8proc_uint8_t *)b.ptr, (utf8proc_ssize_t)b.len, &nfc,
		                 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n >= 0) {
			buf_reset(&b);
			buf_add(&b, nfc, (size_t)n);
		}
		free(nfc);
	}
	/* collapse runs of spaces, trim; a run of spaces and tabs holding a tab
	 * is one tab (it separates columns typed with tab stops: "Nơi nhận:
	 * <tab> KT. CHỦ TỊCH"); tabs and spaces at line ends go */
	size_t w = 0;
	int bol = 1;
	for (size_t r = 0; r < b.len; r++) {
		char c = b.ptr[r];
		if (c == ' ' || c == '\t') {
			int tab = 0;
			size_t e = r;
			while (e < b.len && (b.ptr[e] == ' ' || b.ptr[e] == '\t'))
				tab |= b.ptr[e++] == '\t';
			if (!bol && e < b.len && b.ptr[e] != '\n')
				b.ptr[w++] = tab ? '\t' : ' ';
			r = e - 1;
			continue;
		}
		bol = c == '\n';
		b.ptr[w++] = c;
	}
	while (w && (b.ptr[w - 1] == ' ' || b.ptr[w - 1] == '\n' || b.ptr[w - 1] == '\t'))
		w--;
	if (b.alloc)
		buf_setlen(&b, w);
	return buf_detach(&b, NULL);
}

/* ---- folded keys ------------------------------------------------------ */

static int is_tone_mark(long cp)
{
	return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}

static int is_word_cp(long cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* One word w[0..n) of decomposed, case-folded code points: when it is a
 * syllable whose vowels are exactly oa, oe or uy at its end, after a
 * consonant onset other than "q" (or none), and the tone mark sits on the
 * second vowel, move it to the first.  n never changes. */
static void fold_open_syllable(utf8proc_int32_t *w, size_t n)
{
	/* the word ends V1 [tone] V2 [tone] */
	size_t i2 = n, i1, tone_at = n;
	while (i2 > 0 && is_tone_mark(w[i2 - 1]))
		i2--;
	if (i2 == 0 || n - i2 > 1)
		return;
	i2--; /* V2 */
	i1 = i2;
	if (i1 > 0 && is_tone_mark(w[i1 - 1])) {
		i1--;
		tone_at = i1;
	}
	if (i1 == 0)
		return;
	i1--; /* V1 */
	utf8proc_int32_t v1 = w[i1], v2 = w[i2];
	if (!((v1 == 'o' && (v2 == 'a' || v2 == 'e')) || (v1 == 'u' && v2 == 'y')))
		return;
	if (tone_at != n)
		return; /* already on the first vowel (or two tones: not ours) */
	if (i2 + 1 == n)
		return; /* no tone at all */
	/* the onset: consonants only, not ending in q */
	for (size_t k = 0; k < i1; k++)
		if (!(w[k] > 0 && w[k] < 0x80 && strchr("bcdghklmnprstvx", (int)w[k])) &&
		    w[k] != 0x0111)
			return;
	if (i1 > 0 && w[i1 - 1] == 'q')
		return;
	utf8proc_int32_t tone = w[n - 1];
	w[i1 + 2] = v2;
	w[i1 + 1] = tone;
}

char *text_fold(const char *s)
{
	/* map lookalikes, then decompose and case fold */
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			cp = 0xFFFD;
		else if (cp == 0x00D0 || cp == 0x00F0)
			cp = 0x0111;
		char tmp[4];
		buf_add(&b, tmp, (size_t)utf8_put(cp, tmp));
	}
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD;
	utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)b.ptr,
	                                        (utf8proc_ssize_t)b.len, NULL, 0, opt);
	if (n < 0) {
		buf_release(&b);
		return xstrdup("");
	}
	utf8proc_int32_t *cps = xmalloc(((size_t)n + 1) * sizeof *cps);
	n = utf8proc_decompose((const utf8proc_uint8_t *)b.ptr, (utf8proc_ssize_t)b.len, cps, n,
	                       opt);
	buf_release(&b);
	if (n < 0)
		n = 0;
	/* tone placement, word by word */
	for (size_t i = 0; i < (size_t)n;) {
		if (!is_word_cp(cps[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < (size_t)n && is_word_cp(cps[j]))
			j++;
		fold_open_syllable(cps + i, j - i);
		i = j;
	}
	/* compose (NFC) and encode in place */
	utf8proc_ssize_t len = utf8proc_reencode(cps, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	char *key = len < 0 ? xstrdup("") : xstrndup((const char *)cps, (size_t)len);
	free(cps);
	return key;
}
