/* t_font.c - fonts chosen by coverage, missing glyphs named, subsets
 * that keep every glyph they need.  Needs a Times New Roman twin with
 * Vietnamese (Debian fonts-liberation2); skips otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "extract/base/buf.h"
#include "generate/pdf/font.h"

static const uint32_t viet[] = {'K', 0x1EBF, ' ', 'h', 'o', 0x1EA1, 'c', 0x1ED9, 0x1ED8, 0x1EE7};
#define NVIET (sizeof viet / sizeof viet[0])

static const struct font *need_font(enum font_style st)
{
	const struct font *f;
	struct diag d = DIAG_INIT;
	int r = font_find(NULL, st, viet, NVIET, &f, &d);
	diag_release(&d);
	return r < 0 ? NULL : f;
}

static void four_faces_with_vietnamese(void **state)
{
	(void)state;
	if (!need_font(FONT_REGULAR))
		skip();
	const char *paths[4];
	for (int s = 0; s < 4; s++) {
		const struct font *f = need_font((enum font_style)s);
		assert_non_null(f);
		paths[s] = font_path(f);
		assert_non_null(strstr(paths[s], ".ttf"));
		assert_int_equal(font_first_missing(f, viet, NVIET), -1);
		for (int k = 0; k < s; k++)
			assert_string_not_equal(paths[s], paths[k]);
	}
	font_cache_release();
}

static void missing_glyph_is_named(void **state)
{
	(void)state;
	if (!need_font(FONT_REGULAR))
		skip();
	const uint32_t cps[] = {'A', 0x4E2D};
	const struct font *f;
	struct diag d = DIAG_INIT;
	assert_int_equal(font_find("Times New Roman", FONT_BOLD, cps, 2, &f, &d), -1);
	assert_int_equal(d.kind, DIAG_ENVIRONMENT);
	assert_non_null(strstr(d.msg, "U+4E2D"));
	assert_non_null(strstr(d.msg, "中"));
	assert_non_null(strstr(d.msg, ".ttf"));
	diag_release(&d);
	/* a family nobody has */
	assert_int_equal(font_find("No Such Family Xyzzy", FONT_REGULAR, cps, 1, &f, &d), -1);
	assert_int_equal(d.kind, DIAG_ENVIRONMENT);
	diag_release(&d);
	font_cache_release();
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, len, fp);
	return fclose(fp) == 0 && n == len ? 0 : -1;
}

static void subset_keeps_what_is_drawn(void **state)
{
	(void)state;
	const struct font *f = need_font(FONT_REGULAR);
	if (!f)
		skip();
	struct buf b = BUF_INIT;
	struct diag d = DIAG_INIT;
	assert_int_equal(font_subset(f, viet, NVIET, &b, &d), 0);
	assert_true(b.len > 1000 && b.len < 40000); /* the whole file is ~390 KB */
	char path[] = "/tmp/soan-t_font-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(write_file(path, b.ptr, b.len), 0);
	const struct font *s;
	assert_int_equal(font_load(path, &s, &d), 0);
	/* every character kept, at the same advance */
	assert_int_equal(font_first_missing(s, viet, NVIET), -1);
	for (size_t i = 0; i < NVIET; i++)
		assert_int_equal(font_advance(s, viet[i]), font_advance(f, viet[i]));
	/* and nothing else */
	const uint32_t other[] = {'Z'};
	assert_int_equal(font_first_missing(s, other, 1), 'Z');
	assert_int_equal(font_ascent(s), font_ascent(f));
	unlink(path);
	buf_release(&b);
	diag_release(&d);
	font_cache_release();
}

/* Replace the name table of TrueType data in b by one naming family. */
static void rename_font(struct buf *b, const char *family, const char *ps)
{
	const char *names[4] = {family, "Regular", family, ps};
	const unsigned ids[4] = {1, 2, 4, 6};
	unsigned char t[1024];
	size_t strings = 6 + 4 * 12, off = 0;
	memset(t, 0, sizeof t);
	t[3] = 4;
	t[4] = (unsigned char)(strings >> 8);
	t[5] = (unsigned char)strings;
	for (int i = 0; i < 4; i++) {
		unsigned char *r = t + 6 + 12 * i;
		size_t len = 2 * strlen(names[i]);
		r[1] = 3;
		r[3] = 1;
		r[4] = 0x04;
		r[5] = 0x09;
		r[7] = (unsigned char)ids[i];
		r[8] = (unsigned char)(len >> 8);
		r[9] = (unsigned char)len;
		r[10] = (unsigned char)(off >> 8);
		r[11] = (unsigned char)off;
		for (size_t k = 0; names[i][k]; k++)
			t[strings + off + 2 * k + 1] = (unsigned char)names[i][k];
		off += len;
	}
	size_t tlen = strings + off;
	unsigned char *p = (unsigned char *)b->ptr;
	unsigned n = (unsigned)p[4] << 8 | p[5];
	while (b->len % 4)
		buf_addc(b, 0);
	size_t at = b->len;
	for (unsigned i = 0; i < n; i++) {
		unsigned char *e = (unsigned char *)b->ptr + 12 + 16 * i;
		if (memcmp(e, "name", 4))
			continue;
		e[8] = (unsigned char)(at >> 24);
		e[9] = (unsigned char)(at >> 16);
		e[10] = (unsigned char)(at >> 8);
		e[11] = (unsigned char)at;
		e[12] = e[13] = 0;
		e[14] = (unsigned char)(tlen >> 8);
		e[15] = (unsigned char)tlen;
	}
	buf_add(b, t, tlen);
}

/* A "Times New Roman" without Vietnamese (as an old font would be)
 * next to Liberation Serif with it: fontconfig prefers the exact family
 * name, coverage must pick the alias. */
static void chosen_by_coverage_not_name(void **state)
{
	(void)state;
	const struct font *f = need_font(FONT_REGULAR);
	if (!f)
		skip();
	char *real_path = strdup(font_path(f));
	char real_dir[1024];
	snprintf(real_dir, sizeof real_dir, "%s", real_path);
	*strrchr(real_dir, '/') = 0;

	/* the impostor: Latin letters only, named Times New Roman */
	const uint32_t latin[] = {'K', 'h', 'o', 'a', 'c', ' ', 'A'};
	struct buf b = BUF_INIT;
	struct diag d = DIAG_INIT;
	assert_int_equal(font_subset(f, latin, 7, &b, &d), 0);
	rename_font(&b, "Times New Roman", "TimesNewRomanPSMT");
	char dir[] = "/tmp/soan-t_font-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char fake[1200], conf[1200], conf2[1200];
	snprintf(fake, sizeof fake, "%s/fake-times.ttf", dir);
	assert_int_equal(write_file(fake, b.ptr, b.len), 0);
	char text[4096];
	snprintf(conf, sizeof conf, "%s/both.conf", dir);
	snprintf(text, sizeof text,
	         "<?xml version=\"1.0\"?><fontconfig><dir>%s</dir><dir>%s</dir>"
	         "<cachedir>%s/cache</cachedir>"
	         "<include ignore_missing=\"yes\">/etc/fonts/conf.d</include></fontconfig>\n",
	         dir, real_dir, dir);
	assert_int_equal(write_file(conf, text, strlen(text)), 0);
	snprintf(conf2, sizeof conf2, "%s/fake.conf", dir);
	snprintf(text, sizeof text,
	         "<?xml version=\"1.0\"?><fontconfig><dir>%s</dir><cachedir>%s/cache</cachedir>"
	         "<include ignore_missing=\"yes\">/etc/fonts/conf.d</include></fontconfig>\n",
	         dir, dir);
	assert_int_equal(write_file(conf2, text, strlen(text)), 0);
	font_cache_release();

	/* Latin only: the exact family name wins, which is the impostor */
	setenv("FONTCONFIG_FILE", conf, 1);
	const struct font *g;
	assert_int_equal(font_find("Times New Roman", FONT_REGULAR, latin, 7, &g, &d), 0);
	assert_string_equal(font_path(g), fake);
	/* Vietnamese: coverage passes over it to the metric twin */
	assert_int_equal(font_find("Times New Roman", FONT_REGULAR, viet, NVIET, &g, &d), 0);
	assert_string_equal(font_path(g), real_path);
	font_cache_release();

	/* with the impostor alone: an error naming a missing letter and it */
	setenv("FONTCONFIG_FILE", conf2, 1);
	assert_int_equal(font_find("Times New Roman", FONT_REGULAR, viet, NVIET, &g, &d), -1);
	assert_non_null(strstr(d.msg, "U+1EBF 'ế'"));
	assert_non_null(strstr(d.msg, fake));
	font_cache_release();
	unsetenv("FONTCONFIG_FILE");

	char cmd[1300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(real_path);
	buf_release(&b);
	diag_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(four_faces_with_vietnamese),
	    cmocka_unit_test(missing_glyph_is_named),
	    cmocka_unit_test(subset_keeps_what_is_drawn),
	    cmocka_unit_test(chosen_by_coverage_not_name),
	};
	return cmocka_run_group_tests_name("font", tests, NULL, NULL);
}
