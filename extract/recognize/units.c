/* units.c - the recognizer's input: blocks flattened into units
 * (paragraphs, tables, notes) in reading order.  A layout table (the
 * header with its Quốc hiệu, the signature area) is read cell by cell in
 * column order, so its lines meet the recognizer as the lines they are;
 * every other table stays one unit. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

static struct unit *add_unit(struct units *us, enum unit_kind kind)
{
	us->v = xgrow(us->v, sizeof *us->v, us->n + 1, &us->alloc);
	struct unit *u = &us->v[us->n++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	return u;
}

void rec_free_units(struct units *us)
{
	for (size_t i = 0; i < us->n; i++)
		free(us->v[i].text);
	free(us->v);
}

/* Text of a cell: its paragraphs joined by line breaks. */
void rec_cell_text(const struct cell *c, struct buf *out)
{
	for (size_t i = 0; i < c->content->n; i++) {
		const struct block *b = &c->content->v[i];
		if (b->kind == BLOCK_TABLE) {
			/* a nested table's text, cell by cell */
			for (size_t r = 0; r < b->table->nrows; r++)
				for (size_t k = 0; k < b->table->rows[r].ncells; k++)
					rec_cell_text(&b->table->rows[r].cells[k], out);
			continue;
		}
		if (!*b->text && !b->label)
			continue;
		if (out->len)
			buf_addc(out, '\n');
		if (b->label) {
			buf_adds(out, b->label);
			buf_addc(out, ' ');
		}
		for (const char *p = b->text; *p; p++)
			buf_addc(out, *p == '\t' ? ' ' : *p);
	}
}

/* A layout table holds the header (Quốc hiệu) or the signature area
 * (Nơi nhận, TM./KT.): its cells are read as lines, not as a table. */
static int is_layout_table(const struct block *b)
{
	const struct table *t = b->table;
	/* a header or signature table: two columns in print, a few more in
	 * the grid when Word merged cells across it */
	if (t->ncols > 6 || t->nrows > 6)
		return 0;
	int cues = 0;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			struct buf s = BUF_INIT;
			rec_cell_text(&t->rows[r].cells[c], &s);
			if (rule_test(R_QUOC_HIEU, s.ptr) || rule_test(R_TIEU_NGU, s.ptr))
				cues += 2;
			struct rmatch m;
			for (const char *p = s.ptr; *p;) {
				const char *e = strpbrk(p, "\n\t");
				size_t len = e ? (size_t)(e - p) : strlen(p);
				if (rule_match(R_RECIPIENTS, p, len, 0, &m))
					cues += 2; /* "Nơi nhận" alone marks a signature area */
				else if (rule_match(R_SIG_AUTHORITY, p, len, 0, &m) ||
				         rule_match(R_SIG_DEPUTY, p, len, 0, &m) ||
				         rule_match(R_NUMBER_LINE, p, len, 0, &m) ||
				         rule_match(R_PLACE_DATE, p, len, 0, &m))
					cues++;
				p += len + (e ? 1 : 0);
			}
			buf_release(&s);
		}
	return cues >= 2;
}

static void add_line_unit(struct units *us, const char *s, size_t len, unsigned flags,
                          unsigned line)
{
	struct unit *u = add_unit(us, U_PARA);
	u->text = xstrndup(s, len);
	u->flags = flags;
	u->line = line;
}

/* Flatten a layout table: each cell's lines in column order (left column
 * first: issuer, then Số; right column: Quốc hiệu, then place and date),
 * which is the order the text renderings of such documents show. */
static void flatten_layout(struct units *us, const struct block *b)
{
	const struct table *t = b->table;
	for (unsigned col = 0; col < t->ncols; col++) {
		for (size_t r = 0; r < t->nrows; r++) {
			const struct row *row = &t->rows[r];
			unsigned gc = 0;
			for (size_t c = 0; c < row->ncells; c++) {
				const struct cell *cl = &row->cells[c];
				if (gc == col && !cl->merged) {
					const struct blocks *cb = cl->content;
					for (size_t i = 0; i < cb->n; i++) {
						const struct block *p = &cb->v[i];
						if (p->kind == BLOCK_TABLE) {
							flatten_layout(us, p);
							continue;
						}
						struct buf s = BUF_INIT;
						if (p->label) {
							buf_adds(&s, p->label);
							buf_addc(&s, ' ');
						}
						buf_adds(&s, p->text);
						for (const char *q = s.ptr; *q;) {
							const char *e = strpbrk(q, "\n\t");
							size_t len =
							    e ? (size_t)(e - q) : strlen(q);
							if (len)
								add_line_unit(us, q, len, p->flags,
								              p->line);
							q += len + (e ? 1 : 0);
						}
						buf_release(&s);
					}
				}
				gc += cl->colspan ? cl->colspan : 1;
			}
		}
	}
}

void rec_build_units(const struct blocks *bs, struct units *us)
{
	for (size_t i = 0; i < bs->n; i++) {
		const struct block *b = &bs->v[i];
		if (b->kind == BLOCK_TABLE) {
			if (b->table->nrows == 0)
				continue;
			if (is_layout_table(b)) {
				flatten_layout(us, b);
				continue;
			}
			struct unit *u = add_unit(us, U_TABLE);
			u->table = b->table;
			u->flags = b->flags;
			u->line = b->line;
			continue;
		}
		if (b->kind == BLOCK_NOTE) {
			struct unit *u = add_unit(us, U_NOTE);
			u->text = xstrdup(b->text);
			u->line = b->line;
			continue;
		}
		if (!*b->text && !b->label)
			continue;
		struct unit *u = add_unit(us, U_PARA);
		if (b->label)
			u->text = xasprintf("%s %s", b->label, b->text);
		else
			u->text = xstrdup(b->text);
		u->flags = b->flags;
		u->align = b->align;
		u->line = b->line;
	}
}

/* ---- the recognizer's state --------------------------------------------- */

/* Text of a unit as one line (visual line breaks and tab stops become
 * spaces). */
char *rec_one_line(const char *s)
{
	char *r = xstrdup(s);
	for (char *p = r; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return r;
}

struct unit *rec_cur(struct rec *r)
{
	return r->i < r->u.n ? &r->u.v[r->i] : NULL;
}
