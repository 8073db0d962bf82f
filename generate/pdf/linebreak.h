/* linebreak.h - measuring text and breaking a paragraph into lines.
 *
 * A paragraph is a sequence of items: boxes (a word or part of one, a
 * leader, a field) and glue (a space where a line may break).  Adjacent
 * boxes without glue between them are one unbreakable word, which is
 * how a word that changes font mid-way ("Số:" bold + "446" regular)
 * stays whole.  Breaking is first fit, as word processors do: each line
 * takes as many words as fit, breaking only at glue; the glue at a break
 * is dropped, and so is glue at the start of a line.
 *
 * A word wider than the line is never shrunk (the decree fixes the font
 * size): as a last resort it is split between characters, at the last
 * character that still fits (at least one character per line, so a line
 * always makes progress).  That needs the box's per-character widths
 * (units); a box without units (a leader) is put on a line of its own
 * and may overflow.
 *
 * Glue marked nobreak (a space that binds, as a no-break space does)
 * is no place to break: the boxes either side stay on one line.
 *
 * Justification stretches the glue inside a line (not the glue dropped at
 * its end) to fill the measure; the caller decides which lines are
 * justified (not the last one of a paragraph).  All widths in points. */
#ifndef SOAN_LINEBREAK_H
#define SOAN_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

#include "generate/pdf/font.h"

enum lb_kind {
	LB_BOX,
	LB_GLUE,
};

struct lb_item {
	enum lb_kind kind;
	double width;       /* natural width */
	const float *units; /* boxes: per-character widths for a last-resort split, or NULL */
	unsigned nunits;    /* number of units (0: the box cannot be split) */
	int nobreak;        /* glue: no break here */
};

/* A place in the item list: item i, after unit u of it (u 0: its start). */
struct lb_pos {
	size_t i;
	unsigned u;
};

struct lb_line {
	struct lb_pos start, end; /* [start, end): content of the line */
	double width;             /* natural width, without glue at either end */
	unsigned nglue;           /* glue items inside the line */
};

/* Break items[0..n) into lines of width_first (the first line) and
 * width_rest (the others).  *lines is malloc'd (the caller frees it);
 * returns the number of lines (0 for a paragraph without boxes). */
size_t lb_break(const struct lb_item *items, size_t n, double width_first, double width_rest,
                struct lb_line **lines);

/* Width to add to each glue of line l so that it fills avail; 0 when
 * the line has no inner glue or is already full. */
double lb_justify(const struct lb_line *l, double avail);

/* Width of the units [u0, u1) of box it (the whole box when it has no
 * units). */
double lb_units_width(const struct lb_item *it, unsigned u0, unsigned u1);

/* Decode one UTF-8 code point at s[*i] (valid UTF-8, as libxml2 hands
 * it over), advancing *i. */
uint32_t lb_utf8_next(const char *s, size_t len, size_t *i);

/* Width in points of s[0..len) in font f at size, from the font's own
 * advance widths (a table lookup per character). */
double lb_text_width(const struct font *f, double size, const char *s, size_t len);

#endif
