/* soan.h - the public interface of soan for the CLI, tests and fuzzers.
 *
 * soan reads Vietnamese administrative plans (DOCX, PDF, text, markdown),
 * extracts their structure as plan XML, and writes plans and report forms
 * as DOCX and PDF.  See README.md and soan.1. */
#ifndef SOAN_H
#define SOAN_H

#include <stdio.h>

#define SOAN_VERSION "0.1.0"

/* Exit statuses, as in soan.1 EXIT STATUS. */
enum soan_exit {
	SOAN_OK = 0,
	SOAN_REJECTED = 1, /* an input was rejected (a batch still did the rest) */
	SOAN_USAGE = 2,    /* the command line is wrong */
	SOAN_ENV = 3,      /* the environment failed: font, output folder, disk */
};

/* Run the command line; messages go to err, documents to stdout.
 * Returns an enum soan_exit. */
int soan_main(int argc, char **argv, FILE *err);

#endif
