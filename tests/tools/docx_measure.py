#!/usr/bin/python3
"""docx_measure.py FILE.docx - the layout numbers a DOCX really holds, read
from its XML (not from what we meant to write), one fact per line:

  default size=HALFPOINTS font=NAME
  section N w=TW h=TW orient=portrait|landscape top=TW right=TW bottom=TW
          left=TW header=TW titlePg=0|1 start=N|- first=empty|text|-
          default=page|text|-
  table N grid=TW,TW,...
  para size=HALFPOINTS bold=0|1 italic=0|1 jc=... first=TW before=TW
       border=0|1 text=TEXT

Sizes are the effective ones (the run's own, else the document default)
of the paragraph's first run with text; twips are as written."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def attr(el, name, default="-"):
    if el is None:
        return default
    return el.get(W + name, default)


def on(el):
    return 1 if el is not None and el.get(W + "val", "1") not in ("0", "false") else 0


z = zipfile.ZipFile(sys.argv[1])
styles = ET.fromstring(z.read("word/styles.xml"))
rpr = styles.find(".//" + W + "rPrDefault/" + W + "rPr")
dsize = attr(rpr.find(W + "sz"), "val")
dfont = attr(rpr.find(W + "rFonts"), "ascii")
print("default size=%s font=%s" % (dsize, dfont))

rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
targets = {r.get("Id"): r.get("Target") for r in rels}


def header_kind(rid):
    if rid is None:
        return "-"
    part = ET.fromstring(z.read("word/" + targets[rid]))
    if any("PAGE" in (f.get(W + "instr") or "") for f in part.iter(W + "fldSimple")):
        return "page"
    if any((t.text or "").strip() for t in part.iter(W + "t")):
        return "text"
    return "empty"


doc = ET.fromstring(z.read("word/document.xml"))
body = doc.find(W + "body")
for n, sp in enumerate(body.iter(W + "sectPr"), 1):
    sz, mar = sp.find(W + "pgSz"), sp.find(W + "pgMar")
    refs = {h.get(W + "type"): h.get(R + "id") for h in sp.findall(W + "headerReference")}
    print("section %d w=%s h=%s orient=%s top=%s right=%s bottom=%s left=%s header=%s titlePg=%d start=%s first=%s default=%s"
          % (n, attr(sz, "w"), attr(sz, "h"), attr(sz, "orient", "portrait"), attr(mar, "top"),
             attr(mar, "right"), attr(mar, "bottom"), attr(mar, "left"), attr(mar, "header"),
             on(sp.find(W + "titlePg")), attr(sp.find(W + "pgNumType"), "start"),
             header_kind(refs.get("first")), header_kind(refs.get("default"))))
for n, tbl in enumerate(body.iter(W + "tbl"), 1):
    print("table %d grid=%s" % (n, ",".join(g.get(W + "w") for g in tbl.iter(W + "gridCol"))))
for p in body.iter(W + "p"):
    text = "".join(t.text or "" for t in p.iter(W + "t"))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        continue
    run = next(r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip())
    rp = run.find(W + "rPr")
    ppr = p.find(W + "pPr")
    ind = ppr.find(W + "ind") if ppr is not None else None
    sp = ppr.find(W + "spacing") if ppr is not None else None
    size = attr(rp.find(W + "sz"), "val", dsize) if rp is not None else dsize
    bold = on(rp.find(W + "b")) if rp is not None else 0
    italic = on(rp.find(W + "i")) if rp is not None else 0
    print("para size=%s bold=%d italic=%d jc=%s first=%s before=%s border=%d text=%s"
          % (size, bold, italic, attr(ppr.find(W + "jc") if ppr is not None else None, "val"),
             attr(ind, "firstLine", "0"), attr(sp, "before", "0"),
             1 if ppr is not None and ppr.find(W + "pBdr") is not None else 0, text))
