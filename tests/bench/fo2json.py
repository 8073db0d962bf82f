#!/usr/bin/env python3
"""fo2json.py FO - the content of an FO document as plain JSON, so that
other renderers (pdfkit, LibreOffice through HTML) can draw a document
comparable to ours in the benchmark: page sequences with their page size
and margins, blocks (text runs with size, bold, italic; alignment, indent,
space before) and tables (column widths in points, rows of cells).  Only
what the benchmark needs; not a general FO reader."""
import json
import re
import sys
import xml.etree.ElementTree as ET

FO = "{http://www.w3.org/1999/XSL/Format}"
SOAN = "{urn:soan:layout}"
UNIT = {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72}


def length(v, ref=0.0):
    if v is None:
        return None
    v = v.strip()
    if v.endswith("%"):
        return float(v[:-1]) * ref / 100
    m = re.match(r"([-\d.]+)\s*([a-z]*)$", v)
    return float(m.group(1)) * UNIT.get(m.group(2), 1) if m else None


def inherited(e, parents, name, default=None):
    for x in [e] + parents[::-1]:
        if name in x.attrib:
            return x.attrib[name]
    return default


def runs_of(e, parents, out):
    """Text runs of a block's inline content."""
    def style(x, ps):
        return {"size": length(inherited(x, ps, "font-size", "12pt")),
                "bold": inherited(x, ps, "font-weight", "normal") == "bold",
                "italic": inherited(x, ps, "font-style", "normal") == "italic"}
    if e.tag == SOAN + "old":
        return
    if e.text:
        out.append(dict(style(e, parents), text=e.text))
    for c in e:
        if c.tag == FO + "block":
            continue
        if c.tag == FO + "leader" or (c.tag == SOAN + "field" and not "".join(c.itertext()).strip()):
            out.append(dict(style(c, parents + [e]), text=" ........ "))
        else:
            runs_of(c, parents + [e], out)
        if c.tail:
            out.append(dict(style(e, parents), text=c.tail))


def block(e, parents, width):
    runs = []
    runs_of(e, parents, runs)
    text = re.sub(r"\s+", " ", "".join(r["text"] for r in runs)).strip()
    for r in runs:
        r["text"] = re.sub(r"\s+", " ", r["text"])
    return {"kind": "block", "runs": [r for r in runs if r["text"].strip()] if text else [],
            "align": inherited(e, parents, "text-align", "start"),
            "indent": length(inherited(e, parents, "text-indent", "0pt")) or 0,
            "space": length(e.attrib.get("space-before", "0pt")) or 0,
            "size": length(inherited(e, parents, "font-size", "12pt"))}


def table(e, parents, width):
    cols = []
    for c in e.findall(FO + "table-column"):
        cols.append(c.attrib.get("column-width", "proportional-column-width(1)"))
    fixed = sum(length(c, width) for c in cols if "proportional" not in c)
    props = [float(re.search(r"\(([\d.]+)\)", c).group(1)) if "proportional" in c else 0 for c in cols]
    ws = [length(c, width) if "proportional" not in c else (width - fixed) * p / sum(props)
          for c, p in zip(cols, props)]
    rows = []
    for sect in e:
        for r in sect.findall(FO + "table-row"):
            row = []
            for c in r.findall(FO + "table-cell"):
                ps = parents + [e, sect, r, c]
                blocks = [block(b, ps, width) for b in c.findall(FO + "block")]
                row.append({"span": int(c.attrib.get("number-columns-spanned", "1")),
                            "blocks": blocks, "header": sect.tag == FO + "table-header"})
            rows.append(row)
    return {"kind": "table", "widths": ws, "rows": rows}


def walk(e, parents, width, out):
    for c in e:
        if c.tag == FO + "block":
            if c.find(FO + "block") is not None or c.find(FO + "table") is not None:
                walk(c, parents + [e], width, out)
            else:
                out.append(block(c, parents + [e], width))
        elif c.tag == FO + "table":
            out.append(table(c, parents + [e], width))


def main():
    root = ET.parse(sys.argv[1]).getroot()
    masters = {}
    for m in root.iter(FO + "simple-page-master"):
        mt = [length(m.attrib.get("margin-" + s, "0pt")) for s in ("top", "bottom", "left", "right")]
        rb = m.find(FO + "region-body")
        mt[0] += length(rb.attrib.get("margin-top", "0pt")) if rb is not None else 0
        masters[m.attrib["master-name"]] = {"width": length(m.attrib["page-width"]),
                                            "height": length(m.attrib["page-height"]),
                                            "margins": mt}
    for sm in root.iter(FO + "page-sequence-master"):
        ref = sm.find(".//" + FO + "conditional-page-master-reference").attrib["master-reference"]
        masters[sm.attrib["master-name"]] = masters[ref]
    seqs = []
    for ps in root.findall(FO + "page-sequence"):
        m = masters[ps.attrib["master-reference"]]
        width = m["width"] - m["margins"][2] - m["margins"][3]
        items = []
        walk(ps.find(FO + "flow"), [root, ps], width, items)
        seqs.append({"page": m, "items": items})
    json.dump({"sequences": seqs}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
