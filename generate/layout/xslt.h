/* xslt.h - running a template: an XSLT 1.0 stylesheet (libxslt) that
 * turns plan XML into the layout (fo.h).
 *
 * A stylesheet is compiled once and may be applied many times.  Loading
 * is locked down: stylesheets and documents are parsed without DTDs or
 * entities; xsl:import, xsl:include and document() may read only files
 * in the stylesheet's own folder and in soan's templates folder, and the
 * URI "soan:NAME" names templates/NAME wherever soan is installed (so a
 * user's stylesheet starts with <xsl:import href="soan:common.xsl"/>);
 * nothing is written and nothing is fetched from the network.  Errors
 * (a malformed stylesheet, an xsl:message terminate="yes", a parameter
 * the stylesheet does not declare) become one input error in a diag;
 * an xsl:message terminate="yes" whose text starts with "parameter " is a
 * stylesheet refusing a parameter's value, reported as a usage error. */
#ifndef SOAN_XSLT_H
#define SOAN_XSLT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/diag.h"

struct xslt;

/* A parameter given on the command line: its value is a string, never
 * an XPath expression. */
struct xslt_param {
	const char *name;
	const char *value;
};

/* Compile the stylesheet at path.  Returns NULL with an error in d: an
 * input error for a bad stylesheet, an environment error when the file
 * cannot be read.  Free with xslt_free(). */
struct xslt *xslt_load(const char *path, struct diag *d);
void xslt_free(struct xslt *x);

/* The stylesheet a template name stands for: "plan" is
 * templates/plan.xsl found through soan_data_path().  Returns a malloc'd
 * path (free it) or NULL with an environment error. */
char *xslt_template_path(const char *name, struct diag *d);

/* Apply x to in with np parameters.  Every parameter must be declared
 * by the stylesheet (or one it imports).  A stylesheet outside soan's
 * templates folder is a user's program: it runs in a child process with
 * bounded CPU time, memory, nodes, output, string length, recursion and
 * variables (the LIMIT_TEMPLATE_* of extract/base/limits.h); passing one
 * is an input error "template exceeded its ... (limit ..., LIMIT_...)".
 * soan's own templates run in this process, under the recursion and
 * variable bounds only.  Returns the result (free with xmlFreeDoc) or
 * NULL with an error in d. */
xmlDocPtr xslt_apply(struct xslt *x, xmlDocPtr in, const struct xslt_param *p, size_t np,
                     struct diag *d);

/* Release libxslt's global state (at exit, for leak checkers). */
void xslt_cleanup(void);

#endif
