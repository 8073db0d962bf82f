/* t_report.c - report forms: splitting lead and partner cells into
 * bodies, matching an agency written differently, file names, who
 * reports to whom, and whole-plan and per-agency forms of a small plan
 * (valid report XML, only that agency's tasks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/xpath.h>

#include "extract/base/buf.h"
#include "extract/base/vntext.h"
#include "extract/base/xmlsafe.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "generate/transform/report.h"

static void split_is(const char *text, const char *const *want, size_t nwant)
{
	char **got;
	size_t n = report_split_agencies(text, &got);
	int bad = n != nwant;
	for (size_t i = 0; !bad && i < n; i++)
		bad = strcmp(got[i], want[i]) != 0;
	if (bad) {
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < n; i++)
			buf_addf(&b, "[%s] ", got[i]);
		fail_msg("'%s' split into %zu: %s", text, n, b.ptr);
	}
	for (size_t i = 0; i < n; i++)
		free(got[i]);
	free(got);
}

#define SPLIT(text, ...)                                                                           \
	do {                                                                                       \
		static const char *const w[] = {__VA_ARGS__};                                      \
		split_is(text, w, sizeof w / sizeof w[0] - 1);                                     \
	} while (0)

static void split(void **state)
{
	(void)state;
	SPLIT("Báo Hà Tĩnh; Đài PT&TH tỉnh", "Báo Hà Tĩnh", "Đài PT&TH tỉnh", NULL);
	SPLIT("Sở Kế hoạch và Đầu tư, ban QLKKT tỉnh và các sở, ngành liên quan",
	      "Sở Kế hoạch và Đầu tư", "Ban QLKKT tỉnh", NULL);
	SPLIT("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", NULL);
	SPLIT("Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh; Hội Hữu nghị nhân dân các nước",
	      "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh",
	      "Hội Hữu nghị nhân dân các nước", NULL);
	SPLIT("Lãnh đạo\nSở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", NULL);
	SPLIT("Sở Công thương (Theo hướng dẫn của Bộ Công thương)", "Sở Công thương", NULL);
	SPLIT("Ban Tuyên giáo Tỉnh ủy, Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị "
	      "- xã hội tỉnh",
	      "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam", NULL);
	SPLIT("UBND các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố", NULL);
	/* collectives are nobody in particular */
	SPLIT("Các sở, ban, ngành, đoàn thể, địa phương", NULL);
	SPLIT("các cơ quan, đơn vị liên quan", NULL);
	SPLIT("", NULL);
}

static int names(const char *agency, const char *text)
{
	char *k = agency_key(agency);
	int r = report_names_agency(k, text);
	free(k);
	return r;
}

static void matching(void **state)
{
	(void)state;
	assert_true(names("Sở TT&TT", "Sở Thông tin và Truyền thông, các sở, ban ngành liên quan"));
	assert_true(names("Sở Thông tin và Truyền thông", "Sở TT&TT"));
	assert_true(names("Sở Công Thương", "Sở Công thương (Theo hướng dẫn của Bộ Công thương)"));
	assert_true(names("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa -Thể thao & Du lịch"));
	assert_true(
	    names("Báo Hà Tĩnh",
	          "Báo Hà Tĩnh, Đài Phát thanh và Truyền hình tỉnh; Cổng Thông tin điện tử tỉnh"));
	/* a body of a list inside the agency's own longer name */
	assert_true(names("Báo Hà Tĩnh, Đài Phát thanh và Truyền hình tỉnh",
	                  "Báo Hà Tĩnh ; Đài PT&TH tỉnh"));
	assert_true(names("Sở Tài chính", "Sở Tài chính phối hợp với các sở"));
	/* different bodies */
	assert_false(names("Sở Tài chính", "Sở Tư pháp"));
	assert_false(names("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Trung ương"));
	assert_false(names("Sở Nội vụ", "Các sở, ban, ngành liên quan"));
	assert_false(names("Sở Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông"));
	assert_false(names("Sở Tài chính", NULL));
}

static void file_names(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
	    {"Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich"},
	    {"Đài PT&TH tỉnh", "dai-pt-th-tinh"},
	    {"UBND Phường 3 Bảo Lộc", "ubnd-phuong-3-bao-loc"},
	    {"Ủy ban nhân dân tỉnh Hà Tĩnh", "uy-ban-nhan-dan-tinh-ha-tinh"},
	    {"../../etc/passwd", "etc-passwd"},
	    {"", "co-quan"},
	    {"…", "co-quan"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = report_file_name(cases[i][0]);
		assert_string_equal(f, cases[i][1]);
		free(f);
	}
	char *f = report_file_name("Ban Quản lý các Khu công nghiệp, Khu kinh tế và Khu công nghệ "
	                           "cao tỉnh Bà Rịa - Vũng Tàu");
	assert_true(strlen(f) <= 60);
	assert_true(f[strlen(f) - 1] != '-');
	free(f);
}

/* ---- forms of a small plan ---------------------------------------------------------- */

static const char plan_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plan version=\"1\" source=\"t.txt\"><meta>"
    "<issuer abbr=\"UBND tỉnh Hà Tĩnh\">Ủy ban nhân dân tỉnh Hà Tĩnh</issuer><doctype "
    "code=\"KH\">Kế hoạch</doctype>"
    "<number>446/KH-UBND</number><place>Hà Tĩnh</place><date iso=\"2019-12-16\">x</date>"
    "<title>Tuyên truyền, quảng bá ASEAN năm 2020</title></meta>"
    "<body><section kind=\"content\" number=\"II\" heading=\"NỘI DUNG\">"
    "<section number=\"1\" heading=\"Chỉ đạo\"><item label=\"-\">Tăng cường chỉ "
    "đạo.</item></section>"
    "<section number=\"2\" heading=\"Quảng bá\"><item label=\"-\">Sản xuất ấn phẩm.</item>"
    "<item label=\"-\">Mở chuyên mục.</item></section></section>"
    "<section kind=\"responsibilities\" number=\"IV\" heading=\"TỔ CHỨC THỰC HIỆN\">"
    "<agency name=\"Sở TT&amp;TT\" key=\"sở thông tin và truyền thông\" number=\"1\" heading=\"Sở "
    "TT&amp;TT\">"
    "<item label=\"-\">Theo dõi, đôn đốc.</item><item label=\"-\">Tổng hợp báo cáo.</item></agency>"
    "<agency name=\"Sở Tài chính\" key=\"sở tài chính\" number=\"2\" heading=\"Sở Tài chính\">"
    "<item label=\"-\">Bố trí kinh phí.</item></agency>"
    "<agency name=\"Các sở, ban, ngành\" key=\"các sở ban ngành\" number=\"3\" heading=\"Các sở, "
    "ban, ngành\">"
    "<item label=\"-\">Xây dựng kế hoạch của đơn vị.</item></agency></section></body>"
    "<closing><p>Các cơ quan báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh <deadline "
    "day=\"10\" month=\"12\" "
    "year=\"2020\" recurrence=\"once\">trước ngày 10/12/2020</deadline> (qua Sở Thông tin và "
    "Truyền thông).</p>"
    "<signature authority=\"TM. ỦY BAN NHÂN DÂN\" deputy=\"KT. CHỦ TỊCH\" position=\"PHÓ CHỦ "
    "TỊCH\" signer=\"A\"/>"
    "</closing>"
    "<appendix title=\"NHIỆM VỤ\"><table><column role=\"no\">STT</column><column "
    "role=\"task\">Nhiệm vụ</column>"
    "<column role=\"lead\">Chủ trì</column><column role=\"partners\">Phối hợp</column>"
    "<column role=\"timeline\">Thời gian</column>"
    "<group number=\"I\" title=\"Chỉ đạo\"><row number=\"1\"><cell role=\"no\">1</cell><cell "
    "role=\"task\">Việc một</cell>"
    "<cell role=\"lead\">Sở Thông tin và Truyền thông</cell><cell role=\"partners\">Sở Tài "
    "chính</cell>"
    "<cell role=\"timeline\">2020</cell></row>"
    "<row number=\"2\"><cell role=\"no\">2</cell><cell role=\"task\">Việc hai</cell>"
    "<cell role=\"lead\">Sở Văn hóa, Thể thao và Du lịch</cell><cell role=\"partners\">Các sở liên "
    "quan</cell>"
    "<cell role=\"timeline\">2020</cell></row></group></table></appendix></plan>";

static xmlDocPtr form(const char *agency, int year, struct diag *d)
{
	xmlDocPtr plan = xmlsafe_parse("t.xml", plan_xml, strlen(plan_xml), 0, d);
	assert_non_null(plan);
	struct report_opts o = {year, agency, NULL};
	xmlDocPtr f = report_form(plan, &o, d);
	xmlFreeDoc(plan);
	return f;
}

static char *q(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr c = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)xpath, c);
	xmlChar *s = xmlXPathCastToString(o);
	char *r = strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return r;
}

static void fact(xmlDocPtr doc, const char *xpath, const char *want)
{
	char *got = q(doc, xpath);
	if (strcmp(got, want))
		fail_msg("%s = '%s', wanted '%s'", xpath, got, want);
	free(got);
}

static void whole(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, "t.xml");
	xmlDocPtr f = form(NULL, 0, &d);
	if (!f)
		fail_msg("form: %s", d.msg);
	if (plan_validate(f, &d) < 0)
		fail_msg("invalid: %s", d.msg);
	fact(f, "string(/plan/meta/doctype/@code)", "BC");
	fact(f, "string(/plan/meta/number)", "");
	fact(f, "string(/plan/meta/date/@year)", "2020");
	fact(f, "string(/plan/meta/date/@month)", "12"); /* the plan's report deadline */
	/* compiled by the body reports go through, to the plan's issuer */
	fact(f, "string(/plan/meta/issuer)", "Sở Thông tin và Truyền thông");
	fact(f, "string(/plan/meta/parent-issuer)", "UBND tỉnh Hà Tĩnh");
	fact(f, "string(/plan/meta/addressee)", "Ủy ban nhân dân tỉnh Hà Tĩnh");
	fact(f, "string(/plan/meta/title)",
	     "Kết quả thực hiện Kế hoạch số 446/KH-UBND ngày 16/12/2019 của Ủy ban nhân dân tỉnh "
	     "Hà Tĩnh về tuyên "
	     "truyền, quảng bá ASEAN năm 2020");
	fact(f, "count(/plan/body/section)", "4");
	fact(f, "string(/plan/body/section[3]/@heading)", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021");
	/* one subsection per content section (the plan has one: its parts), one
	 * item with room to write per task */
	fact(f, "string(/plan/body/section[1]/section[2]/section[2]/@heading)", "Quảng bá");
	fact(f, "count(/plan/body/section[1]/section[2]/section[2]/item[p/fill])", "2");
	fact(f, "string(/plan/closing/recipients/recipient[1])", "Như trên;");
	fact(f, "count(//appendix//row)", "2");
	fact(f, "count(//appendix//row[1]/cell[fill])", "3");
	fact(f, "string(//appendix/table/column[6])", "Kết quả thực hiện");
	xmlFreeDoc(f);
	diag_release(&d);
}

static void one_agency(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, "t.xml");
	/* written differently from the plan: the plan's name is used */
	xmlDocPtr f = form("Sở Thông tin và Truyền thông", 0, &d);
	if (!f)
		fail_msg("form: %s", d.msg);
	if (plan_validate(f, &d) < 0)
		fail_msg("invalid: %s", d.msg);
	fact(f, "string(/plan/meta/issuer)", "Sở TT&TT");
	fact(f, "string(/plan/meta/number/@symbol)", "BC-…");
	/* it is the body reports go through: Kính gửi the issuer only */
	fact(f, "count(/plan/meta/addressee)", "1");
	fact(f, "string(/plan/meta/addressee)", "Ủy ban nhân dân tỉnh Hà Tĩnh");
	/* its duties and the task it leads; the common duty of "Các sở" */
	fact(f, "count(//appendix//row)", "4");
	fact(f, "string(//appendix//group[1]/row[1]/cell[@role='task'])", "Theo dõi, đôn đốc.");
	fact(f, "string(//appendix//group[2]/row[1]/cell[@role='task'])",
	     "Xây dựng kế hoạch của đơn vị.");
	fact(f, "string(//appendix//group[3]/row[1]/cell[@role='task'])", "Việc một");
	fact(f, "count(//appendix//cell[@role='task'][. = 'Việc hai'])", "0");
	xmlFreeDoc(f);

	f = form("Sở Tài chính", 2020, &d);
	assert_non_null(f);
	fact(f, "count(/plan/meta/addressee)", "2"); /* the issuer, through the Sở */
	fact(f, "string(/plan/meta/addressee[2])", "Sở Thông tin và Truyền thông");
	fact(f, "string(//appendix//group[last()]/@title)", "Nhiệm vụ phối hợp");
	fact(f, "count(//appendix//row)", "3");
	xmlFreeDoc(f);

	/* an agency the plan asks nothing of */
	struct diag d2;
	diag_init(&d2, "t.xml");
	assert_null(form("Sở Y tế", 0, &d2));
	assert_non_null(strstr(d2.msg, "the plan asks nothing of 'Sở Y tế'"));
	diag_release(&d2);
	diag_release(&d);
}

static void agencies(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, "t.xml");
	xmlDocPtr plan = xmlsafe_parse("t.xml", plan_xml, strlen(plan_xml), 0, &d);
	char **v;
	size_t n = report_agencies(plan, &v);
	static const char *const want[] = {"Sở TT&TT", "Sở Tài chính",
	                                   "Sở Văn hóa, Thể thao và Du lịch"};
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(v[i], want[i]);
		free(v[i]);
	}
	free(v);
	xmlFreeDoc(plan);
	diag_release(&d);
}

int main(void)
{
	xmlsafe_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(split), cmocka_unit_test(matching),   cmocka_unit_test(file_names),
	    cmocka_unit_test(whole), cmocka_unit_test(one_agency), cmocka_unit_test(agencies),
	};
	int rc = cmocka_run_group_tests_name("report", tests, NULL, NULL);
	validate_cleanup();
	xmlCleanupParser();
	return rc;
}
