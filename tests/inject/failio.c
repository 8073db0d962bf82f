/* failio.c - an LD_PRELOAD shim that makes file output fail on demand, to
 * prove that soan leaves no partial output behind and reports the
 * environment's failure (exit 3) when a write, fsync, close or rename
 * fails.  Built by the Makefile as $(B)/inject/failio.so for the tests;
 * never part of soan.
 *
 *   FAILIO_FAIL   what fails, "CALL:N" (the Nth call only) or "CALL:N+"
 *                 (the Nth and every later one: a disk that stays full).
 *                 CALL is write, fsync, close, rename or mkdir; mkdir
 *                 loses a race: the folder is made just before the call,
 *                 as by another process, and the call fails with EEXIST.
 *   FAILIO_PATH   fnmatch(3) pattern a call's file must match (default:
 *                 a slash and anything, so any file; standard streams are
 *                 named "<stdout>" and "<stderr>", so they match only
 *                 when named).
 *   FAILIO_ERRNO  errno to fail with: ENOSPC, EIO, EACCES, EROFS, EDQUOT
 *                 (default: ENOSPC for write, EIO for the others).
 *   FAILIO_LOG    file to append one line to for every failure injected,
 *                 so a test can tell the shim fired.
 *   FAILIO_STOP   when set, the chosen call does not fail: the process
 *                 stops itself there (SIGSTOP), for a test to kill it in
 *                 the middle of writing.
 *
 * glibc's stdio writes through its own internal write(), which no
 * preloaded library can intercept, so the write-like calls a program
 * makes (write, writev, pwrite, fwrite, fputs, fputc, fprintf, vfprintf)
 * are counted instead; when one is to fail on a stream, its descriptor
 * is first pointed at /dev/full, so that the bytes stdio has buffered,
 * and any later, fail as a full disk fails them, at whichever flush or
 * close comes next.  Direct write() calls fail at once.  fsync, close
 * (fclose and close) and rename fail without acting, except close, which
 * closes and then reports the failure, as NFS can. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum call { C_WRITE, C_FSYNC, C_CLOSE, C_RENAME, C_MKDIR, C__N };
static const char *const call_names[C__N] = { "write", "fsync", "close", "rename", "mkdir" };

static struct {
	int ready;
	enum call call;
	long nth;
	int onward;
	const char *pattern;
	int err;
	const char *log;
	int stop;
	long seen[C__N];
	int busy; /* inside the shim: our own calls are not counted */
} S;

static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f)
		abort();
	return f;
}

static int parse_errno(const char *s, int dflt)
{
	static const struct { const char *name; int e; } t[] = {
		{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES }, { "EROFS", EROFS },
		{ "EDQUOT", EDQUOT }, { "EPERM", EPERM }, { "EXDEV", EXDEV }, { "EEXIST", EEXIST },
	};
	for (size_t i = 0; s && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(s, t[i].name))
			return t[i].e;
	return dflt;
}

static void setup(void)
{
	if (S.ready)
		return;
	S.ready = 1;
	S.call = C__N;
	const char *f = getenv("FAILIO_FAIL");
	if (!f)
		return;
	for (int c = 0; c < C__N; c++) {
		size_t n = strlen(call_names[c]);
		if (!strncmp(f, call_names[c], n) && f[n] == ':') {
			char *end;
			S.nth = strtol(f + n + 1, &end, 10);
			S.onward = *end == '+';
			S.call = S.nth > 0 ? (enum call)c : C__N;
		}
	}
	S.pattern = getenv("FAILIO_PATH") ? getenv("FAILIO_PATH") : "/*";
	S.err = parse_errno(getenv("FAILIO_ERRNO"),
			    S.call == C_WRITE ? ENOSPC : S.call == C_MKDIR ? EEXIST : EIO);
	S.log = getenv("FAILIO_LOG");
	S.stop = getenv("FAILIO_STOP") != NULL;
}

static void fd_name(int fd, char *out, size_t size)
{
	if (fd == 1 || fd == 2) {
		snprintf(out, size, fd == 1 ? "<stdout>" : "<stderr>");
		return;
	}
	char link[64];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, out, size - 1);
	out[n > 0 ? n : 0] = '\0';
}

/* path made absolute against the working folder, as /proc names fds */
static void absolute(const char *path, char *out, size_t size)
{
	char cwd[2048];
	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		snprintf(out, size, "%s", path);
	else
		snprintf(out, size, "%s/%s", cwd, path);
}

static void note(enum call c, const char *name)
{
	if (!S.log)
		return;
	int fd = ((int (*)(const char *, int, ...))real("open"))(S.log, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0)
		return;
	char line[4400];
	int n = snprintf(line, sizeof line, "failio: %s #%ld on %s: %s\n", call_names[c], S.seen[c], name,
			 strerror(S.err));
	ssize_t (*w)(int, const void *, size_t) = real("write");
	if (n > 0)
		(void)w(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	((int (*)(int))real("close"))(fd);
}

/* Is this call on this file to fail?  The file is fd, or path, or
 * either of two paths (rename's). */
static int should_fail2(enum call c, int fd, const char *path, const char *path2)
{
	setup();
	if (S.busy || S.call != c)
		return 0;
	char name[4096];
	if (path) {
		absolute(path, name, sizeof name);
	} else {
		/* only descriptors open for writing: not the files a library reads */
		int fl = fcntl(fd, F_GETFL);
		if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)
			return 0;
		fd_name(fd, name, sizeof name);
	}
	if (fnmatch(S.pattern, name, 0) != 0) {
		if (!path2)
			return 0;
		absolute(path2, name, sizeof name);
		if (fnmatch(S.pattern, name, 0) != 0)
			return 0;
	}
	long n = ++S.seen[c];
	if (n == S.nth || (S.onward && n > S.nth)) {
		S.busy = 1;
		note(c, name);
		S.busy = 0;
		if (S.stop) {
			raise(SIGSTOP);
			return 0;
		}
		return 1;
	}
	return 0;
}

static int should_fail(enum call c, int fd, const char *path)
{
	return should_fail2(c, fd, path, NULL);
}

/* Point fd at /dev/full: whatever is written to it from now on fails. */
static void poison(int fd)
{
	S.busy = 1;
	int full = ((int (*)(const char *, int, ...))real("open"))("/dev/full", O_WRONLY);
	if (full >= 0) {
		dup2(full, fd);
		((int (*)(int))real("close"))(full);
	}
	S.busy = 0;
}

/* ---- direct calls ---------------------------------------------------------- */

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*f)(int, const void *, size_t);
	if (!f)
		f = real("write");
	if (should_fail(C_WRITE, fd, NULL)) {
		errno = S.err;
		return -1;
	}
	return f(fd, buf, n);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	static ssize_t (*f)(int, const struct iovec *, int);
	if (!f)
		f = real("writev");
	if (should_fail(C_WRITE, fd, NULL)) {
		errno = S.err;
		return -1;
	}
	return f(fd, iov, cnt);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*f)(int, const void *, size_t, off_t);
	if (!f)
		f = real("pwrite");
	if (should_fail(C_WRITE, fd, NULL)) {
		errno = S.err;
		return -1;
	}
	return f(fd, buf, n, off);
}

int fsync(int fd)
{
	static int (*f)(int);
	if (!f)
		f = real("fsync");
	if (should_fail(C_FSYNC, fd, NULL)) {
		errno = S.err;
		return -1;
	}
	return f(fd);
}

int fdatasync(int fd)
{
	static int (*f)(int);
	if (!f)
		f = real("fdatasync");
	if (should_fail(C_FSYNC, fd, NULL)) {
		errno = S.err;
		return -1;
	}
	return f(fd);
}

int close(int fd)
{
	static int (*f)(int);
	if (!f)
		f = real("close");
	int fail = should_fail(C_CLOSE, fd, NULL);
	int rc = f(fd);
	if (fail) {
		errno = S.err;
		return -1;
	}
	return rc;
}

int rename(const char *from, const char *to)
{
	static int (*f)(const char *, const char *);
	if (!f)
		f = real("rename");
	if (should_fail2(C_RENAME, -1, to, from)) {
		errno = S.err;
		return -1;
	}
	return f(from, to);
}

int mkdir(const char *path, mode_t mode)
{
	static int (*f)(const char *, mode_t);
	if (!f)
		f = real("mkdir");
	if (should_fail(C_MKDIR, -1, path)) {
		f(path, mode); /* another process wins the race */
		errno = S.err;
		return -1;
	}
	return f(path, mode);
}

/* ---- stdio ----------------------------------------------------------------- */

/* A write-like call on stream fp: when it is to fail, poison its fd. */
static void stream_write(FILE *fp)
{
	int fd = fileno(fp);
	if (fd >= 0 && should_fail(C_WRITE, fd, NULL))
		poison(fd);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	static size_t (*f)(const void *, size_t, size_t, FILE *);
	if (!f)
		f = real("fwrite");
	stream_write(fp);
	return f(p, size, n, fp);
}

int fputs(const char *s, FILE *fp)
{
	static int (*f)(const char *, FILE *);
	if (!f)
		f = real("fputs");
	stream_write(fp);
	return f(s, fp);
}

int fputc(int c, FILE *fp)
{
	static int (*f)(int, FILE *);
	if (!f)
		f = real("fputc");
	stream_write(fp);
	return f(c, fp);
}

int vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	static int (*f)(FILE *, const char *, va_list);
	if (!f)
		f = real("vfprintf");
	stream_write(fp);
	return f(fp, fmt, ap);
}

int fprintf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfprintf(fp, fmt, ap);
	va_end(ap);
	return rc;
}

int fclose(FILE *fp)
{
	static int (*f)(FILE *);
	if (!f)
		f = real("fclose");
	int fd = fileno(fp);
	int fail = fd >= 0 && should_fail(C_CLOSE, fd, NULL);
	int rc = f(fp);
	if (fail) {
		errno = S.err;
		return EOF;
	}
	return rc;
}
