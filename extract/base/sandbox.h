/* sandbox.h - running untrusted work in a child process under limits.
 *
 * Some work cannot be bounded from inside: a user's XSLT template is a
 * program, and libxslt has no clock and no memory budget.  sandbox_run()
 * forks; the child sets its CPU time limit (RLIMIT_CPU), counts what
 * libxml2 and libxslt allocate (xmlMemSetup) against a budget, does the
 * work and sends its result back through a pipe, bounded in size; the
 * parent reads it, waits, and says how the child ended.  The child never
 * returns into the caller: it ends with _exit(), so it flushes no stdio
 * buffer and runs no atexit handler of the parent's.
 *
 * The memory budget counts libxml2's allocations only (xmlMalloc and
 * friends), which is where a template's memory goes: trees, strings,
 * node-sets, dictionaries.  A limit on the child's address space
 * (RLIMIT_AS) would also fail under ASan, which reserves terabytes. */
#ifndef SOAN_SANDBOX_H
#define SOAN_SANDBOX_H

#include <stddef.h>

#include "extract/base/buf.h"

struct sandbox {
	unsigned cpu_seconds;  /* RLIMIT_CPU of the child */
	unsigned wall_seconds; /* the parent kills the child after this long */
	size_t memory;         /* bytes libxml2 may hold in the child; 0: unbounded */
	size_t output;         /* bytes the child may send back */
};

enum sandbox_end {
	SANDBOX_DONE,    /* the child exited: its status in *status, its bytes in out */
	SANDBOX_TIME,    /* it passed cpu_seconds */
	SANDBOX_WALL,    /* it was still running after wall_seconds */
	SANDBOX_MEMORY,  /* it passed memory */
	SANDBOX_OUTPUT,  /* it sent more than output bytes */
	SANDBOX_CRASHED, /* another signal ended it: the signal in *status */
	SANDBOX_ERROR,   /* it could not be run (pipe, fork): errno in *status */
};

/* Run work(arg, fd) in a child under the limits in s; what it writes to
 * fd with sandbox_write() comes back in out (bounded by s->output), and
 * its return value (0 to 119) is the child's exit status. */
enum sandbox_end sandbox_run(const struct sandbox *s, int (*work)(void *arg, int fd), void *arg,
                             struct buf *out, int *status);

/* In the child: write len bytes to fd; passing the output limit ends the
 * child at once.  Returns 0, or -1 when the parent has gone. */
int sandbox_write(int fd, const void *data, size_t len);

#endif
