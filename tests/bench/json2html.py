#!/usr/bin/env python3
"""json2html.py JSON - the benchmark document (tests/bench/fo2json.py) as
HTML with print styles, for LibreOffice to turn into the DOCX it then
converts to PDF in the benchmark: same text, fonts, sizes, page sizes,
margins and tables as the FO."""
import html
import json
import sys

spec = json.load(open(sys.argv[1], encoding="utf-8"))


def runs(b):
    out = []
    for r in b["runs"]:
        t = html.escape(r["text"])
        if r["bold"]:
            t = "<b>" + t + "</b>"
        if r["italic"]:
            t = "<i>" + t + "</i>"
        out.append('<span style="font-size:%.1fpt">%s</span>' % (r["size"], t))
    return "".join(out)


def para(b, cell=False):
    align = {"center": "center", "justify": "justify", "end": "right"}.get(b["align"], "left")
    return ('<p style="margin:%.1fpt 0 0 0;text-indent:%.1fpt;text-align:%s;line-height:1.2">%s</p>'
            % (0 if cell else b["space"], b["indent"], align, runs(b) or "&#160;"))


print('<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
      'body{font-family:"Times New Roman"} table{border-collapse:collapse}'
      'td{border:0.5pt solid black;padding:2pt;vertical-align:top}</style></head><body>')
for i, seq in enumerate(spec["sequences"]):
    p = seq["page"]
    m = p["margins"]
    print('<div style="page-break-before:%s">' % ("always" if i else "auto"))
    print('<style>@page{size:%.1fpt %.1fpt;margin:%.1fpt %.1fpt %.1fpt %.1fpt}</style>'
          % (p["width"], p["height"], m[0], m[3], m[1], m[2]))
    for it in seq["items"]:
        if it["kind"] == "block":
            print(para(it))
            continue
        print('<table style="width:%.1fpt">' % sum(it["widths"]))
        print("".join('<col style="width:%.1fpt">' % w for w in it["widths"]))
        for row in it["rows"]:
            print("<tr>" + "".join('<td colspan="%d">%s</td>' % (c["span"], "".join(para(b, True) for b in c["blocks"]))
                                  for c in row) + "</tr>")
        print("</table>")
    print("</div>")
print("</body></html>")
