#!/usr/bin/python3
"""check-changes.py OLD.xml NEW.xml CHANGES.tsv

Checks a rollover's change list against the two plan XML files, written
independently of soan's C code:

- complete: every difference between OLD and NEW (an element's own text,
  an attribute, an element added) is named by a line of CHANGES;
- correct: replaying the lines on OLD, in order, gives NEW exactly
  (attributes: each line takes the value from its old to its new; texts:
  NEW's change marks (<change old rule>new</change>) are the element's
  lines in order, and putting each mark's old text back gives OLD's text;
  without marks, each line's old phrase is found after the previous one
  and replaced by its new phrase);
- consistent: each old-NAME attribute holds the attribute's value in OLD.

Paths are XPaths as libxml2's xmlGetNodePath writes them: /plan/body/
section[2]/item[3], an index only where siblings share the name.  Texts
are compared with runs of white space as one space, trimmed (the plan
XML serializer indents element-only content).  Prints the problems and
exits 1, or prints nothing and exits 0.
"""
import sys
import xml.etree.ElementTree as ET


def norm(s):
    return " ".join(s.split())


def paths(root):
    """path -> element, skipping change marks."""
    out = {}

    def walk(e, p):
        out[p] = e
        kids = [c for c in e if c.tag != "change"]
        for c in kids:
            same = [k for k in kids if k.tag == c.tag]
            cp = p + "/" + c.tag
            if len(same) > 1:
                cp += "[%d]" % (same.index(c) + 1)
            walk(c, cp)

    walk(root, "/" + root.tag)
    return out


def own_text(e, marks):
    """The element's own text (not its child elements'), with the text
    of change marks when marks is set."""
    s = e.text or ""
    for c in e:
        if c.tag == "change" and marks:
            s += c.text or ""
        s += c.tail or ""
    return s


def own_text_old(e):
    """The element's own text with each change mark's old text."""
    s = e.text or ""
    for c in e:
        if c.tag == "change":
            s += c.attrib.get("old", "")
        s += c.tail or ""
    return s


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    old = paths(ET.parse(sys.argv[1]).getroot())
    new = paths(ET.parse(sys.argv[2]).getroot())
    lines = []
    with open(sys.argv[3], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            parts = line.split("\t")
            if len(parts) != 4:
                print("changes:%d: wants 4 tab-separated fields, has %d" % (n, len(parts)))
                return 1
            lines.append((n,) + tuple(parts))
    problems = []

    by_path = {}
    for n, path, o, w, rule in lines:
        by_path.setdefault(path, []).append((n, o, w, rule))
        if not rule:
            problems.append("changes:%d: no rule" % n)

    for path in by_path:
        el = path.rsplit("/@", 1)[0] if "/@" in path else path
        if el not in new:
            problems.append("%s: named by the list but not in the new plan" % path)

    for p, e in new.items():
        o = old.get(p)
        # attributes
        names = set(e.attrib) | (set(o.attrib) if o is not None else set())
        for a in sorted(names):
            if a.startswith("old-"):
                base = a[4:]
                want = o.attrib.get(base, "") if o is not None else ""
                if e.attrib[a] != want:
                    problems.append("%s/@%s: mark '%s' but the old value was '%s'" % (p, a, e.attrib[a], want))
                continue
            before = o.attrib.get(a, "") if o is not None else ""
            after = e.attrib.get(a, "")
            val = before
            for n, lo, ln, rule in by_path.get(p + "/@" + a, []):
                if lo != val:
                    problems.append("changes:%d: %s/@%s was '%s' at this point, not '%s'" % (n, p, a, val, lo))
                val = ln
            if val != after:
                problems.append("%s/@%s: '%s' -> '%s' is not (fully) in the list" % (p, a, before, after))
        # text
        text_lines = by_path.get(p, [])
        if o is None and not any(lo == "" for _, lo, _, _ in text_lines):
            problems.append("%s: added, but no line with an empty old text names it" % p)
        before = own_text(o, False) if o is not None else ""
        after = own_text(e, True)
        marks = [(c.attrib.get("old", ""), c.text or "", c.attrib.get("rule", "")) for c in e if c.tag == "change"]
        if marks:
            # the marks say where: the text with each mark's old text put
            # back is the old text, and the marks are the list's lines
            if norm(own_text_old(e)) != norm(before):
                problems.append("%s: the marks do not give back the old text '%s' (they give '%s')"
                                % (p, norm(before), norm(own_text_old(e))))
            if marks != [(lo, ln, r) for _, lo, ln, r in text_lines]:
                problems.append("%s: change marks %s differ from the list %s"
                                % (p, marks, [(lo, ln, r) for _, lo, ln, r in text_lines]))
        else:
            # no marks (--no-marks): each line's old phrase after the last
            cur, pos = before, 0
            for n, lo, ln, rule in text_lines:
                i = cur.find(lo, pos)
                if i < 0:
                    problems.append("changes:%d: '%s' not found in the text of %s" % (n, lo, p))
                    continue
                cur = cur[:i] + ln + cur[i + len(lo):]
                pos = i + len(ln)
            if norm(cur) != norm(after):
                problems.append("%s: text '%s' -> '%s'; the list gives '%s'" % (p, norm(before), norm(after), norm(cur)))

    for p in old:
        if p not in new:
            problems.append("%s: in the old plan but not in the new one" % p)

    for m in problems:
        print(m)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
