/* cmd_report.c - `soan report`: the annual report form for a plan (plan
 * XML, DOCX, PDF, text or markdown), for the whole plan, one agency, or
 * each agency the plan names into a folder.  Only parses options, calls
 * the library and prints what it reports. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "generate/output.h"
#include "generate/transform/report.h"
#include "soan.h"

const char usage_report[] =
    "usage: soan report [OPTIONS] FILE -o OUTPUT\n"
    "       soan report [OPTIONS] FILE --each-agency --outdir DIR\n"
    "       soan report FILE --list-agencies\n"
    "\n"
    "Write the annual report form that follows a plan (Báo cáo kết quả thực\n"
    "hiện Kế hoạch ... năm YYYY): header with a blank number, Kính gửi the\n"
    "office that collects the reports, I. Kết quả thực hiện with room to\n"
    "write under each task, II. Đánh giá chung, III. Phương hướng, IV. Đề\n"
    "xuất, signature and Nơi nhận, and an appendix table of the tasks with\n"
    "columns for results.  FILE is a plan as DOCX, PDF, text, markdown or\n"
    "plan XML.\n"
    "\n"
    "  -o, --output FILE      the form; its extension picks the format: .xml\n"
    "                         (report XML), .docx, .pdf, .fo (\"-\": XML on\n"
    "                         standard output)\n"
    "  -y, --year N           the year reported on (default: the plan's year,\n"
    "                         the last one of a plan of several years)\n"
    "  -a, --agency NAME      the form for one agency: only what the plan asks\n"
    "                         of it, with that agency as the issuer\n"
    "  -s, --symbol SYM       the symbol of the blank number (\"BC-SNV\");\n"
    "                         default BC-UBND for a UBND, else left blank\n"
    "      --each-agency      one form per agency the plan names, into --outdir,\n"
    "                         named after the agency (so-noi-vu.docx; names\n"
    "                         that meet are numbered: so-x.docx, so-x-2.docx)\n"
    "  -d, --outdir DIR       the folder for --each-agency, made if missing\n"
    "                         (not its parents)\n"
    "  -f, --format FMT       docx (default), pdf, fo or xml, for --outdir\n"
    "  -l, --list-agencies    print the agencies the plan names, one a line\n"
    "  -q, --quiet            no summary line for --each-agency\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 written, 1 the input was rejected (or the plan asks\n"
    "nothing of the agency), 2 usage error, 3 the environment failed\n"
    "(template or font missing, output not written).\n";

static enum out_kind kind_of_format(const char *f)
{
	if (!strcmp(f, "docx"))
		return OUTK_DOCX;
	if (!strcmp(f, "pdf"))
		return OUTK_PDF;
	if (!strcmp(f, "fo"))
		return OUTK_FO;
	if (!strcmp(f, "xml"))
		return OUTK_XML;
	return OUTK_UNKNOWN;
}

static const char *ext_of(enum out_kind k)
{
	switch (k) {
	case OUTK_DOCX: return "docx";
	case OUTK_PDF: return "pdf";
	case OUTK_FO: return "fo";
	default: return "xml";
	}
}

/* One form: build, check, write.  Returns 0 or -1 with d set. */
static int one_form(xmlDocPtr plan, const struct report_opts *ro, const char *out,
                    enum out_kind kind, struct diag *d)
{
	xmlDocPtr form = report_form(plan, ro, d);
	if (!form)
		return -1;
	int rc = 0;
	if (plan_validate(form, d) < 0) {
		d->kind = DIAG_ENVIRONMENT; /* our form breaks our own schema: a bug */
		rc = -1;
	}
	struct out_opts oo = {"report", NULL, 0, 0};
	if (rc == 0)
		rc = write_output(form, out, kind, &oo, d);
	xmlFreeDoc(form);
	return rc;
}

static int each_agency(xmlDocPtr plan, struct report_opts *ro, const char *outdir,
                       enum out_kind kind, int quiet, const char *path, FILE *err)
{
	int orc = cli_outdir(outdir, err);
	if (orc != SOAN_OK)
		return orc;
	char **names;
	size_t n = report_agencies(plan, &names);
	struct cli_outputs *outs = cli_outputs_new();
	int written = 0, failed = 0, env = 0;
	for (size_t i = 0; i < n; i++) {
		/* names cut at 60 characters can meet: the second gets "-2", and
		 * so on, whatever the count */
		char *base = report_file_name(names[i]);
		char *file = cli_outputs_name(outs, outdir, base, ext_of(kind));
		free(base);
		struct diag d;
		diag_init(&d, path);
		ro->agency = names[i];
		if (cli_output_is_input(file, NULL, 0, path)) {
			failed++;
			diag_line(
			    err,
			    "soan: %s: its output file '%s' is the input file; not overwriting it",
			    path, file);
		} else if (cli_outputs_wrote(outs, file)) {
			failed++;
			diag_line(err,
			          "soan: %s: the output file '%s' of %s is one this batch wrote "
			          "already; not overwriting it",
			          path, file, names[i]);
		} else if (one_form(plan, ro, file, kind, &d) < 0) {
			failed++;
			env |= d.kind == DIAG_ENVIRONMENT;
			cli_report(&d, err);
		} else {
			written++;
			cli_outputs_written(outs, file);
			if (!quiet)
				diag_line(err, "soan: report: %s: %s", names[i], file);
		}
		diag_release(&d);
		free(file);
	}
	if (!quiet)
		diag_line(err, "soan: report: %d forms written, %d failed", written, failed);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	cli_outputs_free(outs);
	return env ? SOAN_ENV : failed ? SOAN_REJECTED : SOAN_OK;
}

int cmd_report(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"year", required_argument, NULL, 'y'},
	    {"agency", required_argument, NULL, 'a'},
	    {"symbol", required_argument, NULL, 's'},
	    {"each-agency", no_argument, NULL, 'E'},
	    {"outdir", required_argument, NULL, 'd'},
	    {"format", required_argument, NULL, 'f'},
	    {"list-agencies", no_argument, NULL, 'l'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *output = NULL, *outdir = NULL, *format = NULL;
	int each = 0, list = 0, quiet = 0, c;
	struct report_opts ro;
	memset(&ro, 0, sizeof ro);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:y:a:s:d:f:lqh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'a': ro.agency = optarg; break;
		case 's': ro.symbol = optarg; break;
		case 'E': each = 1; break;
		case 'd': outdir = optarg; break;
		case 'f': format = optarg; break;
		case 'l': list = 1; break;
		case 'q': quiet = 1; break;
		case 'y': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1900 || v > 2200)
				return cli_usage_error(err, "report",
				                       "--year wants a year such as 2026, not '%s'",
				                       optarg);
			ro.year = (int)v;
			break;
		}
		case 'h': return cli_help("report");
		default:
			return cli_usage_error(err, "report", "unknown or incomplete option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error(err, "report", "no input file");
	if (argc - optind > 1)
		return cli_usage_error(err, "report", "one plan at a time");
	if (each && ro.agency)
		return cli_usage_error(err, "report",
		                       "--agency and --each-agency cannot be used together");
	if (each && !outdir)
		return cli_usage_error(err, "report", "--each-agency needs --outdir DIR");
	if (outdir && !each)
		return cli_usage_error(err, "report",
		                       "--outdir goes with --each-agency (one form: -o FILE)");
	if (each && output)
		return cli_usage_error(err, "report",
		                       "-o and --each-agency cannot be used together");
	if (!each && !list && !output)
		return cli_usage_error(err, "report",
		                       "no output: give -o FILE (.xml, .docx, .pdf or .fo)");
	if (ro.symbol && (!*ro.symbol || strchr(ro.symbol, ' ') || strchr(ro.symbol, '/')))
		return cli_usage_error(
		    err, "report", "--symbol wants a symbol such as BC-SNV, not '%s'", ro.symbol);
	enum out_kind kind = OUTK_DOCX;
	if (format && (kind = kind_of_format(format)) == OUTK_UNKNOWN)
		return cli_usage_error(err, "report", "unknown format '%s' (docx, pdf, fo or xml)",
		                       format);
	if (output && (kind = output_kind(output)) == OUTK_UNKNOWN)
		return cli_usage_error(err, "report",
		                       "cannot tell the format of '%s' (.xml, .docx, .pdf or .fo)",
		                       output);
	const char *path = argv[optind];
	if (cli_output_is_input(output, argv + optind, 1, NULL))
		return cli_usage_error(err, "report", "the output file '%s' is the input file",
		                       output);

	struct diag d;
	diag_init(&d, path);
	int rc = SOAN_OK;
	xmlDocPtr plan = extract_file(path, NULL, &d);
	if (!plan) {
		rc = cli_status(&d);
	} else if (list) {
		char **names;
		size_t n = report_agencies(plan, &names);
		for (size_t i = 0; i < n; i++) {
			printf("%s\n", names[i]);
			free(names[i]);
		}
		free(names);
	} else if (each) {
		rc = each_agency(plan, &ro, outdir, kind, quiet, path, err);
	} else if (one_form(plan, &ro, output, kind, &d) < 0) {
		rc = cli_status(&d);
	}
	cli_report(&d, err);
	if (plan)
		xmlFreeDoc(plan);
	output_cleanup();
	diag_release(&d);
	return rc;
}
