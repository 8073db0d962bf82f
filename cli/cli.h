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

#include "extract/base/diag.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv, FILE *err);
	const char *summary; /* one line for `soan --help` */
	const char *usage;   /* full help text for `soan help NAME` */
};

/* The table and the lookup, in cli/commands.c. */
extern const struct command soan_commands[];
const struct command *command_find(const char *name);

int cli_usage_error(FILE *err, const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cli_help(const char *cmd);

/* Exit status for a failed diag: 1 input, 3 environment, 2 usage. */
int cli_status(const struct diag *d);
/* Print d's lines to err (error and warnings). */
void cli_report(const struct diag *d, FILE *err);

/* Write a plan XML document to path ("-" or NULL: stdout), as
 * atomic_write() does (extract/base/atomic.h). */
int cli_write_xml(xmlDocPtr doc, const char *path, struct diag *d);
/* Write bytes to path ("-" or NULL: stdout), as atomic_write() does. */
int cli_write_bytes(const char *path, const void *data, size_t len, struct diag *d);

/* Is out an existing file that is one of files[0..n) or more (when not
 * NULL), also through another name (a hard link, "./x")?  soan never
 * writes over an input. */
int cli_output_is_input(const char *out, char **files, int n, const char *more);

/* The output folder of a batch: created when missing, the last folder
 * of the path only (a mistyped parent is an error, not a new tree of
 * folders); another process creating it at the same moment is no error.
 * Returns 0, or SOAN_ENV after one line on err. */
int cli_outdir(const char *dir, FILE *err);

/* The outputs of one batch, so that no batch writes two outputs to one
 * name: the names it gave out, and the files (device and inode) it wrote,
 * which catches two names for one file as well (a case-insensitive file
 * system, a symbolic link). */
struct cli_outputs;
struct cli_outputs *cli_outputs_new(void);
void cli_outputs_free(struct cli_outputs *o);
/* Claim name for an output: 0, or -1 when an earlier output has it. */
int cli_outputs_claim(struct cli_outputs *o, const char *name);
/* Claim and return DIR/BASE.EXT, or the first of DIR/BASE-2.EXT,
 * DIR/BASE-3.EXT, ... not claimed yet (the caller frees it). */
char *cli_outputs_name(struct cli_outputs *o, const char *dir, const char *base, const char *ext);
/* Is the file path names now one this batch wrote? */
int cli_outputs_wrote(struct cli_outputs *o, const char *path);
/* Record that path was written. */
void cli_outputs_written(struct cli_outputs *o, const char *path);

/* At the end of a command: standard output flushed, and a write error on
 * it (a full disk, a closed pipe) reported as one line.  Returns rc, or
 * SOAN_ENV when standard output failed. */
int cli_finish_stdout(int rc, FILE *err);

/* A batch over input files (`--outdir DIR FILE...`): each output is
 * DIR/BASE.EXT (BASE: the input's name without its extension); a second
 * input with the same base name is refused, never written over, and so
 * is an output that is one of the inputs (or also_input), or a file
 * the batch wrote already under another name.  run()
 * converts one input into one output and returns an enum soan_exit; one
 * bad input never stops the others, except a usage error when
 * stop_on_usage is set (a bad parameter is bad for every input).  Prints
 * "soan: CMD: N VERB, M failed (names)" unless quiet, and returns the
 * batch's status: 3 if the environment failed, 2 on usage, 1 if an
 * input was rejected, else 0. */
struct cli_batch {
	const char *cmd;  /* "extract" */
	const char *verb; /* "converted" */
	const char *ext;  /* "xml", without the dot */
	int quiet;
	int stop_on_usage;
	FILE *err;
	const char *also_input; /* a file read for every input (a template), or NULL */
	int (*run)(void *ctx, const char *in, const char *out);
	void *ctx;
};
int cli_run_batch(const struct cli_batch *b, const char *outdir, char **files, int nfiles);

/* Commands (one file each, cli/cmd_NAME.c). */
int cmd_extract(int argc, char **argv, FILE *err);
int cmd_validate(int argc, char **argv, FILE *err);
int cmd_generate(int argc, char **argv, FILE *err); /* cli/cmd_generate.c */
int cmd_rollover(int argc, char **argv, FILE *err); /* cli/cmd_rollover.c */
int cmd_report(int argc, char **argv, FILE *err);   /* cli/cmd_report.c */

extern const char usage_extract[];
extern const char usage_validate[];
extern const char usage_generate[];
extern const char usage_rollover[];
extern const char usage_report[];

#endif
