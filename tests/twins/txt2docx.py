#!/usr/bin/python3
"""txt2docx.py IN.txt OUT.docx - lay a corpus plan's text out as a Word
document the way an office types it, so LibreOffice can print it to PDF.

Paragraphs are runs of non-blank lines (a line break between lines); runs of
tab-separated lines become a bordered table (one row per line, one cell per
field).  Body text is Times New Roman 14 pt, justified, first-line indent
1 cm, 6 pt before, on A4 with the Nghị định 30 margins.  Nothing is
interpreted: no header table, no headings; the text is all there is."""
import sys
import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

src, out = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().replace("\r", "").split("\n")

d = docx.Document()
sec = d.sections[0]
sec.page_width, sec.page_height = Cm(21), Cm(29.7)
sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
st = d.styles["Normal"]
st.font.name = "Times New Roman"
st.font.size = Pt(14)
st.paragraph_format.space_before = Pt(6)
st.paragraph_format.space_after = Pt(0)

def para(lines):
    p = d.add_paragraph()
    for k, text in enumerate(lines):
        r = p.add_run(text)
        if k + 1 < len(lines):
            r.add_break()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)

def table(rows):
    width = max(len(r) for r in rows)
    t = d.add_table(rows=len(rows), cols=width)
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, cell in enumerate(r):
            c = t.cell(i, j)
            c.text = cell.strip()
            for p in c.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)

i = 0
while i < len(lines):
    line = lines[i].rstrip()
    if not line.strip():
        i += 1
        continue
    if "\t" in line and line.replace("\t", "").strip():
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].rstrip("\n").split("\t"))
            i += 1
        table(rows)
        continue
    buf = []
    while i < len(lines) and lines[i].strip() and "\t" not in lines[i]:
        buf.append(lines[i].strip())
        i += 1
    para(buf)
d.save(out)
