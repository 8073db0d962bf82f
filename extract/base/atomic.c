/* atomic.c - complete-or-absent output files (see atomic.h).
 *
 * Owns: deciding how an output name is written (an own descriptor, a
 * device or pipe, a socket, a regular file), the temporary files with
 * their names and locks, the renames and their undoing, and removing
 * temporaries whose owner is gone.  Writes only the bytes it is given
 * and records problems in a struct diag; never prints. */
#include "extract/base/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "extract/base/xalloc.h"

#define TEMP_TAG  ".soan-tmp-"
#define TEMP_RAND 6
/* what a temporary name adds to the target's: "." before, tag and
 * random letters after */
#define TEMP_EXTRA (1 + sizeof TEMP_TAG - 1 + TEMP_RAND)

enum how {
	TO_FD,     /* one of the process's descriptors ("-" is 1) */
	TO_DEVICE, /* a character device or a FIFO, opened */
	TO_SOCKET, /* a Unix socket, connected */
	TO_FILE,   /* a regular file: temporary, then rename */
};

struct job {
	const struct atomic_out *o;
	enum how how;
	int fd;         /* TO_FD: the descriptor */
	char *target;   /* TO_FILE: the name renamed over (links followed) */
	int existed;    /* TO_FILE: the target existed, as st says */
	struct stat st; /* TO_FILE: the existing target */
	char *tmp;      /* the temporary, while it exists */
	int tmpfd;      /* written through; closed before the rename */
	int lockfd;     /* the same open file: holds the lock until the end */
	char *backup;   /* a hard link to the replaced file, for undoing */
	int backfd;     /* holds the backup's lock */
	int renamed;
};

static int fail(struct diag *d, const struct job *j, int e)
{
	if (!strcmp(j->o->path, "-"))
		return diag_env(d, "cannot write to standard output: %s", strerror(e));
	return diag_env(d, "cannot write output file '%s': %s", j->o->path, strerror(e));
}

/* Write all of len bytes to fd; 0 or an errno. */
static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 ? errno : EIO;
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

/* ---- names of the process's own descriptors ---------------------------------------- */

/* N when path is N in this process's /proc/PID/fd (as /dev/fd/N and
 * /proc/self/fd/N are), else -1.  Only names ending in digits reach
 * realpath(). */
static int fd_in_proc(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || !slash[1] || strlen(slash + 1) > 9 ||
	    strspn(slash + 1, "0123456789") != strlen(slash + 1))
		return -1;
	char *dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	char *real = realpath(dir, NULL);
	char want[64];
	snprintf(want, sizeof want, "/proc/%ld/fd", (long)getpid());
	int fd = real && !strcmp(real, want) ? atoi(slash + 1) : -1;
	free(real);
	free(dir);
	return fd;
}

/* The descriptor path names, following symbolic links one at a time
 * (/dev/stdout -> /proc/self/fd/1), or -1.  Following them all at once
 * would open the file behind the descriptor anew: truncating a file
 * opened for appending, or missing that it is our standard output. */
static int own_fd(const char *path)
{
	char *cur = xstrdup(path);
	int fd = -1;
	for (int hop = 0; hop < 16 && (fd = fd_in_proc(cur)) < 0; hop++) {
		struct stat st;
		char link[PATH_MAX];
		ssize_t k;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode) ||
		    (k = readlink(cur, link, sizeof link - 1)) <= 0)
			break;
		link[k] = '\0';
		const char *slash = strrchr(cur, '/');
		char *next = link[0] == '/' || !slash
		                 ? xstrdup(link)
		                 : xasprintf("%.*s/%s", (int)(slash - cur), cur, link);
		free(cur);
		cur = next;
	}
	free(cur);
	return fd;
}

/* ---- temporary names ----------------------------------------------------------------- */

static void random_tag(char out[TEMP_RAND + 1])
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned long counter;
	unsigned char r[TEMP_RAND];
	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		unsigned long x = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16) ^
		                  (++counter * 2654435761u);
		for (size_t i = 0; i < sizeof r;
		     i++, x = x * 6364136223846793005u + 1442695040888963407u)
			r[i] = (unsigned char)(x >> 33);
	}
	for (size_t i = 0; i < TEMP_RAND; i++)
		out[i] = abc[r[i] % (sizeof abc - 1)];
	out[TEMP_RAND] = '\0';
}

/* DIR/.NAME.soan-tmp-TAG beside target, NAME cut (at a character's
 * start) so that the whole fits NAME_MAX. */
static char *temp_name(const char *target, const char *tag)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	int dirlen = slash ? (int)(slash - target) + 1 : 0;
	size_t n = strlen(base);
	if (n > NAME_MAX - TEMP_EXTRA) {
		n = NAME_MAX - TEMP_EXTRA;
		while (n && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	return xasprintf("%.*s.%.*s" TEMP_TAG "%s", dirlen, target, (int)n, base, tag);
}

int atomic_is_temp_name(const char *name)
{
	size_t n = strlen(name), t = sizeof TEMP_TAG - 1;
	if (n < TEMP_EXTRA || name[0] != '.')
		return 0;
	const char *tag = name + n - TEMP_RAND;
	if (strncmp(tag - t, TEMP_TAG, t) != 0)
		return 0;
	for (size_t i = 0; i < TEMP_RAND; i++)
		if (!((tag[i] >= 'A' && tag[i] <= 'Z') || (tag[i] >= 'a' && tag[i] <= 'z') ||
		      (tag[i] >= '0' && tag[i] <= '9')))
			return 0;
	return 1;
}

/* Is the name still the file open as fd? */
static int same_file(int fd, int dirfd, const char *name)
{
	struct stat a, b;
	return fstat(fd, &a) == 0 && fstatat(dirfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Remove the temporaries in dir whose lock nobody holds: their owner was
 * killed.  Once per folder per process (a batch writes many files into
 * one folder).  A temporary just created by another process and not yet
 * locked may be taken for a stale one: its owner sees that its name is
 * gone once it holds the lock, and makes another (create_temp). */
static void clean_stale(const char *dir)
{
	static struct {
		dev_t dev;
		ino_t ino;
	} done[16];
	static unsigned ndone;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	if (dfd < 0)
		return;
	if (fstat(dfd, &st) != 0)
		goto out;
	for (unsigned i = 0; i < ndone && i < 16; i++)
		if (done[i].dev == st.st_dev && done[i].ino == st.st_ino)
			goto out;
	done[ndone % 16].dev = st.st_dev;
	done[ndone % 16].ino = st.st_ino;
	ndone++;
	int lfd = fcntl(dfd, F_DUPFD_CLOEXEC, 0);
	DIR *dp = lfd >= 0 ? fdopendir(lfd) : NULL;
	if (!dp) {
		if (lfd >= 0)
			close(lfd);
		goto out;
	}
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!atomic_is_temp_name(de->d_name))
			continue;
		int fd = openat(dfd, de->d_name,
		                O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat fst;
		if (fstat(fd, &fst) == 0 && S_ISREG(fst.st_mode) &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0 && same_file(fd, dfd, de->d_name))
			unlinkat(dfd, de->d_name, 0);
		close(fd);
	}
	closedir(dp);
out:
	close(dfd);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* ---- one output ---------------------------------------------------------------------- */

/* How j is written; refuses what must not be written over. */
static int classify(struct job *j, struct diag *d)
{
	const char *path = j->o->path;
	int fd = !strcmp(path, "-") ? 1 : own_fd(path);
	if (fd >= 0) {
		int fl = fcntl(fd, F_GETFL);
		if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)
			return fail(d, j, EBADF);
		j->how = TO_FD;
		j->fd = fd;
		return 0;
	}
	struct stat st, lst;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return fail(d, j, errno);
		/* new (a dangling symbolic link is replaced) */
		j->how = TO_FILE;
		j->target = xstrdup(path);
		return 0;
	}
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
		j->how = TO_DEVICE;
		return 0;
	}
	if (S_ISSOCK(st.st_mode)) {
		j->how = TO_SOCKET;
		return 0;
	}
	if (S_ISDIR(st.st_mode))
		return diag_env(d, "cannot write output file '%s': it is a folder", path);
	if (!S_ISREG(st.st_mode))
		return diag_env(d, "cannot write output file '%s': it is a %s, not replaced", path,
		                S_ISBLK(st.st_mode) ? "block device" : "special file");
	if (st.st_nlink > 1)
		return diag_env(d,
		                "cannot write output file '%s': it has %ju hard links, and "
		                "replacing it would break them (remove it first)",
		                path, (uintmax_t)st.st_nlink);
	j->how = TO_FILE;
	j->existed = 1;
	j->st = st;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		char *real = realpath(path, NULL);
		if (!real)
			return fail(d, j, errno);
		j->target = xstrdup(real);
		free(real);
	} else {
		j->target = xstrdup(path);
	}
	return 0;
}

/* A new temporary beside j->target, locked, in j->tmp, j->tmpfd and
 * j->lockfd. */
static int create_temp(struct job *j, struct diag *d)
{
	for (int tries = 0; tries < 100; tries++) {
		char tag[TEMP_RAND + 1];
		random_tag(tag);
		char *tmp = temp_name(j->target, tag);
		int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			int e = errno;
			free(tmp);
			if (e == EEXIST)
				continue;
			return diag_env(d, "cannot create output file '%s': %s", j->o->path,
			                strerror(e));
		}
		/* locked and still under its name: else a cleaner took it for
		 * a stale one between the open and the lock, and removes it */
		if (flock(fd, LOCK_EX | LOCK_NB) == 0 && same_file(fd, AT_FDCWD, tmp)) {
			j->tmp = tmp;
			j->tmpfd = fd;
			j->lockfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
			if (j->lockfd < 0)
				return fail(d, j, errno);
			return 0;
		}
		close(fd);
		free(tmp);
	}
	return fail(d, j, EEXIST);
}

/* The permission bits of the file replaced (its owner where permitted),
 * or the usual 0666 minus umask for a new file. */
static void set_mode(struct job *j)
{
	if (!j->existed) {
		mode_t um = umask(0);
		umask(um);
		(void)fchmod(j->tmpfd, 0666 & ~um);
		return;
	}
	if (j->st.st_uid != geteuid() || j->st.st_gid != getegid()) {
		if (fchown(j->tmpfd, j->st.st_uid, j->st.st_gid) != 0) {
			/* not permitted: the new file is the writer's */
		}
	}
	(void)fchmod(j->tmpfd, j->st.st_mode & 07777);
}

static int write_temp(struct job *j, struct diag *d)
{
	char *dir = dir_of(j->target);
	clean_stale(dir);
	free(dir);
	if (create_temp(j, d) < 0)
		return -1;
	set_mode(j);
	int e = write_all(j->tmpfd, j->o->data, j->o->len);
	if (!e && fsync(j->tmpfd) != 0)
		e = errno;
	if (close(j->tmpfd) != 0 && !e)
		e = errno;
	j->tmpfd = -1;
	return e ? fail(d, j, e) : 0;
}

/* A locked hard link to the file about to be replaced, so that the
 * rename can be undone; none where the file system has no hard links. */
static void make_backup(struct job *j)
{
	int fd = open(j->target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &st) == 0 && st.st_ino == j->st.st_ino &&
	    st.st_dev == j->st.st_dev) {
		for (int tries = 0; tries < 100; tries++) {
			char tag[TEMP_RAND + 1];
			random_tag(tag);
			char *name = temp_name(j->target, tag);
			if (link(j->target, name) == 0) {
				if (same_file(fd, AT_FDCWD, name)) {
					j->backup = name;
					j->backfd = fd;
					return;
				}
				unlink(name);
			}
			int e = errno;
			free(name);
			if (e != EEXIST)
				break;
		}
	}
	close(fd);
}

static int rename_temp(struct job *j, int undoable, struct diag *d)
{
	if (undoable && j->existed)
		make_backup(j);
	if (rename(j->tmp, j->target) != 0)
		return fail(d, j, errno);
	free(j->tmp);
	j->tmp = NULL;
	j->renamed = 1;
	return 0;
}

static int connect_socket(const char *path)
{
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		fd = -1;
	}
	return fd;
}

/* Straight into a descriptor, device, FIFO or socket. */
static int write_direct(struct job *j, struct diag *d)
{
	const struct atomic_out *o = j->o;
	int e = 0, fd;
	if (j->how == TO_FD && j->fd == 1) {
		/* through stdio, in order with what else went to stdout; a
		 * failure is reported here once, and forgotten by the stream */
		errno = 0;
		if ((o->len && fwrite(o->data, 1, o->len, stdout) != o->len) || fflush(stdout) != 0)
			e = errno ? errno : EIO;
		if (e) {
			__fpurge(stdout);
			clearerr(stdout);
		}
		return e ? fail(d, j, e) : 0;
	}
	if (j->how == TO_FD) {
		e = write_all(j->fd, o->data, o->len);
		return e ? fail(d, j, e) : 0;
	}
	if (j->how == TO_SOCKET) {
		fd = connect_socket(o->path);
	} else {
		fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		struct stat st;
		if (fd >= 0 &&
		    (fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))) {
			close(fd);
			return diag_env(d,
			                "cannot write output file '%s': it was replaced while soan "
			                "was writing",
			                o->path);
		}
	}
	if (fd < 0)
		return fail(d, j, errno);
	e = write_all(fd, o->data, o->len);
	if (close(fd) != 0 && !e)
		e = errno;
	return e ? fail(d, j, e) : 0;
}

static void undo(struct job *j)
{
	if (!j->renamed)
		return;
	if (j->backup) {
		if (rename(j->backup, j->target) == 0) {
			free(j->backup);
			j->backup = NULL;
		}
	} else if (!j->existed) {
		unlink(j->target);
	}
	j->renamed = 0;
}

static void release(struct job *j)
{
	if (j->tmpfd >= 0)
		close(j->tmpfd);
	if (j->tmp)
		unlink(j->tmp); /* still locked: no cleaner has it */
	if (j->lockfd >= 0)
		close(j->lockfd);
	if (j->backup)
		unlink(j->backup);
	if (j->backfd >= 0)
		close(j->backfd);
	free(j->tmp);
	free(j->backup);
	free(j->target);
}

int atomic_write_all(const struct atomic_out *outs, size_t n, struct diag *d)
{
	struct job *jobs = xcalloc(n ? n : 1, sizeof *jobs);
	int rc = -1;
	for (size_t i = 0; i < n; i++) {
		jobs[i].o = &outs[i];
		jobs[i].fd = jobs[i].tmpfd = jobs[i].lockfd = jobs[i].backfd = -1;
	}
	for (size_t i = 0; i < n; i++)
		if (classify(&jobs[i], d) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (jobs[i].how == TO_FILE && write_temp(&jobs[i], d) < 0)
			goto out;
	for (size_t i = 0; i < n; i++)
		if (jobs[i].how == TO_FILE && rename_temp(&jobs[i], n > 1, d) < 0)
			goto undo;
	for (size_t i = 0; i < n; i++)
		if (jobs[i].how != TO_FILE && write_direct(&jobs[i], d) < 0)
			goto undo;
	rc = 0;
	goto out;
undo:
	for (size_t i = 0; i < n; i++)
		undo(&jobs[i]);
out:
	for (size_t i = 0; i < n; i++)
		release(&jobs[i]);
	free(jobs);
	return rc;
}

int atomic_write(const char *path, const void *data, size_t len, struct diag *d)
{
	struct atomic_out o = {path, data, len};
	return atomic_write_all(&o, 1, d);
}
