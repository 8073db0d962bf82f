/* diag.c - recording and formatting diagnostics (see diag.h). */
#include "extract/base/diag.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"

void diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

void diag_release(struct diag *d)
{
	free(d->part);
	free(d->msg);
	for (size_t i = 0; i < d->nwarnings; i++)
		free(d->warnings[i]);
	free(d->warnings);
	const char *file = d->file;
	diag_init(d, file);
}

int diag_verror(struct diag *d, enum diag_kind kind, const char *fmt, va_list ap)
{
	if (!d || d->msg)
		return -1;
	struct buf b = BUF_INIT;
	buf_vaddf(&b, fmt, ap);
	d->msg = buf_detach(&b, NULL);
	d->kind = kind;
	return -1;
}

int diag_error(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(d, DIAG_INPUT, fmt, ap);
	va_end(ap);
	return -1;
}

int diag_env(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(d, DIAG_ENVIRONMENT, fmt, ap);
	va_end(ap);
	return -1;
}

void diag_at(struct diag *d, const char *part, unsigned line)
{
	if (!d || d->msg)
		return;
	free(d->part);
	d->part = part ? xstrdup(part) : NULL;
	d->line = line;
	d->col = 0;
}

void diag_warn(struct diag *d, const char *fmt, ...)
{
	if (!d)
		return;
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	d->warnings = xgrow(d->warnings, sizeof *d->warnings, d->nwarnings + 1, &d->awarnings);
	d->warnings[d->nwarnings++] = buf_detach(&b, NULL);
}

int diag_failed(const struct diag *d)
{
	return d && d->msg != NULL;
}

static void add_where(struct buf *b, const struct diag *d, int with_line)
{
	buf_adds(b, d->file ? d->file : "-");
	if (d->part)
		buf_addf(b, ":%s", d->part);
	if (with_line && d->line) {
		buf_addf(b, ":%u", d->line);
		if (d->col)
			buf_addf(b, ":%u", d->col);
	}
}

/* Control characters written as escapes, so that one message stays one
 * line and a file name cannot drive the terminal: \n \r \t, \xHH for
 * the other C0 controls and DEL, \uHHHH for the C1 controls (U+0080 to
 * U+009F in UTF-8).  Anything else, UTF-8 included, is kept. */
static void add_escaped(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			buf_adds(b, "\\n");
		else if (*p == '\r')
			buf_adds(b, "\\r");
		else if (*p == '\t')
			buf_adds(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(b, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			buf_addf(b, "\\u%04x", *++p);
		else
			buf_addc(b, (char)*p);
	}
}

char *diag_escape(const char *s)
{
	struct buf b = BUF_INIT;
	add_escaped(&b, s);
	return buf_detach(&b, NULL);
}

void diag_line(FILE *out, const char *fmt, ...)
{
	struct buf raw = BUF_INIT, b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&raw, fmt, ap);
	va_end(ap);
	add_escaped(&b, raw.ptr);
	buf_addc(&b, '\n');
	fputs(b.ptr, out);
	buf_release(&raw);
	buf_release(&b);
}

char *diag_format(const struct diag *d)
{
	struct buf b = BUF_INIT;
	add_where(&b, d, 1);
	buf_addf(&b, ": %s", d->msg ? d->msg : "unknown error");
	return buf_detach(&b, NULL);
}

void diag_print(const struct diag *d, FILE *out)
{
	for (size_t i = 0; i < d->nwarnings; i++) {
		struct buf b = BUF_INIT;
		add_where(&b, d, 0);
		diag_line(out, "soan: %s: warning: %s", b.ptr, d->warnings[i]);
		buf_release(&b);
	}
	if (d->msg) {
		char *s = diag_format(d);
		diag_line(out, "soan: %s", s);
		free(s);
	}
}
