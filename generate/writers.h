/* writers.h - output formats and the one dispatch table of writers.
 *
 * A writer turns a checked FO document (fo.h) into the bytes of one
 * output file.  It never touches the file system: the caller writes the
 * bytes atomically (extract/base/atomic.h).  Returns 0, or -1 with an error in
 * d: an input error for layout it cannot honour, an environment error
 * for a missing font. */
#ifndef SOAN_WRITERS_H
#define SOAN_WRITERS_H

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"

enum output_format {
	OUT_UNKNOWN = 0,
	OUT_XML, /* plan XML (no layout) */
	OUT_FO,  /* the layout itself */
	OUT_DOCX,
	OUT_PDF,
};

struct gen_opts {
	const char *font_family; /* NULL: "Times New Roman" (metric twin found by fontconfig) */
	int track_changes;       /* DOCX: soan:change as w:del/w:ins */
};

int docx_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d);
int pdf_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d);

/* One output format: its file name extension and its writer (NULL for
 * plan XML, which is written before any layout exists). */
struct writer {
	enum output_format format;
	const char *name; /* extension without the dot: "docx" */
	int (*write)(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d);
};

/* The table, ending with a row whose name is NULL. */
extern const struct writer writers[];

/* From an output file name's extension (case-insensitive); OUT_UNKNOWN
 * for any other. */
enum output_format output_format_for(const char *path);
const struct writer *writer_for(enum output_format f);

/* Write layout fo in format f into out. */
int writer_run(enum output_format f, xmlDocPtr fo, const struct gen_opts *o, struct buf *out,
               struct diag *d);

#endif
