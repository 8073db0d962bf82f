/* cmd_report.c - `soan report` (being written). */
#include <stdio.h>

#include "extract/cli.h"
#include "soan.h"

const char usage_report[] = "usage: soan report [OPTIONS] FILE -o OUTPUT\n";

int cmd_report(int argc, char **argv, FILE *err)
{
	(void)argc;
	(void)argv;
	fprintf(err, "soan report: not written yet\n");
	return SOAN_ENV;
}
