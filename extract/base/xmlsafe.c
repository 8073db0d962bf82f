/* xmlsafe.c - safe libxml2 parsing (see xmlsafe.h). */
#include "extract/base/xmlsafe.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "extract/base/limits.h"

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

/* Depth and node count are checked while the parser builds the tree, from
 * its SAX callbacks, so a hostile part stops before it has cost the
 * memory.  Elements, attributes, comments and processing instructions
 * count; text nodes, which only ever sit between them, are bounded by
 * those. */
enum guard_hit { GUARD_OK = 0, GUARD_DEPTH, GUARD_NODES, GUARD_NAMESPACES };

struct guard {
	unsigned long nodes;
	enum guard_hit hit;
	startElementNsSAX2Func start_ns;
	startElementSAXFunc start;
	commentSAXFunc comment;
	processingInstructionSAXFunc pi;
};

/* Count n nodes opening at depth (1 = the root); stop the parser when a
 * limit is passed. */
static int guard_count(xmlParserCtxtPtr ctxt, unsigned long n, int depth)
{
	struct guard *g = ctxt->_private;
	g->nodes += n;
	if (depth > LIMIT_XML_DEPTH)
		g->hit = GUARD_DEPTH;
	else if (g->nodes > LIMIT_XML_NODES)
		g->hit = GUARD_NODES;
	if (g->hit)
		xmlStopParser(ctxt);
	return g->hit == GUARD_OK;
}

static void guard_start_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;
	/* libxml2 looks prefixes up in a list of the namespaces in scope */
	if (ctxt->nsNr / 2 > LIMIT_XML_NAMESPACES) {
		g->hit = GUARD_NAMESPACES;
		xmlStopParser(ctxt);
		return;
	}
	/* the parser pushes the element after this call: nameNr open above it */
	if (guard_count(ctxt, 1 + (unsigned long)(nb_attributes > 0 ? nb_attributes : 0),
	                ctxt->nameNr + 1))
		g->start_ns(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
		            nb_defaulted, attributes);
}

static void guard_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;
	unsigned long n = 1;
	for (const xmlChar **a = atts; a && a[0]; a += 2)
		n++;
	if (guard_count(ctxt, n, ctxt->nameNr + 1))
		g->start(ctx, name, atts);
}

static void guard_comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;
	if (guard_count(ctxt, 1, 0) && g->comment)
		g->comment(ctx, value);
}

static void guard_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;
	if (guard_count(ctxt, 1, 0) && g->pi)
		g->pi(ctx, target, data);
}

static void guard_install(xmlParserCtxtPtr ctxt, struct guard *g)
{
	memset(g, 0, sizeof *g);
	g->start_ns = ctxt->sax->startElementNs;
	g->start = ctxt->sax->startElement;
	g->comment = ctxt->sax->comment;
	g->pi = ctxt->sax->processingInstruction;
	if (g->start_ns)
		ctxt->sax->startElementNs = guard_start_ns;
	if (g->start)
		ctxt->sax->startElement = guard_start;
	ctxt->sax->comment = guard_comment;
	ctxt->sax->processingInstruction = guard_pi;
	ctxt->_private = g;
}

/* The error for a limit the guard stopped the parser at, or 0. */
static int guard_error(const struct guard *g, const char *part, struct diag *d)
{
	if (g->hit == GUARD_DEPTH)
		return diag_error(d, "%s: XML nested too deep (limit %d, LIMIT_XML_DEPTH)", part,
		                  LIMIT_XML_DEPTH);
	if (g->hit == GUARD_NODES)
		return diag_error(d, "%s: too many XML nodes (limit %d, LIMIT_XML_NODES)", part,
		                  LIMIT_XML_NODES);
	if (g->hit == GUARD_NAMESPACES)
		return diag_error(
		    d, "%s: too many XML namespaces in scope (limit %d, LIMIT_XML_NAMESPACES)",
		    part, LIMIT_XML_NAMESPACES);
	return 0;
}

/* The most attributes any start tag has, counted on the raw bytes before
 * parsing: libxml2 2.9.14 compares every attribute of a tag with every
 * other before any callback sees the tag.  Counts names that follow
 * white space inside a tag, outside quotes; comments, CDATA sections,
 * declarations and processing instructions are skipped. */
static size_t max_attributes(const unsigned char *p, size_t len)
{
	size_t most = 0;
	for (size_t i = 0; i < len; i++) {
		if (p[i] != '<' || i + 1 >= len)
			continue;
		if (p[i + 1] == '!' || p[i + 1] == '?') {
			const char *end = p[i + 1] == '?' ? "?>"
			                  : i + 3 < len && p[i + 2] == '-' && p[i + 3] == '-'
			                      ? "-->"
			                  : i + 2 < len && p[i + 2] == '[' ? "]]>"
			                                                   : ">";
			const unsigned char *e = memmem(p + i + 2, len - i - 2, end, strlen(end));
			if (!e)
				break;
			i = (size_t)(e - p);
			continue;
		}
		size_t n = 0;
		unsigned char quote = 0;
		size_t j;
		for (j = i + 1; j < len; j++) {
			unsigned char c = p[j];
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				quote = c;
			} else if (c == '>' || c == '<') {
				break;
			} else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '=' &&
			           c != '/' &&
			           (p[j - 1] == ' ' || p[j - 1] == '\t' || p[j - 1] == '\r' ||
			            p[j - 1] == '\n')) {
				n++;
			}
		}
		if (n > most)
			most = n;
		i = j - 1;
	}
	return most;
}

static int check_attributes(const char *part, const void *data, size_t len, struct diag *d)
{
	if (max_attributes(data, len) > LIMIT_XML_ATTRS)
		return diag_error(
		    d, "%s: an element has too many attributes (limit %d, LIMIT_XML_ATTRS)", part,
		    LIMIT_XML_ATTRS);
	return 0;
}

xmlDocPtr xmlsafe_parse(const char *part, const void *data, size_t len, int keep_blanks,
                        struct diag *d)
{
	xmlsafe_init();
	if (len > (size_t)0x7fffffff)
		return diag_error(d, "%s: XML part too large", part), NULL;
	if (has_doctype(data, len)) {
		diag_error(d,
		           "%s: XML with a DOCTYPE declaration is refused (entities and DTDs are "
		           "never loaded)",
		           part);
		return NULL;
	}
	if (check_attributes(part, data, len, d) < 0)
		return NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_env(d, "cannot create XML parser");
		return NULL;
	}
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
	if (!keep_blanks)
		opts |= XML_PARSE_NOBLANKS;
	struct guard g;
	guard_install(ctxt, &g);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL, opts);
	if (g.hit) {
		guard_error(&g, part, d);
		if (doc)
			xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return NULL;
	}
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
	return doc;
}

htmlDocPtr xmlsafe_parse_html(const char *part, const void *data, size_t len, struct diag *d)
{
	xmlsafe_init();
	if (len > (size_t)0x7fffffff)
		return diag_error(d, "%s: HTML too large", part), NULL;
	if (check_attributes(part, data, len, d) < 0)
		return NULL;
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt)
		return NULL;
	struct guard g;
	guard_install(ctxt, &g);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	/* as htmlReadMemory(..., "UTF-8", ...) does: the bytes are UTF-8 and a
	 * <meta charset> inside does not change that */
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	if (utf8) {
		xmlSwitchToEncoding(ctxt, utf8);
		if (ctxt->input->encoding)
			xmlFree((xmlChar *)ctxt->input->encoding);
		ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
	}
	htmlParseDocument(ctxt);
	htmlDocPtr doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (g.hit) {
		guard_error(&g, part, d);
		if (doc)
			xmlFreeDoc(doc);
		doc = NULL;
	}
	htmlFreeParserCtxt(ctxt);
	return doc;
}

xmlChar *xmlsafe_prop(xmlNodePtr n, const char *name)
{
	return xmlGetProp(n, (const xmlChar *)name);
}
