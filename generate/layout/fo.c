/* fo.c - reading the layout vocabulary (see fo.h): element tests, lengths,
 * inherited properties, page geometry, and the subset check.
 *
 * The subset check is a table of elements (allowed attributes, required
 * attributes, children and their order) and a table of attribute value
 * types.  It says in C what generate/layout/layout.rng says in RelaxNG, plus
 * what RelaxNG cannot: master references and bookmark destinations that
 * resolve, unique names and ids, and table rows that fit their columns.
 * Tests run both on the same files and expect the same verdicts.  This
 * file never prints and never guesses: anything it does not know is an
 * error naming the element or attribute and its line. */
#include "generate/layout/fo.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"

#define XMP_NS "adobe:ns:meta/"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define DC_NS  "http://purl.org/dc/elements/1.1/"

int fo_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, FO_NS) && !strcmp((const char *)n->name, name);
}

int fo_is_soan(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, SOAN_NS) && !strcmp((const char *)n->name, name);
}

int fo_length(const char *s, double ref, double *pt)
{
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	char *end;
	double v = strtod(s, &end);
	if (end == s || !isfinite(v))
		return -1;
	while (*end == ' ')
		end++;
	double k;
	if (!*end)
		k = v == 0 ? 0 : -1; /* only 0 may go without a unit */
	else if (!strcmp(end, "pt"))
		k = 1;
	else if (!strcmp(end, "mm"))
		k = 72.0 / 25.4;
	else if (!strcmp(end, "cm"))
		k = 720.0 / 25.4;
	else if (!strcmp(end, "in"))
		k = 72;
	else if (!strcmp(end, "px"))
		k = 0.75;
	else if (!strcmp(end, "pc"))
		k = 12;
	else if (!strcmp(end, "%"))
		k = ref / 100.0;
	else
		k = -1;
	if (k < 0)
		return -1;
	*pt = v * k;
	return 0;
}

/* Properties XSL-FO inherits that the subset uses. */
static int inherited(const char *name)
{
	static const char *const names[] = {
	    "font-family",     "font-size",   "font-weight", "font-style",    "text-align",
	    "text-align-last", "line-height", "color",       "start-indent",  "end-indent",
	    "text-indent",     "hyphenate",   "language",    "display-align", NULL,
	};
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

const char *fo_prop(xmlNodePtr n, const char *name, const char *def)
{
	int inh = inherited(name);
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
		if (a && a->children && a->children->content)
			return (const char *)a->children->content;
		if (!inh)
			break;
	}
	return def;
}

double fo_prop_pt(xmlNodePtr n, const char *name, double ref, double def)
{
	const char *v = fo_prop(n, name, NULL);
	double pt;
	if (!v || fo_length(v, ref, &pt) < 0)
		return def;
	return pt;
}

double fo_line_height(xmlNodePtr n, double size)
{
	const char *v = fo_prop(n, "line-height", "normal");
	if (!strcmp(v, "normal"))
		return 1.15 * size;
	char *end;
	double k = strtod(v, &end);
	if (end != v && !*end && k > 0)
		return k * size;
	double pt;
	if (fo_length(v, size, &pt) == 0 && pt > 0)
		return pt;
	return 1.15 * size;
}

/* ------------------------------------------------------------------ */
/* Page geometry                                                       */

static xmlNodePtr first_elem(xmlNodePtr n)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static xmlNodePtr next_elem(xmlNodePtr n)
{
	return n ? first_elem(n->next) : NULL;
}

static xmlNodePtr child_fo(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = first_elem(n ? n->children : NULL); c; c = next_elem(c))
		if (fo_is(c, name))
			return c;
	return NULL;
}

static int attr_is(xmlNodePtr n, const char *name, const char *value)
{
	const char *v = fo_prop(n, name, NULL);
	return v && !strcmp(v, value);
}

/* The master named name: a simple-page-master or page-sequence-master. */
static xmlNodePtr find_master(xmlDocPtr doc, const char *name)
{
	xmlNodePtr set = child_fo(xmlDocGetRootElement(doc), "layout-master-set");
	for (xmlNodePtr m = first_elem(set ? set->children : NULL); m; m = next_elem(m))
		if (attr_is(m, "master-name", name))
			return m;
	return NULL;
}

static void page_of(xmlNodePtr spm, struct fo_page *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->width = fo_prop_pt(spm, "page-width", 0, 595.28);
	pg->height = fo_prop_pt(spm, "page-height", 0, 841.89);
	xmlNodePtr body = child_fo(spm, "region-body");
	xmlNodePtr before = child_fo(spm, "region-before");
	double mt = fo_prop_pt(spm, "margin-top", 0, 0),
	       mb = fo_prop_pt(spm, "margin-bottom", 0, 0);
	double ml = fo_prop_pt(spm, "margin-left", 0, 0),
	       mr = fo_prop_pt(spm, "margin-right", 0, 0);
	pg->top = mt + fo_prop_pt(body, "margin-top", 0, 0);
	pg->bottom = mb + fo_prop_pt(body, "margin-bottom", 0, 0);
	pg->left = ml + fo_prop_pt(body, "margin-left", 0, 0);
	pg->right = mr + fo_prop_pt(body, "margin-right", 0, 0);
	if (before) {
		pg->has_header = 1;
		pg->header = mt;
		pg->header_extent = fo_prop_pt(before, "extent", 0, 0);
	}
}

int fo_page_masters(xmlNodePtr seq, struct fo_page *first, struct fo_page *rest)
{
	const char *ref = fo_prop(seq, "master-reference", NULL);
	xmlNodePtr m = ref ? find_master(seq->doc, ref) : NULL;
	if (!m)
		return -1;
	if (fo_is(m, "simple-page-master")) {
		page_of(m, first);
		*rest = *first;
		return 0;
	}
	xmlNodePtr alts = child_fo(m, "repeatable-page-master-alternatives");
	xmlNodePtr f = NULL, r = NULL;
	for (xmlNodePtr c = first_elem(alts ? alts->children : NULL); c; c = next_elem(c)) {
		const char *pos = fo_prop(c, "page-position", "any");
		xmlNodePtr spm = find_master(seq->doc, fo_prop(c, "master-reference", ""));
		if (!spm || !fo_is(spm, "simple-page-master"))
			continue;
		if (!strcmp(pos, "first")) {
			if (!f)
				f = spm;
		} else if (!r) {
			r = spm;
		}
	}
	if (!r)
		r = f;
	if (!f)
		f = r;
	if (!r)
		return -1;
	page_of(f, first);
	page_of(r, rest);
	return 0;
}

char *fo_meta(xmlDocPtr doc, const char *name)
{
	xmlNodePtr decl = child_fo(xmlDocGetRootElement(doc), "declarations");
	if (!decl)
		return NULL;
	xmlNodePtr x = first_elem(decl->children);
	xmlNodePtr rdf = x ? first_elem(x->children) : NULL;
	xmlNodePtr desc = rdf ? first_elem(rdf->children) : NULL;
	for (xmlNodePtr c = first_elem(desc ? desc->children : NULL); c; c = next_elem(c)) {
		if (c->ns && !strcmp((const char *)c->ns->href, DC_NS) &&
		    !strcmp((const char *)c->name, name)) {
			xmlChar *s = xmlNodeGetContent(c);
			char *r = xstrdup(s ? (const char *)s : "");
			xmlFree(s);
			return r;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The subset check                                                    */

enum vtype {
	V_LENGTH,      /* signed length */
	V_LENGTH_NN,   /* non-negative length */
	V_LINE_HEIGHT, /* normal, a number 0.5..5, or a length */
	V_ENUM,        /* one of the words in values */
	V_NAME,        /* an NCName (master names, ids) */
	V_COUNT,       /* an integer 1..1000 */
	V_BORDER,      /* none | WIDTH STYLE COLOR */
	V_TEXT,        /* any text */
	V_LANG,        /* a language code */
	V_FAMILY,      /* a font family name */
};

struct attr_spec {
	const char *name;
	enum vtype type;
	const char *values; /* V_ENUM: space-separated words */
};

static const struct attr_spec attr_specs[] = {
    {"font-family", V_FAMILY, NULL},
    {"font-size", V_LENGTH_NN, NULL},
    {"font-weight", V_ENUM, "normal bold"},
    {"font-style", V_ENUM, "normal italic"},
    {"language", V_LANG, NULL},
    {"line-height", V_LINE_HEIGHT, NULL},
    {"text-align", V_ENUM, "start center end justify left right"},
    {"text-indent", V_LENGTH, NULL},
    {"start-indent", V_LENGTH, NULL},
    {"end-indent", V_LENGTH, NULL},
    {"margin-top", V_LENGTH_NN, NULL},
    {"margin-bottom", V_LENGTH_NN, NULL},
    {"margin-left", V_LENGTH_NN, NULL},
    {"margin-right", V_LENGTH_NN, NULL},
    {"master-name", V_NAME, NULL},
    {"master-reference", V_NAME, NULL},
    {"page-width", V_LENGTH_NN, NULL},
    {"page-height", V_LENGTH_NN, NULL},
    {"extent", V_LENGTH_NN, NULL},
    {"page-position", V_ENUM, "first rest any"},
    {"initial-page-number", V_COUNT, NULL},
    {"flow-name", V_ENUM, "xsl-region-before xsl-region-body"},
    {"id", V_NAME, NULL},
    {"internal-destination", V_NAME, NULL},
    {"space-before", V_LENGTH_NN, NULL},
    {"space-after", V_LENGTH_NN, NULL},
    {"keep-with-next", V_ENUM, "always"},
    {"break-before", V_ENUM, "page"},
    {"border-bottom", V_BORDER, NULL},
    {"padding-bottom", V_LENGTH_NN, NULL},
    {"border", V_BORDER, NULL},
    {"padding", V_LENGTH_NN, NULL},
    {"leader-pattern", V_ENUM, "space rule dots"},
    {"leader-length", V_LENGTH_NN, NULL},
    {"rule-thickness", V_LENGTH_NN, NULL},
    {"rule-style", V_ENUM, "solid"},
    {"table-layout", V_ENUM, "fixed"},
    {"width", V_LENGTH_NN, NULL},
    {"border-collapse", V_ENUM, "collapse"},
    {"column-width", V_LENGTH_NN, NULL},
    {"keep-together.within-page", V_ENUM, "always"},
    {"number-columns-spanned", V_COUNT, NULL},
    {"number-rows-spanned", V_COUNT, NULL},
    {"display-align", V_ENUM, "before center after"},
    /* soan:field and soan:change */
    {"name", V_NAME, NULL},
    {"hint", V_TEXT, NULL},
    {"multiline", V_ENUM, "yes no"},
    {"old", V_TEXT, NULL},
    {"author", V_TEXT, NULL},
};

#define A_FONT    "font-family font-size font-weight font-style "
#define A_PARA    A_FONT "language line-height text-align text-indent start-indent end-indent "
#define A_MARGINS "margin-top margin-bottom margin-left margin-right "
#define C_INLINE  "#text inline* page-number* leader* soan:field* soan:change* "

/* Children: space-separated tokens NAME (exactly one), NAME? (at most
 * one), NAME* (any), NAME+ (at least one); "soan:" names the extension
 * namespace, "#text" allows text other than white space.  When ordered,
 * children must come in the order of the tokens. */
struct elem_spec {
	const char *name;
	int soan;
	const char *attrs;
	const char *required;
	const char *children;
	int ordered;
};

static const struct elem_spec elem_specs[] = {
    {"root", 0, "language", "", "layout-master-set declarations? bookmark-tree? page-sequence+", 1},
    {"layout-master-set", 0, "", "", "simple-page-master* page-sequence-master*", 0},
    {"simple-page-master", 0, "master-name page-width page-height " A_MARGINS,
     "master-name page-width page-height", "region-body region-before?", 1},
    {"region-body", 0, A_MARGINS, "", "", 0},
    {"region-before", 0, "extent", "extent", "", 0},
    {"page-sequence-master", 0, "master-name", "master-name", "repeatable-page-master-alternatives",
     1},
    {"repeatable-page-master-alternatives", 0, "", "", "conditional-page-master-reference+", 1},
    {"conditional-page-master-reference", 0, "master-reference page-position", "master-reference",
     "", 0},
    {"declarations", 0, "", "", "", 0}, /* its XMP content: check_declarations() */
    {"bookmark-tree", 0, "", "", "bookmark+", 1},
    {"bookmark", 0, "internal-destination", "internal-destination", "bookmark-title bookmark*", 1},
    {"bookmark-title", 0, "", "", "#text", 0},
    {"page-sequence", 0, "master-reference initial-page-number " A_PARA, "master-reference",
     "static-content? flow", 1},
    {"static-content", 0, "flow-name " A_PARA, "flow-name", "block+", 1},
    {"flow", 0, "flow-name " A_PARA, "flow-name", "block* table*", 0},
    {"block", 0,
     "id " A_PARA "space-before space-after keep-with-next break-before border-bottom "
     "padding-bottom",
     "", C_INLINE "block* table*", 0},
    {"inline", 0, A_FONT, "", C_INLINE, 0},
    {"page-number", 0, "", "", "", 0},
    {"leader", 0, "leader-pattern leader-length rule-thickness rule-style",
     "leader-pattern leader-length", "", 0},
    {"table", 0, "table-layout width " A_PARA "space-before space-after border-collapse",
     "table-layout", "table-column+ table-header? table-body", 1},
    {"table-column", 0, "column-width", "column-width", "", 0},
    {"table-header", 0, "", "", "table-row+", 1},
    {"table-body", 0, "", "", "table-row+", 1},
    {"table-row", 0, A_FONT "keep-together.within-page", "", "table-cell+", 1},
    {"table-cell", 0,
     A_PARA "number-columns-spanned number-rows-spanned border padding display-align", "", "block+",
     1},
    {"field", 1, "name hint multiline", "name hint", "#text inline* leader*", 0},
    {"change", 1, "old author", "old", "#text inline*", 0},
};

static const struct elem_spec *elem_spec_of(xmlNodePtr n);

struct checker {
	xmlDocPtr doc;
	struct diag *d;
	/* names seen, to resolve references afterwards */
	xmlNodePtr *masters;
	size_t nmasters, amasters;
	xmlNodePtr *ids;
	size_t nids, aids;
	xmlNodePtr *refs; /* elements with master-reference or internal-destination */
	size_t nrefs, arefs;
	/* Element names are interned in the document's dictionary: within
	 * one document the same name is the same pointer, so a cache keyed
	 * by pointer saves the string compares (valid for this check only). */
	struct {
		const xmlChar *name, *href;
		const struct elem_spec *es;
	} cache[64];
};

static const struct elem_spec *spec_of(struct checker *ck, xmlNodePtr n)
{
	const xmlChar *href = n->ns ? n->ns->href : NULL;
	size_t h = (((uintptr_t)n->name >> 4) ^ ((uintptr_t)href >> 4)) & 63;
	if (href && ck->cache[h].name == n->name && ck->cache[h].href == href)
		return ck->cache[h].es;
	const struct elem_spec *es = elem_spec_of(n);
	ck->cache[h].name = n->name;
	ck->cache[h].href = href;
	ck->cache[h].es = es;
	return es;
}

static int fail(struct checker *ck, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct checker *ck, xmlNodePtr n, const char *fmt, ...)
{
	if (diag_failed(ck->d))
		return -1;
	long line = n ? xmlGetLineNo(n) : 0;
	if (ck->d)
		ck->d->line = line > 0 ? (unsigned)line : 0;
	va_list ap;
	va_start(ap, fmt);
	diag_verror(ck->d, DIAG_INPUT, fmt, ap);
	va_end(ap);
	return -1;
}

/* The element's name as written in messages: fo:block, soan:field. */
static void qname(xmlNodePtr n, char *out, size_t size)
{
	const char *prefix = "";
	if (n->ns && !strcmp((const char *)n->ns->href, FO_NS))
		prefix = "fo:";
	else if (n->ns && !strcmp((const char *)n->ns->href, SOAN_NS))
		prefix = "soan:";
	else if (n->ns && n->ns->prefix)
		prefix = NULL;
	if (prefix)
		snprintf(out, size, "%s%s", prefix, (const char *)n->name);
	else
		snprintf(out, size, "%s:%s", (const char *)n->ns->prefix, (const char *)n->name);
}

static const struct elem_spec *elem_spec_of(xmlNodePtr n)
{
	int soan;
	if (!n->ns)
		return NULL;
	if (!strcmp((const char *)n->ns->href, FO_NS))
		soan = 0;
	else if (!strcmp((const char *)n->ns->href, SOAN_NS))
		soan = 1;
	else
		return NULL;
	for (size_t i = 0; i < sizeof elem_specs / sizeof elem_specs[0]; i++)
		if (elem_specs[i].soan == soan &&
		    !strcmp(elem_specs[i].name, (const char *)n->name))
			return &elem_specs[i];
	return NULL;
}

/* Is word one of the space-separated words of list?  A token may end in
 * one of "?*+", which is not part of the word. */
static int has_word(const char *list, const char *word, size_t wlen)
{
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t n = (size_t)(e - p);
		if (n && strchr("?*+", p[n - 1]))
			n--;
		if (n == wlen && !memcmp(p, word, wlen))
			return 1;
		p = e;
	}
	return 0;
}

static int is_ncname(const char *s)
{
	if (!*s || !(((*s | 32) >= 'a' && (*s | 32) <= 'z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!(((*s | 32) >= 'a' && (*s | 32) <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* A length as the subset writes it: digits with an optional fraction and
 * one of its units, or a bare 0.  No percentages, no expressions. */
static int is_length(const char *s, int nonneg)
{
	if (!strcmp(s, "0"))
		return 1;
	if (*s == '-' && !nonneg)
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	static const char *const units[] = {"pt", "mm", "cm", "in", "pc", "px", NULL};
	for (int i = 0; units[i]; i++)
		if (!strcmp(s, units[i]))
			return 1;
	return 0;
}

static int is_border(const char *s)
{
	if (!strcmp(s, "none"))
		return 1;
	char w[32], style[16], color[16], extra[2];
	if (sscanf(s, "%31s %15s %15s %1s", w, style, color, extra) != 3)
		return 0;
	size_t n = strlen(w);
	if (n < 3 ||
	    !(strcmp(w + n - 2, "pt") == 0 || strcmp(w + n - 2, "mm") == 0 ||
	      strcmp(w + n - 2, "px") == 0) ||
	    !is_length(w, 1))
		return 0;
	if (strcmp(style, "solid") && strcmp(style, "dotted") && strcmp(style, "dashed"))
		return 0;
	if (!strcmp(color, "black"))
		return 1;
	if (color[0] != '#' || strlen(color) != 7)
		return 0;
	for (int i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", color[i]))
			return 0;
	/* the single spaces of the pattern, nothing else */
	return strlen(s) == strlen(w) + strlen(style) + strlen(color) + 2;
}

static int value_ok(const struct attr_spec *a, const char *v)
{
	switch (a->type) {
	case V_LENGTH: return is_length(v, 0);
	case V_LENGTH_NN: return is_length(v, 1);
	case V_LINE_HEIGHT: {
		if (!strcmp(v, "normal") || is_length(v, 1))
			return 1;
		char *end;
		if (!(*v >= '0' && *v <= '9'))
			return 0;
		double k = strtod(v, &end);
		return end != v && !*end && k >= 0.5 && k <= 5;
	}
	case V_ENUM: return *v && !strchr(v, ' ') && has_word(a->values, v, strlen(v));
	case V_NAME: return is_ncname(v);
	case V_COUNT: {
		char *end;
		if (!(*v >= '1' && *v <= '9'))
			return 0;
		long k = strtol(v, &end, 10);
		return !*end && k >= 1 && k <= 1000;
	}
	case V_BORDER: return is_border(v);
	case V_TEXT: return 1;
	case V_LANG: {
		size_t n = strlen(v);
		if (n < 2 || n > 3)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (v[i] < 'a' || v[i] > 'z')
				return 0;
		return 1;
	}
	case V_FAMILY:
		if (!*v)
			return 0;
		for (const char *p = v; *p; p++)
			if (!(((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9') ||
			      strchr(" ,'-", *p)))
				return 0;
		return 1;
	}
	return 0;
}

static void remember(xmlNodePtr **v, size_t *n, size_t *alloc, xmlNodePtr node)
{
	*v = xgrow(*v, sizeof **v, *n + 1, alloc);
	(*v)[(*n)++] = node;
}

/* Token i of a children list: its word, and its quantifier ('1' for
 * none).  Returns the number of tokens when i is -1. */
struct token {
	char word[48];
	char q;
};

static size_t tokens(const char *list, struct token *t, size_t max)
{
	size_t n = 0;
	for (const char *p = list; *p && n < max;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t len = (size_t)(e - p);
		if (len) {
			char q = '1';
			if (strchr("?*+", p[len - 1]))
				q = p[--len];
			if (len >= sizeof t[n].word)
				len = sizeof t[n].word - 1;
			memcpy(t[n].word, p, len);
			t[n].word[len] = '\0';
			t[n].q = q;
			n++;
		}
		p = e;
	}
	return n;
}

#define NATTRS (sizeof attr_specs / sizeof attr_specs[0])
#define NELEMS (sizeof elem_specs / sizeof elem_specs[0])

/* The tables above, compiled once: attributes as bits, children as
 * tokens, attribute names sorted for a binary search.  The check runs on
 * every layout soan writes, so it does no string scanning per node. */
struct compiled {
	uint64_t attrs, required;
	struct token kids[16];
	int kid_elem[16]; /* index in elem_specs; -1 for #text */
	size_t nkids;
	int text_ok;
};
static struct compiled compiled[NELEMS];
static unsigned sorted_attrs[NATTRS];

static int by_name(const void *a, const void *b)
{
	return strcmp(attr_specs[*(const unsigned *)a].name, attr_specs[*(const unsigned *)b].name);
}

static int attr_index(const char *name)
{
	size_t lo = 0, hi = NATTRS;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, attr_specs[sorted_attrs[mid]].name);
		if (!c)
			return (int)sorted_attrs[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static uint64_t attr_bits(const char *list)
{
	struct token t[64];
	size_t n = tokens(list, t, 64);
	uint64_t bits = 0;
	for (size_t i = 0; i < n; i++) {
		int k = attr_index(t[i].word);
		assert(k >= 0); /* every attribute an element allows has a type */
		bits |= (uint64_t)1 << k;
	}
	return bits;
}

static void compile_specs(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	_Static_assert(NATTRS <= 64, "attribute bits fit a uint64_t");
	for (unsigned i = 0; i < NATTRS; i++)
		sorted_attrs[i] = i;
	qsort(sorted_attrs, NATTRS, sizeof sorted_attrs[0], by_name);
	for (size_t e = 0; e < NELEMS; e++) {
		struct compiled *c = &compiled[e];
		c->attrs = attr_bits(elem_specs[e].attrs);
		c->required = attr_bits(elem_specs[e].required);
		c->nkids = tokens(elem_specs[e].children, c->kids, 16);
		for (size_t k = 0; k < c->nkids; k++) {
			const char *w = c->kids[k].word;
			int soan = !strncmp(w, "soan:", 5);
			c->kid_elem[k] = -1;
			if (!strcmp(w, "#text")) {
				c->text_ok = 1;
				continue;
			}
			for (size_t j = 0; j < NELEMS; j++)
				if (elem_specs[j].soan == soan &&
				    !strcmp(elem_specs[j].name, w + (soan ? 5 : 0)))
					c->kid_elem[k] = (int)j;
			assert(c->kid_elem[k] >= 0);
		}
	}
}

static int check_attrs(struct checker *ck, xmlNodePtr n, const struct elem_spec *es)
{
	const struct compiled *c = &compiled[es - elem_specs];
	static uint64_t bit_id, bit_master_name, bit_refs;
	if (!bit_id) {
		bit_id = (uint64_t)1 << attr_index("id");
		bit_master_name = (uint64_t)1 << attr_index("master-name");
		bit_refs = ((uint64_t)1 << attr_index("master-reference")) |
		           ((uint64_t)1 << attr_index("internal-destination"));
	}
	uint64_t seen = 0;
	char qn[80];
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		qn[0] = '\0';
		if (a->ns) {
			qname(n, qn, sizeof qn);
			/* no namespaced attributes in the subset (xml:lang included) */
			return fail(ck, n, "attribute outside the layout subset on %s '%s:%s'", qn,
			            a->ns->prefix ? (const char *)a->ns->prefix : "?", name);
		}
		int k = attr_index(name);
		if (k < 0 || !(c->attrs & ((uint64_t)1 << k))) {
			qname(n, qn, sizeof qn);
			return fail(ck, n, "attribute outside the layout subset on %s '%s'", qn,
			            name);
		}
		const char *v =
		    a->children && a->children->content ? (const char *)a->children->content : "";
		if (!value_ok(&attr_specs[k], v)) {
			qname(n, qn, sizeof qn);
			return fail(ck, n, "bad value of %s on %s '%s'", name, qn, v);
		}
		seen |= (uint64_t)1 << k;
	}
	uint64_t missing = c->required & ~seen;
	if (missing) {
		int k = __builtin_ctzll(missing);
		qname(n, qn, sizeof qn);
		return fail(ck, n, "%s lacks its attribute '%s'", qn, attr_specs[k].name);
	}
	if (seen & bit_id)
		remember(&ck->ids, &ck->nids, &ck->aids, n);
	if (seen & bit_master_name)
		remember(&ck->masters, &ck->nmasters, &ck->amasters, n);
	if (seen & bit_refs)
		remember(&ck->refs, &ck->nrefs, &ck->arefs, n);
	return 0;
}

static int is_blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

static int check_element(struct checker *ck, xmlNodePtr n, int depth);

/* fo:declarations holds exactly x:xmpmeta/rdf:RDF/rdf:Description with
 * dc:title, dc:creator and dc:language, the metadata FOP reads. */
static int check_declarations(struct checker *ck, xmlNodePtr decl)
{
	static const struct {
		const char *ns, *name;
	} path[] = {{XMP_NS, "xmpmeta"}, {RDF_NS, "RDF"}, {RDF_NS, "Description"}};
	xmlNodePtr parent = decl;
	for (size_t i = 0; i < 3; i++) {
		xmlNodePtr c = NULL, extra = NULL;
		for (xmlNodePtr k = parent->children; k; k = k->next) {
			if (k->type == XML_ELEMENT_NODE) {
				if (!c)
					c = k;
				else if (!extra)
					extra = k;
			} else if (k->type == XML_TEXT_NODE && !is_blank(k->content)) {
				return fail(ck, parent, "text outside a block in fo:declarations");
			}
		}
		if (!c || !c->ns || strcmp((const char *)c->ns->href, path[i].ns) ||
		    strcmp((const char *)c->name, path[i].name) || extra)
			return fail(ck, c ? c : parent,
			            "fo:declarations must hold x:xmpmeta/rdf:RDF/rdf:Description "
			            "with dc:title, dc:creator, dc:language");
		parent = c;
	}
	for (xmlAttrPtr a = parent->properties; a; a = a->next)
		if (!(a->ns && !strcmp((const char *)a->ns->href, RDF_NS) &&
		      !strcmp((const char *)a->name, "about")))
			return fail(ck, parent,
			            "attribute outside the layout subset on rdf:Description '%s'",
			            (const char *)a->name);
	int seen[3] = {0, 0, 0};
	for (xmlNodePtr k = parent->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE && is_blank(k->content))
			continue;
		if (k->type == XML_COMMENT_NODE)
			continue;
		int which = -1;
		if (k->type == XML_ELEMENT_NODE && k->ns &&
		    !strcmp((const char *)k->ns->href, DC_NS)) {
			if (!strcmp((const char *)k->name, "title"))
				which = 0;
			else if (!strcmp((const char *)k->name, "creator"))
				which = 1;
			else if (!strcmp((const char *)k->name, "language"))
				which = 2;
		}
		if (which < 0 || seen[which]++ || k->properties)
			return fail(ck, k,
			            "fo:declarations must hold x:xmpmeta/rdf:RDF/rdf:Description "
			            "with dc:title, dc:creator, dc:language");
		for (xmlNodePtr t = k->children; t; t = t->next)
			if (t->type != XML_TEXT_NODE)
				return fail(ck, k, "dc:%s holds only text", (const char *)k->name);
	}
	return 0;
}

static int check_children(struct checker *ck, xmlNodePtr n, const struct elem_spec *es, int depth)
{
	const struct compiled *cs = &compiled[es - elem_specs];
	const struct token *t = cs->kids;
	size_t nt = cs->nkids;
	size_t count[16] = {0};
	size_t cur = 0;
	int text_ok = cs->text_ok;
	char qn[80];
	qn[0] = '\0';
	for (xmlNodePtr c = n->children; c; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!text_ok && !is_blank(c->content)) {
				qname(n, qn, sizeof qn);
				return fail(ck, c, "text outside a block in %s", qn);
			}
			continue;
		case XML_COMMENT_NODE:
		case XML_PI_NODE: continue;
		case XML_ELEMENT_NODE: break;
		default:
			qname(n, qn, sizeof qn);
			return fail(ck, n, "unexpected content in %s", qn);
		}
		const struct elem_spec *ce = spec_of(ck, c);
		int ci = ce ? (int)(ce - elem_specs) : -2;
		size_t j = 0;
		for (; j < nt; j++)
			if (cs->kid_elem[j] == ci)
				break;
		if (j == nt || (es->ordered && j < cur) ||
		    ((t[j].q == '1' || t[j].q == '?') && count[j] >= 1)) {
			char cq[80];
			qname(c, cq, sizeof cq);
			qname(n, qn, sizeof qn);
			if (!ce)
				return fail(ck, c, "element outside the layout subset '%s'", cq);
			if (j == nt)
				return fail(ck, c, "%s may not hold '%s'", qn, cq);
			if (j < cur)
				return fail(ck, c, "'%s' out of order in %s", cq, qn);
			return fail(ck, c, "%s holds more than one '%s'", qn, cq);
		}
		cur = j;
		count[j]++;
		if (check_element(ck, c, depth + 1) < 0)
			return -1;
	}
	for (size_t j = 0; j < nt; j++)
		if ((t[j].q == '1' || t[j].q == '+') && count[j] == 0 && cs->kid_elem[j] >= 0) {
			qname(n, qn, sizeof qn);
			return fail(ck, n, "%s lacks '%s%s'", qn,
			            strchr(t[j].word, ':') ? "" : "fo:", t[j].word);
		}
	return 0;
}

/* Rows of a table section must fit the table's columns, counting the
 * places cells spanning rows from above take. */
static int check_grid(struct checker *ck, xmlNodePtr section, size_t ncols)
{
	unsigned *below = xcalloc(ncols, sizeof *below); /* rows still covered per column */
	int rc = 0;
	for (xmlNodePtr row = first_elem(section->children); row && !rc; row = next_elem(row)) {
		size_t col = 0;
		for (xmlNodePtr cell = first_elem(row->children); cell; cell = next_elem(cell)) {
			while (col < ncols && below[col])
				col++;
			long cs = strtol(fo_prop(cell, "number-columns-spanned", "1"), NULL, 10);
			long rs = strtol(fo_prop(cell, "number-rows-spanned", "1"), NULL, 10);
			if (col + (size_t)cs > ncols) {
				rc = fail(
				    ck, cell,
				    "table row has more cells than the table has columns (%zu)",
				    ncols);
				break;
			}
			for (long k = 0; k < cs; k++)
				below[col + (size_t)k] = (unsigned)rs;
			col += (size_t)cs;
		}
		for (size_t k = 0; k < ncols; k++)
			if (below[k])
				below[k]--;
	}
	for (size_t k = 0; k < ncols && !rc; k++)
		if (below[k])
			rc = fail(ck, section, "a cell spans more rows than its table section has");
	free(below);
	return rc;
}

static const struct elem_spec *spec_named(const char *name)
{
	for (size_t i = 0; i < NELEMS; i++)
		if (!elem_specs[i].soan && !strcmp(elem_specs[i].name, name))
			return &elem_specs[i];
	return NULL;
}

static int check_element(struct checker *ck, xmlNodePtr n, int depth)
{
	static const struct elem_spec *s_decl, *s_static, *s_flow, *s_table;
	if (!s_decl) {
		s_decl = spec_named("declarations");
		s_static = spec_named("static-content");
		s_flow = spec_named("flow");
		s_table = spec_named("table");
	}
	char qn[80];
	const struct elem_spec *es = spec_of(ck, n);
	if (depth > 200 || !es) {
		qname(n, qn, sizeof qn);
		if (!es)
			return fail(ck, n, "element outside the layout subset '%s'", qn);
		return fail(ck, n, "layout nested too deeply at '%s'", qn);
	}
	if (check_attrs(ck, n, es) < 0)
		return -1;
	if (es == s_decl)
		return check_declarations(ck, n);
	if (es == s_static && !attr_is(n, "flow-name", "xsl-region-before"))
		return fail(ck, n, "fo:static-content must have flow-name 'xsl-region-before'");
	if (es == s_flow && !attr_is(n, "flow-name", "xsl-region-body"))
		return fail(ck, n, "fo:flow must have flow-name 'xsl-region-body'");
	if (check_children(ck, n, es, depth) < 0)
		return -1;
	if (es == s_table) {
		size_t ncols = 0;
		for (xmlNodePtr c = first_elem(n->children); c; c = next_elem(c))
			if (fo_is(c, "table-column"))
				ncols++;
		for (xmlNodePtr c = first_elem(n->children); c; c = next_elem(c))
			if ((fo_is(c, "table-header") || fo_is(c, "table-body")) &&
			    check_grid(ck, c, ncols) < 0)
				return -1;
	}
	return 0;
}

static int same_value(xmlNodePtr a, xmlNodePtr b, const char *name)
{
	const char *x = fo_prop(a, name, ""), *y = fo_prop(b, name, "");
	return !strcmp(x, y);
}

static int check_references(struct checker *ck)
{
	for (size_t i = 0; i < ck->nmasters; i++)
		for (size_t j = 0; j < i; j++)
			if (same_value(ck->masters[i], ck->masters[j], "master-name"))
				return fail(ck, ck->masters[i], "two page masters named '%s'",
				            fo_prop(ck->masters[i], "master-name", ""));
	for (size_t i = 0; i < ck->nids; i++)
		for (size_t j = 0; j < i; j++)
			if (same_value(ck->ids[i], ck->ids[j], "id"))
				return fail(ck, ck->ids[i], "two elements with id '%s'",
				            fo_prop(ck->ids[i], "id", ""));
	for (size_t i = 0; i < ck->nrefs; i++) {
		xmlNodePtr r = ck->refs[i];
		if (fo_is(r, "bookmark")) {
			size_t j = 0;
			while (j < ck->nids &&
			       !attr_is(ck->ids[j], "id", fo_prop(r, "internal-destination", "")))
				j++;
			if (j == ck->nids)
				return fail(ck, r, "bookmark to an id that does not exist '%s'",
				            fo_prop(r, "internal-destination", ""));
			continue;
		}
		const char *name = fo_prop(r, "master-reference", "");
		xmlNodePtr m = NULL;
		for (size_t j = 0; j < ck->nmasters && !m; j++)
			if (attr_is(ck->masters[j], "master-name", name))
				m = ck->masters[j];
		if (!m)
			return fail(ck, r, "reference to a page master that does not exist '%s'",
			            name);
		if (fo_is(r, "conditional-page-master-reference") &&
		    !fo_is(m, "simple-page-master"))
			return fail(
			    ck, r, "a page-sequence-master must name simple page masters, not '%s'",
			    name);
	}
	return 0;
}

int fo_check(xmlDocPtr doc, struct diag *d)
{
	compile_specs();
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!fo_is(root, "root"))
		return diag_error(d, "layout is not XSL-FO: root element is not fo:root");
	struct checker ck;
	memset(&ck, 0, sizeof ck);
	ck.doc = doc;
	ck.d = d;
	int rc = check_element(&ck, root, 0);
	if (rc == 0)
		rc = check_references(&ck);
	free(ck.masters);
	free(ck.ids);
	free(ck.refs);
	return rc;
}

xmlDocPtr fo_load(const char *part, const void *data, size_t len, struct diag *d)
{
	xmlDocPtr doc = xmlsafe_parse(part, data, len, 1, d);
	if (!doc)
		return NULL;
	if (fo_check(doc, d) < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* ------------------------------------------------------------------ */
/* Writing the layout out (soan generate -o x.fo)                      */

/* Elements that hold only elements: one child per line, indented.  The
 * others (blocks, inlines) are written exactly, so no white space is
 * added where XSL-FO would print it. */
static int holds_only_elements(xmlNodePtr n)
{
	static const char *const containers[] = {
	    "root",
	    "layout-master-set",
	    "simple-page-master",
	    "page-sequence-master",
	    "repeatable-page-master-alternatives",
	    "declarations",
	    "bookmark-tree",
	    "bookmark",
	    "page-sequence",
	    "static-content",
	    "flow",
	    "table",
	    "table-header",
	    "table-body",
	    "table-row",
	    "table-cell",
	    NULL,
	};
	if (n->ns && !strcmp((const char *)n->ns->href, FO_NS)) {
		for (int i = 0; containers[i]; i++)
			if (!strcmp((const char *)n->name, containers[i]))
				return 1;
		return 0;
	}
	if (n->ns && !strcmp((const char *)n->ns->href, SOAN_NS))
		return 0;
	/* foreign markup (the XMP metadata): when it has no text of its own */
	int elems = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			elems = 1;
		else if (c->type == XML_TEXT_NODE && !is_blank(c->content))
			return 0;
	}
	return elems;
}

static void put_escaped(struct buf *b, const xmlChar *s, int in_attr)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"':
			if (in_attr) {
				buf_adds(b, "&quot;");
				break;
			}
			/* fall through */
		default: buf_addc(b, (char)*s);
		}
	}
}

static void put_name(struct buf *b, xmlNsPtr ns, const xmlChar *name)
{
	if (ns && ns->prefix)
		buf_addf(b, "%s:", (const char *)ns->prefix);
	buf_adds(b, (const char *)name);
}

static void put_node(struct buf *b, xmlNodePtr n, int depth, int pretty)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE: put_escaped(b, n->content, 0); return;
	case XML_ELEMENT_NODE: break;
	default: return;
	}
	buf_addc(b, '<');
	put_name(b, n->ns, n->name);
	for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next) {
		buf_adds(b, ns->prefix ? " xmlns:" : " xmlns");
		if (ns->prefix)
			buf_adds(b, (const char *)ns->prefix);
		buf_adds(b, "=\"");
		put_escaped(b, ns->href, 1);
		buf_addc(b, '"');
	}
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		buf_addc(b, ' ');
		put_name(b, a->ns, a->name);
		buf_adds(b, "=\"");
		for (xmlNodePtr t = a->children; t; t = t->next)
			put_escaped(b, t->content, 1);
		buf_addc(b, '"');
	}
	if (!n->children) {
		buf_adds(b, "/>");
		return;
	}
	buf_addc(b, '>');
	int indent = pretty && holds_only_elements(n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (indent) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			buf_addc(b, '\n');
			for (int i = 0; i <= depth; i++)
				buf_adds(b, "  ");
		}
		put_node(b, c, depth + 1, indent);
	}
	if (indent) {
		buf_addc(b, '\n');
		for (int i = 0; i < depth; i++)
			buf_adds(b, "  ");
	}
	buf_adds(b, "</");
	put_name(b, n->ns, n->name);
	buf_addc(b, '>');
}

void fo_serialize(xmlDocPtr doc, struct buf *out)
{
	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root)
		put_node(out, root, 0, 1);
	buf_addc(out, '\n');
}
