/* plan.c - plan XML builders that enforce the schema's shape (plan.h). */
#include "extract/plan/plan.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"

/* Which children each element may have (extract/plan/plan.rng). */
static const struct {
	const char *parent;
	const char *children; /* space-separated, with spaces at both ends */
} shape[] = {
    {"plan", " meta basis preamble body closing appendix "},
    {"meta", " issuer parent-issuer doctype number place date title addressee "},
    {"basis", " ref "},
    {"preamble", " p "},
    {"body", " section p item task agency table note "},
    {"section", " section p item task agency table note "},
    {"appendix", " section p item task agency table note "},
    {"agency", " item p task section table note "},
    {"item", " item p task table amount deadline note "},
    {"p", " amount deadline note "},
    {"task", " text lead partners timeline product cost "},
    {"text", " amount deadline note "},
    {"lead", " amount deadline note "},
    {"partners", " amount deadline note "},
    {"timeline", " amount deadline note "},
    {"product", " amount deadline note "},
    {"cost", " amount deadline note "},
    {"table", " column row group "},
    {"group", " row "},
    {"row", " cell "},
    {"cell", " amount deadline note "},
    {"closing", " p signature recipients "},
    {"recipients", " recipient "},
};

static int allowed(const char *parent, const char *child)
{
	char key[64];
	size_t n = strlen(child);
	if (n + 3 > sizeof key)
		return 0;
	key[0] = ' ';
	memcpy(key + 1, child, n);
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	for (size_t i = 0; i < sizeof shape / sizeof shape[0]; i++)
		if (!strcmp(shape[i].parent, parent))
			return strstr(shape[i].children, key) != NULL;
	return 0;
}

xmlDocPtr plan_new(const char *source, xmlNodePtr *root)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, (const xmlChar *)"plan", NULL);
	xmlDocSetRootElement(doc, r);
	xmlNewProp(r, (const xmlChar *)"version", (const xmlChar *)"1");
	if (source && *source)
		xmlNewProp(r, (const xmlChar *)"source", (const xmlChar *)source);
	xmlNewChild(r, NULL, (const xmlChar *)"meta", NULL);
	if (root)
		*root = r;
	return doc;
}

int plan_may_hold(xmlNodePtr parent, const char *name)
{
	return parent && allowed((const char *)parent->name, name);
}

xmlNodePtr plan_child(xmlNodePtr parent, const char *name)
{
	if (!plan_may_hold(parent, name)) {
#ifdef SOAN_DEBUG
		abort();
#endif
		return NULL;
	}
	return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

xmlNodePtr plan_child_text(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = plan_child(parent, name);
	if (n && text && *text)
		plan_text_plain(n, text, strlen(text));
	return n;
}

void plan_set(xmlNodePtr n, const char *name, const char *value)
{
	if (n && value && *value)
		xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

void plan_setf(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	plan_set(n, name, b.ptr);
	buf_release(&b);
}

void plan_text_plain(xmlNodePtr n, const char *text, size_t len)
{
	if (!n || !len)
		return;
	xmlNodePtr t = xmlNewTextLen((const xmlChar *)text, (int)len);
	xmlAddChild(n, t); /* may merge t into a previous text node */
}

int plan_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

xmlNodePtr plan_first(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (plan_is(c, name))
			return c;
	return NULL;
}

xmlNodePtr plan_next(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->next : NULL; c; c = c->next)
		if (plan_is(c, name))
			return c;
	return NULL;
}

const char *plan_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = n ? xmlHasProp(n, (const xmlChar *)name) : NULL;
	return a && a->children ? (const char *)a->children->content : NULL;
}
