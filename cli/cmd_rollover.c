/* cmd_rollover.c - `soan rollover`: a plan (DOCX, PDF, text, markdown or
 * plan XML) to a draft of the next plan, as plan XML with change marks,
 * or through the plan template to DOCX, PDF or the layout; the change
 * list to --changes and a summary on stderr.  Only parses options, calls
 * the library and prints what it reports. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/base/atomic.h"
#include "extract/base/buf.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "generate/output.h"
#include "generate/transform/renames.h"
#include "generate/transform/rollover.h"
#include "soan.h"

const char usage_rollover[] =
    "usage: soan rollover [OPTIONS] FILE -o OUTPUT\n"
    "\n"
    "Write a draft of next year's plan from last year's: the plan's years\n"
    "move to the new year (title, period, timelines, fixed deadlines), the\n"
    "number and date become blanks, and bodies renamed in the 2025\n"
    "reorganisation get their new names, or are marked for you to choose\n"
    "where the new owner is ambiguous.  Legal references, dates of past\n"
    "events and periods that still run are left alone.  Every change is\n"
    "listed.  FILE is a plan as DOCX, PDF, text, markdown or plan XML.\n"
    "\n"
    "  -o, --output FILE      the draft; its extension picks the format:\n"
    "                         .xml (plan XML with change marks), .docx, .pdf,\n"
    "                         .fo (\"-\": plan XML on standard output)\n"
    "  -y, --year N           the new plan's first year (default: the year\n"
    "                         after the plan's own, read from its title and\n"
    "                         period, not from the date it was signed)\n"
    "  -c, --changes FILE     write the change list, one tab-separated line\n"
    "                         per change: XPath into the draft, old text, new\n"
    "                         text, rule (\"-\": standard output)\n"
    "      --track-changes    DOCX: show the changes as Word tracked changes\n"
    "      --renames FILE     the renaming table (default: soan's\n"
    "                         generate/transform/renames.tsv)\n"
    "      --no-renames       rename nothing\n"
    "      --no-marks         plan XML without change marks (changes accepted)\n"
    "  -q, --quiet            no summary on standard error\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 written, 1 the input was rejected, 2 usage error,\n"
    "3 the environment failed (table, template or font missing, output not\n"
    "written).\n";

int cmd_rollover(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},  {"year", required_argument, NULL, 'y'},
	    {"changes", required_argument, NULL, 'c'}, {"track-changes", no_argument, NULL, 'T'},
	    {"renames", required_argument, NULL, 'R'}, {"no-renames", no_argument, NULL, 'N'},
	    {"no-marks", no_argument, NULL, 'M'},      {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
	};
	const char *output = NULL, *changes = NULL, *renames_path = NULL;
	int year = 0, track = 0, no_renames = 0, quiet = 0, c;
	struct rollover_opts ro;
	memset(&ro, 0, sizeof ro);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:y:c:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'c': changes = optarg; break;
		case 'T': track = 1; break;
		case 'R': renames_path = optarg; break;
		case 'N': no_renames = 1; break;
		case 'M': ro.no_marks = 1; break;
		case 'q': quiet = 1; break;
		case 'y': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1900 || v > 2200)
				return cli_usage_error(err, "rollover",
				                       "--year wants a year such as 2027, not '%s'",
				                       optarg);
			year = (int)v;
			break;
		}
		case 'h': return cli_help("rollover");
		default:
			return cli_usage_error(err, "rollover", "unknown or incomplete option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error(err, "rollover", "no input file");
	if (argc - optind > 1)
		return cli_usage_error(err, "rollover", "one plan at a time");
	if (!output)
		return cli_usage_error(err, "rollover",
		                       "no output: give -o FILE (.xml, .docx, .pdf or .fo)");
	if (no_renames && renames_path)
		return cli_usage_error(err, "rollover",
		                       "--renames and --no-renames cannot be used together");
	enum out_kind kind = output_kind(output);
	if (kind == OUTK_UNKNOWN)
		return cli_usage_error(err, "rollover",
		                       "cannot tell the format of '%s' (.xml, .docx, .pdf or .fo)",
		                       output);
	if (track && kind != OUTK_DOCX)
		return cli_usage_error(err, "rollover", "--track-changes needs a .docx output");
	const char *path = argv[optind];
	if (cli_output_is_input(output, argv + optind, 1, renames_path))
		return cli_usage_error(err, "rollover", "the output file '%s' is an input file",
		                       output);
	if (cli_output_is_input(changes, argv + optind, 1, renames_path))
		return cli_usage_error(err, "rollover", "the changes file '%s' is an input file",
		                       changes);
	if (changes && (!strcmp(changes, output) || cli_output_is_input(changes, NULL, 0, output)))
		return cli_usage_error(err, "rollover", "-o and --changes name the same file '%s'",
		                       changes);

	int rc = SOAN_OK;
	struct diag d;
	diag_init(&d, path);
	struct renames *rn = NULL;
	xmlDocPtr plan = NULL, next = NULL;
	struct rollover_result res = ROLLOVER_RESULT_INIT;
	if (!no_renames) {
		rn = renames_load(renames_path, &d);
		if (!rn)
			goto fail;
	}
	ro.renames = rn;
	ro.year = year;
	plan = extract_file(path, NULL, &d);
	if (!plan)
		goto fail;
	next = rollover(plan, &ro, &res, &d);
	if (!next)
		goto fail;
	if (plan_validate(next, &d) < 0) {
		d.kind = DIAG_ENVIRONMENT; /* our draft breaks our own schema: a bug */
		goto fail;
	}
	/* the draft and its change list: both written or neither */
	struct out_opts oo = {"rollover", NULL, 0, track};
	struct buf draft = BUF_INIT, list = BUF_INIT;
	int w = output_render(next, kind, &oo, &draft, &d);
	if (w == 0) {
		struct atomic_out outs[2] = {{output, draft.ptr, draft.len}, {changes, NULL, 0}};
		if (changes) {
			rollover_write_changes(&res, &list);
			outs[1].data = list.ptr;
			outs[1].len = list.len;
		}
		w = atomic_write_all(outs, changes ? 2 : 1, &d);
	}
	buf_release(&draft);
	buf_release(&list);
	if (w < 0)
		goto fail;
	if (!quiet) {
		struct buf b = BUF_INIT;
		rollover_summary(&res, &b);
		diag_line(err, "soan: rollover: %s: %s", path, b.ptr);
		buf_release(&b);
	}
	goto out;
fail:
	rc = cli_status(&d);
out:
	cli_report(&d, err);
	rollover_result_release(&res);
	if (next)
		xmlFreeDoc(next);
	if (plan)
		xmlFreeDoc(plan);
	renames_free(rn);
	output_cleanup();
	diag_release(&d);
	return rc;
}
