/* output.c - a transform's document to plan XML, layout, DOCX or PDF
 * (see output.h).  Owns the choice of format by extension and the chain
 * template -> layout -> writer; the template runner and the writers are
 * generate/layout/xslt.c, fo.c and the writers table (writers.c). */
#include "generate/output.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "generate/layout/fo.h"
#include "generate/layout/xslt.h"
#include "generate/writers.h"

enum out_kind output_kind(const char *path)
{
	if (!path || !strcmp(path, "-"))
		return OUTK_XML;
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return OUTK_UNKNOWN;
	if (!strcasecmp(dot, ".xml"))
		return OUTK_XML;
	if (!strcasecmp(dot, ".fo"))
		return OUTK_FO;
	if (!strcasecmp(dot, ".docx"))
		return OUTK_DOCX;
	if (!strcasecmp(dot, ".pdf"))
		return OUTK_PDF;
	return OUTK_UNKNOWN;
}

/* Compiled templates, kept for the process (a folder of forms uses one
 * many times); output_cleanup() frees them. */
static struct {
	char *name;
	struct xslt *x;
} cache[4];

static struct xslt *template_of(const char *name, struct diag *d)
{
	size_t i;
	for (i = 0; i < sizeof cache / sizeof cache[0] && cache[i].name; i++)
		if (!strcmp(cache[i].name, name))
			return cache[i].x;
	char *path = xslt_template_path(name, d);
	if (!path)
		return NULL;
	struct diag td;
	diag_init(&td, path);
	struct xslt *x = xslt_load(path, &td);
	if (!x) {
		/* soan's own template is broken or missing: the installation's
		 * fault, not the input's */
		diag_env(d, "%s: %s", path, td.msg ? td.msg : "cannot load the template");
		diag_release(&td);
		free(path);
		return NULL;
	}
	diag_release(&td);
	free(path);
	if (i < sizeof cache / sizeof cache[0]) {
		cache[i].name = xstrdup(name);
		cache[i].x = x;
	}
	return x;
}

void output_cleanup(void)
{
	for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
		free(cache[i].name);
		xslt_free(cache[i].x);
		cache[i].name = NULL;
		cache[i].x = NULL;
	}
}

static enum output_format format_of(enum out_kind k)
{
	switch (k) {
	case OUTK_FO: return OUT_FO;
	case OUTK_DOCX: return OUT_DOCX;
	case OUTK_PDF: return OUT_PDF;
	default: return OUT_XML;
	}
}

xmlDocPtr output_layout(xmlDocPtr doc, const struct out_opts *o, struct diag *d)
{
	struct xslt *x = template_of(o->tmpl, d);
	if (!x)
		return NULL;
	struct xslt_param params[8];
	size_t np = 0;
	for (const char *const *p = o->params; p && p[0] && p[1] && np < 8; p += 2) {
		params[np].name = p[0];
		params[np].value = p[1];
		np++;
	}
	xmlDocPtr fo = xslt_apply(x, doc, params, np, d);
	if (fo && fo_check(fo, d) < 0) {
		d->kind = DIAG_ENVIRONMENT; /* our template's layout is outside the subset */
		xmlFreeDoc(fo);
		fo = NULL;
	}
	return fo;
}

int output_render(xmlDocPtr doc, enum out_kind kind, const struct out_opts *o, struct buf *out,
                  struct diag *d)
{
	if (kind == OUTK_XML) {
		plan_serialize(doc, out);
		return 0;
	}
	xmlDocPtr fo = output_layout(doc, o, d);
	if (!fo)
		return -1;
	struct gen_opts go = {NULL, o->track_changes};
	int rc = writer_run(format_of(kind), fo, &go, out, d);
	xmlFreeDoc(fo);
	return rc;
}

int write_output(xmlDocPtr doc, const char *path, enum out_kind kind, const struct out_opts *o,
                 struct diag *d)
{
	struct buf b = BUF_INIT;
	int rc = output_render(doc, kind, o, &b, d);
	if (rc == 0)
		rc = cli_write_bytes(path, b.ptr, b.len, d);
	buf_release(&b);
	return rc;
}
