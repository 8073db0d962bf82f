/* plan.h - building plan XML (extract/plan/plan.rng) through functions that
 * refuse shapes the schema forbids, and the small queries transforms use.
 *
 * plan_child() appends an element only where the schema allows it (a row
 * only inside a table or group, an agency only inside a section, ...): a
 * recognizer bug shows up at the call (BUG: abort in debug builds, NULL
 * otherwise), not as a golden diff.  Text goes in as written
 * (plan_text_plain()); the recognizer marks amounts and deadlines inside
 * it with inline_mark() (extract/recognize/inline.h).  Nothing here runs
 * a recognizer pattern: rollover and report build plans with it too.
 *
 * Ownership: nodes belong to their document; free the document with
 * xmlFreeDoc().  See extract/base/xmlsafe.h for the project's libxml2 rules. */
#ifndef SOAN_PLAN_H
#define SOAN_PLAN_H

#include <stddef.h>

#include <libxml/tree.h>

/* A new document with root <plan version="1" source=...> and an empty
 * <meta>; *root receives the plan element. */
xmlDocPtr plan_new(const char *source, xmlNodePtr *root);

/* Does the schema allow element name under parent? */
int plan_may_hold(xmlNodePtr parent, const char *name);
/* Append element name under parent if the schema allows it there;
 * otherwise returns NULL (and aborts when built with -DSOAN_DEBUG). */
xmlNodePtr plan_child(xmlNodePtr parent, const char *name);
/* plan_child() that also sets the text content (no inline marks). */
xmlNodePtr plan_child_text(xmlNodePtr parent, const char *name, const char *text);
/* Set an attribute; NULL or "" value: nothing. */
void plan_set(xmlNodePtr n, const char *name, const char *value);
void plan_setf(xmlNodePtr n, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Append plain text (no marks). */
void plan_text_plain(xmlNodePtr n, const char *text, size_t len);

/* First child element of n named name, or NULL. */
xmlNodePtr plan_first(xmlNodePtr n, const char *name);
/* Next sibling element named name after n, or NULL. */
xmlNodePtr plan_next(xmlNodePtr n, const char *name);
/* Attribute value (borrowed from the tree; do not free), or NULL. */
const char *plan_attr(xmlNodePtr n, const char *name);
/* Is n an element with this name? */
int plan_is(xmlNodePtr n, const char *name);

#endif
