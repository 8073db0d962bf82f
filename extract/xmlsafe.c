/* xmlsafe.c - safe libxml2 parsing (see xmlsafe.h). */
#include "xmlsafe.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "limits.h"

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Folders whose files soan itself ships (schemas, templates): the only
 * places the entity loader may read from. */
static char *allowed[8];
static size_t nallowed;
static xmlExternalEntityLoader default_loader;

void xmlsafe_allow_dir(const char *dir)
{
	char *real = realpath(dir, NULL);
	if (!real)
		return;
	for (size_t i = 0; i < nallowed; i++)
		if (!strcmp(allowed[i], real)) {
			free(real);
			return;
		}
	if (nallowed < sizeof allowed / sizeof allowed[0])
		allowed[nallowed++] = real;
	else
		free(real);
}

static xmlParserInputPtr guarded_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (!url)
		return NULL;
	const char *path = url;
	if (!strncmp(path, "file://", 7))
		path += 7;
	if (strstr(path, "://"))
		return NULL; /* never the network */
	char *real = realpath(path, NULL);
	if (!real)
		return NULL;
	int ok = 0;
	for (size_t i = 0; i < nallowed && !ok; i++) {
		size_t n = strlen(allowed[i]);
		ok = !strncmp(real, allowed[i], n) && (real[n] == '/' || real[n] == '\0');
	}
	free(real);
	return ok && default_loader ? default_loader(url, id, ctxt) : NULL;
}

void xmlsafe_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent);
	default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(guarded_loader);
}

/* Does the prolog declare a DOCTYPE?  Looks through the first 64 KB, where
 * any prolog is; comments and processing instructions may precede it. */
static int has_doctype(const unsigned char *p, size_t len)
{
	size_t lim = len < 65536 ? len : 65536;
	for (size_t i = 0; i + 9 <= lim; i++) {
		if (p[i] != '<')
			continue;
		if (p[i + 1] == '!' && (p[i + 2] == 'D' || p[i + 2] == 'd') &&
		    !strncasecmp((const char *)p + i + 2, "DOCTYPE", 7))
			return 1;
		if (p[i + 1] != '?' && p[i + 1] != '!')
			return 0; /* the root element: the prolog is over */
	}
	return 0;
}

static int count_nodes(xmlNodePtr n, long *budget)
{
	for (; n; n = n->next) {
		if (--*budget < 0)
			return -1;
		if (n->type == XML_ELEMENT_NODE && n->children && count_nodes(n->children, budget) < 0)
			return -1;
	}
	return 0;
}

xmlDocPtr xmlsafe_parse(const char *part, const void *data, size_t len, int keep_blanks,
			struct diag *d)
{
	xmlsafe_init();
	if (len > (size_t)0x7fffffff)
		return diag_error(d, "%s: XML part too large", part), NULL;
	if (has_doctype(data, len)) {
		diag_error(d, "%s: XML with a DOCTYPE declaration is refused (entities and DTDs are never loaded)",
			   part);
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_env(d, "cannot create XML parser");
		return NULL;
	}
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
	if (!keep_blanks)
		opts |= XML_PARSE_NOBLANKS;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL, opts);
	if (!doc || !ctxt->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char msg[200] = "not well-formed";
		unsigned line = 0;
		if (e && e->message) {
			strncpy(msg, e->message, sizeof msg - 1);
			msg[sizeof msg - 1] = '\0';
			size_t n = strlen(msg);
			while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
			line = e->line > 0 ? (unsigned)e->line : 0;
		}
		diag_at(d, part, line);
		diag_error(d, "malformed XML: %s", msg);
		if (doc)
			xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return NULL;
	}
	xmlFreeParserCtxt(ctxt);
	long budget = LIMIT_XML_NODES;
	if (count_nodes(doc->children, &budget) < 0) {
		diag_error(d, "%s: too many XML nodes (limit %d, LIMIT_XML_NODES)", part, LIMIT_XML_NODES);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlChar *xmlsafe_prop(xmlNodePtr n, const char *name)
{
	return xmlGetProp(n, (const xmlChar *)name);
}
