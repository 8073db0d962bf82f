/* paginate.c - the FO subset laid out on pages (see paginate.h).
 *
 * Owns: reading the FO tree for the PDF writer (one switch on element
 * kind, small emit_<element>() helpers), inherited styles, the face and
 * character inventory, paragraphs into lines, tables into row groups,
 * pagination, static content, bookmarks and metadata.  It must not
 * print, and it never draws: the display lists it builds are drawn by
 * draw.c.
 *
 * Three steps per page sequence.  (1) The FO walk builds a list of
 * vertical items: paragraphs still unbroken (their inline content as
 * words, spaces, leaders, page numbers, each in a face), spaces, rules,
 * page breaks, id marks and tables; it learns every character of every
 * face on the way.  The fonts are found once the walk is over (before
 * any measuring, so a missing glyph stops the writer before it draws).
 * (2) Expansion measures and breaks paragraphs into lines and turns
 * tables into groups of rows (rows tied by a vertical span stay in one
 * group).  (3) Pagination places the items on pages.  Coordinates: x
 * from the left edge of the region, y down from its top, in points. */
#include "generate/pdf/paginate.h"

#include <math.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "generate/layout/fo.h"
#include "generate/pdf/linebreak.h"

#define EPS       1e-6
#define DC_NS     "http://purl.org/dc/elements/1.1/"
#define MAX_DEPTH 200

/* ---- arena: everything a layout allocates, freed at once -------------------- */

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct arena_chunk *head;
};

static void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!a->head || a->head->size - a->head->used < n) {
		size_t size = n > 65536 ? n : 65536;
		struct arena_chunk *c = xmalloc(sizeof *c + size);
		c->next = a->head;
		c->used = 0;
		c->size = size;
		a->head = c;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

static void *arena_zalloc(struct arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

/* Make room for need elements of array p (capacity *cap). */
static void *arena_grow(struct arena *a, void *p, size_t elem, size_t need, size_t *cap)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap * 2 : 8;
	while (n < need)
		n *= 2;
	void *q = arena_alloc(a, n * elem);
	if (p && *cap)
		memcpy(q, p, *cap * elem);
	*cap = n;
	return q;
}

static char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static void arena_free(struct arena *a)
{
	while (a && a->head) {
		struct arena_chunk *c = a->head;
		a->head = c->next;
		free(c);
	}
}

/* ---- element kinds ---------------------------------------------------------- */

enum kind {
	K_IGNORE, /* comments, processing instructions */
	K_TEXT,
	K_ROOT,
	K_DECLARATIONS,
	K_BOOKMARK_TREE,
	K_BOOKMARK,
	K_BOOKMARK_TITLE,
	K_LAYOUT_MASTER_SET,
	K_SIMPLE_PAGE_MASTER,
	K_PAGE_SEQUENCE_MASTER,
	K_ALTERNATIVES,
	K_CONDITIONAL_REF,
	K_REGION_BODY,
	K_REGION_BEFORE,
	K_PAGE_SEQUENCE,
	K_STATIC_CONTENT,
	K_FLOW,
	K_BLOCK,
	K_INLINE,
	K_PAGE_NUMBER,
	K_LEADER,
	K_TABLE,
	K_TABLE_COLUMN,
	K_TABLE_HEADER,
	K_TABLE_BODY,
	K_TABLE_ROW,
	K_TABLE_CELL,
	K_FIELD,      /* soan:field */
	K_CHANGE,     /* soan:change */
	K_CHANGE_OLD, /* soan:old inside soan:change */
	K_CHANGE_NEW, /* soan:new inside soan:change */
	K_UNKNOWN,    /* an element outside the subset */
};

static const struct {
	const char *name;
	enum kind kind;
} fo_names[] = {
    {"root", K_ROOT},
    {"declarations", K_DECLARATIONS},
    {"bookmark-tree", K_BOOKMARK_TREE},
    {"bookmark", K_BOOKMARK},
    {"bookmark-title", K_BOOKMARK_TITLE},
    {"layout-master-set", K_LAYOUT_MASTER_SET},
    {"simple-page-master", K_SIMPLE_PAGE_MASTER},
    {"page-sequence-master", K_PAGE_SEQUENCE_MASTER},
    {"repeatable-page-master-alternatives", K_ALTERNATIVES},
    {"conditional-page-master-reference", K_CONDITIONAL_REF},
    {"region-body", K_REGION_BODY},
    {"region-before", K_REGION_BEFORE},
    {"page-sequence", K_PAGE_SEQUENCE},
    {"static-content", K_STATIC_CONTENT},
    {"flow", K_FLOW},
    {"block", K_BLOCK},
    {"inline", K_INLINE},
    {"page-number", K_PAGE_NUMBER},
    {"leader", K_LEADER},
    {"table", K_TABLE},
    {"table-column", K_TABLE_COLUMN},
    {"table-header", K_TABLE_HEADER},
    {"table-body", K_TABLE_BODY},
    {"table-row", K_TABLE_ROW},
    {"table-cell", K_TABLE_CELL},
};

static enum kind kind_of(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return K_TEXT;
	if (n->type != XML_ELEMENT_NODE)
		return K_IGNORE;
	const char *ns = n->ns ? (const char *)n->ns->href : "";
	const char *name = (const char *)n->name;
	if (!strcmp(ns, FO_NS)) {
		/* the common ones first */
		if (name[0] == 'b' && !strcmp(name, "block"))
			return K_BLOCK;
		if (name[0] == 't' && !strcmp(name, "table-cell"))
			return K_TABLE_CELL;
		if (name[0] == 'i' && !strcmp(name, "inline"))
			return K_INLINE;
		for (size_t i = 0; i < sizeof fo_names / sizeof fo_names[0]; i++)
			if (fo_names[i].name[0] == name[0] && !strcmp(fo_names[i].name, name))
				return fo_names[i].kind;
	} else if (!strcmp(ns, SOAN_NS)) {
		if (!strcmp(name, "field"))
			return K_FIELD;
		if (!strcmp(name, "change"))
			return K_CHANGE;
		if (!strcmp(name, "old"))
			return K_CHANGE_OLD;
		if (!strcmp(name, "new"))
			return K_CHANGE_NEW;
	}
	return K_UNKNOWN;
}

/* ---- styles ------------------------------------------------------------------- */

enum align {
	AL_START,
	AL_CENTER,
	AL_END,
	AL_JUSTIFY,
};

enum lh_kind {
	LH_NORMAL,
	LH_FACTOR,
	LH_LENGTH,
};

/* The inherited properties of an element, resolved. */
struct style {
	const char *family;
	int bold, italic;
	double size;
	enum lh_kind lh_kind;
	double lh; /* factor or length */
	enum align align;
	int align_last; /* -1: relative */
	double text_indent, start_indent, end_indent;
	int valign;       /* display-align: 0 before, 1 center, 2 after */
	double ref_width; /* reference area width, for percentages */
};

static double line_height(const struct style *st)
{
	switch (st->lh_kind) {
	case LH_FACTOR: return st->lh * st->size;
	case LH_LENGTH: return st->lh;
	default:
		/* the project's convention (generate/layout/layout.rng): Word's single
		 * line for Times New Roman */
		return 1.15 * st->size;
	}
}

/* ---- the layout state and its vertical items --------------------------------- */

enum atom_kind {
	AT_WORD,
	AT_GLUE,
	AT_LEADER,
	AT_PAGENUM,
};

enum leader_pattern {
	LP_SPACE,
	LP_RULE,
	LP_DOTS,
};

struct atom {
	unsigned char kind, pattern, rule_style;
	int face;
	float size, lh;
	const char *s; /* AT_WORD: the text (arena) */
	unsigned len;
	float lmin, lopt, lmax, thickness; /* leaders */
	float w;                           /* natural width, once measured */
	float *units;                      /* per-character widths of a long word */
	unsigned nunits;
};

/* A paragraph: the inline content of one stretch of a block. */
struct para {
	struct atom *atoms;
	size_t n, cap;
	double x0, width; /* the block's content box */
	double text_indent;
	enum align align;
	int align_last;
	int strut_face;
	double strut_size, strut_lh;
	int glue_pending; /* whitespace seen since the last atom */
};

enum run_kind {
	R_TEXT,
	R_RULE,
	R_PAGENUM,
};

struct run {
	unsigned char kind, style;
	int face;
	float size;
	double x, w, dy; /* dy: rule centre below the baseline */
	float thickness;
	const char *s;
};

struct line {
	struct run *runs;
	size_t n;
	double above; /* baseline below the top of the line */
};

struct border {
	double w;
	int style; /* -1 none, else enum pl_rule_style */
};

struct table;

/* A cell as the walk found it. */
struct tcell {
	int row, nrows, col, ncols; /* rows counted in its section */
	double x, w;                /* border box */
	double pad[4];              /* top, bottom, left, right */
	struct border b[4];
	int valign;
	struct vlist *content;
};

/* A cell in a group of rows, with the part of its content still to draw. */
struct gcell {
	struct tcell *c;
	int row, nrows;
	struct vitem *items;
	size_t from, to;
	double content_h;
};

struct group {
	struct table *t;
	int header;
	int nrows;
	const unsigned char *keep; /* per row, as struct section's */
	double *rowh;
	struct gcell *cells;
	size_t ncells;
	double h;
};

struct section {
	struct tcell *cells;
	size_t ncells, acells;
	int nrows;
	unsigned char *keep; /* per row: 1 keep with next, 2 with previous, 4 together */
	size_t akeep;
};

struct table {
	struct section header, body;
	int omit_header;
	struct group **headers; /* after expansion */
	size_t nheaders, aheaders;
};

enum vkind {
	V_PARA,
	V_LINE,
	V_SPACE,
	V_RULE,
	V_BREAK,
	V_MARK,
	V_TABLE,
	V_ROWS,
};

struct vitem {
	unsigned char kind;
	unsigned char keep_next; /* no page break between this item and the next */
	unsigned char retain;    /* a space kept at the top of a page */
	unsigned char pad;       /* padding: not a space, never merged or dropped */
	double h;
	union {
		struct para *para;
		struct line *line;
		struct {
			double x1, x2, thickness;
			int style;
		} rule;
		const char *id;
		struct table *table;
		struct group *group;
	} u;
};

struct vlist {
	struct vitem *v;
	size_t n, cap;
	int keep_pending;
};

struct master {
	const char *name;
	double pw, ph;
	double m[4];  /* page margins: top, bottom, left, right */
	double bm[4]; /* region-body margins */
	int has_before;
	const char *before_name;
	double before_extent;
	int before_valign;
};

struct seq_master {
	const char *name;
	struct {
		int pos; /* 0 any, 1 first, 2 rest */
		struct master *m;
	} alt[16];
	int nalt;
};

struct idmark {
	const char *id;
	size_t page;
	double y;
};

struct lay {
	struct arena *a;
	struct pl_doc *doc;
	const struct gen_opts *o;
	struct diag *d;
	uint64_t **face_bits; /* per face, 65536 bits */
	struct master *masters;
	size_t nmasters;
	struct seq_master *seqms;
	size_t nseqms;
	struct idmark *ids;
	size_t nids, aids;
	struct buf tmp;
	const char *pagenum_text; /* while laying out static content */
	int depth;
};

static int fail_at(struct lay *L, xmlNodePtr n)
{
	diag_at(L->d, "layout", n ? (unsigned)xmlGetLineNo(n) : 0);
	return -1;
}

static const char *qname(xmlNodePtr n, char *buf, size_t len)
{
	if (n->type != XML_ELEMENT_NODE)
		return "text";
	const char *prefix = n->ns && n->ns->prefix ? (const char *)n->ns->prefix : NULL;
	if (!prefix && n->ns && !strcmp((const char *)n->ns->href, FO_NS))
		prefix = "fo";
	else if (!prefix && n->ns && !strcmp((const char *)n->ns->href, SOAN_NS))
		prefix = "soan";
	snprintf(buf, len, "%s%s%s", prefix ? prefix : "", prefix ? ":" : "",
	         (const char *)n->name);
	return buf;
}

/* An element outside the subset, or one in the wrong place. */
static int unsupported(struct lay *L, xmlNodePtr n, xmlNodePtr parent)
{
	char a[128], b[128];
	fail_at(L, n);
	if (kind_of(n) == K_UNKNOWN)
		return diag_error(L->d, "layout element outside the supported subset: %s",
		                  qname(n, a, sizeof a));
	if (kind_of(n) == K_TEXT)
		return diag_error(L->d, "text not allowed directly in %s",
		                  qname(parent, b, sizeof b));
	return diag_error(L->d, "layout element %s not allowed in %s", qname(n, a, sizeof a),
	                  qname(parent, b, sizeof b));
}

static int is_blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* ---- property values ------------------------------------------------------------ */

static const char *attr(xmlNodePtr n, const char *name)
{
	return fo_prop(n, name, NULL); /* non-inherited names: the element's own */
}

static int length_or(const char *v, double ref, double *out)
{
	if (!v)
		return -1;
	if (!strcmp(v, "thin")) {
		*out = 0.5;
		return 0;
	}
	if (!strcmp(v, "medium")) {
		*out = 1;
		return 0;
	}
	if (!strcmp(v, "thick")) {
		*out = 2;
		return 0;
	}
	return fo_length(v, ref, out);
}

static int rule_style_of(const char *s)
{
	if (!strcmp(s, "none") || !strcmp(s, "hidden"))
		return -1;
	if (!strcmp(s, "dotted"))
		return PL_DOTTED;
	if (!strcmp(s, "dashed"))
		return PL_DASHED;
	if (!strcmp(s, "solid") || !strcmp(s, "double") || !strcmp(s, "groove") ||
	    !strcmp(s, "ridge") || !strcmp(s, "inset") || !strcmp(s, "outset"))
		return PL_SOLID;
	return -2; /* not a style keyword */
}

/* A border shorthand: "0.5pt solid black". */
static void parse_border(const char *v, struct border *b)
{
	char tok[64];
	int width_set = 0;
	while (v && *v) {
		while (*v == ' ')
			v++;
		size_t n = strcspn(v, " ");
		if (!n)
			break;
		if (n > 63)
			n = 63;
		memcpy(tok, v, n);
		tok[n] = 0;
		v += n;
		double w;
		int st = rule_style_of(tok);
		if (st >= -1)
			b->style = st;
		else if (length_or(tok, 0, &w) == 0) {
			b->w = w;
			width_set = 1;
		}
		/* anything else is a colour: black is all we print */
	}
	if (!width_set && b->style >= 0 && b->w <= 0)
		b->w = 1;
}

/* A 1-4 value shorthand (CSS order: top, right, bottom, left) into
 * out[4] as top, bottom, left, right. */
static void four_values(const char *v, double ref, double out[4])
{
	double vals[4];
	int k = 0;
	for (const char *s = v; *s && k < 4;) {
		while (*s == ' ')
			s++;
		size_t len = strcspn(s, " ");
		if (!len)
			break;
		char tok[64];
		snprintf(tok, sizeof tok, "%.*s", (int)(len < 63 ? len : 63), s);
		if (fo_length(tok, ref, &vals[k]) == 0)
			k++;
		s += len;
	}
	if (k == 1)
		out[0] = out[1] = out[2] = out[3] = vals[0];
	else if (k == 2) {
		out[0] = out[1] = vals[0];
		out[2] = out[3] = vals[1];
	} else if (k == 3) {
		out[0] = vals[0];
		out[2] = out[3] = vals[1];
		out[1] = vals[2];
	} else if (k == 4) {
		out[0] = vals[0];
		out[3] = vals[1];
		out[1] = vals[2];
		out[2] = vals[3];
	}
}

/* The non-inherited properties of a block-level element, read in one
 * pass over its attributes: spaces, borders, padding, keeps, breaks. */
struct box {
	double space_before, space_after;
	int retain_before;
	struct border b[4]; /* top, bottom, left, right */
	double pad[4];
	int keep_next, keep_prev, keep_together, break_before, break_after;
};

/* Side index of "top", "before", ... at s (advancing it), or -1. */
static int side_of(const char **s)
{
	static const char *const names[8] = {"top",    "bottom", "left",  "right",
	                                     "before", "after",  "start", "end"};
	for (int i = 0; i < 8; i++) {
		size_t n = strlen(names[i]);
		if (!strncmp(*s, names[i], n) &&
		    ((*s)[n] == 0 || (*s)[n] == '-' || (*s)[n] == '.')) {
			*s += n;
			return i & 3;
		}
	}
	return -1;
}

static int is_break(const char *v)
{
	return !strcmp(v, "page") || !strcmp(v, "odd-page") || !strcmp(v, "even-page");
}

static void box_of(xmlNodePtr n, double ref, struct box *bx)
{
	memset(bx, 0, sizeof *bx);
	for (int i = 0; i < 4; i++)
		bx->b[i] = (struct border){0, -1};
	/* borders apply from general to specific, whatever the order */
	const char *all = NULL, *all_w = NULL, *all_s = NULL;
	const char *side[4] = {0}, *side_w[4] = {0}, *side_s[4] = {0};
	const char *pad_all = NULL, *pad[4] = {0};
	const char *sb = NULL, *sb_opt = NULL, *sa = NULL, *sa_opt = NULL;
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->ns || !a->children || !a->children->content)
			continue;
		const char *name = (const char *)a->name, *v = (const char *)a->children->content;
		if (!strncmp(name, "border", 6)) {
			const char *r = name + 6;
			if (!*r)
				all = v;
			else if (!strcmp(r, "-width"))
				all_w = v;
			else if (!strcmp(r, "-style"))
				all_s = v;
			else if (*r == '-') {
				r++;
				int sd = side_of(&r);
				if (sd < 0)
					continue;
				if (!*r)
					side[sd] = v;
				else if (!strcmp(r, "-width") || !strcmp(r, "-width.length"))
					side_w[sd] = v;
				else if (!strcmp(r, "-style"))
					side_s[sd] = v;
			}
		} else if (!strncmp(name, "padding", 7)) {
			const char *r = name + 7;
			if (!*r)
				pad_all = v;
			else if (*r == '-') {
				r++;
				int sd = side_of(&r);
				if (sd >= 0 && (!*r || !strcmp(r, ".length")))
					pad[sd] = v;
			}
		} else if (!strcmp(name, "space-before"))
			sb = v;
		else if (!strcmp(name, "space-before.optimum") ||
		         (!strcmp(name, "space-before.minimum") && !sb_opt))
			sb_opt = v;
		else if (!strcmp(name, "space-before.conditionality"))
			bx->retain_before = !strcmp(v, "retain");
		else if (!strcmp(name, "space-after"))
			sa = v;
		else if (!strcmp(name, "space-after.optimum") ||
		         (!strcmp(name, "space-after.minimum") && !sa_opt))
			sa_opt = v;
		else if (!strncmp(name, "keep-with-next", 14))
			bx->keep_next |= strcmp(v, "auto") != 0;
		else if (!strncmp(name, "keep-with-previous", 18))
			bx->keep_prev |= strcmp(v, "auto") != 0;
		else if (!strncmp(name, "keep-together", 13))
			bx->keep_together |= strcmp(v, "auto") != 0;
		else if (!strcmp(name, "break-before"))
			bx->break_before = is_break(v);
		else if (!strcmp(name, "break-after"))
			bx->break_after = is_break(v);
	}
	double x;
	if ((sb || sb_opt) && fo_length(sb ? sb : sb_opt, ref, &x) == 0 && x > 0)
		bx->space_before = x;
	if ((sa || sa_opt) && fo_length(sa ? sa : sa_opt, ref, &x) == 0 && x > 0)
		bx->space_after = x;
	struct border common = {0, -1};
	if (all)
		parse_border(all, &common);
	if (all_s)
		parse_border(all_s, &common);
	if (all_w)
		length_or(all_w, 0, &common.w);
	for (int i = 0; i < 4; i++) {
		struct border *b = &bx->b[i];
		*b = common;
		if (side[i])
			parse_border(side[i], b);
		if (side_s[i])
			parse_border(side_s[i], b);
		if (side_w[i])
			length_or(side_w[i], 0, &b->w);
		if (b->style >= 0 && b->w <= 0)
			b->w = 1;
	}
	if (pad_all)
		four_values(pad_all, ref, bx->pad);
	for (int i = 0; i < 4; i++)
		if (pad[i] && fo_length(pad[i], ref, &bx->pad[i]) < 0)
			bx->pad[i] = 0;
}

static enum align align_of(const char *v, enum align def)
{
	if (!strcmp(v, "center"))
		return AL_CENTER;
	if (!strcmp(v, "justify"))
		return AL_JUSTIFY;
	if (!strcmp(v, "end") || !strcmp(v, "right") || !strcmp(v, "outside"))
		return AL_END;
	if (!strcmp(v, "start") || !strcmp(v, "left") || !strcmp(v, "inside"))
		return AL_START;
	return def;
}

/* The style of n from its parent's. */
static void style_of(xmlNodePtr n, const struct style *parent, struct style *st)
{
	*st = *parent;
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->ns || !a->children || !a->children->content)
			continue;
		const char *name = (const char *)a->name, *v = (const char *)a->children->content;
		double x;
		if (!strcmp(name, "font-family"))
			st->family = v;
		else if (!strcmp(name, "font-weight"))
			st->bold = !strcmp(v, "bold") || !strcmp(v, "bolder") || atoi(v) >= 600;
		else if (!strcmp(name, "font-style"))
			st->italic = !strcmp(v, "italic") || !strcmp(v, "oblique") ||
			             !strcmp(v, "backslant");
		else if (!strcmp(name, "font-size")) {
			if (!strcmp(v, "larger"))
				st->size = parent->size * 1.2;
			else if (!strcmp(v, "smaller"))
				st->size = parent->size / 1.2;
			else if (!strcmp(v, "medium"))
				st->size = 12;
			else if (fo_length(v, parent->size, &x) == 0 && x > 0)
				st->size = x;
		} else if (!strcmp(name, "line-height")) {
			char *end;
			double f = strtod(v, &end);
			if (!strcmp(v, "normal"))
				st->lh_kind = LH_NORMAL;
			else if (end != v && !*end && f > 0) {
				st->lh_kind = LH_FACTOR;
				st->lh = f;
			} else if (fo_length(v, 0, &x) == 0 && strchr(v, '%') == NULL) {
				st->lh_kind = LH_LENGTH;
				st->lh = x;
			} else if (end != v && *end == '%') {
				st->lh_kind = LH_LENGTH;
				st->lh = f / 100.0 * st->size;
			}
		} else if (!strcmp(name, "text-align"))
			st->align = align_of(v, st->align);
		else if (!strcmp(name, "text-align-last"))
			st->align_last = !strcmp(v, "relative") ? -1 : (int)align_of(v, AL_START);
		else if (!strcmp(name, "text-indent")) {
			if (fo_length(v, st->ref_width, &x) == 0)
				st->text_indent = x;
		} else if (!strcmp(name, "start-indent")) {
			if (fo_length(v, st->ref_width, &x) == 0)
				st->start_indent = x;
		} else if (!strcmp(name, "end-indent")) {
			if (fo_length(v, st->ref_width, &x) == 0)
				st->end_indent = x;
		} else if (!strcmp(name, "display-align"))
			st->valign = !strcmp(v, "center") ? 1 : !strcmp(v, "after") ? 2 : 0;
	}
}

/* ---- faces and their characters ------------------------------------------------- */

static int face_index(struct lay *L, const struct style *st)
{
	const char *family = L->o && L->o->font_family ? L->o->font_family : st->family;
	enum font_style fs = (st->bold ? FONT_BOLD : 0) | (st->italic ? FONT_ITALIC : 0);
	struct pl_doc *doc = L->doc;
	for (size_t i = 0; i < doc->nfaces; i++)
		if (doc->faces[i].style == fs && !strcmp(doc->faces[i].family, family))
			return (int)i;
	doc->faces =
	    arena_grow(L->a, doc->faces, sizeof *doc->faces, doc->nfaces + 1, &doc->afaces);
	L->face_bits = xrealloc(L->face_bits, (doc->nfaces + 1) * sizeof *L->face_bits);
	L->face_bits[doc->nfaces] = xcalloc(1024, sizeof(uint64_t));
	struct pl_face *f = &doc->faces[doc->nfaces];
	memset(f, 0, sizeof *f);
	f->family = arena_strndup(L->a, family, strlen(family));
	f->style = fs;
	/* every face may draw a space and the page-number digits */
	L->face_bits[doc->nfaces][0] |= (uint64_t)1 << ' ';
	return (int)doc->nfaces++;
}

static int use_cp(struct lay *L, int face, uint32_t cp, xmlNodePtr where)
{
	if (cp >= 0x10000) {
		fail_at(L, where);
		return diag_error(L->d,
		                  "character U+%04X outside the Basic Multilingual Plane cannot be "
		                  "drawn in PDF",
		                  (unsigned)cp);
	}
	L->face_bits[face][cp >> 6] |= (uint64_t)1 << (cp & 63);
	return 0;
}

/* Find a font for every face, checking its coverage of the face's
 * characters before anything is measured or drawn. */
static int resolve_fonts(struct lay *L)
{
	struct pl_doc *doc = L->doc;
	for (size_t i = 0; i < doc->nfaces; i++) {
		struct pl_face *f = &doc->faces[i];
		size_t n = 0;
		for (int w = 0; w < 1024; w++)
			n += (size_t)__builtin_popcountll(L->face_bits[i][w]);
		f->cps = arena_alloc(L->a, (n ? n : 1) * sizeof *f->cps);
		for (int w = 0; w < 1024; w++)
			for (uint64_t bits = L->face_bits[i][w]; bits; bits &= bits - 1)
				f->cps[f->ncps++] = (uint32_t)(w * 64 + __builtin_ctzll(bits));
		if (font_find(f->family, f->style, f->cps, f->ncps, &f->font, L->d) < 0)
			return -1;
	}
	return 0;
}

/* ---- vertical lists --------------------------------------------------------------- */

static struct vitem *vl_push(struct lay *L, struct vlist *vl, enum vkind kind, double h)
{
	vl->v = arena_grow(L->a, vl->v, sizeof *vl->v, vl->n + 1, &vl->cap);
	if (vl->keep_pending && vl->n > 0) {
		vl->v[vl->n - 1].keep_next = 1;
		if (kind == V_PARA || kind == V_LINE || kind == V_TABLE || kind == V_ROWS ||
		    kind == V_BREAK)
			vl->keep_pending = 0;
	}
	struct vitem *it = &vl->v[vl->n++];
	memset(it, 0, sizeof *it);
	it->kind = (unsigned char)kind;
	it->h = h;
	return it;
}

static int is_content(const struct vitem *it)
{
	return it->kind == V_PARA || it->kind == V_LINE || it->kind == V_TABLE ||
	       it->kind == V_ROWS || it->kind == V_RULE;
}

/* keep-with-previous: bind the last content item (and what follows it)
 * to what comes next. */
static void keep_with_previous(struct vlist *vl)
{
	for (size_t i = vl->n; i-- > 0;) {
		vl->v[i].keep_next = 1;
		if (is_content(&vl->v[i]))
			break;
	}
}

/* ---- paragraphs (step 1) ------------------------------------------------------------ */

struct area {
	double x, w; /* the reference area: x of its left edge, width */
};

static struct para *para_new(struct lay *L, const struct style *st, const struct area *ar)
{
	struct para *p = arena_zalloc(L->a, sizeof *p);
	p->x0 = ar->x + st->start_indent;
	p->width = ar->w - st->start_indent - st->end_indent;
	if (p->width < 1)
		p->width = 1;
	p->text_indent = st->text_indent;
	p->align = st->align;
	p->align_last = st->align_last;
	p->strut_face = face_index(L, st);
	p->strut_size = st->size;
	p->strut_lh = line_height(st);
	return p;
}

static struct atom *para_add(struct lay *L, struct para *p, enum atom_kind kind,
                             const struct style *st, int face)
{
	p->atoms = arena_grow(L->a, p->atoms, sizeof *p->atoms, p->n + 1, &p->cap);
	struct atom *a = &p->atoms[p->n++];
	memset(a, 0, sizeof *a);
	a->kind = (unsigned char)kind;
	a->face = face;
	a->size = (float)st->size;
	a->lh = (float)line_height(st);
	return a;
}

/* Add glue for whitespace seen, unless at the start or after glue. */
static void para_flush_glue(struct lay *L, struct para *p, const struct style *st, int face)
{
	if (p->glue_pending && p->n && p->atoms[p->n - 1].kind != AT_GLUE)
		para_add(L, p, AT_GLUE, st, face);
	p->glue_pending = 0;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Text in a paragraph: whitespace collapses to glue (across elements),
 * the rest becomes words.  U+200B is a break opportunity without width;
 * U+00AD and U+FEFF are dropped. */
static int para_text(struct lay *L, struct para *p, const struct style *st, const char *s,
                     size_t len, xmlNodePtr where)
{
	int face = face_index(L, st);
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		uint32_t c = lb_utf8_next(s, len, &i);
		if (is_space(c) || c == 0x200B) {
			p->glue_pending = 1;
			continue;
		}
		para_flush_glue(L, p, st, face);
		/* a word: up to the next space */
		struct buf *b = &L->tmp;
		buf_reset(b);
		size_t j = at;
		while (j < len) {
			size_t k = j;
			uint32_t cc = lb_utf8_next(s, len, &k);
			if (is_space(cc) || cc == 0x200B)
				break;
			if (cc != 0xAD && cc != 0xFEFF) {
				if (use_cp(L, face, cc, where) < 0)
					return -1;
				buf_add(b, s + j, k - j);
			}
			j = k;
		}
		i = j;
		if (!b->len)
			continue;
		struct atom *a = para_add(L, p, AT_WORD, st, face);
		a->s = arena_strndup(L->a, b->ptr, b->len);
		a->len = (unsigned)b->len;
	}
	return 0;
}

static void leader_length(xmlNodePtr n, double ref, struct atom *a)
{
	double v;
	a->lmin = 0;
	a->lopt = 12;
	a->lmax = (float)ref;
	const char *s = attr(n, "leader-length");
	if (s && fo_length(s, ref, &v) == 0)
		a->lmin = a->lopt = a->lmax = (float)v;
	if ((s = attr(n, "leader-length.minimum")) && fo_length(s, ref, &v) == 0)
		a->lmin = (float)v;
	if ((s = attr(n, "leader-length.optimum")) && fo_length(s, ref, &v) == 0)
		a->lopt = (float)v;
	if ((s = attr(n, "leader-length.maximum")) && fo_length(s, ref, &v) == 0)
		a->lmax = (float)v;
	if (a->lopt < a->lmin)
		a->lopt = a->lmin;
	if (a->lmax < a->lopt)
		a->lmax = a->lopt;
}

static int emit_inline_content(struct lay *L, xmlNodePtr n, const struct style *st, struct para *p);

static int emit_leader(struct lay *L, xmlNodePtr n, const struct style *parent, struct para *p)
{
	struct style st;
	style_of(n, parent, &st);
	int face = face_index(L, &st);
	para_flush_glue(L, p, &st, face);
	struct atom *a = para_add(L, p, AT_LEADER, &st, face);
	const char *pat = attr(n, "leader-pattern");
	a->pattern = !pat || !strcmp(pat, "space") ? LP_SPACE
	             : !strcmp(pat, "rule")        ? LP_RULE
	             : !strcmp(pat, "dots")        ? LP_DOTS
	                                           : LP_SPACE;
	if (pat && strcmp(pat, "space") && strcmp(pat, "rule") && strcmp(pat, "dots")) {
		fail_at(L, n);
		return diag_error(L->d, "leader-pattern '%s' is not supported (rule, dots, space)",
		                  pat);
	}
	leader_length(n, p->width, a);
	double t = 1;
	const char *v = attr(n, "rule-thickness");
	if (v)
		length_or(v, 0, &t);
	a->thickness = (float)t;
	v = attr(n, "rule-style");
	a->rule_style = PL_SOLID;
	if (v && rule_style_of(v) >= 0)
		a->rule_style = (unsigned char)rule_style_of(v);
	if (a->pattern == LP_DOTS)
		return use_cp(L, face, '.', n);
	return 0;
}

/* soan:field: a place filled by hand.  Its content is what PDF shows (a
 * dotted leader, or the value when known); an empty field is a dotted
 * line of its length attribute (default 2 cm). */
static int emit_field(struct lay *L, xmlNodePtr n, const struct style *parent, struct para *p)
{
	struct style st;
	style_of(n, parent, &st);
	/* its content is the fallback: a dotted leader or a value */
	int filled = 0;
	for (xmlNodePtr c = n->children; c && !filled; c = c->next)
		filled =
		    c->type == XML_ELEMENT_NODE || (kind_of(c) == K_TEXT && !is_blank(c->content));
	if (filled)
		return emit_inline_content(L, n, &st, p);
	int face = face_index(L, &st);
	para_flush_glue(L, p, &st, face);
	struct atom *a = para_add(L, p, AT_LEADER, &st, face);
	a->pattern = LP_DOTS;
	double len = 2 * 72 / 2.54;
	const char *v = attr(n, "length");
	if (!v)
		v = attr(n, "width");
	if (!v)
		v = attr(n, "leader-length");
	if (v && fo_length(v, p->width, &len) < 0)
		len = 2 * 72 / 2.54;
	a->lmin = a->lopt = a->lmax = (float)len;
	return use_cp(L, face, '.', n);
}

static int emit_page_number(struct lay *L, xmlNodePtr n, const struct style *parent, struct para *p)
{
	struct style st;
	style_of(n, parent, &st);
	int face = face_index(L, &st);
	para_flush_glue(L, p, &st, face);
	para_add(L, p, AT_PAGENUM, &st, face);
	for (const char *c = "0123456789ivxlcdmIVXLCDM"; *c; c++)
		if (use_cp(L, face, (uint32_t)*c, n) < 0)
			return -1;
	return 0;
}

/* One inline-level node c (a child of parent) into paragraph p. */
static int emit_inline(struct lay *L, xmlNodePtr c, xmlNodePtr parent, const struct style *st,
                       struct para *p)
{
	struct style cs;
	switch (kind_of(c)) {
	case K_IGNORE: return 0;
	case K_TEXT:
		return para_text(L, p, st, (const char *)c->content,
		                 strlen((const char *)c->content), c);
	case K_INLINE:
	case K_CHANGE:
	case K_CHANGE_NEW: /* the PDF shows a change's new text */
		style_of(c, st, &cs);
		return emit_inline_content(L, c, &cs, p);
	case K_PAGE_NUMBER: return emit_page_number(L, c, st, p);
	case K_LEADER: return emit_leader(L, c, st, p);
	case K_FIELD: return emit_field(L, c, st, p);
	case K_CHANGE_OLD: return kind_of(parent) == K_CHANGE ? 0 : unsupported(L, c, parent);
	default: return unsupported(L, c, parent);
	}
}

/* Inline-level children of n into paragraph p. */
static int emit_inline_content(struct lay *L, xmlNodePtr n, const struct style *st, struct para *p)
{
	if (++L->depth > MAX_DEPTH) {
		fail_at(L, n);
		return diag_error(L->d, "layout nested too deeply");
	}
	int ret = 0;
	for (xmlNodePtr c = n->children; c && ret == 0; c = c->next)
		ret = emit_inline(L, c, n, st, p);
	L->depth--;
	return ret;
}

/* ---- blocks and tables (step 1) ------------------------------------------------------ */

static int emit_block(struct lay *L, xmlNodePtr n, const struct style *parent,
                      const struct area *ar, struct vlist *vl);
static int emit_table(struct lay *L, xmlNodePtr n, const struct style *parent,
                      const struct area *ar, struct vlist *vl);

static void flush_para(struct lay *L, struct para **p, struct vlist *vl)
{
	if (*p && (*p)->n) {
		struct vitem *it = vl_push(L, vl, V_PARA, 0);
		it->u.para = *p;
	}
	*p = NULL;
}

static void push_mark(struct lay *L, xmlNodePtr n, struct vlist *vl)
{
	const char *id = attr(n, "id");
	if (id && *id) {
		struct vitem *it = vl_push(L, vl, V_MARK, 0);
		it->u.id = id;
		it->keep_next = 1; /* a mark goes with what follows it */
	}
}

/* The content of a block-level container: text and inline elements make
 * paragraphs; blocks and tables interrupt them.  block_only: a flow,
 * static content or table cell, where text is not allowed. */
static int emit_block_content(struct lay *L, xmlNodePtr n, const struct style *st,
                              const struct area *ar, struct vlist *vl, int block_only)
{
	if (++L->depth > MAX_DEPTH) {
		fail_at(L, n);
		return diag_error(L->d, "layout nested too deeply");
	}
	struct para *p = NULL;
	int first_line = 1; /* text-indent applies to the block's first line */
	int ret = 0;
	for (xmlNodePtr c = n->children; c && ret == 0; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_IGNORE)
			continue;
		if (block_only && k != K_BLOCK && k != K_TABLE) {
			if (k == K_TEXT && is_blank(c->content))
				continue;
			ret = unsupported(L, c, n);
			break;
		}
		switch (k) {
		case K_BLOCK:
			flush_para(L, &p, vl);
			ret = emit_block(L, c, st, ar, vl);
			break;
		case K_TABLE:
			flush_para(L, &p, vl);
			ret = emit_table(L, c, st, ar, vl);
			break;
		case K_TEXT:
		case K_INLINE:
		case K_PAGE_NUMBER:
		case K_LEADER:
		case K_FIELD:
		case K_CHANGE:
			if (!p) {
				if (k == K_TEXT && is_blank(c->content))
					break; /* whitespace between blocks */
				p = para_new(L, st, ar);
				if (!first_line)
					p->text_indent = 0;
				first_line = 0;
			}
			if (k == K_INLINE)
				push_mark(L, c, vl);
			ret = emit_inline(L, c, n, st, p);
			break;
		default: ret = unsupported(L, c, n); break;
		}
	}
	if (ret == 0)
		flush_para(L, &p, vl);
	L->depth--;
	return ret;
}

static void push_rule(struct lay *L, struct vlist *vl, const struct border *b, double x1, double x2)
{
	struct vitem *it = vl_push(L, vl, V_RULE, b->w);
	it->u.rule.x1 = x1;
	it->u.rule.x2 = x2;
	it->u.rule.thickness = b->w;
	it->u.rule.style = b->style;
}

/* Space before or after a block: adjacent spaces resolve to the larger
 * one (XSL-FO's rule for equal precedence), marks do not separate them. */
static void push_space(struct lay *L, struct vlist *vl, double h, int retain)
{
	if (h <= 0)
		return;
	size_t i = vl->n;
	while (i > 0 && vl->v[i - 1].kind == V_MARK)
		i--;
	if (i > 0 && vl->v[i - 1].kind == V_SPACE && !vl->v[i - 1].pad) {
		struct vitem *sp = &vl->v[i - 1];
		if (h > sp->h)
			sp->h = h;
		sp->retain |= (unsigned char)retain;
		return;
	}
	struct vitem *it = vl_push(L, vl, V_SPACE, h);
	it->retain = (unsigned char)retain;
}

static void push_padding(struct lay *L, struct vlist *vl, double h)
{
	if (h <= 0)
		return;
	struct vitem *it = vl_push(L, vl, V_SPACE, h);
	it->retain = 1;
	it->pad = 1;
}

/* Does n draw anything: text that is not blank, a leader, a page
 * number, a table, a field?  (An empty block takes no room.) */
static int draws(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		switch (kind_of(c)) {
		case K_TEXT:
			if (!is_blank(c->content))
				return 1;
			break;
		case K_LEADER:
		case K_PAGE_NUMBER:
		case K_TABLE:
		case K_FIELD: return 1;
		case K_IGNORE: break;
		default:
			if (c->type == XML_ELEMENT_NODE && draws(c))
				return 1;
		}
	}
	return 0;
}

static int emit_block(struct lay *L, xmlNodePtr n, const struct style *parent,
                      const struct area *ar, struct vlist *vl)
{
	struct style st;
	style_of(n, parent, &st);
	struct box bx;
	box_of(n, ar->w, &bx);
	if (bx.keep_prev)
		keep_with_previous(vl);
	if (bx.break_before)
		vl_push(L, vl, V_BREAK, 0);
	push_mark(L, n, vl);
	const struct border *b = bx.b;
	if (!draws(n) && b[0].style < 0 && b[1].style < 0 && bx.pad[0] <= 0 && bx.pad[1] <= 0) {
		/* an empty block takes no room at all, its spaces included */
		if (bx.keep_next)
			vl->keep_pending = 1;
		if (bx.break_after) {
			vl->keep_pending = 0;
			vl_push(L, vl, V_BREAK, 0);
		}
		return 0;
	}
	push_space(L, vl, bx.space_before, bx.retain_before);
	/* start-indent measures to the content: padding and border lie
	 * before it, as XSL defines them */
	double x1 = st.start_indent - bx.pad[2] - (b[2].style >= 0 ? b[2].w : 0);
	double x2 = ar->w - st.end_indent + bx.pad[3] + (b[3].style >= 0 ? b[3].w : 0);
	if (b[0].style >= 0) {
		push_rule(L, vl, &b[0], ar->x + x1, ar->x + x2);
		vl->v[vl->n - 1].keep_next = 1;
	}
	if (bx.pad[0] > 0) {
		push_padding(L, vl, bx.pad[0]);
		vl->v[vl->n - 1].keep_next = 1;
	}
	size_t before = vl->n;
	if (emit_block_content(L, n, &st, ar, vl, 0) < 0)
		return -1;
	if (bx.pad[1] > 0 || b[1].style >= 0) {
		if (vl->n > before)
			vl->keep_pending = 1; /* the block's end stays with its last line */
		push_padding(L, vl, bx.pad[1]);
		if (b[1].style >= 0)
			push_rule(L, vl, &b[1], ar->x + x1, ar->x + x2);
		vl->keep_pending = 0;
	}
	if (bx.keep_next)
		vl->keep_pending = 1;
	push_space(L, vl, bx.space_after, 0);
	if (bx.break_after) {
		vl->keep_pending = 0;
		vl_push(L, vl, V_BREAK, 0);
	}
	return 0;
}

/* Column widths of a table: lengths, percentages of its width, and
 * proportional-column-width(N) sharing what is left. */
static int table_columns(struct lay *L, xmlNodePtr tn, double width, double **colw, int *ncols)
{
	double *w = NULL, *prop = NULL;
	size_t n = 0, cap = 0, pcap = 0;
	for (xmlNodePtr c = tn->children; c; c = c->next) {
		if (kind_of(c) != K_TABLE_COLUMN)
			continue;
		const char *v = attr(c, "number-columns-repeated");
		int rep = v ? atoi(v) : 1;
		if (rep < 1 || rep > 1000)
			rep = 1;
		const char *cw = attr(c, "column-width");
		double fixed = -1, pw = 0;
		if (cw && !strncmp(cw, "proportional-column-width(", 26))
			pw = atof(cw + 26);
		else if (cw && fo_length(cw, width, &fixed) < 0) {
			fail_at(L, c);
			return diag_error(L->d, "column-width '%s' is not a length", cw);
		}
		if (!cw)
			pw = 1;
		for (int r = 0; r < rep; r++) {
			w = arena_grow(L->a, w, sizeof *w, n + 1, &cap);
			prop = arena_grow(L->a, prop, sizeof *prop, n + 1, &pcap);
			w[n] = fixed;
			prop[n] = pw > 0 ? pw : 0;
			n++;
		}
	}
	double used = 0, ptotal = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] >= 0)
			used += w[i];
		else
			ptotal += prop[i];
	}
	for (size_t i = 0; i < n; i++)
		if (w[i] < 0)
			w[i] = ptotal > 0 && width > used ? (width - used) * prop[i] / ptotal : 0;
	*colw = w;
	*ncols = (int)n;
	return 0;
}

/* Apply the table's border to the cells on its edges (collapsing: the
 * wider border wins). */
static void edge_border(struct border *cell, const struct border *table)
{
	if (table->style >= 0 && (cell->style < 0 || table->w > cell->w))
		*cell = *table;
}

/* Rows and cells of a table-header or table-body. */
static int emit_section(struct lay *L, xmlNodePtr sn, const struct style *tst, struct section *s,
                        const double *colx, const double *colw, int ncols)
{
	struct style sst;
	style_of(sn, tst, &sst);
	/* occupied[c]: rows still taken in column c by a cell spanning down */
	int *occupied = arena_zalloc(L->a, (size_t)(ncols + 1) * sizeof *occupied);
	for (xmlNodePtr r = sn->children; r; r = r->next) {
		enum kind k = kind_of(r);
		if (k == K_IGNORE || (k == K_TEXT && is_blank(r->content)))
			continue;
		if (k != K_TABLE_ROW)
			return unsupported(L, r, sn);
		struct style rst;
		style_of(r, &sst, &rst);
		s->keep = arena_grow(L->a, s->keep, 1, (size_t)s->nrows + 1, &s->akeep);
		struct box rbx;
		box_of(r, 0, &rbx);
		s->keep[s->nrows] =
		    (unsigned char)(rbx.keep_next | rbx.keep_prev << 1 | rbx.keep_together << 2);
		const struct border *rb = rbx.b;
		int col = 0;
		for (xmlNodePtr c = r->children; c; c = c->next) {
			enum kind ck = kind_of(c);
			if (ck == K_IGNORE || (ck == K_TEXT && is_blank(c->content)))
				continue;
			if (ck != K_TABLE_CELL)
				return unsupported(L, c, r);
			const char *v = attr(c, "column-number");
			if (v && atoi(v) >= 1)
				col = atoi(v) - 1;
			while (col < ncols && occupied[col] > 0)
				col++;
			v = attr(c, "number-columns-spanned");
			int span = v ? atoi(v) : 1;
			v = attr(c, "number-rows-spanned");
			int rspan = v ? atoi(v) : 1;
			if (span < 1)
				span = 1;
			if (rspan < 1)
				rspan = 1;
			if (col + span > ncols) {
				fail_at(L, c);
				return diag_error(L->d, "table cell beyond the table's %d columns",
				                  ncols);
			}
			s->cells =
			    arena_grow(L->a, s->cells, sizeof *s->cells, s->ncells + 1, &s->acells);
			struct tcell *tc = &s->cells[s->ncells++];
			memset(tc, 0, sizeof *tc);
			tc->row = s->nrows;
			tc->nrows = rspan;
			tc->col = col;
			tc->ncols = span;
			tc->x = colx[col];
			tc->w = colx[col + span - 1] + colw[col + span - 1] - colx[col];
			struct box cbx;
			box_of(c, tc->w, &cbx);
			memcpy(tc->b, cbx.b, sizeof tc->b);
			memcpy(tc->pad, cbx.pad, sizeof tc->pad);
			edge_border(&tc->b[0], &rb[0]);
			edge_border(&tc->b[1], &rb[1]);
			struct style cst;
			style_of(c, &rst, &cst);
			tc->valign = cst.valign;
			struct area inner;
			double bl = tc->b[2].style >= 0 ? tc->b[2].w / 2 : 0;
			double br = tc->b[3].style >= 0 ? tc->b[3].w / 2 : 0;
			inner.x = tc->x + tc->pad[2] + bl;
			inner.w = tc->w - tc->pad[2] - tc->pad[3] - bl - br;
			if (inner.w < 1)
				inner.w = 1;
			cst.ref_width = inner.w;
			tc->content = arena_zalloc(L->a, sizeof *tc->content);
			push_mark(L, c, tc->content);
			if (emit_block_content(L, c, &cst, &inner, tc->content, 1) < 0)
				return -1;
			for (int k2 = 0; k2 < span; k2++)
				occupied[col + k2] = rspan;
			col += span;
		}
		for (int k2 = 0; k2 < ncols; k2++)
			if (occupied[k2] > 0)
				occupied[k2]--;
		s->nrows++;
	}
	return 0;
}

static int emit_table(struct lay *L, xmlNodePtr n, const struct style *parent,
                      const struct area *ar, struct vlist *vl)
{
	struct style st;
	style_of(n, parent, &st);
	struct box bx;
	box_of(n, ar->w, &bx);
	if (bx.keep_prev)
		keep_with_previous(vl);
	if (bx.break_before)
		vl_push(L, vl, V_BREAK, 0);
	push_mark(L, n, vl);
	push_space(L, vl, bx.space_before, bx.retain_before);
	double x0 = ar->x + st.start_indent;
	double width = ar->w - st.start_indent - st.end_indent;
	const char *v = attr(n, "width");
	double w;
	if (v && strcmp(v, "auto") && fo_length(v, width, &w) == 0 && w > 0)
		width = w;
	double *colw = NULL;
	int ncols = 0;
	if (table_columns(L, n, width, &colw, &ncols) < 0)
		return -1;
	if (ncols == 0) {
		/* no fo:table-column: as many equal columns as the first row has cells */
		for (xmlNodePtr s = n->children; s && !ncols; s = s->next)
			if (kind_of(s) == K_TABLE_BODY || kind_of(s) == K_TABLE_HEADER)
				for (xmlNodePtr r = s->children; r && !ncols; r = r->next)
					if (kind_of(r) == K_TABLE_ROW)
						for (xmlNodePtr c = r->children; c; c = c->next)
							if (kind_of(c) == K_TABLE_CELL) {
								const char *sp = attr(
								    c, "number-columns-spanned");
								ncols += sp && atoi(sp) > 1
								             ? atoi(sp)
								             : 1;
							}
		if (!ncols) {
			fail_at(L, n);
			return diag_error(L->d, "table without columns or cells");
		}
		colw = arena_alloc(L->a, (size_t)ncols * sizeof *colw);
		for (int i = 0; i < ncols; i++)
			colw[i] = width / ncols;
	}
	double *colx = arena_alloc(L->a, (size_t)(ncols + 1) * sizeof *colx);
	colx[0] = x0;
	for (int i = 0; i < ncols; i++)
		colx[i + 1] = colx[i] + colw[i];

	struct table *t = arena_zalloc(L->a, sizeof *t);
	v = attr(n, "table-omit-header-at-break");
	t->omit_header = v && !strcmp(v, "true");
	const struct border *tb = bx.b;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_IGNORE || k == K_TABLE_COLUMN || (k == K_TEXT && is_blank(c->content)))
			continue;
		if (k == K_TABLE_HEADER) {
			if (emit_section(L, c, &st, &t->header, colx, colw, ncols) < 0)
				return -1;
		} else if (k == K_TABLE_BODY) {
			/* several bodies read as one */
			if (emit_section(L, c, &st, &t->body, colx, colw, ncols) < 0)
				return -1;
		} else
			return unsupported(L, c, n);
	}
	/* the table's own border on its outer cells */
	for (int s = 0; s < 2; s++) {
		struct section *sec = s ? &t->body : &t->header;
		for (size_t i = 0; i < sec->ncells; i++) {
			struct tcell *tc = &sec->cells[i];
			if (tc->col == 0)
				edge_border(&tc->b[2], &tb[2]);
			if (tc->col + tc->ncols == ncols)
				edge_border(&tc->b[3], &tb[3]);
			if (tc->row == 0 && (s == 0 || t->header.nrows == 0))
				edge_border(&tc->b[0], &tb[0]);
			if (s == 1 && tc->row + tc->nrows >= sec->nrows)
				edge_border(&tc->b[1], &tb[1]);
		}
	}
	struct vitem *it = vl_push(L, vl, V_TABLE, 0);
	it->u.table = t;
	if (bx.keep_next)
		vl->keep_pending = 1;
	push_space(L, vl, bx.space_after, 0);
	if (bx.break_after) {
		vl->keep_pending = 0;
		vl_push(L, vl, V_BREAK, 0);
	}
	return 0;
}

/* ---- expansion: paragraphs into lines, tables into row groups (step 2) ---------------- */

static int expand(struct lay *L, const struct vlist *in, struct vlist *out);

static const struct font *face_font(const struct lay *L, int face)
{
	return L->doc->faces[face].font;
}

static int is_mark_cp(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F);
}

/* Byte offset of unit u of word s: a unit is a character with the
 * combining marks that follow it. */
static size_t unit_offset(const char *s, size_t len, unsigned u)
{
	size_t i = 0;
	unsigned k = 0;
	while (i < len && k < u) {
		lb_utf8_next(s, len, &i);
		size_t j = i;
		while (j < len) {
			size_t t = j;
			if (!is_mark_cp(lb_utf8_next(s, len, &t)))
				break;
			j = t;
		}
		i = j;
		k++;
	}
	return i;
}

static void word_units(struct lay *L, struct atom *a)
{
	const struct font *f = face_font(L, a->face);
	unsigned n = 0, cap = 0;
	float *u = NULL;
	size_t i = 0;
	while (i < a->len) {
		uint32_t c = lb_utf8_next(a->s, a->len, &i);
		double w = font_advance(f, c);
		while (i < a->len) {
			size_t t = i;
			uint32_t m = lb_utf8_next(a->s, a->len, &t);
			if (!is_mark_cp(m))
				break;
			w += font_advance(f, m);
			i = t;
		}
		if (n == cap) {
			size_t c2 = cap;
			u = arena_grow(L->a, u, sizeof *u, n + 1, &c2);
			cap = (unsigned)c2;
		}
		u[n++] = (float)(w * a->size / 1000.0);
	}
	a->units = u;
	a->nunits = n;
}

static void format_number(int n, char fmt, char *out, size_t len)
{
	if (fmt == 'i' || fmt == 'I') {
		static const struct {
			int v;
			const char *s;
		} r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		         {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
		         {5, "v"},    {4, "iv"},   {1, "i"}};
		size_t k = 0;
		out[0] = 0;
		for (size_t i = 0; i < sizeof r / sizeof r[0] && n > 0 && n < 4000; i++)
			while (n >= r[i].v && k + 3 < len) {
				for (const char *c = r[i].s; *c; c++)
					out[k++] = fmt == 'I' ? (char)(*c - 'a' + 'A') : *c;
				n -= r[i].v;
			}
		out[k] = 0;
		if (k)
			return;
	}
	snprintf(out, len, "%d", n);
}

struct metrics {
	double above, below;
};

static void add_metrics(const struct lay *L, struct metrics *m, int face, double size, double lh)
{
	const struct font *f = face_font(L, face);
	double a = font_ascent(f) * size / 1000.0, d = font_descent(f) * size / 1000.0;
	double half = (lh - (a + d)) / 2;
	if (a + half > m->above)
		m->above = a + half;
	if (d + half > m->below)
		m->below = d + half;
}

struct runb {
	struct lay *L;
	struct line *line;
	size_t cap;
	int open;
	int face;
	float size;
	double x, end;
};

static struct run *run_new(struct runb *rb)
{
	struct line *l = rb->line;
	l->runs = arena_grow(rb->L->a, l->runs, sizeof *l->runs, l->n + 1, &rb->cap);
	struct run *r = &l->runs[l->n++];
	memset(r, 0, sizeof *r);
	return r;
}

static void run_close(struct runb *rb)
{
	if (!rb->open)
		return;
	struct run *r = run_new(rb);
	r->kind = R_TEXT;
	r->face = rb->face;
	r->size = rb->size;
	r->x = rb->x;
	r->w = rb->end - rb->x;
	r->s = arena_strndup(rb->L->a, rb->L->tmp.ptr, rb->L->tmp.len);
	rb->open = 0;
}

/* Add text at x in a face, joining the open run when it continues it. */
static void run_text(struct runb *rb, int face, float size, double x, double w, const char *s,
                     size_t len)
{
	if (!rb->open || rb->face != face || rb->size != size || fabs(rb->end - x) > 1e-4) {
		run_close(rb);
		buf_reset(&rb->L->tmp);
		rb->open = 1;
		rb->face = face;
		rb->size = size;
		rb->x = x;
	}
	buf_add(&rb->L->tmp, s, len);
	rb->end = x + w;
}

/* Runs of line l of p, positioned; returns the line's height. */
static double make_line(struct lay *L, const struct para *p, const struct lb_line *l, int first,
                        int last, struct line *out)
{
	double avail = p->width - (first ? p->text_indent : 0);
	double x = p->x0 + (first ? p->text_indent : 0);
	size_t lo = l->start.i, hi = l->end.u ? l->end.i + 1 : l->end.i;
	size_t last_box = lo;
	int any_box = 0;
	double stretch = 0;
	for (size_t i = lo; i < hi; i++) {
		const struct atom *a = &p->atoms[i];
		if (a->kind != AT_GLUE) {
			last_box = i;
			any_box = 1;
		}
		if (a->kind == AT_LEADER)
			stretch += a->lmax - a->lopt;
	}
	double extra = avail - l->width;
	double give = extra > 0 && stretch > 0 ? (extra < stretch ? extra : stretch) : 0;
	extra -= give;
	int al = p->align;
	if (p->n == 1 && p->atoms[0].kind == AT_LEADER && p->atoms[0].pattern == LP_RULE)
		al = AL_CENTER; /* a block holding only a rule is a short centred rule */
	else if (last)
		al = p->align_last >= 0 ? p->align_last : al == AL_JUSTIFY ? AL_START : al;
	double gx = 0, off = 0;
	if (al == AL_JUSTIFY && l->nglue && extra > 0)
		gx = extra / l->nglue;
	else if (al == AL_CENTER && extra > 0)
		off = extra / 2;
	else if (al == AL_END && extra > 0)
		off = extra;
	x += off;

	struct metrics m = {0, 0};
	add_metrics(L, &m, p->strut_face, p->strut_size, p->strut_lh);
	struct runb rb = {L, out, 0, 0, 0, 0, 0, 0};
	memset(out, 0, sizeof *out);
	for (size_t i = lo; any_box && i <= last_box; i++) {
		const struct atom *a = &p->atoms[i];
		unsigned u0 = i == l->start.i ? l->start.u : 0;
		unsigned u1 = i == l->end.i && l->end.u ? l->end.u : a->nunits;
		switch (a->kind) {
		case AT_GLUE:
			if (gx == 0)
				run_text(&rb, a->face, a->size, x, a->w, " ", 1);
			x += a->w + gx;
			break;
		case AT_WORD: {
			add_metrics(L, &m, a->face, a->size, a->lh);
			if (u0 == 0 && (!a->nunits || u1 == a->nunits)) {
				run_text(&rb, a->face, a->size, x, a->w, a->s, a->len);
				x += a->w;
			} else {
				size_t b0 = unit_offset(a->s, a->len, u0);
				size_t b1 = unit_offset(a->s, a->len, u1);
				double w = 0;
				for (unsigned k = u0; k < u1; k++)
					w += a->units[k];
				run_text(&rb, a->face, a->size, x, w, a->s + b0, b1 - b0);
				x += w;
			}
			break;
		}
		case AT_LEADER: {
			add_metrics(L, &m, a->face, a->size, a->lh);
			double w =
			    a->lopt + (stretch > 0 ? give * (a->lmax - a->lopt) / stretch : 0);
			run_close(&rb);
			if (a->pattern == LP_RULE) {
				struct run *r = run_new(&rb);
				r->kind = R_RULE;
				r->x = x;
				r->w = w;
				r->thickness = a->thickness;
				r->style = a->rule_style;
				r->dy = 0;
			} else if (a->pattern == LP_DOTS) {
				double dw =
				    font_advance(face_font(L, a->face), '.') * a->size / 1000.0;
				size_t nd = dw > 0 ? (size_t)floor(w / dw + 1e-6) : 0;
				if (nd) {
					struct buf *b = &L->tmp;
					buf_reset(b);
					for (size_t k = 0; k < nd; k++)
						buf_addc(b, '.');
					struct run *r = run_new(&rb);
					r->kind = R_TEXT;
					r->face = a->face;
					r->size = a->size;
					r->x = x;
					r->w = nd * dw;
					r->s = arena_strndup(L->a, b->ptr, b->len);
				}
			}
			x += w;
			break;
		}
		case AT_PAGENUM: {
			add_metrics(L, &m, a->face, a->size, a->lh);
			run_close(&rb);
			struct run *r = run_new(&rb);
			r->kind = L->pagenum_text ? R_TEXT : R_PAGENUM;
			r->face = a->face;
			r->size = a->size;
			r->x = x;
			r->w = a->w;
			r->s = L->pagenum_text
			           ? arena_strndup(L->a, L->pagenum_text, strlen(L->pagenum_text))
			           : NULL;
			x += a->w;
			break;
		}
		}
	}
	run_close(&rb);
	out->above = m.above;
	return m.above + m.below;
}

/* Does the word at s (len bytes) open with a dash: "-", "–" or "—"? */
static int opens_with_dash(const char *s, size_t len)
{
	return (len >= 1 && s[0] == '-') ||
	       (len >= 3 && !memcmp(s, "\xE2\x80", 2) && (s[2] == '\x93' || s[2] == '\x94'));
}

/* Does glue atom i of p bind its neighbours, as a no-break space would?
 * A line that ends with a hyphen at the end of a word ("2014-" of "2014-
 * 2015") reads as a word broken at its hyphen, and one that opens with a
 * dash ("- Đà Lạt" of "Xuân Hương - Đà Lạt") as a list entry: neither
 * break is made.  The PDF reader knows these bonds when it tells a
 * wrapped line (extract/read/pdf/pdf_analyze.c, first_word_width). */
static int glue_binds(const struct para *p, size_t i)
{
	const struct atom *a = i > 0 ? &p->atoms[i - 1] : NULL;
	const struct atom *b = i + 1 < p->n ? &p->atoms[i + 1] : NULL;
	if (a && a->kind == AT_WORD && a->len >= 2 && a->s[a->len - 1] == '-')
		return 1;
	return b && b->kind == AT_WORD && opens_with_dash(b->s, b->len);
}

static void break_para(struct lay *L, const struct vitem *src, struct vlist *out)
{
	struct para *p = src->u.para;
	double wfirst = p->width - p->text_indent, wrest = p->width;
	double wmin = wfirst < wrest ? wfirst : wrest;
	struct lb_item *items = arena_alloc(L->a, p->n * sizeof *items);
	for (size_t i = 0; i < p->n; i++) {
		struct atom *a = &p->atoms[i];
		const struct font *f = face_font(L, a->face);
		switch (a->kind) {
		case AT_WORD:
			a->w = (float)lb_text_width(f, a->size, a->s, a->len);
			if (a->w > wmin && !a->units)
				word_units(L, a);
			break;
		case AT_GLUE: a->w = (float)(font_advance(f, ' ') * a->size / 1000.0); break;
		case AT_LEADER: a->w = a->lopt; break;
		case AT_PAGENUM: {
			const char *t = L->pagenum_text ? L->pagenum_text : "00";
			a->w = (float)lb_text_width(f, a->size, t, strlen(t));
			break;
		}
		}
		items[i].kind = a->kind == AT_GLUE ? LB_GLUE : LB_BOX;
		items[i].width = a->w;
		items[i].units = a->kind == AT_WORD ? a->units : NULL;
		items[i].nunits = a->kind == AT_WORD ? a->nunits : 0;
		items[i].nobreak = a->kind == AT_GLUE && glue_binds(p, i);
	}
	struct lb_line *lines;
	size_t n = lb_break(items, p->n, wfirst, wrest, &lines);
	for (size_t k = 0; k < n; k++) {
		struct line *ln = arena_zalloc(L->a, sizeof *ln);
		double h = make_line(L, p, &lines[k], k == 0, k + 1 == n, ln);
		struct vitem *it = vl_push(L, out, V_LINE, h);
		it->u.line = ln;
		/* orphans and widows: two lines each */
		if ((k == 0 && n >= 2) || (n >= 3 && k == n - 2))
			it->keep_next = 1;
		if (k + 1 == n)
			it->keep_next = src->keep_next;
	}
	free(lines);
}

/* Height of a cell's items [from, to), without spaces at either end. */
static double range_height(const struct vitem *v, size_t from, size_t to)
{
	while (from < to && (v[from].kind == V_SPACE || v[from].kind == V_MARK))
		from++;
	while (to > from && v[to - 1].kind == V_SPACE)
		to--;
	double h = 0;
	for (size_t i = from; i < to; i++)
		h += v[i].h;
	return h;
}

static double cell_frame(const struct tcell *c)
{
	return c->pad[0] + c->pad[1] + (c->b[0].style >= 0 ? c->b[0].w / 2 : 0) +
	       (c->b[1].style >= 0 ? c->b[1].w / 2 : 0);
}

/* Row heights from the cells: each row as tall as its tallest single-row
 * cell; a spanning cell that needs more grows its last row. */
static void group_heights(struct lay *L, struct group *g)
{
	g->rowh = arena_zalloc(L->a, (size_t)(g->nrows ? g->nrows : 1) * sizeof *g->rowh);
	for (size_t i = 0; i < g->ncells; i++) {
		struct gcell *gc = &g->cells[i];
		gc->content_h = range_height(gc->items, gc->from, gc->to);
		if (gc->nrows == 1) {
			double need = gc->content_h + cell_frame(gc->c);
			if (need > g->rowh[gc->row])
				g->rowh[gc->row] = need;
		}
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < g->ncells; i++) {
			struct gcell *gc = &g->cells[i];
			if (gc->nrows <= 1)
				continue;
			double have = 0;
			for (int r = gc->row; r < gc->row + gc->nrows; r++)
				have += g->rowh[r];
			double need = gc->content_h + cell_frame(gc->c);
			if (need > have)
				g->rowh[gc->row + gc->nrows - 1] += need - have;
		}
	g->h = 0;
	for (int r = 0; r < g->nrows; r++)
		g->h += g->rowh[r];
}

/* The groups of a section: rows tied together by vertical spans. */
static int section_groups(struct lay *L, struct table *t, struct section *s, int header,
                          struct vlist *out, int keep_last)
{
	int start = 0;
	size_t ci = 0;
	while (start < s->nrows) {
		int end = start;
		size_t cj = ci;
		/* extend while a cell started so far reaches further down */
		for (int r = start; r <= end; r++)
			for (; cj < s->ncells && s->cells[cj].row == r; cj++) {
				int last = s->cells[cj].row + s->cells[cj].nrows - 1;
				if (last >= s->nrows)
					last = s->nrows - 1;
				if (last > end)
					end = last;
			}
		struct group *g = arena_zalloc(L->a, sizeof *g);
		g->t = t;
		g->header = header;
		g->nrows = end - start + 1;
		g->keep = s->keep + start;
		g->ncells = cj - ci;
		g->cells = arena_zalloc(L->a, (g->ncells ? g->ncells : 1) * sizeof *g->cells);
		for (size_t k = 0; k < g->ncells; k++) {
			struct tcell *c = &s->cells[ci + k];
			struct gcell *gc = &g->cells[k];
			struct vlist cv = {0};
			if (expand(L, c->content, &cv) < 0)
				return -1;
			gc->c = c;
			gc->row = c->row - start;
			gc->nrows = c->nrows;
			if (gc->row + gc->nrows > g->nrows)
				gc->nrows = g->nrows - gc->row;
			gc->items = cv.v;
			gc->from = 0;
			gc->to = cv.n;
		}
		group_heights(L, g);
		struct vitem *it = vl_push(L, out, V_ROWS, g->h);
		it->u.group = g;
		if (header) {
			it->keep_next = 1;
			t->headers = arena_grow(L->a, t->headers, sizeof *t->headers,
			                        t->nheaders + 1, &t->aheaders);
			t->headers[t->nheaders++] = g;
		}
		ci = cj;
		start = end + 1;
		if (start >= s->nrows && keep_last)
			it->keep_next = 1;
		/* keep-with-next on its last row, keep-with-previous on the next */
		if ((s->keep[end] & 1) || (start < s->nrows && (s->keep[start] & 2)))
			it->keep_next = 1;
	}
	return 0;
}

static int expand(struct lay *L, const struct vlist *in, struct vlist *out)
{
	if (++L->depth > MAX_DEPTH) {
		L->depth--;
		return diag_error(L->d, "layout nested too deeply");
	}
	for (size_t i = 0; i < in->n; i++) {
		const struct vitem *it = &in->v[i];
		if (it->kind == V_PARA)
			break_para(L, it, out);
		else if (it->kind == V_TABLE) {
			struct table *t = it->u.table;
			t->nheaders = t->aheaders = 0;
			t->headers = NULL;
			if (section_groups(L, t, &t->header, 1, out, 0) < 0 ||
			    section_groups(L, t, &t->body, 0, out, it->keep_next) < 0) {
				L->depth--;
				return -1;
			}
		} else {
			struct vitem *o = vl_push(L, out, (enum vkind)it->kind, it->h);
			*o = *it;
		}
	}
	L->depth--;
	return 0;
}

/* ---- rendering placed items into a page's display list ------------------------------- */

static struct pl_op *op_push(struct lay *L, struct pl_page *pg, enum pl_op_kind kind)
{
	pg->ops = arena_grow(L->a, pg->ops, sizeof *pg->ops, pg->nops + 1, &pg->aops);
	struct pl_op *op = &pg->ops[pg->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	return op;
}

static void rule_op(struct lay *L, struct pl_page *pg, double x1, double y1, double x2, double y2,
                    double w, int style)
{
	if (style < 0 || w <= 0)
		return;
	struct pl_op *op = op_push(L, pg, PL_RULE);
	op->u.rule.x1 = x1;
	op->u.rule.y1 = y1;
	op->u.rule.x2 = x2;
	op->u.rule.y2 = y2;
	op->u.rule.width = w;
	op->u.rule.style = (enum pl_rule_style)style;
}

static void record_id(struct lay *L, const char *id, double y)
{
	L->ids = xgrow(L->ids, sizeof *L->ids, L->nids + 1, &L->aids);
	L->ids[L->nids].id = id;
	L->ids[L->nids].page = L->doc->npages - 1;
	L->ids[L->nids].y = y;
	L->nids++;
}

static void render_group(struct lay *L, struct pl_page *pg, const struct group *g, double xo,
                         double y);

static void render_line(struct lay *L, struct pl_page *pg, const struct line *ln, double xo,
                        double y)
{
	double base = y + ln->above;
	for (size_t i = 0; i < ln->n; i++) {
		const struct run *r = &ln->runs[i];
		if (r->kind == R_RULE) {
			rule_op(L, pg, xo + r->x, base + r->dy, xo + r->x + r->w, base + r->dy,
			        r->thickness, r->style);
			continue;
		}
		struct pl_op *op = op_push(L, pg, PL_TEXT);
		op->u.text.face = r->face;
		op->u.text.size = r->size;
		op->u.text.x = xo + r->x;
		op->u.text.y = base;
		if (r->kind == R_PAGENUM) {
			char num[32];
			format_number(pg->number, pg->format, num, sizeof num);
			op->u.text.s = arena_strndup(L->a, num, strlen(num));
		} else
			op->u.text.s = r->s;
	}
}

/* Draw items [from, to) stacked from y; returns the y below them. */
static double render_items(struct lay *L, struct pl_page *pg, const struct vitem *v, size_t from,
                           size_t to, double xo, double y, int skip_leading)
{
	for (size_t i = from; i < to; i++) {
		const struct vitem *it = &v[i];
		if (skip_leading && it->kind == V_SPACE)
			continue;
		switch (it->kind) {
		case V_LINE: render_line(L, pg, it->u.line, xo, y); break;
		case V_RULE:
			rule_op(L, pg, xo + it->u.rule.x1, y + it->h / 2, xo + it->u.rule.x2,
			        y + it->h / 2, it->u.rule.thickness, it->u.rule.style);
			break;
		case V_ROWS: render_group(L, pg, it->u.group, xo, y); break;
		case V_MARK: record_id(L, it->u.id, y); continue;
		default: break;
		}
		if (it->kind != V_SPACE)
			skip_leading = 0;
		y += it->h;
	}
	return y;
}

static void render_group(struct lay *L, struct pl_page *pg, const struct group *g, double xo,
                         double y)
{
	double *top = arena_alloc(L->a, (size_t)(g->nrows + 1) * sizeof *top);
	top[0] = y;
	for (int r = 0; r < g->nrows; r++)
		top[r + 1] = top[r] + g->rowh[r];
	for (size_t i = 0; i < g->ncells; i++) {
		const struct gcell *gc = &g->cells[i];
		const struct tcell *c = gc->c;
		double x1 = xo + c->x, x2 = x1 + c->w;
		double y1 = top[gc->row], y2 = top[gc->row + gc->nrows];
		double bt = c->b[0].style >= 0 ? c->b[0].w / 2 : 0;
		double space = y2 - y1 - cell_frame(c);
		double off = 0;
		if (c->valign == 1 && space > gc->content_h)
			off = (space - gc->content_h) / 2;
		else if (c->valign == 2 && space > gc->content_h)
			off = space - gc->content_h;
		render_items(L, pg, gc->items, gc->from, gc->to, xo, y1 + c->pad[0] + bt + off, 1);
		rule_op(L, pg, x1, y1, x2, y1, c->b[0].w, c->b[0].style);
		rule_op(L, pg, x1, y2, x2, y2, c->b[1].w, c->b[1].style);
		rule_op(L, pg, x1, y1, x1, y2, c->b[2].w, c->b[2].style);
		rule_op(L, pg, x2, y1, x2, y2, c->b[3].w, c->b[3].style);
	}
}

/* ---- splitting a group of rows between pages ------------------------------------------- */

/* How many of a cell's items fit in space: the index after the last one
 * placed; *lines counts the lines placed. */
static size_t fit_items(const struct gcell *gc, double space, int *lines)
{
	size_t i = gc->from, last = gc->from;
	double h = 0;
	*lines = 0;
	while (i < gc->to && (gc->items[i].kind == V_SPACE || gc->items[i].kind == V_MARK))
		i++;
	for (; i < gc->to; i++) {
		if (h + gc->items[i].h > space + EPS)
			break;
		h += gc->items[i].h;
		if (gc->items[i].kind != V_SPACE) {
			last = i + 1;
			*lines += gc->items[i].kind == V_LINE || gc->items[i].kind == V_ROWS;
		}
	}
	return last;
}

static size_t first_content(const struct gcell *gc)
{
	size_t i = gc->from;
	while (i < gc->to && (gc->items[i].kind == V_SPACE || gc->items[i].kind == V_MARK))
		i++;
	return i < gc->to ? i + 1 : gc->to;
}

static int has_more_lines(const struct gcell *gc, size_t from)
{
	for (size_t i = from; i < gc->to; i++)
		if (gc->items[i].kind == V_LINE || gc->items[i].kind == V_ROWS)
			return 1;
	return 0;
}

/* x, the piece that goes on the next page of a cell spanning rows that a
 * page break cuts (gc), whose text all went on the page before: its
 * text again over the rows that start on the new page, as a reader of
 * that page sees them (equal cells that the layout merged would
 * otherwise leave it empty there).  With skip (1 when the first row of
 * the rest goes on a row cut between lines, else 0) that row keeps an
 * empty piece of its own, x, and the text is a new piece of rest. */
static void repeat_spanned(struct group *rest, struct gcell *x, const struct gcell *gc, int skip)
{
	if (skip && x->nrows <= skip)
		return;
	if (skip) {
		struct gcell *y = &rest->cells[rest->ncells++];
		*y = *gc;
		y->row = x->row + skip;
		y->nrows = x->nrows - skip;
		x->nrows = skip;
		x->from = x->to;
		x = y;
	}
	x->from = gc->from;
	x->to = gc->to;
}

/* Split g so that its first part fits in avail: rows that fit whole, then
 * the row that does not fit cut between lines in each of its cells (at
 * least two lines of a cell, or none of it: orphans), unless a cell of
 * that row would have none of its text on the page: the row then moves
 * whole (a row cut so leaves a cell's whole text alone on the next page,
 * under an empty cell on this one).  Cells continue in the rest, which
 * is laid out again.  Returns 0 when no useful first part exists; force
 * takes at least one item of each cell then. */
static int split_group(struct lay *L, const struct group *g, double avail, int force,
                       struct group **first, struct group **rest)
{
	double *top = arena_alloc(L->a, (size_t)(g->nrows + 1) * sizeof *top);
	top[0] = 0;
	for (int r = 0; r < g->nrows; r++)
		top[r + 1] = top[r] + g->rowh[r];
	int c = 0;
	while (c < g->nrows && top[c + 1] <= avail + EPS)
		c++;
	if (c >= g->nrows)
		return 0;
	size_t *cut = arena_alloc(L->a, (g->ncells ? g->ncells : 1) * sizeof *cut);
	int placed = 0, boundary = 0, pushed = 0;
	for (size_t k = 0; k < g->ncells; k++) {
		const struct gcell *gc = &g->cells[k];
		int r0 = gc->row, r1 = gc->row + gc->nrows - 1;
		if (r1 < c)
			cut[k] = gc->to;
		else if (r0 > c)
			cut[k] = gc->from;
		else {
			int lines;
			cut[k] = fit_items(gc, avail - top[r0] - cell_frame(gc->c), &lines);
			if (lines == 1 && has_more_lines(gc, cut[k]) && !force)
				cut[k] = gc->from; /* a lone line: an orphan */
			if (cut[k] > gc->from && r0 == c)
				placed = 1;
			if (cut[k] == gc->from && r0 == c && has_more_lines(gc, gc->from))
				pushed = 1;
		}
	}
	if ((g->keep[c] & 4) || (pushed && !force))
		placed = 0; /* keep-together, or a cell that would go whole: the row moves */
	if (!placed && c > 0) {
		/* cut at the row boundary; cells spanning into row c cut there too */
		boundary = 1;
		for (size_t k = 0; k < g->ncells; k++) {
			const struct gcell *gc = &g->cells[k];
			int r0 = gc->row, r1 = gc->row + gc->nrows - 1;
			if (r0 == c || (r0 < c && r1 >= c && 0)) {
				cut[k] = gc->from;
			} else if (r0 < c && r1 >= c) {
				int lines;
				cut[k] =
				    fit_items(gc, top[c] - top[r0] - cell_frame(gc->c), &lines);
			}
		}
	} else if (!placed) {
		if (!force)
			return 0;
		for (size_t k = 0; k < g->ncells; k++) {
			const struct gcell *gc = &g->cells[k];
			if (gc->row <= c && gc->row + gc->nrows - 1 >= c && cut[k] == gc->from)
				cut[k] = first_content(gc);
		}
	}
	int nf = boundary ? c : c + 1;
	struct group *f = arena_zalloc(L->a, sizeof *f), *r = arena_zalloc(L->a, sizeof *r);
	*f = *g;
	*r = *g;
	f->nrows = nf;
	r->nrows = g->nrows - c;
	r->keep = g->keep + c;
	f->cells = arena_zalloc(L->a, (g->ncells ? g->ncells : 1) * sizeof *f->cells);
	/* a cell may go on in two pieces (see repeat_spanned) */
	r->cells = arena_zalloc(L->a, (g->ncells ? 2 * g->ncells : 1) * sizeof *r->cells);
	f->ncells = r->ncells = 0;
	int rest_content = 0;
	for (size_t k = 0; k < g->ncells; k++) {
		const struct gcell *gc = &g->cells[k];
		int r0 = gc->row, r1 = gc->row + gc->nrows - 1;
		if (r0 < nf) {
			struct gcell *x = &f->cells[f->ncells++];
			*x = *gc;
			if (r1 >= nf)
				x->nrows = nf - r0;
			if (r1 >= c)
				x->to = cut[k];
		}
		if (r1 >= c) {
			struct gcell *x = &r->cells[r->ncells++];
			*x = *gc;
			x->row = r0 > c ? r0 - c : 0;
			x->nrows = r1 - (r0 > c ? r0 : c) + 1;
			if (r0 <= c)
				x->from = cut[k];
			if (r0 < nf && r1 >= nf && !has_more_lines(gc, cut[k]) &&
			    has_more_lines(gc, gc->from))
				repeat_spanned(r, x, gc, nf - c);
			if (has_more_lines(x, x->from))
				rest_content = 1;
		}
	}
	group_heights(L, f);
	group_heights(L, r);
	*first = f;
	*rest = rest_content ? r : NULL;
	return 1;
}

/* ---- pages ----------------------------------------------------------------------------- */

struct static_flow {
	const char *name;
	struct vlist vl;
};

struct seqinfo {
	xmlNodePtr node;
	struct master *simple;
	struct seq_master *sm;
	int initial; /* -1: continue the numbering */
	char format;
	struct vlist flow;
	struct static_flow *statics;
	size_t nstatics, astatics;
};

struct placed {
	struct vitem *it;
	double y;
	size_t src; /* index in the flow, SIZE_MAX for repeated headers and remainders */
};

struct pager {
	struct lay *L;
	struct seqinfo *sq;
	int seq_index, page_in_seq, number;
	struct master *m;
	double bx, by, bw, bh;
	struct placed *pl;
	size_t npl, apl;
	double y;
	int content; /* anything but space on the page */
	int body;    /* content other than repeated table headers */
};

static struct master *master_for(const struct seqinfo *sq, int page_in_seq)
{
	if (sq->simple)
		return sq->simple;
	for (int i = 0; i < sq->sm->nalt; i++) {
		int pos = sq->sm->alt[i].pos;
		if (pos == 0 || (pos == 1 && page_in_seq == 0) || (pos == 2 && page_in_seq > 0))
			return sq->sm->alt[i].m;
	}
	return sq->sm->alt[sq->sm->nalt - 1].m;
}

static void body_rect(const struct master *m, double *x, double *y, double *w, double *h)
{
	*x = m->m[2] + m->bm[2];
	*y = m->m[0] + m->bm[0];
	*w = m->pw - m->m[2] - m->m[3] - m->bm[2] - m->bm[3];
	*h = m->ph - m->m[0] - m->m[1] - m->bm[0] - m->bm[1];
}

static void new_page(struct pager *P)
{
	P->m = master_for(P->sq, P->page_in_seq);
	body_rect(P->m, &P->bx, &P->by, &P->bw, &P->bh);
	P->npl = 0;
	P->y = 0;
	P->content = P->body = 0;
}

static void place(struct pager *P, struct vitem *it, size_t src)
{
	P->pl = xgrow(P->pl, sizeof *P->pl, P->npl + 1, &P->apl);
	P->pl[P->npl].it = it;
	P->pl[P->npl].y = P->y;
	P->pl[P->npl].src = src;
	P->npl++;
	P->y += it->h;
	if (is_content(it)) {
		P->content = 1;
		if (!(it->kind == V_ROWS && it->u.group->header && src == SIZE_MAX))
			P->body = 1;
	}
}

static int render_static(struct lay *L, struct pager *P, struct pl_page *pg)
{
	const struct master *m = P->m;
	if (!m->has_before)
		return 0;
	for (size_t i = 0; i < P->sq->nstatics; i++) {
		struct static_flow *sf = &P->sq->statics[i];
		if (strcmp(sf->name, m->before_name))
			continue;
		char num[32];
		format_number(pg->number, pg->format, num, sizeof num);
		L->pagenum_text = num;
		struct vlist ex = {0};
		int ret = expand(L, &sf->vl, &ex);
		L->pagenum_text = NULL;
		if (ret < 0)
			return -1;
		double h = range_height(ex.v, 0, ex.n);
		double off = 0;
		if (m->before_valign == 1 && m->before_extent > h)
			off = (m->before_extent - h) / 2;
		else if (m->before_valign == 2 && m->before_extent > h)
			off = m->before_extent - h;
		render_items(L, pg, ex.v, 0, ex.n, m->m[2], m->m[0] + off, 1);
	}
	return 0;
}

static int finish_page(struct pager *P)
{
	struct lay *L = P->L;
	struct pl_doc *doc = L->doc;
	doc->pages =
	    arena_grow(L->a, doc->pages, sizeof *doc->pages, doc->npages + 1, &doc->apages);
	struct pl_page *pg = &doc->pages[doc->npages++];
	memset(pg, 0, sizeof *pg);
	pg->width = P->m->pw;
	pg->height = P->m->ph;
	pg->number = P->number;
	pg->seq = P->seq_index;
	pg->seq_first = P->page_in_seq == 0;
	pg->format = P->sq->format;
	for (size_t i = 0; i < P->npl; i++) {
		const struct placed *p = &P->pl[i];
		render_items(L, pg, p->it, 0, 1, P->bx, P->by + p->y, 0);
	}
	if (render_static(L, P, pg) < 0)
		return -1;
	P->page_in_seq++;
	P->number++;
	new_page(P);
	return 0;
}

/* The last place on the page where a break is allowed: after placement k
 * (k == npl-1: before the item that does not fit).  -1 when none. */
static long legal_break(const struct pager *P)
{
	int content = 0;
	long best = -1;
	for (size_t k = 0; k < P->npl; k++) {
		content |= is_content(P->pl[k].it);
		if (!content || P->pl[k].it->keep_next)
			continue;
		if (k + 1 < P->npl && P->pl[k + 1].src == SIZE_MAX)
			continue;
		best = (long)k;
	}
	return best;
}

static struct vitem *group_item(struct lay *L, struct group *g, int keep)
{
	struct vitem *it = arena_zalloc(L->a, sizeof *it);
	it->kind = V_ROWS;
	it->h = g->h;
	it->u.group = g;
	it->keep_next = (unsigned char)keep;
	return it;
}

static int paginate(struct lay *L, struct seqinfo *sq, int seq_index, int *number)
{
	struct pager P = {0};
	P.L = L;
	P.sq = sq;
	P.seq_index = seq_index;
	P.number = *number;
	new_page(&P);
	struct vlist vl = {0};
	int ret = -1;
	if (expand(L, &sq->flow, &vl) < 0)
		goto out;
	size_t i = 0;
	struct vitem *over = NULL; /* the rest of a split group, standing for item i */
	while (over || i < vl.n) {
		struct vitem *it = over ? over : &vl.v[i];
		if (!P.content && it->kind == V_ROWS && !it->u.group->header) {
			struct table *t = it->u.group->t;
			if (!t->omit_header)
				for (size_t h = 0; h < t->nheaders; h++)
					place(&P, group_item(L, t->headers[h], 1), SIZE_MAX);
		}
		if (it->kind == V_BREAK) {
			if (P.content && finish_page(&P) < 0)
				goto out;
			i++;
			continue;
		}
		if (it->kind == V_MARK || (it->kind == V_SPACE && !P.content && !it->retain)) {
			if (it->kind == V_MARK)
				place(&P, it, over ? SIZE_MAX : i);
			if (over)
				over = NULL;
			i++;
			continue;
		}
		if (P.y + it->h <= P.bh + EPS) {
			place(&P, it, over ? SIZE_MAX : i);
			over = NULL;
			i++;
			continue;
		}
		/* it does not fit */
		struct group *first, *rest;
		if (it->kind == V_ROWS &&
		    split_group(L, it->u.group, P.bh - P.y, 0, &first, &rest)) {
			place(&P, group_item(L, first, 0), SIZE_MAX);
			if (finish_page(&P) < 0)
				goto out;
			if (rest)
				over = group_item(L, rest, it->keep_next);
			else {
				over = NULL;
				i++;
			}
			continue;
		}
		long b = over ? -1 : legal_break(&P);
		if (b >= 0) {
			if ((size_t)b + 1 < P.npl)
				i = P.pl[b + 1].src;
			P.npl = (size_t)b + 1;
			if (finish_page(&P) < 0)
				goto out;
			continue;
		}
		if (P.body) {
			/* no break the keeps allow: break here anyway */
			if (finish_page(&P) < 0)
				goto out;
			continue;
		}
		/* an empty page and the item does not fit */
		if (it->kind == V_ROWS &&
		    split_group(L, it->u.group, P.bh - P.y, 1, &first, &rest)) {
			place(&P, group_item(L, first, 0), SIZE_MAX);
			if (finish_page(&P) < 0)
				goto out;
			if (rest)
				over = group_item(L, rest, it->keep_next);
			else {
				over = NULL;
				i++;
			}
			continue;
		}
		place(&P, it, over ? SIZE_MAX : i); /* overflows the page */
		over = NULL;
		i++;
	}
	if ((P.npl || P.page_in_seq == 0) && finish_page(&P) < 0)
		goto out;
	*number = P.number;
	ret = 0;
out:
	free(P.pl);
	return ret;
}

/* ---- page masters ------------------------------------------------------------------------ */

static void margins_of(xmlNodePtr n, double ref, double m[4])
{
	static const char *const side[4] = {"margin-top", "margin-bottom", "margin-left",
	                                    "margin-right"};
	const char *v = attr(n, "margin");
	if (v)
		four_values(v, ref, m);
	for (int i = 0; i < 4; i++)
		if ((v = attr(n, side[i])) && fo_length(v, ref, &m[i]) < 0)
			m[i] = 0;
}

static int read_simple_master(struct lay *L, xmlNodePtr n, struct master *m)
{
	memset(m, 0, sizeof *m);
	m->name = attr(n, "master-name");
	m->pw = 595.276;
	m->ph = 841.89;
	const char *v;
	double x;
	if ((v = attr(n, "page-width")) && fo_length(v, 0, &x) == 0 && x > 0)
		m->pw = x;
	if ((v = attr(n, "page-height")) && fo_length(v, 0, &x) == 0 && x > 0)
		m->ph = x;
	margins_of(n, m->pw, m->m);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		switch (kind_of(c)) {
		case K_IGNORE: break;
		case K_TEXT:
			if (!is_blank(c->content))
				return unsupported(L, c, n);
			break;
		case K_REGION_BODY: margins_of(c, m->pw, m->bm); break;
		case K_REGION_BEFORE:
			m->has_before = 1;
			m->before_name = attr(c, "region-name");
			if (!m->before_name)
				m->before_name = "xsl-region-before";
			if ((v = attr(c, "extent")) && fo_length(v, m->ph, &x) == 0)
				m->before_extent = x;
			if ((v = attr(c, "display-align")))
				m->before_valign = !strcmp(v, "center")  ? 1
				                   : !strcmp(v, "after") ? 2
				                                         : 0;
			break;
		default: return unsupported(L, c, n);
		}
	}
	double bw = m->pw - m->m[2] - m->m[3] - m->bm[2] - m->bm[3];
	double bh = m->ph - m->m[0] - m->m[1] - m->bm[0] - m->bm[1];
	if (!m->name || bw < 36 || bh < 36) {
		fail_at(L, n);
		return diag_error(L->d, "page master '%s' leaves no room for the body",
		                  m->name ? m->name : "");
	}
	return 0;
}

static struct master *find_master(struct lay *L, const char *name)
{
	for (size_t i = 0; name && i < L->nmasters; i++)
		if (!strcmp(L->masters[i].name, name))
			return &L->masters[i];
	return NULL;
}

static int read_masters(struct lay *L, xmlNodePtr set)
{
	size_t nm = 0, ns = 0;
	for (xmlNodePtr c = set->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_SIMPLE_PAGE_MASTER)
			nm++;
		else if (k == K_PAGE_SEQUENCE_MASTER)
			ns++;
		else if (k == K_IGNORE || (k == K_TEXT && is_blank(c->content)))
			continue;
		else
			return unsupported(L, c, set);
	}
	L->masters = arena_zalloc(L->a, (nm ? nm : 1) * sizeof *L->masters);
	L->seqms = arena_zalloc(L->a, (ns ? ns : 1) * sizeof *L->seqms);
	for (xmlNodePtr c = set->children; c; c = c->next)
		if (kind_of(c) == K_SIMPLE_PAGE_MASTER &&
		    read_simple_master(L, c, &L->masters[L->nmasters++]) < 0)
			return -1;
	for (xmlNodePtr c = set->children; c; c = c->next) {
		if (kind_of(c) != K_PAGE_SEQUENCE_MASTER)
			continue;
		struct seq_master *sm = &L->seqms[L->nseqms++];
		sm->name = attr(c, "master-name");
		for (xmlNodePtr a = c->children; a; a = a->next) {
			enum kind k = kind_of(a);
			if (k == K_IGNORE || (k == K_TEXT && is_blank(a->content)))
				continue;
			if (k != K_ALTERNATIVES)
				return unsupported(L, a, c);
			for (xmlNodePtr r = a->children; r; r = r->next) {
				enum kind rk = kind_of(r);
				if (rk == K_IGNORE || (rk == K_TEXT && is_blank(r->content)))
					continue;
				if (rk != K_CONDITIONAL_REF)
					return unsupported(L, r, a);
				if (sm->nalt >= 16)
					continue;
				const char *ref = attr(r, "master-reference");
				const char *pos = attr(r, "page-position");
				struct master *m = find_master(L, ref);
				if (!m) {
					fail_at(L, r);
					return diag_error(L->d, "no simple-page-master named '%s'",
					                  ref ? ref : "");
				}
				int p = 0;
				if (pos && !strcmp(pos, "first"))
					p = 1;
				else if (pos && !strcmp(pos, "rest"))
					p = 2;
				else if (pos && strcmp(pos, "any")) {
					fail_at(L, r);
					return diag_error(
					    L->d,
					    "page-position '%s' is not supported (first, "
					    "rest, any)",
					    pos);
				}
				sm->alt[sm->nalt].pos = p;
				sm->alt[sm->nalt].m = m;
				sm->nalt++;
			}
		}
		if (!sm->nalt || !sm->name) {
			fail_at(L, c);
			return diag_error(L->d, "page-sequence-master without page masters");
		}
	}
	return 0;
}

/* ---- page sequences (step 1) --------------------------------------------------------------- */

static void base_style(struct lay *L, struct style *st, double width)
{
	memset(st, 0, sizeof *st);
	st->family = "Times New Roman";
	st->size = 12;
	st->lh_kind = LH_NORMAL;
	st->align = AL_START;
	st->align_last = -1;
	st->ref_width = width;
	(void)L;
}

static int read_sequence(struct lay *L, xmlNodePtr ps, xmlNodePtr root, struct seqinfo *sq)
{
	memset(sq, 0, sizeof *sq);
	sq->node = ps;
	const char *ref = attr(ps, "master-reference");
	sq->simple = find_master(L, ref);
	for (size_t i = 0; !sq->simple && ref && i < L->nseqms; i++)
		if (!strcmp(L->seqms[i].name, ref))
			sq->sm = &L->seqms[i];
	if (!sq->simple && !sq->sm) {
		fail_at(L, ps);
		return diag_error(L->d, "no page master named '%s'", ref ? ref : "");
	}
	const char *v = attr(ps, "initial-page-number");
	sq->initial = v && atoi(v) > 0 ? atoi(v) : -1;
	v = attr(ps, "format");
	sq->format = '1';
	if (v && (v[0] == 'i' || v[0] == 'I'))
		sq->format = v[0];

	/* every master of the sequence must share the body width */
	double w = -1;
	struct master *ms[17];
	int nms = 0;
	if (sq->simple)
		ms[nms++] = sq->simple;
	else
		for (int i = 0; i < sq->sm->nalt; i++)
			ms[nms++] = sq->sm->alt[i].m;
	double before_w = -1;
	for (int i = 0; i < nms; i++) {
		double bx, by, bw, bh;
		body_rect(ms[i], &bx, &by, &bw, &bh);
		if (w >= 0 && fabs(bw - w) > 0.01) {
			fail_at(L, ps);
			return diag_error(L->d,
			                  "page masters of one page-sequence with different body "
			                  "widths are not supported");
		}
		w = bw;
		if (ms[i]->has_before && before_w < 0)
			before_w = ms[i]->pw - ms[i]->m[2] - ms[i]->m[3];
	}

	struct style rs, st;
	base_style(L, &rs, w);
	style_of(root, &rs, &st);
	style_of(ps, &st, &rs);
	int nflow = 0;
	for (xmlNodePtr c = ps->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_IGNORE || (k == K_TEXT && is_blank(c->content)))
			continue;
		struct style fs;
		if (k == K_FLOW) {
			if (nflow++) {
				fail_at(L, c);
				return diag_error(L->d,
				                  "a page-sequence with more than one fo:flow");
			}
			style_of(c, &rs, &fs);
			struct area ar = {0, w};
			if (emit_block_content(L, c, &fs, &ar, &sq->flow, 1) < 0)
				return -1;
		} else if (k == K_STATIC_CONTENT) {
			const char *name = attr(c, "flow-name");
			sq->statics = arena_grow(L->a, sq->statics, sizeof *sq->statics,
			                         sq->nstatics + 1, &sq->astatics);
			struct static_flow *sf = &sq->statics[sq->nstatics++];
			memset(sf, 0, sizeof *sf);
			sf->name = name ? name : "";
			double sw = before_w > 0 ? before_w : w;
			style_of(c, &rs, &fs);
			fs.ref_width = sw;
			struct area ar = {0, sw};
			if (emit_block_content(L, c, &fs, &ar, &sf->vl, 1) < 0)
				return -1;
		} else
			return unsupported(L, c, ps);
	}
	if (!nflow) {
		fail_at(L, ps);
		return diag_error(L->d, "a page-sequence without fo:flow");
	}
	return 0;
}

/* ---- metadata and bookmarks ------------------------------------------------------------- */

static char *collapsed_text(struct lay *L, xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	struct buf b = BUF_INIT;
	int space = 0;
	for (const xmlChar *s = t; s && *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, (char)*s);
	}
	xmlFree(t);
	char *r = arena_strndup(L->a, b.ptr, b.len);
	buf_release(&b);
	return r;
}

/* fo:declarations: the XMP packet FOP reads (dc:title, dc:creator). */
static void read_declarations(struct lay *L, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns && !strcmp((const char *)c->ns->href, DC_NS)) {
			if (!strcmp((const char *)c->name, "title") && !L->doc->title)
				L->doc->title = collapsed_text(L, c);
			else if (!strcmp((const char *)c->name, "creator") && !L->doc->author)
				L->doc->author = collapsed_text(L, c);
			continue;
		}
		read_declarations(L, c);
	}
}

static int read_bookmarks(struct lay *L, xmlNodePtr n, struct pl_bookmark **out, size_t *nout)
{
	size_t cap = 0;
	*out = NULL;
	*nout = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_IGNORE || (k == K_TEXT && is_blank(c->content)) || k == K_BOOKMARK_TITLE)
			continue;
		if (k != K_BOOKMARK)
			return unsupported(L, c, n);
		*out = arena_grow(L->a, *out, sizeof **out, *nout + 1, &cap);
		struct pl_bookmark *b = &(*out)[(*nout)++];
		memset(b, 0, sizeof *b);
		b->page = -1;
		b->title = "";
		for (xmlNodePtr t = c->children; t; t = t->next)
			if (kind_of(t) == K_BOOKMARK_TITLE)
				b->title = collapsed_text(L, t);
		const char *v = attr(c, "starting-state");
		b->open = !v || strcmp(v, "hide") != 0;
		const char *dest = attr(c, "internal-destination");
		for (size_t i = 0; dest && i < L->nids; i++)
			if (!strcmp(L->ids[i].id, dest)) {
				b->page = (long)L->ids[i].page;
				b->y = L->ids[i].y;
				break;
			}
		if (read_bookmarks(L, c, &b->kids, &b->nkids) < 0)
			return -1;
	}
	return 0;
}

/* ---- the entry point ------------------------------------------------------------------------ */

int pl_layout(xmlDocPtr fo, const struct gen_opts *o, struct pl_doc *doc, struct diag *d)
{
	memset(doc, 0, sizeof *doc);
	doc->arena = xcalloc(1, sizeof *doc->arena);
	struct lay L = {0};
	L.a = doc->arena;
	L.doc = doc;
	L.o = o;
	L.d = d;
	buf_init(&L.tmp);
	int ret = -1;
	struct seqinfo *seqs = NULL;
	size_t nseqs = 0, aseqs = 0;
	xmlNodePtr bookmarks = NULL, masters = NULL;
	xmlNodePtr root = xmlDocGetRootElement(fo);
	if (!root || kind_of(root) != K_ROOT) {
		diag_error(d, "layout is not XSL-FO: the root element is not fo:root");
		goto out;
	}
	for (xmlNodePtr c = root->children; c; c = c->next) {
		switch (kind_of(c)) {
		case K_IGNORE: break;
		case K_TEXT:
			if (!is_blank(c->content)) {
				unsupported(&L, c, root);
				goto out;
			}
			break;
		case K_LAYOUT_MASTER_SET:
			if (masters) {
				unsupported(&L, c, root);
				goto out;
			}
			masters = c;
			if (read_masters(&L, c) < 0)
				goto out;
			break;
		case K_DECLARATIONS: read_declarations(&L, c); break;
		case K_BOOKMARK_TREE: bookmarks = c; break;
		case K_PAGE_SEQUENCE:
			if (!masters) {
				fail_at(&L, c);
				diag_error(d, "fo:page-sequence before fo:layout-master-set");
				goto out;
			}
			seqs = xgrow(seqs, sizeof *seqs, nseqs + 1, &aseqs);
			if (read_sequence(&L, c, root, &seqs[nseqs]) < 0)
				goto out;
			nseqs++;
			break;
		default: unsupported(&L, c, root); goto out;
		}
	}
	if (!nseqs) {
		diag_error(d, "layout without fo:page-sequence");
		goto out;
	}
	if (resolve_fonts(&L) < 0)
		goto out;
	int number = 1;
	for (size_t i = 0; i < nseqs; i++) {
		if (seqs[i].initial > 0)
			number = seqs[i].initial;
		if (paginate(&L, &seqs[i], (int)i, &number) < 0)
			goto out;
	}
	if (bookmarks && read_bookmarks(&L, bookmarks, &doc->bookmarks, &doc->nbookmarks) < 0)
		goto out;
	ret = 0;
out:
	for (size_t i = 0; i < doc->nfaces && L.face_bits; i++)
		free(L.face_bits[i]);
	free(L.face_bits);
	free(L.ids);
	free(seqs);
	buf_release(&L.tmp);
	if (ret < 0)
		pl_doc_release(doc);
	return ret;
}

void pl_doc_release(struct pl_doc *doc)
{
	if (doc->arena) {
		arena_free(doc->arena);
		free(doc->arena);
	}
	memset(doc, 0, sizeof *doc);
}
