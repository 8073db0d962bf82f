/* docx_styles.c - styles.xml and formatting properties (see docx.h).
 *
 * Owns: reading the run and paragraph properties soan uses as hints
 * (bold, italic, caps, hidden, font, alignment, outline level, page break
 * before, numbering, left indent), the style table with its w:basedOn
 * chains resolved once at load (bounded by LIMIT_DOCX_STYLE_CHAIN, cycles
 * cut), heading styles, table-style borders, and the combination rules
 * for effective run formatting.  It does not walk the body. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/limits.h"
#include "extract/base/xalloc.h"
#include "extract/read/blocks.h"
#include "extract/read/docx/docx.h"

void docx_rpr_init(struct docx_rpr *r)
{
	r->b = r->i = r->caps = r->vanish = -1;
	r->font = NULL;
}

void docx_ppr_init(struct docx_ppr *p)
{
	p->jc = p->outline = p->page_break = p->num_id = p->ilvl = p->ind = DOCX_UNSET;
}

void docx_rpr_read(struct docx_ns *c, struct docx_rpr *r, const xmlNode *rPr)
{
	if (!rPr)
		return;
	for (const xmlNode *k = rPr->children; k; k = k->next) {
		if (!docx_w(c, k))
			continue;
		const char *n = (const char *)k->name;
		switch (n[0]) {
		case 'b':
			if (!n[1])
				r->b = (signed char)docx_onoff(k);
			break;
		case 'i':
			if (!n[1])
				r->i = (signed char)docx_onoff(k);
			break;
		case 'c':
			if (!strcmp(n, "caps"))
				r->caps = (signed char)docx_onoff(k);
			break;
		case 'v':
			if (!strcmp(n, "vanish"))
				r->vanish = (signed char)docx_onoff(k);
			break;
		case 'r':
			if (!strcmp(n, "rFonts")) {
				const char *v;
				if (docx_attr(k, "asciiTheme"))
					r->font = "";
				else if ((v = docx_attr(k, "ascii")))
					r->font = v;
				else if (docx_attr(k, "hAnsiTheme"))
					r->font = "";
				else if ((v = docx_attr(k, "hAnsi")))
					r->font = v;
			}
			break;
		}
	}
}

static int parse_jc(const char *v)
{
	if (!v)
		return DOCX_UNSET;
	if (!strcmp(v, "left") || !strcmp(v, "start"))
		return ALIGN_LEFT;
	if (!strcmp(v, "right") || !strcmp(v, "end"))
		return ALIGN_RIGHT;
	if (!strcmp(v, "center"))
		return ALIGN_CENTER;
	if (!strcmp(v, "both") || !strcmp(v, "distribute") || strstr(v, "Kashida") ||
	    !strcmp(v, "thaiDistribute") || !strcmp(v, "justify"))
		return ALIGN_JUSTIFY;
	return DOCX_UNSET;
}

void docx_ppr_read(struct docx_ns *c, struct docx_ppr *p, const xmlNode *pPr)
{
	if (!pPr)
		return;
	for (const xmlNode *k = pPr->children; k; k = k->next) {
		if (!docx_w(c, k))
			continue;
		const char *n = (const char *)k->name;
		if (!strcmp(n, "jc")) {
			int j = parse_jc(docx_attr(k, "val"));
			if (j != DOCX_UNSET)
				p->jc = j;
		} else if (!strcmp(n, "outlineLvl")) {
			long v = docx_long(docx_attr(k, "val"), -1);
			if (v >= 0 && v <= 9)
				p->outline = (int)v;
		} else if (!strcmp(n, "pageBreakBefore")) {
			p->page_break = docx_onoff(k);
		} else if (!strcmp(n, "numPr")) {
			for (const xmlNode *m = k->children; m; m = m->next) {
				if (docx_is(c, m, "numId"))
					p->num_id = (int)docx_long(docx_attr(m, "val"), 0);
				else if (docx_is(c, m, "ilvl"))
					p->ilvl = (int)docx_long(docx_attr(m, "val"), 0);
			}
		} else if (!strcmp(n, "ind")) {
			const char *v = docx_attr(k, "left");
			if (!v)
				v = docx_attr(k, "start");
			if (v)
				p->ind = (int)docx_long(v, 0);
		}
	}
}

void docx_rpr_over(struct docx_rpr *base, const struct docx_rpr *top)
{
	if (top->b >= 0)
		base->b = top->b;
	if (top->i >= 0)
		base->i = top->i;
	if (top->caps >= 0)
		base->caps = top->caps;
	if (top->vanish >= 0)
		base->vanish = top->vanish;
	if (top->font)
		base->font = top->font;
}

void docx_ppr_over(struct docx_ppr *base, const struct docx_ppr *top)
{
	if (top->jc != DOCX_UNSET)
		base->jc = top->jc;
	if (top->outline != DOCX_UNSET)
		base->outline = top->outline;
	if (top->page_break != DOCX_UNSET)
		base->page_break = top->page_break;
	if (top->num_id != DOCX_UNSET)
		base->num_id = top->num_id;
	if (top->ilvl != DOCX_UNSET)
		base->ilvl = top->ilvl;
	if (top->ind != DOCX_UNSET)
		base->ind = top->ind;
}

/* ---- the style table ---------------------------------------------------------- */

static int heading_name(const char *name)
{
	if (!name || strncasecmp(name, "heading", 7))
		return 0;
	const char *p = name + 7;
	if (*p == ' ')
		p++;
	if (p[0] >= '1' && p[0] <= '9' && !p[1])
		return p[0] - '0';
	return 0;
}

/* Does a borders element (w:tblBorders, w:tcBorders) draw any line? 1 yes,
 * 0 no. */
static int borders_visible(struct docx_ns *c, const xmlNode *b)
{
	for (const xmlNode *k = b->children; k; k = k->next) {
		if (!docx_w(c, k) || !strcmp((const char *)k->name, "tl2br") ||
		    !strcmp((const char *)k->name, "tr2bl"))
			continue;
		const char *v = docx_attr(k, "val");
		if (!v || !strcmp(v, "nil") || !strcmp(v, "none"))
			continue;
		const char *col = docx_attr(k, "color");
		if (col && !strcasecmp(col, "FFFFFF"))
			continue;
		return 1;
	}
	return 0;
}

int docx_borders_visible(struct docx_ns *c, const xmlNode *borders)
{
	return borders ? borders_visible(c, borders) : 0;
}

static int cmp_key(const struct docx_style *a, char type, const char *id)
{
	if (a->type != type)
		return a->type < type ? -1 : 1;
	return strcmp(a->id, id);
}

static int cmp_order(const void *x, const void *y, void *ctx)
{
	const struct docx_styles *s = ctx;
	const struct docx_style *a = &s->v[*(const size_t *)x];
	const struct docx_style *b = &s->v[*(const size_t *)y];
	int r = cmp_key(a, b->type, b->id);
	if (r)
		return r;
	/* same id twice: the first one in the file wins */
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

const struct docx_style *docx_style_exact(const struct docx_styles *s, const char *id, char type)
{
	if (!id || !s->n)
		return NULL;
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = cmp_key(&s->v[s->order[mid]], type, id);
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n && !cmp_key(&s->v[s->order[lo]], type, id))
		return &s->v[s->order[lo]];
	return NULL;
}

const struct docx_style *docx_style(const struct docx_styles *s, const char *id, char type)
{
	const struct docx_style *st = docx_style_exact(s, id, type);
	if (st)
		return st;
	int def = type == DOCX_STYLE_PARA    ? s->def_para
	          : type == DOCX_STYLE_CHAR  ? s->def_char
	          : type == DOCX_STYLE_TABLE ? s->def_table
	                                     : -1;
	return def >= 0 ? &s->v[def] : NULL;
}

static int resolve(struct docx_styles *s, size_t i, int depth, struct diag *d)
{
	struct docx_style *st = &s->v[i];
	if (st->resolved == 2)
		return 0;
	if (st->resolved == 1) {
		st->based_on = -1; /* a cycle: cut it here */
		return 0;
	}
	if (depth > LIMIT_DOCX_STYLE_CHAIN)
		return diag_error(
		    d, "styles: style chain too long at '%s' (limit %d, LIMIT_DOCX_STYLE_CHAIN)",
		    st->id, LIMIT_DOCX_STYLE_CHAIN);
	st->resolved = 1;
	struct docx_rpr r;
	struct docx_ppr p;
	docx_rpr_init(&r);
	docx_ppr_init(&p);
	int heading = 0, borders = -1;
	if (st->based_on >= 0) {
		if (resolve(s, (size_t)st->based_on, depth + 1, d) < 0)
			return -1;
	}
	if (st->based_on >= 0) { /* may have been cut */
		const struct docx_style *b = &s->v[st->based_on];
		r = b->r;
		p = b->p;
		heading = b->heading;
		borders = b->borders;
	}
	struct docx_rpr own_r;
	struct docx_ppr own_p;
	docx_rpr_init(&own_r);
	docx_ppr_init(&own_p);
	for (const xmlNode *k = st->node->children; k; k = k->next) {
		if (!docx_w(&s->ns, k))
			continue;
		const char *n = (const char *)k->name;
		if (!strcmp(n, "rPr"))
			docx_rpr_read(&s->ns, &own_r, k);
		else if (!strcmp(n, "pPr"))
			docx_ppr_read(&s->ns, &own_p, k);
		else if (!strcmp(n, "name") && heading_name(docx_attr(k, "val")))
			heading = heading_name(docx_attr(k, "val"));
		else if (!strcmp(n, "tblPr")) {
			xmlNode *b = docx_child(&s->ns, k, "tblBorders");
			if (b)
				borders = borders_visible(&s->ns, b);
		}
	}
	docx_rpr_over(&r, &own_r);
	docx_ppr_over(&p, &own_p);
	if (heading && p.outline == DOCX_UNSET)
		p.outline = heading - 1;
	st->r = r;
	st->p = p;
	st->heading = heading;
	st->borders = borders;
	st->resolved = 2;
	return 0;
}

int docx_styles_load(struct docx_styles *s, xmlDocPtr doc, struct diag *d)
{
	memset(s, 0, sizeof *s);
	s->doc = doc;
	s->def_para = s->def_char = s->def_table = -1;
	docx_rpr_init(&s->def_r);
	docx_ppr_init(&s->def_p);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root)
		return 0;
	if (!docx_is(&s->ns, root, "styles"))
		return diag_error(d, "styles part is not a WordprocessingML styles document");
	size_t alloc = 0;
	for (xmlNode *k = root->children; k; k = k->next) {
		if (!docx_w(&s->ns, k))
			continue;
		if (!strcmp((const char *)k->name, "docDefaults")) {
			for (xmlNode *m = k->children; m; m = m->next) {
				if (docx_is(&s->ns, m, "rPrDefault"))
					docx_rpr_read(&s->ns, &s->def_r,
					              docx_child(&s->ns, m, "rPr"));
				else if (docx_is(&s->ns, m, "pPrDefault"))
					docx_ppr_read(&s->ns, &s->def_p,
					              docx_child(&s->ns, m, "pPr"));
			}
			continue;
		}
		if (strcmp((const char *)k->name, "style"))
			continue;
		const char *id = docx_attr(k, "styleId");
		const char *type = docx_attr(k, "type");
		if (!id)
			continue;
		char t = !type || !strcmp(type, "paragraph") ? DOCX_STYLE_PARA
		         : !strcmp(type, "character")        ? DOCX_STYLE_CHAR
		         : !strcmp(type, "table")            ? DOCX_STYLE_TABLE
		         : !strcmp(type, "numbering")        ? DOCX_STYLE_NUMBERING
		                                             : 0;
		if (!t)
			continue;
		s->v = xgrow(s->v, sizeof *s->v, s->n + 1, &alloc);
		struct docx_style *st = &s->v[s->n];
		memset(st, 0, sizeof *st);
		st->id = id;
		st->type = t;
		st->node = k;
		st->based_on = -1;
		const char *def = docx_attr(k, "default");
		if (def &&
		    (!strcmp(def, "1") || !strcasecmp(def, "true") || !strcasecmp(def, "on"))) {
			int *slot = t == DOCX_STYLE_PARA    ? &s->def_para
			            : t == DOCX_STYLE_CHAR  ? &s->def_char
			            : t == DOCX_STYLE_TABLE ? &s->def_table
			                                    : NULL;
			if (slot && *slot < 0)
				*slot = (int)s->n;
		}
		s->n++;
	}
	s->order = xmalloc((s->n ? s->n : 1) * sizeof *s->order);
	for (size_t i = 0; i < s->n; i++)
		s->order[i] = i;
	qsort_r(s->order, s->n, sizeof *s->order, cmp_order, s);
	/* link basedOn, then resolve every chain once */
	for (size_t i = 0; i < s->n; i++) {
		xmlNode *b = docx_child(&s->ns, s->v[i].node, "basedOn");
		const struct docx_style *base =
		    b ? docx_style_exact(s, docx_attr(b, "val"), s->v[i].type) : NULL;
		if (base && base != &s->v[i])
			s->v[i].based_on = (int)(base - s->v);
	}
	for (size_t i = 0; i < s->n; i++)
		if (resolve(s, i, 0, d) < 0)
			return -1;
	return 0;
}

void docx_styles_release(struct docx_styles *s)
{
	free(s->v);
	free(s->order);
	if (s->doc)
		xmlFreeDoc(s->doc);
	memset(s, 0, sizeof *s);
	s->def_para = s->def_char = s->def_table = -1;
}

/* One toggle: the exclusive or of what the styles say, else the default;
 * direct formatting wins over both. */
static signed char toggle(signed char def, signed char t, signed char p, signed char c,
                          signed char direct)
{
	if (direct >= 0)
		return direct;
	int said = 0, v = 0;
	if (t >= 0)
		said = 1, v ^= t;
	if (p >= 0)
		said = 1, v ^= p;
	if (c >= 0)
		said = 1, v ^= c;
	if (said)
		return (signed char)v;
	return def > 0 ? 1 : 0;
}

void docx_effective_rpr(const struct docx_styles *s, const struct docx_style *table,
                        const struct docx_style *para, const struct docx_style *chr,
                        const struct docx_rpr *direct, struct docx_rpr *out)
{
	static const struct docx_rpr none = {-1, -1, -1, -1, NULL};
	const struct docx_rpr *t = table ? &table->r : &none;
	const struct docx_rpr *p = para ? &para->r : &none;
	const struct docx_rpr *c = chr ? &chr->r : &none;
	const struct docx_rpr *dr = direct ? direct : &none;
	out->b = toggle(s->def_r.b, t->b, p->b, c->b, dr->b);
	out->i = toggle(s->def_r.i, t->i, p->i, c->i, dr->i);
	out->caps = toggle(s->def_r.caps, t->caps, p->caps, c->caps, dr->caps);
	out->vanish = toggle(s->def_r.vanish, t->vanish, p->vanish, c->vanish, dr->vanish);
	out->font = dr->font  ? dr->font
	            : c->font ? c->font
	            : p->font ? p->font
	            : t->font ? t->font
	                      : s->def_r.font;
}
