/* writers.c - output formats and the one dispatch table of writers (see
 * writers.h).  No other code tests output formats: the CLI asks
 * output_format_for() and calls writer_run(). */
#include "generate/writers.h"

#include <string.h>
#include <strings.h>

#include "generate/layout/fo.h"

enum output_format output_format_for(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;
	if (!dot)
		return OUT_UNKNOWN;
	for (const struct writer *w = writers; w->name; w++)
		if (!strcasecmp(dot + 1, w->name))
			return w->format;
	return OUT_UNKNOWN;
}

/* The layout as text. */
static int fo_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d)
{
	(void)o;
	(void)d;
	fo_serialize(fo, out);
	return 0;
}

const struct writer writers[] = {
    {OUT_XML, "xml", NULL},      {OUT_FO, "fo", fo_write},  {OUT_DOCX, "docx", docx_write},
    {OUT_PDF, "pdf", pdf_write}, {OUT_UNKNOWN, NULL, NULL},
};

const struct writer *writer_for(enum output_format f)
{
	for (const struct writer *w = writers; w->name; w++)
		if (w->format == f)
			return w;
	return NULL;
}

int writer_run(enum output_format f, xmlDocPtr fo, const struct gen_opts *o, struct buf *out,
               struct diag *d)
{
	const struct writer *w = writer_for(f);
	if (!w || !w->write)
		return diag_error(d, "no layout writer for this output format");
	return w->write(fo, o, out, d);
}
