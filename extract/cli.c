/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "buf.h"
#include "extract.h"
#include "soan.h"

const struct command *command_find(const char *name)
{
	for (const struct command *c = soan_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int cli_usage_error(FILE *err, const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(err, "soan%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fprintf(err, "\nTry 'soan %s%s--help' for more information.\n", cmd ? cmd : "", cmd ? " " : "");
	return SOAN_USAGE;
}

int cli_help(const char *cmd)
{
	const struct command *c = command_find(cmd);
	if (!c)
		return SOAN_USAGE;
	fputs(c->usage, stdout);
	return SOAN_OK;
}

int cli_status(const struct diag *d)
{
	switch (d->kind) {
	case DIAG_ENVIRONMENT: return SOAN_ENV;
	case DIAG_USAGE: return SOAN_USAGE;
	default: return SOAN_REJECTED;
	}
}

void cli_report(const struct diag *d, FILE *err)
{
	diag_print(d, err);
}

int cli_write_bytes(const char *path, const void *data, size_t len, struct diag *d)
{
	if (!path || !strcmp(path, "-")) {
		if (len && fwrite(data, 1, len, stdout) != len)
			return diag_env(d, "cannot write to standard output: %s", strerror(errno));
		if (fflush(stdout) != 0)
			return diag_env(d, "cannot write to standard output: %s", strerror(errno));
		return 0;
	}
	return atomic_write(path, data, len, d);
}

int cli_write_xml(xmlDocPtr doc, const char *path, struct diag *d)
{
	struct buf b = BUF_INIT;
	plan_serialize(doc, &b);
	int rc = cli_write_bytes(path, b.ptr, b.len, d);
	buf_release(&b);
	return rc;
}
