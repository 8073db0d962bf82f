/* recognize.h - from normalized blocks to plan XML.
 *
 * The recognizer is a set of pcre2 rules (rules.c) applied over the block
 * stream in one pass with a small amount of look-ahead: header, title,
 * basis and preamble, sections and their kinds, items, tasks, agencies,
 * budget amounts, deadlines, closing, signature, recipients, appendices.
 * It builds the tree through plan.c, which refuses shapes the schema
 * forbids. */
#ifndef SOAN_RECOGNIZE_H
#define SOAN_RECOGNIZE_H

#include <libxml/tree.h>

#include "extract/base/diag.h"
#include "extract/read/blocks.h"

/* source: the input's base name, written to /plan/@source (may be NULL).
 * Returns a new document (xmlFreeDoc it), or NULL with an input error in
 * d when the blocks are not an administrative document at all. */
xmlDocPtr recognize(const struct blocks *bs, const char *source, struct diag *d);

/* Flags for recognize_with(). */
enum recognize_flag {
	RECOGNIZE_FRAGMENT = 1u << 0, /* a piece of a document: never refuse it (spec tests) */
};
xmlDocPtr recognize_with(const struct blocks *bs, const char *source, unsigned flags,
                         struct diag *d);

/* Free the compiled rules (for leak checkers; optional). */
void recognize_cleanup(void);

#endif
