/* output.h - writing a document that a transform made (a rollover draft,
 * a report form) to the file the user named: plan XML as it is, or
 * through a template (templates/NAME.xsl) to the layout, and the layout
 * to DOCX or PDF.  The output's extension picks the format.  Used by
 * `soan rollover` and `soan report`; `soan generate` has its own loop. */
#ifndef SOAN_OUTPUT_H
#define SOAN_OUTPUT_H

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"

enum out_kind { OUTK_UNKNOWN = 0, OUTK_XML, OUTK_FO, OUTK_DOCX, OUTK_PDF };

/* From a file name's extension (case-insensitive); "-" is plan XML. */
enum out_kind output_kind(const char *path);

struct out_opts {
	const char *tmpl;          /* template name: "plan", "rollover", "report" */
	const char *const *params; /* NAME, VALUE, ..., NULL: string parameters */
	int no_validate;           /* skip the plan XML schema check */
	int track_changes;         /* DOCX: change marks as tracked changes */
};

/* doc as kind, into out (appended).  Returns 0, or -1 with an error in d
 * as write_output(). */
int output_render(xmlDocPtr doc, enum out_kind kind, const struct out_opts *o, struct buf *out,
                  struct diag *d);
/* Write doc to path ("-": standard output) as kind, atomically.  Returns
 * 0, or -1 with an error in d (an environment error when a template,
 * font or writer is missing, or the file cannot be written). */
int write_output(xmlDocPtr doc, const char *path, enum out_kind kind, const struct out_opts *o,
                 struct diag *d);

/* doc through templates/o->tmpl.xsl: the layout, checked against the
 * subset (fo_check), or NULL with an error in d: an environment error
 * when the template is missing or its layout falls outside the subset. */
xmlDocPtr output_layout(xmlDocPtr doc, const struct out_opts *o, struct diag *d);
/* Free the templates write_output() compiled (at exit, for leak
 * checkers). */
void output_cleanup(void);

#endif
