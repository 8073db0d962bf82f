/* cmd_validate.c - `soan validate`: check plan XML files against the schema. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cli/cli.h"
#include "extract/base/xmlsafe.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "extract/read/readers.h"
#include "soan.h"

const char usage_validate[] =
    "usage: soan validate FILE.xml...\n"
    "\n"
    "Check plan XML files against soan's schema (extract/plan/plan.rng).  Prints\n"
    "one line per invalid file naming the first problem.\n"
    "\n"
    "  -q, --quiet    print nothing for valid files\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 all valid, 1 a file is invalid, 2 usage error,\n"
    "3 the schema could not be loaded.\n";

int cmd_validate(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int quiet = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'h': return cli_help("validate");
		default:
			return cli_usage_error(err, "validate", "unknown option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error(err, "validate", "no input file");
	int status = SOAN_OK;
	for (int i = optind; i < argc; i++) {
		struct diag d;
		diag_init(&d, argv[i]);
		unsigned char *data = NULL;
		size_t len = 0;
		xmlDocPtr doc = NULL;
		if (load_file(argv[i], &data, &len, &d) == 0 &&
		    (doc = xmlsafe_parse(NULL, data, len, 0, &d)) != NULL &&
		    plan_validate(doc, &d) == 0) {
			if (!quiet)
				diag_line(stdout, "%s: valid", argv[i]);
		} else {
			int rc = cli_status(&d);
			if (rc > status || status == SOAN_OK)
				status = rc;
		}
		cli_report(&d, err);
		if (doc)
			xmlFreeDoc(doc);
		free(data);
		diag_release(&d);
	}
	return status;
}
