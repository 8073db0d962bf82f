/* fo.c - reading the layout vocabulary (see fo.h): element tests, lengths,
 * inherited properties, and the subset check. */
#include "fo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/xmlsafe.h"

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
		"font-family", "font-size", "font-weight", "font-style", "text-align",
		"text-align-last", "line-height", "color", "start-indent", "end-indent",
		"text-indent", "hyphenate", "language", "display-align", NULL,
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

int fo_check(xmlDocPtr doc, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!fo_is(root, "root"))
		return diag_error(d, "layout is not XSL-FO: root element is not fo:root");
	/* The full subset check (layout.rng and what it cannot say) is TODO. */
	return 0;
}
