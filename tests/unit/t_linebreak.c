/* t_linebreak.c - first-fit breaking and justification at known widths,
 * and text measurement against Times New Roman's published metrics
 * (which Liberation Serif reproduces). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "generate/pdf/font.h"
#include "generate/pdf/linebreak.h"

/* Items from a pattern: a letter run is a box of 10 pt per letter, ' '
 * is glue of 2 pt ('~' glue that binds), '|' separates boxes without
 * glue.  Boxes get units (one per letter) so they can be split. */
struct para {
	struct lb_item items[64];
	float units[64][16];
	size_t n;
};

static void build(struct para *p, const char *pat)
{
	memset(p, 0, sizeof *p);
	for (const char *s = pat; *s;) {
		if (*s == ' ' || *s == '~') {
			p->items[p->n].kind = LB_GLUE;
			p->items[p->n].nobreak = *s == '~';
			p->items[p->n++].width = 2;
			s++;
		} else if (*s == '|') {
			s++;
		} else {
			struct lb_item *it = &p->items[p->n];
			it->kind = LB_BOX;
			unsigned k = 0;
			while (*s && *s != ' ' && *s != '~' && *s != '|') {
				p->units[p->n][k++] = 10;
				s++;
			}
			it->width = 10.0 * k;
			it->units = p->units[p->n];
			it->nunits = k;
			p->n++;
		}
	}
}

static void first_fit(void **state)
{
	(void)state;
	struct para p;
	build(&p, "aa bb cc dd ee");
	struct lb_line *l;
	/* 20+2+20+2+20 = 64 fits in 65; the fourth word would need 86 */
	size_t n = lb_break(p.items, p.n, 65, 65, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].start.i, 0);
	assert_int_equal(l[0].end.i, 5); /* ends at the glue before dd */
	assert_true(l[0].width == 64);
	assert_int_equal(l[0].nglue, 2);
	assert_int_equal(l[1].start.i, 6); /* the glue is dropped */
	assert_true(l[1].width == 42);
	assert_int_equal(l[1].nglue, 1);
	free(l);
}

static void exact_fit_and_indent(void **state)
{
	(void)state;
	struct para p;
	build(&p, "aa bb cc");
	struct lb_line *l;
	/* exactly 64: one line */
	size_t n = lb_break(p.items, p.n, 64, 64, &l);
	assert_int_equal(n, 1);
	free(l);
	/* a first line 20 pt narrower (text-indent) takes one word less */
	n = lb_break(p.items, p.n, 44, 64, &l);
	assert_int_equal(n, 2);
	assert_true(l[0].width == 42);
	assert_true(l[1].width == 20);
	free(l);
}

static void justification(void **state)
{
	(void)state;
	struct para p;
	build(&p, "aa bb cc dd ee");
	struct lb_line *l;
	size_t n = lb_break(p.items, p.n, 65, 65, &l);
	assert_int_equal(n, 2);
	/* 1 pt short, two inner glues: 0.5 pt each */
	assert_true(lb_justify(&l[0], 65) == 0.5);
	/* the caller does not justify a last line, but a line without inner
	 * glue never stretches */
	struct lb_line one = {{0, 0}, {1, 0}, 20, 0};
	assert_true(lb_justify(&one, 65) == 0);
	/* an overfull line is not squeezed */
	struct lb_line over = {{0, 0}, {3, 0}, 70, 1};
	assert_true(lb_justify(&over, 65) == 0);
	free(l);
}

static void word_group_moves_whole(void **state)
{
	(void)state;
	struct para p;
	/* "bb|cc" is one word in two boxes (a font change inside a word) */
	build(&p, "aa bb|cc");
	struct lb_line *l;
	size_t n = lb_break(p.items, p.n, 50, 50, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].end.i, 1);
	assert_true(l[0].width == 20);
	assert_int_equal(l[1].start.i, 2);
	assert_true(l[1].width == 40);
	free(l);
}

static void binding_glue(void **state)
{
	(void)state;
	struct para p;
	build(&p, "aa bb~cc");
	struct lb_line *l;
	/* bb~cc stays whole: the break goes before bb although bb fits */
	size_t n = lb_break(p.items, p.n, 50, 50, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].end.i, 1);
	assert_true(l[0].width == 20);
	assert_int_equal(l[1].start.i, 2);
	assert_true(l[1].width == 42);
	assert_int_equal(l[1].nglue, 1);
	free(l);
}

static void long_word_split_as_last_resort(void **state)
{
	(void)state;
	struct para p;
	build(&p, "a bbbbbbbbbb c");
	struct lb_line *l;
	/* the 100 pt word in 35 pt lines: "a" alone, then 3+3+3+1 letters */
	size_t n = lb_break(p.items, p.n, 35, 35, &l);
	assert_int_equal(n, 5);
	assert_true(l[0].width == 10);
	assert_int_equal(l[1].start.i, 2);
	assert_int_equal(l[1].start.u, 0);
	assert_int_equal(l[1].end.i, 2);
	assert_int_equal(l[1].end.u, 3);
	assert_true(l[1].width == 30);
	assert_int_equal(l[2].start.u, 3);
	assert_int_equal(l[2].end.u, 6);
	assert_int_equal(l[3].end.u, 9);
	/* the last piece and "c" share a line: 10 + 2 + 10 */
	assert_int_equal(l[4].start.u, 9);
	assert_true(l[4].width == 22);
	assert_int_equal(l[4].nglue, 1);
	free(l);
	/* a line narrower than one letter still takes one letter */
	build(&p, "abc");
	n = lb_break(p.items, p.n, 5, 5, &l);
	assert_int_equal(n, 3);
	free(l);
}

static void unsplittable_box_alone(void **state)
{
	(void)state;
	struct para p;
	build(&p, "aa bbbbbb cc");
	p.items[2].units = NULL;
	p.items[2].nunits = 0; /* like a leader: cannot be split */
	struct lb_line *l;
	size_t n = lb_break(p.items, p.n, 35, 35, &l);
	assert_int_equal(n, 3);
	assert_true(l[1].width == 60); /* overflows, alone */
	assert_int_equal(l[1].start.i, 2);
	assert_int_equal(l[1].end.i, 3);
	free(l);
}

static void glue_only_and_empty(void **state)
{
	(void)state;
	struct para p;
	build(&p, "   ");
	struct lb_line *l = NULL;
	assert_int_equal(lb_break(p.items, p.n, 50, 50, &l), 0);
	free(l);
	l = NULL;
	assert_int_equal(lb_break(p.items, 0, 50, 50, &l), 0);
	free(l);
}

static void utf8_decoding(void **state)
{
	(void)state;
	const char *s = "Kế ộ€𝄞";
	size_t i = 0, len = strlen(s);
	uint32_t want[] = {'K', 0x1EBF, ' ', 0x1ED9, 0x20AC, 0x1D11E};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
		assert_int_equal(lb_utf8_next(s, len, &i), want[k]);
	assert_int_equal(i, len);
}

static void measure_times_metrics(void **state)
{
	(void)state;
	const struct font *f;
	struct diag d = DIAG_INIT;
	uint32_t cps[] = {'a', 'o', 0x1ED9};
	if (font_find("Times New Roman", FONT_REGULAR, cps, 3, &f, &d) < 0) {
		diag_release(&d);
		skip(); /* no Times New Roman twin installed */
	}
	/* Times New Roman: space 250, a 443 (1/1000 em, truncated), M 889 */
	assert_int_equal(font_advance(f, ' '), 250);
	assert_int_equal(font_advance(f, 'a'), 443);
	assert_int_equal(font_advance(f, 'M'), 889);
	/* a letter with two marks is as wide as its base */
	assert_int_equal(font_advance(f, 0x1ED9), font_advance(f, 'o'));
	assert_int_equal(font_advance(f, 0x4E2D), 0); /* no CJK glyph */
	/* "Ma a" at 10 pt: (889 + 443 + 250 + 443) / 100 */
	double w = lb_text_width(f, 10, "Ma a", 4);
	assert_true(w > 20.2499 && w < 20.2501);
	/* UTF-8 text measures per code point, not per byte */
	assert_true(lb_text_width(f, 10, "ộ", strlen("ộ")) == lb_text_width(f, 10, "o", 1));
	diag_release(&d);
	font_cache_release();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(first_fit),
	    cmocka_unit_test(exact_fit_and_indent),
	    cmocka_unit_test(justification),
	    cmocka_unit_test(word_group_moves_whole),
	    cmocka_unit_test(binding_glue),
	    cmocka_unit_test(long_word_split_as_last_resort),
	    cmocka_unit_test(unsplittable_box_alone),
	    cmocka_unit_test(glue_only_and_empty),
	    cmocka_unit_test(utf8_decoding),
	    cmocka_unit_test(measure_times_metrics),
	};
	return cmocka_run_group_tests_name("linebreak", tests, NULL, NULL);
}
