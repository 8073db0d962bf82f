#!/usr/bin/python3
"""make_twins.py - DOCX twins of the corpus plans, made three independent ways.

usage: make_twins.py SOAN OUTDIR_OF_CORPUS NAME...

For corpus/NAME/NAME.txt (or NAME.md) the content is what soan's text reader sees
(`soan extract --dump=blocks`: paragraphs, their lines, tables), so every
twin carries the same paragraphs, lines and table cells as the text.  Each
twin is then written by a different program:

  NAME.office.docx  python-docx, laid out the way an office types a plan:
                    the header as a borderless 2-column table (issuer and
                    Số | Quốc hiệu and place-date), "KẾ HOẠCH" and the title
                    centred, section headings numbered by Word (I., II. from
                    numbering.xml; a skipped number is a startOverride), the
                    signature as a borderless table (Nơi nhận | signer), and
                    the appendix in a landscape section with its task table:
                    header row repeated, group rows merged across the grid
                    (gridSpan), equal lead agencies in consecutive task rows
                    merged down (vMerge)
  NAME.pandoc.docx  pandoc from markdown (every character escaped, hard line
                    breaks, grid tables)
  NAME.lo.docx      LibreOffice from HTML (soffice --convert-to docx)

Run by tests/twins/make-docx-twins.sh; the files are committed.  Needs
/usr/bin/python3 with python3-docx, pandoc and soffice.
"""
import copy
import html
import os
import re
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# ---- the block dump ----------------------------------------------------------

LINE_RE = re.compile(r'^( *)(P|NOTE|TABLE|ROW|CELL)(.*)$')


def parse_dump(text):
    """Blocks of a --dump=blocks text: dicts with kind P/NOTE/TABLE."""
    lines = text.split('\n')
    pos = 0

    def para(rest):
        head, _, body = rest.partition(' | ')
        words = head.split()
        b = {'kind': 'P', 'bold': 'bold' in words, 'level': 0,
             'lines': body.split('\\n')}
        for w in words:
            if w.startswith('level='):
                b['level'] = int(w[6:])
        return b

    def blocks(depth):
        nonlocal pos
        out = []
        while pos < len(lines):
            m = LINE_RE.match(lines[pos])
            if not m or len(m.group(1)) != depth * 2:
                break
            kind, rest = m.group(2), m.group(3)
            if kind == 'P':
                out.append(para(rest))
                pos += 1
            elif kind == 'NOTE':
                out.append({'kind': 'NOTE', 'lines': rest.partition(' | ')[2].split('\\n')})
                pos += 1
            elif kind == 'TABLE':
                pos += 1
                rows = []
                while pos < len(lines):
                    m = LINE_RE.match(lines[pos])
                    if not m or m.group(2) != 'ROW' or len(m.group(1)) != depth * 2 + 2:
                        break
                    pos += 1
                    cells = []
                    while pos < len(lines):
                        m = LINE_RE.match(lines[pos])
                        if not m or m.group(2) != 'CELL' or len(m.group(1)) != depth * 2 + 4:
                            break
                        pos += 1
                        attrs = m.group(3)
                        cs = re.search(r'colspan=(\d+)', attrs)
                        rs = re.search(r'rowspan=(\d+)', attrs)
                        cells.append({'blocks': blocks(depth + 3),
                                      'colspan': int(cs.group(1)) if cs else 1,
                                      'rowspan': int(rs.group(1)) if rs else 1,
                                      'merged': ' merged' in attrs})
                    rows.append(cells)
                out.append({'kind': 'TABLE', 'rows': rows})
            else:
                break
        return out

    return blocks(0)


def cell_lines(cell):
    return [l for b in cell['blocks'] if b['kind'] == 'P' for l in b['lines']]


def cell_text(cell):
    return ' '.join(cell_lines(cell)).strip()


def grid(rows):
    """The table as a full grid of cells: a cell spanning columns is
    followed by empty cells, a merged placeholder repeats the cell above
    (plan XML repeats merged cells per row, so the twins may too)."""
    out, above = [], {}
    empty = {'blocks': [], 'colspan': 1, 'rowspan': 1, 'merged': False}
    for r in rows:
        row, g = [], 0
        for c in r:
            src = above.get(g, empty) if c['merged'] else c
            for k in range(c['colspan']):
                above[g + k] = src
                row.append(src if k == 0 else empty)
            g += c['colspan']
        out.append(row)
    width = max((len(r) for r in out), default=0)
    return [r + [empty] * (width - len(r)) for r in out]


ROMAN = re.compile(r'^([IVXLC]+)\.\s+(\S.*)$')
APPENDIX = re.compile(r'^(Phụ lục|PHỤ LỤC)\b')


def roman_value(s):
    vals = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


# ---- the office twin (python-docx) -------------------------------------------

def set_cell_borders_none(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement('w:tblBorders')
    for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
        e = OxmlElement('w:' + side)
        e.set(qn('w:val'), 'nil')
        borders.append(e)
    tblPr.append(borders)


def add_lines(par, lines, bold=False, italic=False):
    for i, line in enumerate(lines):
        run = par.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if i + 1 < len(lines):
            run.add_break()


class Numbering:
    """An upperRoman "%1." list for the section headings; a number that does
    not follow the previous one starts a new w:num with a startOverride."""

    def __init__(self, doc):
        self.el = doc.part.numbering_part.element
        self.abs_id = 90
        absn = OxmlElement('w:abstractNum')
        absn.set(qn('w:abstractNumId'), str(self.abs_id))
        mlt = OxmlElement('w:multiLevelType')
        mlt.set(qn('w:val'), 'singleLevel')
        absn.append(mlt)
        lvl = OxmlElement('w:lvl')
        lvl.set(qn('w:ilvl'), '0')
        for tag, val in (('start', '1'), ('numFmt', 'upperRoman'), ('suff', 'space'),
                         ('lvlText', '%1.'), ('lvlJc', 'left')):
            e = OxmlElement('w:' + tag)
            e.set(qn('w:val'), val)
            lvl.append(e)
        absn.append(lvl)
        first_num = self.el.find(qn('w:num'))
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            self.el.append(absn)
        self.next_id = 90
        self.num_id = None
        self.expect = 1

    def new_num(self, start=None):
        num = OxmlElement('w:num')
        num.set(qn('w:numId'), str(self.next_id))
        a = OxmlElement('w:abstractNumId')
        a.set(qn('w:val'), str(self.abs_id))
        num.append(a)
        if start is not None:
            o = OxmlElement('w:lvlOverride')
            o.set(qn('w:ilvl'), '0')
            s = OxmlElement('w:startOverride')
            s.set(qn('w:val'), str(start))
            o.append(s)
            num.append(o)
        self.el.append(num)
        self.num_id = self.next_id
        self.next_id += 1

    def apply(self, par, value):
        if self.num_id is None:
            self.new_num(None if value == 1 else value)
        elif value != self.expect:
            self.new_num(value)
        self.expect = value + 1
        pPr = par._p.get_or_add_pPr()
        numPr = OxmlElement('w:numPr')
        ilvl = OxmlElement('w:ilvl')
        ilvl.set(qn('w:val'), '0')
        numId = OxmlElement('w:numId')
        numId.set(qn('w:val'), str(self.num_id))
        numPr.append(ilvl)
        numPr.append(numId)
        pPr.insert(0, numPr)


def split_lines(blocks):
    """Top-level paragraphs as (lines, bold) items, tables as they are.  A
    paragraph whose later line opens a section or the appendix is split
    there, as an office would have typed two paragraphs."""
    items = []
    for b in blocks:
        if b['kind'] != 'P':
            items.append(b)
            continue
        cur = []
        for line in b['lines']:
            if cur and (ROMAN.match(line) or APPENDIX.match(line)):
                items.append({'kind': 'P', 'lines': cur, 'bold': b['bold']})
                cur = []
            cur.append(line)
        items.append({'kind': 'P', 'lines': cur, 'bold': b['bold']})
    return items


def task_table(doc, rows):
    """The appendix table: header row, group rows, lead agencies merged."""
    rows = grid(rows)
    ncols = len(rows[0])
    text = [[cell_text(c) for c in r] for r in rows]
    header = text[0]
    lead = next((i for i, h in enumerate(header) if 'chủ trì' in h.lower()), None)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = 'Table Grid'
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # a narrow number column, a wide task column, the rest shared (262 mm)
    widths = [Mm(15)] + [Mm(95)] + [Mm((262 - 110) / max(ncols - 2, 1))] * (ncols - 2)
    for j, col in enumerate(table.columns):
        col.width = widths[j]
    for r in table.rows:
        for j, cell in enumerate(r.cells):
            cell.width = widths[j]
    # header row repeated on every page
    trPr = table.rows[0]._tr.get_or_add_trPr()
    trPr.append(OxmlElement('w:tblHeader'))

    def is_group(r):
        return (re.match(r'^[IVXLC]+$', r[0]) and len(r) > 2 and r[1]
                and all(c in ('', r[1]) for c in r[2:]))

    for i, r in enumerate(text):
        for j, t in enumerate(r):
            cell = table.cell(i, j)
            cell.paragraphs[0].text = ''
            first = True
            for b in rows[i][j]['blocks']:
                if b['kind'] != 'P':
                    continue
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                add_lines(p, b['lines'], bold=(i == 0 or b['bold']))
            if i == 0:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # group rows: the title spans the rest of the grid
    for i, r in enumerate(text):
        if i and is_group(r):
            for j in range(2, ncols):
                table.cell(i, j).paragraphs[0].text = ''
            merged = table.cell(i, 1).merge(table.cell(i, ncols - 1))
            for p in merged.paragraphs[1:]:
                p._p.getparent().remove(p._p)
            for run in merged.paragraphs[0].runs:
                run.bold = True
            for run in table.cell(i, 0).paragraphs[0].runs:
                run.bold = True
    # lead agency: equal values in consecutive task rows merged down
    if lead is not None:
        i = 1
        while i < len(text):
            j = i
            while (j + 1 < len(text) and text[i][lead] and not is_group(text[j + 1])
                   and not is_group(text[i]) and text[j + 1][lead] == text[i][lead]):
                j += 1
            if j > i:
                for k in range(i + 1, j + 1):
                    table.cell(k, lead).paragraphs[0].text = ''
                top = table.cell(i, lead).merge(table.cell(j, lead))
                for p in top.paragraphs[1:]:
                    p._p.getparent().remove(p._p)
            i = j + 1
    return table


def office_twin(blocks, path):
    doc = Document()
    normal = doc.styles['Normal']
    normal.font.name = 'Times New Roman'
    normal.font.size = Pt(14)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    numbering = Numbering(doc)
    items = split_lines(blocks)

    # header lines before KẾ HOẠCH: issuer | Quốc hiệu, then Số | place-date
    i = 0
    left1, right1, left2, right2 = [], [], [], []
    while i < len(items) and items[i]['kind'] == 'P' and not items[i]['lines'][0].startswith('KẾ HOẠCH'):
        line = ' '.join(items[i]['lines'])
        if line.startswith('Số'):
            left2.append(items[i])
        elif ', ngày' in line:
            right2.append(items[i])
        elif 'CỘNG HÒA' in line or 'Độc lập' in line:
            right1.append(items[i])
        else:
            left1.append(items[i])
        i += 1
    rows = [r for r in (('names', left1, right1), ('number', left2, right2)) if r[1] or r[2]]
    if rows:
        t = doc.add_table(rows=len(rows), cols=2)
        set_cell_borders_none(t)
        for ri, (kind, l, r) in enumerate(rows):
            for ci, part in enumerate((l, r)):
                cell = t.cell(ri, ci)
                for n, it in enumerate(part):
                    p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    add_lines(p, it['lines'], bold=(kind == 'names'),
                              italic=(kind == 'number' and ci == 1))
    # a paragraph between the header and the title keeps the layout apart
    body_start = i
    in_appendix = False
    while i < len(items):
        it = items[i]
        if it['kind'] == 'TABLE':
            task_table(doc, it['rows'])
            i += 1
            continue
        if it['kind'] == 'NOTE':
            i += 1
            continue
        first = it['lines'][0]
        if not in_appendix and APPENDIX.match(first) and i > body_start:
            new = doc.add_section(WD_SECTION.NEW_PAGE)
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = Mm(297), Mm(210)
            new.left_margin, new.right_margin = Mm(20), Mm(15)
            in_appendix = True
        if not in_appendix and first.lstrip('*').startswith('Nơi nhận'):
            # the signature table: Nơi nhận and its list | the signer
            j = i + 1
            while j < len(items) and items[j]['kind'] == 'P' and items[j]['lines'][0].startswith('-'):
                j += 1
            k = j
            while (k < len(items) and items[k]['kind'] == 'P'
                   and not APPENDIX.match(items[k]['lines'][0])):
                k += 1
            t = doc.add_table(rows=1, cols=2)
            set_cell_borders_none(t)
            for ci, part in enumerate((items[i:j], items[j:k])):
                cell = t.cell(0, ci)
                for n, p_it in enumerate(part):
                    p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    if ci == 1:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    add_lines(p, p_it['lines'], bold=(ci == 1 or n == 0 or p_it['bold']),
                              italic=(n == 0 and ci == 0))
            i = k
            continue
        m = ROMAN.match(first) if not in_appendix else None
        p = doc.add_paragraph()
        if m:
            numbering.apply(p, roman_value(m.group(1)))
            add_lines(p, [m.group(2)] + it['lines'][1:], bold=True)
        elif first.startswith('KẾ HOẠCH') or in_appendix:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_lines(p, it['lines'], bold=not first.startswith('(') or it['bold'],
                      italic=first.startswith('('))
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Mm(10)
            add_lines(p, it['lines'], bold=it['bold'])
        i += 1
    doc.save(path)


# ---- the pandoc twin (markdown) ------------------------------------------------

def md_escape(s):
    return ''.join('\\' + c if (c.isascii() and not c.isalnum() and c not in ' ') else c for c in s)


def grid_table(rows):
    """A pandoc grid table; a cell's lines end in a hard break, its
    paragraphs are separated by a blank line."""
    def cell_md(c):
        out = []
        for b in c['blocks']:
            if b['kind'] != 'P':
                continue
            if out:
                out.append('')
            lines = [md_escape(l.strip()) for l in b['lines']]
            out.extend(l + '\\' for l in lines[:-1])
            out.append(lines[-1])
        return out or ['']
    cells = [[cell_md(c) for c in r] for r in rows]
    ncols = len(rows[0])
    width = [max(3, max(len(l) for r in cells for l in r[j])) for j in range(ncols)]
    rule = '+' + '+'.join('-' * (w + 2) for w in width) + '+'
    out = [rule]
    for ri, r in enumerate(cells):
        for k in range(max(len(c) for c in r)):
            out.append('|' + '|'.join(' ' + (c[k] if k < len(c) else '').ljust(width[j]) + ' '
                                      for j, c in enumerate(r)) + '|')
        out.append(rule.replace('-', '=') if ri == 0 and len(cells) > 1 else rule)
    return '\n'.join(out)


def pandoc_twin(blocks, path):
    out = []
    for b in blocks:
        if b['kind'] == 'P':
            lines = [md_escape(l.strip()) for l in b['lines']]
            if b['bold']:
                lines = ['**' + l + '**' if l else l for l in lines]
            if b['level'] and len(lines) == 1:
                out.append('#' * b['level'] + ' ' + lines[0])
            else:
                out.append('\\\n'.join(lines))
        elif b['kind'] == 'TABLE':
            out.append(grid_table(grid(b['rows'])))
    with tempfile.NamedTemporaryFile('w', suffix='.md', delete=False, encoding='utf-8') as f:
        f.write('\n\n'.join(out) + '\n')
        md = f.name
    try:
        subprocess.run(['pandoc', '-f', 'markdown', '-t', 'docx', '-o', path, md], check=True)
    finally:
        os.unlink(md)


# ---- the LibreOffice twin (HTML) -----------------------------------------------

def lo_twin(blocks, path):
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>plan</title></head><body>']

    def para(b, tag='p'):
        lines = [html.escape(l.strip()) for l in b['lines']]
        inner = '<br>'.join(lines)
        if b.get('bold'):
            inner = '<b>' + inner + '</b>'
        if b.get('level'):
            tag = 'h%d' % min(b['level'], 6)
        return '<%s>%s</%s>' % (tag, inner, tag)

    for b in blocks:
        if b['kind'] == 'P':
            out.append(para(b))
        elif b['kind'] == 'TABLE':
            rows = b['rows']
            out.append('<table border="1" cellspacing="0">')
            for ri, r in enumerate(rows):
                tag = 'th' if ri == 0 else 'td'
                cells = ''.join('<%s%s%s>%s</%s>' % (
                    tag, ' colspan="%d"' % c['colspan'] if c['colspan'] > 1 else '',
                    ' rowspan="%d"' % c['rowspan'] if c['rowspan'] > 1 else '',
                    ''.join(para(x) for x in c['blocks'] if x['kind'] == 'P'), tag)
                                for c in r if not c['merged'])
                if ri == 0:
                    out.append('<thead><tr>%s</tr></thead><tbody>' % cells)
                else:
                    out.append('<tr>%s</tr>' % cells)
            out.append('</tbody></table>')
    out.append('</body></html>')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'twin.html')
        with open(src, 'w', encoding='utf-8') as f:
            f.write('\n'.join(out))
        subprocess.run(['soffice', '--headless', '--infilter=HTML (StarWriter)',
                        '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, HOME=tmp))
        os.replace(os.path.join(tmp, 'twin.docx'), path)


def main():
    if len(sys.argv) < 4:
        sys.exit('usage: make_twins.py SOAN CORPUS NAME...')
    soan, corpus = sys.argv[1], sys.argv[2]
    for name in sys.argv[3:]:
        src = os.path.join(corpus, name, name + '.txt')
        if not os.path.exists(src):
            src = os.path.join(corpus, name, name + '.md')
        dump = subprocess.run([soan, 'extract', '--dump=blocks', src], check=True,
                              capture_output=True, text=True).stdout
        blocks = parse_dump(dump)
        base = os.path.join(corpus, name, name)
        office_twin(copy.deepcopy(blocks), base + '.office.docx')
        pandoc_twin(blocks, base + '.pandoc.docx')
        lo_twin(blocks, base + '.lo.docx')
        print('made', base + '.{office,pandoc,lo}.docx')


if __name__ == '__main__':
    main()
