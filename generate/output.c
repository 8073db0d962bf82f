/* output.c - a transform's document to plan XML, layout, DOCX or PDF
 * (see output.h).  Owns the choice of format by extension and the chain
 * template -> layout -> writer; the template runner and the writers are
 * generate/xslt.c, fo.c, docx.c and pdf.c. */
#include "output.h"

#include <string.h>
#include <strings.h>

#include "extract/cli.h"

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

int write_output(xmlDocPtr doc, const char *path, enum out_kind kind, const struct out_opts *o,
                 struct diag *d)
{
	(void)o;
	if (kind == OUTK_XML)
		return cli_write_xml(doc, path, d);
	/* the layout writers are not in this build yet */
	return diag_env(d, "cannot write '%s': this soan has no layout writers yet (write .xml)",
	                path);
}
