/* blocks.c - building, freeing and dumping the block model (blocks.h). */
#include "extract/read/blocks.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"

void blocks_init(struct blocks *bs)
{
	bs->v = NULL;
	bs->n = bs->alloc = 0;
}

static void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		struct row *r = &t->rows[i];
		for (size_t j = 0; j < r->ncells; j++)
			blocks_free(r->cells[j].content);
		free(r->cells);
	}
	free(t->rows);
	free(t);
}

void blocks_release(struct blocks *bs)
{
	for (size_t i = 0; i < bs->n; i++) {
		struct block *b = &bs->v[i];
		free(b->text);
		free(b->label);
		table_free(b->table);
	}
	free(bs->v);
	blocks_init(bs);
}

struct blocks *blocks_new(void)
{
	struct blocks *bs = xmalloc(sizeof *bs);
	blocks_init(bs);
	return bs;
}

void blocks_free(struct blocks *bs)
{
	if (!bs)
		return;
	blocks_release(bs);
	free(bs);
}

static struct block *add(struct blocks *bs, enum block_kind kind)
{
	bs->v = xgrow(bs->v, sizeof *bs->v, bs->n + 1, &bs->alloc);
	struct block *b = &bs->v[bs->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct block *blocks_add_para(struct blocks *bs, const char *text, size_t len)
{
	struct block *b = add(bs, BLOCK_PARA);
	b->text = xstrndup(text, len);
	return b;
}

struct block *blocks_add_note(struct blocks *bs, const char *text, size_t len)
{
	struct block *b = add(bs, BLOCK_NOTE);
	b->text = xstrndup(text, len);
	return b;
}

struct block *blocks_add_table(struct blocks *bs)
{
	struct block *b = add(bs, BLOCK_TABLE);
	b->table = xcalloc(1, sizeof *b->table);
	return b;
}

void block_set_label(struct block *b, const char *label)
{
	free(b->label);
	b->label = label ? xstrdup(label) : NULL;
}

struct row *table_add_row(struct table *t)
{
	t->rows = xgrow(t->rows, sizeof *t->rows, t->nrows + 1, &t->arows);
	struct row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	return r;
}

struct cell *table_add_cell(struct row *r)
{
	r->cells = xgrow(r->cells, sizeof *r->cells, r->ncells + 1, &r->acells);
	struct cell *c = &r->cells[r->ncells++];
	memset(c, 0, sizeof *c);
	c->content = blocks_new();
	c->colspan = c->rowspan = 1;
	return c;
}

void table_finish(struct table *t)
{
	unsigned w = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		unsigned rw = 0;
		for (size_t j = 0; j < t->rows[i].ncells; j++)
			rw += t->rows[i].cells[j].colspan ? t->rows[i].cells[j].colspan : 1;
		if (rw > w)
			w = rw;
	}
	t->ncols = w;
}

static const char *align_name(enum block_align a)
{
	switch (a) {
	case ALIGN_LEFT: return "left";
	case ALIGN_CENTER: return "center";
	case ALIGN_RIGHT: return "right";
	case ALIGN_JUSTIFY: return "justify";
	default: return NULL;
	}
}

static void dump_flags(const struct block *b, FILE *out)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
	    {BF_BOLD, "bold"},
	    {BF_ITALIC, "italic"},
	    {BF_CAPS, "caps"},
	    {BF_BOLD_START, "boldstart"},
	    {BF_PAGE_BREAK, "break"},
	    {BF_LANDSCAPE, "landscape"},
	    {BF_BORDERLESS, "borderless"},
	    {BF_AUTO_LABEL, "autolabel"},
	    {BF_HEADING_STYLE, "heading"},
	    {BF_HEADER_ZONE, "headerzone"},
	    {BF_SIGNATURE_ZONE, "signaturezone"},
	};
	const char *a = align_name(b->align);
	if (a)
		fprintf(out, " %s", a);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (b->flags & names[i].bit)
			fprintf(out, " %s", names[i].name);
	if (b->level)
		fprintf(out, " level=%d", b->level);
}

/* Text on one line: a line break inside a paragraph prints as "\n". */
static void dump_text(const char *s, FILE *out)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
	fputc('\n', out);
}

static void dump(const struct blocks *bs, FILE *out, int depth)
{
	for (size_t i = 0; i < bs->n; i++) {
		const struct block *b = &bs->v[i];
		fprintf(out, "%*s", depth * 2, "");
		switch (b->kind) {
		case BLOCK_PARA:
			fprintf(out, "P");
			dump_flags(b, out);
			if (b->label)
				fprintf(out, " [%s]", b->label);
			fprintf(out, " | ");
			dump_text(b->text, out);
			break;
		case BLOCK_NOTE:
			fprintf(out, "NOTE | ");
			dump_text(b->text, out);
			break;
		case BLOCK_TABLE: {
			const struct table *t = b->table;
			fprintf(out, "TABLE rows=%zu cols=%u", t->nrows, t->ncols);
			dump_flags(b, out);
			fprintf(out, "\n");
			for (size_t r = 0; r < t->nrows; r++) {
				fprintf(out, "%*sROW%s\n", depth * 2 + 2, "",
				        t->rows[r].header ? " header" : "");
				for (size_t c = 0; c < t->rows[r].ncells; c++) {
					const struct cell *cl = &t->rows[r].cells[c];
					fprintf(out, "%*sCELL", depth * 2 + 4, "");
					if (cl->colspan > 1)
						fprintf(out, " colspan=%u", cl->colspan);
					if (cl->rowspan > 1)
						fprintf(out, " rowspan=%u", cl->rowspan);
					if (cl->merged)
						fprintf(out, " merged");
					fprintf(out, "\n");
					dump(cl->content, out, depth + 3);
				}
			}
			break;
		}
		}
	}
}

void blocks_dump(const struct blocks *bs, FILE *out)
{
	dump(bs, out, 0);
}

static void clean_field(char **p)
{
	if (!*p)
		return;
	char *c = text_clean(*p, strlen(*p));
	free(*p);
	*p = c;
}

void blocks_normalize(struct blocks *bs)
{
	for (size_t i = 0; i < bs->n; i++) {
		struct block *b = &bs->v[i];
		clean_field(&b->text);
		clean_field(&b->label);
		if (b->kind == BLOCK_TABLE)
			for (size_t r = 0; r < b->table->nrows; r++)
				for (size_t c = 0; c < b->table->rows[r].ncells; c++)
					blocks_normalize(b->table->rows[r].cells[c].content);
	}
}
