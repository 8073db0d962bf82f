/* xmlsafe.h - libxml2 loading for untrusted input.
 *
 * Never loads external entities, DTDs or anything from the network
 * (XML_PARSE_NONET, and neither XML_PARSE_NOENT nor XML_PARSE_DTDLOAD);
 * refuses documents that declare a DOCTYPE at all (no Office part or plan
 * XML needs one, and it is how entity bombs and XXE arrive); caps depth
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

/* Parse len bytes of XML named part (for messages).  keep_blanks: keep
 * whitespace-only text nodes (needed for w:t).  Returns the document or
 * NULL with an input error in d. */
xmlDocPtr xmlsafe_parse(const char *part, const void *data, size_t len, int keep_blanks,
                        struct diag *d);

/* Parse len bytes of HTML (a table inside markdown) as UTF-8, leniently,
 * with the same depth and node limits.  Returns the document (xmlFreeDoc
 * it), or NULL: with an input error in d when a limit was passed, without
 * one when libxml2 made nothing of the bytes. */
htmlDocPtr xmlsafe_parse_html(const char *part, const void *data, size_t len, struct diag *d);

/* Call once at start-up: turns off libxml2's global error printing and
 * its network/external-entity loader for the whole process. */
void xmlsafe_init(void);

/* Let the entity loader read files under dir (and nothing else): for
 * soan's own schemas and templates, which import each other.  Input
 * documents never get here: their parser options load nothing. */
void xmlsafe_allow_dir(const char *dir);

/* Attribute value as an xmlChar* the caller xmlFree()s;
 * NULL when absent.  Convenience for namespaced and plain names. */
xmlChar *xmlsafe_prop(xmlNodePtr n, const char *name);

#endif
