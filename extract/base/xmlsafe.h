/* xmlsafe.h - libxml2 loading for untrusted input.
 *
 * Every XML document soan parses (DOCX parts, plan XML, layouts, its
 * schemas, stylesheets and the files they read) comes through
 * xmlsafe_parse() or xmlsafe_parse_url().  Never loads external entities,
 * DTDs or anything from the network (XML_PARSE_NONET, and neither
 * XML_PARSE_NOENT nor XML_PARSE_DTDLOAD); refuses a document that declares
 * a DOCTYPE at all (no Office part, plan XML, layout or template needs
 * one, and it is how entity bombs and XXE arrive), decided by the parser
 * where it reads the declaration, whatever precedes it and whatever the
 * encoding; knows no entity but the five predefined ones; caps depth
 * (LIMIT_XML_DEPTH) and node count (LIMIT_XML_NODES) while parsing.  Parse
 * errors become one input error naming the part and line.
 *
 * libxml2 ownership rules for the whole project (2.9.14):
 *  - use xmlAddChild()'s return value: it may merge and free text nodes;
 *  - xmlUnlinkNode() before moving a node elsewhere;
 *  - strings from xmlGetProp()/xmlNodeGetContent() are the caller's to
 *    xmlFree(); the returned xmlDoc is freed with xmlFreeDoc(). */
#ifndef SOAN_XMLSAFE_H
#define SOAN_XMLSAFE_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "extract/base/diag.h"

/* Parse len bytes of XML named part (for messages, and the document's
 * URL); part NULL: the file d names itself.  keep_blanks: keep
 * whitespace-only text nodes (needed for w:t).  Returns the document or
 * NULL with an input error in d. */
xmlDocPtr xmlsafe_parse(const char *part, const void *data, size_t len, int keep_blanks,
                        struct diag *d);

/* The same for libxslt's document loader: url is the document's URL
 * (the base of its relative references), its names go into dict (the
 * stylesheet's; NULL for a dictionary of its own), blanks are kept, and
 * an error is located by its line alone. */
xmlDocPtr xmlsafe_parse_url(const char *url, xmlDictPtr dict, const void *data, size_t len,
                            struct diag *d);

/* Parse len bytes of HTML (a table inside markdown) as UTF-8, leniently,
 * with the same depth and node limits.  Returns the document (xmlFreeDoc
 * it), or NULL: with an input error in d when a limit was passed, without
 * one when libxml2 made nothing of the bytes. */
htmlDocPtr xmlsafe_parse_html(const char *part, const void *data, size_t len, struct diag *d);

/* Call once at start-up: turns off libxml2's global error printing and
 * makes its external entity loader refuse every URL, for the whole
 * process. */
void xmlsafe_init(void);

/* Attribute value as an xmlChar* the caller xmlFree()s;
 * NULL when absent.  Convenience for namespaced and plain names. */
xmlChar *xmlsafe_prop(xmlNodePtr n, const char *name);

#endif
