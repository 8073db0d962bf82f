/* linebreak.c - first-fit line breaking with justification, and text
 * measurement from font metrics (see linebreak.h).
 *
 * Owns the breaking rules only: it knows nothing of FO, fonts beyond
 * font_advance(), or drawing.  Runs in time linear in the items (each
 * item is looked at a bounded number of times). */
#include "generate/pdf/linebreak.h"

#include "extract/base/normalize.h"

#include <stdlib.h>

#include "extract/base/xalloc.h"

#define EPS 1e-6

double lb_units_width(const struct lb_item *it, unsigned u0, unsigned u1)
{
	if (!it->nunits)
		return u0 ? 0 : it->width;
	double w = 0;
	for (unsigned u = u0; u < u1 && u < it->nunits; u++)
		w += it->units[u];
	return w;
}

/* Width of box i from unit u to its end. */
static double rest_width(const struct lb_item *it, unsigned u)
{
	return u ? lb_units_width(it, u, it->nunits) : it->width;
}

static struct lb_pos skip_glue(const struct lb_item *items, size_t n, struct lb_pos p)
{
	while (p.i < n && p.u == 0 && items[p.i].kind == LB_GLUE)
		p.i++;
	return p;
}

size_t lb_break(const struct lb_item *items, size_t n, double width_first, double width_rest,
                struct lb_line **lines)
{
	struct lb_line *out = NULL;
	size_t nout = 0, aout = 0;
	struct lb_pos pos = skip_glue(items, n, (struct lb_pos){0, 0});
	while (pos.i < n) {
		double avail = nout ? width_rest : width_first;
		struct lb_line l = {pos, pos, 0, 0};
		double w = 0;       /* width so far, glue included */
		double wbox = 0;    /* width up to the end of the last box */
		unsigned nglue = 0; /* glue passed so far */
		unsigned gbox = 0;  /* glue before the last box */
		int have_break = 0;
		struct lb_pos brk = pos;
		double brk_w = 0;
		unsigned brk_glue = 0;
		struct lb_pos next = {n, 0};
		size_t i = pos.i;
		unsigned u = pos.u;
		int done = 0;
		for (; i < n && !done; i++, u = 0) {
			const struct lb_item *it = &items[i];
			if (it->kind == LB_GLUE) {
				if (!it->nobreak && (!have_break || brk.i != i)) {
					/* a break here ends the line after the last box */
					have_break = 1;
					brk = (struct lb_pos){i, 0};
					brk_w = wbox;
					brk_glue = gbox;
				}
				w += it->width;
				nglue++;
				continue;
			}
			double bw = rest_width(it, u);
			if (w + bw <= avail + EPS) {
				w += bw;
				wbox = w;
				gbox = nglue;
				continue;
			}
			/* box i does not fit */
			if (have_break && wbox > 0 && brk.i > pos.i) {
				l.end = brk;
				l.width = brk_w;
				l.nglue = brk_glue;
				next = skip_glue(items, n, brk);
			} else if (it->nunits) {
				/* last resort: split the word between characters */
				unsigned k = u;
				double ww = w;
				while (k < it->nunits && ww + it->units[k] <= avail + EPS)
					ww += it->units[k++];
				if (k == u && w <= EPS)
					ww += it->units[k++]; /* at least one character */
				if (k == u) {
					/* nothing of this box fits after earlier boxes */
					l.end = (struct lb_pos){i, u};
					l.width = wbox;
					l.nglue = gbox;
					next = l.end;
				} else {
					l.end = k == it->nunits ? (struct lb_pos){i + 1, 0}
					                        : (struct lb_pos){i, k};
					l.width = ww;
					l.nglue = nglue;
					next = l.end;
				}
			} else if (w <= EPS) {
				/* an unsplittable box alone on its line */
				l.end = (struct lb_pos){i + 1, 0};
				l.width = bw;
				l.nglue = 0;
				next = skip_glue(items, n, l.end);
			} else {
				l.end = (struct lb_pos){i, u};
				l.width = wbox;
				l.nglue = gbox;
				next = l.end;
			}
			done = 1;
		}
		if (!done) {
			/* the rest of the paragraph fits */
			l.end = (struct lb_pos){n, 0};
			l.width = wbox;
			l.nglue = gbox;
			next = l.end;
		}
		out = xgrow(out, sizeof *out, nout + 1, &aout);
		out[nout++] = l;
		if (next.i == pos.i && next.u == pos.u)
			break; /* cannot happen; guards against a loop */
		pos = next;
	}
	*lines = out;
	return nout;
}

double lb_justify(const struct lb_line *l, double avail)
{
	if (!l->nglue || avail <= l->width)
		return 0;
	return (avail - l->width) / l->nglue;
}

uint32_t lb_utf8_next(const char *s, size_t len, size_t *i)
{
	unsigned long cp;
	size_t n = utf8_decode((const unsigned char *)s + *i, len - *i, &cp);
	if (!n) {
		*i += 1;
		return 0xFFFD;
	}
	*i += n;
	return (uint32_t)cp;
}

double lb_text_width(const struct font *f, double size, const char *s, size_t len)
{
	unsigned long units = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80)
			units += font_advance(f, (unsigned char)s[i++]);
		else
			units += font_advance(f, lb_utf8_next(s, len, &i));
	}
	return (double)units * size / 1000.0;
}
