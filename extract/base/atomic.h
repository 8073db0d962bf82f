/* atomic.h - write an output file so that it is either complete or absent.
 *
 * atomic_open() creates a temporary file beside the target; the caller
 * writes through the returned FILE*; atomic_commit() flushes, fsyncs and
 * renames it over the target; atomic_abort() removes it.  On any failure
 * nothing is left behind.  The input files are never opened for writing. */
#ifndef SOAN_ATOMIC_H
#define SOAN_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

#include "extract/base/diag.h"

struct atomic_file {
	FILE *fp;
	char *target;
	char *tmp;
};

int atomic_open(struct atomic_file *af, const char *target, struct diag *d);
/* Returns 0, or -1 with an environment error in d; the file is removed. */
int atomic_commit(struct atomic_file *af, struct diag *d);
void atomic_abort(struct atomic_file *af);
/* Write len bytes to target atomically. */
int atomic_write(const char *target, const void *data, size_t len, struct diag *d);

#endif
