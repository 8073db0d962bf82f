#!/usr/bin/python3
"""docx_check.py LAYOUT.fo FILE.docx - python-docx opens FILE.docx and sees
the layout's paragraphs and tables: the same non-empty paragraphs in the
same order outside tables, the same number of tables, the same non-empty
cell texts in each, and one section per page-sequence with the layout's
orientation.  Prints one line per difference; exits 1 when there is one."""
import re
import sys
import xml.etree.ElementTree as ET

import docx
from docx.oxml.ns import qn
from docx.table import _Cell

FO = "{http://www.w3.org/1999/XSL/Format}"


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def fo_text(el):
    """The text an FO block shows: its text and inlines; a leader counts
    as a blank, soan:field shows its hint's place, nested blocks apart."""
    out = []

    def walk(e):
        if e.tag == FO + "leader":
            out.append(" ")
        elif e.tag == FO + "page-number":
            out.append("1")
        elif e.tag not in (FO + "block", FO + "table"):
            if e.text:
                out.append(e.text)
            for c in e:
                walk(c)
                if c.tail:
                    out.append(c.tail)

    if el.text:
        out.append(el.text)
    for c in el:
        walk(c)
        if c.tail:
            out.append(c.tail)
    return norm("".join(out))


def fo_parts(fo):
    """Top-level paragraphs (outside tables) and tables of every flow."""
    paras, tables, sections = [], [], []
    root = ET.parse(fo).getroot()
    masters = {m.get("master-name"): m for m in root.iter(FO + "simple-page-master")}
    for psm in root.iter(FO + "page-sequence-master"):
        ref = psm.find(".//" + FO + "conditional-page-master-reference").get("master-reference")
        masters[psm.get("master-name")] = masters[ref]

    def blocks(parent):
        for c in parent:
            if c.tag == FO + "block":
                t = fo_text(c)
                if t:
                    paras.append(t)
                blocks(c)
            elif c.tag == FO + "table":
                cells = []
                for cell in c.iter(FO + "table-cell"):
                    t = "\n".join(fo_text(b) for b in cell.iter(FO + "block"))
                    t = norm(t)
                    if t:
                        cells.append(t)
                tables.append(cells)

    for seq in root.findall(FO + "page-sequence"):
        m = masters[seq.get("master-reference")]
        w = float(m.get("page-width").rstrip("m"))
        h = float(m.get("page-height").rstrip("m"))
        sections.append(w > h)
        for flow in seq.findall(FO + "flow"):
            blocks(flow)
    return paras, tables, sections


def docx_parts(path):
    d = docx.Document(path)
    paras = [norm(p.text) for p in d.paragraphs if norm(p.text)]
    tables = []
    for t in d.tables:
        cells = []
        for tc in t._tbl.iter(qn("w:tc")):
            txt = norm(_Cell(tc, t).text)
            if txt:
                cells.append(txt)
        tables.append(cells)
    sections = [s.page_width > s.page_height for s in d.sections]
    return paras, tables, sections


def main():
    fp, ft, fs = fo_parts(sys.argv[1])
    dp, dt, ds = docx_parts(sys.argv[2])
    bad = 0
    if fp != dp:
        bad += 1
        print("paragraphs differ: layout %d, docx %d" % (len(fp), len(dp)))
        for i, (a, b) in enumerate(zip(fp, dp)):
            if a != b:
                print("  first at %d:\n    layout: %s\n    docx:   %s" % (i, a[:120], b[:120]))
                break
    if len(ft) != len(dt):
        bad += 1
        print("tables: layout %d, docx %d" % (len(ft), len(dt)))
    for i, (a, b) in enumerate(zip(ft, dt)):
        if a != b:
            bad += 1
            print("table %d cells differ: layout %d, docx %d" % (i + 1, len(a), len(b)))
    if fs != ds:
        bad += 1
        print("sections (landscape?): layout %s, docx %s" % (fs, ds))
    sys.exit(1 if bad else 0)


main()
