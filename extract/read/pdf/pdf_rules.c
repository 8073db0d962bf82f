/* pdf_rules.c - ruling lines (table borders) from a small rendering of a
 * PDF page.
 *
 * poppler-glib hands out text, not vector paths, so table borders are
 * found the way a reader's eye finds them: long, thin runs of dark
 * pixels.  Owns: scanning a gray image for horizontal and vertical runs,
 * joining the pixel rows of one thick line, dropping filled areas
 * (images, shading) that are not lines, and converting to points.  It
 * does not decide what is a table (pdf_analyze.c does). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/xalloc.h"
#include "extract/read/pdf/pdf_analyze.h"

#define INK          105  /* ink (255 - gray) of two neighbouring pixels that makes a line */
#define MIN_H_PT     18.0 /* shortest horizontal rule, points */
#define MIN_V_PT     12.0 /* shortest vertical rule, points */
#define MAX_THICK_PT 3.0  /* thicker than this is a filled area, not a line */

struct run {
	int at;   /* first pixel row (or column) */
	int last; /* last pixel row (or column) joined */
	int a, b; /* extent along the line, pixels, b exclusive */
	int done;
};

/* Join runs found on consecutive scan lines into lines; emit each. */
static void add_rule(struct pdf_rule **v, size_t *n, size_t *alloc, const struct run *r,
                     double scale, double ya, double yat)
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
	c->open[c->nopen++] = (struct run){line, line, a, b, 0};
}

/* Are the 8 bytes at p all white? */
static int white8(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v == UINT64_MAX;
}

/* A vertical run found while walking the rows: column x, rows [s, e). */
struct vrun {
	int x, s, e;
};

static int cmp_vrun(const void *a, const void *b)
{
	const struct vrun *p = a, *q = b;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return (p->s > q->s) - (p->s < q->s);
}

/* A hairline between two pixel rows shows as two light rows: a pixel is
 * ink when it and its neighbour below (or right) hold enough ink
 * together.  Both directions are scanned row by row (the image is stored
 * by rows), skipping white stretches eight pixels at a time: most of a
 * page is white. */
#define PAIR_DARK(a, b) ((unsigned)(a) + (unsigned)(b) <= 510u - INK)

void pdf_rules_from_gray(struct pdf_page *pg, const unsigned char *gray, int w, int h, int stride,
                         double scale, double y0)
{
	int min_h = (int)(MIN_H_PT * scale), min_v = (int)(MIN_V_PT * scale);
	int thick = (int)(MAX_THICK_PT * scale + 0.5);
	/* horizontal rules lie at a y, vertical ones run along y */
	struct collector c = {NULL, 0, 0, &pg->hrules, &pg->nh, &pg->ah, scale, thick, 0, y0};
	for (int y = 0; y + 1 < h; y++) {
		close_old(&c, y);
		const unsigned char *a = gray + (size_t)y * (size_t)stride, *b = a + stride;
		int x = 0, s = -1;
		while (x < w) {
			if (x + 8 <= w && white8(a + x) && white8(b + x)) {
				if (s >= 0 && x - s >= min_h)
					take_run(&c, y, s, x);
				s = -1;
				x += 8;
				continue;
			}
			if (PAIR_DARK(a[x], b[x])) {
				if (s < 0)
					s = x;
			} else {
				if (s >= 0 && x - s >= min_h)
					take_run(&c, y, s, x);
				s = -1;
			}
			x++;
		}
		if (s >= 0 && x - s >= min_h)
			take_run(&c, y, s, x);
	}
	close_old(&c, h + 2);

	/* vertical: pixel x with x + 1.  Each row's ink columns are a bit set;
	   a run opens where a bit turns on and closes where it turns off, so
	   a row costs a look at its bytes and a step per run that starts or
	   ends, not a step per open column. */
	int ncols = w - 1; /* columns 0 .. w-2 pair with their right neighbour */
	size_t nwords = ncols > 0 ? ((size_t)ncols + 63) / 64 : 1;
	int *start = xmalloc((size_t)(w > 0 ? w : 1) * sizeof *start);
	uint64_t *open = xcalloc(nwords, sizeof *open), *ink = xmalloc(nwords * sizeof *ink);
	struct vrun *runs = NULL;
	size_t nruns = 0, aruns = 0;
	for (int y = 0; y <= h; y++) {
		memset(ink, 0, nwords * sizeof *ink);
		if (y < h) {
			const unsigned char *a = gray + (size_t)y * (size_t)stride;
			int x = 0;
			while (x < ncols) {
				if (x + 9 <= w && white8(a + x) && a[x + 8] == 255) {
					x += 8;
					continue;
				}
				if (PAIR_DARK(a[x], a[x + 1]))
					ink[x >> 6] |= (uint64_t)1 << (x & 63);
				x++;
			}
		}
		for (size_t i = 0; i < nwords; i++) {
			uint64_t ended = open[i] & ~ink[i], began = ink[i] & ~open[i];
			while (ended) {
				int col = (int)(i * 64) + __builtin_ctzll(ended);
				ended &= ended - 1;
				if (y - start[col] >= min_v) {
					runs = xgrow(runs, sizeof *runs, nruns + 1, &aruns);
					runs[nruns++] = (struct vrun){col, start[col], y};
				}
			}
			while (began) {
				start[(int)(i * 64) + __builtin_ctzll(began)] = y;
				began &= began - 1;
			}
			open[i] = ink[i];
		}
	}
	free(ink);
	free(open);
	if (nruns)
		qsort(runs, nruns, sizeof *runs, cmp_vrun);
	c.v = &pg->vrules, c.n = &pg->nv, c.alloc = &pg->av;
	c.ya = y0, c.yat = 0;
	for (size_t i = 0; i < nruns; i++) {
		if (i == 0 || runs[i].x != runs[i - 1].x)
			close_old(&c, runs[i].x);
		take_run(&c, runs[i].x, runs[i].s, runs[i].e);
	}
	close_old(&c, w + 2);
	free(runs);
	free(start);
	free(c.open);
	pg->rules_done = 1;
}
