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

/* No document soan parses may load anything through libxml2's entity
 * loader: DTDs are refused (below), and libxslt's documents come through
 * generate/layout/xslt.c's own loader.  This loader refuses every URL. */
static xmlParserInputPtr refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void xmlsafe_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetExternalEntityLoader(refuse_loader);
}

/* The parser's own callbacks decide what a document may hold, so no byte
 * pattern (a comment holding "<w:x", a DOCTYPE after megabytes of
 * comment, UTF-16 with or without a BOM) can walk around a check.
 *
 * A DOCTYPE declaration stops the parser where libxml2 reads it, before
 * its internal subset: no entity, element or attribute declaration is
 * ever parsed.  No entity is ever known to the parser (getEntity finds
 * none, so "&name;" of an undeclared entity is malformed XML; the five
 * predefined ones and character references are text), and an entity
 * reference node, which could only come from a declaration, stops it
 * too.
 *
 * Depth and node count are checked while the parser builds the tree, so a
 * hostile part stops before it has cost the memory.  Elements,
 * attributes, comments and processing instructions count; text nodes,
 * which only ever sit between them, are bounded by those. */
enum guard_hit { GUARD_OK = 0, GUARD_DEPTH, GUARD_NODES, GUARD_NAMESPACES, GUARD_DOCTYPE };

struct guard {
	unsigned long nodes;
	enum guard_hit hit;
	unsigned line; /* where the parser was stopped */
	startElementNsSAX2Func start_ns;
	startElementSAXFunc start;
	commentSAXFunc comment;
	processingInstructionSAXFunc pi;
};

static void guard_stop(xmlParserCtxtPtr ctxt, enum guard_hit hit)
{
	struct guard *g = ctxt->_private;
	if (!g->hit) {
		g->hit = hit;
		g->line = ctxt->input && ctxt->input->line > 0 ? (unsigned)ctxt->input->line : 0;
	}
	xmlStopParser(ctxt);
}

/* Count n nodes opening at depth (1 = the root); stop the parser when a
 * limit is passed. */
static int guard_count(xmlParserCtxtPtr ctxt, unsigned long n, int depth)
{
	struct guard *g = ctxt->_private;
	g->nodes += n;
	if (depth > LIMIT_XML_DEPTH)
		guard_stop(ctxt, GUARD_DEPTH);
	else if (g->nodes > LIMIT_XML_NODES)
		guard_stop(ctxt, GUARD_NODES);
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
		guard_stop(ctxt, GUARD_NAMESPACES);
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

/* <!DOCTYPE name ...: called before the internal subset is read */
static void guard_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                         const xmlChar *system_id)
{
	(void)name;
	(void)external_id;
	(void)system_id;
	guard_stop(ctx, GUARD_DOCTYPE);
}

static void guard_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                              const xmlChar *system_id, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	guard_stop(ctx, GUARD_DOCTYPE);
}

static xmlEntityPtr guard_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

static void guard_reference(void *ctx, const xmlChar *name)
{
	(void)name;
	guard_stop(ctx, GUARD_DOCTYPE);
}

/* xml: an XML parser (DOCTYPE and entity hooks too); else HTML, whose
 * <!DOCTYPE html> declares nothing */
static void guard_install(xmlParserCtxtPtr ctxt, struct guard *g, int xml)
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
	if (xml) {
		ctxt->sax->internalSubset = guard_subset;
		ctxt->sax->externalSubset = guard_subset;
		ctxt->sax->entityDecl = guard_entity_decl;
		ctxt->sax->getEntity = guard_get_entity;
		ctxt->sax->getParameterEntity = guard_get_entity;
		ctxt->sax->reference = guard_reference;
	}
	ctxt->_private = g;
}

/* The error for what the guard stopped the parser at, or 0.  XML
 * locates it at the part's line, as libxml2's own errors; an HTML
 * fragment's lines are not its file's, so it names the part alone. */
static int guard_error(const struct guard *g, const char *part, int xml, struct diag *d)
{
	if (!g->hit)
		return 0;
	const char *pre = "", *sep = "";
	if (xml)
		diag_at(d, part, g->line);
	else if (part)
		pre = part, sep = ": ";
	switch (g->hit) {
	case GUARD_DOCTYPE:
		return diag_error(
		    d,
		    "%s%sXML with a DOCTYPE declaration is refused (entities and DTDs "
		    "are never loaded)",
		    pre, sep);
	case GUARD_DEPTH:
		return diag_error(d, "%s%sXML nested too deep (limit %d, LIMIT_XML_DEPTH)", pre,
		                  sep, LIMIT_XML_DEPTH);
	case GUARD_NODES:
		return diag_error(d, "%s%stoo many XML nodes (limit %d, LIMIT_XML_NODES)", pre, sep,
		                  LIMIT_XML_NODES);
	case GUARD_NAMESPACES:
		return diag_error(
		    d, "%s%stoo many XML namespaces in scope (limit %d, LIMIT_XML_NAMESPACES)", pre,
		    sep, LIMIT_XML_NAMESPACES);
	case GUARD_OK: break;
	}
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
		    d, "%s%san element has too many attributes (limit %d, LIMIT_XML_ATTRS)",
		    part ? part : "", part ? ": " : "", LIMIT_XML_ATTRS);
	return 0;
}

/* libxml2's message, first line only (an encoding error adds a second
 * one with the bytes), without its trailing white space. */
static void parser_message(xmlParserCtxtPtr ctxt, char *msg, size_t size, unsigned *line)
{
	const xmlError *e = xmlCtxtGetLastError(ctxt);
	snprintf(msg, size, "%s", e && e->message ? e->message : "not well-formed");
	msg[strcspn(msg, "\n")] = '\0';
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == ' ' || msg[n - 1] == '\r' || msg[n - 1] == '\t'))
		msg[--n] = '\0';
	*line = e && e->line > 0 ? (unsigned)e->line : 0;
}

/* Every XML document soan reads comes through here. */
static xmlDocPtr parse(const char *part, const char *url, xmlDictPtr dict, int keep_blanks,
                       const void *data, size_t len, struct diag *d)
{
	xmlsafe_init();
	if (len > (size_t)0x7fffffff) {
		diag_error(d, "%s%sXML too large", part ? part : "", part ? ": " : "");
		return NULL;
	}
	if (check_attributes(part, data, len, d) < 0)
		return NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_env(d, "cannot create XML parser");
		return NULL;
	}
	if (dict) {
		/* libxslt's documents share the stylesheet's dictionary */
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	/* never XML_PARSE_NOENT (entities), XML_PARSE_DTDLOAD or XML_PARSE_DTDATTR */
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
	if (!keep_blanks)
		opts |= XML_PARSE_NOBLANKS;
	struct guard g;
	guard_install(ctxt, &g, 1);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, opts);
	int failed = g.hit || !doc || !ctxt->wellFormed;
	if (g.hit) {
		guard_error(&g, part, 1, d);
	} else if (failed) {
		char msg[200];
		unsigned line;
		parser_message(ctxt, msg, sizeof msg, &line);
		diag_at(d, part, line);
		diag_error(d, "malformed XML: %s", msg);
	}
	if (failed && doc) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr xmlsafe_parse(const char *part, const void *data, size_t len, int keep_blanks,
                        struct diag *d)
{
	return parse(part, part, NULL, keep_blanks, data, len, d);
}

xmlDocPtr xmlsafe_parse_url(const char *url, xmlDictPtr dict, const void *data, size_t len,
                            struct diag *d)
{
	return parse(NULL, url, dict, 1, data, len, d);
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
	guard_install(ctxt, &g, 0);
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
		guard_error(&g, part, 0, d);
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
