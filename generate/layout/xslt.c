/* xslt.c - compiling and applying templates with libxslt (see xslt.h).
 *
 * Owns the locked-down loading of stylesheets (our own document loader
 * and libxslt security preferences) and the translation of libxslt's
 * error callbacks into one struct diag.  libxslt keeps its loader, its
 * default security preferences and its generic error handler in globals,
 * so this file sets them once and points them at the run in progress
 * (soan is single-threaded).  Also owns the bounds on a user's template:
 * one outside soan's templates folder is applied in a child process
 * (extract/base/sandbox.h) under the LIMIT_TEMPLATE_* of limits.h, its
 * layout sent back as XML with the stylesheet line of each element.  It
 * never prints. */
#include "generate/layout/xslt.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/functions.h>
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
#include "extract/base/sandbox.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/read/readers.h"

struct xslt {
	xsltStylesheetPtr style;
	char *dir;   /* the stylesheet's own folder, resolved */
	int bounded; /* not one of soan's own: applied in a child under limits */
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
		else if (msg && strstr(msg, "A potential infinite template recursion")) {
			/* libxslt's own checks, at the bounds transform() sets */
			if (!strncmp(msg, "xsltApplyXSLTTemplate:", 22))
				diag_error(d,
				           "%s exceeded its variables in scope (limit %d, "
				           "LIMIT_TEMPLATE_VARS)",
				           what, LIMIT_TEMPLATE_VARS);
			else
				diag_error(
				    d,
				    "%s exceeded its recursion depth (limit %d nested calls, "
				    "LIMIT_TEMPLATE_DEPTH)",
				    what, LIMIT_TEMPLATE_DEPTH);
		} else if (msg && !strncmp(msg, "parameter ", 10) && !diag_failed(d)) {
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
	int own = r.main && inside(r.main, r.templates);
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
	x->bounded = !own;
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

/* What ends a child at once: a bound it passed, noticed by a callback. */
enum { CHILD_NODES = 10, CHILD_STRING = 11 };

/* concat(), in a child: no string longer than LIMIT_TEMPLATE_STRING_BYTES.
 * The arguments are at most that long each (or were counted against the
 * memory budget), so checking the result is enough. */
static void bounded_concat(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathConcatFunction(ctxt, nargs);
	xmlXPathObjectPtr v = ctxt->value;
	if (v && v->type == XPATH_STRING && v->stringval &&
	    strlen((const char *)v->stringval) > LIMIT_TEMPLATE_STRING_BYTES)
		_exit(CHILD_STRING);
}

/* libxslt's function lookup, with concat() bounded */
static xmlXPathFunction bounded_lookup(void *data, const xmlChar *name, const xmlChar *ns)
{
	if (!ns && xmlStrEqual(name, (const xmlChar *)"concat"))
		return bounded_concat;
	return xsltXPathFunctionLookup(data, name, ns);
}

/* Apply x to in, in whichever process runs it; bounded: in the child
 * (sandbox.h), with concat() bounded. */
static xmlDocPtr transform(struct xslt *x, xmlDocPtr in, const struct xslt_param *p, size_t np,
                           int bounded, struct diag *d)
{
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
	ctxt->maxTemplateDepth = LIMIT_TEMPLATE_DEPTH;
	ctxt->maxTemplateVars = LIMIT_TEMPLATE_VARS;
	if (bounded)
		xmlXPathRegisterFuncLookup(ctxt->xpathCtxt, bounded_lookup, ctxt->xpathCtxt);
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

/* ---- a user's template, in a child ---------------------------------- */

/* The node after n in document order, within root. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr root)
{
	if (n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return n && n != root ? n->next : NULL;
}

/* Nodes alive in the child, counted by libxml2's node callbacks. */
static long live_nodes;

static void node_made(xmlNodePtr n)
{
	(void)n;
	if (++live_nodes > (long)LIMIT_TEMPLATE_NODES)
		_exit(CHILD_NODES);
}

static void node_freed(xmlNodePtr n)
{
	(void)n;
	live_nodes--;
}

struct job {
	struct xslt *x;
	xmlDocPtr in;
	const struct xslt_param *p;
	size_t np;
	struct diag *d;
};

static int send(void *ctx, const char *data, int len)
{
	return sandbox_write(*(int *)ctx, data, (size_t)len) == 0 ? len : -1;
}

/* In the child: transform, and send back "R" and the result, its top
 * level inside <r> (it may hold text, or several elements), or "E" and
 * the error: its kind, line and message. */
static int child_work(void *arg, int fd)
{
	struct job *j = arg;
	live_nodes = 0;
	xmlRegisterNodeDefault(node_made);
	xmlDeregisterNodeDefault(node_freed);
	xmlDocPtr out = transform(j->x, j->in, j->p, j->np, 1, j->d);
	struct buf b = BUF_INIT;
	int rc = 0;
	if (!out) {
		buf_addf(&b, "E%d %u %s", (int)j->d->kind, j->d->line, j->d->msg ? j->d->msg : "");
		rc = sandbox_write(fd, b.ptr, b.len);
	} else {
		xmlOutputBufferPtr o = xmlOutputBufferCreateIO(send, NULL, &fd, NULL);
		if (!o)
			return 1;
		xmlOutputBufferWriteString(o, "R<r>");
		for (xmlNodePtr c = out->children; c; c = c->next)
			if (c->type != XML_DTD_NODE)
				xmlNodeDumpOutput(o, out, c, 0, 0, NULL);
		xmlOutputBufferWriteString(o, "</r>");
		rc = xmlOutputBufferClose(o) < 0 ? -1 : 0;
		/* the stylesheet lines libxslt gave the elements, which the
		 * layout checker's messages name: after a NUL, in document order */
		buf_addc(&b, '\0');
		for (xmlNodePtr n = out->children; n; n = next_node(n, (xmlNodePtr)out))
			if (n->type == XML_ELEMENT_NODE)
				buf_addf(&b, "%u ", n->line);
		if (rc == 0)
			rc = sandbox_write(fd, b.ptr, b.len);
		xmlFreeDoc(out);
	}
	buf_release(&b);
	return rc < 0 ? 1 : 0;
}

/* In the parent: the document the child sent (its top level moved out of
 * <r>), or NULL with the child's error. */
static xmlDocPtr received(const struct buf *got, struct diag *d)
{
	if (got->len && got->ptr[0] == 'E') {
		int kind = 0;
		unsigned line = 0;
		int n = 0;
		if (sscanf(got->ptr + 1, "%d %u %n", &kind, &line, &n) < 2 || n <= 0) {
			diag_error(d, "template: its process sent no result");
			return NULL;
		}
		if (!diag_failed(d) && line)
			d->line = line;
		diag_error(d, "%s", got->ptr + 1 + n);
		if (kind == DIAG_USAGE || kind == DIAG_ENVIRONMENT)
			d->kind = (enum diag_kind)kind;
		return NULL;
	}
	if (!got->len || got->ptr[0] != 'R') {
		diag_error(d, "template: its process sent no result");
		return NULL;
	}
	struct diag pd;
	diag_init(&pd, NULL);
	size_t xml_len = strlen(got->ptr + 1); /* the lines follow a NUL */
	xmlDocPtr doc = xmlsafe_parse(NULL, got->ptr + 1, xml_len, 1, &pd);
	if (!doc) {
		diag_error(d, "template output: %s", pd.msg ? pd.msg : "unreadable");
		diag_release(&pd);
		return NULL;
	}
	diag_release(&pd);
	xmlNodePtr wrap = xmlDocGetRootElement(doc);
	xmlUnlinkNode(wrap);
	while (wrap->children) {
		xmlNodePtr c = wrap->children;
		xmlUnlinkNode(c);
		xmlAddChild((xmlNodePtr)doc, c);
	}
	xmlFreeNode(wrap);
	const char *lines = got->ptr + 1 + xml_len;
	if (lines < got->ptr + got->len)
		lines++;
	for (xmlNodePtr n = doc->children; n && *lines; n = next_node(n, (xmlNodePtr)doc))
		if (n->type == XML_ELEMENT_NODE) {
			unsigned long line = strtoul(lines, (char **)&lines, 10);
			n->line = (unsigned short)(line < 65535 ? line : 65535);
			while (*lines == ' ')
				lines++;
		}
	return doc;
}

static xmlDocPtr apply_bounded(struct xslt *x, xmlDocPtr in, const struct xslt_param *p, size_t np,
                               struct diag *d)
{
	static const struct sandbox limits = {
	    LIMIT_TEMPLATE_CPU_SECONDS, LIMIT_TEMPLATE_WALL_SECONDS, LIMIT_TEMPLATE_MEMORY,
	    LIMIT_TEMPLATE_OUTPUT_BYTES + 16, /* "R<r>" and "</r>" */
	};
	struct job j = {x, in, p, np, d};
	struct buf got = BUF_INIT;
	int status = 0;
	xmlDocPtr out = NULL;
	switch (sandbox_run(&limits, child_work, &j, &got, &status)) {
	case SANDBOX_DONE:
		if (status == CHILD_NODES)
			diag_error(d,
			           "template exceeded its tree size (limit %d nodes, "
			           "LIMIT_TEMPLATE_NODES)",
			           (int)LIMIT_TEMPLATE_NODES);
		else if (status == CHILD_STRING)
			diag_error(d,
			           "template exceeded its string length (limit %u bytes, "
			           "LIMIT_TEMPLATE_STRING_BYTES)",
			           (unsigned)LIMIT_TEMPLATE_STRING_BYTES);
		else if (status != 0)
			diag_error(d, "template: its process failed (exit %d)", status);
		else
			out = received(&got, d);
		break;
	case SANDBOX_TIME:
		diag_error(
		    d, "template exceeded its time (limit %d s of CPU, LIMIT_TEMPLATE_CPU_SECONDS)",
		    LIMIT_TEMPLATE_CPU_SECONDS);
		break;
	case SANDBOX_WALL:
		diag_error(d,
		           "template exceeded its time (limit %d s, LIMIT_TEMPLATE_WALL_SECONDS)",
		           LIMIT_TEMPLATE_WALL_SECONDS);
		break;
	case SANDBOX_MEMORY:
		diag_error(d, "template exceeded its memory (limit %u MB, LIMIT_TEMPLATE_MEMORY)",
		           (unsigned)(LIMIT_TEMPLATE_MEMORY >> 20));
		break;
	case SANDBOX_OUTPUT:
		diag_error(d,
		           "template exceeded its output size (limit %u MB, "
		           "LIMIT_TEMPLATE_OUTPUT_BYTES)",
		           (unsigned)(LIMIT_TEMPLATE_OUTPUT_BYTES >> 20));
		break;
	case SANDBOX_CRASHED:
		diag_error(d, "template: its process was stopped by signal %d (%s)", status,
		           strsignal(status));
		break;
	case SANDBOX_ERROR: diag_env(d, "cannot run the template: %s", strerror(status)); break;
	}
	buf_release(&got);
	return out;
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
	return x->bounded ? apply_bounded(x, in, p, np, d) : transform(x, in, p, np, 0, d);
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
