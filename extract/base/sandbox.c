/* sandbox.c - a child process under limits (see sandbox.h).  Owns the
 * fork, the child's CPU limit and libxml2 memory budget, the bounded
 * pipe back to the parent and the reading of how the child ended.  Never
 * prints. */
#include "extract/base/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlmemory.h>

/* The child's own exit statuses for the limits it notices itself. */
enum { EXIT_TIME = 124, EXIT_MEMORY = 125, EXIT_OUTPUT = 126 };

/* The child's budget: what libxml2 holds, by malloc_usable_size().
 * Signed: blocks allocated before the fork and freed in the child were
 * never counted. */
static long long budget, held;
static size_t output_limit, written;

static void *budget_malloc(size_t n)
{
	if ((long long)n > budget - held)
		_exit(EXIT_MEMORY);
	void *p = malloc(n);
	if (!p)
		_exit(EXIT_MEMORY);
	held += (long long)malloc_usable_size(p);
	return p;
}

static void *budget_realloc(void *p, size_t n)
{
	long long old = p ? (long long)malloc_usable_size(p) : 0;
	if ((long long)n > old && (long long)n - old > budget - held)
		_exit(EXIT_MEMORY);
	void *q = realloc(p, n);
	if (!q && n)
		_exit(EXIT_MEMORY);
	held += (q ? (long long)malloc_usable_size(q) : 0) - old;
	return q;
}

static void budget_free(void *p)
{
	if (p)
		held -= (long long)malloc_usable_size(p);
	free(p);
}

static char *budget_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = budget_malloc(n);
	memcpy(p, s, n);
	return p;
}

/* What the child writes goes out a pipe's capacity at a time, so that a
 * small result wakes the parent once. */
static char pending[65536];
static size_t npending;

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int sandbox_write(int fd, const void *data, size_t len)
{
	if (len > output_limit - written)
		_exit(EXIT_OUTPUT);
	written += len;
	if (npending + len > sizeof pending) {
		if (write_all(fd, pending, npending) < 0)
			return -1;
		npending = 0;
	}
	if (len > sizeof pending)
		return write_all(fd, data, len);
	memcpy(pending + npending, data, len);
	npending += len;
	return 0;
}

/* The soft CPU limit: end quietly (a tool such as valgrind would
 * describe a death by SIGXCPU on stderr); the hard one is SIGKILL. */
static void out_of_time(int sig)
{
	(void)sig;
	_exit(EXIT_TIME);
}

static void child(const struct sandbox *s, int (*work)(void *, int), void *arg, int fd)
{
	signal(SIGXCPU, out_of_time);
	signal(SIGPIPE, SIG_DFL);
	struct rlimit rl;
	if (getrlimit(RLIMIT_CPU, &rl) == 0) {
		rlim_t soft = s->cpu_seconds, hard = (rlim_t)s->cpu_seconds + 1;
		if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < hard)
			hard = rl.rlim_max, soft = soft < hard ? soft : hard;
		rl.rlim_cur = soft;
		rl.rlim_max = hard;
		setrlimit(RLIMIT_CPU, &rl);
	}
	if (s->memory) {
		budget = (long long)s->memory;
		held = 0;
		xmlMemSetup(budget_free, budget_malloc, budget_realloc, budget_strdup);
	}
	output_limit = s->output;
	written = npending = 0;
	int rc = work(arg, fd);
	if (write_all(fd, pending, npending) < 0 && rc == 0)
		rc = 119;
	close(fd);
	_exit(rc >= 0 && rc < 120 ? rc : 119);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Read what the child sends until it closes the pipe (SANDBOX_DONE), or
 * the output limit or the deadline passes (the reason to kill it). */
static enum sandbox_end collect(int fd, const struct sandbox *s, double deadline, struct buf *out)
{
	char chunk[65536];
	for (;;) {
		double left = deadline - now();
		if (left <= 0)
			return SANDBOX_WALL;
		struct pollfd p = {fd, POLLIN, 0};
		int r = poll(&p, 1, left > 1000 ? 1000000 : (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue; /* the deadline is checked above */
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return SANDBOX_DONE;
		if ((size_t)n > s->output - out->len)
			return SANDBOX_OUTPUT;
		buf_add(out, chunk, (size_t)n);
	}
}

enum sandbox_end sandbox_run(const struct sandbox *s, int (*work)(void *arg, int fd), void *arg,
                             struct buf *out, int *status)
{
	int fds[2];
	*status = 0;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		*status = errno;
		return SANDBOX_ERROR;
	}
	pid_t pid = fork();
	if (pid < 0) {
		*status = errno;
		close(fds[0]);
		close(fds[1]);
		return SANDBOX_ERROR;
	}
	if (pid == 0) {
		close(fds[0]);
		child(s, work, arg, fds[1]);
	}
	close(fds[1]);
	double deadline = now() + s->wall_seconds;
	enum sandbox_end killed = collect(fds[0], s, deadline, out);
	close(fds[0]);
	if (killed != SANDBOX_DONE)
		kill(pid, SIGKILL);
	/* the child ends right after closing the pipe (or was killed) */
	int st = 0;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			*status = errno;
			return SANDBOX_ERROR;
		}
	}
	if (killed != SANDBOX_DONE)
		return killed;
	if (WIFEXITED(st)) {
		if (WEXITSTATUS(st) == EXIT_TIME)
			return SANDBOX_TIME;
		if (WEXITSTATUS(st) == EXIT_MEMORY)
			return SANDBOX_MEMORY;
		if (WEXITSTATUS(st) == EXIT_OUTPUT)
			return SANDBOX_OUTPUT;
		*status = WEXITSTATUS(st);
		return SANDBOX_DONE;
	}
	int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	if (sig == SIGXCPU || sig == SIGKILL) /* the soft, then the hard CPU limit */
		return SANDBOX_TIME;
	*status = sig;
	return SANDBOX_CRASHED;
}
