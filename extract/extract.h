/* extract.h - the whole extract path: bytes -> format -> blocks ->
 * normalized blocks -> plan XML (-> validated).  Used by `soan extract`
 * and by every command that accepts a plan as DOCX, PDF, text, markdown
 * or plan XML. */
#ifndef SOAN_EXTRACT_H
#define SOAN_EXTRACT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"

struct extract_opts {
	struct read_opts read;
	enum input_format force; /* FMT_UNKNOWN: detect */
	int no_validate;         /* skip the schema check (fuzzers) */
};

/* Read and normalize blocks; *fmt receives the detected format. */
int extract_blocks(const char *name, const unsigned char *data, size_t len,
                   const struct extract_opts *o, struct blocks *out, enum input_format *fmt,
                   struct diag *d);

/* Plan XML from any supported input held in memory; name is used for
 * format detection and @source.  Plan XML input is parsed safely and
 * validated.  Returns NULL with an error in d. */
xmlDocPtr extract_mem(const char *name, const unsigned char *data, size_t len,
                      const struct extract_opts *o, struct diag *d);
xmlDocPtr extract_file(const char *path, const struct extract_opts *o, struct diag *d);

/* Serialize plan XML deterministically: XML declaration, UTF-8,
 * two-space indentation, final newline. */
void plan_serialize(xmlDocPtr doc, struct buf *out);

/* The base name of a path without directories. */
const char *path_base(const char *path);

#endif
