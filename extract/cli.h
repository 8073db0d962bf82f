/* cli.h - what the command files share: the command table's row type,
 * option parsing conventions and output helpers.  Only the CLI prints.
 *
 * A command is `int cmd_NAME(int argc, char **argv, FILE *err)` returning
 * an enum soan_exit.  It parses its own options with getopt_long (argv[0]
 * is the command name), prints documents to stdout or files, and messages
 * to err.  --help prints the command's usage to stdout and returns 0;
 * misuse prints "soan NAME: problem" and a pointer to --help on err and
 * returns SOAN_USAGE. */
#ifndef SOAN_CLI_H
#define SOAN_CLI_H

#include <stdio.h>

#include <libxml/tree.h>

#include "diag.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv, FILE *err);
	const char *summary; /* one line for `soan --help` */
	const char *usage;   /* full help text for `soan help NAME` */
};

/* The table, defined in soan.c. */
extern const struct command soan_commands[];
const struct command *command_find(const char *name);

int cli_usage_error(FILE *err, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int cli_help(const char *cmd);

/* Exit status for a failed diag: 1 input, 3 environment, 2 usage. */
int cli_status(const struct diag *d);
/* Print d's lines to err (error and warnings). */
void cli_report(const struct diag *d, FILE *err);

/* Write a plan XML document to path ("-" or NULL: stdout), atomically. */
int cli_write_xml(xmlDocPtr doc, const char *path, struct diag *d);
/* Write bytes to path ("-" or NULL: stdout), atomically. */
int cli_write_bytes(const char *path, const void *data, size_t len, struct diag *d);

/* Commands (one file each). */
int cmd_extract(int argc, char **argv, FILE *err);
int cmd_validate(int argc, char **argv, FILE *err);
int cmd_generate(int argc, char **argv, FILE *err); /* generate/cmd_generate.c */

extern const char usage_extract[];
extern const char usage_validate[];
extern const char usage_generate[];

#endif
