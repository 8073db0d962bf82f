/* t_docx_tables.c - DOCX tables into the block model: w:gridSpan as
 * colspan, w:vMerge as rowspan on the first cell with merged placeholders
 * below (blocks.h), legacy w:hMerge, w:gridBefore, header rows, deleted and
 * inserted rows, rows and cells inside content controls, nested tables and
 * their limit, and whether the table draws any border. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/docx_build.h"

#define TBL(x)                                                                                     \
	"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>" x "</w:tbl>"
#define TBLP(pr, x) "<w:tbl><w:tblPr>" pr "</w:tblPr><w:tblGrid/>" x "</w:tbl>"
#define TR(x)       "<w:tr>" x "</w:tr>"
#define TRP(pr, x)  "<w:tr><w:trPr>" pr "</w:trPr>" x "</w:tr>"
#define TC(x)       "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr>" PT(x) "</w:tc>"
#define TCP(pr, x)  "<w:tc><w:tcPr>" pr "</w:tcPr>" PT(x) "</w:tc>"
#define TCE(pr)     "<w:tc><w:tcPr>" pr "</w:tcPr><w:p/></w:tc>"
#define SPAN(n)     "<w:gridSpan w:val=\"" #n "\"/>"
#define VSTART      "<w:vMerge w:val=\"restart\"/>"
#define VCONT       "<w:vMerge/>"
#define BORDERS(v)                                                                                 \
	"<w:top w:val=\"" v "\" w:sz=\"4\"/><w:left w:val=\"" v "\" w:sz=\"4\"/>"                  \
	"<w:bottom w:val=\"" v "\" w:sz=\"4\"/><w:right w:val=\"" v "\" w:sz=\"4\"/>"

/* The appendix shape offices type: a header row, group rows spanning the
 * grid, a lead agency merged down three task rows. */
static void group_rows_and_vertical_merge(void **state)
{
	(void)state;
	assert_dump(
	    "TABLE rows=5 cols=3 borderless\n"
	    "  ROW header\n"
	    "    CELL\n      P left | STT\n"
	    "    CELL\n      P left | Nhiệm vụ\n"
	    "    CELL\n      P left | Chủ trì\n"
	    "  ROW\n"
	    "    CELL colspan=3\n      P left | I. Công tác chỉ đạo\n"
	    "  ROW\n"
	    "    CELL\n      P left | 1\n"
	    "    CELL\n      P left | Nhiệm vụ một\n"
	    "    CELL rowspan=3\n      P left | Sở Thông tin và Truyền thông\n"
	    "  ROW\n"
	    "    CELL\n      P left | 2\n"
	    "    CELL\n      P left | Nhiệm vụ hai\n"
	    "    CELL merged\n"
	    "  ROW\n"
	    "    CELL\n      P left | 3\n"
	    "    CELL\n      P left | Nhiệm vụ ba\n"
	    "    CELL merged\n",
	    TBL(TRP("<w:tblHeader/>",
	            TC("STT") TC("Nhiệm vụ") TC("Chủ trì")) TR(TCP(SPAN(3), "I. Công tác chỉ đạo"))
	            TR(TC("1") TC("Nhiệm vụ một") TCP(VSTART, "Sở Thông tin và Truyền thông"))
	                TR(TC("2") TC("Nhiệm vụ hai") TCE(VCONT))
	                    TR(TC("3") TC("Nhiệm vụ ba") TCE("<w:vMerge w:val=\"continue\"/>"))),
	    NULL, NULL, NULL);
}

/* A wide cell merged down: the placeholders keep its span. */
static void merge_of_spanning_cell(void **state)
{
	(void)state;
	assert_dump(
	    "TABLE rows=2 cols=3 borderless\n"
	    "  ROW\n    CELL colspan=2 rowspan=2\n      P left | AB\n    CELL\n      P left | C1\n"
	    "  ROW\n    CELL colspan=2 merged\n    CELL\n      P left | C2\n",
	    TBL(TR(TCP(SPAN(2) VSTART, "AB") TC("C1")) TR(TCE(SPAN(2) VCONT) TC("C2"))), NULL, NULL,
	    NULL);
}

/* Text typed into a continuation cell is kept, with the merged cell. */
static void continuation_with_text(void **state)
{
	(void)state;
	assert_dump("TABLE rows=2 cols=1 borderless\n"
	            "  ROW\n    CELL rowspan=2\n      P left | top\n      P left | below\n"
	            "  ROW\n    CELL merged\n",
	            TBL(TR(TCP(VSTART, "top")) TR(TCP(VCONT, "below"))), NULL, NULL, NULL);
}

/* A continuation with nothing above it starts its own cell. */
static void orphan_continuation(void **state)
{
	(void)state;
	assert_dump("TABLE rows=2 cols=1 borderless\n"
	            "  ROW\n    CELL\n      P left | plain\n"
	            "  ROW\n    CELL\n      P left | orphan\n",
	            TBL(TR(TC("plain")) TR(TCP(VCONT, "orphan"))), NULL, NULL, NULL);
}

static void legacy_hmerge_and_grid_before(void **state)
{
	(void)state;
	/* the grid column left out by w:gridBefore has no cell, but a merge
	 * under the row's cells still finds its origin by grid position */
	assert_dump(
	    "TABLE rows=3 cols=3 borderless\n"
	    "  ROW\n    CELL colspan=2\n      P left | wide\n    CELL rowspan=2\n      P left | c\n"
	    "  ROW\n    CELL\n      P left | b\n    CELL merged\n"
	    "  ROW\n    CELL\n      P left | x\n    CELL\n      P left | y\n    CELL\n      P left "
	    "| z\n",
	    TBL(TR(TCP("<w:hMerge w:val=\"restart\"/>", "wide") TCE("<w:hMerge/>") TCP(VSTART, "c"))
	            TRP("<w:gridBefore w:val=\"1\"/>", TC("b") TCE(VCONT))
	                TR(TC("x") TC("y") TC("z"))),
	    NULL, NULL, NULL);
}

/* Tracked changes in tables: deleted rows and cells go, inserted stay;
 * rows and cells may sit inside content controls. */
static void rows_deleted_inserted_and_in_sdt(void **state)
{
	(void)state;
	assert_dump(
	    "TABLE rows=2 cols=2 borderless\n"
	    "  ROW\n    CELL\n      P left | a\n    CELL\n      P left | b\n"
	    "  ROW\n    CELL\n      P left | new\n    CELL\n      P left | in sdt\n",
	    TBL(TR(TC("a") TC("b")) TRP(
	        "<w:del w:id=\"1\" w:author=\"x\"/>",
	        TC("gone") TC(
	            "gone")) "<w:sdt><w:sdtContent>" TRP("<w:ins w:id=\"2\" w:author=\"x\"/>",
	                                                 TC("new") "<w:sdt><w:sdtContent>" TC(
	                                                     "in sdt") "</w:sdtContent></"
	                                                               "w:sdt>" TCP("<w:cellDel "
	                                                                            "w:id=\"3\" "
	                                                                            "w:author="
	                                                                            "\"x\"/>",
	                                                                            "deleted "
	                                                                            "cell")) "</"
	                                                                                     "w:"
	                                                                                     "sd"
	                                                                                     "tC"
	                                                                                     "on"
	                                                                                     "te"
	                                                                                     "nt"
	                                                                                     "><"
	                                                                                     "/w"
	                                                                                     ":s"
	                                                                                     "dt"
	                                                                                     ">"),
	    NULL, NULL, NULL);
	/* a table whose rows are all deleted leaves nothing */
	assert_dump("P left | after\n",
	            TBL(TRP("<w:del w:id=\"1\" w:author=\"x\"/>", TC("gone"))) PT("after"), NULL,
	            NULL, NULL);
}

static void nested_table(void **state)
{
	(void)state;
	assert_dump("TABLE rows=1 cols=2 borderless\n"
	            "  ROW\n"
	            "    CELL\n      P left | outer\n"
	            "      TABLE rows=1 cols=1 borderless\n"
	            "        ROW\n          CELL\n            P left | inner\n"
	            "    CELL\n      P left | right\n",
	            TBL(TR("<w:tc>" PT("outer") TBL(TR(TC("inner"))) "<w:p/></w:tc>" TC("right"))),
	            NULL, NULL, NULL);
}

static void nesting_limit(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 9; i++)
		buf_adds(&b, "<w:tbl><w:tr><w:tc>");
	buf_adds(&b, PT("deep"));
	for (int i = 0; i < 9; i++)
		buf_adds(&b, "</w:tc></w:tr></w:tbl>");
	char *got = docx_dump(b.ptr, NULL, NULL, NULL);
	assert_non_null(strstr(got, "ERROR: "));
	assert_non_null(strstr(got, "tables nested too deep (limit 8, LIMIT_TABLE_NESTING)"));
	free(got);
	buf_release(&b);
}

/* Borders: from the table, from its style, from the cells. */
static void borders(void **state)
{
	(void)state;
	const char *styles =
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
	    "w:val=\"Normal Table\"/></w:style>"
	    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	    "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>" BORDERS(
	        "single") "</w:tblBorders></w:tblPr></w:style>"
	                  "<w:style w:type=\"table\" w:styleId=\"GridChild\"><w:basedOn "
	                  "w:val=\"TableGrid\"/></w:style>";
	/* direct borders */
	assert_dump("TABLE rows=1 cols=1\n  ROW\n    CELL\n      P left | x\n",
	            TBLP("<w:tblBorders>" BORDERS("single") "</w:tblBorders>", TR(TC("x"))), styles,
	            NULL, NULL);
	/* borders switched off directly */
	assert_dump("TABLE rows=1 cols=1 borderless\n  ROW\n    CELL\n      P left | x\n",
	            TBLP("<w:tblBorders>" BORDERS("nil") "</w:tblBorders>", TR(TC("x"))), styles,
	            NULL, NULL);
	/* from a style, and from its basedOn parent */
	assert_dump("TABLE rows=1 cols=1\n  ROW\n    CELL\n      P left | x\n",
	            TBLP("<w:tblStyle w:val=\"TableGrid\"/>", TR(TC("x"))), styles, NULL, NULL);
	assert_dump("TABLE rows=1 cols=1\n  ROW\n    CELL\n      P left | x\n",
	            TBLP("<w:tblStyle w:val=\"GridChild\"/>", TR(TC("x"))), styles, NULL, NULL);
	/* every cell drawing its own borders */
	assert_dump(
	    "TABLE rows=1 cols=2\n  ROW\n    CELL\n      P left | a\n    CELL\n      P left | b\n",
	    TBL(TR(TCP("<w:tcBorders>" BORDERS("single") "</w:tcBorders>", "a")
	               TCP("<w:tcBorders>" BORDERS("single") "</w:tcBorders>", "b"))),
	    styles, NULL, NULL);
	/* table borders every cell switches off (a real header table) */
	assert_dump("TABLE rows=1 cols=2 borderless\n  ROW\n    CELL\n      P left | a\n    CELL\n "
	            "     P left | b\n",
	            TBLP("<w:tblBorders>" BORDERS("single") "</w:tblBorders>",
	                 TR(TCP("<w:tcBorders>" BORDERS("nil") "</w:tcBorders>", "a")
	                        TCP("<w:tcBorders>" BORDERS("nil") "</w:tcBorders>", "b"))),
	            styles, NULL, NULL);
	/* ... or only some sides: the others still show the table's lines */
	assert_dump(
	    "TABLE rows=1 cols=2\n  ROW\n    CELL\n      P left | a\n    CELL\n      P left | b\n",
	    TBLP("<w:tblBorders>" BORDERS("single") "</w:tblBorders>",
	         TR(TCP("<w:tcBorders><w:top w:val=\"nil\"/></w:tcBorders>", "a")
	                TCP("<w:tcBorders><w:top w:val=\"nil\"/></w:tcBorders>", "b"))),
	    styles, NULL, NULL);
	/* a header table whose only line is the short rule under the issuer */
	assert_dump(
	    "TABLE rows=2 cols=2 borderless\n"
	    "  ROW\n    CELL\n      P left | UBND\n    CELL\n      P left | CỘNG HÒA\n"
	    "  ROW\n    CELL\n      P left | Số: 1/KH-UBND\n    CELL\n      P left | Hà Tĩnh\n",
	    TBL(TR(TCP("<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\"/></w:tcBorders>", "UBND")
	               TC("CỘNG HÒA")) TR(TC("Số: 1/KH-UBND") TC("Hà Tĩnh"))),
	    styles, NULL, NULL);
}

static void row_and_cell_limits(void **state)
{
	(void)state;
	char *got = docx_dump(TBL(TR(TCP(SPAN(5000), "x"))), NULL, NULL, NULL);
	assert_non_null(strstr(got, "LIMIT_TABLE_CELLS"));
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(group_rows_and_vertical_merge),
	    cmocka_unit_test(merge_of_spanning_cell),
	    cmocka_unit_test(continuation_with_text),
	    cmocka_unit_test(orphan_continuation),
	    cmocka_unit_test(legacy_hmerge_and_grid_before),
	    cmocka_unit_test(rows_deleted_inserted_and_in_sdt),
	    cmocka_unit_test(nested_table),
	    cmocka_unit_test(nesting_limit),
	    cmocka_unit_test(borders),
	    cmocka_unit_test(row_and_cell_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
