/* t_docx_text.c - DOCX paragraphs as a reader sees them in Word: runs split
 * mid-word and the wrappers around them, fields (their result, never their
 * code), tracked changes read as accepted, text boxes and drawing shapes,
 * hidden text, caps, bold/italic hints through styles, alignment, page and
 * section breaks, landscape sections, footnotes, strict namespaces, and
 * finding the main part of the package. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/docx_build.h"

#define RP(pr, x) "<w:r><w:rPr>" pr "</w:rPr><w:t xml:space=\"preserve\">" x "</w:t></w:r>"
#define PP(pr, x) "<w:p><w:pPr>" pr "</w:pPr>" x "</w:p>"
#define FLD(type) "<w:r><w:fldChar w:fldCharType=\"" type "\"/></w:r>"
#define INSTR(x)  "<w:r><w:instrText xml:space=\"preserve\">" x "</w:instrText></w:r>"

static void split_runs_and_wrappers(void **state)
{
	(void)state;
	assert_dump(
	    "P left | Kế hoạch tuyên truyền năm 2026 trên địa bàn tỉnh\n",
	    P(R("Kế ho") "<w:proofErr w:type=\"spellStart\"/>" R(
	        "ạ") "<w:proofErr "
	             "w:type=\"spellEnd\"/>" R(
	                 "ch"
	                 " ") "<w:bookmarkStart w:id=\"0\" "
	                      "w:name=\"x\"/>" R(
	                          "tuyên") "<w:"
	                                   "bookmarkEnd "
	                                   "w:id=\"0\"/>"
	                                   "<w:smartTag "
	                                   "w:uri=\"u\" "
	                                   "w:element="
	                                   "\"place\""
	                                   ">" R(
	                                       " truyề"
	                                       "n") "<"
	                                            "/"
	                                            "w"
	                                            ":"
	                                            "s"
	                                            "m"
	                                            "a"
	                                            "r"
	                                            "t"
	                                            "T"
	                                            "a"
	                                            "g"
	                                            ">"
	                                            "<"
	                                            "w"
	                                            ":"
	                                            "h"
	                                            "y"
	                                            "p"
	                                            "e"
	                                            "r"
	                                            "l"
	                                            "i"
	                                            "n"
	                                            "k"
	                                            " "
	                                            "r"
	                                            ":"
	                                            "i"
	                                            "d"
	                                            "="
	                                            "\"rId"
	                                            "9\""
	                                            ">" R(
	                                                " "
	                                                "n"
	                                                "ă"
	                                                "m") "</w:hyperlink>"
	                                                     "<w:sdt><w:sdtPr><w:alias "
	                                                     "w:val=\"Năm\"/></"
	                                                     "w:sdtPr><w:sdtContent>" R(
	                                                         " 2026") "</w:sdtContent></w:sdt>"
	                                                                  "<w:customXml "
	                                                                  "w:element=\"x\">" R(
	                                                                      " trên") "</"
	                                                                               "w:"
	                                                                               "customXml>"
	                                                                               "<w:dir "
	                                                                               "w:val="
	                                                                               "\"ltr\">" R(
	                                                                                   " địa "
	                                                                                   "bàn "
	                                                                                   "tỉnh") "</w:dir>"),
	    NULL, NULL, NULL);
}

/* A tab stays a tab (a column break, normalize.c), a line break a line
 * break; symbols in symbol fonts read as the characters drawn. */
static void special_characters(void **state)
{
	(void)state;
	assert_dump(
	    "P left | Số:\t12/KH-UBND\\nHà Nội ✓ • x-y → z\n",
	    P(R("Số:") "<w:r><w:tab/></w:r>" R("12/KH-UBND") "<w:r><w:br/></w:r>" R(
	        "Hà "
	        "Nội"
	        " ") "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>" R(" ") "<w:r><w:"
	                                                                               "sym "
	                                                                               "w:font="
	                                                                               "\"Symbol\" "
	                                                                               "w:char="
	                                                                               "\"F0B7\"/"
	                                                                               "></w:r>" R(" x") "<w:r><w:noBreakHyphen/></w:r>" R(
	                                                                                   "y") "<w"
	                                                                                        ":r"
	                                                                                        "><"
	                                                                                        "w:"
	                                                                                        "so"
	                                                                                        "ft"
	                                                                                        "Hy"
	                                                                                        "ph"
	                                                                                        "en"
	                                                                                        "/>"
	                                                                                        "</"
	                                                                                        "w:"
	                                                                                        "r"
	                                                                                        ">" R(
	                                                                                            " ") "<w:r><w:"
	                                                                                                 "rPr><w:"
	                                                                                                 "rFonts "
	                                                                                                 "w:ascii="
	                                                                                                 "\"Symbol\" "
	                                                                                                 "w:hAnsi="
	                                                                                                 "\"Symbol\"/"
	                                                                                                 "></"
	                                                                                                 "w:rPr><w:t>"
	                                                                                                 "\xEF\x82"
	                                                                                                 "\xAE</"
	                                                                                                 "w:t></"
	                                                                                                 "w:r>" R(
	                                                                                                     " "
	                                                                                                     "z")),
	    NULL, NULL, NULL);
}

static void fields(void **state)
{
	(void)state;
	/* simple field: its content is the shown result */
	assert_dump(
	    "P left | Trang 3 của 7\n",
	    P(R("Trang ") "<w:fldSimple w:instr=\" PAGE \">" R("3") "</w:fldSimple>" R(" của ")
	          FLD("begin") INSTR(" NUMPAGES ") FLD("separate") R("7") FLD("end")),
	    NULL, NULL, NULL);
	/* a nested field inside the code of another shows nothing of the
	 * code; a field without a result shows nothing */
	assert_dump("P left | Kết quả: có. Hết\n",
	            P(R("Kết quả: ") FLD("begin") INSTR(" IF ") FLD("begin") INSTR(" PAGE ")
	                  FLD("separate") R("1") FLD("end") INSTR(" = 1 \"có\" \"không\" ")
	                      FLD("separate") R("có") FLD("end") R(". ") FLD("begin")
	                          INSTR(" TC \"x\" ") FLD("end") R("Hết")),
	            NULL, NULL, NULL);
	/* a field result spanning paragraphs (a table of contents) */
	assert_dump("P left | I. MỤC ĐÍCH 1\nP left | II. NỘI DUNG 2\nP left | Sau mục lục\n",
	            P(FLD("begin") INSTR(" TOC \\o \"1-3\" ") FLD("separate") R("I. MỤC ĐÍCH 1"))
	                P(R("II. NỘI DUNG 2")) P(FLD("end")) PT("Sau mục lục"),
	            NULL, NULL, NULL);
}

static void tracked_changes(void **state)
{
	(void)state;
	assert_dump(
	    "P left | Sở Văn hóa, Thể thao và Du lịch chủ trì\n",
	    P(R("Sở ") "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>Thông "
	               "tin</w:delText></w:r></w:del>"
	               "<w:ins w:id=\"2\" w:author=\"a\">" R("Văn hóa, Thể thao") "</w:ins>" R(
	                   " và Du lịch") "<w:moveFrom w:id=\"3\" w:author=\"a\">" R(" phối "
	                                                                             "hợp") "</"
	                                                                                    "w:"
	                                                                                    "mo"
	                                                                                    "ve"
	                                                                                    "Fr"
	                                                                                    "om"
	                                                                                    ">"
	                                                                                    "<w"
	                                                                                    ":m"
	                                                                                    "ov"
	                                                                                    "eT"
	                                                                                    "o "
	                                                                                    "w:"
	                                                                                    "id"
	                                                                                    "="
	                                                                                    "\""
	                                                                                    "4"
	                                                                                    "\""
	                                                                                    " w"
	                                                                                    ":a"
	                                                                                    "ut"
	                                                                                    "ho"
	                                                                                    "r="
	                                                                                    "\""
	                                                                                    "a"
	                                                                                    "\""
	                                                                                    ">" R(
	                                                                                        " c"
	                                                                                        "hủ"
	                                                                                        " t"
	                                                                                        "r"
	                                                                                        "ì") "</w:moveTo>"),
	    NULL, NULL, NULL);
	/* a deleted paragraph mark joins the paragraph to the next one */
	assert_dump("P left | Phần đầu và phần sau\nP left | Riêng\n",
	            PP("<w:rPr><w:del w:id=\"5\" w:author=\"a\"/></w:rPr>", R("Phần đầu "))
	                PT("và phần sau") PT("Riêng"),
	            NULL, NULL, NULL);
}

/* A text box drawn with DrawingML and its VML fallback: read once, after
 * the anchoring paragraph.  The shape's position numbers never leak. */
#define TEXTBOX(text)                                                                              \
	"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"             \
	"<wp:positionH relativeFrom=\"column\"><wp:posOffset>523545</wp:posOffset></wp:positionH>" \
	"<wp:docPr id=\"3\" name=\"Text Box 3\" descr=\"hộp chữ\"/><a:graphic><a:graphicData>" \
	"<wps:wsp><wps:txbx><w:txbxContent>" PT(                                                   \
	    text) "</w:txbxContent></wps:txbx></wps:wsp>"                                          \
	          "</a:graphicData></a:graphic></wp:anchor></w:drawing></"                         \
	          "mc:Choice><mc:Fallback><w:pict>"                                                \
	          "<v:shape "                                                                      \
	          "style=\"position:absolute;margin-left:41.2pt\"><v:textbox><w:txbxContent>" PT(  \
	              text) "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></"      \
	                    "mc:AlternateContent></w:r>"
#define LINE_SHAPE                                                                                 \
	"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"             \
	"<wp:positionH relativeFrom=\"column\"><wp:posOffset>523545</wp:posOffset></wp:positionH>" \
	"<wp:positionV "                                                                           \
	"relativeFrom=\"paragraph\"><wp:posOffset>12065</wp:posOffset></wp:positionV>"             \
	"<wp:docPr id=\"4\" name=\"Straight Connector 4\"/></wp:anchor></w:drawing></mc:Choice>"   \
	"<mc:Fallback><w:pict><v:line from=\"41.2pt,.95pt\" to=\"93.45pt,.95pt\"/></w:pict>"       \
	"</mc:Fallback></mc:AlternateContent></w:r>"

static void text_boxes_and_shapes(void **state)
{
	(void)state;
	assert_dump("P left | ỦY BAN NHÂN DÂN\nP left | Số: 446/KH-UBND\nP left | KẾ HOẠCH\n",
	            P(R("ỦY BAN NHÂN DÂN") TEXTBOX("Số: 446/KH-UBND")) P(LINE_SHAPE) PT("KẾ HOẠCH"),
	            NULL, NULL, NULL);
	/* a text box anchored in an empty paragraph takes its place */
	assert_dump("P left | Số: 1\nP left | after\n", P(TEXTBOX("Số: 1")) PT("after"), NULL, NULL,
	            NULL);
}

/* mc:AlternateContent wherever Word or another writer puts one: around
 * paragraphs in the body, runs in a paragraph, rows in a table, cells in
 * a row, nested in a branch, with only a Choice, with no branch at all.
 * The Fallback is read when there is one; elements after the wrapper
 * follow in order. */
#define MC(choice, fallback)                                                                       \
	"<mc:AlternateContent><mc:Choice Requires=\"w14\">" choice "</mc:Choice>"                  \
	"<mc:Fallback>" fallback "</mc:Fallback></mc:AlternateContent>"
#define MC_CHOICE(choice)                                                                          \
	"<mc:AlternateContent><mc:Choice Requires=\"w14\">" choice                                 \
	"</mc:Choice></mc:AlternateContent>"

static void alternate_content(void **state)
{
	(void)state;
	/* body: a paragraph from the fallback, nested wrappers, then the rest */
	assert_dump("P left | một\nP left | hai\nP left | ba\nP left | bốn\n",
	            PT("một") MC(PT("không"), PT("hai") MC(PT("không"), PT("ba"))) PT("bốn"), NULL,
	            NULL, NULL);
	/* a paragraph's runs, and a wrapper with nothing to read */
	assert_dump("P left | Kế hoạch số 12\n",
	            P(R("Kế ") MC_CHOICE(R("hoạch")) "<mc:AlternateContent/>" R(" số")
	                  MC(R(" 99"), R(" 12"))),
	            NULL, NULL, NULL);
	/* rows of a table and cells of a row */
#define TCX(x) "<w:tc>" PT(x) "</w:tc>"
	static const char rows[] =
	    "<w:tbl>" MC("", "<w:tr>" TCX("a") MC_CHOICE(TCX("b")) "</w:tr>") "<w:tr>" MC(
	        TCX("x"), TCX("c") TCX("d")) "</w:tr></w:tbl>" PT("sau");
	assert_dump("TABLE rows=2 cols=2 borderless\n"
	            "  ROW\n    CELL\n      P left | a\n    CELL\n      P left | b\n"
	            "  ROW\n    CELL\n      P left | c\n    CELL\n      P left | d\n"
	            "P left | sau\n",
	            rows, NULL, NULL, NULL);
}

static void hidden_and_caps(void **state)
{
	(void)state;
	const char *styles = "<w:style w:type=\"character\" "
	                     "w:styleId=\"Hidden\"><w:rPr><w:vanish/></w:rPr></w:style>";
	assert_dump("P left | seen also seen\n",
	            P(R("seen ") RP("<w:vanish/>", "hidden ")
	                  RP("<w:rStyle w:val=\"Hidden\"/>", "styled hidden ") R("also seen")),
	            styles, NULL, NULL);
	/* w:caps is shown in capitals */
	assert_dump("P left caps | KẾ HOẠCH ĐỒNG Ý\nP left | Kế HOẠCH\n",
	            P(RP("<w:caps/>", "Kế hoạch đồng ý")) P(R("Kế ") RP("<w:caps/>", "hoạch")),
	            NULL, NULL, NULL);
	/* a paragraph of hidden text only gives no block */
	assert_dump("P left | next\n", P(RP("<w:vanish/>", "all hidden")) PT("next"), NULL, NULL,
	            NULL);
}

/* Runs in the legacy 8-bit fonts are converted (encoding.c); the font may
 * come from a style.  TCVN3 text in .VnTimeH is drawn in capitals. */
static void legacy_font_runs(void **state)
{
	(void)state;
	const char *styles =
	    "<w:style w:type=\"character\" w:styleId=\"Vn\"><w:rPr>"
	    "<w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/></w:rPr></w:style>";
	assert_dump("P left | Cộng hòa xã hội chủ nghĩa Việt Nam\nP left | KẾ HOẠCH năm 2026\n",
	            P(RP("<w:rStyle w:val=\"Vn\"/>", "Céng hßa x· héi chñ nghÜa ") R("Việt Nam"))
	                P(RP("<w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/>", "kÕ ho¹ch")
	                      R(" năm 2026")),
	            styles, NULL, NULL);
}

static void bold_italic_hints(void **state)
{
	(void)state;
	const char *styles =
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:i/></w:rPr></w:rPrDefault></w:docDefaults>"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:rPr><w:i "
	    "w:val=\"0\"/></w:rPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Title1\"><w:basedOn "
	    "w:val=\"Normal\"/><w:rPr><w:b/></w:rPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Title2\"><w:basedOn "
	    "w:val=\"Title1\"/></w:style>"
	    "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:rPr><w:b/></w:rPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:rPr><w:i/></w:rPr></w:style>";
#define PS(s, x) PP("<w:pStyle w:val=\"" s "\"/>", x)
	assert_dump("P left bold | bold through basedOn\n"
	            "P left | bold style with a bold character style: toggled off\n"
	            "P left boldstart | 1. Sở Tư pháp: chủ trì\n"
	            "P left | direct off\n"
	            "P left italic | quoted\n"
	            "P left bold | spaces do not count\n",
	            PS("Title2", R("bold through basedOn"))
	                PS("Title1", RP("<w:rStyle w:val=\"Strong\"/>",
	                                "bold style with a bold character style: toggled off"))
	                    P(RP("<w:b/>", "1. Sở Tư pháp:") R(" chủ trì"))
	                        PS("Title1", RP("<w:b w:val=\"false\"/>", "direct off"))
	                            PS("Quote", R("quoted"))
	                                P(R(" ") RP("<w:b/>", "spaces do not count") R(" ")),
	            styles, NULL, NULL);
}

static void alignment_and_headings(void **state)
{
	(void)state;
	const char *styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name "
	                     "w:val=\"heading 2\"/></w:style>"
	                     "<w:style w:type=\"paragraph\" w:styleId=\"Center\"><w:pPr><w:jc "
	                     "w:val=\"center\"/></w:pPr></w:style>";
	assert_dump(
	    "P center | c\nP right | r\nP justify | j\nP center | styled\nP left | start\n"
	    "P left heading level=2 | h\nP left level=3 | outline\n",
	    PP("<w:jc w:val=\"center\"/>", R("c")) PP("<w:jc w:val=\"right\"/>", R("r"))
	        PP("<w:jc w:val=\"both\"/>", R("j")) PP("<w:pStyle w:val=\"Center\"/>", R("styled"))
	            PP("<w:pStyle w:val=\"Center\"/><w:jc w:val=\"start\"/>", R("start"))
	                PP("<w:pStyle w:val=\"Heading2\"/>", R("h"))
	                    PP("<w:outlineLvl w:val=\"2\"/>", R("outline")),
	    styles, NULL, NULL);
}

static void page_breaks(void **state)
{
	(void)state;
	/* an empty paragraph holding the break: the flag goes to the next block */
	assert_dump("P left | before\nP left break | PHỤ LỤC\n",
	            PT("before") P("<w:r><w:br w:type=\"page\"/></w:r>") PT("PHỤ LỤC"), NULL, NULL,
	            NULL);
	/* a break in the middle of a paragraph splits it */
	assert_dump("P left | end of page\nP left break | next page\n",
	            P(R("end of page") "<w:r><w:br w:type=\"page\"/></w:r>" R("next page")), NULL,
	            NULL, NULL);
	/* a break before the text; pageBreakBefore; lastRenderedPageBreak is not a break */
	assert_dump("P left break | PHỤ LỤC\nP left break | B\nP left | C\n",
	            P("<w:r><w:br w:type=\"page\"/><w:t>PHỤ LỤC</w:t></w:r>")
	                PP("<w:pageBreakBefore/>", R("B"))
	                    P("<w:r><w:lastRenderedPageBreak/><w:t>C</w:t></w:r>"),
	            NULL, NULL, NULL);
}

#define SECT(orient, w, h, type)                                                                   \
	"<w:sectPr>" type "<w:pgSz w:w=\"" w "\" w:h=\"" h "\"" orient "/></w:sectPr>"

static void sections(void **state)
{
	(void)state;
	/* portrait section, then a landscape one with the appendix table, then
	 * portrait again after a continuous break */
	assert_dump("P left | body\n"
	            "P left break landscape | PHỤ LỤC\n"
	            "TABLE rows=1 cols=1 landscape borderless\n  ROW\n    CELL\n      P left | x\n"
	            "P left | tail\n",
	            PT("body") PP(SECT("", "11906", "16838", ""), "")
	                PT("PHỤ LỤC") "<w:tbl><w:tr><w:tc>" PT("x") "</w:tc></w:tr></w:tbl>" PP(
	                    SECT(" w:orient=\"landscape\"", "16838", "11906",
	                         "<w:type w:val=\"nextPage\"/>"),
	                    "") PT("tail")
	                    SECT("", "11906", "16838", "<w:type w:val=\"continuous\"/>"),
	            NULL, NULL, NULL);
}

static void footnotes(void **state)
{
	(void)state;
	const char *notes =
	    "<w:footnote w:type=\"separator\" "
	    "w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
	    "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" R(
	        " Quyết định số 1/QĐ-UBND.") "</w:p></w:footnote>"
	                                     "<w:footnote w:id=\"2\"><w:p>" R(
	                                         "(") "<w:r><w:footnoteRef/></"
	                                              "w:r>" R(
	                                                  ") Gồm: Sở "
	                                                  "A, Sở B.") "</w:p>"
	                                                              "<w:"
	                                                              "p>" R("Dòn"
	                                                                     "g "
	                                                                     "hai"
	                                                                     ".") "</w:p></"
	                                                                          "w:footnote>";
	assert_dump("P left | Theo quyết định, các sở thực hiện.\n"
	            "NOTE | Quyết định số 1/QĐ-UBND.\n"
	            "NOTE | Gồm: Sở A, Sở B.\\nDòng hai.\n"
	            "P left | Tiếp.\n",
	            P(R("Theo quyết định") "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" R(
	                ", các sở") "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" R(" thực hiện."))
	                PT("Tiếp."),
	            NULL, NULL, notes);
	/* a custom mark typed after the reference is the mark, not text */
	assert_dump("P left | Văn bản.\nNOTE | Ghi chú.\n",
	            P(R("Văn bản.") "<w:r><w:footnoteReference w:customMarkFollows=\"1\" "
	                            "w:id=\"1\"/><w:t>*</w:t></w:r>"),
	            NULL, NULL, "<w:footnote w:id=\"1\"><w:p>" R("Ghi chú.") "</w:p></w:footnote>");
}

/* Strict OOXML uses other namespace names for the same elements. */
static void strict_namespaces(void **state)
{
	(void)state;
	static const char doc[] =
	    "<?xml version=\"1.0\"?><w:document "
	    "xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
	    "<w:body><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b "
	    "w:val=\"true\"/></w:rPr>"
	    "<w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>";
	static const char rels[] =
	    "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" "
	    "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
	    "Target=\"/word/document.xml\"/></Relationships>";
	struct tpart parts[] = {{"[Content_Types].xml", ct_xml, 0},
	                        {"_rels/.rels", rels, 0},
	                        {"word/document.xml", doc, 0}};
	size_t len;
	unsigned char *z = docx_zip(parts, 3, &len);
	char *got = docx_read_dump(z, len);
	assert_string_equal(got, "P center bold | KẾ HOẠCH\n");
	free(got);
	free(z);
}

/* The main part is wherever the package relationship says, and .docm
 * content types are Word documents too. */
static void package_main_part(void **state)
{
	(void)state;
	static const char doc[] = "<?xml version=\"1.0\"?><w:document xmlns:w=\"" W_NS "\"><w:body>"
	                          "<w:p><w:r><w:t>macro</w:t></w:r></w:p></w:body></w:document>";
	static const char ct[] =
	    "<?xml version=\"1.0\"?><Types "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/Doc%20Files/main.xml\" "
	    "ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/>"
	    "</Types>";
	static const char rels[] =
	    "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE
	    "officeDocument\" Target=\"Doc%20Files/./x/../main.xml\"/>"
	    "</Relationships>";
	struct tpart parts[] = {{"[Content_Types].xml", ct, 0},
	                        {"_rels/.rels", rels, 0},
	                        {"Doc Files/main.xml", doc, 0}};
	size_t len;
	unsigned char *z = docx_zip(parts, 3, &len);
	char *got = docx_read_dump(z, len);
	assert_string_equal(got, "P left | macro\n");
	free(got);
	free(z);
	/* without _rels/.rels, a Word main content type still finds it */
	struct tpart parts2[] = {{"[Content_Types].xml", ct, 0}, {"Doc Files/main.xml", doc, 0}};
	z = docx_zip(parts2, 2, &len);
	got = docx_read_dump(z, len);
	assert_string_equal(got, "P left | macro\n");
	free(got);
	free(z);
}

static void not_word_packages(void **state)
{
	(void)state;
	static const char ct[] =
	    "<?xml version=\"1.0\"?><Types "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	    "<Override PartName=\"/xl/workbook.xml\" "
	    "ContentType=\"application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
	static const char rels[] =
	    "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE
	    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
	struct tpart xlsx[] = {{"[Content_Types].xml", ct, 0},
	                       {"_rels/.rels", rels, 0},
	                       {"xl/workbook.xml", "<workbook/>", 0}};
	struct tpart odt[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
	                      {"content.xml", "<x/>", 0}};
	struct tpart other[] = {{"readme.txt", "hello", 0}};
	struct tpart nomain[] = {{"[Content_Types].xml", ct_xml, 0}, {"_rels/.rels", root_rels, 0}};
	struct {
		struct tpart *p;
		size_t n;
		const char *want;
	} cases[] = {
	    {xlsx, 3, "ERROR: t.docx: an Excel workbook, not a Word document"},
	    {odt, 2,
	     "ERROR: t.docx: an OpenDocument file (application/vnd.oasis.opendocument.text), not "
	     "DOCX; "
	     "convert it with: soffice --headless --convert-to docx"},
	    {other, 1, "ERROR: t.docx: not a Word document: the zip has no Word main part"},
	    {nomain, 2,
	     "ERROR: t.docx:word/document.xml: not a Word document: its main part "
	     "'word/document.xml' is missing"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		unsigned char *z = docx_zip(cases[i].p, cases[i].n, &len);
		char *got = docx_read_dump(z, len);
		assert_string_equal(got, cases[i].want);
		free(got);
		free(z);
	}
}

/* Entities never load: a DOCTYPE in a part is refused before parsing. */
static void hostile_xml(void **state)
{
	(void)state;
	static const char xxe[] =
	    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]>"
	    "<w:document xmlns:w=\"" W_NS
	    "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
	static const char broken[] =
	    "<?xml version=\"1.0\"?><w:document xmlns:w=\"" W_NS "\"><w:body><w:p>";
	struct tpart p1[] = {{"[Content_Types].xml", ct_xml, 0},
	                     {"_rels/.rels", root_rels, 0},
	                     {"word/document.xml", xxe, 0}};
	struct tpart p2[] = {{"[Content_Types].xml", ct_xml, 0},
	                     {"_rels/.rels", root_rels, 0},
	                     {"word/document.xml", broken, 0}};
	size_t len;
	unsigned char *z = docx_zip(p1, 3, &len);
	char *got = docx_read_dump(z, len);
	assert_non_null(strstr(got, "ERROR: "));
	assert_non_null(strstr(got, "DOCTYPE"));
	assert_null(strstr(got, "root:"));
	free(got);
	free(z);
	z = docx_zip(p2, 3, &len);
	got = docx_read_dump(z, len);
	assert_non_null(strstr(got, "ERROR: t.docx:word/document.xml:"));
	assert_non_null(strstr(got, "malformed XML"));
	free(got);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(split_runs_and_wrappers),
	    cmocka_unit_test(special_characters),
	    cmocka_unit_test(fields),
	    cmocka_unit_test(tracked_changes),
	    cmocka_unit_test(text_boxes_and_shapes),
	    cmocka_unit_test(alternate_content),
	    cmocka_unit_test(hidden_and_caps),
	    cmocka_unit_test(legacy_font_runs),
	    cmocka_unit_test(bold_italic_hints),
	    cmocka_unit_test(alignment_and_headings),
	    cmocka_unit_test(page_breaks),
	    cmocka_unit_test(sections),
	    cmocka_unit_test(footnotes),
	    cmocka_unit_test(strict_namespaces),
	    cmocka_unit_test(package_main_part),
	    cmocka_unit_test(not_word_packages),
	    cmocka_unit_test(hostile_xml),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
