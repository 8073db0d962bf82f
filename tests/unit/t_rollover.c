/* t_rollover.c - each rollover rule on strings: what it changes and what
 * it must leave alone (legal references, past events, periods that still
 * run); the renaming table's format; the plan's years; the whole
 * rollover on small plans (valid output, input untouched, marks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/buf.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "generate/transform/renames.h"
#include "generate/transform/rollover.h"

/* A small table in the shipped file's format. */
static const char table[] =
    "# test table\n"
    "Sở Thông tin và Truyền thông | Sở TT&TT\t\tambiguous\tSở TT&TT không còn: chọn cơ quan.\n"
    "Bộ Thông tin và Truyền thông\t\tambiguous\tBộ TT&TT không còn.\n"
    "Sở Kế hoạch và Đầu tư | Sở KH&ĐT\tSở Tài chính\trename\thợp nhất\n"
    "Báo {P}\tBáo và Phát thanh, Truyền hình {P}\trename\thợp nhất báo, đài\n"
    "Đài Phát thanh và Truyền hình {P} | Đài PT&TH {P}\tBáo và Phát thanh, Truyền hình "
    "{P}\trename\thợp nhất\n"
    "UBND các huyện, thị xã, thành phố | UBND các huyện, thành phố {P}\tUBND các xã, phường, đặc "
    "khu\trename\t2 cấp\n"
    "tỉnh Sóc Trăng\tthành phố Cần Thơ\trename\tsáp nhập\n"
    "Sóc Trăng\tCần Thơ\tplace\tsáp nhập vào thành phố Cần Thơ\n"
    "Bạc Liêu\tCà Mau\tplace\tsáp nhập vào tỉnh Cà Mau\n"
    "Cà Mau\tCà Mau\tplace\t\n"
    "Hà Tĩnh\tHà Tĩnh\tplace\t\n"
    "Thái Bình\tHưng Yên\tplace\tsáp nhập vào tỉnh Hưng Yên\n";

static struct renames *test_table(void)
{
	struct diag d;
	diag_init(&d, "test");
	struct renames *r = renames_parse("test", table, strlen(table), &d);
	if (!r)
		fail_msg("table: %s", d.msg);
	diag_release(&d);
	return r;
}

enum rule { PLAN_YEAR, TIMELINE, DEADLINE, RENAME };

/* Run one rule on s for a plan of [a, b] moving to a plan starting at to;
 * returns the new string, *review the notes (both to free). */
static char *run(enum rule r, int a, int b, int to, const char *protect, const char *s,
                 char **review)
{
	struct renames *rn = r == RENAME ? test_table() : NULL;
	struct ro_ctx *c = ro_ctx_new(a, b, to, rn);
	if (protect)
		ro_ctx_protect(c, protect);
	struct ro_edits e = RO_EDITS_INIT;
	switch (r) {
	case PLAN_YEAR: ro_rule_plan_year(c, RO_TEXT, s, &e); break;
	case TIMELINE: ro_rule_plan_year(c, RO_TIMELINE, s, &e); break;
	case DEADLINE: ro_rule_deadline(c, s, &e); break;
	case RENAME: ro_rule_rename(c, s, &e); break;
	}
	char *out = ro_apply(s, &e, review);
	ro_edits_release(&e);
	ro_ctx_free(c);
	renames_free(rn);
	return out;
}

/* s becomes want, with (want_review) or without a note. */
static void expect(enum rule r, int a, int b, int to, const char *s, const char *want,
                   int want_review)
{
	char *review = NULL;
	char *got = run(r, a, b, to, NULL, s, &review);
	if (strcmp(got, want))
		fail_msg("'%s'\n   gave '%s'\n wanted '%s'", s, got, want);
	if (want_review && !review)
		fail_msg("'%s': wanted a note for the user, got none", s);
	if (!want_review && review)
		fail_msg("'%s': unexpected note '%s'", s, review);
	free(got);
	free(review);
}

/* s must come out unchanged and without a note. */
static void untouched(enum rule r, int a, int b, int to, const char *s)
{
	expect(r, a, b, to, s, s, 0);
}

static void plan_year(void **state)
{
	(void)state;
	/* a yearly plan: 2020 -> 2021 */
	expect(PLAN_YEAR, 2020, 2020, 2021, "Kế hoạch tuyên truyền năm 2020 trên địa bàn tỉnh",
	       "Kế hoạch tuyên truyền năm 2021 trên địa bàn tỉnh", 0);
	expect(PLAN_YEAR, 2026, 2026, 2027, "MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG NĂM 2026",
	       "MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG NĂM 2027", 0);
	expect(PLAN_YEAR, 2026, 2026, 2027, "Từ tháng 02 năm 2026 đến hết tháng 12 năm 2026.",
	       "Từ tháng 02 năm 2027 đến hết tháng 12 năm 2027.", 0);
	expect(PLAN_YEAR, 2020, 2020, 2021, "các sự kiện trong tháng 3/2020",
	       "các sự kiện trong tháng 3/2021", 0);
	/* the year after the plan's moves with it ("phương hướng năm 2021") */
	expect(PLAN_YEAR, 2020, 2020, 2021, "phương hướng năm 2021", "phương hướng năm 2022", 0);
	/* --year further on */
	expect(PLAN_YEAR, 2020, 2020, 2027, "năm 2020", "năm 2027", 0);
	/* a span ending in the plan's year that starts a year before */
	expect(PLAN_YEAR, 2020, 2020, 2021, "giai đoạn 2019 - 2020", "giai đoạn 2020 - 2021", 0);
	/* a plan of several years keeps its length */
	expect(PLAN_YEAR, 2019, 2020, 2021, "quảng bá ASEAN giai đoạn 2019 - 2020 trên địa bàn",
	       "quảng bá ASEAN giai đoạn 2021 - 2022 trên địa bàn", 0);
	expect(PLAN_YEAR, 2014, 2015, 2016, "Giai đoạn từ nay đến hết năm 2015;",
	       "Giai đoạn từ nay đến hết năm 2017;", 0);
	expect(PLAN_YEAR, 2021, 2025, 2026, "Giai đoạn từ nay đến hết 2025",
	       "Giai đoạn từ nay đến hết 2030", 0);
	/* ... but "năm 2015" inside such a plan may be a milestone: a note */
	expect(PLAN_YEAR, 2014, 2015, 2016, "hình thành Cộng đồng ASEAN vào năm 2015",
	       "hình thành Cộng đồng ASEAN vào năm 2015", 1);
}

static void plan_year_leaves(void **state)
{
	(void)state;
	/* legal references: number, date, issuer */
	untouched(PLAN_YEAR, 2020, 2020, 2021,
	          "Quyết định số 02/QĐ-BCĐASEAN ngày 26/6/2019 của Ban Chỉ đạo");
	untouched(PLAN_YEAR, 2016, 2016, 2017,
	          "Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ Thông tin");
	untouched(PLAN_YEAR, 2014, 2014, 2015,
	          "Quyết định số 1536/QĐ-TTg ngày 30 tháng 8 năm 2014 của Thủ tướng");
	untouched(PLAN_YEAR, 2025, 2025, 2026, "theo Quyết định 28/2025/QĐ-TTg");
	/* a citation from the basis, subject included */
	char *review = NULL;
	const char *cite =
	    "Quyết định số 02/QĐ-BCĐASEAN ngày 26/6/2019 của Ban Chỉ đạo thông tin tuyên truyền "
	    "ASEAN về việc ban hành Kế hoạch tuyên truyền, quảng bá ASEAN giai đoạn 2019 - 2020";
	char *in = xasprintf(
	    "Căn cứ %s, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2020 như sau:", cite);
	char *want = xasprintf(
	    "Căn cứ %s, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2021 như sau:", cite);
	char *got = run(PLAN_YEAR, 2020, 2020, 2021, cite, in, &review);
	assert_string_equal(got, want);
	assert_null(review);
	free(got);
	free(in);
	free(want);
	/* years before the plan, and spans that started long before (history) */
	untouched(PLAN_YEAR, 2020, 2020, 2021, "kết quả đạt được năm 2019");
	untouched(PLAN_YEAR, 2021, 2025, 2026, "kết quả xây dựng Cộng đồng ASEAN (2015 - 2025)");
	/* a period that still runs in the new plan's time */
	untouched(PLAN_YEAR, 2026, 2026, 2027,
	          "Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030");
	untouched(PLAN_YEAR, 2026, 2026, 2027, "tầm nhìn 2030");
	/* numbers that are not years */
	untouched(PLAN_YEAR, 2020, 2020, 2021, "in 3500 tờ rơi, 120 pa nô");
}

static void plan_year_notes(void **state)
{
	(void)state;
	/* a date of an event in the old plan's time: kept, and a note */
	expect(PLAN_YEAR, 2014, 2015, 2016,
	       "mốc hình thành Cộng đồng vào ngày 31 tháng 12 năm 2015.",
	       "mốc hình thành Cộng đồng vào ngày 31 tháng 12 năm 2015.", 1);
	expect(PLAN_YEAR, 2020, 2020, 2021, "Hội nghị ngày 15/3/2020 tại tỉnh",
	       "Hội nghị ngày 15/3/2020 tại tỉnh", 1);
	/* a bare year of the plan: an event's name ("ASEAN 2020") */
	expect(PLAN_YEAR, 2020, 2020, 2021, "năm Chủ tịch ASEAN 2020 của Việt Nam",
	       "năm Chủ tịch ASEAN 2020 của Việt Nam", 1);
	/* a vision the new period reaches */
	expect(PLAN_YEAR, 2021, 2025, 2026, "Giai đoạn từ nay đến hết 2025, tầm nhìn 2030.",
	       "Giai đoạn từ nay đến hết 2030, tầm nhìn 2030.", 1);
	/* a past date: neither changed nor noted */
	untouched(PLAN_YEAR, 2020, 2020, 2021, "thành lập ngày 08/8/1967");
}

static void timeline(void **state)
{
	(void)state;
	expect(TIMELINE, 2020, 2020, 2021, "2020", "2021", 0);
	expect(TIMELINE, 2020, 2020, 2021, "Năm 2020", "Năm 2021", 0);
	expect(TIMELINE, 2020, 2020, 2021, "2019-2020", "2020-2021", 0);
	expect(TIMELINE, 2014, 2015, 2016, "Năm 2014- 2015", "Năm 2016- 2017", 0);
	expect(TIMELINE, 2014, 2015, 2016, "Năm 2015", "Năm 2017", 0);
	expect(TIMELINE, 2026, 2026, 2027, "Quý III năm 2026", "Quý III năm 2027", 0);
	expect(TIMELINE, 2026, 2026, 2027, "Thời gian (Năm 2026)", "Thời gian (Năm 2027)", 0);
	untouched(TIMELINE, 2020, 2020, 2021, "Thường xuyên");
	untouched(TIMELINE, 2020, 2020, 2021, "Hàng năm");
	untouched(TIMELINE, 2020, 2020, 2021, "2018");
	untouched(TIMELINE, 2026, 2026, 2027, "Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1");
	/* a full date in a timeline is a schedule date: noted, not moved */
	expect(TIMELINE, 2020, 2020, 2021, "ngày 15/3/2020", "ngày 15/3/2020", 1);
}

static void deadline(void **state)
{
	(void)state;
	expect(DEADLINE, 2020, 2020, 2021, "trước ngày 10/12/2020", "trước ngày 10/12/2021", 0);
	expect(DEADLINE, 2022, 2022, 2023, "ngày 01 tháng 12 năm 2022", "ngày 01 tháng 12 năm 2023",
	       0);
	expect(DEADLINE, 2026, 2026, 2027, "chậm nhất là ngày 30/01/2026",
	       "chậm nhất là ngày 30/01/2027", 0);
	/* early next year, and the December before a plan signed then */
	expect(DEADLINE, 2020, 2020, 2021, "trước ngày 15/01/2021", "trước ngày 15/01/2022", 0);
	expect(DEADLINE, 2020, 2020, 2021, "trước ngày 31/12/2019", "trước ngày 31/12/2020", 0);
	/* yearly deadlines have no year */
	untouched(DEADLINE, 2021, 2021, 2022, "Định kỳ trước ngày 10 tháng 12 hàng năm");
	untouched(DEADLINE, 2022, 2022, 2023, "trước ngày 15 tháng 05");
	/* a year far from the plan is not moved */
	untouched(DEADLINE, 2020, 2020, 2021, "trước ngày 10/12/2015");
}

static void renames(void **state)
{
	(void)state;
	expect(RENAME, 2020, 2020, 2021, "Sở Kế hoạch và Đầu tư chủ trì", "Sở Tài chính chủ trì",
	       0);
	expect(RENAME, 2020, 2020, 2021, "Sở KH&ĐT", "Sở Tài chính", 0);
	expect(RENAME, 2014, 2015, 2016, "trên Báo Sóc Trăng",
	       "trên Báo và Phát thanh, Truyền hình Cần Thơ", 0);
	expect(RENAME, 2014, 2015, 2016, "BÁO SÓC TRĂNG", "BÁO VÀ PHÁT THANH, TRUYỀN HÌNH CẦN THƠ",
	       0);
	expect(RENAME, 2014, 2015, 2016, "Ủy ban nhân dân tỉnh Sóc Trăng",
	       "Ủy ban nhân dân thành phố Cần Thơ", 0);
	expect(RENAME, 2014, 2015, 2016, "TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG",
	       "TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ", 0);
	/* a merged province through its place line */
	expect(RENAME, 2020, 2020, 2021, "Ủy ban nhân dân tỉnh Bạc Liêu",
	       "Ủy ban nhân dân tỉnh Cà Mau", 0);
	/* two bodies that became one: one name */
	expect(RENAME, 2020, 2020, 2021, "Báo Hà Tĩnh, Đài PT&TH tỉnh",
	       "Báo và Phát thanh, Truyền hình Hà Tĩnh", 0);
	expect(RENAME, 2020, 2020, 2021, "Báo Hà Tĩnh; Đài Phát thanh và Truyền hình Hà Tĩnh",
	       "Báo và Phát thanh, Truyền hình Hà Tĩnh", 0);
	expect(RENAME, 2019, 2020, 2021, "UBND các huyện, thành phố Cà Mau",
	       "UBND các xã, phường, đặc khu", 0);
	/* ambiguous: kept, with a note */
	expect(RENAME, 2020, 2020, 2021, "phối hợp với Sở TT&TT", "phối hợp với Sở TT&TT", 1);
	expect(RENAME, 2020, 2020, 2021, "Sở Thông tin và Truyền thông tổng hợp",
	       "Sở Thông tin và Truyền thông tổng hợp", 1);
}

static void rename_leaves(void **state)
{
	(void)state;
	/* an ocean, a verb, a national newspaper, a bare province name */
	untouched(RENAME, 2020, 2020, 2021, "khu vực châu Á - Thái Bình Dương");
	untouched(RENAME, 2020, 2020, 2021, "thông báo Hà Tĩnh và các tỉnh");
	untouched(RENAME, 2020, 2020, 2021, "đăng trên Báo Nhân dân");
	untouched(RENAME, 2020, 2020, 2021, "đặc sản Sóc Trăng");
	/* the issuer of a cited document keeps its name then */
	untouched(RENAME, 2022, 2022, 2023,
	          "Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ Thông tin và Truyền thông "
	          "hướng dẫn");
	/* already the new name */
	untouched(RENAME, 2020, 2020, 2021, "Báo và Phát thanh, Truyền hình Hà Tĩnh");
	untouched(RENAME, 2020, 2020, 2021, "Sở Tài chính");
}

static void table_format(void **state)
{
	(void)state;
	static const struct {
		const char *text, *msg;
		unsigned line;
	} bad[] = {
	    {"# c\nSở X\tSở Y\tmove\tn\n", "unknown kind 'move' (rename, ambiguous or place)", 2},
	    {"Sở X\t\trename\tn\n", "a rename rule without a new name", 1},
	    {"Sở X\t\tambiguous\t\n", "an ambiguous rule needs a note for the user", 1},
	    {"Sở X\n", "a rule needs old, new and kind separated by tabs", 1},
	    {"\n\nBáo X\tBáo {P}\trename\tn\n", "{P} in the new name but not in 'Báo X'", 3},
	    {" | \tSở Y\trename\tn\n", "a rule without an old name", 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct diag d;
		diag_init(&d, "t.tsv");
		struct renames *r = renames_parse("t.tsv", bad[i].text, strlen(bad[i].text), &d);
		assert_null(r);
		assert_string_equal(d.msg, bad[i].msg);
		assert_int_equal(d.line, bad[i].line);
		diag_release(&d);
	}
	/* soan's own table loads and has rules of every kind */
	struct diag d;
	diag_init(&d, NULL);
	struct renames *r = renames_load(NULL, &d);
	if (!r)
		fail_msg("generate/transform/renames.tsv: %s (line %u)", d.msg, d.line);
	assert_true(renames_count(r) > 60);
	const char *note = NULL;
	assert_string_equal(renames_place(r, "Sóc Trăng", &note), "Cần Thơ");
	assert_non_null(note);
	assert_null(renames_place(r, "Hà Tĩnh", NULL)); /* unchanged */
	assert_null(renames_place(r, "Atlantis", NULL));
	renames_free(r);
	diag_release(&d);
}

static void ref_review(void **state)
{
	(void)state;
	struct ro_ctx *c = ro_ctx_new(2020, 2020, 2021, NULL);
	char *m = ro_rule_ref_review(
	    c,
	    "Quyết định số 02/QĐ-BCĐASEAN ngày 26/6/2019 của Ban Chỉ đạo về việc ban hành Kế "
	    "hoạch tuyên truyền, quảng bá ASEAN giai đoạn 2019 - 2020",
	    "2019-06-26");
	assert_non_null(m);
	free(m);
	/* a decree of long ago, with its year in its number */
	assert_null(ro_rule_ref_review(c, "Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ",
	                               "2015-09-07"));
	ro_ctx_free(c);
	c = ro_ctx_new(2027, 2027, 2028, NULL);
	m = ro_rule_ref_review(
	    c,
	    "Kế hoạch số 12/KH-UBND ngày 05/01/2027 của Ủy ban nhân dân tỉnh về thông tin đối "
	    "ngoại năm 2027",
	    "2027-01-05");
	assert_non_null(m);
	free(m);
	ro_ctx_free(c);
	/* a programme that still runs */
	c = ro_ctx_new(2026, 2026, 2027, NULL);
	assert_null(ro_rule_ref_review(
	    c,
	    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình "
	    "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
	    "2021-07-15"));
	ro_ctx_free(c);
}

static void schedule_and_attachment(void **state)
{
	(void)state;
	struct ro_ctx *c = ro_ctx_new(2020, 2020, 2021, NULL);
	assert_true(ro_rule_schedule(c, "Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1"));
	assert_true(ro_rule_schedule(c, "ngày 15/3"));
	assert_false(ro_rule_schedule(c, "Tháng 3/2020"));
	assert_false(ro_rule_schedule(c, "ngày 15 tháng 3 năm 2020"));
	assert_false(ro_rule_schedule(c, "2020"));
	assert_false(ro_rule_schedule(c, "Thường xuyên"));
	char *a = ro_rule_attachment(c, "Kèm theo Kế hoạch số /KH-UBND ngày /12/2019 của UBND tỉnh",
	                             "KH-UBND");
	assert_string_equal(a,
	                    "Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2021 của UBND tỉnh");
	free(a);
	a = ro_rule_attachment(
	    c, "Kèm theo Kế hoạch số 39 /KH-UBND ngày 23 tháng 4 năm 2014 của Ủy ban nhân dân tỉnh",
	    NULL);
	assert_string_equal(
	    a, "Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2021 của Ủy ban nhân dân tỉnh");
	free(a);
	/* no number and no date: nothing to blank */
	assert_null(ro_rule_attachment(c, "Kèm theo Kế hoạch này", NULL));
	ro_ctx_free(c);
}

/* ---- whole plans ---------------------------------------------------------------- */

static xmlDocPtr parse(const char *xml)
{
	struct diag d;
	diag_init(&d, "t.xml");
	xmlDocPtr doc = xmlsafe_parse("t.xml", xml, strlen(xml), 0, &d);
	if (!doc)
		fail_msg("parse: %s", d.msg);
	diag_release(&d);
	return doc;
}

static char *serialize(xmlDocPtr doc)
{
	struct buf b = BUF_INIT;
	plan_serialize(doc, &b);
	return buf_detach(&b, NULL);
}

#define PLAN_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plan version=\"1\"><meta>"

static int period(const char *xml, int *first, int *last, const char **from)
{
	xmlDocPtr doc = parse(xml);
	struct diag d;
	diag_init(&d, "t.xml");
	int rc = rollover_period(doc, first, last, from, &d);
	diag_release(&d);
	xmlFreeDoc(doc);
	return rc;
}

static void plan_period(void **state)
{
	(void)state;
	int a, b;
	const char *from;
	assert_int_equal(
	    period(PLAN_HEAD
	           "<doctype code=\"KH\">Kế hoạch</doctype><date iso=\"2019-12-16\">x</date>"
	           "<title>Tuyên truyền năm 2020</title></meta><body/></plan>",
	           &a, &b, &from),
	    0);
	assert_int_equal(a, 2020); /* the year it is for, not the year it was signed */
	assert_int_equal(b, 2020);
	assert_string_equal(from, "title");
	assert_int_equal(
	    period(PLAN_HEAD
	           "<doctype code=\"KH\">Kế hoạch</doctype><title>Thực hiện giai đoạn 2019 - "
	           "2020</title></meta><body/></plan>",
	           &a, &b, &from),
	    0);
	assert_int_equal(a, 2019);
	assert_int_equal(b, 2020);
	/* a title citing a decision: the period section decides, "từ nay" is
	 * the date's year */
	assert_int_equal(
	    period(
	        PLAN_HEAD
	        "<doctype code=\"KH\">Kế hoạch</doctype><date iso=\"2021-07-30\">x</date>"
	        "<title>Triển khai Quyết định số 1160/QĐ-TTg ngày 13/7/2021 của Thủ tướng</title>"
	        "</meta><body><section kind=\"period\" heading=\"THỜI GIAN\"><p>Giai đoạn từ nay "
	        "đến hết 2025, tầm nhìn 2030.</p></section></body></plan>",
	        &a, &b, &from),
	    0);
	assert_int_equal(a, 2021);
	assert_int_equal(b, 2025);
	assert_string_equal(from, "period section");
	assert_int_equal(
	    period(PLAN_HEAD "<doctype code=\"KH\">Kế hoạch</doctype><date year=\"2023\">x</date>"
	                     "<title>Tuyên truyền</title></meta><body/></plan>",
	           &a, &b, &from),
	    0);
	assert_int_equal(a, 2023);
	assert_string_equal(from, "date");
	assert_int_equal(period(PLAN_HEAD
	                        "<doctype code=\"KH\">Kế hoạch</doctype><title>Tuyên truyền</title>"
	                        "</meta><body/></plan>",
	                        &a, &b, &from),
	                 -1);
}

static const char small[] = PLAN_HEAD
    "<issuer>Ủy ban nhân dân tỉnh Hà Tĩnh</issuer><doctype code=\"KH\">Kế hoạch</doctype>"
    "<number>446/KH-UBND</number><place>Hà Tĩnh</place><date iso=\"2019-12-16\">ngày 16 tháng 12 "
    "năm 2019</date>"
    "<title>Tuyên truyền năm 2020</title></meta>"
    "<basis><ref type=\"Quyết định\" number=\"02/QĐ-BCĐASEAN\" date=\"2019-06-26\">Quyết định số "
    "02/QĐ-BCĐASEAN "
    "ngày 26/6/2019 của Ban Chỉ đạo về Kế hoạch giai đoạn 2019 - 2020</ref></basis>"
    "<body><section kind=\"content\" number=\"I\" heading=\"NỘI DUNG NĂM 2020\">"
    "<item label=\"-\">Sở Kế hoạch và Đầu tư chủ trì trong năm 2020.</item></section>"
    "<section kind=\"responsibilities\" number=\"II\" heading=\"TỔ CHỨC THỰC HIỆN\">"
    "<agency name=\"Sở TT&amp;TT\" key=\"sở thông tin và truyền thông\" number=\"1\" heading=\"Sở "
    "TT&amp;TT\">"
    "<item label=\"-\">Báo cáo <deadline day=\"10\" month=\"12\" year=\"2020\" "
    "recurrence=\"once\">trước ngày "
    "10/12/2020</deadline>.</item></agency></section></body>"
    "<closing><recipients><recipient>Lưu: VT.</recipient></recipients></closing>"
    "<appendix title=\"NHIỆM VỤ\" attachment=\"Kèm theo Kế hoạch số /KH-UBND ngày /12/2019 của "
    "UBND tỉnh\">"
    "<table><column role=\"task\">Nhiệm vụ</column><column role=\"timeline\">Thời gian</column>"
    "<row><cell role=\"task\">Việc</cell><cell "
    "role=\"timeline\">2019-2020</cell></row></table></appendix></plan>";

static void whole_plan(void **state)
{
	(void)state;
	xmlDocPtr plan = parse(small);
	char *before = serialize(plan);
	struct renames *rn = test_table();
	struct rollover_opts o = {0, rn, 0};
	struct rollover_result res = ROLLOVER_RESULT_INIT;
	struct diag d;
	diag_init(&d, "t.xml");
	xmlDocPtr next = rollover(plan, &o, &res, &d);
	if (!next)
		fail_msg("rollover: %s", d.msg);
	/* the input is untouched; the draft is valid plan XML */
	char *after = serialize(plan);
	assert_string_equal(before, after);
	if (plan_validate(next, &d) < 0)
		fail_msg("draft invalid: %s", d.msg);
	assert_int_equal(res.from_first, 2020);
	assert_int_equal(res.to_first, 2021);
	char *out = serialize(next);
	static const char *const want[] = {
	    "<number symbol=\"KH-UBND\">",
	    "<change old=\"446/KH-UBND\" rule=\"blank-number\"/>",
	    "<date year=\"2021\">",
	    "<change old=\"ngày 16 tháng 12 năm 2019\" rule=\"blank-date\">ngày … tháng … năm "
	    "2021</change>",
	    "Tuyên truyền <change old=\"năm 2020\" rule=\"plan-year\">năm 2021</change>",
	    "heading=\"NỘI DUNG NĂM 2021\" old-heading=\"NỘI DUNG NĂM 2020\"",
	    "<change old=\"Sở Kế hoạch và Đầu tư\" rule=\"rename\">Sở Tài chính</change> chủ trì",
	    "review=\"Sở TT&amp;TT không còn: chọn cơ quan.\"",
	    "year=\"2021\" recurrence=\"once\">trước ngày <change old=\"10/12/2020\" "
	    "rule=\"deadline\">10/12/2021",
	    "attachment=\"Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2021 của UBND tỉnh\"",
	    "<change old=\"2019-2020\" rule=\"timeline\">2020-2021</change>",
	    "Quyết định số 02/QĐ-BCĐASEAN ngày 26/6/2019 của Ban Chỉ đạo về Kế hoạch giai đoạn "
	    "2019 - 2020</ref>",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(out, want[i]))
			fail_msg("draft lacks '%s':\n%s", want[i], out);
	/* the change list names every change, and only those */
	struct buf tsv = BUF_INIT;
	rollover_write_changes(&res, &tsv);
	assert_non_null(strstr(tsv.ptr, "/plan/meta/title\tnăm 2020\tnăm 2021\tplan-year\n"));
	assert_non_null(
	    strstr(tsv.ptr, "/plan/body/section[2]/agency/@review\t\tSở TT&TT không còn: chọn cơ "
	                    "quan.\trename-ambiguous\n"));
	assert_non_null(strstr(tsv.ptr, "/plan/basis/ref/@review\t\t"));
	assert_null(strstr(tsv.ptr, "26/6/2019"));
	buf_release(&tsv);

	/* no marks: the same draft with every change accepted */
	struct rollover_opts o2 = {0, rn, 1};
	struct rollover_result res2 = ROLLOVER_RESULT_INIT;
	xmlDocPtr plain = rollover(plan, &o2, &res2, &d);
	assert_non_null(plain);
	assert_int_equal(res2.n, res.n);
	rollover_accept(next);
	char *accepted = serialize(next), *p = serialize(plain);
	assert_string_equal(accepted, p);
	assert_null(strstr(p, "<change"));
	assert_null(strstr(p, "old-"));

	/* a draft rolled over again starts from its accepted text */
	struct rollover_result res3 = ROLLOVER_RESULT_INIT;
	xmlDocPtr again = rollover(plain, &o, &res3, &d);
	assert_non_null(again);
	assert_int_equal(res3.to_first, 2022);
	char *s3 = serialize(again);
	assert_non_null(
	    strstr(s3, "<change old=\"năm 2021\" rule=\"plan-year\">năm 2022</change>"));
	/* a --year before the plan's is refused */
	struct rollover_opts o4 = {2019, rn, 0};
	struct rollover_result res4 = ROLLOVER_RESULT_INIT;
	struct diag d4;
	diag_init(&d4, "t.xml");
	assert_null(rollover(plan, &o4, &res4, &d4));
	assert_non_null(d4.msg);
	diag_release(&d4);

	free(s3);
	xmlFreeDoc(again);
	rollover_result_release(&res3);
	free(accepted);
	free(p);
	xmlFreeDoc(plain);
	rollover_result_release(&res2);
	free(out);
	free(before);
	free(after);
	xmlFreeDoc(next);
	rollover_result_release(&res);
	renames_free(rn);
	xmlFreeDoc(plan);
	diag_release(&d);
}

/* A plan without number or date gets a date (the new year) and no number. */
static void no_header_fields(void **state)
{
	(void)state;
	xmlDocPtr plan =
	    parse(PLAN_HEAD "<doctype code=\"KH\">Kế hoạch</doctype><place>Cà Mau</place>"
	                    "<title>Thực hiện giai đoạn 2019 - 2020</title></meta><body/></plan>");
	struct rollover_opts o = {0, NULL, 0};
	struct rollover_result res = ROLLOVER_RESULT_INIT;
	struct diag d;
	diag_init(&d, "t.xml");
	xmlDocPtr next = rollover(plan, &o, &res, &d);
	assert_non_null(next);
	if (plan_validate(next, &d) < 0)
		fail_msg("draft invalid: %s", d.msg);
	char *out = serialize(next);
	assert_non_null(strstr(out, "<place>Cà Mau</place>\n    <date year=\"2021\">"));
	assert_null(strstr(out, "<number"));
	assert_non_null(strstr(out, "giai đoạn 2021 - 2022"));
	struct buf tsv = BUF_INIT;
	rollover_write_changes(&res, &tsv);
	assert_non_null(
	    strstr(tsv.ptr, "/plan/meta/date\t\tngày … tháng … năm 2021\tblank-date\n"));
	buf_release(&tsv);
	free(out);
	xmlFreeDoc(next);
	rollover_result_release(&res);
	xmlFreeDoc(plan);
	diag_release(&d);
}

int main(void)
{
	xmlsafe_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(plan_year),        cmocka_unit_test(plan_year_leaves),
	    cmocka_unit_test(plan_year_notes),  cmocka_unit_test(timeline),
	    cmocka_unit_test(deadline),         cmocka_unit_test(renames),
	    cmocka_unit_test(rename_leaves),    cmocka_unit_test(table_format),
	    cmocka_unit_test(ref_review),       cmocka_unit_test(schedule_and_attachment),
	    cmocka_unit_test(plan_period),      cmocka_unit_test(whole_plan),
	    cmocka_unit_test(no_header_fields),
	};
	int rc = cmocka_run_group_tests_name("rollover", tests, NULL, NULL);
	validate_cleanup();
	return rc;
}
