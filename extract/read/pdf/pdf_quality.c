/* pdf_quality.c - is a PDF's text layer worth reading?
 *
 * Owns the two refusals that protect the recognizer from garbage: a PDF
 * with (almost) no text is a scan; a PDF whose text is not Vietnamese is
 * a scan with a bad OCR layer ("Ldm D6ng, ngdy" for "Lâm Đồng, ngày").
 * The measure: split the text into tokens of letters and digits; a token
 * that mixes letters and digits counts against; each letter token is
 * checked as a Vietnamese syllable (initial consonant, one to three
 * vowels, final consonant, after removing diacritics) and for carrying a
 * Vietnamese diacritic.  Acronyms (all capitals, not a syllable: UBND,
 * CCHC) are not scored.  Real Vietnamese prose scores above 85% valid and
 * 55% marked; English-trained OCR of Vietnamese scores well under half. */
#include <string.h>

#include <utf8proc.h>

#include "extract/read/pdf/pdf_analyze.h"

static const char *const initials[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d",
    "D",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x", "",
};
static const char *const finals[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t", ""};

static int is_vowel(char c)
{
	return c && strchr("aeiouy", c) != NULL;
}

/* Does rest (lower case, no diacritics) read as vowels + final? */
static int rhyme_ok(const char *s, size_t n)
{
	size_t v = 0;
	while (v < n && is_vowel(s[v]))
		v++;
	if (v == 0 || v > 3)
		return 0;
	for (size_t f = 0; f < sizeof finals / sizeof finals[0]; f++) {
		size_t fl = strlen(finals[f]);
		if (n - v == fl && !memcmp(s + v, finals[f], fl))
			return 1;
	}
	return 0;
}

static int syllable_ok(const char *s, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	for (size_t i = 0; i < sizeof initials / sizeof initials[0]; i++) {
		size_t il = strlen(initials[i]);
		if (il <= n && !memcmp(s, initials[i], il)) {
			/* "gi" and "qu" may lend their vowel to the rhyme: "gìn" */
			if (rhyme_ok(s + il, n - il))
				return 1;
			if (il == 2 && (s[0] == 'g' || s[0] == 'q') && n > 2 && !is_vowel(s[2]) &&
			    rhyme_ok(s + 1, n - 1))
				return 1;
		}
	}
	return 0;
}

struct token {
	char base[16]; /* lower-case base letters; 'D' stands for đ */
	size_t n;
	int letters, digits, upper, marked, toolong;
};

static void score(struct pdf_quality *q, const struct token *t)
{
	if (!t->letters)
		return;
	if (t->digits) {
		q->tokens++;
		q->mixed++;
		return;
	}
	int ok = !t->toolong && syllable_ok(t->base, t->n);
	if (!ok && t->upper == t->letters && t->letters >= 2)
		return; /* an acronym */
	q->tokens++;
	q->valid += (size_t)ok;
	q->marked += (size_t)(t->marked != 0);
}

void pdf_quality_add(struct pdf_quality *q, const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	struct token t;
	memset(&t, 0, sizeof t);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			k = 1;
			cp = ' ';
		}
		p += k;
		left -= k;
		if (cp > ' ')
			q->chars++;
		utf8proc_category_t cat = utf8proc_category(cp);
		int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		int digit = cat == UTF8PROC_CATEGORY_ND;
		if ((cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC) && t.letters) {
			t.marked++; /* a decomposed diacritic */
			continue;
		}
		if (!letter && !digit) {
			score(q, &t);
			memset(&t, 0, sizeof t);
			continue;
		}
		if (digit) {
			t.digits++;
			continue;
		}
		t.letters++;
		if (utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU)
			t.upper++;
		utf8proc_int32_t dec[4];
		int last = 0;
		utf8proc_ssize_t m = utf8proc_decompose_char(
		    cp, dec, 4, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
		char base = '?';
		if (m >= 1) {
			if (dec[0] < 128 && dec[0] >= 'a' && dec[0] <= 'z')
				base = (char)dec[0];
			else if (dec[0] == 0x111)
				base = 'D', t.marked++;
			for (utf8proc_ssize_t j = 1; j < m && j < 4; j++)
				if (dec[j] >= 0x300 && dec[j] <= 0x36F)
					t.marked++;
		}
		if (t.n < sizeof t.base - 1)
			t.base[t.n++] = base;
		else
			t.toolong = 1;
	}
	score(q, &t);
}

int pdf_quality_verdict(const struct pdf_quality *q, unsigned pages)
{
	if (q->chars < 50 || q->chars < 10 * (size_t)pages)
		return 1;
	if (q->tokens >= 30 && (q->valid * 10 < q->tokens * 6 || q->marked * 10 < q->tokens * 2))
		return 2;
	return 0;
}
