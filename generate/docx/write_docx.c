/* write_docx.c - the DOCX writer: the layout (a checked FO tree, fo.h) to a
 * minimal WordprocessingML package, without any template DOCX.
 *
 * Owns the mapping from the FO subset to Word: each page-sequence is a
 * section (page size, margins, header distance, titlePg so the first
 * page has no number, a page-number restart); static-content is a header
 * part with a PAGE field; blocks are paragraphs (nested blocks are
 * flattened in order), inlines are runs; a block holding only a rule
 * leader is an empty paragraph with a bottom border as long as the
 * leader; tables are real Word tables with gridSpan and vMerge and
 * repeated header rows; soan:field is a content control and soan:change
 * a tracked change.  XSL-FO's rules are kept where Word differs: white
 * space collapses as in FO, an empty block takes no room, and the space
 * between two paragraphs is the larger of space-after and space-before,
 * not their sum.  The XML is written as text into struct bufs (faster
 * than building trees) and zipped with libzip in memory.  It never
 * touches the file system and never prints. */
#include "generate/docx/write_docx.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "extract/base/xalloc.h"
#include "generate/layout/fo.h"

#define W_NS     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

enum kind {
	K_OTHER = 0,
	K_TEXT,
	K_BLOCK,
	K_INLINE,
	K_PAGE_NUMBER,
	K_LEADER,
	K_TABLE,
	K_FIELD,
	K_CHANGE,
};

struct bookmark {
	const char *id;
	int depth;
};

struct rpr {
	int bold, italic;
	double size;
	const char *family;
};

struct docx {
	const struct gen_opts *o;
	struct diag *d;
	struct buf *out; /* where paragraphs and tables go: body or a header */
	struct buf body;
	struct buf para;    /* runs of the paragraph being built */
	struct buf text;    /* scratch: one run's escaped text */
	int para_open;      /* para holds a paragraph's start */
	int ws_pending;     /* a collapsible space waits for the next character */
	int at_start;       /* nothing visible yet in this paragraph */
	long prev_after;    /* twips after the previous paragraph (space resolution) */
	double width;       /* text width where we are, pt */
	int depth;          /* tables we are inside */
	const char *family; /* document default font */
	double size;        /* document default size, pt */
	unsigned next_id;   /* bookmarks, content controls, revisions */
	unsigned bookmark;  /* the open paragraph's bookmark id, or 0 */
	xmlNodePtr rpr_el;  /* the element whose run properties are cached */
	struct rpr rpr_cache;
	struct bookmark *bms;
	size_t nbms, abms;
	struct buf *headers; /* header parts, distinct */
	size_t nheaders, aheaders;
	size_t last_ppr_end; /* offset in body of the last top-level paragraph's </w:pPr> */
	int last_is_para;    /* the body's last top-level element is a paragraph */
	int last_is_table;   /* ... or a table */
};

/* ------------------------------------------------------------------ */
/* small helpers                                                       */

static enum kind kind_of(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return K_TEXT;
	if (n->type != XML_ELEMENT_NODE)
		return K_OTHER;
	if (fo_is(n, "block"))
		return K_BLOCK;
	if (fo_is(n, "inline"))
		return K_INLINE;
	if (fo_is(n, "page-number"))
		return K_PAGE_NUMBER;
	if (fo_is(n, "leader"))
		return K_LEADER;
	if (fo_is(n, "table"))
		return K_TABLE;
	if (fo_is_soan(n, "field"))
		return K_FIELD;
	if (fo_is_soan(n, "change"))
		return K_CHANGE;
	return K_OTHER;
}

static long tw(double pt)
{
	return lround(pt * 20);
}

static void esc(struct buf *b, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		buf_add(b, start, (size_t)(s - start));
		buf_adds(b, rep);
		start = s + 1;
	}
	buf_add(b, start, (size_t)(s - start));
}

/* printf for the few conversions this file writes (%s, %d, %ld, %u,
 * %zu), without stdio: the writer formats a number or two for every
 * paragraph, run and cell, and vfprintf was a tenth of its time. */
static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put_unsigned(struct buf *b, unsigned long long v, int neg)
{
	char tmp[24];
	int i = (int)sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		tmp[--i] = '-';
	buf_add(b, tmp + i, sizeof tmp - (size_t)i);
}

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *lit = fmt;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		buf_add(b, lit, (size_t)(p - lit));
		p++;
		if (*p == 's') {
			buf_adds(b, va_arg(ap, const char *));
		} else if (*p == 'd') {
			int v = va_arg(ap, int);
			put_unsigned(b, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
			             v < 0);
		} else if (*p == 'u') {
			put_unsigned(b, va_arg(ap, unsigned), 0);
		} else if (p[0] == 'l' && p[1] == 'd') {
			long v = va_arg(ap, long);
			put_unsigned(b, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
			             v < 0);
			p++;
		} else if (p[0] == 'z' && p[1] == 'u') {
			put_unsigned(b, va_arg(ap, size_t), 0);
			p++;
		} else {
			assert(!"put: a conversion this file does not use");
		}
		lit = p + 1;
	}
	buf_adds(b, lit);
	va_end(ap);
}

static const char *attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
	return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

static double length_of(xmlNodePtr n, const char *name, double def)
{
	const char *v = attr(n, name);
	double pt;
	return v && fo_length(v, 0, &pt) == 0 ? pt : def;
}

static int is_blank_text(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Does the block hold nothing a line could show? */
static int block_is_empty(xmlNodePtr b)
{
	for (xmlNodePtr c = b->children; c; c = c->next) {
		switch (kind_of(c)) {
		case K_TEXT:
			if (!is_blank_text(c->content))
				return 0;
			break;
		case K_OTHER: break;
		case K_BLOCK:
			if (!block_is_empty(c))
				return 0;
			break;
		default: return 0;
		}
	}
	return 1;
}

/* The rule leader a block holds alone (a short rule), or NULL. */
static xmlNodePtr lone_rule(xmlNodePtr b)
{
	xmlNodePtr leader = NULL;
	for (xmlNodePtr c = b->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_TEXT && is_blank_text(c->content))
			continue;
		if (k == K_OTHER)
			continue;
		if (k != K_LEADER || leader)
			return NULL;
		leader = c;
	}
	const char *pat = leader ? attr(leader, "leader-pattern") : NULL;
	return pat && !strcmp(pat, "rule") ? leader : NULL;
}

/* ------------------------------------------------------------------ */
/* run and paragraph properties                                        */

/* The inherited properties the writer uses, found in one walk up the
 * ancestors (fo_prop() walks once per property; this runs for every
 * paragraph and run). */
enum inh_prop {
	I_FAMILY,
	I_SIZE,
	I_WEIGHT,
	I_STYLE,
	I_ALIGN,
	I_START,
	I_END,
	I_INDENT,
	I_LINE,
	I_COUNT,
};

static void inherit(xmlNodePtr n, const char *v[I_COUNT], int nprops)
{
	static const char *const names[I_COUNT] = {
	    "font-family",  "font-size",  "font-weight", "font-style",  "text-align",
	    "start-indent", "end-indent", "text-indent", "line-height",
	};
	int left = nprops;
	for (int i = 0; i < nprops; i++)
		v[i] = NULL;
	for (; n && n->type == XML_ELEMENT_NODE && left; n = n->parent)
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			const char *an = (const char *)a->name;
			for (int i = 0; i < nprops; i++)
				if (!v[i] && an[0] == names[i][0] && !strcmp(an, names[i]) &&
				    a->children) {
					v[i] = (const char *)a->children->content;
					left--;
					break;
				}
		}
}

static double pt_or(const char *v, double def)
{
	double pt;
	return v && fo_length(v, 0, &pt) == 0 ? pt : def;
}

static void rpr_from(struct docx *dx, const char *v[I_COUNT], struct rpr *r)
{
	r->bold = v[I_WEIGHT] && !strcmp(v[I_WEIGHT], "bold");
	r->italic = v[I_STYLE] && !strcmp(v[I_STYLE], "italic");
	r->size = pt_or(v[I_SIZE], dx->size);
	r->family = dx->o && dx->o->font_family ? dx->o->font_family
	            : v[I_FAMILY]               ? v[I_FAMILY]
	                                        : dx->family;
}

static void rpr_of(struct docx *dx, xmlNodePtr el, struct rpr *r)
{
	if (el == dx->rpr_el) {
		*r = dx->rpr_cache;
		return;
	}
	const char *v[I_COUNT];
	inherit(el, v, I_STYLE + 1);
	rpr_from(dx, v, r);
	dx->rpr_el = el;
	dx->rpr_cache = *r;
}

/* The run properties that differ from the document defaults.  style: a
 * character style to name first (or NULL); extra: more properties. */
static void emit_rpr(struct docx *dx, struct buf *b, const struct rpr *r, const char *style,
                     const char *extra)
{
	long hs = lround(r->size * 2);
	int fam = strcmp(r->family, dx->family) != 0;
	int sz = hs != lround(dx->size * 2);
	if (!style && !fam && !r->bold && !r->italic && !sz && !extra)
		return;
	buf_adds(b, "<w:rPr>");
	if (style)
		put(b, "<w:rStyle w:val=\"%s\"/>", style);
	if (fam) {
		buf_adds(b, "<w:rFonts w:ascii=\"");
		esc(b, r->family);
		buf_adds(b, "\" w:hAnsi=\"");
		esc(b, r->family);
		buf_adds(b, "\" w:cs=\"");
		esc(b, r->family);
		buf_adds(b, "\"/>");
	}
	if (r->bold)
		buf_adds(b, "<w:b/><w:bCs/>");
	if (r->italic)
		buf_adds(b, "<w:i/><w:iCs/>");
	if (extra)
		buf_adds(b, extra);
	if (sz)
		put(b, "<w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/>", hs, hs);
	buf_adds(b, "</w:rPr>");
}

struct ppr {
	int keep_next, page_break;
	const char *jc;
	long left, right, first; /* twips; first < 0: hanging */
	long before, after;
	long line;
	int line_exact;
	int border;
	long border_sz; /* eighths of a point */
	char border_style[8];
	char border_color[16];
	long border_space; /* points */
	int outline;       /* -1: none */
	struct rpr mark;   /* the paragraph mark: sets an empty line's height */
};

static void parse_border(const char *v, struct ppr *p)
{
	char w[32] = "", style[16] = "", color[16] = "";
	if (!v || !strcmp(v, "none") || sscanf(v, "%31s %15s %15s", w, style, color) != 3)
		return;
	double pt;
	if (fo_length(w, 0, &pt) < 0)
		return;
	p->border = 1;
	p->border_sz = lround(pt * 8);
	if (p->border_sz < 2)
		p->border_sz = 2;
	snprintf(p->border_style, sizeof p->border_style, "%s",
	         !strcmp(style, "dotted")   ? "dotted"
	         : !strcmp(style, "dashed") ? "dashed"
	                                    : "single");
	snprintf(p->border_color, sizeof p->border_color, "%s",
	         color[0] == '#' ? color + 1 : "000000");
}

static const char *jc_of(const char *align)
{
	if (!strcmp(align, "center"))
		return "center";
	if (!strcmp(align, "end") || !strcmp(align, "right"))
		return "right";
	if (!strcmp(align, "justify"))
		return "both";
	return "left";
}

/* Word's "single" line for Times New Roman is 1.15 times the size, so a
 * line-height of k times the size is k / 1.15 lines. */
static void line_of(const char *v, struct ppr *p)
{
	char *end;
	double k = v ? strtod(v, &end) : 0;
	if (!v || !strcmp(v, "normal")) {
		p->line = 240;
	} else if (end != v && !*end && k > 0) {
		p->line = lround(240 * k / 1.15);
	} else {
		p->line = tw(pt_or(v, 1.15 * p->mark.size));
		p->line_exact = 1;
	}
}

static void ppr_of(struct docx *dx, xmlNodePtr b, struct ppr *p)
{
	memset(p, 0, sizeof *p);
	p->outline = -1;
	const char *v[I_COUNT];
	inherit(b, v, I_COUNT);
	rpr_from(dx, v, &p->mark);
	dx->rpr_el = b;
	dx->rpr_cache = p->mark;
	p->keep_next = attr(b, "keep-with-next") != NULL;
	p->page_break = attr(b, "break-before") != NULL;
	p->jc = jc_of(v[I_ALIGN] ? v[I_ALIGN] : "start");
	p->left = tw(pt_or(v[I_START], 0));
	p->right = tw(pt_or(v[I_END], 0));
	p->first = tw(pt_or(v[I_INDENT], 0));
	p->before = tw(length_of(b, "space-before", 0));
	p->after = tw(length_of(b, "space-after", 0));
	line_of(v[I_LINE], p);
	parse_border(attr(b, "border-bottom"), p);
	p->border_space = lround(length_of(b, "padding-bottom", 0));
	const char *id = attr(b, "id");
	for (size_t i = 0; id && i < dx->nbms; i++)
		if (!strcmp(dx->bms[i].id, id))
			p->outline = dx->bms[i].depth < 9 ? dx->bms[i].depth : 8;
}

/* The paragraph properties, in the order CT_PPr requires.  sect: a
 * section's properties to end the paragraph with, or NULL. */
static void emit_ppr(struct docx *dx, struct buf *b, const struct ppr *p)
{
	buf_adds(b, "<w:pPr>");
	if (p->keep_next)
		buf_adds(b, "<w:keepNext/>");
	if (p->page_break)
		buf_adds(b, "<w:pageBreakBefore/>");
	if (p->border)
		put(b,
		    "<w:pBdr><w:bottom w:val=\"%s\" w:sz=\"%ld\" w:space=\"%ld\" "
		    "w:color=\"%s\"/></w:pBdr>",
		    p->border_style, p->border_sz, p->border_space, p->border_color);
	put(b, "<w:spacing w:before=\"%ld\" w:after=\"%ld\" w:line=\"%ld\" w:lineRule=\"%s\"/>",
	    p->before, p->after, p->line, p->line_exact ? "exact" : "auto");
	if (p->left || p->right || p->first) {
		buf_adds(b, "<w:ind");
		if (p->left)
			put(b, " w:left=\"%ld\"", p->left);
		if (p->right)
			put(b, " w:right=\"%ld\"", p->right);
		if (p->first > 0)
			put(b, " w:firstLine=\"%ld\"", p->first);
		else if (p->first < 0)
			put(b, " w:hanging=\"%ld\"", -p->first);
		buf_adds(b, "/>");
	}
	put(b, "<w:jc w:val=\"%s\"/>", p->jc);
	if (p->outline >= 0)
		put(b, "<w:outlineLvl w:val=\"%d\"/>", p->outline);
	emit_rpr(dx, b, &p->mark, NULL, NULL);
	buf_adds(b, "</w:pPr>");
}

/* ------------------------------------------------------------------ */
/* paragraphs and runs                                                 */

static void emit_node(struct docx *dx, xmlNodePtr n);

/* Open a paragraph for block b (its properties), unless one is open. */
static void para_begin(struct docx *dx, xmlNodePtr b, struct ppr *p)
{
	buf_reset(&dx->para);
	dx->para_open = 1;
	dx->ws_pending = 0;
	dx->at_start = 1;
	/* XSL-FO resolves adjacent spaces to the larger one; Word adds them */
	long gap = p->before > dx->prev_after ? p->before : dx->prev_after;
	p->before = gap - dx->prev_after;
	buf_adds(&dx->para, "<w:p>");
	emit_ppr(dx, &dx->para, p);
	const char *id = attr(b, "id");
	dx->bookmark = 0;
	if (id && p->outline >= 0) {
		dx->bookmark = dx->next_id++;
		put(&dx->para, "<w:bookmarkStart w:id=\"%u\" w:name=\"", dx->bookmark);
		esc(&dx->para, id);
		buf_adds(&dx->para, "\"/>");
	}
}

static void para_end(struct docx *dx, xmlNodePtr b, const struct ppr *p)
{
	if (!dx->para_open)
		return;
	(void)b;
	(void)p;
	if (dx->bookmark)
		put(&dx->para, "<w:bookmarkEnd w:id=\"%u\"/>", dx->bookmark);
	dx->bookmark = 0;
	buf_adds(&dx->para, "</w:p>");
	if (dx->out == &dx->body && dx->depth == 0) {
		const char *end = strstr(dx->para.ptr, "</w:pPr>");
		dx->last_ppr_end = dx->body.len + (size_t)(end - dx->para.ptr);
		dx->last_is_para = 1;
		dx->last_is_table = 0;
	}
	buf_add(dx->out, dx->para.ptr, dx->para.len);
	dx->prev_after = p->after;
	dx->para_open = 0;
}

/* Text with XSL-FO's white-space handling: runs of spaces, tabs and line
 * feeds become one space; spaces at the start of the paragraph go. */
static void emit_text(struct docx *dx, xmlNodePtr t)
{
	const char *s = (const char *)t->content;
	struct buf *text = &dx->text;
	buf_reset(text);
	while (s && *s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!dx->at_start)
				dx->ws_pending = 1;
			s++;
			continue;
		}
		if (dx->ws_pending) {
			buf_addc(text, ' ');
			dx->ws_pending = 0;
		}
		dx->at_start = 0;
		/* a run of ordinary characters in one copy */
		size_t n = strcspn(s, " \t\n\r&<>");
		if (n) {
			buf_add(text, s, n);
			s += n;
			continue;
		}
		buf_adds(text, *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : "&gt;");
		s++;
	}
	if (text->len) {
		struct rpr r;
		rpr_of(dx, t->parent, &r);
		buf_adds(&dx->para, "<w:r>");
		emit_rpr(dx, &dx->para, &r, NULL, NULL);
		buf_adds(&dx->para, text->ptr[0] == ' ' ? "<w:t xml:space=\"preserve\">" : "<w:t>");
		buf_add(&dx->para, text->ptr, text->len);
		buf_adds(&dx->para, "</w:t></w:r>");
	}
}

/* A pending collapsible space is written before fixed content. */
static void flush_space(struct docx *dx, xmlNodePtr el)
{
	if (dx->ws_pending) {
		struct rpr r;
		rpr_of(dx, el, &r);
		buf_adds(&dx->para, "<w:r>");
		emit_rpr(dx, &dx->para, &r, NULL, NULL);
		buf_adds(&dx->para, "<w:t xml:space=\"preserve\"> </w:t></w:r>");
		dx->ws_pending = 0;
	}
	dx->at_start = 0;
}

static void emit_page_number(struct docx *dx, xmlNodePtr n)
{
	flush_space(dx, n->parent);
	struct rpr r;
	rpr_of(dx, n->parent, &r);
	buf_adds(&dx->para, "<w:fldSimple w:instr=\" PAGE \"><w:r>");
	emit_rpr(dx, &dx->para, &r, NULL, NULL);
	buf_adds(&dx->para, "<w:t>1</w:t></w:r></w:fldSimple>");
}

/* An inline leader: spaces (a blank to fill by hand), dots, or an
 * underlined blank for a rule, about leader-length long.  Times New
 * Roman's space and full stop are a quarter of an em wide. */
static void emit_leader(struct docx *dx, xmlNodePtr n)
{
	flush_space(dx, n->parent);
	struct rpr r;
	rpr_of(dx, n, &r);
	const char *pat = attr(n, "leader-pattern");
	double len = length_of(n, "leader-length", 0);
	long count = lround(len / (0.25 * (r.size > 0 ? r.size : 12)));
	if (count < 1)
		count = 1;
	if (count > 400)
		count = 400;
	int dots = pat && !strcmp(pat, "dots");
	int rule = pat && !strcmp(pat, "rule");
	buf_adds(&dx->para, "<w:r>");
	emit_rpr(dx, &dx->para, &r, NULL, rule ? "<w:u w:val=\"single\"/>" : NULL);
	buf_adds(&dx->para, "<w:t xml:space=\"preserve\">");
	for (long i = 0; i < count; i++)
		buf_addc(&dx->para, dots ? '.' : ' ');
	buf_adds(&dx->para, "</w:t></w:r>");
}

static void emit_inline_children(struct docx *dx, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		emit_node(dx, c);
}

/* soan:field: a plain-text content control.  Without a value of its own
 * it shows its hint as placeholder text. */
static void emit_field(struct docx *dx, xmlNodePtr n)
{
	flush_space(dx, n->parent);
	const char *name = attr(n, "name");
	const char *hint = attr(n, "hint");
	const char *multi = attr(n, "multiline");
	int has_value = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if ((kind_of(c) == K_TEXT && !is_blank_text(c->content)) || kind_of(c) == K_INLINE)
			has_value = 1;
	struct rpr r;
	rpr_of(dx, n, &r);
	buf_adds(&dx->para, "<w:sdt><w:sdtPr>");
	emit_rpr(dx, &dx->para, &r, NULL, NULL);
	buf_adds(&dx->para, "<w:alias w:val=\"");
	esc(&dx->para, hint ? hint : "");
	buf_adds(&dx->para, "\"/><w:tag w:val=\"");
	esc(&dx->para, name ? name : "");
	put(&dx->para, "\"/><w:id w:val=\"%u\"/>", dx->next_id++);
	if (!has_value)
		buf_adds(&dx->para, "<w:showingPlcHdr/>");
	put(&dx->para, "<w:text%s/>", multi && !strcmp(multi, "yes") ? " w:multiLine=\"1\"" : "");
	buf_adds(&dx->para, "</w:sdtPr><w:sdtContent>");
	if (has_value) {
		emit_inline_children(dx, n);
	} else {
		buf_adds(&dx->para, "<w:r>");
		emit_rpr(dx, &dx->para, &r, "PlaceholderText", NULL);
		buf_adds(&dx->para, "<w:t xml:space=\"preserve\">");
		esc(&dx->para, hint ? hint : "");
		buf_adds(&dx->para, "</w:t></w:r>");
	}
	buf_adds(&dx->para, "</w:sdtContent></w:sdt>");
	dx->at_start = 0;
}

/* soan:change: old text deleted and new text inserted, as tracked
 * revisions when asked; otherwise just the new text. */
static void emit_change(struct docx *dx, xmlNodePtr n)
{
	if (!dx->o || !dx->o->track_changes) {
		emit_inline_children(dx, n);
		return;
	}
	flush_space(dx, n->parent);
	const char *old = attr(n, "old");
	const char *author = attr(n, "author");
	struct rpr r;
	rpr_of(dx, n, &r);
	if (old && *old) {
		put(&dx->para, "<w:del w:id=\"%u\" w:author=\"", dx->next_id++);
		esc(&dx->para, author ? author : "soan");
		buf_adds(&dx->para, "\"><w:r>");
		emit_rpr(dx, &dx->para, &r, NULL, NULL);
		buf_adds(&dx->para, "<w:delText xml:space=\"preserve\">");
		esc(&dx->para, old);
		buf_adds(&dx->para, "</w:delText></w:r></w:del>");
	}
	put(&dx->para, "<w:ins w:id=\"%u\" w:author=\"", dx->next_id++);
	esc(&dx->para, author ? author : "soan");
	buf_adds(&dx->para, "\">");
	emit_inline_children(dx, n);
	buf_adds(&dx->para, "</w:ins>");
}

/* A short rule: an empty paragraph whose bottom border is as long as the
 * leader, placed by the block's alignment within the width we have. */
static void emit_rule(struct docx *dx, xmlNodePtr b, xmlNodePtr leader)
{
	struct ppr p;
	ppr_of(dx, b, &p);
	double avail = dx->width - (double)(p.left + p.right) / 20.0;
	double len = length_of(leader, "leader-length", avail);
	if (len > avail)
		len = avail;
	long gap = tw(avail - len);
	if (!strcmp(p.jc, "center")) {
		p.left += gap / 2;
		p.right += gap - gap / 2;
	} else if (!strcmp(p.jc, "right")) {
		p.left += gap;
	} else {
		p.right += gap;
	}
	p.first = 0;
	p.jc = "left";
	const char *th = attr(leader, "rule-thickness");
	char border[48];
	snprintf(border, sizeof border, "%s solid black", th ? th : "0.5pt");
	parse_border(border, &p);
	para_begin(dx, b, &p);
	para_end(dx, b, &p);
}

/* A block: one paragraph for its inline content, split around the blocks
 * and tables it holds (Word paragraphs do not nest). */
static void emit_block(struct docx *dx, xmlNodePtr b)
{
	xmlNodePtr leader = lone_rule(b);
	if (leader) {
		emit_rule(dx, b, leader);
		return;
	}
	if (block_is_empty(b))
		return; /* as in XSL-FO: an empty block has no lines */
	struct ppr p;
	ppr_of(dx, b, &p);
	double saved = dx->width;
	dx->width -= (double)(p.left + p.right) / 20.0;
	int opened = 0;
	for (xmlNodePtr c = b->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_BLOCK || k == K_TABLE) {
			if (dx->para_open && !dx->at_start)
				para_end(dx, b, &p);
			dx->para_open = 0;
			emit_node(dx, c);
			continue;
		}
		if (k == K_OTHER || (k == K_TEXT && !dx->para_open && is_blank_text(c->content)))
			continue;
		if (!dx->para_open) {
			struct ppr q = p;
			if (opened) { /* a later piece of the same block */
				q.before = 0;
				q.page_break = 0;
			}
			para_begin(dx, b, &q);
			opened = 1;
		}
		emit_node(dx, c);
	}
	if (dx->para_open)
		para_end(dx, b, &p);
	dx->width = saved;
}

/* ------------------------------------------------------------------ */
/* tables                                                              */

struct cellbox {
	long cover; /* rows still covered below, for a vertical merge */
	long span;  /* columns of the merged cell starting here, 0 inside one */
};

static void emit_cell_borders(struct buf *b, xmlNodePtr cell)
{
	struct ppr p;
	memset(&p, 0, sizeof p);
	parse_border(attr(cell, "border"), &p);
	if (!p.border)
		return;
	buf_adds(b, "<w:tcBorders>");
	static const char *const sides[] = {"top", "left", "bottom", "right"};
	for (int i = 0; i < 4; i++)
		put(b, "<w:%s w:val=\"%s\" w:sz=\"%ld\" w:space=\"0\" w:color=\"%s\"/>", sides[i],
		    p.border_style, p.border_sz, p.border_color);
	buf_adds(b, "</w:tcBorders>");
}

static long span_width(const long *cols, size_t ncols, size_t at, long span)
{
	long w = 0;
	for (size_t i = at; i < at + (size_t)span && i < ncols; i++)
		w += cols[i];
	return w;
}

/* The continuation of a vertically merged cell. */
static void emit_merged_cell(struct docx *dx, xmlNodePtr origin, long width, long span)
{
	put(dx->out, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", width);
	if (span > 1)
		put(dx->out, "<w:gridSpan w:val=\"%ld\"/>", span);
	buf_adds(dx->out, "<w:vMerge/>");
	if (origin)
		emit_cell_borders(dx->out, origin);
	buf_adds(dx->out, "</w:tcPr><w:p/></w:tc>");
}

static void emit_cell(struct docx *dx, xmlNodePtr cell, long width, long span, long rows)
{
	put(dx->out, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", width);
	if (span > 1)
		put(dx->out, "<w:gridSpan w:val=\"%ld\"/>", span);
	if (rows > 1)
		buf_adds(dx->out, "<w:vMerge w:val=\"restart\"/>");
	emit_cell_borders(dx->out, cell);
	long pad = tw(length_of(cell, "padding", 0));
	if (pad)
		put(dx->out,
		    "<w:tcMar><w:top w:w=\"%ld\" w:type=\"dxa\"/><w:left w:w=\"%ld\" "
		    "w:type=\"dxa\"/>"
		    "<w:bottom w:w=\"%ld\" w:type=\"dxa\"/><w:right w:w=\"%ld\" "
		    "w:type=\"dxa\"/></w:tcMar>",
		    pad, pad, pad, pad);
	const char *da = attr(cell, "display-align");
	if (da && strcmp(da, "before"))
		put(dx->out, "<w:vAlign w:val=\"%s\"/>",
		    !strcmp(da, "center") ? "center" : "bottom");
	buf_adds(dx->out, "</w:tcPr>");
	double saved_width = dx->width;
	long saved_after = dx->prev_after;
	dx->width = (double)(width - 2 * pad) / 20.0;
	dx->prev_after = 0;
	size_t before = dx->out->len;
	int last_table = 0;
	for (xmlNodePtr c = cell->children; c; c = c->next) {
		enum kind k = kind_of(c);
		if (k == K_BLOCK || k == K_TABLE) {
			emit_node(dx, c);
			last_table = k == K_TABLE;
		}
	}
	/* a cell ends with a paragraph, and has one at least */
	if (dx->out->len == before || last_table)
		buf_adds(dx->out,
		         "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>");
	buf_adds(dx->out, "</w:tc>");
	dx->width = saved_width;
	dx->prev_after = saved_after;
}

static void emit_row(struct docx *dx, xmlNodePtr row, const long *cols, size_t ncols,
                     struct cellbox *grid, xmlNodePtr *origin, int header)
{
	buf_adds(dx->out, "<w:tr>");
	int split = attr(row, "keep-together.within-page") == NULL;
	if (header || !split) {
		buf_adds(dx->out, "<w:trPr>");
		if (!split)
			buf_adds(dx->out, "<w:cantSplit/>");
		if (header)
			buf_adds(dx->out, "<w:tblHeader/>");
		buf_adds(dx->out, "</w:trPr>");
	}
	size_t col = 0;
	xmlNodePtr cell = NULL;
	for (xmlNodePtr c = row->children; c; c = c->next)
		if (fo_is(c, "table-cell")) {
			cell = c;
			break;
		}
	for (;;) {
		/* places taken by cells merged from above */
		while (col < ncols && grid[col].cover > 0) {
			long s = grid[col].span > 0 ? grid[col].span : 1;
			emit_merged_cell(dx, origin[col], span_width(cols, ncols, col, s), s);
			for (size_t k = col; k < col + (size_t)s && k < ncols; k++)
				grid[k].cover--;
			col += (size_t)s;
		}
		if (col >= ncols)
			break; /* fo_check() keeps rows within the columns */
		if (!cell) {
			/* a short row: an empty cell, then look again */
			put(dx->out,
			    "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" "
			    "w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>",
			    cols[col]);
			grid[col].span = 1;
			origin[col] = NULL;
			col++;
			continue;
		}
		long cs = strtol(fo_prop(cell, "number-columns-spanned", "1"), NULL, 10);
		long rs = strtol(fo_prop(cell, "number-rows-spanned", "1"), NULL, 10);
		if (cs < 1)
			cs = 1;
		if (col + (size_t)cs > ncols)
			cs = (long)(ncols - col);
		emit_cell(dx, cell, span_width(cols, ncols, col, cs), cs, rs);
		for (size_t k = col; k < col + (size_t)cs; k++) {
			grid[k].cover = rs - 1;
			grid[k].span = k == col ? cs : 0;
			origin[k] = cell;
		}
		col += (size_t)cs;
		do
			cell = cell->next;
		while (cell && !fo_is(cell, "table-cell"));
	}
	buf_adds(dx->out, "</w:tr>");
}

/* An empty paragraph of a given height: the space before a table (Word
 * has no space around tables), and what keeps two tables apart. */
static void emit_spacer(struct docx *dx, double pt)
{
	long h = tw(pt > 1 ? pt : 1);
	long gap = h > dx->prev_after ? h - dx->prev_after : 20;
	put(dx->out,
	    "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%ld\" "
	    "w:lineRule=\"exact\"/>"
	    "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>",
	    gap);
}

static void emit_table(struct docx *dx, xmlNodePtr t)
{
	size_t ncols = 0;
	for (xmlNodePtr c = t->children; c; c = c->next)
		if (fo_is(c, "table-column"))
			ncols++;
	if (!ncols)
		return;
	long *cols = xcalloc(ncols, sizeof *cols);
	struct cellbox *grid = xcalloc(ncols, sizeof *grid);
	xmlNodePtr *origin = xcalloc(ncols, sizeof *origin);
	long total = 0;
	size_t i = 0;
	for (xmlNodePtr c = t->children; c; c = c->next)
		if (fo_is(c, "table-column")) {
			cols[i] = tw(length_of(c, "column-width", 0));
			total += cols[i++];
		}
	double space = length_of(t, "space-before", 0);
	int top = dx->out == &dx->body && dx->depth == 0;
	if (space > 0 || (top && dx->last_is_table))
		emit_spacer(dx, space);
	put(dx->out,
	    "<w:tbl><w:tblPr><w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>"
	    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
	    "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" "
	    "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
	    total);
	for (i = 0; i < ncols; i++)
		put(dx->out, "<w:gridCol w:w=\"%ld\"/>", cols[i]);
	buf_adds(dx->out, "</w:tblGrid>");
	dx->depth++;
	for (xmlNodePtr sec = t->children; sec; sec = sec->next) {
		int header = fo_is(sec, "table-header");
		if (!header && !fo_is(sec, "table-body"))
			continue;
		memset(grid, 0, ncols * sizeof *grid);
		for (xmlNodePtr row = sec->children; row; row = row->next)
			if (fo_is(row, "table-row"))
				emit_row(dx, row, cols, ncols, grid, origin, header);
	}
	dx->depth--;
	buf_adds(dx->out, "</w:tbl>");
	if (top) {
		dx->last_is_table = 1;
		dx->last_is_para = 0;
	}
	dx->prev_after = tw(length_of(t, "space-after", 0));
	free(cols);
	free(grid);
	free(origin);
}

/* The one switch on the kind of FO element. */
static void emit_node(struct docx *dx, xmlNodePtr n)
{
	switch (kind_of(n)) {
	case K_TEXT: emit_text(dx, n); break;
	case K_BLOCK: emit_block(dx, n); break;
	case K_INLINE: emit_inline_children(dx, n); break;
	case K_PAGE_NUMBER: emit_page_number(dx, n); break;
	case K_LEADER: emit_leader(dx, n); break;
	case K_TABLE: emit_table(dx, n); break;
	case K_FIELD: emit_field(dx, n); break;
	case K_CHANGE: emit_change(dx, n); break;
	case K_OTHER: break;
	}
}

/* ------------------------------------------------------------------ */
/* sections and headers                                                */

/* The header part for a static-content (its index), shared when equal. */
static size_t add_header(struct docx *dx, xmlNodePtr sc, double width)
{
	struct buf *saved_out = dx->out;
	long saved_after = dx->prev_after;
	double saved_width = dx->width;
	struct buf h = BUF_INIT;
	buf_adds(&h, XML_DECL "<w:hdr xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">");
	size_t start = h.len;
	dx->out = &h;
	dx->prev_after = 0;
	dx->width = width;
	if (sc)
		for (xmlNodePtr c = sc->children; c; c = c->next)
			if (kind_of(c) == K_BLOCK)
				emit_node(dx, c);
	if (h.len == start)
		buf_adds(&h, "<w:p/>");
	buf_adds(&h, "</w:hdr>");
	dx->out = saved_out;
	dx->prev_after = saved_after;
	dx->width = saved_width;
	for (size_t i = 0; i < dx->nheaders; i++)
		if (dx->headers[i].len == h.len && !memcmp(dx->headers[i].ptr, h.ptr, h.len)) {
			buf_release(&h);
			return i;
		}
	dx->headers = xgrow(dx->headers, sizeof *dx->headers, dx->nheaders + 1, &dx->aheaders);
	dx->headers[dx->nheaders] = h;
	return dx->nheaders++;
}

static void sect_pr(struct docx *dx, struct buf *b, xmlNodePtr seq, const struct fo_page *first,
                    const struct fo_page *rest)
{
	xmlNodePtr sc = NULL;
	for (xmlNodePtr c = seq->children; c; c = c->next)
		if (fo_is(c, "static-content"))
			sc = c;
	double width = rest->width - rest->left - rest->right;
	buf_adds(b, "<w:sectPr>");
	int title_pg = 0;
	if (sc && rest->has_header) {
		size_t h = add_header(dx, sc, width);
		put(b, "<w:headerReference w:type=\"default\" r:id=\"rIdH%zu\"/>", h + 1);
		if (!first->has_header) {
			size_t e = add_header(dx, NULL, width);
			put(b, "<w:headerReference w:type=\"first\" r:id=\"rIdH%zu\"/>", e + 1);
			title_pg = 1;
		}
	}
	long w = tw(rest->width), h = tw(rest->height);
	put(b, "<w:pgSz w:w=\"%ld\" w:h=\"%ld\"%s/>", w, h, w > h ? " w:orient=\"landscape\"" : "");
	put(b,
	    "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" "
	    "w:header=\"%ld\" "
	    "w:footer=\"0\" w:gutter=\"0\"/>",
	    tw(rest->top), tw(rest->right), tw(rest->bottom), tw(rest->left),
	    rest->has_header ? tw(rest->header) : 567L);
	const char *ipn = attr(seq, "initial-page-number");
	if (ipn)
		put(b, "<w:pgNumType w:start=\"%ld\"/>", strtol(ipn, NULL, 10));
	buf_adds(b, "<w:cols w:space=\"720\"/>");
	if (title_pg)
		buf_adds(b, "<w:titlePg/>");
	buf_adds(b, "</w:sectPr>");
}

/* End a section that is not the last: its properties go into the last
 * paragraph's pPr, or into a tiny paragraph after a closing table. */
static void end_section(struct docx *dx, const char *sect)
{
	if (dx->last_is_para) {
		struct buf b = BUF_INIT;
		buf_add(&b, dx->body.ptr, dx->last_ppr_end);
		buf_adds(&b, sect);
		buf_add(&b, dx->body.ptr + dx->last_ppr_end, dx->body.len - dx->last_ppr_end);
		buf_release(&dx->body);
		dx->body = b;
	} else {
		buf_adds(&dx->body, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" "
		                    "w:line=\"20\" w:lineRule=\"exact\"/>"
		                    "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr>");
		buf_adds(&dx->body, sect);
		buf_adds(&dx->body, "</w:pPr></w:p>");
	}
	dx->last_is_para = 0;
	dx->last_is_table = 0;
	dx->prev_after = 0;
}

/* Bookmarks of the outline: each destination id and its depth. */
static void collect_bookmarks(struct docx *dx, xmlNodePtr n, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!fo_is(c, "bookmark"))
			continue;
		const char *id = attr(c, "internal-destination");
		if (id) {
			dx->bms = xgrow(dx->bms, sizeof *dx->bms, dx->nbms + 1, &dx->abms);
			dx->bms[dx->nbms].id = id;
			dx->bms[dx->nbms].depth = depth;
			dx->nbms++;
		}
		collect_bookmarks(dx, c, depth + 1);
	}
}

static void docx_init(struct docx *dx, xmlDocPtr fo, const struct gen_opts *o, struct diag *d)
{
	memset(dx, 0, sizeof *dx);
	dx->o = o;
	dx->d = d;
	dx->body = (struct buf)BUF_INIT;
	dx->para = (struct buf)BUF_INIT;
	dx->text = (struct buf)BUF_INIT;
	dx->out = &dx->body;
	dx->next_id = 1;
	xmlNodePtr root = xmlDocGetRootElement(fo);
	xmlNodePtr seq = NULL;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (fo_is(c, "bookmark-tree"))
			collect_bookmarks(dx, c, 0);
		if (!seq && fo_is(c, "page-sequence"))
			seq = c;
	}
	xmlNodePtr flow = NULL;
	for (xmlNodePtr c = seq ? seq->children : NULL; c; c = c->next)
		if (fo_is(c, "flow"))
			flow = c;
	dx->family = o && o->font_family
	                 ? o->font_family
	                 : fo_prop(flow ? flow : seq, "font-family", "Times New Roman");
	dx->size = fo_prop_pt(flow ? flow : seq, "font-size", 0, 12);
}

static void docx_release(struct docx *dx)
{
	buf_release(&dx->body);
	buf_release(&dx->para);
	buf_release(&dx->text);
	for (size_t i = 0; i < dx->nheaders; i++)
		buf_release(&dx->headers[i]);
	free(dx->headers);
	free(dx->bms);
}

/* The body of word/document.xml, section by section. */
static int build_document(struct docx *dx, xmlDocPtr fo, struct buf *out)
{
	xmlNodePtr root = xmlDocGetRootElement(fo);
	struct buf last = BUF_INIT;
	for (xmlNodePtr seq = root->children; seq; seq = seq->next) {
		if (!fo_is(seq, "page-sequence"))
			continue;
		struct fo_page first, rest;
		if (fo_page_masters(seq, &first, &rest) < 0) {
			buf_release(&last);
			return diag_error(dx->d,
			                  "page-sequence names a page master that does not exist");
		}
		/* Word's limits: pages up to 22 inches, some room left for text */
		if (rest.width > 22 * 72 || rest.height > 22 * 72 || rest.width < 72 ||
		    rest.height < 72) {
			buf_release(&last);
			return diag_error(dx->d, "page size Word cannot print '%.0fx%.0fmm'",
			                  rest.width * 25.4 / 72, rest.height * 25.4 / 72);
		}
		if (rest.left + rest.right > rest.width - 36 ||
		    rest.top + rest.bottom > rest.height - 36) {
			buf_release(&last);
			return diag_error(dx->d, "page margins leave no room for text");
		}
		if (last.len)
			end_section(dx, last.ptr);
		buf_reset(&last);
		dx->width = rest.width - rest.left - rest.right;
		for (xmlNodePtr c = seq->children; c; c = c->next)
			if (fo_is(c, "flow"))
				for (xmlNodePtr k = c->children; k; k = k->next)
					emit_node(dx, k);
		sect_pr(dx, &last, seq, &first, &rest);
	}
	buf_adds(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
	buf_add(out, dx->body.ptr, dx->body.len);
	if (!dx->body.len)
		buf_adds(out, "<w:p/>");
	buf_add(out, last.ptr, last.len);
	buf_adds(out, "</w:body></w:document>");
	buf_release(&last);
	return 0;
}

int docx_document_xml(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d)
{
	struct docx dx;
	docx_init(&dx, fo, o, d);
	int rc = build_document(&dx, fo, out);
	docx_release(&dx);
	return rc;
}

/* ------------------------------------------------------------------ */
/* the package                                                         */

static void styles_xml(struct docx *dx, struct buf *b)
{
	long hs = lround(dx->size * 2);
	buf_adds(b, XML_DECL "<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>"
	                     "<w:rFonts w:ascii=\"");
	esc(b, dx->family);
	buf_adds(b, "\" w:eastAsia=\"");
	esc(b, dx->family);
	buf_adds(b, "\" w:hAnsi=\"");
	esc(b, dx->family);
	buf_adds(b, "\" w:cs=\"");
	esc(b, dx->family);
	put(b,
	    "\"/><w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/>"
	    "<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	    "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	    "</w:pPr></w:pPrDefault></w:docDefaults>",
	    hs, hs);
	buf_adds(
	    b,
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
	    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
	    "<w:unhideWhenUsed/></w:style>"
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
	    "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	    "</w:tblCellMar></w:tblPr></w:style>"
	    "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">"
	    "<w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
	    "<w:unhideWhenUsed/></w:style>"
	    "<w:style w:type=\"character\" w:styleId=\"PlaceholderText\">"
	    "<w:name w:val=\"Placeholder Text\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
	    "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:rPr><w:color w:val=\"808080\"/></w:rPr>"
	    "</w:style></w:styles>");
}

static void settings_xml(struct docx *dx, struct buf *b)
{
	buf_adds(b, XML_DECL "<w:settings xmlns:w=\"" W_NS "\"><w:zoom w:percent=\"100\"/>");
	if (dx->o && dx->o->track_changes)
		buf_adds(b, "<w:trackRevisions/>");
	buf_adds(
	    b,
	    "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
	    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
	    "<w:themeFontLang w:val=\"vi-VN\"/></w:settings>");
}

static void content_types_xml(struct docx *dx, struct buf *b)
{
	buf_adds(b, XML_DECL
	         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	         "<Default Extension=\"rels\" "
	         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	         "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	         "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
	         "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>");
	for (size_t i = 0; i < dx->nheaders; i++)
		put(b,
		    "<Override PartName=\"/word/header%zu.xml\" ContentType=\"application/"
		    "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
		    i + 1);
	buf_adds(b, "<Override PartName=\"/docProps/core.xml\" "
	            "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
	            "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>");
}

static void package_rels_xml(struct buf *b)
{
	buf_adds(
	    b, XML_DECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>");
}

static void document_rels_xml(struct docx *dx, struct buf *b)
{
	buf_adds(
	    b, XML_DECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rIdStyles\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/"
	    "2006/relationships/styles\" Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>");
	for (size_t i = 0; i < dx->nheaders; i++)
		put(b,
		    "<Relationship Id=\"rIdH%zu\" Type=\"http://schemas.openxmlformats.org/"
		    "officeDocument/2006/relationships/header\" Target=\"header%zu.xml\"/>",
		    i + 1, i + 1);
	buf_adds(b, "</Relationships>");
}

static void core_xml(xmlDocPtr fo, struct buf *b)
{
	char *title = fo_meta(fo, "title");
	char *creator = fo_meta(fo, "creator");
	buf_adds(
	    b, XML_DECL
	    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
	    "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
	if (title) {
		buf_adds(b, "<dc:title>");
		esc(b, title);
		buf_adds(b, "</dc:title>");
	}
	if (creator) {
		buf_adds(b, "<dc:creator>");
		esc(b, creator);
		buf_adds(b, "</dc:creator>");
	}
	buf_adds(b, "<dc:language>vi-VN</dc:language></cp:coreProperties>");
	free(title);
	free(creator);
}

static void app_xml(struct buf *b)
{
	buf_adds(b, XML_DECL
	         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	         "extended-properties\"><Application>soan</Application></Properties>");
}

/* Parts to zip: name and bytes. */
struct part {
	char *name;
	struct buf data;
};

static int zip_parts(struct part *parts, size_t n, struct buf *out, struct diag *d)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return diag_env(d, "cannot create zip buffer");
	}
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return diag_env(d, "cannot create zip archive");
	}
	zip_source_keep(src);
	/* The same time on every entry, whatever the time zone: mktime() and
	 * libzip's localtime() cancel out. */
	struct tm tm = {.tm_year = 80, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
	time_t when = mktime(&tm);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data.ptr, parts[i].data.len, 0);
		zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			rc = diag_env(d, "cannot add %s to the package: %s", parts[i].name,
			              zip_strerror(za));
			break;
		}
		/* the document and headers deflated fast; the small fixed parts
		 * stored (a deflate stream costs more to set up than it saves) */
		if (parts[i].data.len >= 2048)
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
		else
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		zip_file_set_mtime(za, (zip_uint64_t)idx, when, 0);
	}
	if (rc == 0 && zip_close(za) < 0) {
		rc = diag_env(d, "cannot write the package: %s", zip_strerror(za));
		zip_discard(za);
	} else if (rc != 0) {
		zip_discard(za);
	}
	if (rc == 0) {
		zip_stat_t st;
		if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
			rc = diag_env(d, "cannot read the package back");
		} else {
			size_t len = (size_t)st.size;
			buf_grow(out, len);
			zip_int64_t got = zip_source_read(src, out->ptr + out->len, len);
			zip_source_close(src);
			if (got < 0 || (size_t)got != len)
				rc = diag_env(d, "cannot read the package back");
			else
				buf_setlen(out, out->len + len);
		}
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

int docx_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d)
{
	struct docx dx;
	docx_init(&dx, fo, o, d);
	struct buf document = BUF_INIT;
	int rc = build_document(&dx, fo, &document);
	if (rc < 0) {
		buf_release(&document);
		docx_release(&dx);
		return -1;
	}
	size_t n = 0;
	struct part *parts = xcalloc(8 + dx.nheaders, sizeof *parts);
#define PART(nm)                                                                                   \
	(parts[n].name = xstrdup(nm), parts[n].data = (struct buf)BUF_INIT, &parts[n++].data)
	content_types_xml(&dx, PART("[Content_Types].xml"));
	package_rels_xml(PART("_rels/.rels"));
	document_rels_xml(&dx, PART("word/_rels/document.xml.rels"));
	*PART("word/document.xml") = document;
	styles_xml(&dx, PART("word/styles.xml"));
	settings_xml(&dx, PART("word/settings.xml"));
	for (size_t i = 0; i < dx.nheaders; i++) {
		char name[40];
		snprintf(name, sizeof name, "word/header%zu.xml", i + 1);
		struct buf *b = PART(name);
		*b = dx.headers[i];
		dx.headers[i] = (struct buf)BUF_INIT;
	}
	core_xml(fo, PART("docProps/core.xml"));
	app_xml(PART("docProps/app.xml"));
#undef PART
	rc = zip_parts(parts, n, out, d);
	for (size_t i = 0; i < n; i++) {
		free(parts[i].name);
		buf_release(&parts[i].data);
	}
	free(parts);
	docx_release(&dx);
	return rc;
}
