/* docx_util.c - small pieces every DOCX file uses (see docx.h): namespace
 * tests that survive both transitional and strict OOXML, attribute access
 * without allocation, ST_OnOff and integer values, the choice of an
 * mc:AlternateContent branch, and the characters of symbol fonts.
 * It does not walk documents. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/normalize.h"
#include "extract/read/docx/docx.h"

int docx_href_is_w(const xmlChar *href)
{
	if (!href)
		return 0;
	return !strcmp((const char *)href, DOCX_NS_W) ||
	       !strcmp((const char *)href, DOCX_NS_W_STRICT);
}

int docx_w(struct docx_ns *c, const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !n->ns)
		return 0;
	for (unsigned i = 0; i < c->nw; i++)
		if (c->w[i] == n->ns)
			return 1;
	if (!docx_href_is_w(n->ns->href))
		return 0;
	if (c->nw < sizeof c->w / sizeof c->w[0])
		c->w[c->nw++] = n->ns;
	else
		c->w[0] = n->ns;
	return 1;
}

int docx_is(struct docx_ns *c, const xmlNode *n, const char *name)
{
	return docx_w(c, n) && !strcmp((const char *)n->name, name);
}

int docx_is_mc(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       !strcmp((const char *)n->name, name) &&
	       !strcmp((const char *)n->ns->href, DOCX_NS_MC);
}

xmlNode *docx_child(struct docx_ns *c, const xmlNode *n, const char *name)
{
	for (xmlNode *k = n->children; k; k = k->next)
		if (docx_is(c, k, name))
			return k;
	return NULL;
}

static const char *attr_text(const xmlAttr *a)
{
	if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
		return a->children->content ? (const char *)a->children->content : "";
	return "";
}

const char *docx_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name))
			continue;
		if (!a->ns || a->ns == n->ns || docx_href_is_w(a->ns->href))
			return attr_text(a);
	}
	return NULL;
}

const char *docx_rattr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) || !a->ns || !a->ns->href)
			continue;
		const char *h = (const char *)a->ns->href;
		size_t l = strlen(h);
		if (l >= 14 && !strcmp(h + l - 14, "/relationships"))
			return attr_text(a);
	}
	return NULL;
}

int docx_onoff(const xmlNode *n)
{
	const char *v = docx_attr(n, "val");
	if (!v)
		return 1;
	return !(!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "off"));
}

long docx_long(const char *s, long dflt)
{
	if (!s)
		return dflt;
	while (*s == ' ')
		s++;
	int neg = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return dflt;
	long v = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		if (v < 1000000000L)
			v = v * 10 + (*s - '0');
	if (v > 1000000000L)
		v = 1000000000L;
	return neg ? -v : v;
}

xmlNode *docx_mc_branch(const xmlNode *ac)
{
	xmlNode *choice = NULL;
	for (xmlNode *k = ac->children; k; k = k->next) {
		if (docx_is_mc(k, "Fallback"))
			return k;
		if (!choice && docx_is_mc(k, "Choice"))
			choice = k;
	}
	return choice;
}

/* n or the first element after it among the children of in that is not
 * mc:AlternateContent, entering each such wrapper's branch and leaving it
 * when its elements run out, never above parent. */
static xmlNode *elem_settle(const xmlNode *parent, xmlNode *n, const xmlNode *in)
{
	for (;;) {
		if (!n) {
			/* in is a branch; go on after its mc:AlternateContent */
			if (in == parent || !in->parent)
				return NULL;
			n = in->parent->next;
			in = in->parent->parent;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE) {
			if (!docx_is_mc(n, "AlternateContent"))
				return n;
			xmlNode *b = docx_mc_branch(n);
			if (b) {
				in = b;
				n = b->children;
				continue;
			}
		}
		n = n->next;
	}
}

xmlNode *docx_elem_first(const xmlNode *parent)
{
	return elem_settle(parent, parent->children, parent);
}

xmlNode *docx_elem_next(const xmlNode *parent, const xmlNode *k)
{
	return elem_settle(parent, k->next, k->parent);
}

/* ---- symbol fonts ---------------------------------------------------------- */

struct sym {
	unsigned char code;
	unsigned short uc;
};

/* Symbol: the characters used as bullets, arrows and signs in
 * administrative documents; its letters are Greek and not listed (they
 * stay as typed).  The minus sign reads as a hyphen, as people type it. */
static const struct sym symbol_font[] = {
    {0x2A, 0x2217}, {0x2D, '-'},    {0xA7, 0x2663}, {0xA8, 0x2666}, {0xA9, 0x2665}, {0xAA, 0x2660},
    {0xAB, 0x2194}, {0xAC, 0x2190}, {0xAD, 0x2191}, {0xAE, 0x2192}, {0xAF, 0x2193}, {0xB0, 0x00B0},
    {0xB1, 0x00B1}, {0xB4, 0x00D7}, {0xB7, 0x2022}, {0xB8, 0x00F7}, {0xBC, 0x2026}, {0xD7, 0x22C5},
    {0xDB, 0x21D4}, {0xDC, 0x21D0}, {0xDE, 0x21D2}, {0xE0, 0x25CA},
};

/* Wingdings: bullets, boxes, check marks, arrows. */
static const struct sym wingdings_font[] = {
    {0x46, 0x261E}, {0x4A, 0x263A}, {0x6C, 0x25CF}, {0x6E, 0x25A0}, {0x6F, 0x25A1}, {0x71, 0x2751},
    {0x72, 0x2752}, {0x75, 0x25C6}, {0x76, 0x2756}, {0x77, 0x2B25}, {0x9F, 0x2022}, {0xA1, 0x25CB},
    {0xA7, 0x25AA}, {0xA8, 0x25FB}, {0xD8, 0x27A2}, {0xE8, 0x2794}, {0xF0, 0x21E8}, {0xFB, 0x2717},
    {0xFC, 0x2713}, {0xFD, 0x2612}, {0xFE, 0x2611},
};

static long lookup(const struct sym *t, size_t n, unsigned code)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].uc;
	return -1;
}

enum { FONT_PLAIN, FONT_SYMBOL, FONT_WINGDINGS, FONT_DINGBATS };

static int font_kind(const char *font)
{
	if (!font || !*font)
		return FONT_PLAIN;
	if (!strcasecmp(font, "Symbol"))
		return FONT_SYMBOL;
	if (!strcasecmp(font, "Wingdings"))
		return FONT_WINGDINGS;
	if (!strncasecmp(font, "Wingdings", 9) || !strcasecmp(font, "Webdings") ||
	    !strcasecmp(font, "ZapfDingbats") || !strcasecmp(font, "Zapf Dingbats"))
		return FONT_DINGBATS;
	return FONT_PLAIN;
}

int docx_font_is_symbol(const char *font)
{
	return font_kind(font) != FONT_PLAIN;
}

long docx_symbol(const char *font, long cp)
{
	int kind = font_kind(font);
	unsigned code;
	if (cp >= 0xF000 && cp <= 0xF0FF)
		code = (unsigned)(cp - 0xF000);
	else if (kind != FONT_PLAIN && cp < 0x100)
		code = (unsigned)cp;
	else
		return cp;
	long u;
	switch (kind) {
	case FONT_WINGDINGS:
		u = lookup(wingdings_font, sizeof wingdings_font / sizeof wingdings_font[0], code);
		return u >= 0 ? u : 0x2022;
	case FONT_DINGBATS: return 0x2022;
	default: /* Symbol, or the private-use form with no font: read as Symbol */
		u = lookup(symbol_font, sizeof symbol_font / sizeof symbol_font[0], code);
		if (u >= 0)
			return u;
		if (code >= 0x20 && code < 0x7F)
			return code;
		return 0x2022;
	}
}

void docx_symbol_text(struct buf *out, const char *font, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		char tmp[4];
		buf_add(out, tmp, (size_t)utf8_put(docx_symbol(font, cp), tmp));
	}
}
