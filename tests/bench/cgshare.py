#!/usr/bin/env python3
"""cgshare.py A.txt B.txt N - who does the work in soan's PDF writer, from
two `callgrind_annotate --tree=calling --inclusive=yes` reports of runs
that made K and K+N documents: their difference is the cost of N
documents in a process already running.  libharu's share is the
inclusive cost of every call from outside libharu and zlib into a
libharu function (libharu calls zlib itself); the rest is ours: FO
parsing, layout and line breaking, fonts, the calls that feed libharu."""
import re
import sys


def costs(path):
    txt = open(path, encoding="utf-8", errors="replace").read()
    total = int(re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", txt).group(1).replace(",", ""))
    harU, incl, calls, caller = 0, {}, {}, None
    seen = set()
    for line in txt.splitlines():
        # "COST (P%)  *  FILE:FUNCTION [OBJECT]": a function, then its callees
        m = re.match(r"\s*([\d,]+) \([\d. ]+%\)\s+\*\s+(\S+)(?: \[(.*)\])?$", line)
        if m:
            caller = m.group(3) or ""
            name = m.group(2).split(":")[-1]
            incl[name] = max(incl.get(name, 0), int(m.group(1).replace(",", "")))
            continue
        m = re.match(r"\s*([\d,]+) \([\d. ]+%\)\s+>\s+(\S+) \([\d,]+x\)(?: \[(.*)\])?$", line)
        if not m:
            continue
        cost = int(m.group(1).replace(",", ""))
        if caller is not None and "libhpdf" not in caller and "libz" not in caller \
                and "libhpdf" in (m.group(3) or ""):
            harU += cost
        callee = m.group(2).split(":")[-1]
        calls[callee] = calls.get(callee, 0) + cost
    return total, harU, calls


def main():
    t1, h1, i1 = costs(sys.argv[1])
    t2, h2, i2 = costs(sys.argv[2])
    n = int(sys.argv[3])
    total, harU = t2 - t1, h2 - h1
    ours = total - harU

    def d(f):
        return i2.get(f, 0) - i1.get(f, 0)

    print("callgrind, per document in a running process: %.1f M instructions" % (total / n / 1e6))
    print("  libharu (with the zlib it calls): %5.1f%%" % (100.0 * harU / total))
    print("  ours:                             %5.1f%%" % (100.0 * ours / total))
    parts = (("templates (XSLT, xslt_apply)", "xslt_apply"),
             ("layout check (fo_check)", "fo_check"),
             ("layout and line breaking (pl_layout)", "pl_layout"),
             ("FO parsing (libxml2, fo_load)", "fo_load"),
             ("font subsets (font_subset)", "font_subset"))
    rest = ours
    for what, f in parts:
        if not d(f):
            continue
        print("    %-38s %5.1f%%" % (what, 100.0 * d(f) / total))
        rest -= d(f)
    print("    %-38s %5.1f%%" % ("the rest (drawing calls, glue)", 100.0 * rest / total))
    print("  the first document costs %.1f M instructions more (fontconfig, font files)"
          % ((t1 - total / n) / 1e6))


if __name__ == "__main__":
    main()
