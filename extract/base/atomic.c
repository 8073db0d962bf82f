/* atomic.c - complete-or-absent output files (see atomic.h). */
#include "extract/base/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/base/xalloc.h"

int atomic_open(struct atomic_file *af, const char *target, struct diag *d)
{
	memset(af, 0, sizeof *af);
	af->target = xstrdup(target);
	af->tmp = xasprintf("%s.tmp-XXXXXX", target);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		int e = errno;
		diag_env(d, "cannot create output file '%s': %s", target, strerror(e));
		free(af->tmp);
		free(af->target);
		af->tmp = af->target = NULL;
		return -1;
	}
	/* mkstemp gives 0600; output files get the usual 0644 minus umask. */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	af->fp = fdopen(fd, "wb");
	if (!af->fp) {
		int e = errno;
		close(fd);
		unlink(af->tmp);
		diag_env(d, "cannot write output file '%s': %s", target, strerror(e));
		free(af->tmp);
		free(af->target);
		af->tmp = af->target = NULL;
		return -1;
	}
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->target);
	memset(af, 0, sizeof *af);
}

int atomic_commit(struct atomic_file *af, struct diag *d)
{
	int err = 0;
	if (fflush(af->fp) != 0 || ferror(af->fp))
		err = errno ? errno : EIO;
	if (!err && fsync(fileno(af->fp)) != 0)
		err = errno;
	if (fclose(af->fp) != 0 && !err)
		err = errno ? errno : EIO;
	af->fp = NULL;
	if (!err && rename(af->tmp, af->target) != 0)
		err = errno;
	if (err) {
		diag_env(d, "cannot write output file '%s': %s", af->target, strerror(err));
		atomic_abort(af);
		return -1;
	}
	free(af->tmp);
	free(af->target);
	memset(af, 0, sizeof *af);
	return 0;
}

int atomic_write(const char *target, const void *data, size_t len, struct diag *d)
{
	struct atomic_file af;
	if (atomic_open(&af, target, d) < 0)
		return -1;
	if (len && fwrite(data, 1, len, af.fp) != len) {
		int e = errno;
		diag_env(d, "cannot write output file '%s': %s", target, strerror(e ? e : EIO));
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, d);
}
