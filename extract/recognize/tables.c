/* tables.c - a table block to a plan table: the grid with merged cells
 * repeated, column roles from the header (no, task, lead, partners,
 * timeline, ...), group rows ("I. ...") and rows continued over a page. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/inline.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

static const char *column_role(const char *header)
{
	char *low = text_lower(header, strlen(header));
	const char *role = "other";
	if (!strcmp(low, "stt") || !strcmp(low, "tt") || strstr(low, "số tt") ||
	    strstr(low, "số thứ tự"))
		role = "no";
	else if (strstr(low, "phối hợp"))
		role = "partners";
	else if (strstr(low, "chủ trì") || strstr(low, "trách nhiệm thực hiện") ||
	         (strstr(low, "thực hiện") && (strstr(low, "cơ quan") || strstr(low, "đơn vị"))) ||
	         strstr(low, "chịu trách nhiệm"))
		role = "lead";
	else if (strstr(low, "thời gian") || strstr(low, "thời hạn") || strstr(low, "tiến độ") ||
	         strstr(low, "thời điểm"))
		role = "timeline";
	else if (strstr(low, "sản phẩm") || strstr(low, "kết quả"))
		role = "product";
	else if (strstr(low, "kinh phí") || strstr(low, "dự toán") || strstr(low, "nguồn vốn"))
		role = "cost";
	else if (strstr(low, "ghi chú"))
		role = "note";
	else if (strstr(low, "nhiệm vụ") || strstr(low, "nội dung") || strstr(low, "công việc") ||
	         strstr(low, "hoạt động") || strstr(low, "tên "))
		role = "task";
	free(low);
	return role;
}

/* The grid of cell texts: rows x ncols, merged cells repeated.  The
 * positions a merged cell covers share its one string, so the grid costs
 * a pointer and a length per position however long the texts are. */
struct grid {
	size_t nrows;
	unsigned ncols;
	const char **cell; /* nrows * ncols, borrowed from own */
	size_t *len;       /* strlen of each */
	char **own;        /* the strings, one per source cell */
	size_t nown;
	int *header;   /* per row */
	int *span_all; /* per row: one cell covers the whole width */
};

static void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->nown; i++)
		free(g->own[i]);
	free(g->own);
	free(g->cell);
	free(g->len);
	free(g->header);
	free(g->span_all);
	memset(g, 0, sizeof *g);
}

/* Returns 0, or -1 with an input error in d when the grid or the text it
 * repeats passes its limit (nothing is left to free then). */
static int grid_build(const struct table *t, struct grid *g, struct diag *d, unsigned line)
{
	memset(g, 0, sizeof *g);
	g->nrows = t->nrows;
	g->ncols = t->ncols ? t->ncols : 1;
	if (g->nrows > LIMIT_TABLE_GRID / g->ncols) {
		diag_at(d, NULL, line);
		return diag_error(d,
		                  "table too large: %zu rows by %u columns (limit %d grid cells, "
		                  "LIMIT_TABLE_GRID)",
		                  g->nrows, g->ncols, LIMIT_TABLE_GRID);
	}
	size_t slots = g->nrows * g->ncols;
	if (!slots)
		slots = 1;
	g->cell = xcalloc(slots, sizeof *g->cell);
	g->len = xcalloc(slots, sizeof *g->len);
	g->own = xcalloc(slots, sizeof *g->own);
	g->header = xcalloc(g->nrows ? g->nrows : 1, sizeof *g->header);
	g->span_all = xcalloc(g->nrows ? g->nrows : 1, sizeof *g->span_all);
	size_t repeated = 0; /* bytes of text over every position */
	for (size_t r = 0; r < t->nrows; r++) {
		const struct row *row = &t->rows[r];
		g->header[r] = row->header;
		unsigned col = 0;
		for (size_t c = 0; c < row->ncells && col < g->ncols; c++) {
			const struct cell *cl = &row->cells[c];
			unsigned span = cl->colspan ? cl->colspan : 1;
			if (row->ncells == 1 && span >= g->ncols && g->ncols > 1)
				g->span_all[r] = 1;
			const char *txt;
			size_t len;
			if (cl->merged && r > 0 && g->cell[(r - 1) * g->ncols + col]) {
				txt = g->cell[(r - 1) * g->ncols + col];
				len = g->len[(r - 1) * g->ncols + col];
			} else {
				struct buf b = BUF_INIT;
				rec_cell_text(cl, &b);
				g->own[g->nown++] = buf_detach(&b, &len);
				txt = g->own[g->nown - 1];
			}
			for (unsigned k = 0; k < span && col + k < g->ncols; k++) {
				g->cell[r * g->ncols + col + k] = txt;
				g->len[r * g->ncols + col + k] = len;
				repeated += len;
			}
			col += span;
		}
		for (; col < g->ncols; col++)
			g->cell[r * g->ncols + col] = "";
		if (repeated > LIMIT_TABLE_TEXT_BYTES) {
			grid_free(g);
			diag_at(d, NULL, line);
			return diag_error(
			    d,
			    "table text too large with its merged cells repeated (limit %u bytes, "
			    "LIMIT_TABLE_TEXT_BYTES)",
			    LIMIT_TABLE_TEXT_BYTES);
		}
	}
	return 0;
}

static const char *G(const struct grid *g, size_t r, unsigned c)
{
	return g->cell[r * g->ncols + c];
}

static int is_roman(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr("IVXL", *s))
			return 0;
	return 1;
}

/* A row of column numbers "(1) (2) (3)" or "1 2 3" under the header. */
static int is_numbering_row(const struct grid *g, size_t r)
{
	for (unsigned c = 0; c < g->ncols; c++) {
		const char *s = G(g, r, c);
		char *t = text_trim(s, strlen(s), NULL);
		const char *p = t;
		if (*p == '(')
			p++;
		int v = atoi(p);
		int ok = v == (int)c + 1;
		free(t);
		if (!ok)
			return 0;
	}
	return g->ncols > 1;
}

static void add_cell_text(struct rec *r, xmlNodePtr cell, const char *text, const char *role)
{
	/* budget tables: a bare number in a cost column under "Đơn vị tính: triệu đồng" */
	if (!strcmp(role, "cost") && r->unit_mult > 0) {
		struct rmatch m;
		char *t = text_trim(text, strlen(text), NULL);
		size_t n = strlen(t);
		size_t i = 0;
		while (i < n && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ','))
			i++;
		if (n && i == n && !rule_match(R_AMOUNT, t, n, 0, &m)) {
			const char *comma = strchr(t, ',');
			size_t dl = comma ? (size_t)(comma - t) : n;
			unsigned long long v;
			const char *mult = r->unit_mult >= 1e9   ? "tỷ"
			                   : r->unit_mult >= 1e6 ? "triệu"
			                   : r->unit_mult >= 1e3 ? "nghìn"
			                                         : "";
			if (amount_value(t, dl, comma ? comma + 1 : "", comma ? n - dl - 1 : 0,
			                 mult, strlen(mult), &v) == 0) {
				xmlNodePtr a = plan_child(cell, "amount");
				plan_setf(a, "value", "%llu", v);
				plan_set(a, "unit", "VND");
				plan_text_plain(a, text, strlen(text));
				free(t);
				return;
			}
		}
		free(t);
	}
	inline_mark(cell, text, strlen(text));
}

/* The cells of the last row written, whose text rows continued from the
 * previous page may still extend: written out once the row is complete,
 * since rewriting a cell for every continuation is quadratic. */
struct open_row {
	xmlNodePtr *cell;
	struct buf *text;
	unsigned n;
};

static void open_row_flush(struct rec *r, struct open_row *o, const char **roles)
{
	for (unsigned c = 0; c < o->n; c++) {
		if (o->cell[c])
			add_cell_text(r, o->cell[c], o->text[c].ptr, roles[c]);
		o->cell[c] = NULL;
		buf_reset(&o->text[c]);
	}
}

int rec_add_table(struct rec *r, xmlNodePtr parent, const struct table *t)
{
	struct grid g;
	if (grid_build(t, &g, r->d, rec_cur(r) ? rec_cur(r)->line : 0) < 0)
		return -1;
	/* header rows: marked ones, else the first row, plus rows a vertical
	 * merge in the first row still covers */
	size_t nh = 0;
	while (nh < g.nrows && g.header[nh])
		nh++;
	if (!nh && g.nrows > 1) {
		nh = 1;
		unsigned maxspan = 1;
		for (size_t c = 0; c < t->rows[0].ncells; c++)
			if (t->rows[0].cells[c].rowspan > maxspan)
				maxspan = t->rows[0].cells[c].rowspan;
		if (maxspan > 1 && maxspan < g.nrows)
			nh = maxspan;
	}
	xmlNodePtr tbl = plan_child(parent, "table");
	const char **roles = xcalloc(g.ncols, sizeof *roles);
	for (unsigned c = 0; c < g.ncols; c++) {
		struct buf h = BUF_INIT;
		for (size_t rr = 0; rr < nh; rr++) {
			const char *s = G(&g, rr, c);
			char *one = rec_one_line(s);
			/* join distinct header texts of a column, top to bottom */
			if (*one &&
			    !(h.len >= strlen(one) && !strcmp(h.ptr + h.len - strlen(one), one))) {
				if (h.len)
					buf_adds(&h, " - ");
				buf_adds(&h, one);
			}
			free(one);
		}
		roles[c] = nh ? column_role(h.ptr) : "other";
		xmlNodePtr col = plan_child(tbl, "column");
		plan_set(col, "role", roles[c]);
		plan_text_plain(col, h.ptr, h.len);
		buf_release(&h);
	}
	int no_col = -1, task_col = -1;
	for (unsigned c = 0; c < g.ncols; c++) {
		if (no_col < 0 && !strcmp(roles[c], "no"))
			no_col = (int)c;
		if (task_col < 0 && !strcmp(roles[c], "task"))
			task_col = (int)c;
	}
	xmlNodePtr container = tbl, last_row = NULL;
	struct open_row open = {xcalloc(g.ncols, sizeof *open.cell),
	                        xcalloc(g.ncols, sizeof *open.text), g.ncols};
	for (unsigned c = 0; c < g.ncols; c++)
		buf_init(&open.text[c]);
	for (size_t rr = nh; rr < g.nrows; rr++) {
		if (rr == nh && is_numbering_row(&g, rr))
			continue;
		/* a repeated header row (tables continued across pages) */
		int same_as_header = nh > 0;
		for (unsigned c = 0; c < g.ncols && same_as_header; c++)
			if (strcmp(G(&g, rr, c), G(&g, 0, c)))
				same_as_header = 0;
		if (same_as_header)
			continue;
		int empty = 1;
		for (unsigned c = 0; c < g.ncols; c++)
			if (*G(&g, rr, c))
				empty = 0;
		if (empty)
			continue;
		const char *first = G(&g, rr, 0);
		/* group row: a Roman numeral (or letter) then one title repeated or alone */
		int group = 0;
		const char *gtitle = NULL;
		char *gnum = NULL;
		if (g.span_all[rr]) {
			group = 1;
			gtitle = first;
		} else if (g.ncols >= 2 &&
		           (is_roman(first) ||
		            (strlen(first) == 1 && first[0] >= 'A' && first[0] <= 'Z'))) {
			const char *title = G(&g, rr, 1);
			int rest_same = *title != '\0';
			for (unsigned c = 2; c < g.ncols && rest_same; c++)
				if (*G(&g, rr, c) && strcmp(G(&g, rr, c), title))
					rest_same = 0;
			if (rest_same) {
				group = 1;
				gnum = xstrdup(first);
				gtitle = title;
			}
		}
		if (group) {
			open_row_flush(r, &open, roles);
			xmlNodePtr grp = plan_child(tbl, "group");
			if (!gnum) {
				struct head h;
				if (rec_classify(gtitle, &h) == RANK_ROMAN) {
					gnum = xstrdup(h.number);
					gtitle = h.rest;
				}
				rec_head_release(&h);
			}
			plan_set(grp, "number", gnum);
			char *tt = rec_one_line(gtitle);
			xmlSetProp(grp, (const xmlChar *)"title", (const xmlChar *)tt);
			free(tt);
			free(gnum);
			container = grp;
			last_row = NULL;
			continue;
		}
		/* a row continued from the previous page: no number, no task */
		if (last_row && no_col >= 0 && !*G(&g, rr, (unsigned)no_col) &&
		    (task_col < 0 || !*G(&g, rr, (unsigned)task_col))) {
			for (unsigned c = 0; c < g.ncols; c++) {
				const char *add = G(&g, rr, c);
				if (*add) {
					if (open.text[c].len)
						buf_addc(&open.text[c], ' ');
					buf_add(&open.text[c], add, g.len[rr * g.ncols + c]);
				}
			}
			continue;
		}
		open_row_flush(r, &open, roles);
		xmlNodePtr row = plan_child(container, "row");
		if (no_col >= 0 && *G(&g, rr, (unsigned)no_col)) {
			char *n = rec_one_line(G(&g, rr, (unsigned)no_col));
			char *nt = text_trim(n, strlen(n), ".");
			plan_set(row, "number", nt);
			free(nt);
			free(n);
		}
		for (unsigned c = 0; c < g.ncols; c++) {
			xmlNodePtr cell = plan_child(row, "cell");
			plan_set(cell, "role", roles[c]);
			open.cell[c] = cell;
			buf_add(&open.text[c], G(&g, rr, c), g.len[rr * g.ncols + c]);
		}
		last_row = row;
	}
	open_row_flush(r, &open, roles);
	for (unsigned c = 0; c < g.ncols; c++)
		buf_release(&open.text[c]);
	free(open.text);
	free(open.cell);
	free(roles);
	grid_free(&g);
	r->unit_mult = 0;
	return 0;
}
