/* pdf_analyze.h - the PDF reader's inside: what read_pdf.c hands to the
 * layout stage (words with positions and fonts, ruling lines) and the
 * functions of the pdf_*.c files.  Nothing outside extract/read/pdf/read_pdf.c and
 * extract/pdf_*.c includes it.
 *
 * Coordinates are PDF points with the origin at the top left of the page
 * (y grows downward), as poppler-glib reports text boxes. */
#ifndef SOAN_PDF_ANALYZE_H
#define SOAN_PDF_ANALYZE_H

#include <stddef.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/read/blocks.h"

/* A word: glyphs between spaces with one font size and style. */
struct pdf_word {
	double x1, y1, x2, y2; /* box of its glyphs */
	double size;           /* font size in points */
	size_t off, len;       /* its UTF-8 text in pdf_page.text */
	unsigned bold : 1;
	unsigned italic : 1;
	unsigned space_before : 1; /* the text layer had a space or line end before it */
	unsigned widget : 1;       /* drawn by a form field (signature widget) */
	unsigned sup : 1;          /* raised and small: a footnote mark */
	unsigned used : 1;         /* already taken by a table cell or zone */
};

/* A ruling line found in a rendering of the page. */
struct pdf_rule {
	double a, b; /* extent along the line: x for horizontal, y for vertical */
	double at;   /* its position across: y for horizontal, x for vertical */
};

struct pdf_page {
	unsigned no; /* 1-based */
	double w, h;
	int landscape;
	struct buf text; /* word texts, back to back */
	struct pdf_word *words;
	size_t nwords, awords;
	struct pdf_rule *hrules, *vrules;
	size_t nh, nv, ah, av;
	int rules_done;          /* ruling lines were looked for */
	double rule_y1, rule_y2; /* the band of the page to search for them */
	void *lines;             /* pdf_analyze.c's visual lines, kept once built */
	size_t nlines;
};

/* Free what pdf_analyze.c keeps in a page (its lines). */
void pdf_page_drop_lines(struct pdf_page *pg);

/* Lay the pages out into blocks appended to out.  rules(ctx, page)
 * renders a page and fills its ruling lines (pdf_rules_from_gray) when the
 * layout asks for them; it returns 0 or -1 with d set. */
typedef int (*pdf_rules_fn)(void *ctx, struct pdf_page *pg);
int pdf_layout(struct pdf_page *pages, size_t npages, pdf_rules_fn rules, void *ctx,
               struct blocks *out, struct diag *d);

/* Page furniture and signing stamps: is this line of text a digital
 * signature stamp ("Ký bởi: ...", "Thời gian ký: ...", an e-mail, a time
 * stamp), which is never body text? */
int pdf_is_stamp_text(const char *s, size_t len);

/* Text-layer quality (pdf_quality.c).  Feed every word of the document,
 * then ask for the verdict. */
struct pdf_quality {
	size_t chars;  /* non-space characters seen */
	size_t tokens; /* letter tokens scored */
	size_t valid;  /* of them, well-formed Vietnamese syllables */
	size_t marked; /* of them, carrying a Vietnamese diacritic */
	size_t mixed;  /* tokens mixing letters and digits ("D6ng") */
};
void pdf_quality_add(struct pdf_quality *q, const char *s, size_t len);
/* 0: usable; 1: no text layer; 2: text layer that is not Vietnamese. */
int pdf_quality_verdict(const struct pdf_quality *q, unsigned pages);

/* Ruling lines from a rendered band of a page (pdf_rules.c): gray is w*h
 * bytes, 0 black .. 255 white, at scale pixels per point; its first row
 * lies y0 points below the top of the page. */
void pdf_rules_from_gray(struct pdf_page *pg, const unsigned char *gray, int w, int h, int stride,
                         double scale, double y0);

/* Do the page's words look like a table (lines split into columns, the
 * document header aside)?  read_pdf.c renders the next page together with
 * reading its text when they do, as a table usually goes on. */
int pdf_page_table_hint(struct pdf_page *pg);

#endif
