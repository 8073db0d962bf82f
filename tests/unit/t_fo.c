/* t_fo.c - the layout vocabulary: lengths, inherited properties, page
 * geometry, metadata, serialization, and the subset check (accepted
 * layouts, and each kind of layout outside the subset rejected with the
 * element or attribute and its line). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/diag.h"
#include "extract/base/xmlsafe.h"
#include "generate/layout/fo.h"

#define HEAD                                                                                       \
	"<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" "                                 \
	"xmlns:soan=\"urn:soan:layout\">\n"                                                        \
	"<fo:layout-master-set>\n"                                                                 \
	"<fo:simple-page-master master-name=\"p\" page-width=\"210mm\" page-height=\"297mm\"\n"    \
	" margin-top=\"10mm\" margin-bottom=\"20mm\" margin-left=\"30mm\" "                        \
	"margin-right=\"15mm\">\n"                                                                 \
	"<fo:region-body margin-top=\"10mm\"/><fo:region-before extent=\"10mm\"/>\n"               \
	"</fo:simple-page-master>\n"                                                               \
	"</fo:layout-master-set>\n"
/* HEAD is 7 lines: the flow's first child is on line 10 */
#define SEQ(body)                                                                                  \
	HEAD "<fo:page-sequence master-reference=\"p\" font-size=\"14pt\">\n"                      \
	     "<fo:flow flow-name=\"xsl-region-body\">\n" body                                      \
	     "\n</fo:flow></fo:page-sequence></fo:root>\n"

static xmlDocPtr load(const char *s, struct diag *d)
{
	diag_init(d, "t.fo");
	return fo_load("layout", s, strlen(s), d);
}

/* The layout is refused, and the message holds every word given and
 * names line (0: any). */
static void refused(const char *fo, unsigned line, const char *w1, const char *w2)
{
	struct diag d;
	xmlDocPtr doc = load(fo, &d);
	if (doc) {
		xmlFreeDoc(doc);
		fail_msg("accepted, should be refused for '%s'", w1);
	}
	assert_non_null(d.msg);
	if (!strstr(d.msg, w1) || (w2 && !strstr(d.msg, w2)))
		fail_msg("message '%s' does not name '%s' '%s'", d.msg, w1, w2 ? w2 : "");
	if (line && d.line != line)
		fail_msg("message '%s' at line %u, wanted %u", d.msg, d.line, line);
	assert_int_equal(d.kind, DIAG_INPUT);
	diag_release(&d);
}

static void accepted(const char *fo)
{
	struct diag d;
	xmlDocPtr doc = load(fo, &d);
	if (!doc)
		fail_msg("refused: %s (line %u)", d.msg ? d.msg : "?", d.line);
	xmlFreeDoc(doc);
	diag_release(&d);
}

static void lengths(void **state)
{
	(void)state;
	double pt;
	assert_int_equal(fo_length("20mm", 0, &pt), 0);
	assert_true(pt > 56.69 && pt < 56.70);
	assert_int_equal(fo_length("1.27cm", 0, &pt), 0);
	assert_true(pt > 35.99 && pt < 36.01);
	assert_int_equal(fo_length("14pt", 0, &pt), 0);
	assert_true(pt == 14);
	assert_int_equal(fo_length("0", 0, &pt), 0);
	assert_true(pt == 0);
	assert_int_equal(fo_length("50%", 20, &pt), 0);
	assert_true(pt == 10);
	assert_int_equal(fo_length("12", 0, &pt), -1);
	assert_int_equal(fo_length("12em", 0, &pt), -1);
	assert_int_equal(fo_length("", 0, &pt), -1);
	assert_int_equal(fo_length(NULL, 0, &pt), -1);
}

static xmlNodePtr find(xmlNodePtr n, const char *name)
{
	for (; n; n = n->next) {
		if (fo_is(n, name))
			return n;
		xmlNodePtr c = find(n->children, name);
		if (c)
			return c;
	}
	return NULL;
}

static void inheritance(void **state)
{
	(void)state;
	struct diag d;
	xmlDocPtr doc = load(SEQ("<fo:block space-before=\"6pt\" line-height=\"1.5\"><fo:inline "
	                         "font-weight=\"bold\">x</fo:inline></fo:block>"),
	                     &d);
	assert_non_null(doc);
	xmlNodePtr inl = find(xmlDocGetRootElement(doc), "inline");
	assert_non_null(inl);
	assert_string_equal(fo_prop(inl, "font-size", "12pt"), "14pt"); /* from the page-sequence */
	assert_string_equal(fo_prop(inl, "font-weight", "normal"), "bold");
	assert_string_equal(fo_prop(inl, "font-style", "normal"), "normal");
	/* space-before is not inherited */
	assert_null(fo_prop(inl, "space-before", NULL));
	assert_true(fo_prop_pt(inl->parent, "space-before", 0, 0) == 6);
	assert_true(fo_line_height(inl, 14) == 21);
	xmlFreeDoc(doc);
	diag_release(&d);
}

static void geometry(void **state)
{
	(void)state;
	const char *fo =
	    "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
	    "<fo:simple-page-master master-name=\"f\" page-width=\"297mm\" page-height=\"210mm\" "
	    "margin-top=\"10mm\" margin-bottom=\"15mm\" margin-left=\"30mm\" margin-right=\"15mm\">"
	    "<fo:region-body margin-top=\"10mm\"/></fo:simple-page-master>"
	    "<fo:simple-page-master master-name=\"r\" page-width=\"297mm\" page-height=\"210mm\" "
	    "margin-top=\"10mm\" margin-bottom=\"15mm\" margin-left=\"30mm\" margin-right=\"15mm\">"
	    "<fo:region-body margin-top=\"10mm\"/><fo:region-before extent=\"10mm\"/>"
	    "</fo:simple-page-master>"
	    "<fo:page-sequence-master master-name=\"l\"><fo:repeatable-page-master-alternatives>"
	    "<fo:conditional-page-master-reference master-reference=\"f\" page-position=\"first\"/>"
	    "<fo:conditional-page-master-reference master-reference=\"r\" page-position=\"rest\"/>"
	    "</fo:repeatable-page-master-alternatives></fo:page-sequence-master>"
	    "</fo:layout-master-set><fo:page-sequence master-reference=\"l\">"
	    "<fo:flow flow-name=\"xsl-region-body\"><fo:block>x</fo:block></fo:flow>"
	    "</fo:page-sequence></fo:root>";
	struct diag d;
	xmlDocPtr doc = load(fo, &d);
	assert_non_null(doc);
	struct fo_page first, rest;
	assert_int_equal(
	    fo_page_masters(find(xmlDocGetRootElement(doc), "page-sequence"), &first, &rest), 0);
	assert_true(rest.width > rest.height); /* landscape */
	assert_true(fabs(rest.top - 20 * 72 / 25.4) < 0.01);
	assert_true(fabs(rest.bottom - 15 * 72 / 25.4) < 0.01);
	assert_true(fabs(rest.left - 30 * 72 / 25.4) < 0.01);
	assert_true(rest.has_header && fabs(rest.header - 10 * 72 / 25.4) < 0.01);
	assert_false(first.has_header);
	xmlFreeDoc(doc);
	diag_release(&d);
}

static void metadata_and_text(void **state)
{
	(void)state;
	const char *fo =
	    "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
	    "<fo:simple-page-master master-name=\"p\" page-width=\"210mm\" page-height=\"297mm\">"
	    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
	    "<fo:declarations><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
	    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
	    "rdf:about=\"\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Kế hoạch &amp; X</dc:title>"
	    "<dc:creator>Ủy ban nhân dân tỉnh Hà Tĩnh</dc:creator></rdf:Description></rdf:RDF>"
	    "</x:xmpmeta></fo:declarations>"
	    "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
	    "<fo:block>a  <fo:inline font-style=\"italic\">b</fo:inline> c</fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>";
	struct diag d;
	xmlDocPtr doc = load(fo, &d);
	assert_non_null(doc);
	char *t = fo_meta(doc, "title");
	assert_string_equal(t, "Kế hoạch & X");
	free(t);
	char *c = fo_meta(doc, "creator");
	assert_string_equal(c, "Ủy ban nhân dân tỉnh Hà Tĩnh");
	free(c);
	assert_null(fo_meta(doc, "subject"));
	struct buf b = BUF_INIT;
	fo_serialize(doc, &b);
	/* containers one child per line; the block's text exactly as it was */
	assert_non_null(strstr(b.ptr, "\n  <fo:layout-master-set>\n    <fo:simple-page-master"));
	assert_non_null(strstr(
	    b.ptr, "<fo:block>a  <fo:inline font-style=\"italic\">b</fo:inline> c</fo:block>"));
	assert_non_null(strstr(b.ptr, "<dc:title>Kế hoạch &amp; X</dc:title>"));
	/* what it writes is itself a layout that loads */
	struct diag d2;
	xmlDocPtr again = load(b.ptr, &d2);
	assert_non_null(again);
	struct buf b2 = BUF_INIT;
	fo_serialize(again, &b2);
	assert_string_equal(b.ptr, b2.ptr);
	buf_release(&b);
	buf_release(&b2);
	xmlFreeDoc(again);
	xmlFreeDoc(doc);
	diag_release(&d);
	diag_release(&d2);
}

static void subset_accepted(void **state)
{
	(void)state;
	accepted(SEQ(
	    "<fo:block id=\"s1\" text-align=\"justify\" text-indent=\"1.27cm\" "
	    "space-before=\"6pt\" "
	    "keep-with-next=\"always\" font-weight=\"bold\">I. MỤC ĐÍCH</fo:block>"
	    "<fo:block text-align=\"center\" line-height=\"4pt\"><fo:leader "
	    "leader-pattern=\"rule\" "
	    "leader-length=\"30mm\" rule-thickness=\"0.5pt\"/></fo:block>"
	    "<fo:block>Số:<fo:leader leader-pattern=\"space\" leader-length=\"12mm\"/>/KH-UBND "
	    "<soan:field name=\"result\" hint=\"Nhập kết quả\"><fo:leader leader-pattern=\"dots\" "
	    "leader-length=\"60mm\"/></soan:field> <soan:change old=\"2025\">2026</soan:change> "
	    "<fo:page-number/></fo:block>"
	    "<fo:table table-layout=\"fixed\" width=\"30mm\" border-collapse=\"collapse\">"
	    "<fo:table-column column-width=\"10mm\"/><fo:table-column column-width=\"20mm\"/>"
	    "<fo:table-header><fo:table-row font-weight=\"bold\"><fo:table-cell border=\"0.5pt "
	    "solid "
	    "black\" "
	    "padding=\"1mm\"><fo:block>a</fo:block></fo:table-cell><fo:table-cell><fo:block>b"
	    "</fo:block></fo:table-cell></fo:table-row></fo:table-header><fo:table-body>"
	    "<fo:table-row><fo:table-cell number-rows-spanned=\"2\" "
	    "display-align=\"center\"><fo:block>"
	    "c</fo:block></fo:table-cell><fo:table-cell><fo:block>d</fo:block></fo:table-cell>"
	    "</fo:table-row><fo:table-row><fo:table-cell><fo:block>e</fo:block></fo:table-cell>"
	    "</fo:table-row><fo:table-row><fo:table-cell number-columns-spanned=\"2\"><fo:block>f"
	    "</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>"));
}

static void subset_refused(void **state)
{
	(void)state;
	/* elements and attributes outside the subset, with their line */
	refused(SEQ("<fo:float><fo:block>x</fo:block></fo:float>"), 10, "fo:float", "outside");
	refused(SEQ("<fo:block>\n<fo:external-graphic src=\"x.png\"/></fo:block>"), 11,
	        "fo:external-graphic", NULL);
	refused(SEQ("<fo:block color=\"red\">x</fo:block>"), 10, "'color'", "fo:block");
	refused(SEQ("<fo:block xml:lang=\"vi\">x</fo:block>"), 10, "xml:lang", NULL);
	refused(SEQ("<fo:block><b xmlns=\"urn:x\">x</b></fo:block>"), 10, "outside", NULL);
	refused(SEQ("<fo:block><soan:comment>x</soan:comment></fo:block>"), 10, "soan:comment",
	        NULL);
	/* values */
	refused(SEQ("<fo:block font-weight=\"900\">x</fo:block>"), 10, "font-weight", "900");
	refused(SEQ("<fo:block text-indent=\"5%\">x</fo:block>"), 10, "text-indent", "5%");
	refused(SEQ("<fo:block space-before=\"-6pt\">x</fo:block>"), 10, "space-before", NULL);
	refused(SEQ("<fo:block border-bottom=\"thick\">x</fo:block>"), 10, "border-bottom", NULL);
	refused(SEQ("<fo:block line-height=\"9\">x</fo:block>"), 10, "line-height", NULL);
	refused(SEQ("<fo:block id=\"1a\">x</fo:block>"), 10, "id", "1a");
	/* required attributes and children, order, text where none may be */
	refused(SEQ("<fo:block><fo:leader leader-pattern=\"rule\"/></fo:block>"), 10,
	        "leader-length", NULL);
	refused(SEQ("<fo:block><soan:field name=\"x\"/></fo:block>"), 10, "hint", NULL);
	refused(SEQ("loose text"), 0, "text outside a block", "fo:flow");
	refused(
	    HEAD
	    "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
	    "<fo:block>x</fo:block></fo:flow><fo:static-content flow-name=\"xsl-region-before\">"
	    "<fo:block>1</fo:block></fo:static-content></fo:page-sequence></fo:root>",
	    0, "fo:static-content", "order");
	refused(HEAD "<fo:page-sequence master-reference=\"p\"></fo:page-sequence></fo:root>", 0,
	        "lacks", "fo:flow");
	refused(HEAD "</fo:root>", 0, "lacks", "fo:page-sequence");
	/* what RelaxNG cannot say */
	refused(
	    SEQ("<fo:table table-layout=\"fixed\"><fo:table-column column-width=\"10mm\"/>"
	        "<fo:table-body><fo:table-row><fo:table-cell><fo:block>a</fo:block></fo:table-cell>"
	        "<fo:table-cell><fo:block>b</fo:block></fo:table-cell></fo:table-row></"
	        "fo:table-body>"
	        "</fo:table>"),
	    10, "more cells than the table has columns", NULL);
	refused(
	    SEQ("<fo:table table-layout=\"fixed\"><fo:table-column column-width=\"10mm\"/>"
	        "<fo:table-body><fo:table-row><fo:table-cell number-rows-spanned=\"3\"><fo:block>a"
	        "</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>"),
	    0, "spans more rows", NULL);
	refused(
	    HEAD
	    "<fo:page-sequence master-reference=\"nope\"><fo:flow flow-name=\"xsl-region-body\">"
	    "<fo:block>x</fo:block></fo:flow></fo:page-sequence></fo:root>",
	    8, "does not exist", "nope");
	refused(SEQ("<fo:block id=\"a\">x</fo:block><fo:block id=\"a\">y</fo:block>"), 10,
	        "two elements", "'a'");
	refused(
	    HEAD
	    "<fo:bookmark-tree><fo:bookmark internal-destination=\"s9\"><fo:bookmark-title>I"
	    "</fo:bookmark-title></fo:bookmark></fo:bookmark-tree><fo:page-sequence "
	    "master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\"><fo:block>x</fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>",
	    8, "bookmark", "s9");
	refused(HEAD "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"other\">"
	             "<fo:block>x</fo:block></fo:flow></fo:page-sequence></fo:root>",
	        8, "flow-name", NULL);
	/* not XSL-FO at all */
	refused("<plan version=\"1\"/>", 0, "fo:root", NULL);
}

int main(void)
{
	xmlsafe_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(lengths),         cmocka_unit_test(inheritance),
	    cmocka_unit_test(geometry),        cmocka_unit_test(metadata_and_text),
	    cmocka_unit_test(subset_accepted), cmocka_unit_test(subset_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
