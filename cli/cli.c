/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
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
	/* another process may make the same folder between the stat and the
	 * mkdir: EEXIST is then no error, if it is a folder */
	if (stat(dir, &st) != 0 && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		int e = errno;
		char *parent = xstrdup(dir);
		char *slash = strrchr(parent, '/');
		while (slash && slash > parent && slash[1] == '\0') { /* "a/b/" */
			*slash = '\0';
			slash = strrchr(parent, '/');
		}
		if (slash)
			*(slash == parent ? slash + 1 : slash) = '\0';
		if (e == ENOENT && slash && stat(parent, &st) != 0)
			diag_line(err,
			          "soan: %s: cannot create output folder: its parent folder '%s' "
			          "does not exist",
			          dir, parent);
		else
			diag_line(err, "soan: %s: cannot create output folder: %s", dir,
			          strerror(e));
		free(parent);
		return SOAN_ENV;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_line(err, "soan: %s: not a folder", dir);
		return SOAN_ENV;
	}
	return SOAN_OK;
}

/* ---- the outputs of a batch ------------------------------------------------------- */

/* A hash table of strings with a number each (open addressing).  Keys:
 * "n:NAME" for a name claimed, "f:DEV:INO" for a file written, "k:NAME"
 * for the next number to try after NAME. */
struct cli_outputs {
	char **keys;
	uintmax_t *vals;
	size_t n, cap; /* cap: a power of two, at most half full */
};

struct cli_outputs *cli_outputs_new(void)
{
	struct cli_outputs *o = xcalloc(1, sizeof *o);
	o->cap = 64;
	o->keys = xcalloc(o->cap, sizeof *o->keys);
	o->vals = xcalloc(o->cap, sizeof *o->vals);
	return o;
}

void cli_outputs_free(struct cli_outputs *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->cap; i++)
		free(o->keys[i]);
	free(o->keys);
	free(o->vals);
	free(o);
}

static size_t outputs_slot(const struct cli_outputs *o, const char *key)
{
	size_t h = 14695981039346656037u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	size_t i = h & (o->cap - 1);
	while (o->keys[i] && strcmp(o->keys[i], key))
		i = (i + 1) & (o->cap - 1);
	return i;
}

/* The value of key, 0 when absent. */
static uintmax_t outputs_get(const struct cli_outputs *o, const char *key)
{
	size_t i = outputs_slot(o, key);
	return o->keys[i] ? o->vals[i] : 0;
}

static void outputs_set(struct cli_outputs *o, const char *key, uintmax_t val)
{
	size_t i = outputs_slot(o, key);
	if (!o->keys[i]) {
		if (2 * (o->n + 1) > o->cap) {
			struct cli_outputs big = {xcalloc(2 * o->cap, sizeof *o->keys),
			                          xcalloc(2 * o->cap, sizeof *o->vals), o->n,
			                          2 * o->cap};
			for (size_t j = 0; j < o->cap; j++) {
				if (!o->keys[j])
					continue;
				size_t k = outputs_slot(&big, o->keys[j]);
				big.keys[k] = o->keys[j];
				big.vals[k] = o->vals[j];
			}
			free(o->keys);
			free(o->vals);
			*o = big;
			i = outputs_slot(o, key);
		}
		o->keys[i] = xstrdup(key);
		o->n++;
	}
	o->vals[i] = val;
}

int cli_outputs_claim(struct cli_outputs *o, const char *name)
{
	char *key = xasprintf("n:%s", name);
	int taken = outputs_get(o, key) != 0;
	if (!taken)
		outputs_set(o, key, 1);
	free(key);
	return taken ? -1 : 0;
}

char *cli_outputs_name(struct cli_outputs *o, const char *dir, const char *base, const char *ext)
{
	char *name = xasprintf("%s/%s.%s", dir, base, ext);
	if (cli_outputs_claim(o, name) == 0)
		return name;
	/* BASE-2, BASE-3, ...: from where the last search for BASE stopped */
	char *key = xasprintf("k:%s", name);
	uintmax_t k = outputs_get(o, key);
	for (k = k ? k : 2;; k++) {
		free(name);
		name = xasprintf("%s/%s-%ju.%s", dir, base, k, ext);
		if (cli_outputs_claim(o, name) == 0)
			break;
	}
	outputs_set(o, key, k + 1);
	free(key);
	return name;
}

/* "f:DEV:INO" of the file path names now, or NULL. */
static char *file_key(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return NULL;
	return xasprintf("f:%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

int cli_outputs_wrote(struct cli_outputs *o, const char *path)
{
	char *key = file_key(path);
	int wrote = key && outputs_get(o, key) != 0;
	free(key);
	return wrote;
}

void cli_outputs_written(struct cli_outputs *o, const char *path)
{
	char *key = file_key(path);
	if (key)
		outputs_set(o, key, 1);
	free(key);
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
	struct cli_outputs *written = cli_outputs_new();
	for (int i = 0; i < nfiles && !usage; i++) {
		outs[i] = batch_out_name(outdir, files[i], b->ext);
		if (cli_outputs_claim(written, outs[i]) < 0) {
			diag_line(b->err,
			          "soan: %s: another input has the same base name; not overwriting "
			          "'%s'",
			          files[i], outs[i]);
			rc = SOAN_REJECTED;
		} else if (file_ids_has(ids, outs[i])) {
			diag_line(
			    b->err,
			    "soan: %s: its output file '%s' is an input file; not overwriting it",
			    files[i], outs[i]);
			rc = SOAN_REJECTED;
		} else if (cli_outputs_wrote(written, outs[i])) {
			diag_line(b->err,
			          "soan: %s: its output file '%s' is one this batch wrote already; "
			          "not overwriting it",
			          files[i], outs[i]);
			rc = SOAN_REJECTED;
		} else {
			rc = b->run(b->ctx, files[i], outs[i]);
			if (rc == SOAN_OK)
				cli_outputs_written(written, outs[i]);
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
	cli_outputs_free(written);
	buf_release(&failed_names);
	return usage ? SOAN_USAGE : env ? SOAN_ENV : failed ? SOAN_REJECTED : SOAN_OK;
}
