/* fo.h - the layout vocabulary (a subset of XSL-FO) as the writers see it.
 *
 * Templates produce an FO document; fo_load() checks it against the
 * subset (generate/layout/layout.rng plus the checks RelaxNG cannot express) and
 * hands the writers a plain libxml2 tree.  Writers walk that tree and ask
 * fo.c for property values: lengths in points, inherited properties
 * resolved up the ancestor chain, as XSL-FO defines inheritance for the
 * properties we support.  Anything outside the subset is an error naming
 * the element (or attribute) and its line, never a silent drop.
 *
 * Namespaces: FO_NS for fo:*, SOAN_NS for the two extensions (soan:field,
 * a fillable place; soan:change, a tracked change with old and new text). */
#ifndef SOAN_FO_H
#define SOAN_FO_H

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"

#define FO_NS   "http://www.w3.org/1999/XSL/Format"
#define SOAN_NS "urn:soan:layout"

/* Is n an element fo:NAME (or soan:NAME for fo_is_soan)? */
int fo_is(xmlNodePtr n, const char *name);
int fo_is_soan(xmlNodePtr n, const char *name);

/* Parse an FO length ("20mm", "1.27cm", "14pt", "0.5in", "12px", "0") to
 * points.  Percentages are taken of ref.  Returns 0 and sets *pt, or -1
 * when s is not a length. */
int fo_length(const char *s, double ref, double *pt);

/* The value of property name on n, looking up the ancestors for inherited
 * properties (font-*, text-align, text-indent?, line-height, ...): the
 * string from the nearest element that sets it, or def.  The returned
 * pointer is owned by the tree (do not free). */
const char *fo_prop(xmlNodePtr n, const char *name, const char *def);
/* The same, as a length in points (ref for percentages); def when unset
 * or unparsable. */
double fo_prop_pt(xmlNodePtr n, const char *name, double ref, double def);

/* The line height in points of text at size pt in n: line-height as a
 * number (times size), a length, or "normal" (1.15, Word's single line
 * for Times New Roman). */
double fo_line_height(xmlNodePtr n, double size);

/* One page master's geometry, in points.  top/bottom/left/right are the
 * distances from the paper's edges to the text area (page margin plus
 * region-body margin).  has_header: the master has a region-before, which
 * starts header points from the top edge (Word's header distance). */
struct fo_page {
	double width, height;
	double top, bottom, left, right;
	int has_header;
	double header, header_extent;
};

/* The masters a page-sequence uses for its first page and for the rest
 * (the same when it names a simple-page-master).  Returns 0, or -1 when
 * its master-reference does not resolve (fo_check() rejects that). */
int fo_page_masters(xmlNodePtr page_sequence, struct fo_page *first, struct fo_page *rest);

/* The text of dc:NAME ("title", "creator", "language") in
 * fo:declarations, malloc'd (free it), or NULL when absent. */
char *fo_meta(xmlDocPtr fo, const char *name);

/* Load and check FO from memory (part names the source for messages).
 * Returns the document or NULL with an input error naming the first
 * element or attribute outside the subset. */
xmlDocPtr fo_load(const char *part, const void *data, size_t len, struct diag *d);
/* Check an FO tree already in memory (the output of a template): every
 * element, attribute and value inside the subset (generate/layout/layout.rng),
 * master references and bookmark destinations that resolve, table rows
 * that fit their columns.  Returns 0, or -1 with an input error naming
 * the element or attribute, and its line when the tree has lines. */
int fo_check(xmlDocPtr doc, struct diag *d);

/* Write the layout as text, deterministically: an XML declaration, the
 * elements that hold only elements indented one child per line, blocks
 * and inlines exactly as they are (no white space added where XSL-FO
 * would print it). */
void fo_serialize(xmlDocPtr fo, struct buf *out);

#endif
