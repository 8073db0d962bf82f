/* encoding.c - the bytes of a text file to UTF-8 (see encoding.h).
 *
 * Owns: BOMs and UTF-16, the legacy Vietnamese 8-bit encodings (tables in
 * encoding.inc, generated from the tables in extract/read/encodings/), telling them apart
 * by scoring each candidate decoding against the shape of Vietnamese
 * syllables, repairing UTF-8 that is TCVN3 or VNI read as Windows-1252,
 * and the text of DOCX runs in 8-bit Vietnamese fonts.  Plain UTF-8, the
 * common case, costs one validity pass and one cheap pass looking for
 * mojibake cues; nothing is scored unless those cues are there.
 * It does not normalize (the caller brings text to NFC) and never prints. */
#include "extract/read/encoding.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"

struct enc_pair {
	unsigned char base, mark;
	uint16_t cp;
};

#include "extract/read/encoding.inc"

/* A legacy 8-bit encoding: one row per byte, and for VNI the base + mark
 * pairs tried first. */
struct legacy {
	enum text_encoding enc;
	const uint16_t (*map)[2];
	const unsigned char *fallback;
	const struct enc_pair *pairs;
	size_t npairs;
};

#define NPAIRS(a) (sizeof(a) / sizeof((a)[0]))

/* In order of preference when two decodings score the same: TCVN3 and VN1
 * agree on lower-case letters, and TCVN3 is by far the more common. */
static const struct legacy legacies[] = {
    {ENC_TCVN3, enc_tcvn3, enc_tcvn3_fallback, NULL, 0},
    {ENC_VN1, enc_vn1, enc_vn1_fallback, NULL, 0},
    {ENC_VNI, enc_vni, enc_vni_fallback, enc_vni_pairs, NPAIRS(enc_vni_pairs)},
    {ENC_CP1258, enc_cp1258, enc_cp1258_fallback, NULL, 0},
};

/* How much of a file the detector scores: plenty to decide, and a bound
 * on the work for a large file. */
#define SCORE_SAMPLE_BYTES (256u * 1024)

const char *encoding_name(enum text_encoding e)
{
	switch (e) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_CP1258: return "Windows-1258";
	case ENC_TCVN3: return "TCVN3 (ABC)";
	case ENC_VN1: return "TCVN 5712 VN1";
	case ENC_VNI: return "VNI-Windows";
	case ENC_TCVN3_AS_1252: return "TCVN3 read as Windows-1252";
	case ENC_VNI_AS_1252: return "VNI read as Windows-1252";
	}
	return "unknown";
}

static const struct legacy *legacy_for(enum text_encoding e)
{
	if (e == ENC_TCVN3_AS_1252)
		e = ENC_TCVN3;
	else if (e == ENC_VNI_AS_1252)
		e = ENC_VNI;
	for (size_t i = 0; i < NPAIRS(legacies); i++)
		if (legacies[i].enc == e)
			return &legacies[i];
	return NULL;
}

/* utf8_next() without the call: the detector walks every candidate
 * decoding character by character. */
static long next_cp(const unsigned char **pp, const unsigned char *end)
{
	unsigned long cp;
	size_t n = utf8_decode(*pp, (size_t)(end - *pp), &cp);
	if (!n) {
		*pp += 1;
		return -1;
	}
	*pp += n;
	return (long)cp;
}

static void put_cp(struct buf *out, long cp)
{
	char tmp[4];
	buf_add(out, tmp, (size_t)utf8_put(cp, tmp));
}

/* ---- decoding with a table ------------------------------------------------ */

/* What a decoding met that real text in that encoding would not have. */
struct tally {
	size_t fallback;  /* letters or marks from bytes that are no letter of it */
	size_t undefined; /* bytes it leaves undefined */
	size_t foreign;   /* characters passed through unconverted (1252 repair) */
};

static int is_letter_or_mark(long cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static int pair_cmp(const void *key, const void *elem)
{
	const struct enc_pair *a = key, *b = elem;
	if (a->base != b->base)
		return a->base < b->base ? -1 : 1;
	return a->mark < b->mark ? -1 : a->mark > b->mark;
}

/* The letter for base + mark, accepting a mark byte of the other case
 * (VNI mark bytes come in pairs 0x20 apart); NULL when they are no pair. */
static const struct enc_pair *find_pair(const struct legacy *t, unsigned char base,
                                        unsigned char mark)
{
	struct enc_pair key = {base, mark, 0};
	const struct enc_pair *p = bsearch(&key, t->pairs, t->npairs, sizeof *p, pair_cmp);
	if (!p) {
		key.mark = mark ^ 0x20;
		if (key.mark >= 0x80)
			p = bsearch(&key, t->pairs, t->npairs, sizeof *p, pair_cmp);
	}
	return p;
}

static void legacy_decode(const struct legacy *t, const unsigned char *p, size_t len,
                          struct buf *out, struct tally *tl)
{
	buf_grow(out, len + len / 2);
	for (size_t i = 0; i < len; i++) {
		unsigned char b = p[i];
		if (t->pairs && i + 1 < len && p[i + 1] >= 0x80) {
			const struct enc_pair *pr = find_pair(t, b, p[i + 1]);
			if (pr) {
				put_cp(out, pr->cp);
				i++;
				continue;
			}
		}
		if (b < 0x80 && b >= 0x20) { /* ASCII in every table here */
			buf_addc(out, (char)b);
			continue;
		}
		const uint16_t *m = t->map[b];
		if (m[0] == ENC_UNDEF || m[0] == 0) {
			put_cp(out, 0xFFFD);
			if (tl)
				tl->undefined++;
			continue;
		}
		put_cp(out, m[0]);
		if (m[1])
			put_cp(out, m[1]);
		if (tl && t->fallback[b] && is_letter_or_mark(m[0]))
			tl->fallback++;
	}
}

/* The byte whose Windows-1252 reading is cp, or -1.  C1 controls and
 * Latin-1 map to themselves (Word keeps the bytes 1252 leaves undefined
 * that way), and symbol-font private-use characters U+F020-U+F0FF to
 * their low byte. */
static int cp1252_byte(long cp)
{
	if (cp >= 0 && cp < 0x100)
		return (int)cp;
	if (cp >= 0xF020 && cp <= 0xF0FF)
		return (int)(cp - 0xF000);
	for (int b = 0x80; b < 0xA0; b++)
		if (enc_cp1252[b][0] == cp)
			return b;
	return -1;
}

/* UTF-8 text whose characters are the Windows-1252 readings of bytes in
 * t's encoding: back to bytes, then through t.  Characters that are no
 * Windows-1252 reading pass through unchanged. */
static void from_1252(const struct legacy *t, const char *s, size_t len, struct buf *out,
                      struct tally *tl)
{
	unsigned char chunk[4096];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		const unsigned char *at = p;
		long cp = next_cp(&p, end);
		int b = cp < 0 ? -1 : cp1252_byte(cp);
		if (b > 0 && n < sizeof chunk) {
			chunk[n++] = (unsigned char)b;
			continue;
		}
		/* flush; a full chunk is cut before a base byte, never between
		 * a VNI base and its mark */
		size_t keep = 0;
		if (b > 0 && n && t->pairs)
			keep = 1;
		legacy_decode(t, chunk, n - keep, out, tl);
		memmove(chunk, chunk + n - keep, keep);
		n = keep;
		if (b > 0) {
			chunk[n++] = (unsigned char)b;
		} else if (cp < 0) {
			put_cp(out, 0xFFFD);
		} else {
			buf_add(out, at, (size_t)(p - at));
			if (tl && cp >= 0x80)
				tl->foreign++;
		}
	}
	legacy_decode(t, chunk, n, out, tl);
}

/* ---- UTF-16 ------------------------------------------------------------------ */

static int decode_utf16(const unsigned char *p, size_t len, int be, struct buf *out, struct diag *d)
{
	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned long u = be ? (unsigned long)(p[i] << 8 | p[i + 1])
		                     : (unsigned long)(p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 3 >= len)
				return diag_error(d, "truncated UTF-16 surrogate pair");
			unsigned long lo = be ? (unsigned long)(p[i + 2] << 8 | p[i + 3])
			                      : (unsigned long)(p[i + 3] << 8 | p[i + 2]);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return diag_error(d, "invalid UTF-16 surrogate pair at byte %zu",
				                  i);
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			return diag_error(d, "invalid UTF-16 at byte %zu", i);
		}
		if (u == 0)
			return diag_error(d, "binary data (NUL character) in UTF-16 text");
		put_cp(out, (long)u);
	}
	return 0;
}

/* ---- how Vietnamese a text looks ----------------------------------------------- */

enum { TOK_NONE, TOK_GOOD, TOK_BAD };

static int rhyme_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int is_rhyme(const char *r)
{
	return bsearch(r, enc_rhymes, NPAIRS(enc_rhymes), sizeof enc_rhymes[0], rhyme_cmp) != NULL;
}

/* Is code (letters in the rhyme code of encoding.inc: ă=B â=A ê=E ô=O
 * ơ=W ư=U đ=D) with tone (a combining tone mark, 0 for none) a Vietnamese
 * syllable: an onset, a rhyme, and a tone the rhyme allows? */
static int is_syllable(const char *code, long tone)
{
	static const char *const onsets[] = {
	    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d",
	    "D",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x", "",
	};
	for (size_t i = 0; i < NPAIRS(onsets); i++) {
		size_t n = strlen(onsets[i]);
		if (strncmp(code, onsets[i], n))
			continue;
		const char *r = code + n;
		if (!*r && !strcmp(onsets[i], "gi"))
			r = "i"; /* gì: g + ì */
		if (!*r || !is_rhyme(r))
			continue;
		size_t rl = strlen(r);
		char last = r[rl - 1];
		int stop = last == 'c' || last == 'p' || last == 't' ||
		           (last == 'h' && rl >= 2 && r[rl - 2] == 'c');
		if (stop && tone != 0x0301 && tone != 0x0323)
			continue; /* các, học: only sắc and nặng before a stop */
		return 1;
	}
	return 0;
}

static int is_tone(long cp)
{
	return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}

/* One word w[0..n): TOK_NONE when it is ASCII, has no vowel (UBND, HĐND)
 * or is one capital letter alone (VN1 reads TCVN3's dash in "Phát thanh
 * – Truyền hình" as "Ọ"), TOK_GOOD when it is a Vietnamese syllable,
 * TOK_BAD otherwise. */
static int classify_word(const int32_t *w, size_t n)
{
	if (n == 1 && w[0] >= 0x80 && utf8proc_category(w[0]) == UTF8PROC_CATEGORY_LU)
		return TOK_NONE;
	char code[16];
	size_t k = 0;
	long tone = 0;
	int ascii = 1, vowel = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] < 0x80) { /* is_word_char() let only letters through */
			if (k + 1 >= sizeof code)
				return ascii ? TOK_NONE : TOK_BAD;
			code[k++] = (char)(w[i] | 0x20);
			continue;
		}
		ascii = 0;
		utf8proc_int32_t d[8];
		int last = 0;
		utf8proc_ssize_t m = utf8proc_decompose_char(
		    w[i], d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
		if (m < 0 || m > 8)
			return TOK_BAD;
		for (utf8proc_ssize_t j = 0; j < m; j++) {
			long c = d[j];
			char *prev = k ? &code[k - 1] : NULL;
			if (is_tone(c)) {
				if (tone || !prev)
					return TOK_BAD;
				tone = c;
			} else if (c == 0x0302 && prev &&
			           (*prev == 'a' || *prev == 'e' || *prev == 'o')) {
				*prev = (char)(*prev - 'a' + 'A'); /* â ê ô: A E O */
			} else if (c == 0x0306 && prev && *prev == 'a') {
				*prev = 'B';
			} else if (c == 0x031B && prev && (*prev == 'o' || *prev == 'u')) {
				*prev = *prev == 'o' ? 'W' : 'U';
			} else if ((c >= 'a' && c <= 'z') || c == 0x0111) {
				if (k + 1 >= sizeof code)
					return ascii ? TOK_NONE : TOK_BAD;
				code[k++] = c == 0x0111 ? 'D' : (char)c;
			} else {
				return TOK_BAD;
			}
		}
	}
	if (ascii)
		return TOK_NONE;
	code[k] = 0;
	for (size_t i = 0; i < k; i++)
		if (strchr("aeiouyABEOWU", code[i]))
			vowel = 1;
	if (!vowel)
		return TOK_NONE;
	return is_syllable(code, tone) ? TOK_GOOD : TOK_BAD;
}

/* Characters that end a word: ASCII other than letters, spaces, general
 * punctuation (quotes, dashes, bullets).  Everything else, Latin-1
 * symbols included, belongs to the word, so "x·" and "Céng" are words. */
static int is_word_char(long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF)
		return 0;
	return 1;
}

int encoding_syllable(const char *s, size_t len)
{
	int32_t w[32];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		long cp = next_cp(&p, end);
		if (cp < 0 || n == NPAIRS(w))
			return 0;
		w[n++] = (int32_t)cp;
	}
	int c = n ? classify_word(w, n) : TOK_NONE;
	return c == TOK_GOOD ? 1 : c == TOK_BAD ? 0 : -1;
}

struct score {
	long good, bad;
};

/* Score UTF-8 text s[0..len) (valid or not). */
static void score_text(const char *s, size_t len, struct score *sc)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int32_t w[32];
	size_t n = 0, over = 0;
	for (;;) {
		long cp = p < end ? next_cp(&p, end) : -2;
		if (cp >= 0 && is_word_char(cp)) {
			if (n < NPAIRS(w))
				w[n++] = (int32_t)cp;
			else
				over = 1;
			continue;
		}
		if (n) {
			int c = over ? TOK_BAD : classify_word(w, n);
			sc->good += c == TOK_GOOD;
			sc->bad += c == TOK_BAD;
			n = over = 0;
		}
		if (cp == -2)
			break;
		if (cp == -1 || (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f'))
			sc->bad++; /* control characters: VN1 capitals read as something else */
	}
}

/* The verdict on one candidate: its words, less what its decoding met. */
static long score_value(const struct score *sc, const struct tally *tl)
{
	long bad = sc->bad + (long)(tl->fallback + tl->undefined + tl->foreign);
	return sc->good - 2 * bad;
}

/* Plausible Vietnamese: some syllables, and at least three good words for
 * each bad one. */
static int plausible(const struct score *sc, const struct tally *tl)
{
	long bad = sc->bad + (long)(tl->fallback + tl->undefined + tl->foreign);
	return sc->good >= 1 && sc->good >= 3 * bad;
}

/* ---- TCVN3 capitals ------------------------------------------------------------ */

/* TCVN3 has no upper-case toned vowels: "KẾ HOẠCH" arrives as "Kế HOạCH".
 * Restore words that are evidently capitals: a word whose other letters
 * are all upper case, when it has two of them or an upper-case letter
 * after the toned one (HOạCH, ủY), and in a line with no lower-case
 * letter but toned vowels, or next to such a restored word, the short
 * words with one capital (Kế in "Kế HOẠCH").  "Ủy ban" written in title
 * case cannot be told from "ủy ban" and stays as it is. */

enum { W_PLAIN, W_CAPS, W_AMBIG, W_TITLE /* capitalise the first letter */ };

struct word {
	size_t start, end; /* byte offsets in the text */
	int kind;
	int lower;       /* has a lower-case letter other than a toned vowel */
	int toned_first; /* starts with a lower-case toned vowel */
	int evidence;    /* W_CAPS with a non-ASCII letter: the line is Vietnamese capitals */
};

static int is_toned_lower(long cp)
{
	if (utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_LL)
		return 0;
	utf8proc_int32_t d[4];
	int last = 0;
	utf8proc_ssize_t m =
	    utf8proc_decompose_char((utf8proc_int32_t)cp, d, 4, UTF8PROC_DECOMPOSE, &last);
	for (utf8proc_ssize_t j = 1; j < m && j < 4; j++)
		if (is_tone(d[j]))
			return 1;
	return 0;
}

static void classify_caps(const char *s, struct word *w)
{
	const unsigned char *p = (const unsigned char *)s + w->start,
	                    *end = (const unsigned char *)s + w->end;
	size_t upper = 0, lower = 0, toned = 0, nonascii = 0;
	int upper_after_toned = 0;
	while (p < end) {
		int first = p == (const unsigned char *)s + w->start;
		long cp = next_cp(&p, end);
		if (cp < 0)
			continue;
		if (is_toned_lower(cp)) {
			w->toned_first |= first;
			toned++;
			continue;
		}
		utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
		if (c == UTF8PROC_CATEGORY_LU) {
			upper++;
			upper_after_toned |= toned > 0;
			nonascii += cp >= 0x80;
		} else if (c == UTF8PROC_CATEGORY_LL) {
			lower++;
		}
	}
	w->kind = W_PLAIN;
	w->lower = lower > 0;
	if (lower || !(upper || toned))
		return;
	if (upper >= 2 || upper_after_toned) {
		w->kind = W_CAPS;
		w->evidence = toned > 0 || nonascii > 0;
	} else if (toned) {
		w->kind = W_AMBIG;
	}
}

static void upcase_word(const char *s, const struct word *w, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s + w->start,
	                    *end = (const unsigned char *)s + w->end;
	while (p < end) {
		long cp = next_cp(&p, end);
		put_cp(out, cp < 0 ? 0xFFFD : utf8proc_toupper((utf8proc_int32_t)cp));
	}
}

/* Only list marks and numbering in s[a..b): "- ", "12. ", "(1) ", "• ". */
static int only_marks(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (strchr(" \t-+*#>|.()[]:0123456789", s[i]))
			continue;
		if (i + 2 < b &&
		    (!memcmp(s + i, "\xE2\x80\xA2", 3) || !memcmp(s + i, "\xE2\x80\x93", 3))) {
			i += 2; /* • – */
			continue;
		}
		return 0;
	}
	return 1;
}

/* The first word of the line made of words[i..j) after its list mark or
 * numbering ("a)", "IV."), or j when something else comes first. */
static size_t first_word(const char *s, const struct word *words, size_t i, size_t j)
{
	size_t start = words[i].start;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	if (!only_marks(s, start, words[i].start))
		return j;
	const struct word *w = &words[i];
	size_t len = w->end - w->start;
	char after = s[w->end];
	int roman = strspn(s + w->start, "IVXLivxl") == len;
	if ((after == ')' || after == '.') && (roman || len <= 2) && i + 1 < j &&
	    only_marks(s, w->end, words[i + 1].start))
		return i + 1; /* "a)", "đ)", "IV." */
	return i;
}

static void restore_caps(struct buf *text)
{
	struct word *words = NULL;
	size_t n = 0, alloc = 0;
	const unsigned char *base = (const unsigned char *)text->ptr;
	const unsigned char *p = base, *end = base + text->len;
	while (p < end) {
		const unsigned char *at = p;
		long cp = next_cp(&p, end);
		utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)(cp < 0 ? 0xFFFD : cp));
		int letter = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		             (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
		if (!letter)
			continue;
		if (n && words[n - 1].end == (size_t)(at - base)) {
			words[n - 1].end = (size_t)(p - base);
			continue;
		}
		words = xgrow(words, sizeof *words, n + 1, &alloc);
		words[n++] =
		    (struct word){(size_t)(at - base), (size_t)(p - base), W_PLAIN, 0, 0, 0};
	}
	int changed = 0;
	for (size_t i = 0; i < n; i++) {
		classify_caps(text->ptr, &words[i]);
		changed |= words[i].kind != W_PLAIN || words[i].toned_first;
	}
	if (!changed) {
		free(words);
		return;
	}
	/* lines: a line with evidence and no plain lower-case word is capitals */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		int evidence = 0, plain = 0;
		while (j < n && (j == i || !memchr(text->ptr + words[j - 1].end, '\n',
		                                   words[j].start - words[j - 1].end))) {
			evidence |= words[j].evidence;
			plain |= words[j].lower;
			j++;
		}
		for (size_t k = i; k < j; k++) {
			if (words[k].kind != W_AMBIG)
				continue;
			int near = (k > i && words[k - 1].evidence) ||
			           (k + 1 < j && words[k + 1].evidence);
			if ((evidence && !plain) || near)
				words[k].kind = W_CAPS;
		}
		size_t f = first_word(text->ptr, words, i, j);
		if (f < j && words[f].kind != W_CAPS && words[f].toned_first)
			words[f].kind = W_TITLE;
		i = j;
	}
	struct buf out = BUF_INIT;
	buf_grow(&out, text->len);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (words[i].kind != W_CAPS && words[i].kind != W_TITLE)
			continue;
		buf_add(&out, text->ptr + at, words[i].start - at);
		struct word w = words[i];
		if (w.kind == W_TITLE) {
			const unsigned char *q = (const unsigned char *)text->ptr + w.start;
			next_cp(&q, (const unsigned char *)text->ptr + w.end);
			w.end = (size_t)(q - (const unsigned char *)text->ptr);
		}
		upcase_word(text->ptr, &w, &out);
		at = w.end;
	}
	buf_add(&out, text->ptr + at, text->len - at);
	free(words);
	buf_release(text);
	*text = out;
}

/* ---- detection -------------------------------------------------------------------- */

/* One pass over the input: how much of it is valid UTF-8 (the offset of
 * the first bad sequence, or len), and cues that valid UTF-8 is 8-bit
 * Vietnamese read as Windows-1252: many Latin-1 characters and few of the
 * letters only Vietnamese uses (ă đ ơ ư ĩ ũ, U+1EA0-U+1EF9, combining
 * tone marks).  Runs of ASCII are skipped eight bytes at a time. */
static size_t utf8_scan(const unsigned char *s, size_t len, int *cues)
{
	size_t i = 0, latin1 = 0, viet = 0;
	*cues = 0;
	while (i < len) {
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		unsigned long cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return i;
		i += n;
		if (cp >= 0xA0 && cp <= 0xFF)
			latin1++;
		else if ((cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x0300 && cp <= 0x0323) ||
		         cp == 0x0102 || cp == 0x0103 || cp == 0x0110 || cp == 0x0111 ||
		         cp == 0x0128 || cp == 0x0129 || cp == 0x0168 || cp == 0x0169 ||
		         cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0)
			viet++;
	}
	*cues = latin1 >= 3 && viet * 4 < latin1;
	return len;
}

/* Where the sample of a UTF-8 text ends: at most SCORE_SAMPLE_BYTES, not
 * inside a character. */
static size_t utf8_sample(const unsigned char *p, size_t len)
{
	if (len <= SCORE_SAMPLE_BYTES)
		return len;
	size_t n = SCORE_SAMPLE_BYTES;
	while (n > 0 && (p[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static void legacy_warning(enum text_encoding e, struct diag *d)
{
	static const char tcvn3_case[] =
	    "; TCVN3 has no upper-case toned vowels, so some capitals may come out in lower case";
	switch (e) {
	case ENC_TCVN3:
		diag_warn(d, "legacy encoding TCVN3 (ABC) detected, converted to Unicode%s",
		          tcvn3_case);
		break;
	case ENC_TCVN3_AS_1252:
		diag_warn(d,
		          "text is TCVN3 (ABC) read as Windows-1252 (\"C\xC3\xA9ng h\xC3\x9F"
		          "a\"), repaired%s",
		          tcvn3_case);
		break;
	case ENC_VNI_AS_1252:
		diag_warn(d, "text is VNI-Windows read as Windows-1252 (\"Co\xC3\xA4ng ho\xC3\xB8"
		             "a\"), repaired");
		break;
	default:
		diag_warn(d, "legacy encoding %s detected, converted to Unicode", encoding_name(e));
		break;
	}
}

/* Valid UTF-8 that may be TCVN3 or VNI read as Windows-1252.  Returns the
 * repair that scores clearly better than the text as it is, or ENC_UTF8. */
static enum text_encoding detect_mojibake(const unsigned char *data, size_t len)
{
	size_t n = utf8_sample(data, len);
	struct score as_is = {0, 0};
	struct tally none = {0, 0, 0};
	score_text((const char *)data, n, &as_is);
	enum text_encoding best = ENC_UTF8;
	long best_value = score_value(&as_is, &none);
	static const enum text_encoding cands[] = {ENC_TCVN3_AS_1252, ENC_VNI_AS_1252};
	for (size_t i = 0; i < NPAIRS(cands); i++) {
		struct buf b = BUF_INIT;
		struct tally tl = {0, 0, 0};
		struct score sc = {0, 0};
		from_1252(legacy_for(cands[i]), (const char *)data, n, &b, &tl);
		score_text(b.ptr, b.len, &sc);
		buf_release(&b);
		long v = score_value(&sc, &tl);
		if (plausible(&sc, &tl) && v > best_value) {
			best = cands[i];
			best_value = v;
		}
	}
	return best;
}

/* Bytes that are not UTF-8: the legacy encoding whose decoding looks most
 * like Vietnamese, or -1 when none does. */
static int detect_legacy(const unsigned char *data, size_t len)
{
	size_t n = len < SCORE_SAMPLE_BYTES ? len : SCORE_SAMPLE_BYTES;
	int best = -1;
	long best_value = 0;
	for (size_t i = 0; i < NPAIRS(legacies); i++) {
		struct buf b = BUF_INIT;
		struct tally tl = {0, 0, 0};
		struct score sc = {0, 0};
		legacy_decode(&legacies[i], data, n, &b, &tl);
		score_text(b.ptr, b.len, &sc);
		buf_release(&b);
		long v = score_value(&sc, &tl);
		if (plausible(&sc, &tl) && (best < 0 || v > best_value)) {
			best = (int)i;
			best_value = v;
		}
	}
	return best;
}

int encoding_convert(enum text_encoding e, const unsigned char *data, size_t len, struct buf *out,
                     struct diag *d)
{
	switch (e) {
	case ENC_UTF8: {
		size_t ok = utf8_valid_prefix(data, len);
		if (ok != len)
			return diag_error(d, "invalid UTF-8 (byte 0x%02X at offset %zu)", data[ok],
			                  ok);
		buf_add(out, data, len);
		return 0;
	}
	case ENC_UTF16LE:
	case ENC_UTF16BE: return decode_utf16(data, len, e == ENC_UTF16BE, out, d);
	case ENC_TCVN3_AS_1252:
	case ENC_VNI_AS_1252: {
		size_t ok = utf8_valid_prefix(data, len);
		if (ok != len)
			return diag_error(d, "invalid UTF-8 (byte 0x%02X at offset %zu)", data[ok],
			                  ok);
		from_1252(legacy_for(e), (const char *)data, len, out, NULL);
		return 0;
	}
	case ENC_CP1258:
	case ENC_TCVN3:
	case ENC_VN1:
	case ENC_VNI:
		if (memchr(data, 0, len))
			return diag_error(d, "binary data (NUL bytes), not a text document");
		legacy_decode(legacy_for(e), data, len, out, NULL);
		return 0;
	}
	return diag_error(d, "unknown encoding %d", (int)e);
}

int encoding_decode(const unsigned char *data, size_t len, struct buf *out,
                    enum text_encoding *found, struct diag *d)
{
	enum text_encoding dummy;
	if (!found)
		found = &dummy;
	*found = ENC_UTF8;
	if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
		*found = ENC_UTF16LE;
		return decode_utf16(data + 2, len - 2, 0, out, d);
	}
	if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
		*found = ENC_UTF16BE;
		return decode_utf16(data + 2, len - 2, 1, out, d);
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, 0, len))
		return diag_error(d, "binary data (NUL bytes), not a text document");
	int cues;
	size_t ok = utf8_scan(data, len, &cues);
	if (ok == len) {
		enum text_encoding e = cues ? detect_mojibake(data, len) : ENC_UTF8;
		if (e == ENC_UTF8) {
			buf_add(out, data, len);
			return 0;
		}
		*found = e;
		struct buf text = BUF_INIT;
		from_1252(legacy_for(e), (const char *)data, len, &text, NULL);
		if (e == ENC_TCVN3_AS_1252)
			restore_caps(&text);
		buf_add(out, text.ptr, text.len);
		buf_release(&text);
		legacy_warning(e, d);
		return 0;
	}
	int i = detect_legacy(data, len);
	if (i < 0) {
		size_t line = 1;
		for (size_t k = 0; k < ok; k++)
			line += data[k] == '\n';
		diag_at(d, NULL, (unsigned)line);
		return diag_error(d,
		                  "invalid UTF-8 (byte 0x%02X at offset %zu) and no legacy "
		                  "Vietnamese encoding recognized",
		                  data[ok], ok);
	}
	const struct legacy *t = &legacies[i];
	*found = t->enc;
	struct buf text = BUF_INIT;
	legacy_decode(t, data, len, &text, NULL);
	if (t->enc == ENC_TCVN3)
		restore_caps(&text);
	buf_add(out, text.ptr, text.len);
	buf_release(&text);
	legacy_warning(t->enc, d);
	return 0;
}

/* ---- DOCX runs in 8-bit fonts --------------------------------------------------- */

enum text_encoding encoding_font(const char *font, int *caps)
{
	int dummy;
	if (!caps)
		caps = &dummy;
	*caps = 0;
	if (!font)
		return ENC_UTF8;
	if (!strncasecmp(font, ".Vn", 3)) {
		size_t n = strlen(font);
		while (n > 3 && font[n - 1] == ' ')
			n--;
		*caps = font[n - 1] == 'H';
		return ENC_TCVN3;
	}
	if (!strncasecmp(font, "VNI-", 4) || !strncasecmp(font, "VNI ", 4))
		return ENC_VNI;
	return ENC_UTF8;
}

int encoding_font_text(const char *font, const char *utf8, size_t len, struct buf *out)
{
	int caps;
	enum text_encoding e = encoding_font(font, &caps);
	if (e == ENC_UTF8)
		return 0;
	if (!caps) {
		from_1252(legacy_for(e), utf8, len, out, NULL);
		return 1;
	}
	struct buf text = BUF_INIT;
	from_1252(legacy_for(e), utf8, len, &text, NULL);
	const unsigned char *p = (const unsigned char *)text.ptr, *end = p + text.len;
	while (p < end) {
		long cp = next_cp(&p, end);
		put_cp(out, cp < 0 ? 0xFFFD : utf8proc_toupper((utf8proc_int32_t)cp));
	}
	buf_release(&text);
	return 1;
}
