/* commands.c - the command table and the dispatcher: soan_main() reads
 * the command name and the global options (--help, --version, help CMD)
 * and hands the rest to the command's own cmd_NAME() (one file each in
 * cli/).  Adding a command is a row here and a file beside this one. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/base/xmlsafe.h"
#include "soan.h"

static const char usage_main[] =
    "usage: soan COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "soan reads Vietnamese administrative plans (Kế hoạch) as DOCX, PDF,\n"
    "text or markdown, extracts their structure as plan XML, and writes\n"
    "plans and report forms as DOCX and PDF.\n"
    "\n"
    "Commands:\n";

const struct command soan_commands[] = {
    {"extract", cmd_extract, "read plans and print their structure as plan XML", usage_extract},
    {"validate", cmd_validate, "check plan XML files against the schema", usage_validate},
    {"generate", cmd_generate, "write a plan as DOCX, PDF or its layout (.fo)", usage_generate},
    {"rollover", cmd_rollover, "draft next year's plan from last year's, listing every change",
     usage_rollover},
    {"report", cmd_report, "write the annual report form for a plan, or one per agency",
     usage_report},
    {NULL, NULL, NULL, NULL},
};

static void print_main_help(FILE *out)
{
	fputs(usage_main, out);
	for (const struct command *c = soan_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fputs("\n"
	      "Run 'soan help COMMAND' for a command's options.\n"
	      "Exit status: 0 done, 1 an input was rejected, 2 usage error,\n"
	      "3 the environment failed (font, output folder, disk).\n",
	      out);
}

static int run(int argc, char **argv, FILE *err)
{
	if (argc < 2) {
		print_main_help(err);
		return SOAN_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		print_main_help(stdout);
		return SOAN_OK;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("soan %s\n", SOAN_VERSION);
		return SOAN_OK;
	}
	if (!strcmp(cmd, "help")) {
		if (argc < 3) {
			print_main_help(stdout);
			return SOAN_OK;
		}
		if (!command_find(argv[2]))
			return cli_usage_error(err, NULL, "unknown command '%s'", argv[2]);
		return cli_help(argv[2]);
	}
	const struct command *c = command_find(cmd);
	if (!c)
		return cli_usage_error(err, NULL, "unknown command '%s'", cmd);
	return c->fn(argc - 1, argv + 1, err);
}

int soan_main(int argc, char **argv, FILE *err)
{
	xmlsafe_init();
	return cli_finish_stdout(run(argc, argv, err), err);
}

const struct command *command_find(const char *name)
{
	for (const struct command *c = soan_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int cli_help(const char *cmd)
{
	const struct command *c = command_find(cmd);
	if (!c)
		return SOAN_USAGE;
	fputs(c->usage, stdout);
	return SOAN_OK;
}
