/* font.c - finding, measuring and subsetting the PDF writer's TrueType
 * fonts (see font.h).
 *
 * Owns: the fontconfig queries (which files may serve a family and style,
 * in fontconfig's order), the TrueType reader (table directory, cmap
 * formats 4 and 12, hmtx, loca/glyf composites) and the subset writer.
 * It draws nothing and knows nothing of FO or libharu beyond the width
 * rounding libharu applies.  Every read from a font file is bounds
 * checked: a broken font is an environment error, never a crash. */
#include "generate/pdf/font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/xalloc.h"

#define DEFAULT_FAMILY      "Times New Roman"
#define MAX_COMPOSITE_DEPTH 16

struct table {
	uint32_t off, len; /* len 0: absent */
};

struct font {
	char *path;
	char *family;
	unsigned char *data;
	size_t size;
	struct table head, hhea, maxp, hmtx, loca, glyf, cmap, name, post, os2, cvt, fpgm, prep;
	unsigned upem, nglyphs, nhmetrics, long_loca;
	int ascent, descent;   /* 1/1000 em */
	uint16_t *bmp_gid;     /* 65536 glyph indices by code point */
	uint16_t *bmp_adv;     /* 65536 advances (1/1000 em) by code point */
	uint16_t *gid_adv;     /* nglyphs advances */
	uint32_t (*groups)[3]; /* cmap format 12 groups above the BMP */
	size_t ngroups;
};

/* One file fontconfig offers for a family and style. */
struct candidate {
	char *path;
	char *family;
	FcCharSet *cs;
};

struct face_query {
	char *family;
	enum font_style style;
	struct candidate *c;
	size_t n;
};

static struct {
	int fc_ready;
	struct font **fonts;
	size_t nfonts, afonts;
	struct face_query *queries;
	size_t nqueries, aqueries;
} cache;

/* ---- reading big-endian data, bounds checked ------------------------------ */

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Is [off, off+len) inside table t? */
static int in_table(const struct table *t, uint32_t off, uint32_t len)
{
	return off <= t->len && len <= t->len - off;
}

static const unsigned char *tp(const struct font *f, const struct table *t, uint32_t off)
{
	return f->data + t->off + off;
}

/* ---- parsing ------------------------------------------------------------- */

static int parse_directory(struct font *f)
{
	if (f->size < 12)
		return -1;
	uint32_t ver = be32(f->data);
	if (ver != 0x00010000 && ver != 0x74727565 /* 'true' */)
		return -1; /* not TrueType outlines (CFF, a collection, ...) */
	unsigned n = be16(f->data + 4);
	if (12 + (size_t)n * 16 > f->size)
		return -1;
	static const struct {
		const char *tag;
		size_t field;
	} want[] = {
	    {"head", offsetof(struct font, head)}, {"hhea", offsetof(struct font, hhea)},
	    {"maxp", offsetof(struct font, maxp)}, {"hmtx", offsetof(struct font, hmtx)},
	    {"loca", offsetof(struct font, loca)}, {"glyf", offsetof(struct font, glyf)},
	    {"cmap", offsetof(struct font, cmap)}, {"name", offsetof(struct font, name)},
	    {"post", offsetof(struct font, post)}, {"OS/2", offsetof(struct font, os2)},
	    {"cvt ", offsetof(struct font, cvt)},  {"fpgm", offsetof(struct font, fpgm)},
	    {"prep", offsetof(struct font, prep)},
	};
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *e = f->data + 12 + i * 16;
		uint32_t off = be32(e + 8), len = be32(e + 12);
		if (off > f->size || len > f->size - off)
			return -1;
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			if (!memcmp(e, want[k].tag, 4)) {
				struct table *t = (struct table *)((char *)f + want[k].field);
				t->off = off;
				t->len = len;
			}
	}
	if (!f->head.len || !f->hhea.len || !f->maxp.len || !f->hmtx.len || !f->loca.len ||
	    !f->glyf.len || !f->cmap.len || !f->name.len || !f->os2.len)
		return -1;
	if (f->head.len < 54 || f->hhea.len < 36 || f->maxp.len < 6 || f->os2.len < 10)
		return -1;
	return 0;
}

static unsigned glyph_of(const struct font *f, uint32_t cp)
{
	if (cp < 0x10000)
		return f->bmp_gid[cp];
	size_t lo = 0, hi = f->ngroups;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < f->groups[mid][0])
			hi = mid;
		else if (cp > f->groups[mid][1])
			lo = mid + 1;
		else {
			uint32_t g = f->groups[mid][2] + (cp - f->groups[mid][0]);
			return g < f->nglyphs ? g : 0;
		}
	}
	return 0;
}

static int parse_cmap4(struct font *f, uint32_t at)
{
	const struct table *t = &f->cmap;
	if (!in_table(t, at, 14))
		return -1;
	unsigned segx2 = be16(tp(f, t, at + 6));
	uint32_t ends = at + 14, starts = ends + segx2 + 2, deltas = starts + segx2,
	         ranges = deltas + segx2;
	if (!in_table(t, at, 16 + 4 * segx2))
		return -1;
	for (unsigned s = 0; s < segx2 / 2; s++) {
		unsigned end = be16(tp(f, t, ends + 2 * s)), start = be16(tp(f, t, starts + 2 * s));
		unsigned delta = be16(tp(f, t, deltas + 2 * s));
		unsigned ro = be16(tp(f, t, ranges + 2 * s));
		for (unsigned c = start; c <= end && c < 0xFFFF; c++) {
			unsigned g;
			if (!ro)
				g = (c + delta) & 0xFFFF;
			else {
				uint32_t a = ranges + 2 * s + ro + 2 * (c - start);
				if (!in_table(t, a, 2))
					return -1;
				g = be16(tp(f, t, a));
				if (g)
					g = (g + delta) & 0xFFFF;
			}
			f->bmp_gid[c] = (uint16_t)(g < f->nglyphs ? g : 0);
		}
	}
	return 0;
}

static int parse_cmap12(struct font *f, uint32_t at)
{
	const struct table *t = &f->cmap;
	if (!in_table(t, at, 16))
		return -1;
	uint32_t n = be32(tp(f, t, at + 12));
	if (n > (t->len - at - 16) / 12)
		return -1;
	f->groups = xcalloc(n ? n : 1, sizeof *f->groups);
	for (uint32_t i = 0; i < n; i++) {
		const unsigned char *g = tp(f, t, at + 16 + 12 * i);
		uint32_t s = be32(g), e = be32(g + 4), gid = be32(g + 8);
		if (e < s || e > 0x10FFFF)
			return -1;
		for (uint32_t c = s; c <= e && c < 0x10000; c++)
			f->bmp_gid[c] = (uint16_t)(gid + (c - s) < f->nglyphs ? gid + (c - s) : 0);
		if (e >= 0x10000) {
			f->groups[f->ngroups][0] = s;
			f->groups[f->ngroups][1] = e;
			f->groups[f->ngroups][2] = gid;
			f->ngroups++;
		}
	}
	return 0;
}

static int parse_cmap(struct font *f)
{
	const struct table *t = &f->cmap;
	if (!in_table(t, 0, 4))
		return -1;
	unsigned n = be16(tp(f, t, 2));
	if (!in_table(t, 4, 8 * n))
		return -1;
	/* Preference: a full Unicode format 12, then BMP format 4. */
	long best = -1;
	int best_rank = 0;
	for (unsigned i = 0; i < n; i++) {
		unsigned plat = be16(tp(f, t, 4 + 8 * i)), enc = be16(tp(f, t, 6 + 8 * i));
		uint32_t off = be32(tp(f, t, 8 + 8 * i));
		if (!in_table(t, off, 2))
			continue;
		unsigned fmt = be16(tp(f, t, off));
		int rank = 0;
		if (fmt == 12 && ((plat == 3 && enc == 10) || plat == 0))
			rank = 4;
		else if (fmt == 4 && plat == 3 && enc == 1)
			rank = 3;
		else if (fmt == 4 && plat == 0)
			rank = 2;
		if (rank > best_rank) {
			best_rank = rank;
			best = off;
		}
	}
	if (best < 0)
		return -1;
	return best_rank == 4 ? parse_cmap12(f, (uint32_t)best) : parse_cmap4(f, (uint32_t)best);
}

static unsigned advance_raw(const struct font *f, unsigned gid)
{
	unsigned i = gid < f->nhmetrics ? gid : f->nhmetrics - 1;
	return be16(tp(f, &f->hmtx, 4 * i));
}

static int lsb_raw(const struct font *f, unsigned gid)
{
	uint32_t at =
	    gid < f->nhmetrics ? 4 * gid + 2 : 4 * f->nhmetrics + 2 * (gid - f->nhmetrics);
	if (!in_table(&f->hmtx, at, 2))
		return 0;
	return (int16_t)be16(tp(f, &f->hmtx, at));
}

/* Offset and length of glyph gid's data inside glyf; -1 when broken. */
static int glyph_span(const struct font *f, unsigned gid, uint32_t *off, uint32_t *len)
{
	uint32_t a, b;
	if (f->long_loca) {
		a = be32(tp(f, &f->loca, 4 * gid));
		b = be32(tp(f, &f->loca, 4 * gid + 4));
	} else {
		a = 2 * be16(tp(f, &f->loca, 2 * gid));
		b = 2 * be16(tp(f, &f->loca, 2 * gid + 2));
	}
	if (b < a || !in_table(&f->glyf, a, b - a))
		return -1;
	*off = a;
	*len = b - a;
	return 0;
}

static int parse_font(struct font *f)
{
	if (parse_directory(f) < 0)
		return -1;
	f->upem = be16(tp(f, &f->head, 18));
	f->long_loca = be16(tp(f, &f->head, 50)) != 0;
	f->nglyphs = be16(tp(f, &f->maxp, 4));
	f->nhmetrics = be16(tp(f, &f->hhea, 34));
	if (f->upem < 16 || f->upem > 16384 || !f->nglyphs || !f->nhmetrics ||
	    f->nhmetrics > f->nglyphs)
		return -1;
	if (!in_table(&f->hmtx, 0, 4 * f->nhmetrics + 2 * (f->nglyphs - f->nhmetrics)))
		return -1;
	if (!in_table(&f->loca, 0, (f->nglyphs + 1) * (f->long_loca ? 4 : 2)))
		return -1;
	f->ascent = (int)((int16_t)be16(tp(f, &f->hhea, 4)) * 1000L / (long)f->upem);
	f->descent = (int)(-(int16_t)be16(tp(f, &f->hhea, 6)) * 1000L / (long)f->upem);
	f->bmp_gid = xcalloc(0x10000, sizeof *f->bmp_gid);
	f->bmp_adv = xcalloc(0x10000, sizeof *f->bmp_adv);
	f->gid_adv = xcalloc(f->nglyphs, sizeof *f->gid_adv);
	if (parse_cmap(f) < 0)
		return -1;
	/* libharu: (HPDF_UINT)advance_width * 1000 / units_per_em, as INT16 */
	for (unsigned g = 0; g < f->nglyphs; g++)
		f->gid_adv[g] = (uint16_t)(advance_raw(f, g) * 1000u / f->upem);
	for (uint32_t c = 0; c < 0x10000; c++)
		if (f->bmp_gid[c])
			f->bmp_adv[c] = f->gid_adv[f->bmp_gid[c]];
	return 0;
}

static void font_free(struct font *f)
{
	if (!f)
		return;
	free(f->path);
	free(f->family);
	free(f->data);
	free(f->bmp_gid);
	free(f->bmp_adv);
	free(f->gid_adv);
	free(f->groups);
	free(f);
}

/* The family name from the name table (id 1, Windows Unicode), for
 * fonts loaded by path; ASCII letters only, which is all we need. */
static char *name_family(const struct font *f)
{
	const struct table *t = &f->name;
	if (!in_table(t, 0, 6))
		return xstrdup("?");
	unsigned n = be16(tp(f, t, 2)), strings = be16(tp(f, t, 4));
	for (unsigned i = 0; i < n && in_table(t, 6 + 12 * i, 12); i++) {
		const unsigned char *r = tp(f, t, 6 + 12 * i);
		if (be16(r) != 3 || be16(r + 6) != 1)
			continue;
		unsigned len = be16(r + 8), off = be16(r + 10);
		if (!in_table(t, strings + off, len))
			continue;
		char *s = xmalloc(len / 2 + 1);
		size_t k = 0;
		for (unsigned j = 0; j + 1 < len; j += 2) {
			unsigned c = be16(tp(f, t, strings + off + j));
			s[k++] = c >= 32 && c < 127 ? (char)c : '?';
		}
		s[k] = 0;
		return s;
	}
	return xstrdup("?");
}

static int read_file(const char *path, unsigned char **data, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0) {
		if (b.len > (64u << 20)) {
			fclose(fp);
			buf_release(&b);
			return -1;
		}
		buf_add(&b, tmp, n);
	}
	int err = ferror(fp);
	fclose(fp);
	if (err) {
		buf_release(&b);
		return -1;
	}
	*data = (unsigned char *)buf_detach(&b, size);
	return 0;
}

static struct font *cached_font(const char *path)
{
	for (size_t i = 0; i < cache.nfonts; i++)
		if (!strcmp(cache.fonts[i]->path, path))
			return cache.fonts[i];
	return NULL;
}

static int load_font(const char *path, const char *family, struct font **out, struct diag *d)
{
	struct font *f = cached_font(path);
	if (f) {
		*out = f;
		return 0;
	}
	f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	if (read_file(path, &f->data, &f->size) < 0) {
		font_free(f);
		return diag_env(d, "cannot read font file %s", path);
	}
	if (parse_font(f) < 0) {
		font_free(f);
		return diag_env(d, "font file is not a usable TrueType font: %s", path);
	}
	f->family = family ? xstrdup(family) : name_family(f);
	cache.fonts = xgrow(cache.fonts, sizeof *cache.fonts, cache.nfonts + 1, &cache.afonts);
	cache.fonts[cache.nfonts++] = f;
	*out = f;
	return 0;
}

int font_load(const char *path, const struct font **out, struct diag *d)
{
	struct font *f;
	if (load_font(path, NULL, &f, d) < 0)
		return -1;
	*out = f;
	return 0;
}

/* ---- accessors ------------------------------------------------------------ */

const char *font_path(const struct font *f)
{
	return f->path;
}

const char *font_family(const struct font *f)
{
	return f->family;
}

unsigned font_advance(const struct font *f, uint32_t cp)
{
	if (cp < 0x10000)
		return f->bmp_adv[cp];
	unsigned g = glyph_of(f, cp);
	return g ? f->gid_adv[g] : 0;
}

unsigned font_glyph(const struct font *f, uint32_t cp)
{
	return glyph_of(f, cp);
}

int font_ascent(const struct font *f)
{
	return f->ascent;
}

int font_descent(const struct font *f)
{
	return f->descent;
}

long font_first_missing(const struct font *f, const uint32_t *cps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!glyph_of(f, cps[i]))
			return (long)cps[i];
	return -1;
}

/* Does the OS/2 table allow embedding a subset?  (fsType bits libharu
 * refuses: restricted licence, no subsetting, bitmap only.) */
static int embeddable(const struct font *f)
{
	return !(be16(tp(f, &f->os2, 8)) & (0x0002 | 0x0100 | 0x0200));
}

/* ---- fontconfig ----------------------------------------------------------- */

static int fc_init(struct diag *d)
{
	if (cache.fc_ready)
		return 0;
	if (!FcInit())
		return diag_env(d, "fontconfig cannot load its configuration");
	cache.fc_ready = 1;
	return 0;
}

static const char *style_name(enum font_style s)
{
	static const char *const names[] = {"regular", "bold", "italic", "bold italic"};
	return names[s & 3];
}

static int style_matches(FcPattern *p, enum font_style style)
{
	int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
	FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
	FcPatternGetInteger(p, FC_SLANT, 0, &slant);
	int bold = weight >= FC_WEIGHT_DEMIBOLD, italic = slant != FC_SLANT_ROMAN;
	return bold == !!(style & FONT_BOLD) && italic == !!(style & FONT_ITALIC);
}

/* Fontconfig's candidates for family in style: TrueType files whose
 * family is the one asked for or one fontconfig binds to it strongly
 * (its metric-compatible aliases), in fontconfig's order of preference. */
static void query_candidates(struct face_query *q)
{
	FcPattern *p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)q->family);
	FcPatternAddInteger(p, FC_WEIGHT,
	                    q->style & FONT_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, q->style & FONT_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);

	/* The leading run of strongly bound family names: the request and
	 * its aliases (30-metric-aliases.conf); weak ones are fallbacks of
	 * another shape.  A generic name ("serif") accepts what it maps to. */
	const char *allowed[32];
	size_t nallowed = 0;
	FcValue v;
	FcValueBinding bind;
	for (int i = 0;
	     nallowed < 32 && FcPatternGetWithBinding(p, FC_FAMILY, i, &v, &bind) == FcResultMatch;
	     i++) {
		if (v.type != FcTypeString)
			continue;
		if (i > 0 && bind == FcValueBindingWeak)
			break;
		allowed[nallowed++] = (const char *)v.u.s;
	}
	int generic = !strcasecmp(q->family, "serif") || !strcasecmp(q->family, "sans-serif") ||
	              !strcasecmp(q->family, "monospace");

	FcResult r;
	FcFontSet *fs = FcFontSort(NULL, p, FcFalse, NULL, &r);
	size_t acand = 0;
	for (int i = 0; fs && i < fs->nfont; i++) {
		FcPattern *fp = fs->fonts[i];
		FcChar8 *file = NULL, *fmt = NULL, *fam = NULL;
		FcCharSet *cs = NULL;
		int index = 0;
		if (FcPatternGetString(fp, FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetCharSet(fp, FC_CHARSET, 0, &cs) != FcResultMatch)
			continue;
		FcPatternGetInteger(fp, FC_INDEX, 0, &index);
		if (FcPatternGetString(fp, FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
		    strcmp((const char *)fmt, "TrueType") || index != 0 ||
		    !style_matches(fp, q->style))
			continue;
		int ok = generic;
		const char *famname = NULL;
		for (int k = 0; FcPatternGetString(fp, FC_FAMILY, k, &fam) == FcResultMatch; k++) {
			if (!famname)
				famname = (const char *)fam;
			for (size_t a = 0; a < nallowed && !ok; a++)
				if (!strcasecmp((const char *)fam, allowed[a])) {
					ok = 1;
					famname = (const char *)fam;
				}
		}
		if (!ok)
			continue;
		q->c = xgrow(q->c, sizeof *q->c, q->n + 1, &acand);
		q->c[q->n].path = xstrdup((const char *)file);
		q->c[q->n].family = xstrdup(famname ? famname : q->family);
		q->c[q->n].cs = FcCharSetCopy(cs);
		q->n++;
	}
	if (fs)
		FcFontSetDestroy(fs);
	FcPatternDestroy(p);
}

static struct face_query *get_query(const char *family, enum font_style style)
{
	for (size_t i = 0; i < cache.nqueries; i++)
		if (cache.queries[i].style == style && !strcasecmp(cache.queries[i].family, family))
			return &cache.queries[i];
	cache.queries =
	    xgrow(cache.queries, sizeof *cache.queries, cache.nqueries + 1, &cache.aqueries);
	struct face_query *q = &cache.queries[cache.nqueries++];
	memset(q, 0, sizeof *q);
	q->family = xstrdup(family);
	q->style = style;
	query_candidates(q);
	return q;
}

static void describe_cp(char *out, size_t n, uint32_t cp)
{
	char u8[5] = {0};
	if (cp < 0x80)
		u8[0] = cp >= 0x20 && cp != 0x7f ? (char)cp : '?';
	else if (cp < 0x800) {
		u8[0] = (char)(0xC0 | cp >> 6);
		u8[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		u8[0] = (char)(0xE0 | cp >> 12);
		u8[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u8[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		u8[0] = (char)(0xF0 | cp >> 18);
		u8[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u8[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u8[3] = (char)(0x80 | (cp & 0x3F));
	}
	snprintf(out, n, "U+%04X '%s'", (unsigned)cp, u8);
}

/* Try one family name; 1 found, 0 none covers (first_* describe the best
 * candidate's gap), -1 error. */
static int find_in_family(const char *family, enum font_style style, const uint32_t *cps, size_t n,
                          const struct font **out, char **first_path, long *first_missing,
                          struct diag *d)
{
	struct face_query *q = get_query(family, style);
	for (size_t i = 0; i < q->n; i++) {
		struct candidate *c = &q->c[i];
		long miss = -1;
		for (size_t k = 0; k < n && miss < 0; k++)
			if (!FcCharSetHasChar(c->cs, cps[k]))
				miss = (long)cps[k];
		struct font *f = NULL;
		if (miss < 0) {
			struct diag tmp = DIAG_INIT;
			if (load_font(c->path, c->family, &f, &tmp) < 0) {
				/* a broken file: try the next, but remember why */
				if (!*first_path) {
					*first_path = xstrdup(c->path);
					*first_missing = -2;
				}
				diag_release(&tmp);
				continue;
			}
			miss = font_first_missing(f, cps, n);
			if (miss < 0 && !embeddable(f))
				miss = -3;
		}
		if (miss == -1) {
			*out = f;
			return 1;
		}
		if (!*first_path) {
			*first_path = xstrdup(c->path);
			*first_missing = miss;
		}
	}
	(void)d;
	return 0;
}

int font_find(const char *family, enum font_style style, const uint32_t *cps, size_t n,
              const struct font **out, struct diag *d)
{
	if (fc_init(d) < 0)
		return -1;
	if (!family || !*family)
		family = DEFAULT_FAMILY;
	char *first_path = NULL;
	long first_missing = -1;
	char first_name[256] = "";
	for (const char *p = family; *p;) {
		/* one name of a comma-separated list, unquoted and trimmed */
		size_t len = strcspn(p, ",");
		char name[256];
		size_t k = 0;
		for (size_t i = 0; i < len && k + 1 < sizeof name; i++)
			if (p[i] != '\'' && p[i] != '"' && (k || p[i] != ' '))
				name[k++] = p[i];
		while (k && name[k - 1] == ' ')
			k--;
		name[k] = 0;
		p += len + (p[len] == ',');
		if (!k)
			continue;
		if (!first_name[0])
			snprintf(first_name, sizeof first_name, "%s", name);
		int r = find_in_family(name, style, cps, n, out, &first_path, &first_missing, d);
		if (r) {
			free(first_path);
			return r < 0 ? -1 : 0;
		}
	}
	int ret;
	if (!first_path)
		ret =
		    diag_env(d, "no TrueType font for '%s' %s (Debian: install fonts-liberation2)",
		             first_name, style_name(style));
	else if (first_missing == -2)
		ret = diag_env(d, "font file is not a usable TrueType font: %s", first_path);
	else if (first_missing == -3)
		ret = diag_env(d, "font does not allow embedding a subset (OS/2 fsType): %s",
		               first_path);
	else {
		char what[32];
		describe_cp(what, sizeof what, (uint32_t)first_missing);
		ret = diag_env(d, "no glyph for %s in font %s (%s %s)", what, first_path,
		               first_name, style_name(style));
	}
	free(first_path);
	return ret;
}

void font_cache_release(void)
{
	for (size_t i = 0; i < cache.nfonts; i++)
		font_free(cache.fonts[i]);
	free(cache.fonts);
	for (size_t i = 0; i < cache.nqueries; i++) {
		struct face_query *q = &cache.queries[i];
		for (size_t k = 0; k < q->n; k++) {
			free(q->c[k].path);
			free(q->c[k].family);
			FcCharSetDestroy(q->c[k].cs);
		}
		free(q->c);
		free(q->family);
	}
	free(cache.queries);
	if (cache.fc_ready)
		FcFini();
	memset(&cache, 0, sizeof cache);
}

/* ---- subsetting ----------------------------------------------------------- */

struct subset {
	const struct font *f;
	int32_t *newid; /* by old glyph index, -1 when not kept */
	unsigned n;
};

static int keep_glyph(struct subset *s, unsigned gid, int depth)
{
	if (gid >= s->f->nglyphs)
		return -1;
	if (s->newid[gid] >= 0)
		return 0;
	s->newid[gid] = 0; /* marked; numbered later */
	uint32_t off, len;
	if (glyph_span(s->f, gid, &off, &len) < 0)
		return -1;
	if (len < 10 || (int16_t)be16(tp(s->f, &s->f->glyf, off)) >= 0)
		return 0;
	if (depth >= MAX_COMPOSITE_DEPTH)
		return -1;
	/* composite: keep every component, however deep */
	uint32_t p = off + 10, end = off + len;
	for (;;) {
		if (p + 4 > end)
			return -1;
		unsigned flags = be16(tp(s->f, &s->f->glyf, p));
		unsigned comp = be16(tp(s->f, &s->f->glyf, p + 2));
		if (keep_glyph(s, comp, depth + 1) < 0)
			return -1;
		p += 4 + (flags & 1 ? 4 : 2);
		if (flags & 8)
			p += 2;
		else if (flags & 0x40)
			p += 4;
		else if (flags & 0x80)
			p += 8;
		if (!(flags & 0x20))
			break;
	}
	return p <= end ? 0 : -1;
}

/* Rewrite the component indices of a composite glyph copied to g. */
static void renumber_components(const struct subset *s, unsigned char *g, uint32_t len)
{
	if (len < 10 || (int16_t)be16(g) >= 0)
		return;
	uint32_t p = 10;
	while (p + 4 <= len) {
		unsigned flags = be16(g + p);
		put16(g + p + 2, (unsigned)s->newid[be16(g + p + 2)]);
		p += 4 + (flags & 1 ? 4 : 2);
		if (flags & 8)
			p += 2;
		else if (flags & 0x40)
			p += 4;
		else if (flags & 0x80)
			p += 8;
		if (!(flags & 0x20))
			break;
	}
}

struct out_table {
	char tag[5];
	struct buf data;
};

static uint32_t checksum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= len; i += 4)
		sum += be32(p + i);
	if (i < len) {
		unsigned char last[4] = {0};
		memcpy(last, p + i, len - i);
		sum += be32(last);
	}
	return sum;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* A (3,1) cmap with one format 4 subtable: code points in clusters (a
 * gap of more than 32 starts a new one), each a segment whose glyphs
 * come from glyphIdArray, then the closing 0xFFFF segment.  Few
 * segments keep libharu's linear segment search short. */
static void write_cmap(const struct subset *s, const uint32_t *cps, size_t n, struct buf *out)
{
	uint32_t *cs = xmalloc((n ? n : 1) * sizeof *cs);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (cps[i] < 0xFFFF && glyph_of(s->f, cps[i]))
			cs[m++] = cps[i];
	qsort(cs, m, sizeof *cs, cmp_u32);
	size_t u = 0;
	for (size_t i = 0; i < m; i++)
		if (!u || cs[u - 1] != cs[i])
			cs[u++] = cs[i];
	m = u;
	/* segments */
	size_t nseg = 1, aseg = 0;
	uint32_t(*seg)[2] = NULL;
	for (size_t i = 0; i < m; i++) {
		if (i == 0 || cs[i] - cs[i - 1] > 32) {
			seg = xgrow(seg, sizeof *seg, nseg, &aseg);
			seg[nseg - 1][0] = cs[i];
			nseg++;
		}
		seg[nseg - 2][1] = cs[i];
	}
	size_t narray = 0;
	for (size_t i = 0; i + 1 < nseg; i++)
		narray += seg[i][1] - seg[i][0] + 1;
	size_t len = 16 + 8 * nseg + 2 * narray;
	struct buf b = BUF_INIT;
	buf_grow(&b, 12 + len);
	unsigned char *p = (unsigned char *)b.ptr;
	memset(p, 0, 12 + len);
	put16(p + 2, 1); /* one table */
	put16(p + 4, 3); /* Windows */
	put16(p + 6, 1); /* Unicode BMP */
	put32(p + 8, 12);
	unsigned char *t = p + 12;
	put16(t, 4);
	put16(t + 2, (unsigned)(len > 0xFFFF ? 0xFFFF : len));
	put16(t + 6, (unsigned)(2 * nseg));
	unsigned sr = 1, es = 0;
	while (sr * 2 <= nseg) {
		sr *= 2;
		es++;
	}
	put16(t + 8, 2 * sr);
	put16(t + 10, es);
	put16(t + 12, (unsigned)(2 * nseg - 2 * sr));
	unsigned char *ends = t + 14, *starts = ends + 2 * nseg + 2, *deltas = starts + 2 * nseg,
	              *ranges = deltas + 2 * nseg, *array = ranges + 2 * nseg;
	size_t pos = 0, k = 0;
	for (size_t i = 0; i + 1 < nseg; i++) {
		put16(ends + 2 * i, seg[i][1]);
		put16(starts + 2 * i, seg[i][0]);
		put16(ranges + 2 * i, (unsigned)(2 * (nseg - i) + 2 * pos));
		for (uint32_t c = seg[i][0]; c <= seg[i][1]; c++, pos++) {
			unsigned g = 0;
			if (k < m && cs[k] == c) {
				g = (unsigned)s->newid[glyph_of(s->f, c)];
				k++;
			}
			put16(array + 2 * pos, g);
		}
	}
	put16(ends + 2 * (nseg - 1), 0xFFFF);
	put16(starts + 2 * (nseg - 1), 0xFFFF);
	put16(deltas + 2 * (nseg - 1), 1);
	buf_setlen(&b, 12 + len);
	buf_add(out, b.ptr, b.len);
	buf_release(&b);
	free(seg);
	free(cs);
}

static void copy_table(const struct font *f, const struct table *t, struct buf *out)
{
	if (t->len)
		buf_add(out, f->data + t->off, t->len);
}

int font_subset(const struct font *f, const uint32_t *cps, size_t n, struct buf *out,
                struct diag *d)
{
	struct subset s = {f, xmalloc(f->nglyphs * sizeof(int32_t)), 0};
	for (unsigned g = 0; g < f->nglyphs; g++)
		s.newid[g] = -1;
	int ret = -1;
	if (keep_glyph(&s, 0, 0) < 0)
		goto broken;
	for (size_t i = 0; i < n; i++) {
		unsigned g = glyph_of(f, cps[i]);
		if (g && keep_glyph(&s, g, 0) < 0)
			goto broken;
	}
	for (unsigned g = 0; g < f->nglyphs; g++)
		if (s.newid[g] >= 0)
			s.newid[g] = (int32_t)s.n++;

	enum { OS2, CMAP, CVT, FPGM, GLYF, HEAD, HHEA, HMTX, LOCA, MAXP, NAME, POST, PREP, NT };
	static const char *const tags[NT] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
	                                     "hmtx", "loca", "maxp", "name", "post", "prep"};
	struct out_table tb[NT];
	for (int i = 0; i < NT; i++) {
		memcpy(tb[i].tag, tags[i], 5);
		buf_init(&tb[i].data);
	}
	copy_table(f, &f->os2, &tb[OS2].data);
	write_cmap(&s, cps, n, &tb[CMAP].data);
	copy_table(f, &f->cvt, &tb[CVT].data);
	copy_table(f, &f->fpgm, &tb[FPGM].data);
	copy_table(f, &f->name, &tb[NAME].data);
	copy_table(f, &f->prep, &tb[PREP].data);

	/* glyf, loca (long offsets) and hmtx, in new glyph order */
	buf_grow(&tb[LOCA].data, 4 * (s.n + 1));
	buf_grow(&tb[HMTX].data, 4 * s.n);
	for (unsigned g = 0; g < f->nglyphs; g++) {
		if (s.newid[g] < 0)
			continue;
		unsigned char e[4];
		put32(e, (uint32_t)tb[GLYF].data.len);
		buf_add(&tb[LOCA].data, e, 4);
		uint32_t off, len;
		glyph_span(f, g, &off, &len);
		size_t at = tb[GLYF].data.len;
		buf_add(&tb[GLYF].data, tp(f, &f->glyf, off), len);
		renumber_components(&s, (unsigned char *)tb[GLYF].data.ptr + at, len);
		while (tb[GLYF].data.len % 4)
			buf_addc(&tb[GLYF].data, 0);
		put16(e, advance_raw(f, g));
		put16(e + 2, (unsigned)(lsb_raw(f, g) & 0xFFFF));
		buf_add(&tb[HMTX].data, e, 4);
	}
	unsigned char e[4];
	put32(e, (uint32_t)tb[GLYF].data.len);
	buf_add(&tb[LOCA].data, e, 4);

	copy_table(f, &f->head, &tb[HEAD].data);
	put32((unsigned char *)tb[HEAD].data.ptr + 8, 0);
	put16((unsigned char *)tb[HEAD].data.ptr + 50, 1);
	copy_table(f, &f->hhea, &tb[HHEA].data);
	put16((unsigned char *)tb[HHEA].data.ptr + 34, s.n);
	copy_table(f, &f->maxp, &tb[MAXP].data);
	put16((unsigned char *)tb[MAXP].data.ptr + 4, s.n);
	/* post format 3: the header without glyph names */
	unsigned char post[32] = {0};
	if (f->post.len >= 32)
		memcpy(post, f->data + f->post.off, 32);
	put32(post, 0x00030000);
	memset(post + 16, 0, 16);
	buf_add(&tb[POST].data, post, 32);

	/* the file: offset table, directory, tables on 4-byte boundaries */
	size_t start = out->len;
	unsigned char hdr[12];
	put32(hdr, 0x00010000);
	put16(hdr + 4, NT);
	put16(hdr + 6, 16 * 8); /* searchRange: 16 * 2^floor(log2(13)) */
	put16(hdr + 8, 3);
	put16(hdr + 10, NT * 16 - 16 * 8);
	buf_add(out, hdr, 12);
	uint32_t off = 12 + 16 * NT;
	for (int i = 0; i < NT; i++) {
		unsigned char ent[16];
		memcpy(ent, tb[i].tag, 4);
		put32(ent + 4, checksum((unsigned char *)tb[i].data.ptr, tb[i].data.len));
		put32(ent + 8, off);
		put32(ent + 12, (uint32_t)tb[i].data.len);
		buf_add(out, ent, 16);
		off += (uint32_t)((tb[i].data.len + 3) & ~(size_t)3);
	}
	size_t head_at = 0;
	for (int i = 0; i < NT; i++) {
		if (i == HEAD)
			head_at = out->len;
		buf_add(out, tb[i].data.ptr, tb[i].data.len);
		while ((out->len - start) % 4)
			buf_addc(out, 0);
		buf_release(&tb[i].data);
	}
	uint32_t sum = checksum((unsigned char *)out->ptr + start, out->len - start);
	put32((unsigned char *)out->ptr + head_at + 8, 0xB1B0AFBAu - sum);
	ret = 0;
	goto out;
broken:
	ret = diag_env(d, "broken glyph data in font %s", f->path);
out:
	free(s.newid);
	return ret;
}
