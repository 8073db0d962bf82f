/* soan.c - the program: main() runs the command line of cli/commands.c,
 * which tests and fuzzers call in-process through soan_main(), and
 * closes standard output, whose close can report what its writes did not
 * (a full disk on NFS). */
#include "soan.h"

#include <errno.h>
#include <string.h>

int main(int argc, char **argv)
{
	int rc = soan_main(argc, argv, stderr);
	/* EBADF: standard output was closed and nothing was written to it */
	if (fclose(stdout) != 0 && errno != EBADF && rc != SOAN_ENV) {
		fprintf(stderr, "soan: cannot write to standard output: %s\n", strerror(errno));
		rc = SOAN_ENV;
	}
	return rc;
}
