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
		fprintf(out, "soan: %s: warning: %s\n", b.ptr, d->warnings[i]);
		buf_release(&b);
	}
	if (d->msg) {
		char *s = diag_format(d);
		fprintf(out, "soan: %s\n", s);
		free(s);
	}
}
