/* cmd_extract.c - `soan extract`: one file to stdout or -o, or many files
 * into --outdir with a summary.  One bad file never stops the batch. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "extract.h"
#include "soan.h"
#include "xalloc.h"

const char usage_extract[] =
	"usage: soan extract [OPTIONS] FILE\n"
	"       soan extract [OPTIONS] --outdir DIR FILE...\n"
	"\n"
	"Read a plan (DOCX, PDF, text or markdown; chosen by content, then by\n"
	"extension) and print its structure as plan XML.\n"
	"\n"
	"  -o, --output FILE      write the XML to FILE instead of standard output\n"
	"  -d, --outdir DIR       convert every FILE into DIR/NAME.xml and print a\n"
	"                         summary; a bad file never stops the others\n"
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

/* Output name in DIR for input path: base name, extension replaced. */
static char *out_name(const char *dir, const char *path, const char *ext)
{
	const char *base = path_base(path);
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return xasprintf("%s/%.*s%s", dir, (int)n, base, ext);
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

int cmd_extract(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "outdir", required_argument, NULL, 'd' },
		{ "dump", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'F' },
		{ "no-validate", no_argument, NULL, 'N' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
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
				return cli_usage_error(err, "extract", "unknown dump '%s' (only: blocks)", optarg);
			dump = 1;
			break;
		case 'F':
			o.force = parse_format(optarg);
			if (!o.force)
				return cli_usage_error(err, "extract", "unknown format '%s'", optarg);
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
		return dump ? dump_blocks(files[0], &o, output, err) : convert(files[0], &o, output, err);
	}

	struct stat st;
	if (stat(outdir, &st) != 0 && mkdir(outdir, 0777) != 0) {
		fprintf(err, "soan: %s: cannot create output folder\n", outdir);
		return SOAN_ENV;
	}
	if (stat(outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(err, "soan: %s: not a folder\n", outdir);
		return SOAN_ENV;
	}
	int converted = 0, failed = 0, env = 0;
	struct buf failed_names = BUF_INIT;
	char **outs = xcalloc((size_t)nfiles, sizeof *outs);
	for (int i = 0; i < nfiles; i++) {
		outs[i] = out_name(outdir, files[i], dump ? ".blocks" : ".xml");
		int dup = 0;
		for (int j = 0; j < i; j++)
			if (outs[j] && !strcmp(outs[j], outs[i]))
				dup = 1;
		int rc;
		if (dup) {
			fprintf(err, "soan: %s: another input has the same base name; not overwriting '%s'\n",
				files[i], outs[i]);
			free(outs[i]);
			outs[i] = NULL;
			rc = SOAN_REJECTED;
		} else {
			rc = dump ? dump_blocks(files[i], &o, outs[i], err) : convert(files[i], &o, outs[i], err);
		}
		if (rc == SOAN_OK) {
			converted++;
		} else {
			failed++;
			if (rc == SOAN_ENV)
				env = 1;
			buf_addf(&failed_names, "%s%s", failed_names.len ? ", " : "", path_base(files[i]));
		}
	}
	if (!quiet) {
		fprintf(err, "soan: extract: %d converted, %d failed", converted, failed);
		if (failed)
			fprintf(err, " (%s)", failed_names.ptr);
		fprintf(err, "\n");
	}
	for (int i = 0; i < nfiles; i++)
		free(outs[i]);
	free(outs);
	buf_release(&failed_names);
	return env ? SOAN_ENV : failed ? SOAN_REJECTED : SOAN_OK;
}
