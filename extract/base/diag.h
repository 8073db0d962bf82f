/* diag.h - diagnostics: where a problem is and what it is.
 *
 * Library code never prints.  A function that fails records one problem
 * in a struct diag and returns -1 (or NULL); only the CLI prints, as one
 * line:  soan: FILE[:PART][:LINE[:COL]]: message
 * Messages start lower case, say the problem first, have no final full
 * stop.  A problem is an input problem (exit 1) unless marked as an
 * environment problem (exit 3: missing font, unwritable folder, full disk).
 * Warnings (recoverable, e.g. a detected legacy encoding) are collected
 * and printed the same way, prefixed "warning: ". */
#ifndef SOAN_DIAG_H
#define SOAN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_kind {
	DIAG_NONE = 0,
	DIAG_INPUT,       /* the input is wrong: exit 1 */
	DIAG_ENVIRONMENT, /* the machine is wrong: exit 3 */
	DIAG_USAGE,       /* the command line is wrong: exit 2 */
};

struct diag {
	const char *file; /* borrowed: the input's name as the user gave it */
	char *part;       /* owned: "word/document.xml", or NULL */
	unsigned line;    /* text line or paragraph number, 0 when unknown */
	unsigned col;
	enum diag_kind kind;
	char *msg; /* owned; NULL while no error is recorded */
	char **warnings;
	size_t nwarnings, awarnings;
};

#define DIAG_INIT                                                                                  \
	{                                                                                          \
		NULL, NULL, 0, 0, DIAG_NONE, NULL, NULL, 0, 0                                      \
	}

void diag_init(struct diag *d, const char *file);
void diag_release(struct diag *d);
/* Record an input error; returns -1 so callers can `return diag_error(...)`.
 * The first error recorded wins: later calls do not overwrite it. */
int diag_error(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_env(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_verror(struct diag *d, enum diag_kind kind, const char *fmt, va_list ap);
/* Set the location for the next error: part may be NULL. */
void diag_at(struct diag *d, const char *part, unsigned line);
void diag_warn(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_failed(const struct diag *d);
/* Print the error (if any) and every warning, one line each, escaped as
 * diag_line() does. */
void diag_print(const struct diag *d, FILE *out);
/* The one formatted error line without the "soan: " prefix and newline;
 * the caller frees it. */
char *diag_format(const struct diag *d);
/* s with its control characters written as escapes (\n, \x1b, \u0085),
 * so that a file name or a document's text in a message cannot break
 * the line or drive the terminal; the caller frees it. */
char *diag_escape(const char *s);
/* Print one line: the formatted text, escaped as diag_escape() does,
 * and a newline.  Every message line of the CLI goes through here. */
void diag_line(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
