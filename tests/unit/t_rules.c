/* t_rules.c - every recognizer rule compiles, names are unique, and every
 * rule is named in the prose of at least one spec file (its examples are
 * the rule's documentation).  Plus direct checks of the rules whose
 * boundaries matter most: numbers, dates, references, labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/recognize/rules.h"

static void all_compile_and_unique(void **state)
{
	(void)state;
	const char *bad = NULL;
	assert_int_equal(rules_compile(&bad), 0);
	for (int i = 0; i < R__COUNT; i++)
		for (int j = i + 1; j < R__COUNT; j++)
			assert_string_not_equal(rule_name(i), rule_name(j));
}

static void every_rule_documented(void **state)
{
	(void)state;
	const char *dir = getenv("SOAN_DATADIR");
	struct buf all = BUF_INIT;
	static const char *const files[] = {"header", "basis",   "sections", "agencies",   "tasks",
	                                    "inline", "closing", "tables",   "regression", NULL};
	for (int i = 0; files[i]; i++) {
		char *p = xasprintf("%s/tests/spec/%s.txt", dir ? dir : ".", files[i]);
		FILE *fp = fopen(p, "r");
		free(p);
		if (!fp)
			continue;
		char line[8192];
		while (fgets(line, sizeof line, fp))
			if (!strncmp(line, "Rules:", 6))
				buf_adds(&all, line);
		fclose(fp);
	}
	for (int r = 0; r < R__COUNT; r++) {
		char *needle = xasprintf(" %s ", rule_name(r));
		char *needle_eol = xasprintf(" %s\n", rule_name(r));
		int found = strstr(all.ptr, needle) || strstr(all.ptr, needle_eol);
		free(needle_eol);
		if (!found)
			fail_msg("rule '%s' is named in no 'Rules:' line of tests/spec",
			         rule_name(r));
		free(needle);
	}
	buf_release(&all);
}

static int m(enum rule_id r, const char *s, struct rmatch *mm)
{
	return rule_match(r, s, strlen(s), 0, mm);
}

static char *group(const char *s, const struct rmatch *mm, int g)
{
	return xstrndup(s + rm_start(mm, g), rm_len(mm, g));
}

static void assert_group(const char *s, const struct rmatch *mm, int g, const char *want)
{
	char *got = group(s, mm, g);
	assert_string_equal(got, want);
	free(got);
}

static void number_lines(void **state)
{
	(void)state;
	struct rmatch mm;
	const char *s = "Số: 180 /KH-UBND";
	assert_true(m(R_NUMBER_LINE, s, &mm));
	assert_group(s, &mm, 1, "180");
	assert_group(s, &mm, 2, "KH-UBND");
	s = "Số:      /KH-UBND";
	assert_true(m(R_NUMBER_LINE, s, &mm));
	assert_group(s, &mm, 1, "");
	s = "Số: 05/2024/QĐ-UBND";
	assert_true(m(R_NUMBER_LINE, s, &mm));
	assert_group(s, &mm, 2, "2024/QĐ-UBND");
	assert_false(m(R_NUMBER_LINE, "Số lượng người tham gia là 50 người", &mm));
}

static void dates(void **state)
{
	(void)state;
	struct rmatch mm;
	const char *s = "Hà Nội, ngày 05 tháng 3 năm 2020";
	assert_true(m(R_PLACE_DATE, s, &mm));
	assert_group(s, &mm, 1, "Hà Nội");
	assert_group(s, &mm, 3, "05");
	assert_group(s, &mm, 4, "3");
	assert_group(s, &mm, 5, "2020");
	s = "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019";
	assert_true(m(R_PLACE_DATE, s, &mm));
	assert_group(s, &mm, 1, "Thành phố Hồ Chí Minh");
	s = "theo Quyết định số 04 ngày 30 tháng 8 năm 2014";
	assert_true(m(R_DATE_LONG, s, &mm));
	assert_group(s, &mm, 1, "30");
	assert_group(s, &mm, 3, "2014");
}

static void references(void **state)
{
	(void)state;
	struct rmatch mm;
	const char *s = "theo Quyết định số 1160/QĐ-TTg ngày 13/7/2021";
	assert_true(m(R_REF, s, &mm));
	assert_group(s, &mm, 1, "Quyết định");
	assert_group(s, &mm, 2, "1160/QĐ-TTg");
	s = "Kết luận số 57-KL/TW";
	assert_true(m(R_REF, s, &mm));
	assert_group(s, &mm, 2, "57-KL/TW");
	s = "Luật số 72/2025/QH15";
	assert_true(m(R_REF, s, &mm));
	assert_group(s, &mm, 2, "72/2025/QH15");
	/* a plan named without a number is not a citation */
	assert_false(m(R_REF, "ban hành Kế hoạch tuyên truyền", &mm));
}

static void labels(void **state)
{
	(void)state;
	struct rmatch mm;
	assert_true(m(R_HEAD_ROMAN, "VII. CHẾ ĐỘ THÔNG TIN BÁO CÁO", &mm));
	assert_true(m(R_HEAD_ARABIC, "1.1. Hạ tầng số", &mm));
	assert_true(m(R_HEAD_ARABIC, "12) Nhiệm vụ", &mm));
	assert_false(m(R_HEAD_ARABIC, "1.000.000 đồng được cấp", &mm));
	assert_false(m(R_HEAD_ARABIC, "2.000 tờ gấp", &mm));
	assert_false(m(R_HEAD_ARABIC, "100% văn bản", &mm));
	assert_true(m(R_HEAD_LETTER, "đ) Hạn chế", &mm));
	assert_false(m(R_HEAD_LETTER, "a.b.c là ví dụ", &mm));
	assert_true(m(R_SIG_DEPUTY, "KÊ CHỦ TỊCH", &mm));
	assert_false(m(R_SIG_DEPUTY, "Kế hoạch", &mm));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(all_compile_and_unique),
	    cmocka_unit_test(every_rule_documented),
	    cmocka_unit_test(number_lines),
	    cmocka_unit_test(dates),
	    cmocka_unit_test(references),
	    cmocka_unit_test(labels),
	};
	int rc = cmocka_run_group_tests_name("rules", tests, NULL, NULL);
	rules_free();
	return rc;
}
