/* docx_numbering.c - Word automatic numbering: from numbering.xml to the
 * label a reader sees in front of a paragraph ("II.", "1.2.", "a)", "-").
 *
 * Owns: w:abstractNum levels (w:start, w:numFmt including the Word 2010
 * w:format="..." custom sequences stored in mc:AlternateContent, w:lvlText,
 * w:lvlRestart, w:isLgl, w:pStyle links, the bullet font), w:num instances
 * with w:lvlOverride (w:startOverride, a replacement w:lvl), w:numStyleLink
 * through numbering styles, and the counters.  Counters live on the
 * abstract definition, so every w:num that points at it continues the same
 * sequence; a w:num carrying overrides restarts its overridden levels the
 * first time a paragraph uses it (Word's behaviour, ECMA-376 17.9.6-17.9.8).
 * Using a level restarts the deeper levels unless their w:lvlRestart says
 * otherwise.  It does not know about paragraphs or styles beyond the
 * numbering-style links. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/limits.h"
#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"
#include "extract/read/docx/docx.h"

#define NLEVELS 9

struct lvl {
	int defined;
	long start;
	enum docx_numfmt fmt;
	int pad;
	const char *text; /* w:lvlText, NULL when absent */
	const char *font; /* the label's font (bullets in Symbol, Wingdings) */
	int restart;      /* DOCX_UNSET: after any earlier level; 0 never; n: after levels < n */
	int legal;
	int picture; /* w:lvlPicBulletId */
	const char *pstyle;
};

struct abstract {
	long id;
	struct lvl lvl[NLEVELS];
	const char *num_style_link;
	size_t real; /* index of the definition used (itself unless linked) */
	long count[NLEVELS];
	unsigned char used[NLEVELS];
};

struct override {
	int has_start;
	long start;
	int has_lvl;
	struct lvl lvl;
};

struct num {
	long id;
	long abs_id;
	size_t abs; /* index into a */
	int has_override;
	int entered;
	struct override ov[NLEVELS];
};

struct docx_numbering {
	xmlDocPtr doc;
	struct docx_ns ns;
	struct abstract *a;
	size_t na;
	struct num *n;
	size_t nn;
};

/* ---- number formats ------------------------------------------------------------ */

static int letter_token(const char *s, size_t len, const char *want)
{
	return len == strlen(want) && !memcmp(s, want, len);
}

/* The custom format strings Word writes ("001, 002, 003, ...") list the
 * first items of the sequence.  Recognised: zero-padded decimals, the
 * Vietnamese alphabet order (a, b, c, d, đ, e, g ...), the Latin alphabet,
 * Roman numerals, plain decimals.  A single XSLT-style token ("a", "I",
 * "01") works too. */
static enum docx_numfmt parse_custom(const char *f, int *pad)
{
	const char *tok[8];
	size_t tl[8];
	size_t nt = 0;
	const char *p = f;
	while (*p && nt < 8) {
		while (*p == ' ')
			p++;
		const char *s = p;
		while (*p && *p != ',')
			p++;
		const char *e = p;
		while (e > s && e[-1] == ' ')
			e--;
		if (e > s && strncmp(s, "...", 3)) {
			tok[nt] = s;
			tl[nt++] = (size_t)(e - s);
		}
		if (*p == ',')
			p++;
	}
	if (!nt)
		return NUMFMT_DECIMAL;
	const char *t = tok[0];
	size_t l = tl[0];
	int digits = 1;
	for (size_t i = 0; i < l; i++)
		digits &= t[i] >= '0' && t[i] <= '9';
	if (digits) {
		if (l > 1 && t[0] == '0') {
			*pad = (int)(l > 9 ? 9 : l);
			return NUMFMT_PADDED;
		}
		return NUMFMT_DECIMAL;
	}
	for (size_t i = 1; i < nt; i++) {
		if (letter_token(tok[i], tl[i], "\xC4\x91")) /* đ */
			return NUMFMT_LOWER_VIET;
		if (letter_token(tok[i], tl[i], "\xC4\x90")) /* Đ */
			return NUMFMT_UPPER_VIET;
	}
	if (letter_token(t, l, "i") && (nt < 2 || letter_token(tok[1], tl[1], "ii")))
		return NUMFMT_LOWER_ROMAN;
	if (letter_token(t, l, "I") && (nt < 2 || letter_token(tok[1], tl[1], "II")))
		return NUMFMT_UPPER_ROMAN;
	if (letter_token(t, l, "a"))
		return NUMFMT_LOWER_LETTER;
	if (letter_token(t, l, "A"))
		return NUMFMT_UPPER_LETTER;
	if (letter_token(t, l, "\xD0\xB0")) /* Cyrillic а */
		return NUMFMT_RUSSIAN_LOWER;
	if (letter_token(t, l, "\xD0\x90"))
		return NUMFMT_RUSSIAN_UPPER;
	return NUMFMT_DECIMAL;
}

enum docx_numfmt docx_numfmt_parse(const char *val, const char *format, int *pad)
{
	static const struct {
		const char *name;
		enum docx_numfmt fmt;
	} names[] = {
	    {"decimal", NUMFMT_DECIMAL},
	    {"decimalZero", NUMFMT_DECIMAL_ZERO},
	    {"upperRoman", NUMFMT_UPPER_ROMAN},
	    {"lowerRoman", NUMFMT_LOWER_ROMAN},
	    {"upperLetter", NUMFMT_UPPER_LETTER},
	    {"lowerLetter", NUMFMT_LOWER_LETTER},
	    {"ordinal", NUMFMT_ORDINAL},
	    {"bullet", NUMFMT_BULLET},
	    {"none", NUMFMT_NONE},
	    {"vietnameseCounting", NUMFMT_VIET_COUNTING},
	    {"russianLower", NUMFMT_RUSSIAN_LOWER},
	    {"russianUpper", NUMFMT_RUSSIAN_UPPER},
	    {"decimalEnclosedCircle", NUMFMT_CIRCLED},
	    {"decimalEnclosedCircleChinese", NUMFMT_CIRCLED},
	    {"decimalFullWidth", NUMFMT_FULLWIDTH},
	    {"decimalFullWidth2", NUMFMT_FULLWIDTH},
	    {"chicago", NUMFMT_CHICAGO},
	    {"hex", NUMFMT_HEX},
	};
	*pad = 0;
	if (!val)
		return NUMFMT_DECIMAL;
	if (!strcmp(val, "custom"))
		return format ? parse_custom(format, pad) : NUMFMT_DECIMAL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(val, names[i].name))
			return names[i].fmt;
	return NUMFMT_DECIMAL; /* cardinalText, ordinalText and the East Asian forms */
}

static void add_cp(struct buf *out, long cp)
{
	char tmp[4];
	buf_add(out, tmp, (size_t)utf8_put(cp, tmp));
}

static void roman(struct buf *out, long n, int upper)
{
	static const struct {
		int v;
		const char *s;
	} t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	         {50, "l"},   {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
	if (n > 32767)
		n = 32767;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		while (n >= t[i].v) {
			for (const char *s = t[i].s; *s; s++)
				buf_addc(out, upper ? (char)(*s - 'a' + 'A') : *s);
			n -= t[i].v;
		}
}

/* Word repeats the letter: a..z, aa..zz, aaa... */
static void alphabetic(struct buf *out, long n, const char *const *alpha, size_t nalpha)
{
	size_t idx = (size_t)((n - 1) % (long)nalpha);
	long times = (n - 1) / (long)nalpha + 1;
	if (times > 50)
		times = 50;
	while (times--)
		buf_adds(out, alpha[idx]);
}

static const char *const latin_lower[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i",
                                          "j", "k", "l", "m", "n", "o", "p", "q", "r",
                                          "s", "t", "u", "v", "w", "x", "y", "z"};
static const char *const latin_upper[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I",
                                          "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                          "S", "T", "U", "V", "W", "X", "Y", "Z"};
/* Points of a Vietnamese legal text: a) b) c) d) đ) e) g) ... (no f, j, w, z). */
static const char *const viet_lower[] = {"a", "b", "c", "d", "\xC4\x91", "e", "g", "h",
                                         "i", "k", "l", "m", "n",        "o", "p", "q",
                                         "r", "s", "t", "u", "v",        "x", "y"};
static const char *const viet_upper[] = {"A", "B", "C", "D", "\xC4\x90", "E", "G", "H",
                                         "I", "K", "L", "M", "N",        "O", "P", "Q",
                                         "R", "S", "T", "U", "V",        "X", "Y"};
/* Word's Russian list (no ё, й, ъ, ы, ь). */
static const char *const russian_lower[] = {
    "\xD0\xB0", "\xD0\xB1", "\xD0\xB2", "\xD0\xB3", "\xD0\xB4", "\xD0\xB5", "\xD0\xB6",
    "\xD0\xB7", "\xD0\xB8", "\xD0\xBA", "\xD0\xBB", "\xD0\xBC", "\xD0\xBD", "\xD0\xBE",
    "\xD0\xBF", "\xD1\x80", "\xD1\x81", "\xD1\x82", "\xD1\x83", "\xD1\x84", "\xD1\x85",
    "\xD1\x86", "\xD1\x87", "\xD1\x88", "\xD1\x89", "\xD1\x8D", "\xD1\x8E", "\xD1\x8F",
};
static const char *const russian_upper[] = {
    "\xD0\x90", "\xD0\x91", "\xD0\x92", "\xD0\x93", "\xD0\x94", "\xD0\x95", "\xD0\x96",
    "\xD0\x97", "\xD0\x98", "\xD0\x9A", "\xD0\x9B", "\xD0\x9C", "\xD0\x9D", "\xD0\x9E",
    "\xD0\x9F", "\xD0\xA0", "\xD0\xA1", "\xD0\xA2", "\xD0\xA3", "\xD0\xA4", "\xD0\xA5",
    "\xD0\xA6", "\xD0\xA7", "\xD0\xA8", "\xD0\xA9", "\xD0\xAD", "\xD0\xAE", "\xD0\xAF",
};

#define ALPHA(t) (t), sizeof(t) / sizeof((t)[0])

/* Vietnamese number words as they are written for 0..99 ("hai mươi mốt",
 * "mười lăm"); larger numbers fall back to digits. */
static void viet_counting(struct buf *out, long n)
{
	static const char *const unit[] = {"kh\xC3\xB4ng", "m\xE1\xBB\x99t", "hai",
	                                   "ba",           "b\xE1\xBB\x91n", "n\xC4\x83m",
	                                   "s\xC3\xA1u",   "b\xE1\xBA\xA3y", "t\xC3\xA1m",
	                                   "ch\xC3\xADn"};
	if (n < 0 || n > 99) {
		buf_addf(out, "%ld", n);
		return;
	}
	if (n < 10) {
		buf_adds(out, unit[n]);
		return;
	}
	long t = n / 10, u = n % 10;
	if (t == 1)
		buf_adds(out, "m\xC6\xB0\xE1\xBB\x9Di"); /* mười */
	else
		buf_addf(out, "%s m\xC6\xB0\xC6\xA1i", unit[t]); /* hai mươi */
	if (!u)
		return;
	buf_addc(out, ' ');
	if (u == 5)
		buf_adds(out, "l\xC4\x83m"); /* lăm */
	else if (u == 1 && t > 1)
		buf_adds(out, "m\xE1\xBB\x91t"); /* mốt */
	else
		buf_adds(out, unit[u]);
}

void docx_format_number(struct buf *out, long n, enum docx_numfmt fmt, int pad)
{
	switch (fmt) {
	case NUMFMT_NONE:
	case NUMFMT_BULLET: return;
	case NUMFMT_DECIMAL_ZERO: buf_addf(out, n >= 0 && n < 10 ? "0%ld" : "%ld", n); return;
	case NUMFMT_PADDED: buf_addf(out, "%0*ld", pad > 0 ? pad : 1, n); return;
	case NUMFMT_UPPER_ROMAN:
	case NUMFMT_LOWER_ROMAN:
		if (n <= 0)
			break;
		roman(out, n, fmt == NUMFMT_UPPER_ROMAN);
		return;
	case NUMFMT_UPPER_LETTER:
	case NUMFMT_LOWER_LETTER:
	case NUMFMT_UPPER_VIET:
	case NUMFMT_LOWER_VIET:
	case NUMFMT_RUSSIAN_UPPER:
	case NUMFMT_RUSSIAN_LOWER:
		if (n <= 0)
			break;
		if (fmt == NUMFMT_UPPER_LETTER)
			alphabetic(out, n, ALPHA(latin_upper));
		else if (fmt == NUMFMT_LOWER_LETTER)
			alphabetic(out, n, ALPHA(latin_lower));
		else if (fmt == NUMFMT_UPPER_VIET)
			alphabetic(out, n, ALPHA(viet_upper));
		else if (fmt == NUMFMT_LOWER_VIET)
			alphabetic(out, n, ALPHA(viet_lower));
		else if (fmt == NUMFMT_RUSSIAN_UPPER)
			alphabetic(out, n, ALPHA(russian_upper));
		else
			alphabetic(out, n, ALPHA(russian_lower));
		return;
	case NUMFMT_ORDINAL: {
		const char *suf = "th";
		if (n % 100 < 11 || n % 100 > 13)
			suf = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
		buf_addf(out, "%ld%s", n, suf);
		return;
	}
	case NUMFMT_VIET_COUNTING: viet_counting(out, n); return;
	case NUMFMT_CIRCLED:
		if (n >= 1 && n <= 20) {
			add_cp(out, 0x2460 + n - 1);
			return;
		}
		break;
	case NUMFMT_FULLWIDTH: {
		char tmp[24];
		int k = snprintf(tmp, sizeof tmp, "%ld", n);
		for (int i = 0; i < k; i++)
			add_cp(out, tmp[i] == '-' ? 0xFF0D : 0xFF10 + (tmp[i] - '0'));
		return;
	}
	case NUMFMT_CHICAGO: {
		static const long sym[] = {'*', 0x2020, 0x2021, 0x00A7};
		if (n <= 0)
			break;
		long times = (n - 1) / 4 + 1;
		if (times > 50)
			times = 50;
		while (times--)
			add_cp(out, sym[(n - 1) % 4]);
		return;
	}
	case NUMFMT_HEX: buf_addf(out, "%lX", n); return;
	case NUMFMT_DECIMAL: break;
	}
	buf_addf(out, "%ld", n);
}

/* ---- loading ------------------------------------------------------------------ */

/* w:numFmt, possibly inside mc:AlternateContent: a mc:Choice holding a
 * custom format we can render wins over the fallback. */
static void read_numfmt(struct docx_ns *c, struct lvl *l, const xmlNode *k)
{
	if (docx_is(c, k, "numFmt")) {
		l->fmt = docx_numfmt_parse(docx_attr(k, "val"), docx_attr(k, "format"), &l->pad);
		return;
	}
	/* k is mc:AlternateContent */
	for (const xmlNode *ch = k->children; ch; ch = ch->next) {
		if (!docx_is_mc(ch, "Choice"))
			continue;
		xmlNode *f = docx_child(c, ch, "numFmt");
		const char *v = f ? docx_attr(f, "val") : NULL;
		if (v && !strcmp(v, "custom") && docx_attr(f, "format")) {
			l->fmt = docx_numfmt_parse(v, docx_attr(f, "format"), &l->pad);
			return;
		}
	}
	xmlNode *fb = NULL;
	for (xmlNode *ch = k->children; ch; ch = ch->next)
		if (docx_is_mc(ch, "Fallback"))
			fb = ch;
	xmlNode *f = fb ? docx_child(c, fb, "numFmt") : NULL;
	if (f)
		l->fmt = docx_numfmt_parse(docx_attr(f, "val"), docx_attr(f, "format"), &l->pad);
}

static void read_lvl(struct docx_ns *c, struct lvl *l, const xmlNode *n)
{
	memset(l, 0, sizeof *l);
	l->defined = 1;
	l->start = 0; /* ECMA-376 17.9.25: zero when w:start is absent */
	l->fmt = NUMFMT_DECIMAL;
	l->restart = DOCX_UNSET;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (docx_is_mc(k, "AlternateContent")) {
			read_numfmt(c, l, k);
			continue;
		}
		if (!docx_w(c, k))
			continue;
		const char *name = (const char *)k->name;
		if (!strcmp(name, "start"))
			l->start = docx_long(docx_attr(k, "val"), 0);
		else if (!strcmp(name, "numFmt"))
			read_numfmt(c, l, k);
		else if (!strcmp(name, "lvlText"))
			l->text = docx_attr(k, "val");
		else if (!strcmp(name, "lvlRestart"))
			l->restart = (int)docx_long(docx_attr(k, "val"), DOCX_UNSET);
		else if (!strcmp(name, "isLgl"))
			l->legal = docx_onoff(k);
		else if (!strcmp(name, "lvlPicBulletId"))
			l->picture = 1;
		else if (!strcmp(name, "pStyle"))
			l->pstyle = docx_attr(k, "val");
		else if (!strcmp(name, "rPr")) {
			struct docx_rpr r;
			docx_rpr_init(&r);
			docx_rpr_read(c, &r, k);
			l->font = r.font;
		}
	}
}

static int ilvl_of(const xmlNode *n)
{
	long v = docx_long(docx_attr(n, "ilvl"), -1);
	return v >= 0 && v < NLEVELS ? (int)v : -1;
}

static int cmp_abs(const void *x, const void *y)
{
	const struct abstract *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_num(const void *x, const void *y)
{
	const struct num *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

static struct abstract *find_abs(struct docx_numbering *nb, long id)
{
	struct abstract key = {.id = id};
	return nb->na ? bsearch(&key, nb->a, nb->na, sizeof *nb->a, cmp_abs) : NULL;
}

static struct num *find_num(struct docx_numbering *nb, long id)
{
	struct num key = {.id = id};
	return nb->nn ? bsearch(&key, nb->n, nb->nn, sizeof *nb->n, cmp_num) : NULL;
}

static int too_many_defs(struct diag *d)
{
	return diag_error(
	    d, "numbering: too many list definitions (limit %d, LIMIT_DOCX_NUMBERING_DEFS)",
	    LIMIT_DOCX_NUMBERING_DEFS);
}

int docx_numbering_load(struct docx_numbering **out, xmlDocPtr doc,
                        const struct docx_styles *styles, struct diag *d)
{
	struct docx_numbering *nb = xcalloc(1, sizeof *nb);
	nb->doc = doc;
	*out = nb;
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root)
		return 0;
	if (!docx_is(&nb->ns, root, "numbering"))
		return diag_error(d, "numbering part is not a WordprocessingML numbering document");
	size_t aa = 0, an = 0;
	/* abstract definitions first; w:num may come before them in odd files */
	for (xmlNode *k = root->children; k; k = k->next) {
		if (!docx_is(&nb->ns, k, "abstractNum"))
			continue;
		if (nb->na + nb->nn >= LIMIT_DOCX_NUMBERING_DEFS)
			return too_many_defs(d);
		nb->a = xgrow(nb->a, sizeof *nb->a, nb->na + 1, &aa);
		struct abstract *a = &nb->a[nb->na++];
		memset(a, 0, sizeof *a);
		a->id = docx_long(docx_attr(k, "abstractNumId"), -1);
		for (xmlNode *m = k->children; m; m = m->next) {
			if (docx_is(&nb->ns, m, "lvl")) {
				int i = ilvl_of(m);
				if (i >= 0 && !a->lvl[i].defined)
					read_lvl(&nb->ns, &a->lvl[i], m);
			} else if (docx_is(&nb->ns, m, "numStyleLink")) {
				a->num_style_link = docx_attr(m, "val");
			}
		}
	}
	for (xmlNode *k = root->children; k; k = k->next) {
		if (!docx_is(&nb->ns, k, "num"))
			continue;
		if (nb->na + nb->nn >= LIMIT_DOCX_NUMBERING_DEFS)
			return too_many_defs(d);
		xmlNode *an_el = docx_child(&nb->ns, k, "abstractNumId");
		if (!an_el)
			continue;
		nb->n = xgrow(nb->n, sizeof *nb->n, nb->nn + 1, &an);
		struct num *n = &nb->n[nb->nn++];
		memset(n, 0, sizeof *n);
		n->id = docx_long(docx_attr(k, "numId"), -1);
		n->abs_id = docx_long(docx_attr(an_el, "val"), -1);
		for (xmlNode *m = k->children; m; m = m->next) {
			if (!docx_is(&nb->ns, m, "lvlOverride"))
				continue;
			int i = ilvl_of(m);
			if (i < 0)
				continue;
			for (xmlNode *o = m->children; o; o = o->next) {
				if (docx_is(&nb->ns, o, "startOverride")) {
					n->ov[i].has_start = 1;
					n->ov[i].start = docx_long(docx_attr(o, "val"), 0);
					n->has_override = 1;
				} else if (docx_is(&nb->ns, o, "lvl")) {
					read_lvl(&nb->ns, &n->ov[i].lvl, o);
					n->ov[i].has_lvl = 1;
					n->has_override = 1;
				}
			}
		}
	}
	if (nb->na)
		qsort(nb->a, nb->na, sizeof *nb->a, cmp_abs);
	if (nb->nn)
		qsort(nb->n, nb->nn, sizeof *nb->n, cmp_num);
	/* resolve each num's abstract id to an index; drop dangling nums */
	size_t w = 0;
	for (size_t i = 0; i < nb->nn; i++) {
		struct abstract *a = find_abs(nb, nb->n[i].abs_id);
		if (!a)
			continue;
		nb->n[w] = nb->n[i];
		nb->n[w++].abs = (size_t)(a - nb->a);
	}
	nb->nn = w;
	/* numStyleLink: abstract -> numbering style -> its num -> the abstract
	 * that holds the levels */
	for (size_t i = 0; i < nb->na; i++) {
		size_t cur = i;
		for (int step = 0; step < LIMIT_DOCX_LINK_CHAIN && nb->a[cur].num_style_link;
		     step++) {
			const struct docx_style *st =
			    styles ? docx_style_exact(styles, nb->a[cur].num_style_link,
			                              DOCX_STYLE_NUMBERING)
			           : NULL;
			if (!st || st->p.num_id == DOCX_UNSET)
				break;
			struct num *n = find_num(nb, st->p.num_id);
			if (!n || n->abs == cur)
				break;
			cur = n->abs;
		}
		nb->a[i].real = cur;
	}
	return 0;
}

void docx_numbering_free(struct docx_numbering *nb)
{
	if (!nb)
		return;
	free(nb->a);
	free(nb->n);
	if (nb->doc)
		xmlFreeDoc(nb->doc);
	free(nb);
}

/* ---- counting and labels -------------------------------------------------------- */

static const struct lvl *level(const struct docx_numbering *nb, const struct num *n, int k)
{
	if (n->ov[k].has_lvl)
		return &n->ov[k].lvl;
	return &nb->a[nb->a[n->abs].real].lvl[k];
}

static long start_of(const struct docx_numbering *nb, const struct num *n, int k)
{
	return n->ov[k].has_start ? n->ov[k].start : level(nb, n, k)->start;
}

int docx_numbering_style_level(struct docx_numbering *nb, int num_id, const char *style_id)
{
	struct num *n = find_num(nb, num_id);
	if (!n || !style_id)
		return 0;
	for (int k = 0; k < NLEVELS; k++) {
		const struct lvl *l = level(nb, n, k);
		if (l->pstyle && !strcmp(l->pstyle, style_id))
			return k;
	}
	return 0;
}

int docx_numbering_next(struct docx_numbering *nb, int num_id, int ilvl, struct buf *out)
{
	struct num *n = nb ? find_num(nb, num_id) : NULL;
	if (!n)
		return 0;
	if (ilvl < 0)
		ilvl = 0;
	if (ilvl >= NLEVELS)
		ilvl = NLEVELS - 1;
	struct abstract *a = &nb->a[nb->a[n->abs].real];
	if (!n->entered) {
		n->entered = 1;
		for (int k = 0; k < NLEVELS; k++)
			if (n->ov[k].has_start || n->ov[k].has_lvl)
				a->used[k] = 0;
	}
	if (!a->used[ilvl])
		a->count[ilvl] = start_of(nb, n, ilvl);
	else if (a->count[ilvl] < 1000000000L)
		a->count[ilvl]++;
	a->used[ilvl] = 1;
	for (int m = ilvl + 1; m < NLEVELS; m++) {
		int r = level(nb, n, m)->restart;
		if (r == DOCX_UNSET || (r > 0 && ilvl < r))
			a->used[m] = 0;
	}

	const struct lvl *l = level(nb, n, ilvl);
	const char *t = l->text ? l->text : "";
	if (l->fmt == NUMFMT_BULLET) {
		if (!*t && l->picture)
			buf_adds(out, "\xE2\x80\xA2");
		else
			docx_symbol_text(out, l->font, t, strlen(t));
		return 1;
	}
	const char *lit = t;
	for (const char *p = t; *p; p++) {
		if (p[0] != '%' || p[1] < '1' || p[1] > '9')
			continue;
		docx_symbol_text(out, l->font, lit, (size_t)(p - lit));
		int k = p[1] - '1';
		long v = a->used[k] || k == ilvl ? a->count[k] : start_of(nb, n, k);
		const struct lvl *lk = level(nb, n, k);
		enum docx_numfmt f = lk->fmt;
		if (l->legal && f != NUMFMT_NONE)
			f = NUMFMT_DECIMAL;
		docx_format_number(out, v, f, lk->pad);
		p++;
		lit = p + 1;
	}
	docx_symbol_text(out, l->font, lit, strlen(lit));
	return 1;
}
