/* cmd_generate.c - `soan generate`: a plan (plan XML, or DOCX, PDF, text
 * or markdown extracted first) through a template to the layout, and the
 * layout to DOCX, PDF or .fo; or a layout (.fo) straight to a writer.
 * One file to -o, or many into --outdir with a summary; one bad file
 * never stops the others.  Only parses options, calls the library and
 * prints what the library reports. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "extract/read/readers.h"
#include "generate/layout/fo.h"
#include "generate/layout/xslt.h"
#include "generate/writers.h"
#include "soan.h"

const char usage_generate[] =
    "usage: soan generate [OPTIONS] FILE -o OUTPUT\n"
    "       soan generate [OPTIONS] --outdir DIR FILE...\n"
    "\n"
    "Write a plan as DOCX or PDF laid out as Nghị định 30/2020/NĐ-CP\n"
    "prescribes (Mẫu 1.4, appendices per Mẫu 2.1), or stop at the layout\n"
    "(.fo) or at plan XML (.xml).  FILE is plan XML, a plan as DOCX, PDF,\n"
    "text or markdown (extracted first), or a layout (.fo) to write as is.\n"
    "\n"
    "  -o, --output FILE        the output; its extension picks the format:\n"
    "                           .docx .pdf .fo .xml (\"-\": standard output)\n"
    "  -d, --outdir DIR         one output per FILE, DIR/NAME.FORMAT, and a\n"
    "                           summary; a bad file never stops the others;\n"
    "                           DIR is made if missing (not its parents)\n"
    "  -f, --format FMT         docx, pdf, fo or xml: for --outdir (default\n"
    "                           docx) and for -o -\n"
    "  -t, --template FILE.xsl  the stylesheet (default: soan's plan.xsl); it\n"
    "                           may import soan's own with href=\"soan:common.xsl\"\n"
    "  -p, --param NAME=VALUE   a template parameter, repeatable:\n"
    "                             font-size=13|14 (default 14)\n"
    "                             indent=1|1.27 (first-line indent, cm)\n"
    "                             line-spacing=1..1.5\n"
    "                             margin-top=20..25 margin-bottom=20..25\n"
    "                             margin-left=30..35 margin-right=15..20 (mm)\n"
    "                             landscape-appendix=auto|yes|no\n"
    "                             merge-cells=yes|no\n"
    "      --track-changes      DOCX: changes as tracked revisions\n"
    "  -q, --quiet              no summary line in --outdir mode\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 all written, 1 an input was rejected, 2 usage error,\n"
    "3 the environment failed (template or font missing, output not written).\n";

struct gen {
	const char *template_path; /* as given, or NULL for plan.xsl */
	struct xslt *xslt;         /* compiled on first use */
	int xslt_status;           /* exit status when it could not be compiled */
	struct xslt_param *params;
	size_t nparams;
	struct gen_opts opts;
	FILE *err;
};

static int looks_like_fo(const char *path, const unsigned char *data, size_t len)
{
	const char *dot = strrchr(path_base(path), '.');
	if (dot && !strcmp(dot, ".fo"))
		return 1;
	size_t lim = len < 4096 ? len : 4096;
	char head[4097];
	memcpy(head, data, lim);
	head[lim] = '\0';
	return strstr(head, FO_NS) != NULL && strstr(head, ":root") != NULL;
}

/* The layout for one input, or NULL with the problem in d.  *plan gets
 * the plan XML when the input is a plan (for .xml output). */
static xmlDocPtr layout_of(struct gen *g, const char *path, enum output_format f, xmlDocPtr *plan,
                           struct diag *d)
{
	*plan = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	if (load_file(path, &data, &len, d) < 0)
		return NULL;
	xmlDocPtr fo = NULL;
	if (len && looks_like_fo(path, data, len)) {
		if (f == OUT_XML)
			diag_error(d, "a layout (.fo) cannot be turned back into plan XML");
		else
			fo = fo_load("layout", data, len, d);
		free(data);
		return fo;
	}
	*plan = extract_mem(path, data, len, NULL, d);
	free(data);
	if (!*plan || f == OUT_XML)
		return NULL;
	if (!g->xslt && !g->xslt_status) {
		/* compiled once, on the first plan; a broken template is reported
		 * once, and every input fails with its status */
		struct diag td;
		diag_init(&td, g->template_path ? g->template_path : "templates/plan.xsl");
		char *tp =
		    g->template_path ? xstrdup(g->template_path) : xslt_template_path("plan", &td);
		if (tp)
			g->xslt = xslt_load(tp, &td);
		if (!g->xslt) {
			if (!g->template_path && td.kind == DIAG_INPUT)
				td.kind = DIAG_ENVIRONMENT; /* soan's own template is broken */
			g->xslt_status = cli_status(&td);
			cli_report(&td, g->err);
		}
		diag_release(&td);
		free(tp);
	}
	if (!g->xslt)
		return NULL;
	const char *tname = g->template_path ? path_base(g->template_path) : "plan.xsl";
	diag_at(d, tname, 0);
	fo = xslt_apply(g->xslt, *plan, g->params, g->nparams, d);
	if (fo && fo_check(fo, d) < 0) {
		xmlFreeDoc(fo);
		fo = NULL;
	}
	if (fo)
		diag_at(d, NULL, 0);
	return fo;
}

/* One input to one output; returns an enum soan_exit. */
static int generate_one(struct gen *g, const char *path, const char *out, enum output_format f)
{
	struct diag d;
	diag_init(&d, path);
	xmlDocPtr plan = NULL;
	xmlDocPtr fo = layout_of(g, path, f, &plan, &d);
	int rc = SOAN_OK;
	struct buf bytes = BUF_INIT;
	if (f == OUT_XML && plan) {
		plan_serialize(plan, &bytes);
	} else if (!fo || writer_run(f, fo, &g->opts, &bytes, &d) < 0) {
		rc = -1;
	}
	if (rc == 0 && !diag_failed(&d) && cli_write_bytes(out, bytes.ptr, bytes.len, &d) < 0)
		rc = -1;
	if (rc < 0 || diag_failed(&d))
		rc = diag_failed(&d)  ? cli_status(&d)
		     : g->xslt_status ? g->xslt_status
		                      : SOAN_REJECTED;
	cli_report(&d, g->err);
	buf_release(&bytes);
	if (fo)
		xmlFreeDoc(fo);
	if (plan)
		xmlFreeDoc(plan);
	diag_release(&d);
	return rc;
}

static enum output_format parse_format(const char *s)
{
	char name[16];
	snprintf(name, sizeof name, "x.%s", s);
	return output_format_for(name);
}

/* One batch input for cli_run_batch(). */
struct generate_job {
	struct gen *g;
	enum output_format f;
};

static int run_generate(void *ctx, const char *in, const char *out)
{
	struct generate_job *j = ctx;
	return generate_one(j->g, in, out, j->f);
}

static int batch(struct gen *g, const char *outdir, enum output_format f, char **files, int nfiles,
                 int quiet)
{
	struct generate_job job = {g, f};
	struct cli_batch b = {
	    .cmd = "generate",
	    .verb = "written",
	    .ext = writer_for(f)->name,
	    .quiet = quiet,
	    .stop_on_usage = 1, /* a bad parameter is bad for every file */
	    .err = g->err,
	    .also_input = g->template_path,
	    .run = run_generate,
	    .ctx = &job,
	};
	return cli_run_batch(&b, outdir, files, nfiles);
}

int cmd_generate(int argc, char **argv, FILE *err)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"outdir", required_argument, NULL, 'd'},
	    {"format", required_argument, NULL, 'f'},
	    {"template", required_argument, NULL, 't'},
	    {"param", required_argument, NULL, 'p'},
	    {"track-changes", no_argument, NULL, 'T'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct gen g;
	memset(&g, 0, sizeof g);
	g.err = err;
	const char *output = NULL, *outdir = NULL;
	enum output_format format = OUT_UNKNOWN;
	int quiet = 0, c, status;
	size_t aparams = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:d:f:t:p:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'd': outdir = optarg; break;
		case 'f':
			format = parse_format(optarg);
			if (format == OUT_UNKNOWN) {
				status = cli_usage_error(err, "generate",
				                         "unknown format '%s' (docx, pdf, fo, xml)",
				                         optarg);
				goto out;
			}
			break;
		case 't': g.template_path = optarg; break;
		case 'p': {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg) {
				status = cli_usage_error(
				    err, "generate", "a parameter is NAME=VALUE, not '%s'", optarg);
				goto out;
			}
			*eq = '\0';
			g.params = xgrow(g.params, sizeof *g.params, g.nparams + 1, &aparams);
			g.params[g.nparams].name = optarg;
			g.params[g.nparams].value = eq + 1;
			g.nparams++;
			break;
		}
		case 'T': g.opts.track_changes = 1; break;
		case 'q': quiet = 1; break;
		case 'h': status = cli_help("generate"); goto out;
		default:
			status = cli_usage_error(
			    err, "generate", "unknown or incomplete option '%s'", argv[optind - 1]);
			goto out;
		}
	}
	int nfiles = argc - optind;
	char **files = argv + optind;
	if (nfiles == 0) {
		status = cli_usage_error(err, "generate", "no input file");
	} else if (output && outdir) {
		status =
		    cli_usage_error(err, "generate", "-o and --outdir cannot be used together");
	} else if (g.template_path && access(g.template_path, R_OK) != 0) {
		status = cli_usage_error(err, "generate", "cannot read the template '%s'",
		                         g.template_path);
	} else if (!output && !outdir) {
		status =
		    cli_usage_error(err, "generate", "no output: give -o FILE or --outdir DIR");
	} else if (outdir) {
		status = batch(&g, outdir, format ? format : OUT_DOCX, files, nfiles, quiet);
	} else if (nfiles > 1) {
		status = cli_usage_error(err, "generate", "several inputs need --outdir DIR");
	} else {
		enum output_format f =
		    !strcmp(output, "-") ? (format ? format : OUT_FO) : output_format_for(output);
		if (f == OUT_UNKNOWN)
			status = cli_usage_error(
			    err, "generate",
			    "cannot tell the format of '%s': use .docx, .pdf, .fo or .xml", output);
		else if (format && format != f)
			status = cli_usage_error(
			    err, "generate", "--format and the extension of '%s' disagree", output);
		else if (cli_output_is_input(output, files, 1, g.template_path))
			status = cli_usage_error(err, "generate",
			                         "the output file '%s' is an input file", output);
		else
			status = generate_one(&g, files[0], output, f);
	}
out:
	xslt_free(g.xslt);
	free(g.params);
	return status;
}
