/* draw.h - the PDF writer: a laid-out FO document drawn with libharu.
 *
 * pdf_write() (writers.h) is the whole interface most callers need; the
 * new/write/free triple below is the same writer with its state made
 * explicit.  The layout comes from paginate.h; this module owns libharu:
 * the document in UTF-8 mode, the per-document font subsets embedded as
 * CID TrueType fonts, pages, text, rules, metadata, outline and page
 * labels, and the repairs libharu 2.3.0 needs (see draw.c). */
#ifndef SOAN_DRAW_H
#define SOAN_DRAW_H

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "generate/writers.h"

struct pdf_writer;

/* A writer for options o (borrowed; may be NULL). */
struct pdf_writer *pdf_new(const struct gen_opts *o);
/* Lay out and draw fo, appending the PDF file to out.  Returns 0, or -1
 * with an input error (layout) or an environment error (fonts, libharu). */
int pdf_render(struct pdf_writer *w, xmlDocPtr fo, struct buf *out, struct diag *d);
void pdf_free(struct pdf_writer *w);

#endif
