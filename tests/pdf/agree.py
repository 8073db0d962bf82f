#!/usr/bin/python3
"""agree.py DOCX BLOCKS - how far the PDF reader's blocks agree with the
DOCX the PDF was printed from.  Prints four lines and exits 1 when a check
fails:

  words A/B = P%      word agreement (needs >= 98%)
  headings same|differ  the Roman-numbered section headings, in order
  recipients same|differ the "Nơi nhận" list, in order
  signer same|differ   the lines of the signer's cell

Word agreement: both texts are cut into words (NFC, lower case, split at
white space, punctuation stripped at both ends, empty words dropped); A is
the size of the multiset intersection, B the mean of the two word counts;
P = A/B, the Dice coefficient of the two bags of words.  The DOCX text is
every paragraph of the body and its tables (python-docx) plus
word/footnotes.xml; the PDF text is every paragraph and note of the dump.
Words the signed PDF adds (the number and day stamped at signing) count
against it."""
import re, sys, unicodedata, zipfile
from collections import Counter
import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def words(text):
    out = []
    for w in unicodedata.normalize("NFC", text).lower().split():
        w = w.strip(".,;:!?()[]\"'“”‘’…-–*/")
        if w:
            out.append(w)
    return out

def docx_paras(path):
    d = docx.Document(path)
    paras = []
    def walk(el):
        for c in el.iterchildren():
            if c.tag == W + "p":
                paras.append("".join(t.text or "" for t in c.iter(W + "t")))
            elif c.tag == W + "tbl":
                for tc in c.iter(W + "tc"):
                    for p in tc.iterchildren(W + "p"):
                        paras.append("".join(t.text or "" for t in p.iter(W + "t")))
    walk(d.element.body)
    notes = []
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" in z.namelist():
            root = etree.fromstring(z.read("word/footnotes.xml"))
            for fn in root.iter(W + "footnote"):
                if fn.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                notes.append(" ".join("".join(t.text or "" for t in p.iter(W + "t"))
                                      for p in fn.iter(W + "p")))
    return paras, notes

def dump_paras(path):
    paras = []
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if (s.startswith("P ") or s.startswith("P|") or s.startswith("NOTE ")) and " | " in s:
            paras.append(s.split(" | ", 1)[1].replace("\\n", " "))
    return paras

HEAD = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")

def headings(paras):
    return [unicodedata.normalize("NFC", " ".join(p.split())) for p in paras if HEAD.match(p.strip())]

def recipients(paras):
    out, on = [], False
    for p in paras:
        t = " ".join(p.split())
        if t.startswith("Nơi nhận"):
            on = True
            continue
        if on and t.startswith("-"):
            out.append(unicodedata.normalize("NFC", t))
        elif on and out:
            break
    return out

docx_p, docx_notes = docx_paras(sys.argv[1])
pdf_p = dump_paras(sys.argv[2])
a = Counter(words(" ".join(docx_p + docx_notes)))
b = Counter(words(" ".join(pdf_p)))
common = sum((a & b).values())
mean = (sum(a.values()) + sum(b.values())) / 2
pct = 100.0 * common / mean if mean else 0
fail = 0
print("words %d/%.0f = %.2f%%" % (common, mean, pct))
if pct < 98.0:
    fail = 1
    print("# only in DOCX:", (a - b).most_common(15))
    print("# only in PDF:", (b - a).most_common(15))
for name, f in (("headings", headings), ("recipients", recipients)):
    x, y = f(docx_p), f(pdf_p)
    same = x == y and len(x) > 0
    print("%s %s (%d)" % (name, "same" if same else "differ", len(x)))
    if not same:
        fail = 1
        for i in range(max(len(x), len(y))):
            l = x[i] if i < len(x) else None
            r = y[i] if i < len(y) else None
            if l != r:
                print("#   docx:", l, "\n#   pdf: ", r)
sys.exit(fail)
