/* pdf_rules.c - ruling lines (table borders) from a small rendering of a
 * PDF page.
 *
 * poppler-glib hands out text, not vector paths, so table borders are
 * found the way a reader's eye finds them: long, thin runs of dark
 * pixels.  Owns: scanning a gray image for horizontal and vertical runs,
 * joining the pixel rows of one thick line, dropping filled areas
 * (images, shading) that are not lines, and converting to points.  It
 * does not decide what is a table (pdf_layout.c does). */
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"
#include "xalloc.h"

#define INK 105 /* ink (255 - gray) of two neighbouring pixels that makes a line */
#define MIN_H_PT 18.0	   /* shortest horizontal rule, points */
#define MIN_V_PT 12.0	   /* shortest vertical rule, points */
#define MAX_THICK_PT 3.0   /* thicker than this is a filled area, not a line */

struct run {
	int at;	   /* first pixel row (or column) */
	int last;  /* last pixel row (or column) joined */
	int a, b;  /* extent along the line, pixels, b exclusive */
	int done;
};

/* Join runs found on consecutive scan lines into lines; emit each. */
static void add_rule(struct pdf_rule **v, size_t *n, size_t *alloc, const struct run *r, double scale,
		     double ya, double yat)
{
	*v = xgrow(*v, sizeof **v, *n + 1, alloc);
	struct pdf_rule *o = &(*v)[(*n)++];
	o->a = r->a / scale + ya;
	o->b = r->b / scale + ya;
	o->at = (r->at + r->last + 1) / 2.0 / scale + yat;
}

struct collector {
	struct run *open;
	size_t nopen, aopen;
	struct pdf_rule **v;
	size_t *n, *alloc;
	double scale;
	int max_thick;
	double ya, yat; /* page offsets (points) of extents and positions */
};

static void close_old(struct collector *c, int line)
{
	size_t k = 0;
	for (size_t i = 0; i < c->nopen; i++) {
		struct run *r = &c->open[i];
		if (r->last < line - 1) {
			if (r->last - r->at + 1 <= c->max_thick)
				add_rule(c->v, c->n, c->alloc, r, c->scale, c->ya, c->yat);
			continue;
		}
		c->open[k++] = *r;
	}
	c->nopen = k;
}

static void take_run(struct collector *c, int line, int a, int b)
{
	for (size_t i = 0; i < c->nopen; i++) {
		struct run *r = &c->open[i];
		int lo = a > r->a ? a : r->a, hi = b < r->b ? b : r->b;
		int shorter = (b - a) < (r->b - r->a) ? (b - a) : (r->b - r->a);
		if (r->last == line - 1 && hi - lo >= shorter * 8 / 10) {
			r->last = line;
			if (a < r->a)
				r->a = a;
			if (b > r->b)
				r->b = b;
			return;
		}
	}
	c->open = xgrow(c->open, sizeof *c->open, c->nopen + 1, &c->aopen);
	c->open[c->nopen++] = (struct run){ line, line, a, b, 0 };
}

void pdf_rules_from_gray(struct pdf_page *pg, const unsigned char *gray, int w, int h, int stride,
			 double scale, double y0)
{
	int min_h = (int)(MIN_H_PT * scale), min_v = (int)(MIN_V_PT * scale);
	int thick = (int)(MAX_THICK_PT * scale + 0.5);
	/* horizontal rules lie at a y, vertical ones run along y */
	struct collector c = { NULL, 0, 0, &pg->hrules, &pg->nh, &pg->ah, scale, thick, 0, y0 };
	/* A hairline between two pixel rows shows as two light rows: a pixel
	   is ink when it and its neighbour below (or right) hold enough ink
	   together. */
#define DARK_AT(x, y, dx, dy)                                                                    \
	(510 - gray[(size_t)(y) * (size_t)stride + (size_t)(x)] -                                 \
		 gray[(size_t)((y) + (dy)) * (size_t)stride + (size_t)((x) + (dx))] >=            \
	 INK)
	for (int y = 0; y + 1 < h; y++) {
		close_old(&c, y);
		int x = 0;
		while (x < w) {
			while (x < w && !DARK_AT(x, y, 0, 1))
				x++;
			int s = x;
			while (x < w && DARK_AT(x, y, 0, 1))
				x++;
			if (x - s >= min_h)
				take_run(&c, y, s, x);
		}
	}
	close_old(&c, h + 2);
	c.v = &pg->vrules, c.n = &pg->nv, c.alloc = &pg->av;
	c.ya = y0, c.yat = 0;
	/* vertical: the same, walking columns */
	for (int x = 0; x + 1 <= w; x++) {
		close_old(&c, x);
		if (x + 1 == w)
			break;
		int y = 0;
		while (y < h) {
			while (y < h && !DARK_AT(x, y, 1, 0))
				y++;
			int s = y;
			while (y < h && DARK_AT(x, y, 1, 0))
				y++;
			if (y - s >= min_v)
				take_run(&c, x, s, y);
		}
	}
	close_old(&c, w + 2);
	free(c.open);
	pg->rules_done = 1;
}
