/* xslt.c - compiling and applying templates with libxslt (see xslt.h).
 *
 * Owns the locked-down loading of stylesheets (our own document loader
 * and libxslt security preferences) and the translation of libxslt's
 * error callbacks into one struct diag.  libxslt keeps its loader, its
 * default security preferences and its generic error handler in globals,
 * so this file sets them once and points them at the run in progress
 * (soan is single-threaded).  It never prints. */
#include "generate/layout/xslt.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/paths.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/read/readers.h"

struct xslt {
	xsltStylesheetPtr style;
	char *dir; /* the stylesheet's own folder, resolved */
};

/* What the loader and the error handlers report to. */
struct run {
	const char *dir;   /* the main stylesheet's folder */
	char *main;        /* the main stylesheet, resolved, or NULL */
	char *templates;   /* soan's templates folder, resolved, or NULL */
	struct buf errors; /* libxslt's messages, as they come */
	char *load_error;  /* why our loader refused a file */
	char *load_path;   /* ... which file, when it was read */
	unsigned load_line;
};

static struct run *cur;
static xsltSecurityPrefsPtr prefs;

static void collect(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	if (!cur)
		return;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&cur->errors, fmt, ap);
	va_end(ap);
}

/* The first line of what libxslt said that is not its own boilerplate. */
static char *first_message(const char *s)
{
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		int skip = n == 0 || (n == 5 && !strncmp(s, "error", 5)) ||
		           (n == 7 && !strncmp(s, "warning", 7)) ||
		           !strncmp(s, "xsl:message : terminating", 25) ||
		           !strncmp(s, "compilation error", 17) || !strncmp(s, "runtime error", 13);
		if (!skip)
			return xstrndup(s, n);
		if (!e)
			break;
		s = e + 1;
	}
	return NULL;
}

/* Is path (resolved) inside folder dir? */
static int inside(const char *path, const char *dir)
{
	size_t n = dir ? strlen(dir) : 0;
	return n && !strncmp(path, dir, n) && (path[n] == '/' || (n == 1 && dir[0] == '/'));
}

static char *resolve_dir_of(const char *path)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		return NULL;
	char *slash = strrchr(real, '/');
	if (slash && slash != real)
		*slash = '\0';
	else if (slash)
		slash[1] = '\0';
	return xstrdup(real);
}

/* The file a URI names, resolved, when loading it is allowed; NULL
 * otherwise (with the reason in cur->load_error). */
static char *allowed_path(const char *uri)
{
	char *want;
	if (!strncmp(uri, "soan:", 5)) {
		const char *name = uri + 5;
		if (!*name || strchr(name, '/')) {
			cur->load_error = xasprintf("bad soan: template name '%s'", uri);
			return NULL;
		}
		char *rel = xasprintf("templates/%s", name);
		want = soan_data_path(rel);
		free(rel);
		if (!want) {
			cur->load_error = xasprintf("no such soan template '%s'", uri);
			return NULL;
		}
	} else if (!strncmp(uri, "file://", 7)) {
		want = xstrdup(uri + 7);
	} else if (strstr(uri, "://") || !strncmp(uri, "http:", 5) || !strncmp(uri, "ftp:", 4)) {
		cur->load_error = xasprintf("network access refused '%s'", uri);
		return NULL;
	} else {
		want = xstrdup(uri);
	}
	char real[PATH_MAX];
	if (!realpath(want, real)) {
		cur->load_error = xasprintf("cannot find '%s'", uri);
		free(want);
		return NULL;
	}
	free(want);
	if (!inside(real, cur->dir) && !inside(real, cur->templates)) {
		cur->load_error = xasprintf(
		    "reading outside the stylesheet's and soan's template folders refused '%s'",
		    uri);
		return NULL;
	}
	return xstrdup(real);
}

/* libxslt's document loader for stylesheets, their imports and includes
 * and the files document() reads: allowed folders only, parsed by
 * xmlsafe_parse_url() (no DTD, no entities, no network, its limits)
 * into the dictionary libxslt asks for. */
static xmlDocPtr loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                        xsltLoadType type)
{
	(void)options; /* libxslt's would load DTDs and expand entities */
	(void)ctxt;
	(void)type;
	if (!cur || !uri)
		return NULL;
	char *path = allowed_path((const char *)uri);
	if (!path)
		return NULL;
	struct diag d;
	diag_init(&d, NULL);
	unsigned char *data = NULL;
	size_t len = 0;
	xmlDocPtr doc = NULL;
	if (load_file(path, &data, &len, &d) == 0)
		doc = xmlsafe_parse_url(path, dict, data, len, &d);
	if (!doc && !cur->load_error) {
		cur->load_error = xstrdup(d.msg ? d.msg : "cannot load");
		cur->load_path = xstrdup(path);
		cur->load_line = d.line;
	}
	diag_release(&d);
	free(data);
	free(path);
	return doc;
}

static int check_read_file(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                           const char *value)
{
	(void)sec;
	(void)ctxt;
	if (!cur || !value)
		return 0;
	char *p = allowed_path(value);
	free(p);
	return p != NULL;
}

static int check_read_network(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                              const char *value)
{
	(void)sec;
	(void)ctxt;
	/* only soan:NAME, which check_read_file() maps to the templates */
	return value && !strncmp(value, "soan:", 5) && check_read_file(sec, ctxt, value);
}

static void setup(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlsafe_init();
	xsltInit();
	xsltSetLoaderFunc(loader);
	prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, check_read_network);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, check_read_file);
	xsltSetDefaultSecurityPrefs(prefs);
	xsltSetGenericErrorFunc(NULL, collect);
}

static void run_begin(struct run *r, const char *dir, const char *main)
{
	memset(r, 0, sizeof *r);
	r->dir = dir;
	r->main = main ? realpath(main, NULL) : NULL;
	r->errors = (struct buf)BUF_INIT;
	char *t = soan_data_path("templates/common.xsl");
	if (t) {
		r->templates = resolve_dir_of(t);
		free(t);
	}
	cur = r;
}

/* End a run: turn what was collected into the error in d (when failed). */
static void run_end(struct run *r, int failed, const char *what, struct diag *d)
{
	if (failed) {
		char *msg = first_message(r->errors.ptr);
		if (r->load_error && r->load_path && r->main && !strcmp(r->load_path, r->main)) {
			/* the stylesheet itself: d already names it */
			if (!diag_failed(d))
				d->line = r->load_line;
			diag_error(d, "%s", r->load_error);
		} else if (r->load_error && r->load_path) {
			if (r->load_line)
				diag_error(d, "%s: %s:%u: %s", what, r->load_path, r->load_line,
				           r->load_error);
			else
				diag_error(d, "%s: %s: %s", what, r->load_path, r->load_error);
		} else if (r->load_error)
			diag_error(d, "%s: %s", what, r->load_error);
		else if (msg && !strncmp(msg, "parameter ", 10) && !diag_failed(d)) {
			/* the templates' own check of a parameter's value: usage */
			diag_error(d, "%s", msg);
			d->kind = DIAG_USAGE;
		} else if (msg)
			diag_error(d, "%s: %s", what, msg);
		else
			diag_error(d, "%s failed", what);
		free(msg);
	}
	free(r->load_error);
	free(r->load_path);
	free(r->main);
	free(r->templates);
	buf_release(&r->errors);
	cur = NULL;
}

char *xslt_template_path(const char *name, struct diag *d)
{
	char *rel = xasprintf("templates/%s.xsl", name);
	char *p = soan_data_path(rel);
	if (!p)
		diag_env(d, "cannot find the template %s (set SOAN_DATADIR)", rel);
	free(rel);
	return p;
}

struct xslt *xslt_load(const char *path, struct diag *d)
{
	setup();
	char *dir = resolve_dir_of(path);
	if (!dir) {
		diag_env(d, "cannot open stylesheet %s", path);
		return NULL;
	}
	struct run r;
	run_begin(&r, dir, path);
	xsltStylesheetPtr style = xsltParseStylesheetFile((const xmlChar *)path);
	int failed = !style || style->errors > 0 || r.load_error;
	run_end(&r, failed, "stylesheet", d);
	if (failed) {
		if (style)
			xsltFreeStylesheet(style);
		free(dir);
		return NULL;
	}
	struct xslt *x = xcalloc(1, sizeof *x);
	x->style = style;
	x->dir = dir;
	return x;
}

void xslt_free(struct xslt *x)
{
	if (!x)
		return;
	xsltFreeStylesheet(x->style);
	free(x->dir);
	free(x);
}

/* Does the stylesheet (or one it imports) declare a top-level
 * xsl:param named name? */
static int declares_param(xsltStylesheetPtr style, const char *name)
{
	for (xsltStylesheetPtr s = style; s; s = xsltNextImport(s))
		for (xsltStackElemPtr e = s->variables; e; e = e->next)
			if (e->name && !strcmp((const char *)e->name, name) && e->comp &&
			    e->comp->inst &&
			    xmlStrEqual(e->comp->inst->name, (const xmlChar *)"param"))
				return 1;
	return 0;
}

xmlDocPtr xslt_apply(struct xslt *x, xmlDocPtr in, const struct xslt_param *p, size_t np,
                     struct diag *d)
{
	setup();
	for (size_t i = 0; i < np; i++) {
		if (!declares_param(x->style, p[i].name)) {
			if (!diag_failed(d)) {
				diag_error(d, "the template has no parameter '%s'", p[i].name);
				d->kind = DIAG_USAGE;
			}
			return NULL;
		}
	}
	struct run r;
	run_begin(&r, x->dir, NULL);
	xmlDocPtr out = NULL;
	xsltTransformContextPtr ctxt = xsltNewTransformContext(x->style, in);
	if (!ctxt) {
		run_end(&r, 1, "template", d);
		return NULL;
	}
	xsltSetCtxtSecurityPrefs(prefs, ctxt);
	xsltSetTransformErrorFunc(ctxt, NULL, collect);
	int failed = 0;
	for (size_t i = 0; i < np && !failed; i++)
		if (xsltQuoteOneUserParam(ctxt, (const xmlChar *)p[i].name,
		                          (const xmlChar *)p[i].value) != 0)
			failed = 1;
	if (!failed) {
		out = xsltApplyStylesheetUser(x->style, in, NULL, NULL, NULL, ctxt);
		/* a file document() could not load fails the run: XSLT would
		 * go on with an empty node-set, and print without the file */
		failed = !out || ctxt->state == XSLT_STATE_ERROR ||
		         ctxt->state == XSLT_STATE_STOPPED || r.load_error;
	}
	xsltFreeTransformContext(ctxt);
	run_end(&r, failed, "template", d);
	if (failed && out) {
		xmlFreeDoc(out);
		out = NULL;
	}
	return out;
}

void xslt_cleanup(void)
{
	if (prefs) {
		xsltSetDefaultSecurityPrefs(NULL);
		xsltFreeSecurityPrefs(prefs);
		prefs = NULL;
	}
	xsltCleanupGlobals();
}
