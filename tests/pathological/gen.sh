#!/bin/sh
# tests/pathological/gen.sh DIR [NAME...] - write the pathological inputs
# into DIR: all of them, or only the NAMEs given.
#
# Each file either passes one limit of extract/base/limits.h by a little (its
# name says which) or is large or odd in a way that once cost soan time
# quadratic in its size; tests/cli/t0300-limits.sh runs each with a time
# limit.  Generated rather than committed: most are megabytes of
# repetition, and the script says what each one is.  The DOCX ones (zip
# bombs, entity bomb part) are written by tests/pathological/docx.py.
set -eu
dir=$1
mkdir -p "$dir"
shift
exec python3 - "$dir" "$@" <<'PY'
import os, sys
d = sys.argv[1]
only = set(sys.argv[2:])

def wanted(name):
    return not only or name in only

def w(name, text):
    if not wanted(name):
        return
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text() if callable(text) else text)

# A plan's first lines, so the recognizer gets as far as the body.
HEAD = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\tHà Tĩnh, ngày 1 tháng 2 năm 2020\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2020\n\nI. NỘI DUNG\n\n")
MDHEAD = "# KẾ HOẠCH\n\nThực hiện nhiệm vụ năm 2020\n\n## I. NỘI DUNG\n\n"

# ---- limits: each file passes one by a little --------------------------
# LIMIT_FILE_BYTES: 64 MiB and one byte, sparse (no disk used)
if wanted("LIMIT_FILE_BYTES.txt"):
    with open(os.path.join(d, "LIMIT_FILE_BYTES.txt"), "wb") as f:
        f.truncate(64 * 1024 * 1024 + 1)
# LIMIT_TEXT_LINES: 4,000,001 empty lines
w("LIMIT_TEXT_LINES.txt", lambda: "\n" * 4000001)
# LIMIT_BLOCKS: 1,000,001 one-letter paragraphs
w("LIMIT_BLOCKS.txt", lambda: "a\n" * 1000001)
# LIMIT_PARAGRAPH_BYTES: one line of 1 MiB and one byte ...
w("LIMIT_PARAGRAPH_BYTES.txt", lambda: HEAD + "x" * (1024 * 1024 + 1) + "\n")
# ... and a markdown paragraph of 20,000 short lines (1.2 MB joined)
w("LIMIT_PARAGRAPH_BYTES.md", lambda: MDHEAD + "một dòng của đoạn văn rất dài, nối với dòng sau\n" * 20000)
# LIMIT_TABLE_ROWS: a tab-separated table of 100,001 rows
w("LIMIT_TABLE_ROWS.txt", lambda: HEAD + "TT\tNội dung\tCơ quan chủ trì\tThời gian\n" +
  "".join("%d\tNhiệm vụ %d\tSở Nội vụ\tNăm 2020\n" % (i, i) for i in range(1, 100002)))
# LIMIT_TABLE_CELLS: a row of 1,001 cells
w("LIMIT_TABLE_CELLS.txt", HEAD + "\t".join("c%d" % i for i in range(1001)) + "\n" + "a\tb\n")
# LIMIT_CELLS: 10,001 rows of 100 cells, a million cells and more (all
# but the first empty, so that LIMIT_BLOCKS is not reached first)
w("LIMIT_CELLS.txt", lambda: HEAD + ("x" + "\t" * 99 + "\n") * 10001)
# LIMIT_TABLE_NESTING: HTML tables nested nine deep in markdown
w("LIMIT_TABLE_NESTING.md", MDHEAD + "<table><tr><td>" * 9 + "x" + "</td></tr></table>" * 9 + "\n")
# LIMIT_TABLE_GRID: one row spanning 1,000 columns over 2,001 rows
w("LIMIT_TABLE_GRID.md", lambda: MDHEAD + '<table><tr><td colspan="1000">a</td></tr>\n'
  + "<tr><td>x</td></tr>\n" * 2000 + "</table>\n")
# LIMIT_TABLE_TEXT_BYTES: 1.8 MB of text in a cell spanning 70 columns
w("LIMIT_TABLE_TEXT_BYTES.md", lambda: MDHEAD + '<table><tr><td>TT</td><td colspan="70">Nội dung</td></tr>'
  '<tr><td>1</td><td colspan="70">\n' + ("<p>" + "chữ " * 100000 + "</p>\n") * 3 + "</td></tr></table>\n")
# LIMIT_XML_DEPTH: plan XML 257 elements deep, and an HTML table's cell
# holding 300 nested divs
w("LIMIT_XML_DEPTH.xml", "<plan>" + "<section>" * 256 + "</section>" * 256 + "</plan>\n")
w("LIMIT_XML_DEPTH.md", MDHEAD + "<table><tr><td>" + "<div>" * 300 + "x" + "</div>" * 300 + "</td></tr></table>\n")
# LIMIT_XML_NODES: 2,000,001 empty elements (8 MB)
w("LIMIT_XML_NODES.xml", lambda: "<plan>" + "<p/>" * 2000001 + "</plan>\n")
# LIMIT_XML_ATTRS: an element with 257 attributes
w("LIMIT_XML_ATTRS.xml", "<plan><p " + " ".join('a%d=""' % i for i in range(257)) + "/></plan>\n")
# LIMIT_XML_NAMESPACES: 258 namespaces in scope, two per element
w("LIMIT_XML_NAMESPACES.xml", "<plan>" + "".join('<s xmlns:a%d="urn:x" xmlns:b%d="urn:x">' % (i, i)
  for i in range(129)) + "</s>" * 129 + "</plan>\n")

# ---- DOCX: zip limits and a hostile part ---------------------------------
# (the entity definitions of a billion laughs, used here and below)
laughs = ['<!ENTITY l0 "ha">'] + ['<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10)]
import random, zipfile

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOCRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARA = '<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'
NUMPARA = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>'

def document(body):
    return '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body)

def docx(name, parts, extra=0):
    """parts: {name: text or callable}; extra: that many more empty entries."""
    if not wanted(name):
        return
    with zipfile.ZipFile(os.path.join(d, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOCRELS)
        for n, t in parts.items():
            t = t() if callable(t) else t
            z.writestr(n, t.encode("utf-8") if isinstance(t, str) else t)
        for i in range(extra):
            z.writestr("customXml/item%d.xml" % i, "")

def filler(nbytes):
    """XML elements that deflate about 100 times: no zip bomb, but large.
    (Text, not long attribute values: libxml2 2.9.14 stops with "Huge
    input lookup" on a part over 10 MB that ends in those.)"""
    rnd = random.Random(1)
    line = "<x>" + "lorem ipsum dolor sit amet " * 30
    n = nbytes // (len(line) + 11)
    return "".join(line + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) + "</x>\n"
                   for _ in range(n))

# LIMIT_ZIP_ENTRIES: 4,097 entries and more
docx("LIMIT_ZIP_ENTRIES.docx", {"word/document.xml": document(PARA)}, extra=4097)
# LIMIT_ZIP_RATIO: 8 MB of spaces in document.xml deflate over 1,000 times
docx("LIMIT_ZIP_RATIO.docx", {"word/document.xml": lambda: document(PARA + " " * (8 << 20))})
# LIMIT_ZIP_ENTRY_BYTES: one part inflating to 129 MB (checked before the ratio)
docx("LIMIT_ZIP_ENTRY_BYTES.docx", {"word/document.xml": lambda: document(PARA + " " * (129 << 20))})
# LIMIT_ZIP_TOTAL_BYTES: document.xml and styles.xml of 120 MB each, both
# sound and read, then numbering.xml (read for the numbered paragraph)
# passes 256 MB together; each deflates only ~100 times
docx("LIMIT_ZIP_TOTAL_BYTES.docx", {
    "word/document.xml": lambda: document(NUMPARA + filler(120 << 20)),
    "word/styles.xml": lambda: '<?xml version="1.0"?><w:styles %s>%s</w:styles>' % (W, filler(120 << 20)),
    "word/numbering.xml": lambda: '<?xml version="1.0"?><w:numbering %s>%s</w:numbering>' % (W, filler(20 << 20)),
})
# A billion laughs in document.xml: refused for its DOCTYPE, never expanded
docx("entity-bomb.docx", {"word/document.xml": lambda: '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n'
     + "\n".join(laughs) + "\n]>\n" + document("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>")[len('<?xml version="1.0" encoding="UTF-8"?>'):]})
# LIMIT_XML_DEPTH in a part: tables nested far past what Word allows are
# refused at LIMIT_TABLE_NESTING first, so plain nesting: 300 levels of
# unknown elements inside the body
docx("LIMIT_XML_DEPTH.docx", {"word/document.xml": document(PARA + "<x>" * 300 + "</x>" * 300)})
# LIMIT_XML_NODES in document.xml: 1,000,001 empty paragraphs, each with
# an attribute (random, so that the part is no zip bomb)
docx("LIMIT_XML_NODES.docx", {"word/document.xml": lambda: document("".join(
     '<w:p w:rsidR="%08X"/>' % random.Random(i).getrandbits(32) for i in range(1000001)))})

# ---- refused whatever their size ---------------------------------------
# Billion laughs in plan XML: never expanded, refused for its DOCTYPE
w("entity-bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE plan [\n' + "\n".join(laughs) + "\n]>\n<plan>&l9;</plan>\n")

# A DOCTYPE where a scan of the bytes missed it and libxml2 kept the
# entities (issue 15, item 1); tests/cli/t0255-doctype.sh runs these.
# The 3 KB DOCX: a comment holding "<w:x" before the DOCTYPE; its one
# entity is 1 MB of text (document.xml deflates 350 times, under the
# zip limits) and 630 paragraphs refer to it: 640 MB of plan XML.
def doctype_docx():
    body = ('<w:document %s><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>' % W
            + '<w:p><w:r><w:t>&e;</w:t></w:r></w:p>' * 630 + '</w:body></w:document>')
    leaf = (1040000 - len(body.encode()) - 200) // len("Sở vụ. ".encode())
    return ('<?xml version="1.0" encoding="UTF-8"?><!-- <w:x --><!DOCTYPE w:document '
            '[<!ENTITY e "%s">]>' % ("Sở vụ. " * leaf) + body)
docx("doctype-after-comment.docx", {"word/document.xml": doctype_docx})
# Plan XML whose DOCTYPE follows 70 KB of comment (has_doctype read 64 KB):
# 13,700 references to a 10 KB entity in plan/@version made `soan
# validate` take minutes (RelaxNG joins the expanded value, quadratically)
PLANDOC = ('<plan version="%s"><meta><issuer>Ủy ban nhân dân tỉnh Hà Tĩnh</issuer>'
           '<doctype code="KH">Kế hoạch</doctype><title>T</title></meta><body>'
           '<section kind="other" number="1" heading="%s"><p>a</p></section></body></plan>\n')
w("doctype-after-70k.xml", lambda: '<?xml version="1.0" encoding="UTF-8"?>\n<!--' + " " * 70000 + "-->\n"
  '<!DOCTYPE plan [<!ENTITY e0 "' + "x" * 100 + '"><!ENTITY e1 "' + "&e0;" * 10 + '"><!ENTITY e2 "'
  + "&e1;" * 10 + '">]>\n' + PLANDOC % ("&e2;" * 13700, "H"))
# The same DOCTYPE in every encoding libxml2 detects by itself: UTF-16
# with and without a byte order mark, UTF-8 with one, after a comment.
def small_doctype(enc):
    return ('<?xml version="1.0" encoding="%s"?>\n<!DOCTYPE plan [<!ENTITY e "Sở Nội vụ">]>\n' % enc
            + PLANDOC % ("1", "&e;"))
def wb(name, data):
    if wanted(name):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
wb("doctype-utf16le.xml", b"\xff\xfe" + small_doctype("UTF-16").encode("utf-16-le"))
wb("doctype-utf16be-nobom.xml", small_doctype("UTF-16").encode("utf-16-be"))
wb("doctype-utf8bom.xml", b"\xef\xbb\xbf" + small_doctype("UTF-8").encode())
w("doctype-comment.xml", small_doctype("UTF-8").replace("\n", "\n<!-- <plan -->\n", 1))
w("doctype-public.xml", '<?xml version="1.0"?>\n<!DOCTYPE plan PUBLIC "-//soan//x" "http://example.com/x.dtd">\n'
  + PLANDOC % ("1", "H"))
# in a DOCX part, and in a layout (soan generate x.fo), as UTF-16
docx("doctype-utf16.docx", {"word/document.xml": lambda: ('<?xml version="1.0" encoding="UTF-16"?>'
     '<!DOCTYPE w:document [<!ENTITY e "Kế hoạch">]>' + document("<w:p><w:r><w:t>&e;</w:t></w:r></w:p>")
     [len('<?xml version="1.0" encoding="UTF-8"?>'):]).encode("utf-16")})
FO = ('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master '
      'master-name="p" page-width="210mm" page-height="297mm"><fo:region-body/></fo:simple-page-master>'
      '</fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
      '<fo:block>%s</fo:block></fo:flow></fo:page-sequence></fo:root>\n')
wb("doctype-utf16.fo", ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE fo:root [<!ENTITY e "Kế hoạch">]>\n'
   + FO % "&e;").encode("utf-16"))
# Templates: a stylesheet in UTF-16 with a DOCTYPE; one that imports a
# stylesheet with a DOCTYPE after a comment; one whose document() reads a
# UTF-16 file with a DOCTYPE (362 KB: 170 MB of text through the template)
XSL = ('<?xml version="1.0" encoding="%s"?>\n%s<xsl:stylesheet version="1.0" '
       'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">%s'
       '<xsl:template match="/">' + FO.strip() + '</xsl:template></xsl:stylesheet>\n')
wb("doctype-utf16.xsl", (XSL % ("UTF-16", '<!DOCTYPE xsl:stylesheet [<!ENTITY e "x">]>\n', "", "&e;")).encode("utf-16"))
w("doctype-imported.xsl", XSL % ("UTF-8", '<!-- <xsl:x -->\n<!DOCTYPE xsl:stylesheet [<!ENTITY e "x">]>\n', "",
  "&e;"))
w("doctype-import.xsl", XSL % ("UTF-8", "", '<xsl:import href="doctype-imported.xsl"/>', "a"))
w("doctype-document.xsl", XSL % ("UTF-8", "", "", "<xsl:value-of select=\"document('doctype-document.data')\"/>"))
wb("doctype-document.data", ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "%s">]><d>%s</d>'
   % ("x" * 170000, "<p>&e;</p>" * 1000)).encode("utf-16"))

# ---- within the limits, and once slow ----------------------------------
# a 100,000-row table (the limit itself): read in seconds
w("ok-rows-100000.txt", lambda: HEAD + "TT\tNội dung\tCơ quan chủ trì\tThời gian\n" +
  "".join("%d\tNhiệm vụ %d\tSở Nội vụ\tNăm 2020\n" % (i, i) for i in range(1, 100000)))
# 50,000 table rows continued from the previous page (no number, no task):
# the recognizer rewrote the growing cell for each (quadratic)
w("ok-continued-rows.txt", lambda: HEAD + "TT\tNội dung\tCơ quan chủ trì\tThời gian\n1\tNhiệm vụ\tSở\t2020\n" +
  "".join("\t\tSở Nội vụ %d\t\n" % i for i in range(50000)))
# emphasis openers with no closer, and unclosed '<', '[' and '![' marks
# on one line each: each searched to the end of its line (quadratic)
w("ok-marks.md", lambda: MDHEAD + "*a " * 300000 + "\n\n" + "**a " * 200000 + "\n\n" + "<" * 900000 + "\n\n"
  + "[" * 900000 + "\n\n" + "![" * 400000 + "\n\n" + "[a]" * 300000 + "\n")
w("ok-marks.txt", lambda: HEAD + "*a " * 300000 + "\n" + "<" * 900000 + "\n")
# 50,000 closing-like lines ("Trong quá trình thực hiện ...") before one
# numbered heading: each looked ahead to the heading (quadratic)
w("ok-closing-lookahead.txt", lambda: HEAD + "".join("Trong quá trình thực hiện số %d, có vướng mắc thì báo cáo.\n\n" % i
  for i in range(50000)) + "1. Nhiệm vụ cuối cùng\n")
# 100,000 paragraphs of a plan body with headings, items and deadlines
w("ok-long-plan.txt", lambda: HEAD + "".join(
  "%d. Sở Nội vụ chủ trì thực hiện nhiệm vụ số %d, hoàn thành trước ngày 30/6/2020.\n"
  "- Trong quá trình thực hiện, nếu có vướng mắc, báo cáo Ủy ban nhân dân tỉnh.\n" % (i, i) for i in range(1, 50001)))
PY
