/* read_pdf.c - PDF to blocks through poppler-glib.
 *
 * Owns: opening the document from memory (limits, encryption and
 * permission refusals), the text layer of each page turned into words
 * with positions, font size and style, the text that signature widgets
 * draw (poppler-glib's text layer leaves annotation appearances out, so a
 * page with widgets is printed through cairo into a PDF in memory and
 * read back), the scan and OCR-garbage refusals (pdf_quality.c), and the
 * page renderings that pdf_rules.c searches for ruling lines.  What the
 * words mean as lines, paragraphs, zones and tables is pdf_analyze.c's.
 *
 * Nothing of poppler's may reach standard output, where soan writes plan
 * XML: poppler-glib logs its parse errors to GLib's log (domain
 * "Poppler", INFO level, which GLib prints to stdout when G_MESSAGES_DEBUG
 * asks for it), so read_pdf() takes that domain over while it runs and
 * only counts the messages; and its cairo font code prints failures on
 * stderr, so both are pointed at /dev/null around renderings.
 *
 * The widget re-print runs in a child process: cairo 1.16 (Debian 12)
 * reads out of bounds, and may crash, subsetting a damaged embedded
 * TrueType font when the PDF surface is finished, and nothing poppler-glib
 * reports tells such a font beforehand.  A child that dies costs only the
 * widget text of that page. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <poppler.h>

#include "extract/base/limits.h"
#include "extract/base/sanitize.h"
#include "extract/base/xalloc.h"
#include "extract/read/pdf/pdf_analyze.h"
#include "extract/read/readers.h"

struct reader {
	PopplerDocument *doc;
	struct diag *d;
};

/* ---- keeping poppler quiet --------------------------------------------------- */

/* Messages poppler-glib logged while read_pdf() ran (parse errors of a
 * damaged file); counted, never printed. */
static unsigned poppler_messages;

static void poppler_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain, (void)level, (void)msg, (void)data;
	poppler_messages++;
}

/* Standard output and standard error pointed at /dev/null while poppler
 * renders: its cairo font code prints ("some font thing failed") on
 * stderr, and nothing may ever reach stdout.  Sanitizer builds keep
 * stderr, where a crash inside the rendering would be reported. */
struct quiet {
	int out, err; /* the saved descriptors, or -1 */
};

static void quiet_begin(struct quiet *q)
{
	q->out = q->err = -1;
	fflush(stdout);
	fflush(stderr);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (null < 0)
		return;
	q->out = dup(STDOUT_FILENO);
	if (q->out >= 0 && dup2(null, STDOUT_FILENO) < 0) {
		close(q->out);
		q->out = -1;
	}
#ifndef SOAN_ASAN
	q->err = dup(STDERR_FILENO);
	if (q->err >= 0 && dup2(null, STDERR_FILENO) < 0) {
		close(q->err);
		q->err = -1;
	}
#endif
	close(null);
}

static void quiet_end(struct quiet *q)
{
	/* what poppler printed goes to /dev/null first */
	fflush(stdout);
	fflush(stderr);
	if (q->out >= 0) {
		dup2(q->out, STDOUT_FILENO);
		close(q->out);
	}
	if (q->err >= 0) {
		dup2(q->err, STDERR_FILENO);
		close(q->err);
	}
}

static int font_is_bold(const char *name)
{
	return name && (strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Black") ||
	                strstr(name, "Heavy") || strstr(name, "Semibold") || strstr(name, "Demi"));
}

static int font_is_italic(const char *name)
{
	return name &&
	       (strstr(name, "Italic") || strstr(name, "italic") || strstr(name, "Oblique"));
}

struct charbox {
	const char *s; /* UTF-8 of one character */
	size_t len;
	PopplerRectangle r;
	double size;
	int bold, italic;
};

/* Append the words of one text layer (text + one box per character +
 * font runs) to pg.  keep(ctx, box) chooses characters; NULL keeps all. */
static int add_words(struct pdf_page *pg, const char *text, const PopplerRectangle *rects,
                     guint nrects, GList *attrs, int widget,
                     int (*keep)(void *, const PopplerRectangle *), void *ctx, struct diag *d)
{
	struct pdf_word *cur = NULL;
	int space = 1;
	GList *a = attrs;
	guint i = 0;
	const char *p = text;
	while (*p && i < nrects) {
		const char *next = g_utf8_next_char(p);
		size_t clen = (size_t)(next - p);
		const PopplerRectangle *r = &rects[i];
		while (a && ((PopplerTextAttributes *)a->data)->end_index < (gint)i)
			a = a->next;
		PopplerTextAttributes *at = a ? a->data : NULL;
		gunichar u = g_utf8_get_char_validated(p, (gssize)clen);
		int blank = u == (gunichar)-1 || u == (gunichar)-2 || g_unichar_isspace(u) ||
		            u == 0xA0 || u < 0x20;
		if (keep && !keep(ctx, r))
			blank = 1;
		if (blank) {
			cur = NULL;
			space = 1;
		} else {
			double size = at ? at->font_size : 0;
			int bold = at ? font_is_bold(at->font_name) : 0;
			int italic = at ? font_is_italic(at->font_name) : 0;
			if (cur &&
			    (fabs(cur->size - size) > 0.05 || cur->bold != (unsigned)bold ||
			     cur->italic != (unsigned)italic || r->x1 < cur->x2 - 1.0 ||
			     r->y1 > cur->y2 || r->y2 < cur->y1 || r->x1 > cur->x2 + size * 0.15))
				cur = NULL;
			if (!cur) {
				if (pg->nwords >= LIMIT_PDF_PAGE_WORDS) {
					diag_at(d, NULL, pg->no);
					return diag_error(d,
					                  "page %u has too many words (limit %d, "
					                  "LIMIT_PDF_PAGE_WORDS)",
					                  pg->no, LIMIT_PDF_PAGE_WORDS);
				}
				pg->words = xgrow(pg->words, sizeof *pg->words, pg->nwords + 1,
				                  &pg->awords);
				cur = &pg->words[pg->nwords++];
				memset(cur, 0, sizeof *cur);
				cur->x1 = r->x1, cur->y1 = r->y1, cur->x2 = r->x2, cur->y2 = r->y2;
				cur->size = size;
				cur->bold = (unsigned)bold;
				cur->italic = (unsigned)italic;
				cur->space_before = (unsigned)space;
				cur->widget = (unsigned)widget;
				cur->off = pg->text.len;
				space = 0;
			}
			buf_add(&pg->text, p, clen);
			cur->len += clen;
			if (r->x1 < cur->x1)
				cur->x1 = r->x1;
			if (r->y1 < cur->y1)
				cur->y1 = r->y1;
			if (r->x2 > cur->x2)
				cur->x2 = r->x2;
			if (r->y2 > cur->y2)
				cur->y2 = r->y2;
		}
		p = next;
		i++;
	}
	return 0;
}

static int page_words(PopplerPage *page, struct pdf_page *pg, int widget,
                      int (*keep)(void *, const PopplerRectangle *), void *ctx, struct diag *d)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	int rc = 0;
	if (text && *text && poppler_page_get_text_layout(page, &rects, &nrects)) {
		if (g_utf8_strlen(text, -1) > LIMIT_PDF_PAGE_CHARS) {
			diag_at(d, NULL, pg->no);
			rc = diag_error(d,
			                "page %u has too much text (limit %d characters, "
			                "LIMIT_PDF_PAGE_CHARS)",
			                pg->no, LIMIT_PDF_PAGE_CHARS);
		} else {
			GList *attrs = poppler_page_get_text_attributes(page);
			rc = add_words(pg, text, rects, nrects, attrs, widget, keep, ctx, d);
			poppler_page_free_text_attributes(attrs);
		}
	}
	g_free(rects);
	g_free(text);
	return rc;
}

/* ---- text drawn by signature widgets -------------------------------------- */

struct widget_areas {
	PopplerRectangle r[LIMIT_PDF_WIDGETS];
	size_t n;
	const struct pdf_page *pg; /* its words so far: the page's own text */
	size_t nbody;
};

/* Keep a character of the printed page when it lies in a widget and is
 * not the page's own text printed again. */
static int in_widget(void *ctx, const PopplerRectangle *r)
{
	const struct widget_areas *wa = ctx;
	double cx = (r->x1 + r->x2) / 2, cy = (r->y1 + r->y2) / 2;
	int in = 0;
	for (size_t i = 0; i < wa->n && !in; i++)
		in = cx >= wa->r[i].x1 && cx <= wa->r[i].x2 && cy >= wa->r[i].y1 &&
		     cy <= wa->r[i].y2;
	if (!in)
		return 0;
	for (size_t i = 0; i < wa->nbody; i++) {
		const struct pdf_word *w = &wa->pg->words[i];
		if (cx >= w->x1 && cx <= w->x2 && cy >= w->y1 && cy <= w->y2)
			return 0;
	}
	return 1;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
	struct buf *b = closure;
	if (b->len + length > LIMIT_PDF_WIDGET_BYTES)
		return CAIRO_STATUS_WRITE_ERROR;
	buf_add(b, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Does a widget fill in a line of the page's own text (the number or
 * the day stamped into "Số: ... /BC-UBND", "ngày ... tháng")?  Widgets
 * away from any text are signing stamps ("Ký bởi: ..."), which the
 * layout drops: they are not printed at all, as printing costs as much
 * as rendering the page. */
static int beside_text(const struct pdf_page *pg, const PopplerRectangle *a)
{
	for (size_t i = 0; i < pg->nwords; i++) {
		const struct pdf_word *w = &pg->words[i];
		double cy = (w->y1 + w->y2) / 2;
		if (cy >= a->y1 - 2 && cy <= a->y2 + 2 && w->x2 >= a->x1 - 30 &&
		    w->x1 <= a->x2 + 30)
			return 1;
	}
	return 0;
}

/* Print the page clipped to its widgets into a PDF in memory. */
static int print_in_process(PopplerPage *page, const struct pdf_page *pg,
                            const struct widget_areas *wa, struct buf *pdf)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, pdf, pg->w, pg->h);
	cairo_t *cr = cairo_create(s);
	for (size_t i = 0; i < wa->n; i++)
		cairo_rectangle(cr, wa->r[i].x1 - 1, wa->r[i].y1 - 1, wa->r[i].x2 - wa->r[i].x1 + 2,
		                wa->r[i].y2 - wa->r[i].y1 + 2);
	cairo_clip(cr);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return ok;
}

/* The same in a child process that hands the PDF back through a pipe;
 * 1 with the PDF in pdf, 0 when the child failed or died. */
static int print_widgets(PopplerPage *page, const struct pdf_page *pg,
                         const struct widget_areas *wa, struct buf *pdf)
{
	int fds[2];
	if (pipe(fds) < 0)
		return 0;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return 0;
	}
	if (pid == 0) {
		/* the child: print, write, leave without atexit handlers */
		close(fds[0]);
		struct quiet q;
		quiet_begin(&q); /* for good: the child only prints */
		struct buf out = BUF_INIT;
		int good = print_in_process(page, pg, wa, &out);
		const char *p = out.ptr;
		size_t left = good ? out.len : 0;
		while (left) {
			ssize_t k = write(fds[1], p, left);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				_exit(2);
			p += k;
			left -= (size_t)k;
		}
		_exit(good ? 0 : 1);
	}
	close(fds[1]);
	char chunk[65536];
	int too_big = 0;
	for (;;) {
		ssize_t k = read(fds[0], chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		if (pdf->len + (size_t)k > LIMIT_PDF_WIDGET_BYTES)
			too_big = 1;
		else
			buf_add(pdf, chunk, (size_t)k);
	}
	close(fds[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return !too_big && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Signed PDFs carry the document number, the day and the signing stamp
 * in widget appearances.  Print the page (widgets included) through
 * cairo's PDF surface, which keeps the text, read that back and keep the
 * characters inside the widgets. */
static int widget_words(PopplerPage *page, struct pdf_page *pg, struct diag *d)
{
	struct widget_areas wa;
	wa.n = 0;
	wa.pg = pg;
	wa.nbody = pg->nwords;
	GList *map = poppler_page_get_annot_mapping(page);
	for (GList *l = map; l; l = l->next) {
		PopplerAnnotMapping *m = l->data;
		if (poppler_annot_get_annot_type(m->annot) != POPPLER_ANNOT_WIDGET)
			continue;
		PopplerRectangle r = m->area;
		if (r.x2 - r.x1 < 2 || r.y2 - r.y1 < 2 || wa.n >= LIMIT_PDF_WIDGETS)
			continue;
		/* the mapping is in PDF space (origin bottom left) */
		PopplerRectangle a = {r.x1, pg->h - r.y2, r.x2, pg->h - r.y1};
		if (!beside_text(pg, &a))
			continue;
		wa.r[wa.n++] = a;
	}
	poppler_page_free_annot_mapping(map);
	if (!wa.n)
		return 0;

	struct buf pdf = BUF_INIT;
	int ok = print_widgets(page, pg, &wa, &pdf);
	int rc = 0;
	if (ok && pdf.len) {
		GBytes *bytes = g_bytes_new_static(pdf.ptr, pdf.len);
		PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
		if (doc) {
			PopplerPage *p = poppler_document_get_n_pages(doc) == 1
			                     ? poppler_document_get_page(doc, 0)
			                     : NULL;
			if (p) {
				rc = page_words(p, pg, 1, in_widget, &wa, d);
				g_object_unref(p);
			}
			g_object_unref(doc);
		}
		g_bytes_unref(bytes);
	}
	buf_release(&pdf);
	return rc;
}

/* ---- ruling lines ----------------------------------------------------------- */

/* Pixels per point for the rendering searched for ruling lines: 1.5
 * (72 dpi): hairlines still leave ink in two neighbouring pixels, and
 * text strokes stay shorter than the shortest rule. */
#define RULE_SCALE 1.5

/* The gray of a pixel of cairo's RGB24 (0x00RRGGBB, host order), white
 * kept exact. */
static unsigned char rgb_gray(uint32_t v)
{
	if ((v & 0xFFFFFFu) == 0xFFFFFFu)
		return 255;
	return (unsigned char)((((v >> 16) & 255) * 77 + ((v >> 8) & 255) * 151 + (v & 255) * 28) >>
	                       8);
}

/* Render the band [y1, y2) of the page small, in gray, and hand it to
 * pdf_rules_from_gray.  A surface of the band's height only: what falls
 * outside costs no pixels (cairo drops glyphs outside its surface), only
 * the parse of the page's content.  A page rendered before its text is
 * read (read_pdf()'s guess that a table goes on) gets its text layer from
 * this rendering: poppler-glib keeps the text a non-printing rendering
 * collects, so the content is parsed once. */
static int render_band(struct reader *rd, PopplerPage *page, struct pdf_page *pg, double y1,
                       double y2)
{
	if (y1 < 0)
		y1 = 0;
	if (y2 > pg->h)
		y2 = pg->h;
	double scale = RULE_SCALE;
	double px = pg->w * (y2 - y1) * scale * scale;
	if (px > LIMIT_PDF_RENDER_PIXELS)
		scale *= sqrt(LIMIT_PDF_RENDER_PIXELS / px);
	int w = (int)ceil(pg->w * scale), h = (int)ceil((y2 - y1) * scale);
	pg->rules_done = 1;
	if (w < 8 || h < 8)
		return 0;
	/* our own pixels, white from the start: one pass instead of cairo's
	   zeroing and a white paint */
	int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
	unsigned char *px32 = xmalloc((size_t)stride * (size_t)h);
	memset(px32, 0xFF, (size_t)stride * (size_t)h);
	cairo_surface_t *s =
	    cairo_image_surface_create_for_data(px32, CAIRO_FORMAT_RGB24, w, h, stride);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		free(px32);
		return diag_env(rd->d, "cannot allocate a %dx%d page image", w, h);
	}
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	cairo_translate(cr, 0, -y1);
	struct quiet q;
	quiet_begin(&q);
	poppler_page_render(page, cr);
	quiet_end(&q);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	unsigned char *gray = xmalloc((size_t)w * (size_t)h);
	for (int y = 0; y < h; y++) {
		const unsigned char *row = px32 + (size_t)y * (size_t)stride;
		unsigned char *g = gray + (size_t)y * (size_t)w;
		int x = 0;
		/* white is by far the commonest pixel: two at a time */
		for (; x + 2 <= w; x += 2) {
			uint32_t v0, v1;
			memcpy(&v0, row + (size_t)x * 4, sizeof v0);
			memcpy(&v1, row + (size_t)x * 4 + 4, sizeof v1);
			if ((v0 & v1 & 0xFFFFFFu) == 0xFFFFFFu) {
				g[x] = g[x + 1] = 255;
				continue;
			}
			g[x] = rgb_gray(v0);
			g[x + 1] = rgb_gray(v1);
		}
		for (; x < w; x++) {
			uint32_t v;
			memcpy(&v, row + (size_t)x * 4, sizeof v);
			g[x] = rgb_gray(v);
		}
	}
	pdf_rules_from_gray(pg, gray, w, h, w, scale, y1);
	free(gray);
	cairo_surface_destroy(s);
	free(px32);
	return 0;
}

/* The layout's call for ruling lines: the band where a table may lie. */
static int render_rules(void *ctx, struct pdf_page *pg)
{
	struct reader *rd = ctx;
	PopplerPage *page = poppler_document_get_page(rd->doc, (int)pg->no - 1);
	if (!page)
		return 0;
	double y1 = 0, y2 = pg->h;
	if (pg->rule_y2 > pg->rule_y1)
		y1 = pg->rule_y1, y2 = pg->rule_y2;
	int rc = render_band(rd, page, pg, y1, y2);
	g_object_unref(page);
	return rc;
}

/* ---- the document ------------------------------------------------------------- */

/* A cheap bound on the object count before poppler parses anything:
 * count "obj" keywords in the raw bytes. */
static size_t count_objects(const unsigned char *data, size_t len)
{
	size_t n = 0;
	const unsigned char *p = data, *end = data + len;
	while (p + 4 <= end) {
		const unsigned char *q = memchr(p, 'o', (size_t)(end - p) - 3);
		if (!q)
			break;
		if (q[1] == 'b' && q[2] == 'j' && q > data &&
		    (q[-1] == ' ' || q[-1] == '\n' || q[-1] == '\r'))
			n++;
		p = q + 1;
	}
	return n;
}

static void page_release(struct pdf_page *pg)
{
	buf_release(&pg->text);
	free(pg->words);
	free(pg->hrules);
	free(pg->vrules);
	pdf_page_drop_lines(pg);
}

int read_pdf(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
             struct diag *d)
{
	(void)o;
	if (len > LIMIT_FILE_BYTES)
		return diag_error(d, "file too large: %zu bytes (limit %u, LIMIT_FILE_BYTES)", len,
		                  LIMIT_FILE_BYTES);
	if (len < 5 || memcmp(data, "%PDF-", 5))
		return diag_error(d, "not a PDF file: no %%PDF- signature");
	size_t nobj = count_objects(data, len);
	if (nobj > LIMIT_PDF_OBJECTS)
		return diag_error(d, "PDF has too many objects: %zu (limit %d, LIMIT_PDF_OBJECTS)",
		                  nobj, LIMIT_PDF_OBJECTS);

	GError *err = NULL;
	poppler_messages = 0;
	guint log_id =
	    g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
	                      poppler_log, NULL);
	GBytes *bytes = g_bytes_new_static(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	if (!doc) {
		int enc =
		    err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
		g_clear_error(&err);
		g_bytes_unref(bytes);
		g_log_remove_handler("Poppler", log_id);
		if (enc)
			return diag_error(
			    d, "encrypted PDF needs a password to open; text cannot be read");
		return diag_error(d, "damaged PDF: poppler cannot open it");
	}
	int rc = 0;
	struct reader rd = {doc, d};
	struct pdf_page *pages = NULL;
	int npages = poppler_document_get_n_pages(doc);
	if (!(poppler_document_get_permissions(doc) & POPPLER_PERMISSIONS_OK_TO_COPY)) {
		rc = diag_error(d, "encrypted PDF forbids copying its text (permission flags); "
		                   "ask for an unrestricted copy");
		goto out;
	}
	if (npages <= 0) {
		rc = diag_error(d, "PDF has no pages");
		goto out;
	}
	if (npages > LIMIT_PDF_PAGES) {
		rc = diag_error(d, "PDF has too many pages: %d (limit %d, LIMIT_PDF_PAGES)", npages,
		                LIMIT_PDF_PAGES);
		goto out;
	}

	/* Pass 1: words of every page, and the quality of the text layer. */
	pages = xcalloc((size_t)npages, sizeof *pages);
	for (int i = 0; i < npages; i++)
		buf_init(&pages[i].text);
	struct pdf_quality q;
	memset(&q, 0, sizeof q);
	int table_before = 0;
	for (int i = 0; i < npages && rc == 0; i++) {
		struct pdf_page *pg = &pages[i];
		pg->no = (unsigned)i + 1;
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		poppler_page_get_size(page, &pg->w, &pg->h);
		if (!(pg->w > 1 && pg->h > 1 && pg->w < LIMIT_PDF_PAGE_POINTS &&
		      pg->h < LIMIT_PDF_PAGE_POINTS)) {
			g_object_unref(page);
			diag_at(d, NULL, pg->no);
			rc =
			    diag_error(d,
			               "page %u has an impossible size %.0fx%.0f points (limit %d, "
			               "LIMIT_PDF_PAGE_POINTS)",
			               pg->no, pg->w, pg->h, LIMIT_PDF_PAGE_POINTS);
			break;
		}
		pg->landscape = pg->w > pg->h;
		/* a table on the page before probably goes on here: render the
		   page now, and its text comes with the rendering */
		if (table_before && pg->w == pages[i - 1].w && pg->h == pages[i - 1].h)
			rc = render_band(&rd, page, pg, 0, pg->h);
		if (rc == 0)
			rc = page_words(page, pg, 0, NULL, NULL, d);
		size_t body = pg->nwords;
		if (rc == 0)
			rc = widget_words(page, pg, d);
		g_object_unref(page);
		for (size_t k = 0; k < body; k++)
			pdf_quality_add(&q, pg->text.ptr + pg->words[k].off, pg->words[k].len);
		table_before = rc == 0 && pdf_page_table_hint(pg);
	}
	if (rc == 0) {
		switch (pdf_quality_verdict(&q, (unsigned)npages)) {
		case 1:
			rc = diag_error(d,
			                "PDF has no text layer (a scanned image?): run OCR first");
			goto out;
		case 2:
			rc = diag_error(
			    d,
			    "PDF text layer is not readable Vietnamese (OCR garbage: %zu of "
			    "%zu words are Vietnamese syllables); OCR it again with Vietnamese",
			    q.valid, q.tokens);
			goto out;
		default: break;
		}
	}

	/* Pass 2: layout. */
	if (rc == 0)
		rc = pdf_layout(pages, (size_t)npages, render_rules, &rd, out, d);
out:
	if (pages)
		for (int i = 0; i < npages; i++)
			page_release(&pages[i]);
	free(pages);
	g_object_unref(doc);
	g_bytes_unref(bytes);
	g_log_remove_handler("Poppler", log_id);
	return rc;
}
