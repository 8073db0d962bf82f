/* cmd_extract.c - `soan extract`: one file to stdout or -o, or many files
 * into --outdir with a summary.  One bad file never stops the batch. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "soan.h"

const char usage_extract[] =
    "usage: soan extract [OPTIONS] FILE\n"
    "       soan extract [OPTIONS] --outdir DIR FILE...\n"
    "\n"
    "Read a plan (DOCX, PDF, text or markdown; chosen by content, then by\n"
    "extension) and print its structure as plan XML.\n"
    "\n"
    "  -o, --output FILE      write the XML to FILE instead of standard output\n"
    "  -d, --outdir DIR       convert every FILE into DIR/NAME.xml and print a\n"
    "                         summary; a bad file never stops the others;\n"
    "                         DIR is made if missing (not its parents)\n"
    "      --dump=blocks      print the reader's block stream instead of XML\n"
    "      --format=FMT       read as text, markdown, docx or pdf, whatever the\n"
    "                         content looks like\n"
    "      --no-validate      do not check the result against the schema\n"
    "  -q, --quiet            no summary line in --outdir mode\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 all converted, 1 an input was rejected, 2 usage error,\n"
    "3 the output could not be written.\n";

static enum input_format parse_format(const char *s)
{
	if (!strcmp(s, "text") || !strcmp(s, "txt"))
		return FMT_TEXT;
	if (!strcmp(s, "markdown") || !strcmp(s, "md"))
		return FMT_MARKDOWN;
	if (!strcmp(s, "docx"))
		return FMT_DOCX;
	if (!strcmp(s, "pdf"))
		return FMT_PDF;
	if (!strcmp(s, "xml"))
		return FMT_PLANXML;
	return FMT_UNKNOWN;
}

static int dump_blocks(const char *path, const struct extract_opts *o, const char *out, FILE *err)
{
	struct diag d;
	diag_init(&d, path);
	unsigned char *data = NULL;
	size_t len = 0;
	struct blocks bs = BLOCKS_INIT;
	int rc = SOAN_OK;
	if (load_file(path, &data, &len, &d) < 0 ||
	    extract_blocks(path, data, len, o, &bs, NULL, &d) < 0) {
		rc = cli_status(&d);
	} else {
		char *mem = NULL;
		size_t memlen = 0;
		FILE *fp = open_memstream(&mem, &memlen);
		blocks_dump(&bs, fp);
		fclose(fp);
		if (cli_write_bytes(out, mem, memlen, &d) < 0)
			rc = cli_status(&d);
		free(mem);
	}
	cli_report(&d, err);
	blocks_release(&bs);
	free(data);
	diag_release(&d);
	return rc;
}

/* Convert one file; returns 0 converted, else the exit status. */
static int convert(const char *path, const struct extract_opts *o, const char *out, FILE *err)
{
	struct diag d;
	diag_init(&d, path);
	int rc = SOAN_OK;
	xmlDocPtr doc = extract_file(path, o, &d);
	if (!doc || cli_write_xml(doc, out, &d) < 0)
		rc = cli_status(&d);
	cli_report(&d, err);
	if (doc)
		xmlFreeDoc(doc);
	diag_release(&d);
	return rc;
}

/* One batch input for cli_run_batch(). */
struct extract_job {
	const struct extract_opts *o;
	FILE *err;
};

static int run_convert(void *ctx, const char *in, const char *out)
{
	struct extract_job *j = ctx;
	return convert(in, j->o, out, j->err);
}

static int run_dump(void *ctx, const char *in, const char *out)
{
	struct extract_job *j = ctx;
	return dump_blocks(in, j->o, out, j->err);
}

int cmd_extract(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'}, {"outdir", required_argument, NULL, 'd'},
	    {"dump", required_argument, NULL, 'D'},   {"format", required_argument, NULL, 'F'},
	    {"no-validate", no_argument, NULL, 'N'},  {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
	};
	struct extract_opts o;
	memset(&o, 0, sizeof o);
	const char *output = NULL, *outdir = NULL;
	int dump = 0, quiet = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:d:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'd': outdir = optarg; break;
		case 'q': quiet = 1; break;
		case 'N': o.no_validate = 1; break;
		case 'D':
			if (strcmp(optarg, "blocks"))
				return cli_usage_error(err, "extract",
				                       "unknown dump '%s' (only: blocks)", optarg);
			dump = 1;
			break;
		case 'F':
			o.force = parse_format(optarg);
			if (!o.force)
				return cli_usage_error(err, "extract", "unknown format '%s'",
				                       optarg);
			break;
		case 'h': return cli_help("extract");
		default:
			return cli_usage_error(err, "extract", "unknown or incomplete option '%s'",
			                       argv[optind - 1]);
		}
	}
	int nfiles = argc - optind;
	char **files = argv + optind;
	if (nfiles == 0)
		return cli_usage_error(err, "extract", "no input file");
	if (output && outdir)
		return cli_usage_error(err, "extract", "-o and --outdir cannot be used together");
	if (!outdir) {
		if (nfiles > 1)
			return cli_usage_error(err, "extract", "several inputs need --outdir DIR");
		if (cli_output_is_input(output, files, 1, NULL))
			return cli_usage_error(err, "extract",
			                       "the output file '%s' is the input file", output);
		return dump ? dump_blocks(files[0], &o, output, err)
		            : convert(files[0], &o, output, err);
	}

	struct extract_job job = {&o, err};
	struct cli_batch b = {
	    .cmd = "extract",
	    .verb = "converted",
	    .ext = dump ? "blocks" : "xml",
	    .quiet = quiet,
	    .err = err,
	    .run = dump ? run_dump : run_convert,
	    .ctx = &job,
	};
	return cli_run_batch(&b, outdir, files, nfiles);
}
