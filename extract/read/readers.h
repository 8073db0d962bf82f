/* readers.h - input formats, detection by content, and the one dispatch
 * table of readers.
 *
 * Every reader has the same shape: it takes the whole input in memory
 * (so fuzzers can call it directly), appends blocks to out, and returns
 * 0, or -1 with an input error in d.  Readers never print and never
 * touch the file system. */
#ifndef SOAN_READERS_H
#define SOAN_READERS_H

#include <stddef.h>

#include "extract/base/diag.h"
#include "extract/read/blocks.h"

enum input_format {
	FMT_UNKNOWN = 0,
	FMT_TEXT,
	FMT_MARKDOWN,
	FMT_DOCX,
	FMT_PDF,
	FMT_PLANXML, /* plan XML written by soan or by hand */
};

/* Options a caller (CLI, fuzzer) may set for a reader. */
struct read_opts {
	unsigned flags; /* reserved for readers' own switches */
};

typedef int (*reader_fn)(const unsigned char *data, size_t len, const struct read_opts *o,
                         struct blocks *out, struct diag *d);

int read_text(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
              struct diag *d);
int read_md(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
            struct diag *d);
int read_docx(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
              struct diag *d);
int read_pdf(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
             struct diag *d);

/* Decide the format from the content first, the file name's extension
 * second.  Returns FMT_UNKNOWN with an input error in d for content no
 * reader accepts (a legacy .doc, an encrypted document, other binary). */
enum input_format detect_format(const char *name, const unsigned char *data, size_t len,
                                struct diag *d);
const char *format_name(enum input_format f);

/* Run the reader for format f. */
int read_blocks(enum input_format f, const unsigned char *data, size_t len,
                const struct read_opts *o, struct blocks *out, struct diag *d);

/* Read a whole file into memory, refusing files over LIMIT_FILE_BYTES.
 * *data is malloc'd (free it); it is NUL-terminated for convenience. */
int load_file(const char *path, unsigned char **data, size_t *len, struct diag *d);

#endif
