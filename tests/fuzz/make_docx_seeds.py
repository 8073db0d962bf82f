#!/usr/bin/python3
"""make_docx_seeds.py OUTDIR - hand-written WordprocessingML that reaches
the parts of the DOCX reader the corpus documents never use, as seeds for
tests/fuzz/fuzz_docx.c.

The corpus DOCX files are typed in Word by provincial offices: decimal
lists, plain tables, a footnote or two.  Replaying the fuzz corpus after
several million executions showed whole features of the reader never run:
most number formats, numbering styles, fields, symbols, hyphens, content
controls, deleted paragraph marks, merged and deleted cells, text boxes,
legacy-font runs.  The fuzzer seldom builds such structures from nothing,
so each seed here holds one family of them in a small plan-shaped
document:
  numbering.bin  every w:numFmt the reader knows, custom formats inside
                 mc:AlternateContent, start values past the easy ranges,
                 overrides, restarts, legal numbering, a numbering style
                 reached through w:numStyleLink, numbering from a style;
  inline.bin     fields (nested, and unbalanced), w:sym, soft and
                 non-breaking hyphens, breaks and tabs, note references
                 with footnotes and endnotes, caps, hidden and tracked
                 text, hyperlinks, content controls at every level, text
                 boxes (VML and DrawingML), a deleted paragraph mark,
                 runs in .VnTime, .VnTimeH and VNI-Times;
  tables.bin     grid gaps, spans, vertical and horizontal merges, deleted
                 cells and rows, header rows, borders, content controls
                 around rows and cells, a nested table, a landscape section.
Each seed is in the harness's parts format: option byte 0 (parts zipped by
the harness, stored), then document.xml, styles.xml, numbering.xml,
footnotes.xml, endnotes.xml, separated by "\\n==PART==\\n"; the harness
adds the relationships and content types."""
import os
import sys

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
NS = ('xmlns:w="%s" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'mc:Ignorable="w14"' % W)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SEP = '\n==PART==\n'
# a part a seed leaves empty is still a well-formed part
EMPTY = [None, None] + [HEAD + '<w:%s %s/>' % (k, NS) for k in ('numbering', 'footnotes', 'endnotes')]


def doc(body):
    return HEAD + '<w:document %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' \
        '</w:sectPr></w:body></w:document>' % (NS, body)


def p(text, ppr='', rpr=''):
    run = '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % rpr if rpr else '', text) if text else ''
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', run)


def num(num_id, ilvl):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num_id)


def styles(extra=''):
    return HEAD + ('<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>'
                   '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
                   '<w:sz w:val="28"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
                   '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
                   '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                   '<w:name w:val="Normal"/></w:style>'
                   '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
                   '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
                   '<w:rPr><w:b/><w:caps/></w:rPr></w:style>%s</w:styles>' % (NS, extra))


def lvl(i, fmt, text, start=1, extra=''):
    f = '<w:numFmt w:val="%s"/>' % fmt if fmt else ''
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/>%s<w:lvlText w:val="%s"/>%s'
            '<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>' %
            (i, start, f, text, extra, 720 * (i + 1)))


def custom(fmt_text, fallback='decimal'):
    """a custom number format as Word 2010 writes it"""
    return ('<mc:AlternateContent><mc:Choice Requires="w14">'
            '<w:numFmt w:val="custom" w:format="%s"/></mc:Choice>'
            '<mc:Fallback><w:numFmt w:val="%s"/></mc:Fallback></mc:AlternateContent>' %
            (fmt_text, fallback))


def numbering_seed():
    fmts0 = [('decimal', '%1.', 1), ('decimalZero', '%2.', 1), ('upperRoman', '%3.', 3998),
             ('lowerRoman', '%4)', 1), ('upperLetter', '%5.', 25), ('lowerLetter', '%6)', 700),
             ('ordinal', '%7', 11), ('vietnameseCounting', '%8', 19), ('russianLower', '%9)', 1)]
    fmts1 = [('russianUpper', '%1.', 30), ('decimalEnclosedCircle', '%2', 19),
             ('decimalEnclosedCircleChinese', '%3', 1), ('decimalFullWidth', '%4.', 8),
             ('chicago', '%5', 3), ('hex', '%6.', 250), ('bullet', '\uf0b7', 1),
             ('none', '', 1), ('cardinalText', '%9.', 1)]
    a0 = ''.join(lvl(i, f, t, s) for i, (f, t, s) in enumerate(fmts0))
    a1 = ''.join(lvl(i, f, t, s) for i, (f, t, s) in enumerate(fmts1))
    # custom formats: padded, Vietnamese letters, Roman, Latin, Cyrillic
    a2 = (lvl(0, None, '%1.', 1, custom('001, 002, 003, ...')) +
          lvl(1, None, '%1.%2.', 1, custom('a, b, c, d, \u0111, ...', 'lowerLetter')) +
          lvl(2, None, '%1.%2.%3.', 4, custom('A, B, C, D, \u0110, ...', 'upperLetter')) +
          lvl(3, None, '%4.', 1, custom('I, II, III, ...', 'upperRoman')) +
          lvl(4, None, '%5)', 1, custom('i, ii, iii, ...', 'lowerRoman')) +
          lvl(5, None, '%6)', 1, custom('\u0430, \u0431, \u0432, ...', 'russianLower')) +
          lvl(6, None, '%7)', 1, custom('\u0410, \u0411, \u0412, ...', 'russianUpper')) +
          lvl(7, 'decimal', '%1.%8', 1, '<w:isLgl/><w:lvlRestart w:val="0"/>') +
          lvl(8, None, '(%9)', 1, custom('0001, 0002, ...') + custom('', 'upperLetter')))
    # legal numbering and restarts, a picture bullet, a level with a style
    a3 = (lvl(0, 'upperRoman', 'Ph\u1ea7n %1.', 1, '<w:pStyle w:val="Heading1"/>') +
          lvl(1, 'decimal', '%1.%2.', 1, '<w:isLgl w:val="1"/>') +
          lvl(2, 'lowerLetter', '%3)', 1, '<w:lvlRestart w:val="1"/>') +
          lvl(3, 'bullet', '-', 1, '<w:lvlPicBulletId w:val="0"/>'
              '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'))
    linked = '<w:numStyleLink w:val="ListeKH"/>'
    numbering = (HEAD + '<w:numbering %s>' % NS +
                 '<w:num w:numId="9"><w:abstractNumId w:val="3"/></w:num>' +
                 '<w:abstractNum w:abstractNumId="0">%s</w:abstractNum>' % a0 +
                 '<w:abstractNum w:abstractNumId="1">%s</w:abstractNum>' % a1 +
                 '<w:abstractNum w:abstractNumId="2">%s</w:abstractNum>' % a2 +
                 '<w:abstractNum w:abstractNumId="3">%s</w:abstractNum>' % a3 +
                 '<w:abstractNum w:abstractNumId="4"><w:styleLink w:val="ListeKH"/>%s'
                 '</w:abstractNum>' % lvl(0, 'decimal', '%1)', 1) +
                 '<w:abstractNum w:abstractNumId="5">%s</w:abstractNum>' % linked +
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
                 '<w:lvlOverride w:ilvl="1">%s</w:lvlOverride>'
                 '<w:lvlOverride w:ilvl="12"><w:startOverride w:val="2"/></w:lvlOverride>'
                 '</w:num>' % lvl(1, 'upperLetter', '%2/', 3) +
                 '<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>'
                 '<w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>'
                 '<w:num w:numId="7"><w:abstractNumId w:val="42"/></w:num>'
                 '<w:num w:numId="8"/>'
                 '</w:numbering>')
    sty = styles('<w:style w:type="numbering" w:styleId="ListeKH"><w:name w:val="Liste KH"/>'
                 '<w:pPr>%s</w:pPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="M\u1ee5c"/>'
                 '<w:basedOn w:val="Normal"/><w:pPr>%s</w:pPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="M\u1ee5c con"/>'
                 '<w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>'
                 '</w:pPr></w:style>' % (num(5, 0), num(9, 0)))
    body = p('K\u1ebe HO\u1ea0CH', '<w:jc w:val="center"/>', '<w:b/>')
    for n, levels in ((1, 9), (2, 9), (3, 9), (4, 2)):
        for i in range(levels):
            for k in range(2):
                body += p('M\u1ee5c %d c\u1ea5p %d, l\u1ea7n %d' % (n, i, k), num(n, i))
    body += p('Ti\u1ebfp t\u1ee5c c\u1ea5p 0 sau c\u1ea5p 8', num(1, 0))
    body += p('Ph\u1ea7n theo ki\u1ec3u', '<w:pStyle w:val="Muc"/>')
    body += p('M\u1ee5c con theo ki\u1ec3u', '<w:pStyle w:val="MucCon"/>')
    body += p('M\u1ee5c a', num(9, 2)) + p('M\u1ee5c b', num(9, 2))
    body += p('M\u1ee5c 1.1', num(9, 1)) + p('M\u1ee5c a l\u1ea1i', num(9, 2))
    body += p('G\u1ea1ch \u0111\u1ea7u d\u00f2ng', num(9, 3))
    body += p('Danh s\u00e1ch li\u00ean k\u1ebft', num(6, 0)) + p('Ti\u1ebfp', num(6, 0))
    body += p('Theo ki\u1ec3u danh s\u00e1ch', num(5, 0))
    body += p('Kh\u00f4ng c\u00f3 \u0111\u1ecbnh ngh\u0129a', num(7, 0))
    body += p('Kh\u00f4ng c\u00f3 g\u00ec', num(8, 0)) + p('S\u1ed1 0', num(0, 0))
    body += p('C\u1ea5p ngo\u00e0i', num(1, 11)) + p('Kh\u00f4ng s\u1ed1', num(99, 0))
    body += p('T\u1eaft s\u1ed1 trong \u0111o\u1ea1n', '<w:pStyle w:val="Muc"/>' + num(0, 0))
    return doc(body), sty, numbering, '', ''


def r(text, rpr=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % rpr if rpr else '', text)


def fld(kind):
    return '<w:r><w:fldChar w:fldCharType="%s"/></w:r>' % kind


def instr(code):
    return '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>' % code


def inline_seed():
    b = p('\u1ee6Y BAN NH\u00c2N D\u00c2N T\u1ec8NH', '', '<w:b/>')
    # fields: a page number, a nested field, an unbalanced one
    b += ('<w:p>' + r('Trang ') + fld('begin') + instr('PAGE') + fld('separate') + r('3') +
          fld('end') + r(' c\u1ee7a ') + fld('begin') + instr('IF') + fld('begin') +
          instr('NUMPAGES') + fld('separate') + r('9') + fld('end') + instr('> 1 "c\u00f3"') +
          fld('separate') + r('c\u00f3') + fld('end') + '</w:p>')
    b += '<w:p>' + fld('end') + fld('separate') + r('Th\u1eeba k\u1ebft th\u00fac') + '</w:p>'
    b += ('<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>23/11/2026</w:t></w:r></w:fldSimple>'
          '</w:p>')
    # symbols, hyphens, breaks, tabs
    b += ('<w:p>' + r('a') + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' +
          '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Webdings" '
          'w:char="0061"/><w:sym w:font="ZapfDingbats" w:char="2714"/>'
          '<w:sym w:font="Times New Roman" w:char="00E0"/><w:sym w:char="zz"/>'
          '<w:sym w:font="Symbol" w:char="110000"/></w:r>' + r('Kinh') +
          '<w:r><w:softHyphen/></w:r>' + r('ph\u00ed') + '<w:r><w:noBreakHyphen/></w:r>' +
          r('n\u0103m') + '<w:r><w:tab/><w:ptab w:relativeTo="margin" w:alignment="right" '
          'w:leader="none"/><w:cr/><w:br/><w:br w:type="textWrapping"/>'
          '<w:br w:type="column"/></w:r>' + r('sau ng\u1eaft') +
          '<w:r><w:br w:type="page"/><w:lastRenderedPageBreak/></w:r>' + r('trang m\u1edbi') +
          '</w:p>')
    # notes, a custom mark, caps, small caps, hidden, tracked changes
    b += ('<w:p>' + r('C\u0103n c\u1ee9 Lu\u1eadt') +
          '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
          '<w:footnoteReference w:id="1"/></w:r>' +
          '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>' +
          '<w:r><w:endnoteReference w:id="1"/></w:r>' +
          '<w:r><w:endnoteReference w:id="77"/></w:r>' + r(' v\u00e0 ') +
          r('quy \u0111\u1ecbnh', '<w:caps/>') + r('ch\u1eef nh\u1ecf', '<w:smallCaps/>') +
          r('t\u1eaft hoa', '<w:caps w:val="0"/>') + r('\u1ea9n', '<w:vanish/>') +
          '<w:del w:id="3" w:author="A"><w:r><w:delText>x\u00f3a</w:delText></w:r></w:del>'
          '<w:ins w:id="4" w:author="A"><w:r><w:t>th\u00eam</w:t></w:r></w:ins>'
          '<w:moveFrom w:id="5" w:author="A"><w:r><w:t>chuy\u1ec3n \u0111i</w:t></w:r>'
          '</w:moveFrom><w:moveTo w:id="6" w:author="A"><w:r><w:t>chuy\u1ec3n \u0111\u1ebfn'
          '</w:t></w:r></w:moveTo>'
          '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/'
          'officeDocument/2006/relationships"><w:r><w:t>li\u00ean k\u1ebft</w:t></w:r>'
          '</w:hyperlink><w:smartTag w:element="place"><w:r><w:t>H\u00e0 T\u0129nh</w:t>'
          '</w:r></w:smartTag><w:customXml w:element="x"><w:r><w:t>xml</w:t></w:r>'
          '</w:customXml>' +
          '<w:sdt><w:sdtPr><w:alias w:val="n"/></w:sdtPr><w:sdtContent>' + r('trong sdt') +
          '</w:sdtContent></w:sdt><w:sdt><w:sdtPr/></w:sdt></w:p>')
    # a heading in a caps style, a page break before, a deleted paragraph
    # mark joining two paragraphs, a drop cap
    b += p('m\u1ee5c \u0111\u00edch', '<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>')
    b += p('\u0110o\u1ea1n c\u00f3 d\u1ea5u \u0111o\u1ea1n b\u1ecb x\u00f3a, ',
           '<w:rPr><w:del w:id="7" w:author="A"/></w:rPr>')
    b += p('ghép v\u1edbi \u0111o\u1ea1n sau.', '<w:jc w:val="distribute"/>')
    b += p('X\u00f3a c\u1ea3 \u0111o\u1ea1n cu\u1ed1i b\u00e0i', '<w:rPr><w:del w:id="8" '
           'w:author="A"/></w:rPr>')
    b += p('T', '<w:framePr w:dropCap="drop" w:lines="3"/>') + p('rong n\u0103m 2026.')
    b += p('N', '<w:framePr w:dropCap="margin"/>', '<w:caps/>') + p('h\u1eefng vi\u1ec7c.')
    # block-level content controls, one inside another
    b += ('<w:sdt><w:sdtContent>' + p('\u0110o\u1ea1n trong sdt') +
          '<w:sdt><w:sdtContent>' + p('sdt l\u1ed3ng') + '</w:sdtContent></w:sdt>'
          '</w:sdtContent></w:sdt>')
    b += '<w:customXml w:element="muc">' + p('\u0110o\u1ea1n trong customXml') + '</w:customXml>'
    # text boxes: VML, DrawingML in AlternateContent, one inside another
    txbx = '<w:txbxContent>%s</w:txbxContent>'
    b += ('<w:p>' + r('Tr\u01b0\u1edbc h\u1ed9p') +
          '<w:r><w:pict><v:shape><v:textbox>' + txbx % p('S\u1ed1: 12/KH-UBND') +
          '</v:textbox></v:shape></w:pict></w:r>' +
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
          '<a:graphic><a:graphicData><wps:wsp><wps:txbx>' +
          txbx % (p('H\u1ed9p ngo\u00e0i') + '<w:p><w:r><w:pict><v:shape><v:textbox>' +
                  txbx % p('H\u1ed9p trong') + '</v:textbox></v:shape></w:pict></w:r></w:p>') +
          '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
          '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' + txbx % p('d\u1ef1 ph\u00f2ng') +
          '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
          r('Sau h\u1ed9p') + '</w:p>')
    # legacy Vietnamese fonts: TCVN3 (ABC), its capitals font, VNI
    b += p('C\u00e9ng hoµ x· h\u00e9i chñ ngh\u00dca ViÖt Nam', '',
           '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')
    b += p('\u00a7\u00e9c lËp - Tù do - H¹nh phóc', '',
           '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>')
    b += p('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', '',
           '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>')
    b += p('Theme', '', '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')
    b += ('<w:p><w:pPr><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:pPr>' +
          r('KÕ ho¹ch', '<w:rStyle w:val="VnChar"/>') + r('n\u0103m', '<w:rStyle w:val="None"/>') +
          '</w:p>')
    b += p('', '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
           '<w:type w:val="nextPage"/></w:sectPr>')
    b += p('N\u01a1i nh\u1eadn:', '<w:jc w:val="left"/>', '<w:b/><w:i/>')
    # a field never closed hides everything after it, as in Word
    b += '<w:p>' + fld('begin') + instr('REF _Ref1') + r('M\u1ea5t k\u1ebft th\u00fac') + '</w:p>'
    b += p('Kh\u00f4ng hi\u1ec7n')
    sty = styles('<w:style w:type="character" w:styleId="VnChar"><w:name w:val="Vn"/>'
                 '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:caps/></w:rPr>'
                 '</w:style>'
                 '<w:style w:type="character" w:styleId="Loop1"><w:basedOn w:val="Loop2"/>'
                 '</w:style><w:style w:type="character" w:styleId="Loop2">'
                 '<w:basedOn w:val="Loop1"/></w:style>')
    notes = ('<w:%(k)s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:%(k)s><w:%(k)s w:id="1"><w:p><w:r><w:%(k)sRef/></w:r>' + r(' Lu\u1eadt s\u1ed1 1') +
             '</w:p><w:p>' + r('d\u00f2ng hai') + '</w:p></w:%(k)s>'
             '<w:%(k)s w:id="2"><w:p>' + r('Ghi ch\u00fa') + '</w:p></w:%(k)s>')
    foot = HEAD + '<w:footnotes %s>%s</w:footnotes>' % (NS, notes % {'k': 'footnote'})
    end = HEAD + '<w:endnotes %s>%s</w:endnotes>' % (NS, notes % {'k': 'endnote'})
    return doc(b), sty, '', foot, end


def tc(text, tcpr=''):
    return '<w:tc>%s%s</w:tc>' % ('<w:tcPr>%s</w:tcPr>' % tcpr if tcpr else '', p(text))


def tr(cells, trpr=''):
    return '<w:tr>%s%s</w:tr>' % ('<w:trPr>%s</w:trPr>' % trpr if trpr else '', cells)


def tbl(rows, cols=4, tblpr=''):
    grid = ''.join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>%s</w:tblPr><w:tblGrid>%s'
            '</w:tblGrid>%s</w:tbl>' % (tblpr, grid, rows))


def tables_seed():
    borders = ('<w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="nil"/>'
               '<w:insideH w:val="none"/><w:insideV w:val="single"/></w:tblBorders>')
    head = tr(tc('TT') + tc('N\u1ed9i dung') + tc('Ch\u1ee7 tr\u00ec') + tc('Th\u1eddi gian'),
              '<w:tblHeader/>')
    rows = head
    rows += tr(tc('1') + tc('Tuy\u00ean truy\u1ec1n', '<w:vMerge w:val="restart"/>') +
               tc('S\u1edf T\u01b0 ph\u00e1p') + tc('Qu\u00fd I'))
    rows += tr(tc('2') + tc('', '<w:vMerge/>') + tc('S\u1edf N\u1ed9i v\u1ee5') + tc('Qu\u00fd II'))
    rows += tr(tc('3') + tc('G\u1ed9p hai c\u1ed9t', '<w:gridSpan w:val="2"/>') + tc('N\u0103m'))
    rows += tr(tc('4') + tc('Ngang', '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge/>') +
               tc('Th\u00e1ng 6'))
    rows += tr(tc('5') + tc('C\u00f3 l\u1ec1 tr\u01b0\u1edbc') + tc('x'),
               '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>')
    rows += tr(tc('6') + tc('\u00d4 x\u00f3a', '<w:cellDel w:id="1" w:author="A"/>') +
               tc('S\u1edf Y t\u1ebf') + tc('Qu\u00fd III'))
    rows += tr(tc('7') + tc('H\u00e0ng x\u00f3a') + tc('') + tc(''),
               '<w:del w:id="2" w:author="A"/>')
    rows += tr(tc('8') + tc('Qu\u00e1 r\u1ed9ng', '<w:gridSpan w:val="9"/>') + tc('y'))
    rows += tr(tc('9') + tc('Span 0', '<w:gridSpan w:val="0"/>') + tc('z') + tc('w'),
               '<w:gridBefore w:val="-2"/>')
    rows += ('<w:sdt><w:sdtContent>' +
             tr(tc('10') + '<w:sdt><w:sdtContent>' + tc('\u00d4 trong sdt') +
                '</w:sdtContent></w:sdt>' + tc('UBND x\u00e3') + tc('2026')) +
             '</w:sdtContent></w:sdt>')
    rows += ('<w:customXml w:element="row">' + tr(tc('11') + tc('customXml') + tc('') +
                                                     tc('')) + '</w:customXml>')
    rows += tr('<w:tblPrEx><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPrEx>' +
               tc('12') + '<w:tc><w:tcPr><w:tcBorders><w:top w:val="nil"/></w:tcBorders>'
               '</w:tcPr>' + p('B\u1ea3ng l\u1ed3ng:') +
               tbl(tr(tc('a') + tc('b')) + tr(tc('c') + tc('d')), 2) + p('') + '</w:tc>' +
               tc('') + tc(''))
    rows += tr('')
    body = p('PH\u1ee4 L\u1ee4C', '<w:jc w:val="center"/>', '<w:b/>')
    body += tbl(rows, 4, borders + '<w:tblStyle w:val="TableGrid"/>')
    body += '<w:sdt><w:sdtContent>' + tbl(tr(tc('Trong') + tc('sdt')), 2) + '</w:sdtContent></w:sdt>'
    body += tbl('', 3) + tbl(tr(tc('')), 1)
    body += p('', '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>')
    sty = styles('<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
                 '<w:tblPr>%s</w:tblPr></w:style>' % borders)
    return doc(body), sty, '', '', ''


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in (('numbering', numbering_seed), ('inline', inline_seed),
                       ('tables', tables_seed)):
        parts = [x or EMPTY[i] for i, x in enumerate(make())]
        with open(os.path.join(out, name + '.bin'), 'wb') as f:
            f.write(b'\x00' + SEP.join(parts).encode('utf-8'))


if __name__ == '__main__':
    main()
