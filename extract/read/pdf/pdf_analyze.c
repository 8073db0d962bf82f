/* pdf_analyze.c - words with positions to blocks: the PDF reader's layout.
 *
 * Owns, page by page: visual lines from word boxes; what is not body text
 * (page numbers, running headers and footers, signing stamps, footnote
 * marks); footnotes at the page foot as notes; ruled tables (from the
 * ruling lines pdf_rules.c finds) with merged cells, rows continued on the
 * next page (a cell split mid-paragraph joined) and repeated header rows
 * dropped; tables typed without borders, from the alignment of their
 * columns; the two-column bands of the document header (issuer | Quốc
 * hiệu; Số | place and date) and the signature (Nơi nhận | signer, going
 * on over a page break), emitted as borderless two-column tables the way
 * a DOCX header table arrives; which pages need ruling lines at all; and
 * paragraphs rebuilt from line positions (indents, spacing, wrapping,
 * entries broken by hand, a paragraph going on across a page break),
 * with bold and italic from the fonts.  It reads layout, with a few
 * typographic signs (list marks, capitals, a line opening in lower case);
 * what any text means is the recognizer's. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/base/limits.h"
#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"
#include "extract/read/pdf/pdf_analyze.h"

/* ---- lines --------------------------------------------------------------- */

enum line_use {
	USE_BODY = 0,
	USE_DROP,  /* furniture or stamp */
	USE_NOTE,  /* footnote area */
	USE_TABLE, /* inside a ruled table */
	USE_ZONE,  /* inside a two-column band */
};

struct line {
	size_t *wi; /* word indices, left to right */
	size_t nw, aw;
	double x1, y1, x2, y2;
	double size; /* main font size */
	double base; /* bottom of the main-size words */
	enum line_use use;
	int bold, italic, bold_start;
	int zone; /* index of its band while grouping */
};

struct page_ctx {
	struct pdf_page *pg;
	struct line *lines;
	size_t nlines;
	double left, right; /* body margins */
	double indent;      /* where indented first lines start, or 0 */
	double pitch;       /* usual distance between lines of one paragraph */
};

/* A column of a band: where its lines start and their centres. */
#define SIDE_LINES 24
struct side {
	double x1[SIDE_LINES], cx[SIDE_LINES];
	int n;
};

/* A two-column band: the empty column between its sides and the sides. */
struct band {
	double gl, gr;
	struct side s[2];
};

static const struct pdf_word *W(const struct page_ctx *pc, const struct line *l, size_t k)
{
	return &pc->pg->words[l->wi[k]];
}

static const char *wtext(const struct pdf_page *pg, const struct pdf_word *w)
{
	return pg->text.ptr + w->off;
}

static const struct pdf_page *sort_page;

static int cmp_word_y(const void *a, const void *b)
{
	const struct pdf_word *x = &sort_page->words[*(const size_t *)a];
	const struct pdf_word *y = &sort_page->words[*(const size_t *)b];
	double cx = x->y1 + x->y2, cy = y->y1 + y->y2;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static int cmp_word_x(const void *a, const void *b)
{
	const struct pdf_word *x = &sort_page->words[*(const size_t *)a];
	const struct pdf_word *y = &sort_page->words[*(const size_t *)b];
	if (x->x1 != y->x1)
		return x->x1 < y->x1 ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) -
	       (*(const size_t *)a < *(const size_t *)b);
}

static int cmp_line_y(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	double cx = x->y1 + x->y2, cy = y->y1 + y->y2;
	return (cx > cy) - (cx < cy);
}

static void line_add(struct line *l, size_t wi)
{
	l->wi = xgrow(l->wi, sizeof *l->wi, l->nw + 1, &l->aw);
	l->wi[l->nw++] = wi;
}

static int all_digits(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '*' && s[i] != ')' && s[i] != '(')
			return 0;
	return 1;
}

/* Bounding box, main size, styles; footnote marks. */
static void line_measure(struct page_ctx *pc, struct line *l)
{
	struct pdf_page *pg = pc->pg;
	sort_page = pg;
	qsort(l->wi, l->nw, sizeof *l->wi, cmp_word_x);
	size_t best = 0;
	for (size_t k = 0; k < l->nw; k++)
		if (W(pc, l, k)->len > W(pc, l, best)->len)
			best = k;
	l->size = W(pc, l, best)->size;
	l->base = 0;
	for (size_t k = 0; k < l->nw; k++) {
		const struct pdf_word *w = W(pc, l, k);
		if (fabs(w->size - l->size) < 0.5 && w->y2 > l->base)
			l->base = w->y2;
	}
	for (size_t k = 0; k < l->nw; k++) {
		struct pdf_word *w = &pg->words[l->wi[k]];
		w->sup = w->size < l->size * 0.8 && w->y2 < l->base - l->size * 0.15 &&
		         all_digits(wtext(pg, w), w->len);
	}
	l->x1 = 1e9, l->y1 = 1e9, l->x2 = -1e9, l->y2 = -1e9;
	l->bold = l->italic = 1;
	l->bold_start = 0;
	int first = 1;
	for (size_t k = 0; k < l->nw; k++) {
		const struct pdf_word *w = W(pc, l, k);
		if (w->x1 < l->x1)
			l->x1 = w->x1;
		if (w->x2 > l->x2)
			l->x2 = w->x2;
		if (w->sup)
			continue;
		if (w->y1 < l->y1)
			l->y1 = w->y1;
		if (w->y2 > l->y2)
			l->y2 = w->y2;
		if (first)
			l->bold_start = w->bold;
		first = 0;
		l->bold &= w->bold;
		l->italic &= w->italic;
	}
	if (first) { /* only marks */
		l->y1 = W(pc, l, 0)->y1;
		l->y2 = W(pc, l, 0)->y2;
	}
}

/* Does w sit over or under a word of l?  Words of one visual line never
 * share x: a small 11-point line beside a tall 14-point one (Nơi nhận
 * beside the signer) is two lines, not one. */
static int overlaps_in_x(const struct pdf_page *pg, const struct line *l, const struct pdf_word *w)
{
	for (size_t k = 0; k < l->nw; k++) {
		const struct pdf_word *o = &pg->words[l->wi[k]];
		double ov = fmin(o->x2, w->x2) - fmax(o->x1, w->x1);
		if (ov > 1.0 && ov > 0.3 * fmin(o->x2 - o->x1, w->x2 - w->x1))
			return 1;
	}
	return 0;
}

/* Group the page's words into visual lines, top to bottom. */
static void build_lines(struct page_ctx *pc)
{
	struct pdf_page *pg = pc->pg;
	size_t n = pg->nwords, alines = 0;
	if (!n)
		return;
	size_t *order = xmalloc(n * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_page = pg;
	qsort(order, n, sizeof *order, cmp_word_y);
	for (size_t i = 0; i < n; i++) {
		const struct pdf_word *w = &pg->words[order[i]];
		double h = w->y2 - w->y1;
		struct line *best = NULL;
		double best_ov = 0;
		for (size_t j = pc->nlines; j-- > 0;) {
			struct line *l = &pc->lines[j];
			if (l->y2 < w->y1 - 3 * (h + 1))
				break;
			double ov = fmin(l->y2, w->y2) - fmax(l->y1, w->y1);
			double mh = fmin(l->y2 - l->y1, h);
			if (mh <= 0)
				mh = 1;
			if (ov / mh > 0.5 && ov / mh > best_ov && !overlaps_in_x(pg, l, w)) {
				best_ov = ov / mh;
				best = l;
			}
		}
		if (!best) {
			pc->lines = xgrow(pc->lines, sizeof *pc->lines, pc->nlines + 1, &alines);
			best = &pc->lines[pc->nlines++];
			memset(best, 0, sizeof *best);
			best->y1 = w->y1, best->y2 = w->y2;
		} else {
			/* keep the band of the main text, not of a raised mark */
			if (h >= best->y2 - best->y1) {
				best->y1 = fmin(best->y1, w->y1);
				best->y2 = fmax(best->y2, w->y2);
			}
		}
		line_add(best, order[i]);
	}
	free(order);
	for (size_t j = 0; j < pc->nlines; j++)
		line_measure(pc, &pc->lines[j]);
	qsort(pc->lines, pc->nlines, sizeof *pc->lines, cmp_line_y);
	/* a raised footnote number that came out as a line of its own goes
	   with the line it opens */
	for (size_t j = 0; j + 1 < pc->nlines; j++) {
		struct line *m = &pc->lines[j], *l = &pc->lines[j + 1];
		int digits = m->nw > 0;
		for (size_t k = 0; k < m->nw; k++)
			digits &= all_digits(wtext(pg, W(pc, m, k)), W(pc, m, k)->len);
		if (!digits || l->size < m->size * 1.2 || m->x2 > l->x1 + 2 || l->y1 > m->y2 + 1 ||
		    l->y1 < m->y1 - 1)
			continue;
		for (size_t k = 0; k < m->nw; k++)
			line_add(l, m->wi[k]);
		free(m->wi);
		memmove(m, m + 1, (pc->nlines - j - 1) * sizeof *m);
		pc->nlines--;
		line_measure(pc, m);
	}
}

/* The page's lines, grouped once (the table hint, the margin count and
 * the layout all want them): a copy of the kept ones. */
static void page_lines(struct page_ctx *pc)
{
	struct pdf_page *pg = pc->pg;
	if (!pg->lines) {
		build_lines(pc);
		struct line *keep = xmalloc((pc->nlines ? pc->nlines : 1) * sizeof *keep);
		for (size_t i = 0; i < pc->nlines; i++) {
			keep[i] = pc->lines[i];
			keep[i].wi = xmalloc((keep[i].nw ? keep[i].nw : 1) * sizeof *keep[i].wi);
			memcpy(keep[i].wi, pc->lines[i].wi, keep[i].nw * sizeof *keep[i].wi);
			keep[i].aw = keep[i].nw;
		}
		pg->lines = keep;
		pg->nlines = pc->nlines;
		return;
	}
	const struct line *keep = pg->lines;
	pc->nlines = pg->nlines;
	pc->lines = xmalloc((pc->nlines ? pc->nlines : 1) * sizeof *pc->lines);
	for (size_t i = 0; i < pc->nlines; i++) {
		pc->lines[i] = keep[i];
		pc->lines[i].wi = xmalloc((keep[i].nw ? keep[i].nw : 1) * sizeof *keep[i].wi);
		memcpy(pc->lines[i].wi, keep[i].wi, keep[i].nw * sizeof *keep[i].wi);
	}
}

void pdf_page_drop_lines(struct pdf_page *pg)
{
	struct line *keep = pg->lines;
	for (size_t i = 0; keep && i < pg->nlines; i++)
		free(keep[i].wi);
	free(keep);
	pg->lines = NULL;
	pg->nlines = 0;
}

/* The line's text; footnote marks are left out (and listed in marks,
 * space separated, when marks is not NULL). */
static void line_text(const struct page_ctx *pc, const struct line *l, size_t from, size_t to,
                      struct buf *out, struct buf *marks)
{
	const struct pdf_word *prev = NULL;
	for (size_t k = from; k < to; k++) {
		const struct pdf_word *w = W(pc, l, k);
		if (w->sup) {
			if (marks) {
				buf_add(marks, wtext(pc->pg, w), w->len);
				buf_addc(marks, ' ');
			}
			prev = w;
			continue;
		}
		if (prev && (w->space_before || w->x1 - prev->x2 > w->size * 0.12) && out->len &&
		    out->ptr[out->len - 1] != ' ')
			buf_addc(out, ' ');
		buf_add(out, wtext(pc->pg, w), w->len);
		prev = w;
	}
}

/* ---- stamps, page numbers, running headers ---------------------------------- */

static int has_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	/* ASCII case folding only (strncasecmp's, in the C locale): the
	   first byte picks the places worth comparing */
	int lo = tolower((unsigned char)needle[0]), up = toupper((unsigned char)needle[0]);
	for (size_t i = 0; i + n <= len; i++)
		if (((unsigned char)s[i] == lo || (unsigned char)s[i] == up) &&
		    !strncasecmp(s + i, needle, n))
			return 1;
	return 0;
}

int pdf_is_stamp_text(const char *s, size_t len)
{
	static const char *const marks[] = {
	    "K\xC3\xBD b\xE1\xBB\x9Fi:",               /* Ký bởi: */
	    "Th\xE1\xBB\x9Di gian k\xC3\xBD",          /* Thời gian ký */
	    "C\xC6\xA1 quan ph\xC3\xA1t h\xC3\xA0nh:", /* Cơ quan phát hành: */
	    "Signature Not Verified",
	    "Digitally signed",
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (has_ci(s, len, marks[i]))
			return 1;
	/* "Email: ..." opening a line, or with an address in a short one
	   (body text may say "gửi về Sở (thông qua email: x@y.vn)") */
	if ((len >= 6 && !strncasecmp(s, "Email:", 6)) ||
	    (len >= 7 && !strncasecmp(s, "E-mail:", 7)) ||
	    ((has_ci(s, len, "Email:") || has_ci(s, len, "E-mail:")) && memchr(s, '@', len) &&
	     len < 60))
		return 1;
	/* "Cơ quan: ..." opening a line */
	if (len >= 9 && !memcmp(s, "C\xC6\xA1 quan:", 9))
		return 1;
	/* an e-mail address alone */
	const char *at = memchr(s, '@', len);
	if (at && !memchr(s, ' ', len))
		return 1;
	/* a time stamp hh:mm:ss with a date, as stamps print them */
	int colon_time = 0, date = 0;
	for (size_t i = 0; i + 8 <= len; i++) {
		if (isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) &&
		    s[i + 2] == ':' && isdigit((unsigned char)s[i + 3]) &&
		    isdigit((unsigned char)s[i + 4]) && s[i + 5] == ':' &&
		    isdigit((unsigned char)s[i + 6]) && isdigit((unsigned char)s[i + 7]))
			colon_time = 1;
		if (isdigit((unsigned char)s[i]) &&
		    (s[i + 1] == '/' || s[i + 2] == '/' || s[i + 1] == '.' || s[i + 2] == '.' ||
		     s[i + 2] == '-'))
			date = 1;
	}
	return colon_time && (date || len < 40);
}

/* Text of a margin line with its digits taken out, for spotting lines
 * that repeat on many pages (running headers and footers). */
static void margin_key(const struct page_ctx *pc, const struct line *l, struct buf *b)
{
	struct buf t = BUF_INIT;
	line_text(pc, l, 0, l->nw, &t, NULL);
	for (size_t i = 0; i < t.len; i++)
		if (!isdigit((unsigned char)t.ptr[i]))
			buf_addc(b, t.ptr[i]);
	buf_addf(b, "@%d", (int)(l->y1 / 6));
	buf_release(&t);
}

static int in_margin(const struct page_ctx *pc, const struct line *l)
{
	double h = pc->pg->h;
	return l->y2 < h * 0.09 || l->y1 > h * 0.92;
}

/* A page number: digits, maybe dashed or "Trang", near the top or the
 * bottom of the page. */
static int is_page_number(const struct page_ctx *pc, const struct line *l)
{
	double h = pc->pg->h;
	if (!(l->y2 < h * 0.14 || l->y1 > h * 0.86))
		return 0;
	struct buf t = BUF_INIT;
	line_text(pc, l, 0, l->nw, &t, NULL);
	size_t digits = 0, other = 0;
	for (size_t i = 0; i < t.len; i++) {
		unsigned char c = (unsigned char)t.ptr[i];
		if (isdigit(c))
			digits++;
		else if (c != ' ' && c != '-' && c != '/' && c != '.')
			other++;
	}
	int r = digits > 0 && digits <= 4 &&
	        (other == 0 || (t.len >= 5 && !strncasecmp(t.ptr, "Trang", 5) && other == 5));
	buf_release(&t);
	return r;
}

/* ---- document-wide facts -------------------------------------------------- */

struct margin_seen {
	char *key;
	unsigned count;
	unsigned last_page;
};

struct doc {
	struct pdf_page *pages;
	size_t npages;
	struct blocks *out;
	struct diag *d;
	pdf_rules_fn rules;
	void *rules_ctx;
	double body_size; /* the most common font size */
	struct margin_seen *margins;
	size_t nmargins, amargins;

	/* the paragraph being built (it may go on across a page break) */
	struct buf para;
	struct buf marks;
	unsigned para_flags, para_line;
	int para_open, para_bold, para_italic, para_bold_start;
	int para_lines, para_center, para_full;
	double para_x1, para_cont_x1;
	struct line last; /* last line added (copy of measures only) */
	double last_right, last_left;
	const struct page_ctx *last_pc;
	double last_first_w;
	unsigned page_flags; /* flags for every block of this page */
	unsigned pending_flags;
	/* notes waiting for the paragraph that carries their mark */
	struct pending_note {
		char mark[16];
		char *text;
		int orphan;
	} * notes;
	size_t nnotes, anotes;
	/* the table that ended the previous page, for continuation */
	size_t last_table; /* index in out + 1, or 0 */
	double *last_cols;
	size_t nlast_cols;
	struct cell_edge *last_edges; /* its last row's cells */
	size_t nlast_edges;
	double prev_page_end; /* fraction of the page height where content ended */
	int notes_before;     /* the page before had footnotes */
	int prev_landscape;
	double prev_w, prev_h;
	/* margins found on pages of each size, for pages too short to show
	   their own (a portrait appendix after a landscape one) */
	struct size_margins {
		double w, h, left, right;
		int have_l, have_r;
	} sizes[4];
	size_t nsizes;
	int body_started;   /* a paragraph or ruled table has been laid out */
	struct band band;   /* the last band laid out, */
	unsigned band_zone; /* its zone flag */
	size_t band_block;  /* and its block's index + 1 in out */
};

static void margin_count(struct doc *D, const char *key, unsigned page)
{
	for (size_t i = 0; i < D->nmargins; i++) {
		if (!strcmp(D->margins[i].key, key)) {
			if (D->margins[i].last_page != page)
				D->margins[i].count++;
			D->margins[i].last_page = page;
			return;
		}
	}
	D->margins = xgrow(D->margins, sizeof *D->margins, D->nmargins + 1, &D->amargins);
	D->margins[D->nmargins++] = (struct margin_seen){xstrdup(key), 1, page};
}

static unsigned margin_repeats(const struct doc *D, const char *key)
{
	for (size_t i = 0; i < D->nmargins; i++)
		if (!strcmp(D->margins[i].key, key))
			return D->margins[i].count;
	return 0;
}

/* ---- emitting blocks -------------------------------------------------------- */

static void emit_notes(struct doc *D, const char *marks, int all)
{
	size_t k = 0;
	for (size_t i = 0; i < D->nnotes; i++) {
		struct pending_note *n = &D->notes[i];
		int hit = all || n->orphan;
		if (!hit && marks) {
			size_t ml = strlen(n->mark);
			for (const char *p = marks; (p = strstr(p, n->mark)); p += ml)
				if ((p == marks || p[-1] == ' ') && p[ml] == ' ') {
					hit = 1;
					break;
				}
		}
		if (hit) {
			struct block *b = blocks_add_note(D->out, n->text, strlen(n->text));
			b->flags |= D->page_flags;
			free(n->text);
			continue;
		}
		D->notes[k++] = *n;
	}
	D->nnotes = k;
}

static void flush_para(struct doc *D)
{
	if (!D->para_open)
		return;
	buf_trim(&D->para);
	if (D->para.len) {
		struct block *b = blocks_add_para(D->out, D->para.ptr, D->para.len);
		b->line = D->para_line;
		b->flags |= D->para_flags;
		if (D->para_bold)
			b->flags |= BF_BOLD;
		else if (D->para_bold_start)
			b->flags |= BF_BOLD_START;
		if (D->para_italic)
			b->flags |= BF_ITALIC;
		if (D->para_center)
			b->align = ALIGN_CENTER;
		else if (D->para_lines > 1 && D->para_full)
			b->align = ALIGN_JUSTIFY;
		else
			b->align = ALIGN_LEFT;
		D->last_table = 0;
	}
	buf_reset(&D->para);
	D->para_open = 0;
	emit_notes(D, D->marks.ptr, 0);
	buf_reset(&D->marks);
}

static unsigned take_flags(struct doc *D)
{
	unsigned f = D->page_flags | D->pending_flags;
	D->pending_flags = 0;
	return f;
}

/* A centred line sits in the middle of the body and clear of both
 * margins; a short paragraph whose indented first line happens to end as
 * far from the right margin is not centred unless it is exactly so. */
static int centered(const struct page_ctx *pc, const struct line *l)
{
	double mid = (pc->left + pc->right) / 2, c = (l->x1 + l->x2) / 2;
	if (!(fabs(c - mid) < 4 && l->x1 > pc->left + l->size * 1.5 &&
	      l->x2 < pc->right - l->size * 1.5))
		return 0;
	return !(pc->indent > 0 && fabs(l->x1 - pc->indent) < 1.5) || fabs(c - mid) < 1.0;
}

/* A line too wide for centered() to tell, that sits in the middle of
 * the body clear of its left margin: the first line of a centred
 * paragraph that fills the measure ("(Kèm theo ... của UBND tỉnh" /
 * "Khánh Hòa)"). */
static int centred_full(const struct page_ctx *pc, const struct line *l)
{
	double mid = (pc->left + pc->right) / 2, c = (l->x1 + l->x2) / 2;
	return fabs(c - mid) < 4 && l->x1 > pc->left + 1.5 && l->x2 < pc->right - 1.5;
}

/* Does line l show the one-line paragraph before it (D->last), which
 * fills the measure in the middle of it, to be the start of a centred
 * paragraph: l is centred too, or fills the measure in the middle as
 * well (a title of three long lines)? */
static int becomes_centred(const struct doc *D, const struct page_ctx *pc, const struct line *l)
{
	return !D->para_center && D->para_lines == 1 && centred_full(pc, &D->last) &&
	       (centered(pc, l) || centred_full(pc, l));
}

/* Is the word a dash ("-", "–", "—") or does it open with one? */
static int opens_with_dash(const struct pdf_page *pg, const struct pdf_word *w)
{
	const char *s = wtext(pg, w);
	return (w->len >= 1 && s[0] == '-') ||
	       (w->len >= 3 && !memcmp(s, "\xE2\x80", 2) && (s[2] == '\x93' || s[2] == '\x94'));
}

/* Width of what opens line l and could not have ended the line above:
 * its first word, and the words bound to it the way soan's PDF writer
 * binds them (generate/pdf/paginate.c, glue_binds): after a word that ends
 * with a hyphen ("2014- 2015"), before a dash ("Hương - Đà Lạt"). */
static double first_word_width(const struct page_ctx *pc, const struct line *l)
{
	size_t k = 0;
	while (k < l->nw && W(pc, l, k)->sup)
		k++;
	if (k == l->nw)
		return 0;
	const struct pdf_word *a = W(pc, l, k), *w = a;
	for (k++; k < l->nw && !W(pc, l, k)->sup; k++) {
		const struct pdf_word *n = W(pc, l, k);
		int hyphen = w->len >= 2 && wtext(pc->pg, w)[w->len - 1] == '-';
		if (!hyphen && !opens_with_dash(pc->pg, n))
			break;
		w = n;
	}
	return w->x2 - a->x1;
}

/* Does the line open with a list mark ("-", "+", "•") or a label ("2.",
 * "1.2.", "a)", "đ)", "IV.")? */
static int opens_entry(const struct page_ctx *pc, const struct line *l)
{
	const struct pdf_word *w = NULL;
	for (size_t k = 0; k < l->nw && !w; k++)
		if (!W(pc, l, k)->sup)
			w = W(pc, l, k);
	if (!w)
		return 0;
	const char *s = wtext(pc->pg, w);
	size_t n = w->len;
	if ((n == 1 && (s[0] == '-' || s[0] == '+')) ||
	    (n == 3 && (!memcmp(s, "\xE2\x80\xA2", 3) || !memcmp(s, "\xE2\x80\x93", 3))))
		return 1;
	if (n < 2 || n > 8 || (s[n - 1] != '.' && s[n - 1] != ')'))
		return 0;
	size_t body = n - 1;
	if (body == 1 && s[0] >= 'a' && s[0] <= 'z')
		return 1;
	if (body == 2 && !memcmp(s, "\xC4\x91", 2)) /* đ */
		return 1;
	int digits = 1, roman = 1;
	for (size_t i = 0; i < body; i++) {
		digits &= isdigit((unsigned char)s[i]) || (s[i] == '.' && i > 0);
		roman &= s[i] == 'I' || s[i] == 'V' || s[i] == 'X';
	}
	return digits || (roman && s[n - 1] == '.');
}

/* Does the line open with a list mark, alone or joined to its word? */
static int starts_with_mark(const struct page_ctx *pc, const struct line *l)
{
	if (!l->nw)
		return 0;
	const char *s = wtext(pc->pg, W(pc, l, 0));
	return s[0] == '-' || s[0] == '+' || s[0] == '*' || !strncmp(s, "\xE2\x80\x93", 3) ||
	       !strncmp(s, "\xE2\x80\xA2", 3);
}

/* Is line j of the page in the column of line l, close below or above
 * its neighbour k: body text, as far left (a hanging indent aside), the
 * same size? */
static int same_column(const struct page_ctx *pc, const struct line *l, size_t j, size_t k)
{
	const struct line *m = &pc->lines[j];
	return m->use == USE_BODY && fabs(m->x1 - l->x1) < l->size * 1.5 &&
	       fabs(m->size - l->size) < 0.6 &&
	       fabs(pc->lines[k].base - m->base) < pc->pitch + l->size * 0.3;
}

/* The right edge of the list column line l is set in, or 0 when it is in
 * none: the lines about it (same_column) all end well short of the
 * body's right margin and at least two of them open with a list mark.
 * Its widest line shows where the column's text ends (Nơi nhận with no
 * signer beside it: a wrapped recipient goes on on a line without a
 * mark). */
static double list_column_edge(const struct page_ctx *pc, const struct line *l)
{
	size_t i = (size_t)(l - pc->lines), a = i, b = i + 1;
	if (i >= pc->nlines)
		return 0;
	while (a > 0 && same_column(pc, l, a - 1, a))
		a--;
	while (b < pc->nlines && same_column(pc, l, b, b - 1))
		b++;
	double edge = 0;
	size_t marks = 0;
	for (size_t j = a; j < b; j++) {
		if (pc->lines[j].x2 > pc->right - l->size * 3)
			return 0;
		edge = fmax(edge, pc->lines[j].x2);
		marks += starts_with_mark(pc, &pc->lines[j]) != 0;
	}
	return marks >= 2 ? edge : 0;
}

/* Does line l go on the paragraph whose last line is D->last? */
static int continues(struct doc *D, const struct page_ctx *pc, const struct line *l, int same_page)
{
	const struct line *p = &D->last;
	if (!D->para_open)
		return 0;
	if (fabs(l->size - p->size) > 0.6 || (p->bold && !l->bold_start) || (l->bold && !p->bold))
		return 0;
	int grows = becomes_centred(D, pc, l);
	int lc = centered(pc, l) || (D->para_center && centred_full(pc, l)) || grows;
	if (lc != D->para_center && !grows)
		return 0;
	if (same_page) {
		double pitch = (l->base - p->base);
		if (pitch < 0 || pitch > pc->pitch + l->size * 0.3)
			return 0;
	}
	/* the first word of l did not fit at the end of the last line: a wrap */
	double room;
	if (lc)
		room = (D->last_right - D->last_left) - (p->x2 - p->x1);
	else
		room = D->last_right - p->x2;
	/* in a list column a line with no mark of its own may be a wrap */
	if (!lc && same_page && !opens_entry(pc, l) && !starts_with_mark(pc, l)) {
		double edge = list_column_edge(pc, l);
		if (edge > 0)
			room = fmin(room, edge - p->x2);
	}
	if (first_word_width(pc, l) + l->size * 0.2 < room - l->size * 0.3)
		return 0;
	/* after a line that ends a sentence or a list entry, a line that
	   opens with a list mark or label is a new entry even without an
	   indent (lines broken by hand in a justified paragraph) */
	if (D->para.len && strchr(".;:!?", D->para.ptr[D->para.len - 1]) && opens_entry(pc, l))
		return 0;
	if (!lc) {
		/* a first-line indent opens a new paragraph */
		double cont = D->para_lines > 1 ? D->para_cont_x1 : pc->left;
		if (l->x1 > cont + l->size * 0.6 && l->x1 > pc->left + l->size * 0.6)
			return 0;
	}
	return 1;
}

static void add_body_line(struct doc *D, const struct page_ctx *pc, const struct line *l,
                          unsigned lineno, int same_page)
{
	if (continues(D, pc, l, same_page)) {
		/* join: no space after a hyphen that ends a word ("QĐ-" "UBND") */
		size_t n = D->para.len;
		int hyph = n >= 2 && D->para.ptr[n - 1] == '-' && D->para.ptr[n - 2] != ' ';
		if (!hyph)
			buf_addc(&D->para, ' ');
		line_text(pc, l, 0, l->nw, &D->para, &D->marks);
		if (D->para_lines == 1)
			D->para_cont_x1 = l->x1;
		if (becomes_centred(D, pc, l))
			D->para_center = 1;
		D->para_lines++;
		D->para_full = D->para_full && (D->last.x2 > pc->right - l->size * 1.5);
		D->para_bold_start = D->para_bold_start && l->bold_start;
	} else {
		flush_para(D);
		D->para_open = 1;
		D->para_line = lineno;
		D->para_flags = take_flags(D);
		D->para_bold = l->bold;
		D->para_italic = l->italic;
		D->para_bold_start = l->bold_start;
		D->para_center = centered(pc, l);
		D->para_lines = 1;
		D->para_full = 1;
		D->para_x1 = l->x1;
		D->para_cont_x1 = pc->left;
		line_text(pc, l, 0, l->nw, &D->para, &D->marks);
	}
	D->last = *l;
	D->last.wi = NULL;
	D->last_left = pc->left;
	D->last_right = pc->right;
}

/* ---- footnotes ------------------------------------------------------------- */

/* Text of a footnote going on from the page before. */
static void note_append(struct doc *D, const char *text)
{
	char **to = NULL;
	if (D->nnotes)
		to = &D->notes[D->nnotes - 1].text;
	for (size_t i = D->out->n; !to && i-- > 0;)
		if (D->out->v[i].kind == BLOCK_NOTE)
			to = &D->out->v[i].text;
	if (!to)
		return;
	char *n = xasprintf("%s %s", *to, text);
	free(*to);
	*to = n;
}

static void find_footnotes(struct doc *D, struct page_ctx *pc)
{
	/* the run of small lines at the foot of the page */
	size_t end = pc->nlines, start;
	while (end > 0 && pc->lines[end - 1].use == USE_DROP)
		end--;
	start = end;
	while (start > 0 && pc->lines[start - 1].use == USE_BODY &&
	       pc->lines[start - 1].size < D->body_size * 0.86)
		start--;
	/* it opens with a mark, or goes on with the last note of the page
	   before */
	size_t first_mark = start;
	while (first_mark < end) {
		struct line *l = &pc->lines[first_mark];
		if (l->nw && W(pc, l, 0)->sup)
			break;
		first_mark++;
	}
	if (first_mark >= end && !(D->notes_before && start < end))
		return;
	struct buf t = BUF_INIT;
	if (first_mark > start && D->notes_before) {
		for (size_t i = start; i < first_mark; i++) {
			if (t.len)
				buf_addc(&t, ' ');
			line_text(pc, &pc->lines[i], 0, pc->lines[i].nw, &t, NULL);
			pc->lines[i].use = USE_NOTE;
		}
		note_append(D, t.ptr);
		buf_reset(&t);
	}
	start = first_mark;
	if (start >= end) {
		buf_release(&t);
		return;
	}
	char mark[16] = "";
	for (size_t i = start; i <= end; i++) {
		struct line *l = i < end ? &pc->lines[i] : NULL;
		if (!l || (l->nw && W(pc, l, 0)->sup)) {
			buf_trim(&t);
			if (t.len) {
				D->notes =
				    xgrow(D->notes, sizeof *D->notes, D->nnotes + 1, &D->anotes);
				struct pending_note *n = &D->notes[D->nnotes++];
				memcpy(n->mark, mark, sizeof mark);
				n->text = buf_detach(&t, NULL);
				n->orphan = 0;
			}
			buf_reset(&t);
			if (!l)
				break;
			const struct pdf_word *w = W(pc, l, 0);
			size_t ml = w->len < sizeof mark - 1 ? w->len : sizeof mark - 1;
			memcpy(mark, wtext(pc->pg, w), ml);
			mark[ml] = 0;
			line_text(pc, l, 1, l->nw, &t, NULL);
		} else {
			size_t n = t.len;
			int hyph = n >= 2 && t.ptr[n - 1] == '-' && t.ptr[n - 2] != ' ';
			if (!hyph)
				buf_addc(&t, ' ');
			line_text(pc, l, 0, l->nw, &t, NULL);
		}
		l->use = USE_NOTE;
	}
	buf_release(&t);
}

/* ---- ruled tables ---------------------------------------------------------- */

struct grid {
	double *xs, *ys;
	size_t nx, ny;
	double x1, y1, x2, y2;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sort v and merge values closer than tol. */
static size_t cluster_values(double *v, size_t n, double tol)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	size_t k = 0;
	double sum = v[0];
	size_t cnt = 1;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && v[i] - v[i - 1] <= tol) {
			sum += v[i];
			cnt++;
			continue;
		}
		v[k++] = sum / (double)cnt;
		if (i < n) {
			sum = v[i];
			cnt = 1;
		}
	}
	return k;
}

static size_t uf_find(size_t *p, size_t i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static void uf_union(size_t *p, size_t a, size_t b)
{
	a = uf_find(p, a);
	b = uf_find(p, b);
	if (a != b)
		p[a < b ? b : a] = a < b ? a : b;
}

#define TOL 2.5

/* Does a vertical rule at x cover [y1, y2] for at least half of it? */
static int v_covers(const struct pdf_page *pg, double x, double y1, double y2)
{
	double need = (y2 - y1) * 0.5, got = 0;
	for (size_t i = 0; i < pg->nv; i++) {
		const struct pdf_rule *r = &pg->vrules[i];
		if (fabs(r->at - x) > TOL)
			continue;
		double ov = fmin(r->b, y2) - fmax(r->a, y1);
		if (ov > 0)
			got += ov;
	}
	return got >= need;
}

static int h_covers(const struct pdf_page *pg, double y, double x1, double x2)
{
	double need = (x2 - x1) * 0.5, got = 0;
	for (size_t i = 0; i < pg->nh; i++) {
		const struct pdf_rule *r = &pg->hrules[i];
		if (fabs(r->at - y) > TOL)
			continue;
		double ov = fmin(r->b, x2) - fmax(r->a, x1);
		if (ov > 0)
			got += ov;
	}
	return got >= need;
}

/* Find table grids: clusters of crossing horizontal and vertical rules. */
static size_t find_grids(const struct pdf_page *pg, struct grid **out)
{
	size_t n = pg->nh + pg->nv, ngrids = 0, agrids = 0;
	*out = NULL;
	if (pg->nh < 2 || pg->nv < 2)
		return 0;
	size_t *p = xmalloc(n * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = i;
	for (size_t i = 0; i < pg->nh; i++) {
		const struct pdf_rule *h = &pg->hrules[i];
		for (size_t j = 0; j < pg->nv; j++) {
			const struct pdf_rule *v = &pg->vrules[j];
			if (v->at >= h->a - TOL && v->at <= h->b + TOL && h->at >= v->a - TOL &&
			    h->at <= v->b + TOL)
				uf_union(p, i, pg->nh + j);
		}
	}
	for (size_t root = 0; root < n; root++) {
		if (uf_find(p, root) != root)
			continue;
		size_t nh = 0, nv = 0;
		for (size_t i = 0; i < n; i++)
			if (uf_find(p, i) == root)
				i < pg->nh ? nh++ : nv++;
		if (nh < 2 || nv < 2)
			continue;
		struct grid g;
		memset(&g, 0, sizeof g);
		g.xs = xmalloc((nv + 2) * sizeof *g.xs);
		g.ys = xmalloc((nh + 2) * sizeof *g.ys);
		g.x1 = g.y1 = 1e9;
		g.x2 = g.y2 = -1e9;
		for (size_t i = 0; i < n; i++) {
			if (uf_find(p, i) != root)
				continue;
			const struct pdf_rule *r =
			    i < pg->nh ? &pg->hrules[i] : &pg->vrules[i - pg->nh];
			if (i < pg->nh) {
				g.ys[g.ny++] = r->at;
				g.x1 = fmin(g.x1, r->a), g.x2 = fmax(g.x2, r->b);
				g.y1 = fmin(g.y1, r->at), g.y2 = fmax(g.y2, r->at);
			} else {
				g.xs[g.nx++] = r->at;
				g.y1 = fmin(g.y1, r->a), g.y2 = fmax(g.y2, r->b);
				g.x1 = fmin(g.x1, r->at), g.x2 = fmax(g.x2, r->at);
			}
		}
		g.xs[g.nx++] = g.x1, g.xs[g.nx++] = g.x2;
		g.ys[g.ny++] = g.y1, g.ys[g.ny++] = g.y2;
		g.nx = cluster_values(g.xs, g.nx, 4.0);
		g.ny = cluster_values(g.ys, g.ny, 4.0);
		if (g.nx < 2 || g.ny < 2 || g.x2 - g.x1 < 30 || g.y2 - g.y1 < 8) {
			free(g.xs);
			free(g.ys);
			continue;
		}
		*out = xgrow(*out, sizeof **out, ngrids + 1, &agrids);
		(*out)[ngrids++] = g;
	}
	free(p);
	return ngrids;
}

/* Is the UTF-8 letter at s lower case (Vietnamese letters included)? */
static int lower_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	long cp = utf8_next(&p, p + len);
	return cp > 0 && utf8proc_islower((utf8proc_int32_t)cp);
}

static int starts_lower(const struct page_ctx *pc, const struct line *l)
{
	if (!l->nw)
		return 0;
	const struct pdf_word *w = W(pc, l, 0);
	const char *s = wtext(pc->pg, w);
	return (unsigned char)s[0] < 0x80 ? islower((unsigned char)s[0]) : lower_utf8(s, w->len);
}

/* Does the line end with ":", ";" or "."? */
static int ends_entry(const struct page_ctx *pc, const struct line *l)
{
	if (!l->nw)
		return 0;
	const struct pdf_word *w = W(pc, l, l->nw - 1);
	char c = w->len ? wtext(pc->pg, w)[w->len - 1] : 0;
	return c == ':' || c == ';' || c == '.';
}

/* Is the line set in capitals (no lower-case letter in it)? */
static int line_caps(const struct page_ctx *pc, const struct line *l)
{
	for (size_t k = 0; k < l->nw; k++) {
		const struct pdf_word *w = W(pc, l, k);
		const unsigned char *p = (const unsigned char *)wtext(pc->pg, w), *e = p + w->len;
		while (p < e) {
			long cp = utf8_next(&p, e);
			if (cp > 0 && utf8proc_islower((utf8proc_int32_t)cp))
				return 0;
		}
	}
	return 1;
}

/* Paragraphs of one table cell or zone cell from its lines.  A line goes
 * on the paragraph above when the first word of it would not have fitted
 * at the end of the line above (a wrap): for left-aligned lines the room
 * runs to the cell's text edge (the cell's edge less its padding, or its
 * widest line), for centred lines it is what the cell's width leaves.  A
 * zone's columns have no rules: bound holds the widest they can be (from
 * the page margin to the far edge of the gap between them), and a
 * centred line is a wrap only when even that would not have held the
 * word.  In a zone (flags has a zone bit) every line is a paragraph of
 * its own, as offices type the header and signature, unless it opens in
 * lower case or is a wrap of a line not in capitals that keeps its style
 * and opens with no list mark (a long recipient).  Lines in capitals
 * ("ỦY BAN NHÂN DÂN" / "TỈNH X", "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH")
 * stay apart: their column's width cannot be known and they are typed
 * line by line. */
/* What a table cell's text looks like at its two ends, to tell whether
 * the cell of a row split by a page break goes on mid-paragraph. */
struct cell_edge {
	int lines;      /* the cell has text */
	double room;    /* room left after its last line */
	double first_w; /* width of the first word of its first line, and a space */
	double size;    /* font size of its last line */
	int bold_first, bold_last;
	int mark_first; /* its first line opens with a list mark */
};

/* Length of the start of s[0..len) holding none of the bytes of set. */
static size_t strcspn_len(const char *s, size_t len, const char *set)
{
	size_t k = 0;
	while (k < len && (!s[k] || !strchr(set, s[k])))
		k++;
	return k;
}

/* Was one token cut where line prev ran out of room (room left after
 * it), l holding the rest?  A token too long for its column (an address,
 * a web link, a span of dates) is cut between letters, by soan's writer
 * and by Word alike, and its pieces stand alone on full lines.  Told from
 * a line that merely ends with a word by its shape: prev holds that one
 * word, which does not end a clause, and the token has a character no
 * plain word has (a digit, or one of / . : - _ @).  A score or fraction
 * ("9,9/" over "10,5") also breaks after its slash with room left, or
 * was typed on two lines of one cell: its halves are one number too. */
static int cut_token(const struct page_ctx *pc, const struct line *prev, const struct line *l,
                     double room)
{
	if (prev->nw != 1 || !l->nw)
		return 0;
	const struct pdf_word *a = W(pc, prev, 0), *b = W(pc, l, 0);
	const char *sa = wtext(pc->pg, a), *sb = wtext(pc->pg, b);
	if (!a->len || !b->len || strchr(",;", sa[a->len - 1]))
		return 0;
	if (a->len >= 2 && sa[a->len - 1] == '/' && isdigit((unsigned char)sa[a->len - 2]) &&
	    isdigit((unsigned char)sb[0]))
		return 1;
	return room < prev->size * 0.5 && (strcspn_len(sa, a->len, "0123456789/.:-_@") < a->len ||
	                                   strcspn_len(sb, b->len, "0123456789/.:-_@") < b->len);
}

/* Paragraphs of one table cell or zone cell from its lines. */
static void cell_paragraphs(const struct page_ctx *pc, struct line *ls, size_t n, double cx1,
                            double cx2, const double *bound, struct blocks *out, unsigned flags,
                            unsigned lineno, struct cell_edge *edge)
{
	struct buf t = BUF_INIT;
	const struct line *prev = NULL;
	int bold = 1, italic = 1, bstart = 0, center = 0, prev_center = 0;
	int zone = (flags & (BF_HEADER_ZONE | BF_SIGNATURE_ZONE)) != 0;
	/* the text's edges: a grid cell's text stands off its rules */
	double pad = zone ? 0 : fmin(5.5, (cx2 - cx1) * 0.05);
	double tx1 = cx1 + pad, tx2 = cx2 - pad, lmin = 1e9, lmax = -1e9;
	for (size_t i = 0; i < n; i++) {
		lmin = fmin(lmin, ls[i].x1);
		lmax = fmax(lmax, ls[i].x2);
	}
	if (n) {
		tx1 = fmin(tx1, lmin);
		tx2 = fmax(tx2, lmax);
	}
	if (edge) {
		memset(edge, 0, sizeof *edge);
		if (n) {
			const struct line *f = &ls[0], *e = &ls[n - 1];
			edge->lines = 1;
			edge->first_w = first_word_width(pc, f) + f->size * 0.2;
			edge->bold_first = f->bold;
			edge->mark_first = starts_with_mark(pc, f);
			edge->size = e->size;
			edge->bold_last = e->bold;
			/* left-aligned (it starts where the cell's lines start) or centred */
			edge->room = e->x1 < lmin + 2 ? tx2 - e->x2 : (tx2 - tx1) - (e->x2 - e->x1);
		}
	}
	for (size_t i = 0; i <= n; i++) {
		const struct line *l = i < n ? &ls[i] : NULL;
		int join = 0, cut = 0;
		if (l && prev) {
			/* left-aligned: both start at the cell's left edge */
			int flush = prev->x1 < lmin + 2 && l->x1 < lmin + 2;
			double room;
			if (flush) {
				room = (zone ? lmax : tx2) - prev->x2;
			} else if (bound) {
				/* the widest the column can be around the line's centre */
				double c = (prev->x1 + prev->x2) / 2;
				room = 2 * fmin(c - bound[0], bound[1] - c) - (prev->x2 - prev->x1);
			} else {
				room = (tx2 - tx1) - (prev->x2 - prev->x1);
			}
			double pitch = l->base - prev->base;
			/* a wrap, or a line opening in lower case after one that does
			   not end a sentence or a list entry (a sentence goes on) */
			int wrap = first_word_width(pc, l) + l->size * 0.2 > room - l->size * 0.3 ||
			           (starts_lower(pc, l) && !ends_entry(pc, prev));
			join = wrap && pitch < prev->size * 1.8 &&
			       fabs(l->size - prev->size) < 0.6 && l->bold == prev->bold;
			/* in a table: the header and signature zones are read by
			   their own rules */
			cut = !zone && join && cut_token(pc, prev, l, room);
			if (zone)
				join = pitch < prev->size * 1.8 &&
				       (starts_lower(pc, l) ||
				        (join && l->italic == prev->italic &&
				         !starts_with_mark(pc, l) && !line_caps(pc, prev)));
		}
		if (prev && !join) {
			buf_trim(&t);
			if (t.len) {
				struct block *b = blocks_add_para(out, t.ptr, t.len);
				b->flags |= flags;
				b->line = lineno;
				if (bold)
					b->flags |= BF_BOLD;
				else if (bstart)
					b->flags |= BF_BOLD_START;
				if (italic)
					b->flags |= BF_ITALIC;
				b->align = center ? ALIGN_CENTER : ALIGN_LEFT;
			}
			buf_reset(&t);
		}
		if (!l)
			break;
		if (!prev || !join) {
			bold = l->bold, italic = l->italic, bstart = l->bold_start;
			center = 0;
		} else {
			size_t len = t.len;
			if (!cut && !(len >= 2 && t.ptr[len - 1] == '-' && t.ptr[len - 2] != ' '))
				buf_addc(&t, ' ');
			bold &= l->bold, italic &= l->italic;
		}
		double c = (l->x1 + l->x2) / 2;
		prev_center = fabs(c - (cx1 + cx2) / 2) < l->size * 0.6 && l->x1 > tx1 + 2;
		/* a zone's column edges are guesses: lines of other widths
		   sharing its centre show a centred line better */
		for (size_t k = 0; zone && k < n && !prev_center; k++)
			prev_center = fabs((ls[k].x1 + ls[k].x2) / 2 - c) < 1.5 &&
			              fabs((ls[k].x2 - ls[k].x1) - (l->x2 - l->x1)) > 3;
		if (!prev || !join)
			center = prev_center;
		line_text(pc, l, 0, l->nw, &t, NULL);
		prev = l;
	}
	buf_release(&t);
}

/* Lines made of the words inside a box (splitting page lines). */
static size_t box_lines(struct page_ctx *pc, double x1, double y1, double x2, double y2,
                        struct line **out)
{
	size_t n = 0, a = 0;
	*out = NULL;
	for (size_t i = 0; i < pc->nlines; i++) {
		struct line *l = &pc->lines[i];
		if (l->y2 < y1 || l->y1 > y2)
			continue;
		struct line nl;
		memset(&nl, 0, sizeof nl);
		for (size_t k = 0; k < l->nw; k++) {
			const struct pdf_word *w = W(pc, l, k);
			double cx = (w->x1 + w->x2) / 2, cy = (w->y1 + w->y2) / 2;
			if (cx >= x1 && cx < x2 && cy >= y1 && cy < y2)
				line_add(&nl, l->wi[k]);
		}
		if (!nl.nw)
			continue;
		line_measure(pc, &nl);
		*out = xgrow(*out, sizeof **out, n + 1, &a);
		(*out)[n++] = nl;
	}
	return n;
}

static void free_lines(struct line *ls, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ls[i].wi);
	free(ls);
}

static int cell_is_empty(const struct cell *c)
{
	return c->content->n == 0;
}

static int row_text_eq(const struct row *a, const struct row *b)
{
	if (a->ncells != b->ncells)
		return 0;
	for (size_t i = 0; i < a->ncells; i++) {
		const struct blocks *x = a->cells[i].content, *y = b->cells[i].content;
		if (x->n != y->n || a->cells[i].colspan != b->cells[i].colspan)
			return 0;
		for (size_t k = 0; k < x->n; k++)
			if (x->v[k].kind != BLOCK_PARA || y->v[k].kind != BLOCK_PARA ||
			    strcmp(x->v[k].text, y->v[k].text))
				return 0;
	}
	return 1;
}

static void move_blocks(struct blocks *to, struct blocks *from)
{
	for (size_t i = 0; i < from->n; i++) {
		to->v = xgrow(to->v, sizeof *to->v, to->n + 1, &to->alloc);
		to->v[to->n++] = from->v[i];
	}
	from->n = 0;
}

static void free_row(struct row *r)
{
	for (size_t j = 0; j < r->ncells; j++)
		blocks_free(r->cells[j].content);
	free(r->cells);
}

/* A cell of a row that a page break split: its first paragraph on the
 * new page goes on the last one of the page before when the first word
 * would not have fitted after that paragraph's last line. */
static void join_split_cell(struct blocks *a, struct blocks *b, const struct cell_edge *ea,
                            const struct cell_edge *eb)
{
	if (!ea || !ea->lines || !eb->lines || !a->n || !b->n)
		return;
	struct block *x = &a->v[a->n - 1], *y = &b->v[0];
	if (x->kind != BLOCK_PARA || y->kind != BLOCK_PARA || eb->mark_first ||
	    ea->bold_last != eb->bold_first || eb->first_w <= ea->room - ea->size * 0.3)
		return;
	size_t n = strlen(x->text);
	int hyph = n >= 2 && x->text[n - 1] == '-' && x->text[n - 2] != ' ';
	char *t = xasprintf("%s%s%s", x->text, hyph ? "" : " ", y->text);
	free(x->text);
	x->text = t;
	free(y->text);
	free(y->label);
	memmove(&b->v[0], &b->v[1], (b->n - 1) * sizeof *b->v);
	b->n--;
}

/* Build a table block from a grid; its rows may continue the table
 * that ended the previous page. */
static int emit_grid(struct doc *D, struct page_ctx *pc, const struct grid *g, unsigned lineno)
{
	size_t R = g->ny - 1, C = g->nx - 1;
	if (R > LIMIT_TABLE_ROWS || C > LIMIT_TABLE_CELLS) {
		diag_at(D->d, NULL, pc->pg->no);
		return diag_error(D->d,
		                  "table too large (limits LIMIT_TABLE_ROWS, LIMIT_TABLE_CELLS)");
	}
	/* merge grid cells that no rule separates */
	size_t *p = xmalloc(R * C * sizeof *p);
	for (size_t i = 0; i < R * C; i++)
		p[i] = i;
	for (size_t r = 0; r < R; r++)
		for (size_t c = 0; c < C; c++) {
			if (c + 1 < C && !v_covers(pc->pg, g->xs[c + 1], g->ys[r], g->ys[r + 1]))
				uf_union(p, r * C + c, r * C + c + 1);
			if (r + 1 < R && !h_covers(pc->pg, g->ys[r + 1], g->xs[c], g->xs[c + 1]))
				uf_union(p, r * C + c, (r + 1) * C + c);
		}
	/* extent of each group */
	size_t *r1 = xmalloc(R * C * sizeof *r1), *c1 = xmalloc(R * C * sizeof *c1);
	for (size_t i = 0; i < R * C; i++)
		r1[i] = c1[i] = 0;
	for (size_t i = 0; i < R * C; i++) {
		size_t root = uf_find(p, i);
		if (i / C > r1[root])
			r1[root] = i / C;
		if (i % C > c1[root])
			c1[root] = i % C;
	}
	struct table *t = xcalloc(1, sizeof *t);
	struct cell_edge *edges = xcalloc(R * C, sizeof *edges); /* [row * C + cell] */
	for (size_t r = 0; r < R; r++) {
		struct row *row = table_add_row(t);
		for (size_t c = 0; c < C; c++) {
			size_t i = r * C + c, root = uf_find(p, i);
			size_t rr0 = root / C, cc0 = root % C;
			if (cc0 != c)
				continue; /* covered by a colspan */
			struct cell *cl = table_add_cell(row);
			size_t span = c1[root] - cc0 + 1;
			cl->colspan = (unsigned)span;
			if (rr0 != r) {
				cl->merged = 1;
				continue;
			}
			cl->rowspan = (unsigned)(r1[root] - rr0 + 1);
			struct line *ls;
			double x1 = g->xs[cc0], x2 = g->xs[c1[root] + 1];
			double y1 = g->ys[rr0], y2 = g->ys[r1[root] + 1];
			size_t n = box_lines(pc, x1, y1, x2, y2, &ls);
			cell_paragraphs(pc, ls, n, x1, x2, NULL, cl->content, 0, lineno,
			                &edges[r * C + row->ncells - 1]);
			free_lines(ls, n);
		}
	}
	free(p);
	free(r1);
	free(c1);
	/* drop rows with no text at all and no cell starting in them
	   (double rules make thin empty rows) */
	size_t k = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		struct row *row = &t->rows[r];
		int empty = 1;
		for (size_t c = 0; c < row->ncells; c++)
			if (!cell_is_empty(&row->cells[c]) ||
			    (row->cells[c].rowspan > 1 && !row->cells[c].merged))
				empty = 0;
		if (empty && g->ys[r + 1] - g->ys[r] < 6) {
			free_row(row);
			continue;
		}
		memmove(&edges[k * C], &edges[r * C], C * sizeof *edges);
		t->rows[k++] = *row;
	}
	t->nrows = k;
	table_finish(t);
	const struct cell_edge *last_edges = t->nrows ? &edges[(t->nrows - 1) * C] : NULL;

	/* a table going on from the previous page: same columns */
	struct block *prev =
	    D->last_table && D->last_table <= D->out->n ? &D->out->v[D->last_table - 1] : NULL;
	int cont = prev && prev->kind == BLOCK_TABLE && !D->para_open && D->nlast_cols == g->nx &&
	           prev->table->ncols == t->ncols;
	for (size_t i = 0; cont && i < g->nx; i++)
		if (fabs(D->last_cols[i] - g->xs[i]) > 4)
			cont = 0;
	if (cont) {
		struct table *pt = prev->table;
		/* repeated header rows */
		size_t h = 0;
		while (h < t->nrows && h < pt->nrows && h < 4 &&
		       row_text_eq(&t->rows[h], &pt->rows[h]))
			h++;
		for (size_t r = 0; r < h; r++) {
			pt->rows[r].header = 1;
			free_row(&t->rows[r]);
		}
		size_t from = h;
		/* a row split by the page break: empty first cell going on */
		if (from < t->nrows && pt->nrows) {
			struct row *a = &pt->rows[pt->nrows - 1], *b = &t->rows[from];
			int same = a->ncells == b->ncells && a->ncells > 1 &&
			           cell_is_empty(&b->cells[0]) && !cell_is_empty(&a->cells[0]);
			for (size_t c = 0; same && c < a->ncells; c++)
				if (a->cells[c].colspan != b->cells[c].colspan)
					same = 0;
			if (same) {
				for (size_t c = 0; c < a->ncells; c++) {
					const struct cell_edge *ea =
					    c < D->nlast_edges ? &D->last_edges[c] : NULL;
					const struct cell_edge *eb = &edges[from * C + c];
					join_split_cell(a->cells[c].content, b->cells[c].content,
					                ea, eb);
					move_blocks(a->cells[c].content, b->cells[c].content);
					if (eb->lines && c < D->nlast_edges)
						D->last_edges[c] = *eb;
				}
				free_row(b);
				from++;
				if (from == t->nrows)
					last_edges = NULL; /* the merged row stays the last */
			}
		}
		for (size_t r = from; r < t->nrows; r++) {
			struct row *nr = table_add_row(pt);
			*nr = t->rows[r];
		}
		free(t->rows);
		free(t);
		table_finish(pt);
	} else {
		struct block *b = blocks_add_table(D->out);
		free(b->table);
		b->table = t;
		b->line = lineno;
		b->flags |= take_flags(D);
		D->last_table = D->out->n;
	}
	if (last_edges) {
		free(D->last_edges);
		D->last_edges = xmalloc(C * sizeof *D->last_edges);
		memcpy(D->last_edges, last_edges, C * sizeof *last_edges);
		D->nlast_edges = C;
	}
	free(edges);
	free(D->last_cols);
	D->last_cols = xmalloc(g->nx * sizeof *D->last_cols);
	memcpy(D->last_cols, g->xs, g->nx * sizeof *g->xs);
	D->nlast_cols = g->nx;
	return 0;
}

/* ---- two-column bands: header and signature ------------------------------ */

/* Largest gap between neighbouring words of a line: its middle x, or -1
 * when no gap is wide enough to separate two columns.  A column gap
 * stands out from the line's other gaps; the even gaps of a line that
 * justification stretched (a manual line break in a justified paragraph)
 * do not. */
static double column_gap(const struct page_ctx *pc, const struct line *l)
{
	double best = 0, second = 0, at = -1;
	for (size_t k = 1; k < l->nw; k++) {
		const struct pdf_word *a = W(pc, l, k - 1), *b = W(pc, l, k);
		if (b->sup)
			continue;
		double gap = b->x1 - a->x2;
		if (gap > best) {
			second = best;
			best = gap;
			at = (a->x2 + b->x1) / 2;
		} else if (gap > second) {
			second = gap;
		}
	}
	/* a gap of 1.5 em, or a narrower one far wider than a word space
	   (a header whose columns nearly touch) */
	int wide = (best > l->size * 1.5 && best > 2.5 * second) ||
	           (best > l->size * 0.9 && best > 4 * second);
	return wide ? at : -1;
}

static void side_add(struct side *s, double x1, double x2)
{
	int k = s->n < SIDE_LINES ? s->n++ : SIDE_LINES - 1;
	s->x1[k] = x1;
	s->cx[k] = (x1 + x2) / 2;
}

/* Is text from x1 to x2 (in size points) centred like a line of the band
 * side s, or does it start where one starts? */
static int placed_like(const struct side *s, double x1, double x2, double size)
{
	double c = (x1 + x2) / 2;
	for (int k = 0; k < s->n; k++)
		if (fabs(c - s->cx[k]) < size * 1.2 || fabs(x1 - s->x1[k]) < 3)
			return 1;
	return 0;
}

/* Which side of the empty column [gl, gr] the line's words sit on: -1
 * left, 1 right, 0 both, 2 a word crosses it.  The words go by runs
 * (words closer than a wide word space): a run starting left of gl is
 * on the left and must end before gr; any other run is on the right.  On
 * a line with both sides the gap between them must stand out from the
 * line's other gaps, or it is a justified line whose gaps are all wide;
 * unless known (the band's sides so far, or NULL) shows each side's words
 * placed like a line of that side: blanks left to fill by hand leave wide
 * gaps inside a side ("Số:      /KH-UBND" | "Lâm Đồng, ngày    tháng 01
 * năm 2026").  *lmax and *rmin receive the inner edges; ext (when not
 * NULL) the extent of each side's words; *nw the number of words of each
 * side. */
static int line_sides(const struct page_ctx *pc, const struct line *l, double gl, double gr,
                      const struct side *known, double *lmax, double *rmin, double ext[4],
                      int nw[2])
{
	int left = 0, right = 0, cross = 0, words[2] = {0, 0};
	double e[4] = {1e9, -1e9, 1e9, -1e9};
	double other = 0; /* widest gap that is not between the sides */
	*lmax = -1e9, *rmin = 1e9;
	size_t k = 0;
	while (k < l->nw) {
		/* one run */
		double x1 = W(pc, l, k)->x1, x2 = W(pc, l, k)->x2;
		size_t j = k + 1;
		while (j < l->nw && W(pc, l, j)->x1 - x2 < l->size * 0.6) {
			other = fmax(other, W(pc, l, j)->x1 - x2);
			x2 = fmax(x2, W(pc, l, j)->x2);
			j++;
		}
		int is_left = x1 < gl;
		if (k > 0 && !(is_left == 0 && left && !right))
			other = fmax(other, x1 - W(pc, l, k - 1)->x2);
		if (is_left) {
			left = 1;
			words[0] += (int)(j - k);
			if (x2 > gr - 2 || right)
				cross = 1;
			*lmax = fmax(*lmax, x2);
			e[0] = fmin(e[0], x1), e[1] = fmax(e[1], x2);
		} else {
			right = 1;
			words[1] += (int)(j - k);
			*rmin = fmin(*rmin, x1);
			e[2] = fmin(e[2], x1), e[3] = fmax(e[3], x2);
		}
		k = j;
	}
	if (ext)
		memcpy(ext, e, sizeof e);
	if (nw)
		nw[0] = words[0], nw[1] = words[1];
	if (left && right && *rmin - *lmax < 2 * other &&
	    !(known && placed_like(&known[0], e[0], e[1], l->size) &&
	      placed_like(&known[1], e[2], e[3], l->size)))
		cross = 1;
	if (cross)
		return 2;
	return left && right ? 0 : left ? -1 : 1;
}

static int line_side(const struct page_ctx *pc, const struct line *l, double split,
                     const struct side *known)
{
	double a, b;
	return line_sides(pc, l, split, split, known, &a, &b, NULL, NULL);
}

/* A one-sided line belongs to a band side when it is centred like a
 * line of that side or starts where one starts. */
static int fits_side(const struct line *l, const struct side *s)
{
	return placed_like(s, l->x1, l->x2, l->size);
}

/* Lay a band out as a borderless two-column table, or, with onto, add
 * its lines to the last row of a band table of the page before. */
static void emit_band(struct doc *D, struct page_ctx *pc, size_t from, size_t to,
                      const struct band *bd, unsigned zone, unsigned lineno, struct table *onto)
{
	double split = (bd->gl + bd->gr) / 2;
	struct table *t = onto;
	if (!t) {
		struct block *b = blocks_add_table(D->out);
		b->flags |= BF_BORDERLESS | zone | take_flags(D);
		b->line = lineno;
		t = b->table;
	}
	/* rows: cut where both sides have a gap */
	size_t r0 = from;
	double x1 = 1e9, x2 = -1e9;
	for (size_t i = from; i < to; i++) {
		x1 = fmin(x1, pc->lines[i].x1);
		x2 = fmax(x2, pc->lines[i].x2);
	}
	for (size_t i = from; i <= to; i++) {
		int cut = i == to;
		if (!cut && i > r0 && !onto) {
			const struct line *a = &pc->lines[i - 1], *l = &pc->lines[i];
			/* both sides present on both lines and a gap between them */
			int sa = line_side(pc, a, split, bd->s),
			    sl = line_side(pc, l, split, bd->s);
			cut = zone == BF_HEADER_ZONE && sa == 0 && sl == 0 &&
			      l->y1 - a->y2 > l->size * 0.45;
		}
		if (!cut)
			continue;
		struct row *row = onto && t->nrows ? &t->rows[t->nrows - 1] : table_add_row(t);
		double sx1[2] = {x1, split}, sx2[2] = {split, x2 + 1};
		double y1 = pc->lines[r0].y1 - 1, y2 = pc->lines[i - 1].y2 + 1;
		for (int s = 0; s < 2; s++) {
			struct cell *c =
			    (size_t)s < row->ncells ? &row->cells[s] : table_add_cell(row);
			struct line *ls;
			size_t n = box_lines(pc, sx1[s], y1, sx2[s], y2, &ls);
			double bound[2] = {s ? bd->gl : pc->left - 6, s ? pc->right + 6 : bd->gr};
			cell_paragraphs(pc, ls, n, s ? split : pc->left, s ? pc->right : split,
			                bound, c->content, zone | D->page_flags, lineno, NULL);
			free_lines(ls, n);
		}
		r0 = i;
	}
	table_finish(t);
	for (size_t i = from; i < to; i++)
		pc->lines[i].use = USE_ZONE;
	D->last_table = 0;
	D->band = *bd;
	D->band_zone = zone;
	D->band_block = D->out->n;
}

/* Find a two-column band starting at line i; returns its end (exclusive)
 * or i when there is none.  The empty column between the sides starts as
 * the widest gap of the first line and narrows as lines join.  With cont,
 * the band goes on from the page before (a signature that a page break
 * split): its columns are known and lines of one side suffice.  *bd
 * receives the band. */
static size_t band_at(const struct page_ctx *pc, size_t i, struct band *bd, int header,
                      const struct band *cont)
{
	const struct line *l = &pc->lines[i];
	if (l->use != USE_BODY)
		return i;
	double gl, gr;
	if (cont) {
		*bd = *cont;
		gl = cont->gl, gr = cont->gr;
	} else {
		double mid = column_gap(pc, l);
		double w = pc->pg->w;
		if (mid < w * 0.3 || mid > w * 0.7)
			return i;
		/* widen to the words either side */
		gl = -1e9, gr = 1e9;
		for (size_t k = 0; k < l->nw; k++) {
			const struct pdf_word *wd = W(pc, l, k);
			if (wd->x2 <= mid)
				gl = fmax(gl, wd->x2);
			else if (wd->x1 >= mid)
				gr = fmin(gr, wd->x1);
		}
		if (!(gl < gr))
			return i;
		memset(bd, 0, sizeof *bd);
	}
	struct side *s = bd->s;
	size_t end = i, two = 0;
	int first_words[2] = {0, 0};
	const struct line *prev = NULL;
	double prev_y2[2] = {-1, -1};
	for (size_t j = i; j < pc->nlines; j++) {
		const struct line *m = &pc->lines[j];
		if (m->use == USE_DROP)
			continue;
		if (m->use != USE_BODY)
			break;
		double lmax, rmin, ext[4];
		int side = line_sides(pc, m, gl, gr, two ? s : NULL, &lmax, &rmin, ext,
		                      j == i ? first_words : NULL);
		if (side == 2)
			break;
		if (fmin(gr, rmin) - fmax(gl, lmax) < 2)
			break;
		if (side == 0) {
			/* both sides: where they start and their centres */
			for (int k = 0; k < 2; k++)
				side_add(&s[k], ext[2 * k], ext[2 * k + 1]);
			two++;
		} else if (!fits_side(m, &s[side > 0])) {
			break;
		} else {
			side_add(&s[side > 0], m->x1, m->x2);
		}
		/* vertical gap: lines of a band sit close; the signature leaves
		   room for the signature itself on the right side only */
		if (prev) {
			int k = side > 0 ? 1 : 0;
			double ref = side == 0 ? fmax(prev_y2[0], prev_y2[1]) : prev_y2[k];
			if (ref < 0)
				ref = prev->y2;
			double gap = m->y1 - ref;
			double allow = m->size * (header ? 1.5 : (side > 0 ? 9.0 : 2.0));
			if (gap > allow)
				break;
		}
		if (side <= 0) {
			prev_y2[0] = m->y2;
			gl = fmax(gl, lmax);
		}
		if (side >= 0) {
			prev_y2[1] = m->y2;
			gr = fmin(gr, rmin);
		}
		prev = m;
		end = j + 1;
	}
	bd->gl = gl, bd->gr = gr;
	if (cont)
		return end;
	/* one line makes a band only at the head of a page, and only with
	   a wide gap (Số ... | place and date) */
	if (two < 1 || (end - i < 2 && !(header && gr - gl > 3 * l->size && first_words[0] >= 2 &&
	                                 first_words[1] >= 2)))
		return i;
	return end;
}

/* ---- tables without rules ------------------------------------------------------- */

/* A table typed without borders shows only as text aligned in columns.
 * It is rebuilt where the alignment is clear: a column of numbers 1, 2,
 * 3, ... (at least three, one above the other, each followed by a wide
 * gap) and at least two more columns whose text never bridges the empty
 * gutters between them.  Rows start at the numbers; lines in between are
 * cells wrapping; lines just above the first number whose text keeps to
 * the columns are the header row. */

struct atable {
	size_t from, to;                        /* its lines [from, to) */
	size_t rows[LIMIT_PDF_ATABLE_ROWS + 1]; /* first line of each row */
	size_t nrows;
	double cut[LIMIT_PDF_ATABLE_COLS + 1];                         /* column edges */
	double tx1[LIMIT_PDF_ATABLE_COLS], tx2[LIMIT_PDF_ATABLE_COLS]; /* their text's extent */
	size_t ncols;
};

/* The line's first word as a row number ("1", "2.", "3)"): its value, or
 * 0; the gap after it must be wide. */
static int row_number(const struct page_ctx *pc, const struct line *l, double *x1, double *x2)
{
	if (l->nw < 2 || l->use != USE_BODY)
		return 0;
	const struct pdf_word *w = W(pc, l, 0), *n = W(pc, l, 1);
	const char *s = wtext(pc->pg, w);
	size_t len = w->len;
	if (len && (s[len - 1] == '.' || s[len - 1] == ')'))
		len--;
	if (len < 1 || len > 3)
		return 0;
	int v = 0;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	if (n->x1 - w->x2 < l->size * 0.7)
		return 0;
	*x1 = w->x1, *x2 = w->x2;
	return v;
}

struct span {
	double x1, x2;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *p = a, *q = b;
	return (p->x1 > q->x1) - (p->x1 < q->x1);
}

/* The runs of a line: words closer than 0.7 em. */
static size_t line_runs(const struct page_ctx *pc, const struct line *l, struct span *out,
                        size_t max)
{
	size_t n = 0;
	for (size_t k = 0; k < l->nw && n < max; k++) {
		const struct pdf_word *w = W(pc, l, k);
		if (n && w->x1 - out[n - 1].x2 < l->size * 0.7)
			out[n - 1].x2 = fmax(out[n - 1].x2, w->x2);
		else
			out[n++] = (struct span){w->x1, w->x2};
	}
	return n;
}

/* Do all runs of the line keep inside the columns of cut? */
static int keeps_to_columns(const struct page_ctx *pc, const struct line *l, const double *cut,
                            size_t ncols)
{
	struct span r[64];
	size_t n = line_runs(pc, l, r, 64);
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < ncols && !(r[i].x1 >= cut[k] - 2 && r[i].x1 < cut[k + 1]))
			k++;
		if (k == ncols || r[i].x2 > cut[k + 1] + 2)
			return 0;
	}
	return 1;
}

/* Is there a table without rules whose header or first numbered row is
 * line i?  Fills *at and returns its end, or returns i. */
static size_t aligned_table_at(const struct page_ctx *pc, size_t i, struct atable *at)
{
	/* the first number, at most three header lines below i */
	size_t a0 = i;
	double nx1 = 0, nx2 = 0;
	while (a0 < pc->nlines && a0 < i + 4 && pc->lines[a0].use == USE_BODY &&
	       row_number(pc, &pc->lines[a0], &nx1, &nx2) != 1)
		a0++;
	if (a0 >= pc->nlines || a0 >= i + 4 || pc->lines[a0].use != USE_BODY)
		return i;
	double ncx = (nx1 + nx2) / 2, num_right = nx2;
	/* the numbered rows and the lines that wrap between them */
	memset(at, 0, sizeof *at);
	at->rows[at->nrows++] = a0;
	size_t last = a0 + 1; /* end of the rows seen so far */
	int want = 2;
	for (size_t j = a0 + 1; j < pc->nlines && j < last + 8; j++) {
		const struct line *l = &pc->lines[j], *p = &pc->lines[j - 1];
		if (l->use != USE_BODY || l->y1 - p->y2 > 2.5 * pc->pitch)
			break;
		double x1, x2;
		int v = row_number(pc, l, &x1, &x2);
		if (v == want && fabs((x1 + x2) / 2 - ncx) < 3) {
			if (at->nrows >= LIMIT_PDF_ATABLE_ROWS)
				break;
			at->rows[at->nrows++] = j;
			want++;
			num_right = fmax(num_right, x2);
			last = j + 1;
			continue;
		}
		if (v || l->x1 < num_right + 2)
			break; /* another number, or text in the number column */
	}
	if (at->nrows < 3)
		return i;
	/* columns: the runs of the numbered part, merged where they meet */
	struct span sp[512];
	size_t nsp = 0;
	for (size_t j = a0; j < last; j++)
		nsp += line_runs(pc, &pc->lines[j], sp + nsp, nsp + 64 <= 512 ? 64 : 512 - nsp);
	qsort(sp, nsp, sizeof *sp, cmp_span);
	struct span col[LIMIT_PDF_ATABLE_COLS];
	size_t ncol = 0;
	for (size_t k = 0; k < nsp; k++) {
		if (ncol && sp[k].x1 <= col[ncol - 1].x2 + 4) {
			col[ncol - 1].x2 = fmax(col[ncol - 1].x2, sp[k].x2);
			continue;
		}
		if (ncol == LIMIT_PDF_ATABLE_COLS)
			return i;
		col[ncol++] = sp[k];
	}
	if (ncol < 3)
		return i;
	at->ncols = ncol;
	/* the outer columns reach the page's text edges (a header wider
	   than the numbers under it) */
	double left = 1e9, right = -1e9;
	for (size_t j = 0; j < pc->nlines; j++)
		if (pc->lines[j].use == USE_BODY)
			left = fmin(left, pc->lines[j].x1), right = fmax(right, pc->lines[j].x2);
	at->cut[0] = fmin(col[0].x1, left) - 1;
	for (size_t k = 1; k < ncol; k++)
		at->cut[k] = (col[k - 1].x2 + col[k].x1) / 2;
	at->cut[ncol] = fmax(col[ncol - 1].x2, right) + 1;
	for (size_t k = 0; k < ncol; k++)
		at->tx1[k] = col[k].x1, at->tx2[k] = col[k].x2;
	/* every numbered row has text beside its number */
	for (size_t r = 0; r < at->nrows; r++) {
		const struct line *l = &pc->lines[at->rows[r]];
		if (l->x2 < at->cut[1] + 2)
			return i;
	}
	/* lines wrapping after the last number */
	size_t end = last;
	while (end < pc->nlines && end < last + 8) {
		const struct line *l = &pc->lines[end], *p = &pc->lines[end - 1];
		if (l->use != USE_BODY || l->y1 - p->y2 > 1.5 * pc->pitch ||
		    l->x1 < num_right + 2 || fabs(l->size - p->size) > 0.6 ||
		    !keeps_to_columns(pc, l, at->cut, at->ncols))
			break;
		end++;
	}
	/* header lines above the first number */
	size_t from = a0;
	while (from > i) {
		const struct line *l = &pc->lines[from - 1], *n = &pc->lines[from];
		if (n->y1 - l->y2 > 1.5 * pc->pitch || !keeps_to_columns(pc, l, at->cut, at->ncols))
			break;
		from--;
	}
	if (from != i)
		return i; /* the caller comes back at from */
	if (from < a0) {
		memmove(at->rows + 1, at->rows, at->nrows * sizeof *at->rows);
		at->rows[0] = from;
		at->nrows++;
	}
	at->from = from;
	at->to = end;
	return end;
}

static void emit_atable(struct doc *D, struct page_ctx *pc, const struct atable *at,
                        unsigned lineno)
{
	struct block *b = blocks_add_table(D->out);
	b->flags |= BF_BORDERLESS | take_flags(D);
	b->line = lineno;
	struct table *t = b->table;
	for (size_t r = 0; r < at->nrows; r++) {
		size_t l1 = at->rows[r], l2 = r + 1 < at->nrows ? at->rows[r + 1] : at->to;
		double y1 = pc->lines[l1].y1 - 1, y2 = pc->lines[l2 - 1].y2 + 1;
		struct row *row = table_add_row(t);
		for (size_t k = 0; k < at->ncols; k++) {
			struct cell *c = table_add_cell(row);
			struct line *ls;
			size_t n = box_lines(pc, at->cut[k], y1, at->cut[k + 1], y2, &ls);
			cell_paragraphs(pc, ls, n, at->tx1[k] - 0.5, at->tx2[k] + 0.5, NULL,
			                c->content, D->page_flags, lineno, NULL);
			free_lines(ls, n);
		}
	}
	table_finish(t);
	for (size_t i = at->from; i < at->to; i++)
		pc->lines[i].use = USE_TABLE;
	D->last_table = 0;
}

/* ---- one page ----------------------------------------------------------------- */

static double mode_of(double *v, size_t n, double step)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		v[i] = floor(v[i] / step + 0.5) * step;
	qsort(v, n, sizeof *v, cmp_double);
	double best = v[0];
	size_t bestn = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && v[j] == v[i])
			j++;
		if (j - i > bestn) {
			bestn = j - i;
			best = v[i];
		}
		i = j;
	}
	return best;
}

/* The smallest (or, with last, the largest) value that at least two of
 * v share within tol: the left margin is where continuation lines start
 * even on a page of one-line paragraphs that open indented, the right
 * margin where justified lines end, the line pitch the closest spacing
 * that recurs (paragraph spacing adds to it).  0 when no value recurs. */
static int edge_of(double *v, size_t n, double tol, int last, double *out)
{
	qsort(v, n, sizeof *v, cmp_double);
	for (size_t k = 0; k + 1 < n; k++) {
		size_t i = last ? n - 1 - k : k;
		size_t j = last ? i - 1 : i + 1;
		if (fabs(v[j] - v[i]) <= tol) {
			*out = (v[i] + v[j]) / 2;
			return 1;
		}
	}
	return 0;
}

/* The margins remembered for pages of pg's size (a new entry when there
 * is room and none yet; NULL when the table is full). */
static struct size_margins *size_margins(struct doc *D, const struct pdf_page *pg)
{
	for (size_t i = 0; i < D->nsizes; i++)
		if (fabs(D->sizes[i].w - pg->w) < 1 && fabs(D->sizes[i].h - pg->h) < 1)
			return &D->sizes[i];
	if (D->nsizes == sizeof D->sizes / sizeof D->sizes[0])
		return NULL;
	struct size_margins *m = &D->sizes[D->nsizes++];
	memset(m, 0, sizeof *m);
	m->w = pg->w, m->h = pg->h;
	return m;
}

static void page_margins(struct doc *D, struct page_ctx *pc, const struct grid *grids,
                         size_t ngrids)
{
	size_t n = 0;
	double *xs = xmalloc((pc->nlines + 1) * sizeof *xs),
	       *xe = xmalloc((pc->nlines + 1) * sizeof *xe);
	double *pitch = xmalloc((pc->nlines + 1) * sizeof *pitch);
	size_t np = 0;
	double minx = 1e9, maxx = -1e9;
	for (size_t i = 0; i < pc->nlines; i++) {
		const struct line *l = &pc->lines[i];
		if (l->use != USE_BODY)
			continue;
		minx = fmin(minx, l->x1);
		maxx = fmax(maxx, l->x2);
		if (l->nw >= 5) {
			xs[n] = l->x1;
			xe[n] = l->x2;
			n++;
		}
		if (i + 1 < pc->nlines && pc->lines[i + 1].use == USE_BODY &&
		    fabs(pc->lines[i + 1].size - l->size) < 0.5 &&
		    fabs(l->size - D->body_size) < 0.6)
			pitch[np++] = pc->lines[i + 1].base - l->base;
	}
	/* margins that recur on the page; else the page before's, when it
	   has the same size; else the extremes of the page's text */
	int have_l = n >= 3 && edge_of(xs, n, 1.5, 0, &pc->left);
	int have_r = n >= 3 && edge_of(xe, n, 1.5, 1, &pc->right);
	int prev = D->last_right > D->last_left && D->prev_w == pc->pg->w;
	double ext_l = minx < 1e8 ? minx : 0, ext_r = maxx > -1e8 ? maxx : pc->pg->w;
	for (size_t g = 0; g < ngrids; g++) {
		ext_l = fmin(ext_l, grids[g].x1);
		ext_r = fmax(ext_r, grids[g].x2);
	}
	/* a page of one-line paragraphs shows their indent, not its left
	   margin, and lines that happen to end together, not its right one:
	   where pages of its size had wider margins, theirs stand unless
	   three lines reach the new right edge */
	struct size_margins *sm = size_margins(D, pc->pg);
	if (sm && sm->have_l && have_l && pc->left > sm->left + 3) {
		pc->left = sm->left;
		have_l = 0;
	}
	if (sm && sm->have_r && have_r && pc->right < sm->right - 3) {
		size_t at = 0;
		for (size_t i = 0; i < n; i++)
			at += fabs(xe[i] - pc->right) <= 1.5;
		if (at < 3) {
			pc->right = sm->right;
			have_r = 0;
		}
	}
	if (sm && have_l)
		sm->left = pc->left, sm->have_l = 1;
	if (sm && have_r)
		sm->right = pc->right, sm->have_r = 1;
	if (!have_l && !(sm && sm->have_l))
		pc->left = prev ? D->last_left : ext_l;
	else if (!have_l)
		pc->left = sm->left;
	if (!have_r && !(sm && sm->have_r))
		pc->right = prev ? D->last_right : ext_r;
	else if (!have_r)
		pc->right = sm->right;
	if (pc->left < minx && have_l)
		pc->left = minx;
	/* the first-line indent: the next start that recurs */
	pc->indent = 0;
	if (have_l || (sm && sm->have_l)) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (xs[i] > pc->left + 3)
				xs[k++] = xs[i];
		for (size_t i = 0; i + 1 < k && !pc->indent; i++)
			if (fabs(xs[i + 1] - xs[i]) <= 1.5)
				pc->indent = (xs[i] + xs[i + 1]) / 2;
	}
	if (pc->right - pc->left < 50) {
		pc->left = pc->pg->w * 0.1;
		pc->right = pc->pg->w * 0.9;
	}
	if (np < 2 || !edge_of(pitch, np, 0.5, 0, &pc->pitch))
		pc->pitch = np ? mode_of(pitch, np, 0.5) : D->body_size * 1.25;
	if (pc->pitch < D->body_size)
		pc->pitch = D->body_size * 1.2;
	free(xs);
	free(xe);
	free(pitch);
}

/* Would the page need its ruling lines?  Lines split by wide gaps; the
 * band around them is where to look.  With header, the document's header
 * (a two-column band before any body text, which offices type as a
 * borderless table) does not count, nor does a two-column band whose
 * lines open with list marks (the signature: Nơi nhận and its list). */
static int wants_rules(struct page_ctx *pc, int header)
{
	size_t multi = 0, skip_to = 0;
	if (header) {
		size_t i = 0;
		while (i < pc->nlines && pc->lines[i].use != USE_BODY)
			i++;
		struct band bd;
		if (i < pc->nlines)
			skip_to = band_at(pc, i, &bd, 1, NULL);
	}
	pc->pg->rule_y1 = 1e9;
	pc->pg->rule_y2 = -1e9;
	for (size_t i = skip_to; i < pc->nlines; i++) {
		const struct line *l = &pc->lines[i];
		if (l->use != USE_BODY)
			continue;
		for (size_t k = 1; k < l->nw; k++)
			if (W(pc, l, k)->x1 - W(pc, l, k - 1)->x2 > l->size * 1.2) {
				/* a signature band (Nơi nhận and its list | signer) is no
				   table; a table's rows may look like a band, but do not
				   open with list marks */
				struct band bd;
				size_t e = band_at(pc, i, &bd, 0, NULL), marks = 0;
				for (size_t j = i; j < e; j++)
					marks += starts_with_mark(pc, &pc->lines[j]);
				if (e >= i + 3 && marks >= 2) {
					i = e - 1;
					break;
				}
				multi++;
				pc->pg->rule_y1 = fmin(pc->pg->rule_y1, l->y1);
				pc->pg->rule_y2 = fmax(pc->pg->rule_y2, l->y2);
				break;
			}
	}
	/* a table's first and last rows may hold one line of text each, and
	   its rules lie around them */
	pc->pg->rule_y1 = fmax(0, pc->pg->rule_y1 - pc->pg->h * 0.3);
	pc->pg->rule_y2 = pc->pg->h;
	return multi >= 2;
}

int pdf_page_table_hint(struct pdf_page *pg)
{
	struct page_ctx pc;
	memset(&pc, 0, sizeof pc);
	pc.pg = pg;
	page_lines(&pc);
	double y1 = pg->rule_y1, y2 = pg->rule_y2;
	int r = wants_rules(&pc, pg->no == 1);
	pg->rule_y1 = y1, pg->rule_y2 = y2;
	for (size_t i = 0; i < pc.nlines; i++)
		free(pc.lines[i].wi);
	free(pc.lines);
	return r;
}

static int layout_page(struct doc *D, struct pdf_page *pg)
{
	struct page_ctx pc;
	memset(&pc, 0, sizeof pc);
	pc.pg = pg;
	page_lines(&pc);
	int rc = 0;

	D->page_flags = pg->landscape ? BF_LANDSCAPE : 0;
	int newsize = D->prev_w && (fabs(D->prev_w - pg->w) > 1 || fabs(D->prev_h - pg->h) > 1);
	/* an explicit break: the previous page stopped well short of its foot,
	   or the page size or orientation changes (a section break) */
	int broke = pg->no > 1 && (newsize || D->prev_page_end < 0.72);

	/* furniture and stamps */
	for (size_t i = 0; i < pc.nlines; i++) {
		struct line *l = &pc.lines[i];
		int widget = 1;
		for (size_t k = 0; k < l->nw; k++)
			widget &= W(&pc, l, k)->widget;
		struct buf t = BUF_INIT;
		line_text(&pc, l, 0, l->nw, &t, NULL);
		if (widget || pdf_is_stamp_text(t.ptr, t.len) || is_page_number(&pc, l))
			l->use = USE_DROP;
		else if (in_margin(&pc, l) && D->npages >= 3) {
			struct buf key = BUF_INIT;
			margin_key(&pc, l, &key);
			if (margin_repeats(D, key.ptr) * 2 >= D->npages &&
			    margin_repeats(D, key.ptr) >= 3)
				l->use = USE_DROP;
			buf_release(&key);
		}
		buf_release(&t);
	}
	find_footnotes(D, &pc);

	/* ruled tables */
	struct grid *grids = NULL;
	size_t ngrids = 0;
	/* a page rendered ahead (read_pdf.c's guess) has its rules already;
	   they count only where the page's lines want them */
	int want = wants_rules(&pc, !D->body_started);
	if (want && D->rules && !pg->rules_done)
		rc = D->rules(D->rules_ctx, pg);
	if (rc == 0 && want)
		ngrids = find_grids(pg, &grids);
	/* a frame with no text in it (a seal's border, a box round an
	   image) is no table */
	size_t kept = 0;
	for (size_t gi = 0; gi < ngrids; gi++) {
		int text = 0;
		for (size_t i = 0; i < pc.nlines && !text; i++) {
			const struct line *l = &pc.lines[i];
			double cy = (l->y1 + l->y2) / 2;
			text = l->use == USE_BODY && cy > grids[gi].y1 && cy < grids[gi].y2 &&
			       l->x2 > grids[gi].x1 && l->x1 < grids[gi].x2;
		}
		if (text) {
			grids[kept++] = grids[gi];
		} else {
			free(grids[gi].xs);
			free(grids[gi].ys);
		}
	}
	ngrids = kept;
	for (size_t gi = 0; gi < ngrids; gi++)
		for (size_t i = 0; i < pc.nlines; i++) {
			struct line *l = &pc.lines[i];
			double cy = (l->y1 + l->y2) / 2;
			if (l->use == USE_BODY && cy > grids[gi].y1 && cy < grids[gi].y2 &&
			    l->x1 >= grids[gi].x1 - 2 && l->x2 <= grids[gi].x2 + 2)
				l->use = USE_TABLE;
		}
	/* tables typed without borders (their lines are not the body's, for
	   the margins); the line pitch is not known yet: the body size's */
	struct atable *ats = NULL;
	size_t nats = 0, aats = 0;
	pc.pitch = D->body_size * 1.25;
	for (size_t i = 0; i < pc.nlines; i++) {
		if (pc.lines[i].use != USE_BODY)
			continue;
		struct atable at;
		size_t end = aligned_table_at(&pc, i, &at);
		if (end == i)
			continue;
		ats = xgrow(ats, sizeof *ats, nats + 1, &aats);
		ats[nats++] = at;
		for (size_t k = at.from; k < at.to; k++)
			pc.lines[k].use = USE_TABLE;
		i = end - 1;
	}
	page_margins(D, &pc, grids, ngrids);

	/* walk the page top to bottom */
	if (broke || newsize) {
		flush_para(D);
		D->pending_flags |= BF_PAGE_BREAK;
		D->last_table = 0;
	}
	int first = 1;
	double content_end = 0;
	size_t gnext = 0, anext = 0;
	for (size_t i = 0; i <= pc.nlines && rc == 0; i++) {
		struct line *l = i < pc.nlines ? &pc.lines[i] : NULL;
		/* tables that start above this line */
		while (gnext < ngrids && (!l || grids[gnext].y1 <= l->y1)) {
			flush_para(D);
			rc = emit_grid(D, &pc, &grids[gnext], pg->no * 1000 + (unsigned)i);
			content_end = fmax(content_end, grids[gnext].y2);
			gnext++;
			first = 0;
			D->body_started = 1;
		}
		if (!l || rc)
			break;
		/* a table typed without borders */
		if (anext < nats && ats[anext].from == i) {
			flush_para(D);
			emit_atable(D, &pc, &ats[anext], pg->no * 1000 + (unsigned)i);
			content_end = fmax(content_end, pc.lines[ats[anext].to - 1].y2);
			i = ats[anext].to - 1;
			anext++;
			first = 0;
			D->body_started = 1;
			continue;
		}
		if (l->use != USE_BODY)
			continue;
		/* bands before any body text are the document's header (there
		   may be two: issuer | Quốc hiệu, then Số | place and date);
		   later ones hold the signature */
		struct band bd;
		/* the signature of the page before may go on at the top */
		struct block *last = D->out->n ? &D->out->v[D->out->n - 1] : NULL;
		int go_on = first && !broke && !D->para_open && D->band_block &&
		            D->band_block == D->out->n && D->band_zone == BF_SIGNATURE_ZONE &&
		            last->kind == BLOCK_TABLE;
		size_t end = go_on ? band_at(&pc, i, &bd, 0, &D->band) : i;
		if (end > i) {
			emit_band(D, &pc, i, end, &bd, D->band_zone, pg->no * 1000 + (unsigned)i,
			          last->table);
			content_end = fmax(content_end, pc.lines[end - 1].y2);
			i = end - 1;
			first = 0;
			continue;
		}
		end = band_at(&pc, i, &bd, !D->body_started, NULL);
		if (end > i) {
			flush_para(D);
			emit_band(D, &pc, i, end, &bd,
			          D->body_started ? BF_SIGNATURE_ZONE : BF_HEADER_ZONE,
			          pg->no * 1000 + (unsigned)i, NULL);
			content_end = fmax(content_end, pc.lines[end - 1].y2);
			i = end - 1;
			first = 0;
			continue;
		}
		add_body_line(D, &pc, l, pg->no * 1000 + (unsigned)i, !first);
		content_end = fmax(content_end, l->y2);
		first = 0;
		D->body_started = 1;
	}
	/* notes whose mark is on this page but in no paragraph: keep them
	   for the next paragraph flushed */
	for (size_t k = 0; k < D->nnotes; k++)
		D->notes[k].orphan = 1;
	for (size_t g = 0; g < ngrids; g++) {
		free(grids[g].xs);
		free(grids[g].ys);
	}
	free(grids);
	free(ats);
	/* where the text of this page stopped, for the next page's break test
	   (footnotes sit at the foot: a page with footnotes is full) */
	int has_notes = 0;
	for (size_t i = 0; i < pc.nlines; i++)
		has_notes |= pc.lines[i].use == USE_NOTE;
	D->prev_page_end = has_notes ? 1.0 : content_end / pg->h;
	D->notes_before = has_notes;
	D->prev_w = pg->w;
	D->prev_h = pg->h;
	D->last_pc = NULL;
	for (size_t i = 0; i < pc.nlines; i++)
		free(pc.lines[i].wi);
	free(pc.lines);
	return rc;
}

/* The most common font size, weighted by characters. */
static double body_size(const struct pdf_page *pages, size_t n)
{
	double sizes[64];
	size_t weight[64], ns = 0;
	for (size_t p = 0; p < n; p++)
		for (size_t i = 0; i < pages[p].nwords; i++) {
			double s = floor(pages[p].words[i].size * 2 + 0.5) / 2;
			size_t k;
			for (k = 0; k < ns; k++)
				if (sizes[k] == s)
					break;
			if (k == ns) {
				if (ns == 64)
					continue;
				sizes[ns] = s;
				weight[ns++] = 0;
			}
			weight[k] += pages[p].words[i].len;
		}
	size_t best = 0;
	for (size_t k = 1; k < ns; k++)
		if (weight[k] > weight[best])
			best = k;
	return ns ? sizes[best] : 12;
}

int pdf_layout(struct pdf_page *pages, size_t npages, pdf_rules_fn rules, void *ctx,
               struct blocks *out, struct diag *d)
{
	struct doc D;
	memset(&D, 0, sizeof D);
	D.pages = pages;
	D.npages = npages;
	D.out = out;
	D.d = d;
	D.rules = rules;
	D.rules_ctx = ctx;
	buf_init(&D.para);
	buf_init(&D.marks);
	D.body_size = body_size(pages, npages);
	D.prev_page_end = 1;

	/* margin lines repeated across pages */
	for (size_t p = 0; p < npages && npages >= 3; p++) {
		struct page_ctx pc;
		memset(&pc, 0, sizeof pc);
		pc.pg = &pages[p];
		page_lines(&pc);
		for (size_t i = 0; i < pc.nlines; i++) {
			if (!in_margin(&pc, &pc.lines[i]))
				continue;
			struct buf key = BUF_INIT;
			margin_key(&pc, &pc.lines[i], &key);
			margin_count(&D, key.ptr, pages[p].no);
			buf_release(&key);
		}
		for (size_t i = 0; i < pc.nlines; i++)
			free(pc.lines[i].wi);
		free(pc.lines);
	}

	int rc = 0;
	for (size_t p = 0; p < npages && rc == 0; p++) {
		rc = layout_page(&D, &pages[p]);
		if (rc == 0 && out->n > LIMIT_BLOCKS)
			rc = diag_error(d, "too many paragraphs (limit %d, LIMIT_BLOCKS)",
			                LIMIT_BLOCKS);
	}
	if (rc == 0) {
		flush_para(&D);
		emit_notes(&D, NULL, 1);
	}
	for (size_t i = 0; i < D.nnotes; i++)
		free(D.notes[i].text);
	free(D.notes);
	for (size_t i = 0; i < D.nmargins; i++)
		free(D.margins[i].key);
	free(D.margins);
	free(D.last_cols);
	free(D.last_edges);
	buf_release(&D.para);
	buf_release(&D.marks);
	return rc;
}
