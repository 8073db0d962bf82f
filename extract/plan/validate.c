/* validate.c - RelaxNG validation of plan XML and other soan formats. */
#include "extract/plan/validate.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "extract/base/buf.h"
#include "extract/base/paths.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/plan/plan.h"
#include "extract/read/readers.h"

struct schema {
	char *rel;
	xmlRelaxNGPtr rng;
};

static struct schema *schemas;
static size_t nschemas, aschemas;

struct errs {
	struct buf first;
	int line;
};

static void collect(void *ctx, xmlErrorPtr e)
{
	struct errs *er = ctx;
	if (er->first.len || !e || !e->message)
		return;
	buf_adds(&er->first, e->message);
	buf_trim(&er->first);
	er->line = e->line;
	if (e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
		er->line = (int)xmlGetLineNo(e->node);
}

static xmlRelaxNGPtr load(const char *rel, struct diag *d)
{
	for (size_t i = 0; i < nschemas; i++)
		if (!strcmp(schemas[i].rel, rel))
			return schemas[i].rng;
	char *path = soan_data_path(rel);
	if (!path) {
		diag_env(d, "cannot find schema %s (set SOAN_DATADIR)", rel);
		return NULL;
	}
	/* parsed as every other XML is (xmlsafe.h); the schemas include
	 * nothing, and libxml2's loader would refuse it */
	struct diag pd;
	diag_init(&pd, path);
	unsigned char *data = NULL;
	size_t len = 0;
	xmlDocPtr doc = NULL;
	if (load_file(path, &data, &len, &pd) == 0)
		doc = xmlsafe_parse_url(path, NULL, data, len, &pd);
	free(data);
	if (!doc) {
		char *msg = diag_format(&pd);
		diag_env(d, "cannot load schema %s", msg);
		free(msg);
		diag_release(&pd);
		free(path);
		return NULL;
	}
	diag_release(&pd);
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(doc);
	struct errs er = {BUF_INIT, 0};
	xmlRelaxNGSetParserStructuredErrors(pc, collect, &er);
	xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	xmlFreeDoc(doc);
	if (!rng) {
		diag_env(d, "cannot load schema %s: %s", path,
		         er.first.len ? er.first.ptr : "parse error");
		buf_release(&er.first);
		free(path);
		return NULL;
	}
	buf_release(&er.first);
	free(path);
	schemas = xgrow(schemas, sizeof *schemas, nschemas + 1, &aschemas);
	schemas[nschemas].rel = xstrdup(rel);
	schemas[nschemas].rng = rng;
	nschemas++;
	return rng;
}

int rng_validate(const char *rel, xmlDocPtr doc, struct diag *d)
{
	xmlRelaxNGPtr rng = load(rel, d);
	if (!rng)
		return -1;
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
	struct errs er = {BUF_INIT, 0};
	xmlRelaxNGSetValidStructuredErrors(vc, collect, &er);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc != 0) {
		if (er.line > 0)
			diag_at(d, NULL, (unsigned)er.line);
		diag_error(d, "does not match %s: %s", rel,
		           er.first.len ? er.first.ptr : "invalid");
		buf_release(&er.first);
		return -1;
	}
	buf_release(&er.first);
	return 0;
}

static size_t count_children(xmlNode *n, const char *name)
{
	size_t k = 0;
	for (xmlNode *c = n->children; c; c = c->next)
		k += plan_is(c, name);
	return k;
}

/* A row of a table with column headings: no more cells than columns. */
static int check_row(xmlNode *row, size_t ncols, struct diag *d)
{
	size_t n = count_children(row, "cell");
	if (n <= ncols)
		return 0;
	diag_at(d, NULL, (unsigned)xmlGetLineNo(row));
	return diag_error(d, "a table row has %zu cells but its table has %zu columns", n, ncols);
}

/* What extract/plan/plan.rng cannot say: each cell of a row stands under one
 * of its table's columns (DESIGN.md), so a row is never wider than the
 * headings.  Tables without headings take their width from the widest
 * row.  Walks the tree without recursion. */
static int check_tables(xmlDocPtr doc, struct diag *d)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n = root;
	while (n) {
		if (plan_is(n, "table")) {
			size_t ncols = count_children(n, "column");
			for (xmlNode *c = ncols ? n->children : NULL; c; c = c->next) {
				if (plan_is(c, "row") && check_row(c, ncols, d) < 0)
					return -1;
				if (!plan_is(c, "group"))
					continue;
				for (xmlNode *r = c->children; r; r = r->next)
					if (plan_is(r, "row") && check_row(r, ncols, d) < 0)
						return -1;
			}
		} else if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	return 0;
}

int plan_validate(xmlDocPtr doc, struct diag *d)
{
	if (rng_validate("extract/plan/plan.rng", doc, d) < 0)
		return -1;
	return check_tables(doc, d);
}

void validate_cleanup(void)
{
	for (size_t i = 0; i < nschemas; i++) {
		xmlRelaxNGFree(schemas[i].rng);
		free(schemas[i].rel);
	}
	free(schemas);
	schemas = NULL;
	nschemas = aschemas = 0;
}
