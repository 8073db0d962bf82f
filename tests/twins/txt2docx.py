#!/usr/bin/python3
"""txt2docx.py BLOCKS EXPECTED.xml OUT.docx - lay a corpus plan out as a Word
document the way an office types it, so that LibreOffice can print it to PDF.

BLOCKS is `soan extract --dump=blocks` of the plan's text or markdown: the
document as a reader sees it, with markdown marks already turned into what
they mean (emphasis into bold, heading marks, autolink brackets, "\\"
escapes and "---" rules gone; tab or one-cell-per-line tables into
rows and cells).  No mark is copied into the DOCX as a character.

The layout follows Nghị định 30/2020 as offices apply it:
  - A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt;
  - the lines before "KẾ HOẠCH" (issuer, Quốc hiệu, Số, place and date) in
    a borderless two-column table, 13 pt, centred (a header table the
    source already has is laid out the same way);
  - "KẾ HOẠCH" and the title centred and bold (the title's paragraphs are
    the ones that make up /plan/meta/title of EXPECTED.xml);
  - body paragraphs justified with a 1 cm first-line indent, 6 pt before,
    bold only where the source marks bold;
  - "Nơi nhận:" and its list (12 pt bold italic, 11 pt) beside the
    signature (centred, bold) in a borderless two-column table;
  - appendices on landscape pages, headed centred; task tables with
    borders, 12 pt, a narrow number column.
Nothing is added that the source does not say: no numbering, no bold
headings the source shows as plain text."""
import re
import sys
import xml.etree.ElementTree as ET

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

LINE = re.compile(r'^( *)(P|NOTE|TABLE|ROW|CELL)\b(.*)$')


def parse(text):
    """The dump as a list of blocks: ('P', flags, lines) or
    ('TABLE', flags, rows of cells of blocks)."""
    lines = text.split('\n')
    pos = 0

    def flags_of(head):
        return set(head.split())

    def blocks(depth):
        nonlocal pos
        out = []
        while pos < len(lines):
            m = LINE.match(lines[pos])
            if not m or len(m.group(1)) != depth * 2:
                break
            kind, rest = m.group(2), m.group(3)
            if kind in ('P', 'NOTE'):
                head, _, body = rest.partition(' | ')
                out.append((kind, flags_of(head), body.split('\\n')))
                pos += 1
            elif kind == 'TABLE':
                fl = flags_of(rest)
                pos += 1
                rows = []
                while pos < len(lines):
                    m = LINE.match(lines[pos])
                    if not m or m.group(2) != 'ROW' or len(m.group(1)) != depth * 2 + 2:
                        break
                    pos += 1
                    cells = []
                    while pos < len(lines):
                        m = LINE.match(lines[pos])
                        if not m or m.group(2) != 'CELL' or len(m.group(1)) != depth * 2 + 4:
                            break
                        pos += 1
                        cells.append(Cell(blocks(depth + 3), m.group(3)))
                    rows.append(cells)
                out.append(('TABLE', fl, rows))
            else:
                break
        return out

    return blocks(0)


class Cell(list):
    """A table cell: its blocks, with its spans from the dump."""

    def __init__(self, content, attrs):
        super().__init__(content)
        a = dict(x.split('=') for x in attrs.split() if '=' in x)
        self.colspan = int(a.get('colspan', 1))
        self.rowspan = int(a.get('rowspan', 1))
        self.merged = 'merged' in attrs.split()


def text_of(b):
    return ' '.join(l.strip() for l in b[2]).strip()


def cell_text(cell):
    return ' '.join(text_of(b) for b in cell if b[0] == 'P').strip()


DOCTYPE = re.compile(r'^KẾ HOẠCH\b')
APPENDIX = re.compile(r'^(Phụ lục|PHỤ LỤC)\b')
RECIPIENTS = re.compile(r'^Nơi nhận')


def no_borders(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement('w:tblBorders')
    for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
        e = OxmlElement('w:' + side)
        e.set(qn('w:val'), 'nil')
        borders.append(e)
    tblPr.append(borders)


def repeat_header(row):
    row._tr.get_or_add_trPr().append(OxmlElement('w:tblHeader'))


def fill(par, lines, bold=False, italic=False, size=None):
    for i, line in enumerate(lines):
        run = par.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if i + 1 < len(lines):
            run.add_break()


def tight(par, before=0):
    par.paragraph_format.space_before = Pt(before)
    par.paragraph_format.space_after = Pt(0)


class Twin:
    def __init__(self, blocks, title):
        self.blocks = blocks
        self.title = re.sub(r'\s+', ' ', title or '').strip()
        d = self.d = docx.Document()
        sec = d.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
        st = d.styles['Normal']
        st.font.name = 'Times New Roman'
        st.font.size = Pt(14)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(0)
        self.landscape = False

    # ---- pieces ----------------------------------------------------------

    def two_columns(self, rows, widths):
        """A borderless table; rows of (left, right) lists of
        (lines, bold, italic, size, centred)."""
        t = self.d.add_table(rows=len(rows), cols=2)
        no_borders(t)
        t.autofit = False
        for ci, col in enumerate(t.columns):
            col.width = widths[ci]
        for ri, row in enumerate(rows):
            for ci, part in enumerate(row):
                cell = t.cell(ri, ci)
                cell.width = widths[ci]
                for n, (lines, bold, italic, size, centre) in enumerate(part):
                    p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    tight(p)
                    if centre:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    fill(p, lines, bold, italic, size)
        return t

    def header(self, items):
        """Lines before the doctype: issuer | Quốc hiệu, Số | place-date."""
        issuer, nation, number, date = [], [], [], []
        for b in items:
            s = text_of(b)
            bold = 'bold' in b[1]
            if s.startswith('Số'):
                number.append((b[2], bold, False, 13, True))
            elif ', ngày' in s:
                date.append((b[2], bold, True, 14, True))
            elif 'CỘNG HÒA' in s or 'CỘNG HOÀ' in s or 'Độc lập' in s:
                nation.append((b[2], bold, False, 13, True))
            else:
                issuer.append((b[2], bold, False, 13, True))
        rows = [r for r in ((issuer, nation), (number, date)) if r[0] or r[1]]
        if rows:
            self.two_columns(rows, (Cm(6), Cm(10.5)))

    def source_layout_table(self, b):
        """A two-column header or signature table the source has."""
        rows = []
        for r in b[2]:
            row = []
            for ci, cell in enumerate(r[:2]):
                part = []
                paras = [x for x in cell if x[0] == 'P']
                listing = False
                sig = any(re.match(r'^(TM|KT|Q|TL|TUQ)\. ', text_of(x)) for x in paras)
                for n, x in enumerate(paras):
                    s = text_of(x)
                    if RECIPIENTS.match(s):
                        # "Nơi nhận:" then its list, smaller
                        part.append(([x[2][0]], True, True, 12, False))
                        if len(x[2]) > 1:
                            part.append((x[2][1:], False, False, 11, False))
                        listing = True
                    elif listing:
                        part.append((x[2], False, False, 11, False))
                    else:
                        if sig and n == len(paras) - 1 and n > 0:
                            for _ in range(3):
                                part.append(([''], False, False, 14, True))
                        part.append((x[2], 'bold' in x[1], ', ngày' in s, 13, True))
                row.append(part)
            while len(row) < 2:
                row.append([])
            rows.append(row)
        self.two_columns(rows, (Cm(6.5), Cm(10)))

    def signature(self, left, right):
        lp = []
        for n, b in enumerate(left):
            if n == 0:
                lp.append((b[2], True, True, 12, False))
            else:
                lp.append((b[2], 'bold' in b[1], False, 11, False))
        rp = []
        for n, b in enumerate(right):
            if n == len(right) - 1 and n > 0:
                # room for the hand signature and the seal
                for _ in range(3):
                    rp.append(([''], False, False, 14, True))
            rp.append((b[2], True, False, 14, True))
        self.two_columns([(lp, rp)], (Cm(8), Cm(8.5)))

    def to_landscape(self):
        if self.landscape:
            return
        sec = self.d.add_section(WD_SECTION.NEW_PAGE)
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(2), Cm(1.5)
        self.landscape = True

    def grid_table(self, b):
        rows = b[2]
        ncols = max(sum(c.colspan for c in r) for r in rows)
        t = self.d.add_table(rows=len(rows), cols=ncols)
        t.style = 'Table Grid'
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        full = 26.2 if self.landscape else 16.5
        first = cell_text(rows[0][0]) if rows[0] else ''
        narrow = ncols > 2 and len(first) <= 4
        rest = full - (1.5 if narrow else 0)
        widths = []
        for j in range(ncols):
            if narrow and j == 0:
                widths.append(Cm(1.5))
            elif j == (1 if narrow else 0) and ncols > 2:
                widths.append(Cm(rest * 0.4))
            else:
                widths.append(Cm(rest * (0.6 if ncols > 2 else 1.0) / max(ncols - (2 if narrow else 1), 1)))
        for j, col in enumerate(t.columns):
            col.width = widths[j]
        repeat_header(t.rows[0])
        merges = []
        for i, r in enumerate(rows):
            g = 0
            for c in r:
                if g >= ncols:
                    break
                for j in range(g, min(g + c.colspan, ncols)):
                    t.cell(i, j).width = widths[j]
                if not c.merged:
                    cell = t.cell(i, g)
                    content = [x for x in c if x[0] == 'P']
                    for n, x in enumerate(content):
                        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                        tight(p)
                        if i == 0:
                            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                        fill(p, x[2], 'bold' in x[1], 'italic' in x[1], 12)
                    if c.colspan > 1 or c.rowspan > 1:
                        merges.append((i, g, min(i + c.rowspan, len(rows)) - 1,
                                       min(g + c.colspan, ncols) - 1))
                g += c.colspan
        for i1, j1, i2, j2 in merges:
            t.cell(i1, j1).merge(t.cell(i2, j2))

    def para(self, b, centre=False, bold=None, italic=None):
        p = self.d.add_paragraph()
        if centre:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            tight(p)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        fill(p, b[2], ('bold' in b[1]) if bold is None else bold,
             ('italic' in b[1]) if italic is None else italic)

    # ---- the document ------------------------------------------------------

    def build(self):
        bs = self.blocks
        i = 0
        # the header: everything before the doctype line
        head = []
        while i < len(bs) and not (bs[i][0] == 'P' and DOCTYPE.match(text_of(bs[i]))):
            head.append(bs[i])
            i += 1
        if i == len(bs):  # no doctype line: no header either
            i, head = 0, []
        paras = [b for b in head if b[0] == 'P']
        for b in head:
            if b[0] == 'TABLE':
                self.source_layout_table(b)
        if paras:
            self.header(paras)
        # the doctype and the title, centred
        if i < len(bs):
            self.para(bs[i], centre=True, bold=True)
            got = re.sub(r'^KẾ HOẠCH\s*', '', text_of(bs[i]))
            i += 1
            while i < len(bs) and bs[i][0] == 'P' and self.title:
                s = text_of(bs[i])
                nxt = (got + ' ' + s).strip()
                if not s or not self.title.startswith(nxt):
                    break
                self.para(bs[i], centre=True, bold=True)
                got = nxt
                i += 1
        # the body, the signature, the appendices
        while i < len(bs):
            b = bs[i]
            if b[0] == 'TABLE':
                two = max(sum(c.colspan for c in r) for r in b[2]) <= 2
                if two and not self.landscape and any(
                        RECIPIENTS.match(cell_text(c)) for r in b[2] for c in r):
                    self.source_layout_table(b)
                else:
                    self.grid_table(b)
                i += 1
                continue
            s = text_of(b)
            if b[0] == 'NOTE':
                i += 1
                continue
            if RECIPIENTS.match(s) and not self.landscape:
                j = i + 1
                while j < len(bs) and bs[j][0] == 'P' and text_of(bs[j])[:1] in '-+':
                    j += 1
                k = j
                while k < len(bs) and bs[k][0] == 'P' and not APPENDIX.match(text_of(bs[k])):
                    k += 1
                self.signature(bs[i:j], bs[j:k])
                i = k
                continue
            if APPENDIX.match(s):
                self.to_landscape()
                self.para(b, centre=True, bold=True)
                i += 1
                # its title lines and "(Kèm theo ...)"
                while i < len(bs) and bs[i][0] == 'P':
                    t = text_of(bs[i])
                    if t.startswith('('):
                        self.para(bs[i], centre=True, italic=True)
                        i += 1
                        break
                    if t.upper() != t:
                        break
                    self.para(bs[i], centre=True, bold=True)
                    i += 1
                continue
            self.para(b)
            i += 1
        return self.d


def main():
    dump, expected, out = sys.argv[1:4]
    blocks = parse(open(dump, encoding='utf-8').read())
    title = None
    try:
        t = ET.parse(expected).getroot().find('meta/title')
        title = t.text if t is not None else None
    except (OSError, ET.ParseError):
        pass
    Twin(blocks, title).build().save(out)


if __name__ == '__main__':
    main()
