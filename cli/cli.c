/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio_ext.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/atomic.h"
#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "soan.h"

int cli_usage_error(FILE *err, const char *cmd, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_line(err, "soan%s%s: %s", cmd ? " " : "", cmd ? cmd : "", b.ptr);
	buf_release(&b);
	fprintf(err, "Try 'soan %s%s--help' for more information.\n", cmd ? cmd : "",
	        cmd ? " " : "");
	return SOAN_USAGE;
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

int cli_finish_stdout(int rc, FILE *err)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	int e = errno ? errno : EIO;
	diag_line(err, "soan: cannot write to standard output: %s", strerror(e));
	/* reported once: forget it, for a caller that runs commands in-process */
	__fpurge(stdout);
	clearerr(stdout);
	return SOAN_ENV;
}

int cli_write_bytes(const char *path, const void *data, size_t len, struct diag *d)
{
	return atomic_write(path ? path : "-", data, len, d);
}

int cli_write_xml(xmlDocPtr doc, const char *path, struct diag *d)
{
	struct buf b = BUF_INIT;
	plan_serialize(doc, &b);
	int rc = cli_write_bytes(path, b.ptr, b.len, d);
	buf_release(&b);
	return rc;
}

int cli_outdir(const char *dir, FILE *err)
{
	struct stat st;
	if (stat(dir, &st) != 0 && mkdir(dir, 0777) != 0) {
		diag_line(err, "soan: %s: cannot create output folder: %s", dir, strerror(errno));
		return SOAN_ENV;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_line(err, "soan: %s: not a folder", dir);
		return SOAN_ENV;
	}
	return SOAN_OK;
}

/* Input files by device and inode. */
struct file_ids {
	size_t n;
	struct {
		dev_t dev;
		ino_t ino;
	} id[];
};

static struct file_ids *file_ids_new(char **files, int n, const char *more)
{
	struct file_ids *ids = xcalloc(1, sizeof *ids + ((size_t)n + 1) * sizeof ids->id[0]);
	for (int i = 0; i <= n; i++) {
		const char *path = i < n ? files[i] : more;
		struct stat st;
		if (path && stat(path, &st) == 0) {
			ids->id[ids->n].dev = st.st_dev;
			ids->id[ids->n].ino = st.st_ino;
			ids->n++;
		}
	}
	return ids;
}

static int file_ids_has(const struct file_ids *ids, const char *path)
{
	struct stat st;
	if (!path || !strcmp(path, "-") || stat(path, &st) != 0)
		return 0;
	for (size_t i = 0; i < ids->n; i++)
		if (ids->id[i].dev == st.st_dev && ids->id[i].ino == st.st_ino)
			return 1;
	return 0;
}

int cli_output_is_input(const char *out, char **files, int n, const char *more)
{
	if (!out || !strcmp(out, "-"))
		return 0;
	struct file_ids *ids = file_ids_new(files, n, more);
	int same = file_ids_has(ids, out);
	free(ids);
	return same;
}

/* DIR/BASE.EXT for input path. */
static char *batch_out_name(const char *dir, const char *path, const char *ext)
{
	const char *base = path_base(path);
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return xasprintf("%s/%.*s.%s", dir, (int)n, base, ext);
}

int cli_run_batch(const struct cli_batch *b, const char *outdir, char **files, int nfiles)
{
	int rc = cli_outdir(outdir, b->err);
	if (rc != SOAN_OK)
		return rc;
	int done = 0, failed = 0, env = 0, usage = 0;
	struct buf failed_names = BUF_INIT;
	char **outs = xcalloc((size_t)nfiles, sizeof *outs);
	struct file_ids *ids = file_ids_new(files, nfiles, b->also_input);
	for (int i = 0; i < nfiles && !usage; i++) {
		outs[i] = batch_out_name(outdir, files[i], b->ext);
		int dup = 0;
		for (int j = 0; j < i; j++)
			if (outs[j] && !strcmp(outs[j], outs[i]))
				dup = 1;
		if (dup) {
			diag_line(b->err,
			          "soan: %s: another input has the same base name; not overwriting "
			          "'%s'",
			          files[i], outs[i]);
			free(outs[i]);
			outs[i] = NULL;
			rc = SOAN_REJECTED;
		} else if (file_ids_has(ids, outs[i])) {
			diag_line(
			    b->err,
			    "soan: %s: its output file '%s' is an input file; not overwriting it",
			    files[i], outs[i]);
			rc = SOAN_REJECTED;
		} else {
			rc = b->run(b->ctx, files[i], outs[i]);
		}
		if (rc == SOAN_OK) {
			done++;
			continue;
		}
		failed++;
		if (rc == SOAN_ENV)
			env = 1;
		if (rc == SOAN_USAGE && b->stop_on_usage)
			usage = 1;
		buf_addf(&failed_names, "%s%s", failed_names.len ? ", " : "", path_base(files[i]));
	}
	if (!b->quiet && !usage) {
		if (failed)
			diag_line(b->err, "soan: %s: %d %s, %d failed (%s)", b->cmd, done, b->verb,
			          failed, failed_names.ptr);
		else
			diag_line(b->err, "soan: %s: %d %s, %d failed", b->cmd, done, b->verb,
			          failed);
	}
	for (int i = 0; i < nfiles; i++)
		free(outs[i]);
	free(outs);
	free(ids);
	buf_release(&failed_names);
	return usage ? SOAN_USAGE : env ? SOAN_ENV : failed ? SOAN_REJECTED : SOAN_OK;
}
