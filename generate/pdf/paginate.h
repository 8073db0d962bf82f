/* paginate.h - an FO document laid out on pages, ready to draw.
 *
 * pl_layout() walks a checked FO tree (fo.h) once, resolving inherited
 * properties and collecting for every face (family and style) the
 * characters it must draw; finds the fonts (font.h), which fails before
 * anything is drawn when a character has no glyph; then breaks
 * paragraphs into lines (linebreak.h), lays out tables, and cuts the
 * flow into pages: keep-with-next, orphans and widows of two lines,
 * table rows split between lines with the header repeated.  The result
 * is a display list per page (text runs and rules in points, y measured
 * down from the top of the page) plus what the PDF needs around it:
 * metadata, bookmarks with their destinations, page labels.
 *
 * No PDF library here: generate/pdf/draw.c draws a struct pl_doc with libharu. */
#ifndef SOAN_PAGINATE_H
#define SOAN_PAGINATE_H

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/base/diag.h"
#include "generate/pdf/font.h"
#include "generate/writers.h"

/* A face the document uses, with its font and the characters drawn in
 * it (sorted, unique; all in the Basic Multilingual Plane). */
struct pl_face {
	const char *family;
	enum font_style style;
	const struct font *font;
	uint32_t *cps;
	size_t ncps;
};

enum pl_rule_style {
	PL_SOLID,
	PL_DOTTED,
	PL_DASHED,
};

enum pl_op_kind {
	PL_TEXT,
	PL_RULE,
};

struct pl_op {
	enum pl_op_kind kind;
	union {
		struct {
			int face;
			double size;
			double x, y;   /* start of the baseline */
			const char *s; /* UTF-8, NUL-terminated */
		} text;
		struct {
			double x1, y1, x2, y2;
			double width;
			enum pl_rule_style style;
		} rule;
	} u;
};

struct pl_page {
	double width, height;
	struct pl_op *ops;
	size_t nops, aops;
	int number;    /* the page number printed (fo:page-number) */
	int seq;       /* index of its page sequence */
	int seq_first; /* first page of its sequence */
	char format;   /* '1', 'i', 'I', 'a', 'A' */
};

struct pl_bookmark {
	const char *title; /* UTF-8 */
	long page;         /* -1: destination not found */
	double y;
	int open;
	struct pl_bookmark *kids;
	size_t nkids;
};

struct pl_doc {
	struct pl_page *pages;
	size_t npages, apages;
	struct pl_face *faces;
	size_t nfaces, afaces;
	const char *title, *author; /* from fo:declarations, or NULL */
	struct pl_bookmark *bookmarks;
	size_t nbookmarks;
	struct arena *arena; /* owns every string and array above */
};

/* Lay out fo.  Returns 0, or -1 with an input error (layout outside the
 * subset, naming the element) or an environment error (a font). */
int pl_layout(xmlDocPtr fo, const struct gen_opts *o, struct pl_doc *doc, struct diag *d);
void pl_doc_release(struct pl_doc *doc);

#endif
