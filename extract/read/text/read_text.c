/* read_text.c - plain text and markdown to blocks.
 *
 * Both formats arrive from the same places (copy-paste out of Word, pdftotext,
 * pandoc), so one line scanner serves both; markdown mode adds headings,
 * emphasis, escapes, pipe tables and HTML tables.  Owns: encoding hand-off,
 * line splitting, paragraphs (a run of non-blank lines; a line opening
 * with a list or heading marker starts a new one), and the table shapes
 * seen in real text renderings: tab-separated rows, one cell per line
 * with a leading tab and blank lines between rows, markdown pipe tables,
 * HTML tables.  It does not interpret the document. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/read/encoding.h"
#include "extract/read/readers.h"

struct line {
	const char *s;
	size_t len;
	unsigned no;    /* 1-based source line */
	int page_break; /* a form feed preceded it */
};

struct scan {
	struct line *lines;
	size_t n;
	int md;
	struct blocks *out;
	struct diag *d;
	unsigned pending_flags; /* flags for the next block (page break) */
	unsigned table_depth;
	size_t wrap;  /* plain text: a line this long was wrapped (0: not a wrapped file) */
	size_t paras; /* paragraphs inside table cells */
	size_t cells; /* table cells, all tables together */
};

static int is_blank(const struct line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (!isspace((unsigned char)l->s[i]))
			return 0;
	return 1;
}

static size_t count_char(const char *s, size_t len, char c)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == c;
	return n;
}

static size_t lead_spaces(const struct line *l)
{
	size_t i = 0;
	while (i < l->len && l->s[i] == ' ')
		i++;
	return i;
}

/* ---- inline cleanup ---------------------------------------------------- */

/* Searches clean_inline() repeats at every mark.  Searching afresh from
 * each of n marks is quadratic on a long line full of unmatched marks
 * ("*a *a *a ...", "<<<<", "[[[["), so each search remembers what it
 * found and a later search from further right reuses it. */
struct inline_memo {
	size_t no_closer[3]; /* emphasis of that length has no closer for an opener here or later */
	struct {
		size_t from, at;
	} next[3]; /* '>', ']', ')': first at or after from (at == len: none) */
};

static void memo_init(struct inline_memo *m)
{
	for (int k = 0; k < 3; k++) {
		m->no_closer[k] = (size_t)-1;
		m->next[k].from = (size_t)-1;
		m->next[k].at = 0;
	}
}

/* The position of the first c at or after from, or len. */
static size_t next_of(struct inline_memo *m, int slot, const char *s, size_t from, size_t len,
                      char c)
{
	if (m->next[slot].from <= from && m->next[slot].at >= from)
		return m->next[slot].at;
	const char *p = from < len ? memchr(s + from, c, len - from) : NULL;
	m->next[slot].from = from;
	m->next[slot].at = p ? (size_t)(p - s) : len;
	return m->next[slot].at;
}

/* Is s[i] the opening of an emphasis run "*x" / "**x" that closes later on
 * the same text?  Returns the position of the closer, or 0. */
static size_t emph_close(const char *s, size_t len, size_t i, size_t mlen, struct inline_memo *memo)
{
	if (i >= memo->no_closer[mlen])
		return 0;
	for (size_t j = i + mlen; j + mlen <= len; j++) {
		if (s[j] == '*' && (mlen == 1 || (j + 1 < len && s[j + 1] == '*'))) {
			if (j == i + mlen)
				return 0; /* empty */
			if (s[j - 1] == ' ')
				continue; /* closer must follow a non-space */
			/* "***x***": the closer of "**" is the last two stars of the run */
			while (j + mlen < len && s[j + mlen] == '*')
				j++;
			return j;
		}
	}
	/* Nothing from i + mlen on closes a run, so nothing closes one that
	 * opens further right either. */
	memo->no_closer[mlen] = i;
	return 0;
}

/* Remove markdown marks that carry no text: emphasis, escapes, autolink
 * brackets, links and images, HTML tags, superscript carets.  Emphasis on
 * the whole line is reported through *bold. */
static void clean_inline(const char *s, size_t len, int md, struct buf *out, int *bold)
{
	/* the characters that may open a mark, per mode */
	static unsigned char special_md[256], special_txt[256];
	if (!special_md['*']) {
		for (const char *c = "\\*<![^&"; *c; c++)
			special_md[(unsigned char)*c] = 1;
		for (const char *c = "*<"; *c; c++)
			special_txt[(unsigned char)*c] = 1;
	}
	const unsigned char *special = md ? special_md : special_txt;
	struct inline_memo memo;
	memo_init(&memo);
	size_t start = out->len;
	if (bold) {
		size_t a = 0, b = len;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		*bold = b - a > 4 && !strncmp(s + a, "**", 2) && !strncmp(s + b - 2, "**", 2);
	}
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		/* copy a run of ordinary characters at once */
		size_t run = i;
		while (run < len && !special[(unsigned char)s[run]])
			run++;
		if (run > i) {
			buf_add(out, s + i, run - i);
			i = run - 1;
			continue;
		}
		if (md && c == '\\' && i + 1 < len && ispunct((unsigned char)s[i + 1])) {
			buf_addc(out, s[++i]);
			continue;
		}
		if (md && c == '\\' && i + 1 == len)
			continue; /* hard line break marker */
		if (c == '*') {
			size_t m = (i + 1 < len && s[i + 1] == '*') ? 2 : 1;
			if (i + m < len && s[i + m] != ' ') {
				size_t j = emph_close(s, len, i, m, &memo);
				if (j) {
					clean_inline(s + i + m, j - i - m, md, out, NULL);
					i = j + m - 1;
					continue;
				}
			}
			if (md && m == 2) {
				/* a stray "** **" or unmatched pair: drop the marks */
				i++;
				continue;
			}
		}
		if (c == '<') {
			/* autolink <https://...> and, in markdown, HTML tags */
			size_t g = next_of(&memo, 0, s, i, len, '>');
			const char *gt = g < len ? s + g : NULL;
			if (gt) {
				size_t n = (size_t)(gt - (s + i));
				/* an e-mail autolink <name@host> keeps its address */
				int email = n > 3 && memchr(s + i + 1, '@', n - 1) &&
				            !memchr(s + i + 1, ' ', n - 1);
				if (email || (n > 8 && (!strncmp(s + i + 1, "http://", 7) ||
				                        !strncmp(s + i + 1, "https://", 8)))) {
					if (email && n > 8 && !strncmp(s + i + 1, "mailto:", 7))
						i += 7, n -= 7;
					buf_add(out, s + i + 1, n - 1);
					i += n;
					continue;
				}
				if (md && n >= 2 &&
				    (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/')) {
					if (!strncasecmp(s + i, "<br", 3))
						buf_addc(out, '\n');
					i += n;
					continue;
				}
			}
		}
		if (md && c == '!' && i + 1 < len && s[i + 1] == '[') {
			/* image: drop ![alt](src) */
			size_t cb = next_of(&memo, 1, s, i, len, ']');
			const char *close = cb < len ? s + cb : NULL;
			if (close && close + 1 < s + len && close[1] == '(') {
				size_t pp = next_of(&memo, 2, s, cb, len, ')');
				const char *paren = pp < len ? s + pp : NULL;
				if (paren) {
					i = (size_t)(paren - s);
					continue;
				}
			}
		}
		if (md && c == '[') {
			/* link [text](url) -> text */
			size_t cb = next_of(&memo, 1, s, i, len, ']');
			const char *close = cb < len ? s + cb : NULL;
			if (close && close + 1 < s + len && close[1] == '(') {
				size_t pp = next_of(&memo, 2, s, cb, len, ')');
				const char *paren = pp < len ? s + pp : NULL;
				if (paren) {
					clean_inline(s + i + 1, (size_t)(close - s) - i - 1, md,
					             out, NULL);
					i = (size_t)(paren - s);
					continue;
				}
			}
		}
		if (md && c == '^') {
			const char *close = memchr(s + i + 1, '^', len - i - 1);
			if (close && close - (s + i) < 16) {
				buf_add(out, s + i + 1, (size_t)(close - s) - i - 1);
				i = (size_t)(close - s);
				continue;
			}
		}
		if (md && c == '&') {
			static const struct {
				const char *ent;
				const char *txt;
			} ents[] = {
			    {"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
			    {"&quot;", "\""}, {"&nbsp;", " "}, {"&#39;", "'"},
			};
			size_t k;
			for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
				size_t el = strlen(ents[k].ent);
				if (i + el <= len && !strncmp(s + i, ents[k].ent, el)) {
					buf_adds(out, ents[k].txt);
					i += el - 1;
					break;
				}
			}
			if (k < sizeof ents / sizeof ents[0])
				continue;
		}
		buf_addc(out, c);
	}
	(void)start;
}

/* ---- paragraphs --------------------------------------------------------- */

static int starts(const unsigned char *p, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && !memcmp(p, prefix, n);
}

/* Does the line open a new paragraph by its marker: bullets, numbers,
 * letters, Roman numerals, "Phần", "Điều", "Nơi nhận"? */
static int opens_paragraph(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '*' || s[i] == '#'))
		i++;
	if (i >= len)
		return 0;
	const unsigned char *p = (const unsigned char *)s + i;
	size_t rest = len - i;
	if (rest >= 2 && (p[0] == '-' || p[0] == '+') && p[1] == ' ')
		return 1;
	if (rest >= 4 &&
	    (!memcmp(p, "\xE2\x80\x93 ", 4) || !memcmp(p, "\xE2\x80\xA2 ", 4))) /* – • */
		return 1;
	if (rest >= 2 && p[0] == '\\' && p[1] == '-')
		return 1;
	/* 1. 1) 1.1. I. a) đ) */
	size_t j = 0;
	while (j < rest && isdigit(p[j]))
		j++;
	if (j && j < rest && (p[j] == '.' || p[j] == ')'))
		return 1;
	j = 0;
	while (j < rest && strchr("IVXL", p[j]))
		j++;
	if (j && j + 1 < rest && p[j] == '.' && p[j + 1] == ' ')
		return 1;
	if (rest >= 2 && islower(p[0]) && p[1] == ')')
		return 1;
	if (rest >= 3 && p[0] == '\\' && islower(p[1]) && p[2] == ')')
		return 1;
	if (rest >= 4 && !memcmp(p, "\xC4\x91)", 3)) /* đ) */
		return 1;
	if (starts(p, rest, "Ph\xE1\xBA\xA7n ") || starts(p, rest, "\xC4\x90i\xE1\xBB\x81u ") ||
	    starts(p, rest, "N\xC6\xA1i nh\xE1\xBA\xADn"))
		return 1; /* Phần, Điều, Nơi nhận */
	return 0;
}

static void flush_para(struct scan *sc, struct buf *para, unsigned line, int level, int bold,
                       int indent)
{
	if (!para->len)
		return;
	struct block *b = blocks_add_para(sc->out, para->ptr, para->len);
	b->line = line;
	b->level = level;
	b->indent = indent;
	b->flags |= sc->pending_flags;
	if (level)
		b->flags |= BF_HEADING_STYLE;
	if (bold)
		b->flags |= BF_BOLD;
	sc->pending_flags = 0;
	buf_reset(para);
}

/* ---- tables --------------------------------------------------------------- */

static void cell_text(struct scan *sc, struct cell *c, const char *s, size_t len, int md,
                      unsigned line)
{
	struct buf b = BUF_INIT;
	int bold = 0;
	clean_inline(s, len, md, &b, &bold);
	buf_trim(&b);
	if (b.len) {
		struct block *p = blocks_add_para(c->content, b.ptr, b.len);
		p->line = line;
		if (bold)
			p->flags |= BF_BOLD;
		sc->paras++;
	}
	buf_release(&b);
}

static struct cell *add_cell(struct scan *sc, struct row *r)
{
	sc->cells++;
	return table_add_cell(r);
}

/* Bounds on the whole document, checked while it is built so that a
 * hostile file stops before it has cost the memory. */
static int check_budget(struct scan *sc, unsigned line)
{
	if (sc->out->n + sc->paras > LIMIT_BLOCKS) {
		diag_at(sc->d, NULL, line);
		return diag_error(sc->d, "too many paragraphs (limit %d, LIMIT_BLOCKS)",
		                  LIMIT_BLOCKS);
	}
	if (sc->cells > LIMIT_CELLS) {
		diag_at(sc->d, NULL, line);
		return diag_error(sc->d,
		                  "too many table cells in the document (limit %d, LIMIT_CELLS)",
		                  LIMIT_CELLS);
	}
	return 0;
}

/* Split one line at tabs into fields. */
static size_t split_tabs(const struct line *l, const char **f, size_t *fl, size_t max)
{
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= l->len && n < max; i++) {
		if (i == l->len || l->s[i] == '\t') {
			f[n] = l->s + start;
			fl[n] = i - start;
			n++;
			start = i + 1;
		}
	}
	return n;
}

/* A tab-separated row: text on both sides of a tab, or several tabs. */
static int is_tab_row(const struct line *l)
{
	size_t tabs = count_char(l->s, l->len, '\t');
	if (!tabs)
		return 0;
	if (tabs >= 2)
		return !is_blank(l);
	const char *t = memchr(l->s, '\t', l->len);
	size_t before = (size_t)(t - l->s);
	int text_before = 0;
	for (size_t i = 0; i < before; i++)
		if (!isspace((unsigned char)l->s[i]))
			text_before = 1;
	return text_before && !is_blank(&(struct line){t + 1, l->len - before - 1, 0, 0});
}

/* One cell per line, each line opening with a tab: "\tcell". */
static int is_tab_cell(const struct line *l)
{
	return l->len > 1 && l->s[0] == '\t' && count_char(l->s, l->len, '\t') == 1 && !is_blank(l);
}

static int check_table_size(struct scan *sc, struct table *t, size_t cells, unsigned line)
{
	if (check_budget(sc, line) < 0)
		return -1;
	if (t->nrows >= LIMIT_TABLE_ROWS) {
		diag_at(sc->d, NULL, line);
		return diag_error(sc->d, "table has too many rows (limit %d, LIMIT_TABLE_ROWS)",
		                  LIMIT_TABLE_ROWS);
	}
	if (cells > LIMIT_TABLE_CELLS) {
		diag_at(sc->d, NULL, line);
		return diag_error(sc->d,
		                  "table row has too many cells (limit %d, LIMIT_TABLE_CELLS)",
		                  LIMIT_TABLE_CELLS);
	}
	return 0;
}

static struct table *new_table(struct scan *sc, unsigned line)
{
	struct block *b = blocks_add_table(sc->out);
	b->line = line;
	b->flags |= sc->pending_flags;
	sc->pending_flags = 0;
	return b->table;
}

/* Tab-separated rows; blank lines may fall between rows (page breaks). */
static int scan_tab_rows(struct scan *sc, size_t *pi)
{
	size_t i = *pi;
	struct table *t = new_table(sc, sc->lines[i].no);
	const char *f[LIMIT_TABLE_CELLS + 1];
	size_t fl[LIMIT_TABLE_CELLS + 1];
	while (i < sc->n) {
		struct line *l = &sc->lines[i];
		if (is_blank(l)) {
			size_t j = i;
			while (j < sc->n && is_blank(&sc->lines[j]))
				j++;
			if (j < sc->n && is_tab_row(&sc->lines[j])) {
				i = j;
				continue;
			}
			break;
		}
		if (!is_tab_row(l))
			break;
		size_t n = split_tabs(l, f, fl, LIMIT_TABLE_CELLS + 1);
		if (check_table_size(sc, t, n, l->no) < 0)
			return -1;
		struct row *r = table_add_row(t);
		for (size_t k = 0; k < n; k++)
			cell_text(sc, add_cell(sc, r), f[k], fl[k], sc->md, l->no);
		i++;
	}
	/* Trailing empty fields beyond the widest first row are separators. */
	size_t width = t->nrows ? t->rows[0].ncells : 0;
	for (size_t r = 0; r < t->nrows; r++) {
		struct row *row = &t->rows[r];
		while (row->ncells > width && row->cells[row->ncells - 1].content->n == 0) {
			blocks_free(row->cells[row->ncells - 1].content);
			row->ncells--;
		}
	}
	table_finish(t);
	*pi = i;
	return 0;
}

/* One cell per line ("\tcell"), rows separated by blank lines. */
static int scan_tab_cells(struct scan *sc, size_t *pi)
{
	size_t i = *pi;
	struct table *t = new_table(sc, sc->lines[i].no);
	struct row *r = NULL;
	while (i < sc->n) {
		struct line *l = &sc->lines[i];
		if (is_blank(l)) {
			r = NULL;
			size_t j = i;
			while (j < sc->n && is_blank(&sc->lines[j]))
				j++;
			if (j < sc->n && is_tab_cell(&sc->lines[j]) && j + 1 < sc->n &&
			    is_tab_cell(&sc->lines[j + 1])) {
				i = j;
				continue;
			}
			break;
		}
		if (!is_tab_cell(l))
			break;
		if (!r) {
			if (check_table_size(sc, t, 0, l->no) < 0)
				return -1;
			r = table_add_row(t);
		}
		if (check_table_size(sc, t, r->ncells + 1, l->no) < 0)
			return -1;
		cell_text(sc, add_cell(sc, r), l->s + 1, l->len - 1, sc->md, l->no);
		i++;
	}
	table_finish(t);
	*pi = i;
	return 0;
}

/* Markdown pipe table: a row line, then a separator |---|:--:|. */
static int is_pipe_sep(const struct line *l)
{
	size_t dashes = 0;
	if (!memchr(l->s, '|', l->len))
		return 0;
	for (size_t i = 0; i < l->len; i++) {
		char c = l->s[i];
		if (c == '-')
			dashes++;
		else if (c != '|' && c != ':' && c != ' ')
			return 0;
	}
	return dashes >= 3;
}

static int is_pipe_row(const struct line *l)
{
	size_t i = lead_spaces(l);
	return i < l->len && l->s[i] == '|';
}

static void pipe_cells(struct scan *sc, struct row *r, const struct line *l)
{
	size_t i = lead_spaces(l);
	size_t end = l->len;
	while (end > i && l->s[end - 1] == ' ')
		end--;
	if (i < end && l->s[i] == '|')
		i++;
	if (end > i && l->s[end - 1] == '|' && (end < 2 || l->s[end - 2] != '\\'))
		end--;
	size_t start = i;
	for (; i <= end; i++) {
		if (i == end || (l->s[i] == '|' && l->s[i - 1] != '\\')) {
			if (r->ncells < LIMIT_TABLE_CELLS)
				cell_text(sc, add_cell(sc, r), l->s + start, i - start, 1, l->no);
			start = i + 1;
		}
	}
}

static int scan_pipe_table(struct scan *sc, size_t *pi)
{
	size_t i = *pi;
	struct table *t = new_table(sc, sc->lines[i].no);
	struct row *h = table_add_row(t);
	h->header = 1;
	pipe_cells(sc, h, &sc->lines[i]);
	i += 2; /* header and separator */
	while (i < sc->n && is_pipe_row(&sc->lines[i]) && !is_blank(&sc->lines[i])) {
		if (check_table_size(sc, t, 0, sc->lines[i].no) < 0)
			return -1;
		pipe_cells(sc, table_add_row(t), &sc->lines[i]);
		i++;
	}
	table_finish(t);
	*pi = i;
	return 0;
}

/* ---- HTML tables inside markdown ---------------------------------------- */

static int html_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static int html_table(struct scan *sc, xmlNodePtr tbl, struct blocks *out, unsigned line);

/* Paragraph-like content of an HTML cell: <p> children become blocks,
 * nested tables become tables, loose text one paragraph. */
static int html_cell(struct scan *sc, xmlNodePtr td, struct blocks *out, unsigned line)
{
	struct buf loose = BUF_INIT;
	for (xmlNodePtr c = td->children; c; c = c->next) {
		if (html_is(c, "table")) {
			if (html_table(sc, c, out, line) < 0) {
				buf_release(&loose);
				return -1;
			}
			continue;
		}
		if (html_is(c, "p") || html_is(c, "div") || html_is(c, "li")) {
			xmlChar *txt = xmlNodeGetContent(c);
			int bold = 0;
			for (xmlNodePtr k = c->children; k; k = k->next)
				if ((html_is(k, "strong") || html_is(k, "b")) && !k->next &&
				    k == c->children)
					bold = 1;
			struct buf b = BUF_INIT;
			buf_adds(&b, (const char *)txt);
			buf_trim(&b);
			xmlFree(txt);
			if (b.len > LIMIT_PARAGRAPH_BYTES) {
				diag_at(sc->d, NULL, line);
				diag_error(sc->d,
				           "paragraph too long: %zu bytes (limit %u, "
				           "LIMIT_PARAGRAPH_BYTES)",
				           b.len, LIMIT_PARAGRAPH_BYTES);
			}
			if (diag_failed(sc->d) || check_budget(sc, line) < 0) {
				buf_release(&b);
				buf_release(&loose);
				return -1;
			}
			if (b.len) {
				struct block *p = blocks_add_para(out, b.ptr, b.len);
				p->line = line;
				if (bold)
					p->flags |= BF_BOLD;
				sc->paras++;
			}
			buf_release(&b);
			continue;
		}
		if (html_is(c, "br")) {
			buf_addc(&loose, '\n');
			continue;
		}
		xmlChar *txt = xmlNodeGetContent(c);
		if (txt)
			buf_adds(&loose, (const char *)txt);
		xmlFree(txt);
	}
	buf_trim(&loose);
	if (loose.len > LIMIT_PARAGRAPH_BYTES) {
		diag_at(sc->d, NULL, line);
		diag_error(sc->d, "paragraph too long: %zu bytes (limit %u, LIMIT_PARAGRAPH_BYTES)",
		           loose.len, LIMIT_PARAGRAPH_BYTES);
		buf_release(&loose);
		return -1;
	}
	if (loose.len) {
		struct block *p = blocks_add_para(out, loose.ptr, loose.len);
		p->line = line;
		sc->paras++;
	}
	buf_release(&loose);
	return 0;
}

static void html_rows(xmlNodePtr parent, xmlNodePtr *rows, size_t *n, size_t max)
{
	for (xmlNodePtr c = parent->children; c && *n < max; c = c->next) {
		if (html_is(c, "tr"))
			rows[(*n)++] = c;
		else if (html_is(c, "thead") || html_is(c, "tbody") || html_is(c, "tfoot"))
			html_rows(c, rows, n, max);
	}
}

static unsigned html_span(xmlNodePtr td, const char *attr)
{
	xmlChar *v = xmlGetProp(td, (const xmlChar *)attr);
	unsigned n = 1;
	if (v) {
		long x = strtol((const char *)v, NULL, 10);
		if (x > 1 && x <= LIMIT_TABLE_CELLS)
			n = (unsigned)x;
		xmlFree(v);
	}
	return n;
}

static int html_table(struct scan *sc, xmlNodePtr tbl, struct blocks *out, unsigned line)
{
	if (++sc->table_depth > LIMIT_TABLE_NESTING) {
		diag_at(sc->d, NULL, line);
		return diag_error(sc->d, "tables nested too deep (limit %d, LIMIT_TABLE_NESTING)",
		                  LIMIT_TABLE_NESTING);
	}
	struct block *tb = blocks_add_table(out);
	tb->line = line;
	struct table *t = tb->table;
	size_t nrows = 0;
	xmlNodePtr *rows = xmalloc(sizeof *rows * (LIMIT_TABLE_ROWS + 1));
	html_rows(tbl, rows, &nrows, LIMIT_TABLE_ROWS + 1);
	if (nrows > LIMIT_TABLE_ROWS) {
		free(rows);
		return check_table_size(sc, &(struct table){.nrows = LIMIT_TABLE_ROWS}, 0, line);
	}
	/* pending vertical merges per grid column: rows still to cover */
	unsigned *pending = xcalloc(LIMIT_TABLE_CELLS + 1, sizeof *pending);
	int rc = 0;
	for (size_t r = 0; r < nrows && rc == 0; r++) {
		if (check_budget(sc, line) < 0) {
			rc = -1;
			break;
		}
		struct row *row = table_add_row(t);
		unsigned col = 0;
		xmlNodePtr td = rows[r]->children;
		int header = 1;
		for (;;) {
			while (col < LIMIT_TABLE_CELLS && pending[col]) {
				struct cell *m = add_cell(sc, row);
				m->merged = 1;
				pending[col]--;
				col++;
			}
			while (td && !html_is(td, "td") && !html_is(td, "th"))
				td = td->next;
			if (!td)
				break;
			if (!html_is(td, "th"))
				header = 0;
			if (row->ncells >= LIMIT_TABLE_CELLS) {
				rc = check_table_size(sc, t, row->ncells + 1, line);
				break;
			}
			struct cell *c = add_cell(sc, row);
			c->colspan = html_span(td, "colspan");
			c->rowspan = html_span(td, "rowspan");
			if (html_cell(sc, td, c->content, line) < 0) {
				rc = -1;
				break;
			}
			for (unsigned k = 0; k < c->colspan && col + k < LIMIT_TABLE_CELLS; k++)
				pending[col + k] = c->rowspan - 1;
			/* a rowspan over several grid columns leaves one placeholder per
			 * column below; keep only the first column's placeholder count */
			for (unsigned k = 1; k < c->colspan && col + k < LIMIT_TABLE_CELLS; k++)
				pending[col + k] = 0;
			col += c->colspan;
			td = td->next;
		}
		row->header = header && row->ncells > 0;
	}
	free(pending);
	free(rows);
	table_finish(t);
	sc->table_depth--;
	return rc;
}

static int scan_html_table(struct scan *sc, size_t *pi)
{
	size_t i = *pi, depth = 0, j;
	/* find the matching </table>, counting nested tables */
	for (j = i; j < sc->n; j++) {
		const char *s = sc->lines[j].s;
		size_t len = sc->lines[j].len;
		for (size_t k = 0; k + 6 <= len; k++) {
			if (!strncasecmp(s + k, "<table", 6))
				depth++;
			else if (k + 8 <= len && !strncasecmp(s + k, "</table>", 8))
				depth--;
		}
		if (depth == 0)
			break;
	}
	if (j >= sc->n)
		j = sc->n - 1;
	const char *start = sc->lines[i].s;
	const char *end = sc->lines[j].s + sc->lines[j].len;
	diag_at(sc->d, NULL, sc->lines[i].no);
	htmlDocPtr doc = xmlsafe_parse_html("HTML table", start, (size_t)(end - start), sc->d);
	int rc = diag_failed(sc->d) ? -1 : 0;
	if (rc == 0)
		diag_at(sc->d, NULL, 0);
	if (doc) {
		xmlNodePtr n = xmlDocGetRootElement(doc);
		/* html > body > table */
		while (n && !html_is(n, "table")) {
			xmlNodePtr c = n->children;
			while (c && c->type != XML_ELEMENT_NODE)
				c = c->next;
			n = c;
		}
		if (n) {
			size_t before = sc->out->n;
			rc = html_table(sc, n, sc->out, sc->lines[i].no);
			if (sc->out->n > before)
				sc->out->v[before].flags |= sc->pending_flags;
			sc->pending_flags = 0;
		}
		xmlFreeDoc(doc);
	}
	*pi = j + 1;
	return rc;
}

/* ---- two-column layout text --------------------------------------------- */

/* A line of layout text (pdftotext -layout) holding two columns: text, a
 * gap of five spaces or more, text.  Sets *gap_start and *right. */
static int split_columns(const struct line *l, size_t *gap_start, size_t *right)
{
	size_t i = lead_spaces(l), best = 0, second = 0, bs = 0, be = 0;
	for (; i < l->len; i++) {
		if (l->s[i] != ' ')
			continue;
		size_t j = i;
		while (j < l->len && l->s[j] == ' ')
			j++;
		if (j < l->len && j - i > 1) {
			if (j - i > best) {
				second = best;
				best = j - i;
				bs = i;
				be = j;
			} else if (j - i > second) {
				second = j - i;
			}
		}
		i = j;
	}
	/* one clear gap: others (a hand-fill blank in "Số:   /BC") are much narrower */
	if (best < 5 || second * 2 > best)
		return 0;
	*gap_start = bs;
	*right = be;
	return 1;
}

/* Lines side by side (a header: issuer | Quốc hiệu; a signature area:
 * Nơi nhận | signer) become a borderless two-column table, the shape a
 * DOCX header table has. */
static int scan_columns(struct scan *sc, size_t *pi)
{
	size_t i = *pi;
	struct table *t = new_table(sc, sc->lines[i].no);
	sc->out->v[sc->out->n - 1].flags |= BF_BORDERLESS;
	size_t gs, rs;
	while (i < sc->n && !is_blank(&sc->lines[i]) && split_columns(&sc->lines[i], &gs, &rs)) {
		struct line *l = &sc->lines[i];
		if (check_table_size(sc, t, 2, l->no) < 0)
			return -1;
		struct row *r = table_add_row(t);
		cell_text(sc, add_cell(sc, r), l->s, gs, 0, l->no);
		cell_text(sc, add_cell(sc, r), l->s + rs, l->len - rs, 0, l->no);
		i++;
	}
	table_finish(t);
	*pi = i;
	return 0;
}

/* ---- the scanner ---------------------------------------------------------- */

static int is_rule_line(const struct line *l)
{
	size_t n = 0;
	char c0 = 0;
	for (size_t i = 0; i < l->len; i++) {
		char c = l->s[i];
		if (c == ' ')
			continue;
		if (c != '-' && c != '_' && c != '=' && c != '*')
			return 0;
		if (c0 && c != c0)
			return 0;
		c0 = c;
		n++;
	}
	return n >= 3;
}

/* Markdown ATX heading level, with *skip set past "### ". */
static int heading_level(const struct line *l, size_t *skip)
{
	size_t i = lead_spaces(l), lv = 0;
	while (i + lv < l->len && l->s[i + lv] == '#')
		lv++;
	if (lv == 0 || lv > 6 || i + lv >= l->len || l->s[i + lv] != ' ')
		return 0;
	*skip = i + lv + 1;
	return (int)lv;
}

static int scan_lines(struct scan *sc)
{
	struct buf para = BUF_INIT;
	unsigned para_line = 0;
	int para_level = 0, para_bold = 0, para_indent = 0;
	size_t i = 0;
	int rc = 0;
	while (i < sc->n && rc == 0) {
		struct line *l = &sc->lines[i];
		if (check_budget(sc, l->no) < 0) {
			rc = -1;
			break;
		}
		if (l->page_break)
			sc->pending_flags |= BF_PAGE_BREAK;
		if (is_blank(l)) {
			flush_para(sc, &para, para_line, para_level, para_bold, para_indent);
			i++;
			continue;
		}
		int table = 0;
		if (sc->md && !strncasecmp(l->s + lead_spaces(l), "<table", 6))
			table = 1;
		else if (sc->md && is_pipe_row(l) && i + 1 < sc->n &&
		         is_pipe_sep(&sc->lines[i + 1]))
			table = 2;
		else if (is_tab_row(l) && i + 1 < sc->n)
			table = 3;
		else if (is_tab_cell(l) && i + 1 < sc->n && is_tab_cell(&sc->lines[i + 1]))
			table = 4;
		else if (!sc->md && i + 1 < sc->n) {
			size_t g, rr;
			if (split_columns(l, &g, &rr) && split_columns(&sc->lines[i + 1], &g, &rr))
				table = 5;
		}
		if (table) {
			flush_para(sc, &para, para_line, para_level, para_bold, para_indent);
			switch (table) {
			case 1: rc = scan_html_table(sc, &i); break;
			case 2: rc = scan_pipe_table(sc, &i); break;
			case 3: rc = scan_tab_rows(sc, &i); break;
			case 4: rc = scan_tab_cells(sc, &i); break;
			default: rc = scan_columns(sc, &i); break;
			}
			continue;
		}
		if (is_rule_line(l) && !(l->len >= 3 && l->s[0] == '-' && l->s[1] == ' ')) {
			flush_para(sc, &para, para_line, para_level, para_bold, para_indent);
			i++;
			continue;
		}
		size_t skip = 0;
		int level = sc->md ? heading_level(l, &skip) : 0;
		const char *s = l->s + skip;
		size_t len = l->len - skip;
		/* hard line break marks at the end of a markdown line */
		int hard = 0;
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
			len--, hard = 1;
		(void)hard;
		/* Plain text keeps one paragraph per line, unless the file is
		 * hard-wrapped and the previous line ran to the wrap width. */
		int joins = sc->md || (sc->wrap && i > 0 && sc->lines[i - 1].len >= sc->wrap);
		if (level || (para.len && (opens_paragraph(s, len) || !joins)) || para_level)
			flush_para(sc, &para, para_line, para_level, para_bold, para_indent);
		int bold = 0;
		if (para.len + len >= LIMIT_PARAGRAPH_BYTES) {
			diag_at(sc->d, NULL, para_line);
			rc = diag_error(
			    sc->d,
			    "paragraph too long: over %u bytes (limit %u, LIMIT_PARAGRAPH_BYTES)",
			    LIMIT_PARAGRAPH_BYTES, LIMIT_PARAGRAPH_BYTES);
			break;
		}
		if (para.len) {
			buf_addc(&para, '\n');
			size_t at = para.len;
			clean_inline(s, len, sc->md, &para, &bold);
			para_bold = para_bold && bold;
			(void)at;
		} else {
			para_line = l->no;
			para_level = level;
			para_indent = (int)lead_spaces(l) * 20 * 6; /* spaces as ~6 pt each */
			clean_inline(s, len, sc->md, &para, &bold);
			para_bold = bold;
		}
		i++;
	}
	if (rc == 0)
		flush_para(sc, &para, para_line, para_level, para_bold, para_indent);
	buf_release(&para);
	return rc;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* A hard-wrapped text file (pdftotext, e-mail) has most of its long lines
 * near one width; a file with one line per paragraph (what Word and
 * converters write) has no such width.  Returns the length from which a
 * line counts as wrapped, or 0. */
static size_t wrap_width(const struct scan *sc)
{
	size_t n = 0;
	size_t *lens = xmalloc(sizeof *lens * (sc->n + 1));
	for (size_t i = 0; i < sc->n; i++) {
		/* characters, not bytes: count UTF-8 lead bytes */
		size_t c = 0;
		for (size_t k = 0; k < sc->lines[i].len; k++)
			c += ((unsigned char)sc->lines[i].s[k] & 0xC0) != 0x80;
		if (c > 20)
			lens[n++] = c;
	}
	size_t wrap = 0;
	if (n >= 20) {
		qsort(lens, n, sizeof *lens, cmp_size);
		size_t p90 = lens[n * 9 / 10];
		if (p90 <= 120)
			wrap = p90 * 3 / 4;
	}
	free(lens);
	/* back to bytes: Vietnamese text averages ~1.3 bytes per character */
	return wrap ? wrap + wrap / 4 : 0;
}

static int read_lines(const unsigned char *data, size_t len, int md, struct blocks *out,
                      struct diag *d)
{
	struct buf text = BUF_INIT;
	enum text_encoding enc;
	if (encoding_decode(data, len, &text, &enc, d) < 0) {
		buf_release(&text);
		return -1;
	}
	struct scan sc;
	memset(&sc, 0, sizeof sc);
	sc.md = md;
	sc.out = out;
	sc.d = d;
	size_t alines = 0;
	/* split into lines; CRLF and CR end lines; form feed marks a page break */
	const char *p = text.ptr, *end = text.ptr + text.len;
	unsigned no = 1;
	int ff = 0;
	int rc = 0;
	while (p < end) {
		const char *e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		const char *s = p;
		size_t n = (size_t)(e - p);
		while (n && *s == '\f') {
			s++, n--;
			ff = 1;
		}
		if (n > LIMIT_PARAGRAPH_BYTES) {
			diag_at(d, NULL, no);
			rc = diag_error(
			    d, "line too long: %zu bytes (limit %u, LIMIT_PARAGRAPH_BYTES)", n,
			    LIMIT_PARAGRAPH_BYTES);
			break;
		}
		if (sc.n >= LIMIT_TEXT_LINES) {
			diag_at(d, NULL, no);
			rc = diag_error(d, "too many lines (limit %d, LIMIT_TEXT_LINES)",
			                LIMIT_TEXT_LINES);
			break;
		}
		sc.lines = xgrow(sc.lines, sizeof *sc.lines, sc.n + 1, &alines);
		sc.lines[sc.n++] = (struct line){s, n, no, ff};
		ff = 0;
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		p = e + 1;
		no++;
	}
	if (rc == 0) {
		size_t before = out->n;
		sc.wrap = wrap_width(&sc);
		rc = scan_lines(&sc);
		if (rc == 0 && out->n > LIMIT_BLOCKS)
			rc = diag_error(d, "too many paragraphs (limit %d, LIMIT_BLOCKS)",
			                LIMIT_BLOCKS);
		(void)before;
	}
	free(sc.lines);
	buf_release(&text);
	return rc;
}

int read_text(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
              struct diag *d)
{
	(void)o;
	return read_lines(data, len, 0, out, d);
}

int read_md(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
            struct diag *d)
{
	(void)o;
	return read_lines(data, len, 1, out, d);
}
