/* t_docx_numbering.c - Word automatic numbering rendered as the label a
 * reader sees: every number format, lvlText with several levels, restarts
 * (default, w:lvlRestart, w:startOverride on a second w:num), counters
 * shared across w:num instances of one abstract definition, style-linked
 * numbering, numStyleLink, bullets in symbol fonts, w:isLgl.  Expected
 * labels are what Word shows for these definitions (ECMA-376 17.9). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/read/docx/docx.h"
#include "tests/unit/docx_build.h"

static char *fmt(long n, enum docx_numfmt f, int pad)
{
	struct buf b = BUF_INIT;
	docx_format_number(&b, n, f, pad);
	return buf_detach(&b, NULL);
}

#define assert_fmt(want, n, f, pad)                                                                \
	do {                                                                                       \
		char *s_ = fmt(n, f, pad);                                                         \
		assert_string_equal(s_, want);                                                     \
		free(s_);                                                                          \
	} while (0)

static void formats(void **state)
{
	(void)state;
	assert_fmt("7", 7, NUMFMT_DECIMAL, 0);
	assert_fmt("07", 7, NUMFMT_DECIMAL_ZERO, 0);
	assert_fmt("12", 12, NUMFMT_DECIMAL_ZERO, 0);
	assert_fmt("007", 7, NUMFMT_PADDED, 3);
	assert_fmt("IV", 4, NUMFMT_UPPER_ROMAN, 0);
	assert_fmt("XIV", 14, NUMFMT_UPPER_ROMAN, 0);
	assert_fmt("MCMXCIX", 1999, NUMFMT_UPPER_ROMAN, 0);
	assert_fmt("ix", 9, NUMFMT_LOWER_ROMAN, 0);
	assert_fmt("C", 3, NUMFMT_UPPER_LETTER, 0);
	assert_fmt("z", 26, NUMFMT_LOWER_LETTER, 0);
	assert_fmt("aa", 27, NUMFMT_LOWER_LETTER, 0);
	assert_fmt("BB", 28, NUMFMT_UPPER_LETTER, 0);
	/* Vietnamese order: a b c d đ e g h ... (no f, j, w, z) */
	assert_fmt("d", 4, NUMFMT_LOWER_VIET, 0);
	assert_fmt("đ", 5, NUMFMT_LOWER_VIET, 0);
	assert_fmt("e", 6, NUMFMT_LOWER_VIET, 0);
	assert_fmt("g", 7, NUMFMT_LOWER_VIET, 0);
	assert_fmt("k", 10, NUMFMT_LOWER_VIET, 0);
	assert_fmt("y", 23, NUMFMT_LOWER_VIET, 0);
	assert_fmt("aa", 24, NUMFMT_LOWER_VIET, 0);
	assert_fmt("Đ", 5, NUMFMT_UPPER_VIET, 0);
	assert_fmt("3rd", 3, NUMFMT_ORDINAL, 0);
	assert_fmt("11th", 11, NUMFMT_ORDINAL, 0);
	assert_fmt("22nd", 22, NUMFMT_ORDINAL, 0);
	assert_fmt("một", 1, NUMFMT_VIET_COUNTING, 0);
	assert_fmt("mười lăm", 15, NUMFMT_VIET_COUNTING, 0);
	assert_fmt("hai mươi mốt", 21, NUMFMT_VIET_COUNTING, 0);
	assert_fmt("ba mươi", 30, NUMFMT_VIET_COUNTING, 0);
	assert_fmt("в", 3, NUMFMT_RUSSIAN_LOWER, 0);
	assert_fmt("③", 3, NUMFMT_CIRCLED, 0);
	assert_fmt("21", 21, NUMFMT_CIRCLED, 0);
	assert_fmt("１２", 12, NUMFMT_FULLWIDTH, 0);
	assert_fmt("†", 2, NUMFMT_CHICAGO, 0);
	assert_fmt("**", 5, NUMFMT_CHICAGO, 0);
	assert_fmt("1F", 31, NUMFMT_HEX, 0);
	assert_fmt("", 3, NUMFMT_NONE, 0);
	/* zero and negative counters fall back to digits where letters fail */
	assert_fmt("0", 0, NUMFMT_UPPER_ROMAN, 0);
	assert_fmt("0", 0, NUMFMT_LOWER_LETTER, 0);
}

static void parse_formats(void **state)
{
	(void)state;
	int pad;
	assert_int_equal(docx_numfmt_parse("upperRoman", NULL, &pad), NUMFMT_UPPER_ROMAN);
	assert_int_equal(docx_numfmt_parse("lowerLetter", NULL, &pad), NUMFMT_LOWER_LETTER);
	assert_int_equal(docx_numfmt_parse("bullet", NULL, &pad), NUMFMT_BULLET);
	assert_int_equal(docx_numfmt_parse("none", NULL, &pad), NUMFMT_NONE);
	assert_int_equal(docx_numfmt_parse("cardinalText", NULL, &pad), NUMFMT_DECIMAL);
	assert_int_equal(docx_numfmt_parse("custom", "001, 002, 003, ...", &pad), NUMFMT_PADDED);
	assert_int_equal(pad, 3);
	assert_int_equal(docx_numfmt_parse("custom", "01, 02, 03, ...", &pad), NUMFMT_PADDED);
	assert_int_equal(pad, 2);
	assert_int_equal(docx_numfmt_parse("custom", "a, b, c, d, đ, ...", &pad),
	                 NUMFMT_LOWER_VIET);
	assert_int_equal(docx_numfmt_parse("custom", "A, B, C, D, Đ, ...", &pad),
	                 NUMFMT_UPPER_VIET);
	assert_int_equal(docx_numfmt_parse("custom", "a, b, c, ...", &pad), NUMFMT_LOWER_LETTER);
	assert_int_equal(docx_numfmt_parse("custom", "I, II, III, ...", &pad), NUMFMT_UPPER_ROMAN);
	assert_int_equal(docx_numfmt_parse("custom", "1, 2, 3, ...", &pad), NUMFMT_DECIMAL);
}

/* One abstract definition with up to three levels, and num 1 using it. */
#define LVL(i, start, f, text)                                                                     \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" f "\"/>"      \
	"<w:lvlText w:val=\"" text "\"/></w:lvl>"
#define ABS(id, lvls) "<w:abstractNum w:abstractNumId=\"" #id "\">" lvls "</w:abstractNum>"
#define NUM(id, abs)  "<w:num w:numId=\"" #id "\"><w:abstractNumId w:val=\"" #abs "\"/></w:num>"
#define NP(num, ilvl, text)                                                                        \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #ilvl "\"/><w:numId w:val=\"" #num                 \
	"\"/></w:numPr></w:pPr>" R(text) "</w:p>"

static void decimal_and_roman(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 1, "upperRoman", "%1.")) NUM(1, 0)
	    ABS(1, LVL(0, 1, "decimal", "%1.")) NUM(2, 1);
	assert_dump("P left autolabel [I.] | MỤC ĐÍCH\n"
	            "P left autolabel [1.] | Mục đích\n"
	            "P left autolabel [2.] | Yêu cầu\n"
	            "P left autolabel [II.] | NỘI DUNG\n"
	            "P left autolabel [III.] | KINH PHÍ\n"
	            "P left autolabel [IV.] | TỔ CHỨC THỰC HIỆN\n",
	            NP(1, 0, "MỤC ĐÍCH") NP(2, 0, "Mục đích") NP(2, 0, "Yêu cầu")
	                NP(1, 0, "NỘI DUNG") NP(1, 0, "KINH PHÍ") NP(1, 0, "TỔ CHỨC THỰC HIỆN"),
	            NULL, nb, NULL);
}

static void letters_and_start(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 5, "lowerLetter", "%1)")) NUM(1, 0);
	assert_dump("P left autolabel [e)] | năm\n"
	            "P left autolabel [f)] | sáu\n",
	            NP(1, 0, "năm") NP(1, 0, "sáu"), NULL, nb, NULL);
}

/* Word 2010 keeps a custom sequence in mc:AlternateContent, with a plain
 * format as the fallback for older readers. */
static void vietnamese_custom_letters(void **state)
{
	(void)state;
	const char *nb =
	    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	    "<mc:AlternateContent><mc:Choice Requires=\"w14\">"
	    "<w:numFmt w:val=\"custom\" w:format=\"a, b, c, d, đ, ...\"/></mc:Choice>"
	    "<mc:Fallback><w:numFmt w:val=\"lowerLetter\"/></mc:Fallback></mc:AlternateContent>"
	    "<w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>" NUM(1, 0);
	assert_dump(
	    "P left autolabel [a)] | 1\nP left autolabel [b)] | 2\nP left autolabel [c)] | 3\n"
	    "P left autolabel [d)] | 4\nP left autolabel [đ)] | 5\nP left autolabel [e)] | 6\n"
	    "P left autolabel [g)] | 7\n",
	    NP(1, 0, "1") NP(1, 0, "2") NP(1, 0, "3") NP(1, 0, "4") NP(1, 0, "5") NP(1, 0, "6")
	        NP(1, 0, "7"),
	    NULL, nb, NULL);
}

static void multilevel_restarts(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 1, "decimal", "%1.") LVL(1, 1, "decimal", "%1.%2.")
	                            LVL(2, 1, "lowerLetter", "%3)")) NUM(1, 0);
	assert_dump("P left autolabel [1.] | A\n"
	            "P left autolabel [1.1.] | A1\n"
	            "P left autolabel [a)] | A1a\n"
	            "P left autolabel [b)] | A1b\n"
	            "P left autolabel [1.2.] | A2\n"
	            "P left autolabel [a)] | A2a\n"
	            "P left autolabel [2.] | B\n"
	            "P left autolabel [2.1.] | B1\n",
	            NP(1, 0, "A") NP(1, 1, "A1") NP(1, 2, "A1a") NP(1, 2, "A1b") NP(1, 1, "A2")
	                NP(1, 2, "A2a") NP(1, 0, "B") NP(1, 1, "B1"),
	            NULL, nb, NULL);
}

/* w:lvlRestart 0: the second level never restarts. */
static void lvl_restart_never(void **state)
{
	(void)state;
	const char *nb = "<w:abstractNum w:abstractNumId=\"0\">" LVL(
	    0, 1, "upperRoman",
	    "%1.") "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>"
	           "<w:numFmt w:val=\"decimal\"/><w:lvlText "
	           "w:val=\"%2.\"/></w:lvl></w:abstractNum>" NUM(1, 0);
	assert_dump(
	    "P left autolabel [I.] | a\nP left autolabel [1.] | b\nP left autolabel [II.] | c\n"
	    "P left autolabel [2.] | d\n",
	    NP(1, 0, "a") NP(1, 1, "b") NP(1, 0, "c") NP(1, 1, "d"), NULL, nb, NULL);
}

/* Two w:num of one abstract share the counter; a w:num with a
 * startOverride restarts it the first time it is used, and the first
 * w:num then continues from there. */
static void shared_counters_and_overrides(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 1, "decimal", "%1.")) NUM(1, 0) NUM(
	    2,
	    0) "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
	       "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
	assert_dump(
	    "P left autolabel [1.] | a\nP left autolabel [2.] | b\nP left autolabel [3.] | c\n"
	    "P left autolabel [1.] | d\nP left autolabel [2.] | e\nP left autolabel [3.] | f\n",
	    NP(1, 0, "a") NP(1, 0, "b") NP(2, 0, "c") NP(3, 0, "d") NP(3, 0, "e") NP(1, 0, "f"),
	    NULL, nb, NULL);
}

/* A lvlOverride may replace a level's definition for one w:num. */
static void level_override(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 1, "decimal", "%1."))
	    NUM(1, 0) "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride "
	              "w:ilvl=\"0\">" LVL(0, 3, "upperLetter", "(%1)") "</w:lvlOverride></w:num>";
	assert_dump(
	    "P left autolabel [1.] | a\nP left autolabel [(C)] | b\nP left autolabel [(D)] | c\n",
	    NP(1, 0, "a") NP(2, 0, "b") NP(2, 0, "c"), NULL, nb, NULL);
}

static void bullets_and_none(void **state)
{
	(void)state;
	const char *nb =
	    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
	    "<w:lvlText w:val=\"\xEF\x82\xB7\"/><w:rPr><w:rFonts w:ascii=\"Symbol\" "
	    "w:hAnsi=\"Symbol\"/>"
	    "</w:rPr></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:lvlText "
	    "w:val=\"-\"/>"
	    "</w:lvl><w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"bullet\"/><w:lvlText "
	    "w:val=\"\xEF\x82\xA7\"/>"
	    "<w:rPr><w:rFonts w:ascii=\"Wingdings\" "
	    "w:hAnsi=\"Wingdings\"/></w:rPr></w:lvl></w:abstractNum>" NUM(1, 0)
	        ABS(1, LVL(0, 1, "none", "")) NUM(2, 1) ABS(2, LVL(0, 1, "none", "Điều %1."))
	            NUM(3, 2);
	assert_dump("P left autolabel [•] | dot\n"
	            "P left autolabel [-] | dash\n"
	            "P left autolabel [▪] | square\n"
	            "P left | no label\n"
	            "P left autolabel [Điều .] | literal text stays\n",
	            NP(1, 0, "dot") NP(1, 1, "dash") NP(1, 2, "square") NP(2, 0, "no label")
	                NP(3, 0, "literal text stays"),
	            NULL, nb, NULL);
}

/* Heading styles that carry the numbering; the level comes from the
 * style's own w:ilvl, or from the level whose w:pStyle names the style.
 * A paragraph's w:numId 0 removes the numbering its style gives. */
static void style_linked(void **state)
{
	(void)state;
	const char *styles =
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
	    "w:val=\"Normal\"/></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
	    "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	    "<w:basedOn w:val=\"Heading1\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";
	const char *nb =
	    "<w:abstractNum w:abstractNumId=\"0\">"
	    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
	    "<w:pStyle w:val=\"Heading1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
	    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	    "<w:pStyle w:val=\"Heading2\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>" NUM(
	        1, 0);
#define HP(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr>" R(text) "</w:p>"
	assert_dump("P left bold autolabel heading level=1 [I.] | MỤC ĐÍCH\n"
	            "P left bold autolabel heading level=2 [1.] | Mục đích\n"
	            "P left bold autolabel heading level=2 [2.] | Yêu cầu\n"
	            "P left bold heading level=1 | Không số\n"
	            "P left bold autolabel heading level=1 [II.] | NỘI DUNG\n",
	            HP("Heading1", "MỤC ĐÍCH") HP("Heading2", "Mục đích")
	                HP("Heading2",
	                   "Yêu cầu") "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId "
	                              "w:val=\"0\"/></w:numPr></w:pPr>" R("Không số") "</w:p>" HP(
	                                  "Heading1", "NỘI DUNG"),
	            styles, nb, NULL);
}

/* w:numStyleLink: the list definition lives with the numbering style. */
static void num_style_link(void **state)
{
	(void)state;
	const char *styles =
	    "<w:style w:type=\"numbering\" w:styleId=\"VnList\"><w:name w:val=\"VnList\"/>"
	    "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>";
	const char *nb = "<w:abstractNum w:abstractNumId=\"0\"><w:styleLink w:val=\"VnList\"/>" LVL(
	    0, 1, "upperRoman", "Phần %1.") "</w:abstractNum>"
	                                    "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink "
	                                    "w:val=\"VnList\"/></w:abstractNum>" NUM(5, 0)
	                                        NUM(6, 1);
	assert_dump("P left autolabel [Phần I.] | a\nP left autolabel [Phần II.] | b\n",
	            NP(6, 0, "a") NP(6, 0, "b"), styles, nb, NULL);
}

/* w:isLgl shows every level of the label in digits. */
static void legal(void **state)
{
	(void)state;
	const char *nb = "<w:abstractNum w:abstractNumId=\"0\">" LVL(
	    0, 1, "upperRoman",
	    "%1.") "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
	           "w:val=\"decimal\"/><w:isLgl/>"
	           "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>" NUM(1, 0);
	assert_dump(
	    "P left autolabel [I.] | a\nP left autolabel [1.1] | b\nP left autolabel [II.] | c\n"
	    "P left autolabel [2.1] | d\n",
	    NP(1, 0, "a") NP(1, 1, "b") NP(1, 0, "c") NP(1, 1, "d"), NULL, nb, NULL);
}

/* Numbering whose part is missing or whose numId is unknown shows no label. */
static void unknown_numbering(void **state)
{
	(void)state;
	assert_dump("P left | text\n", NP(7, 0, "text"), NULL, NULL, NULL);
	assert_dump("P left | text\n", NP(7, 0, "text"), NULL,
	            ABS(0, LVL(0, 1, "decimal", "%1.")) NUM(1, 0), NULL);
}

/* A numbered paragraph with no text still shows (and counts) its number. */
static void empty_numbered_paragraph(void **state)
{
	(void)state;
	const char *nb = ABS(0, LVL(0, 1, "decimal", "%1.")) NUM(1, 0);
	assert_dump("P left autolabel [1.] | \nP left autolabel [2.] | two\n",
	            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
	            "w:val=\"1\"/></w:numPr></w:pPr></w:p>" NP(1, 0, "two"),
	            NULL, nb, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(formats),
	    cmocka_unit_test(parse_formats),
	    cmocka_unit_test(decimal_and_roman),
	    cmocka_unit_test(letters_and_start),
	    cmocka_unit_test(vietnamese_custom_letters),
	    cmocka_unit_test(multilevel_restarts),
	    cmocka_unit_test(lvl_restart_never),
	    cmocka_unit_test(shared_counters_and_overrides),
	    cmocka_unit_test(level_override),
	    cmocka_unit_test(bullets_and_none),
	    cmocka_unit_test(style_linked),
	    cmocka_unit_test(num_style_link),
	    cmocka_unit_test(legal),
	    cmocka_unit_test(unknown_numbering),
	    cmocka_unit_test(empty_numbered_paragraph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
