#!/usr/bin/env python3
"""pdfcheck.py - checks of a PDF that soan wrote, measured with tools we
did not write (poppler's pdftotext/pdftohtml/pdffonts, qpdf).  Each check
prints TAP lines ("ok - ..." / "not ok - ...") for tests/cli/*.sh.

  pdfcheck.py text FO PDF          every word of the FO is in the PDF's text, NFC
  pdfcheck.py fonts PDF            only embedded subset TrueType fonts with ToUnicode
  pdfcheck.py glyphs PDF           every drawn character has a real glyph in the
                                   embedded font, composite components included,
                                   with the advance of the installed font
  pdfcheck.py geometry PDF PAGE W H L R T B [INSET [HEADER]]
                                   page size and margins (points) from text positions;
                                   INSET: text starts that far right of L (cell padding);
                                   HEADER centre (default): text in the top margin is
                                   centred, or none
  pdfcheck.py word PDF PAGE WORD [left=X] [right=X] [within=X] [below=Y] [first=T]
                                   where a word is: starts at X, ends at X, ends
                                   before X, its top below Y, the first word below T
  pdfcheck.py gap PDF PAGE WORD1 WORD2 PT [WHY]
                                   WORD2's baseline is PT below WORD1's
  pdfcheck.py sizes PDF 'TEXT=SIZE[b][i]' ...
                                   font size (and bold, italic) of the first text
                                   run starting with TEXT
  pdfcheck.py outline PDF          each bookmark points at the page showing its title
  pdfcheck.py pages PDF            prints the page count (no TAP)
"""
import base64
import collections
import json
import re
import struct
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

FO = "{http://www.w3.org/1999/XSL/Format}"
SOAN = "{urn:soan:layout}"
failed = 0


def tap(ok, desc, detail=None):
    global failed
    print(("ok - " if ok else "not ok - ") + desc)
    if not ok:
        failed += 1
        for line in (detail or "").splitlines()[:10]:
            print("#   " + line)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def words(s):
    return [w for w in re.split(r"[ \t\r\n\f]+", s) if w]


# ---- text -------------------------------------------------------------------

def fo_text(path):
    """The text an FO document draws: flows and static content, fields'
    own text, a change's new text; not bookmarks or declarations.  Text
    of adjacent inline elements joins ("Số<inline>446</inline>" is one
    word); blocks, leaders and empty fields separate words."""
    out = []

    def walk(e, drawn):
        tag = e.tag
        if tag == SOAN + "old" or tag in (FO + "declarations", FO + "bookmark-tree"):
            return
        if tag in (FO + "flow", FO + "static-content"):
            drawn = True
        blank_field = tag == SOAN + "field" and not "".join(e.itertext()).strip()
        if tag in (FO + "block", FO + "leader", FO + "table-cell") or blank_field:
            out.append(" ")
        if drawn and e.text:
            out.append(e.text)
        for c in e:
            walk(c, drawn)
            if drawn and c.tail:
                out.append(c.tail)
        if tag in (FO + "block", FO + "leader", FO + "table-cell") or blank_field:
            out.append(" ")

    walk(ET.parse(path).getroot(), False)
    return "".join(out)


def undot(s):
    """Leaders and blank fields print rows of dots: not words."""
    return re.sub(r"\.{3,}", " ", s)


def cmd_text(fo, pdf):
    # -layout: the other modes take a hyphen that ends a line for a word
    # broken in two and join the lines ("Năm 2014-" / "2015").  A lone "."
    # after a blank field joins the field's dots, and U+00A0 alone is not
    # a word to pdftotext.
    want = [unicodedata.normalize("NFC", w) for w in words(undot(fo_text(fo)))
            if w != "." and w.strip()]
    got_raw = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").decode("utf-8")
    got = words(undot(got_raw))
    tap(got_raw == unicodedata.normalize("NFC", got_raw), "pdftotext output of %s is NFC" % pdf)
    tap("\ufffd" not in got_raw, "no replacement characters in the text of %s" % pdf)
    missing = collections.Counter(want) - collections.Counter(
        unicodedata.normalize("NFC", w) for w in got)
    # a word wider than its column is split between lines as a last resort:
    # found again once the text's whitespace is gone
    raw = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").decode("utf-8")
    flat = "".join(words(unicodedata.normalize("NFC", raw)))
    split = [w for w in missing if len(w) > 8 and w in flat]
    for w in split:
        del missing[w]
    tap(not missing, "every word of %s is in the text of %s (%d words)" % (fo, pdf, len(want)),
        "missing: " + " ".join(list(missing.elements())[:20]))


# ---- fonts ------------------------------------------------------------------

def cmd_fonts(pdf):
    lines = run("pdffonts", pdf).decode().splitlines()[2:]
    tap(len(lines) > 0, "%s has fonts" % pdf)
    for l in lines:
        f = l.split()
        name = f[0]
        emb, sub, uni = f[-5], f[-4], f[-3]
        tap("+" in name and emb == "yes" and sub == "yes" and uni == "yes" and "TrueType" in l,
            "font %s is an embedded subset TrueType font with ToUnicode" % name, l)


def qpdf_objects(pdf):
    j = json.loads(run("qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline",
                       "--decode-level=generalized", pdf))
    return j["qpdf"][1]


def stream_data(objs, ref):
    return base64.b64decode(objs["obj:" + ref]["stream"]["data"])


def tounicode_cids(data):
    cids = {}
    text = data.decode("latin-1")
    for sec in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, u in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", sec):
            for k, c in enumerate(range(int(a, 16), int(b, 16) + 1)):
                cids[c] = int(u, 16) + k
    for sec in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for a, u in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", sec):
            cids[int(a, 16)] = int(u, 16)
    return cids


class TTF:
    def __init__(self, data):
        self.d = data
        n = struct.unpack(">H", data[4:6])[0]
        self.t = {}
        for i in range(n):
            tag, _, off, ln = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            self.t[tag.decode("latin-1")] = (off, ln)
        head = self.t["head"][0]
        self.upem = struct.unpack(">H", data[head + 18:head + 20])[0]
        self.long = struct.unpack(">h", data[head + 50:head + 52])[0]
        maxp = self.t["maxp"][0]
        self.n = struct.unpack(">H", data[maxp + 4:maxp + 6])[0]
        hhea = self.t["hhea"][0]
        self.nhm = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]

    def span(self, g):
        lo = self.t["loca"][0]
        if self.long:
            a, b = struct.unpack(">II", self.d[lo + 4 * g:lo + 4 * g + 8])
        else:
            a, b = [2 * x for x in struct.unpack(">HH", self.d[lo + 2 * g:lo + 2 * g + 4])]
        return self.t["glyf"][0] + a, b - a

    def advance(self, g):
        h = self.t["hmtx"][0]
        i = min(g, self.nhm - 1)
        return struct.unpack(">H", self.d[h + 4 * i:h + 4 * i + 2])[0]

    def components(self, g):
        off, ln = self.span(g)
        if ln < 10 or struct.unpack(">h", self.d[off:off + 2])[0] >= 0:
            return []
        p, out = off + 10, []
        while True:
            fl, gi = struct.unpack(">HH", self.d[p:p + 4])
            out.append(gi)
            p += 4 + (4 if fl & 1 else 2)
            p += 2 if fl & 8 else 4 if fl & 0x40 else 8 if fl & 0x80 else 0
            if not fl & 0x20:
                return out

    def cmap(self):
        off = self.t["cmap"][0]
        d = self.d
        m = {}
        for i in range(struct.unpack(">H", d[off + 2:off + 4])[0]):
            p, e, o = struct.unpack(">HHI", d[off + 4 + 8 * i:off + 12 + 8 * i])
            b = off + o
            if struct.unpack(">H", d[b:b + 2])[0] != 4 or p != 3:
                continue
            sc = struct.unpack(">H", d[b + 6:b + 8])[0] // 2
            ends = struct.unpack(">%dH" % sc, d[b + 14:b + 14 + 2 * sc])
            starts = struct.unpack(">%dH" % sc, d[b + 16 + 2 * sc:b + 16 + 4 * sc])
            deltas = struct.unpack(">%dh" % sc, d[b + 16 + 4 * sc:b + 16 + 6 * sc])
            ro = b + 16 + 6 * sc
            ros = struct.unpack(">%dH" % sc, d[ro:ro + 2 * sc])
            for s in range(sc):
                for c in range(starts[s], ends[s] + 1):
                    if c == 0xFFFF:
                        continue
                    if ros[s] == 0:
                        g = (c + deltas[s]) & 0xFFFF
                    else:
                        a = ro + 2 * s + ros[s] + 2 * (c - starts[s])
                        g = struct.unpack(">H", d[a:a + 2])[0]
                        g = (g + deltas[s]) & 0xFFFF if g else 0
                    m[c] = g
        return m


def installed_font(basefont):
    """The installed file behind a subset name like HPDFAB+LiberationSerif-Bold,Bold."""
    name = basefont.lstrip("/").split("+", 1)[-1].split(",")[0]
    fam, _, style = name.partition("-")
    fam = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", fam)
    style = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", style) or "Regular"
    path = run("fc-match", "-f", "%{file}", "%s:style=%s" % (fam, style)).decode()
    return path


def cmd_glyphs(pdf):
    objs = qpdf_objects(pdf)
    for key, o in objs.items():
        v = o.get("value")
        if not isinstance(v, dict) or v.get("/Subtype") != "/Type0":
            continue
        base = v["/BaseFont"]
        cids = tounicode_cids(stream_data(objs, v["/ToUnicode"]))
        cid_font = objs["obj:" + v["/DescendantFonts"][0]]["value"]
        cmap = stream_data(objs, cid_font["/CIDToGIDMap"])
        desc = objs["obj:" + cid_font["/FontDescriptor"]]["value"]
        sub = TTF(stream_data(objs, desc["/FontFile2"]))
        orig = TTF(open(installed_font(base), "rb").read())
        ocmap = orig.cmap()
        bad = []
        # the widths a viewer uses: /W entries, else /DW
        widths = {}
        w = cid_font.get("/W", [])
        k = 0
        while k < len(w):
            if isinstance(w[k + 1], list):
                for j, x in enumerate(w[k + 1]):
                    widths[w[k] + j] = x
                k += 2
            else:
                for c in range(w[k], w[k + 1] + 1):
                    widths[c] = w[k + 2]
                k += 3
        dw = cid_font.get("/DW", 1000)
        for cid, u in sorted(cids.items()):
            gid = struct.unpack(">H", cmap[2 * cid:2 * cid + 2])[0] if 2 * cid + 2 <= len(cmap) else 0
            ch = chr(u)
            if gid == 0 or gid >= sub.n:
                bad.append("U+%04X %s: no glyph (a box)" % (u, ch))
                continue
            blank = ch.isspace() or u == 0xA0
            todo, seen = [gid], set()
            while todo:
                g = todo.pop()
                if g in seen:
                    continue
                seen.add(g)
                _, ln = sub.span(g)
                if ln == 0 and not blank:
                    bad.append("U+%04X %s: glyph %d (or a component) has no outline" % (u, ch, g))
                todo.extend(sub.components(g))
            want_w = sub.advance(gid) * 1000 // sub.upem
            if widths.get(cid, dw) != want_w:
                bad.append("U+%04X %s: width %s in /W, the glyph's is %d"
                           % (u, ch, widths.get(cid, dw), want_w))
            og = ocmap.get(u, 0)
            if og and sub.advance(gid) * orig.upem != orig.advance(og) * sub.upem:
                bad.append("U+%04X %s: advance differs from the installed font" % (u, ch))
        tap(not bad, "%s: %d characters, each with its glyph and components" % (base, len(cids)),
            "\n".join(bad))


# ---- geometry -----------------------------------------------------------------

def bbox_page(pdf, page):
    x = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-").decode("utf-8")
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', x)
    ws = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', x)]
    return float(m.group(1)), float(m.group(2)), ws


def cmd_geometry(pdf, page, W, H, L, R, T, B, inset="0", header="centre"):
    """R with a leading '<': text only has to stay inside the right margin
    (pages of tables and centred text), not reach it (justified text)."""
    page = int(page)
    R_check = not R.startswith("<")
    R = R.lstrip("<")
    W, H, L, R, T, B = map(float, (W, H, L, R, T, B))
    pw, ph, ws = bbox_page(pdf, page)
    tap(abs(pw - W) < 0.05 and abs(ph - H) < 0.05,
        "page %d of %s is %.2f x %.2f pt" % (page, pdf, W, H), "got %.2f x %.2f" % (pw, ph))
    body = [w for w in ws if w[1] >= T - 0.5]
    head = [w for w in ws if w[1] < T - 0.5]
    if not body:
        tap(False, "page %d has body text" % page)
        return
    left = min(w[0] for w in body)
    right = max(w[2] for w in body)
    top = min(w[1] for w in body)
    bottom = max(w[3] for w in body)
    inset = float(inset)
    tap(abs(left - L - inset) < 0.6,
        "page %d: text starts at the left margin %.2f pt (+%.2f)" % (page, L, inset),
        "leftmost word at %.2f" % left)
    if R_check:
        tap(right <= W - R + 0.6 and right > W - R - 0.6,
            "page %d: text reaches the right margin %.2f pt" % (page, W - R),
            "rightmost word ends at %.2f" % right)
    else:
        tap(right <= W - R + 0.6, "page %d: text stays inside the right margin %.2f pt"
            % (page, W - R), "rightmost word ends at %.2f" % right)
    tap(top >= T - 0.5 and top < T + 20,
        "page %d: text starts below the top margin %.2f pt" % (page, T), "top word at %.2f" % top)
    tap(bottom <= H - B + 0.5, "page %d: text ends above the bottom margin %.2f pt" % (page, H - B),
        "bottom word at %.2f" % bottom)
    for w in head if header == "centre" else []:
        tap(w[3] <= T + 0.5 and abs((w[0] + w[2]) / 2 - (L + W - R) / 2) < 1,
            "page %d: '%s' in the top margin, centred" % (page, w[4]),
            "at x %.2f-%.2f y %.2f-%.2f" % (w[0], w[2], w[1], w[3]))


def cmd_word(pdf, page, text, *conds):
    """text: a word, WORD#N for its Nth occurrence, ~REGEX to match one."""
    _, _, ws = bbox_page(pdf, int(page))
    n = 1
    if "#" in text[1:]:
        text, _, k = text.rpartition("#")
        n = int(k)
    if text.startswith("~"):
        found = [w for w in ws if re.fullmatch(text[1:], w[4])]
    else:
        found = [w for w in ws if w[4] == text]
    if len(found) < n:
        tap(False, "page %s shows '%s'" % (page, text))
        return
    w = found[n - 1]
    if not conds:
        tap(True, "page %s shows '%s'" % (page, text))
    for c in conds:
        key, _, val = c.partition("=")
        v = float(val)
        if key == "left":
            tap(abs(w[0] - v) < 0.6, "page %s: '%s' starts at %.2f pt" % (page, text, v),
                "starts at %.2f" % w[0])
        elif key == "right":
            tap(abs(w[2] - v) < 0.6, "page %s: '%s' ends at %.2f pt" % (page, text, v),
                "ends at %.2f" % w[2])
        elif key == "below":
            tap(w[1] >= v - 0.01, "page %s: '%s' starts below %.2f pt" % (page, text, v),
                "top at %.2f" % w[1])
        elif key == "within":
            tap(w[2] <= v + 0.01, "page %s: '%s' ends before %.2f pt" % (page, text, v),
                "ends at %.2f" % w[2])
        elif key == "first":
            top = min(x[1] for x in ws if x[1] >= v - 0.5)
            tap(abs(w[1] - top) < 0.01, "page %s: '%s' is the first text below %.2f pt"
                % (page, text, v), "at %.2f, first text at %.2f" % (w[1], top))


def cmd_gap(pdf, page, a, b, want, why=""):
    """The baseline of word b is want points below word a's (WORD#N as in
    cmd_word)."""
    _, _, ws = bbox_page(pdf, int(page))

    def find(t):
        n = 1
        if "#" in t[1:]:
            t, _, k = t.rpartition("#")
            n = int(k)
        f = [w for w in ws if w[4] == t]
        return f[n - 1] if len(f) >= n else None
    wa, wb = find(a), find(b)
    if not wa or not wb:
        tap(False, "page %s shows '%s' and '%s'" % (page, a, b))
        return
    got = wb[3] - wa[3]
    tap(abs(got - float(want)) < 0.05, "page %s: '%s' is %s pt below '%s'%s" % (
        page, b, want, a, " (" + why + ")" if why else ""), "got %.2f" % got)


# ---- sizes ---------------------------------------------------------------------

def cmd_sizes(pdf, specs):
    # sizes come as integers at the zoom: zoom 2 keeps half points
    x = run("pdftohtml", "-xml", "-i", "-zoom", "2", "-stdout", pdf).decode("utf-8")
    fonts = {i: float(s) / 2 for i, s in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)"', x)}
    texts = re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', x)
    for spec in specs:
        text, _, want = spec.rpartition("=")
        m = re.match(r"([\d.]+)(b?)(i?)$", want)
        size, bold, italic = float(m.group(1)), bool(m.group(2)), bool(m.group(3))
        for fid, t in texts:
            plain = re.sub(r"<[^>]+>", "", t)
            if plain.strip().startswith(text):
                got_b, got_i = "<b>" in t, "<i>" in t
                ok = abs(fonts[fid] - size) < 0.15 and got_b == bold and got_i == italic
                tap(ok, "'%s' is %s pt%s%s" % (text, m.group(1), " bold" * bold, " italic" * italic),
                    "got %.1f pt bold=%s italic=%s" % (fonts[fid], got_b, got_i))
                break
        else:
            tap(False, "'%s' found in %s" % (text, pdf))


# ---- outline --------------------------------------------------------------------

def cmd_outline(pdf):
    j = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))
    npages = int(run("pdfinfo", pdf).decode().split("Pages:")[1].split()[0])
    pages = [" ".join(words(run("pdftotext", "-f", str(p), "-l", str(p), pdf, "-").decode()))
             for p in range(1, npages + 1)]

    def walk(items):
        for o in items:
            want = next((i + 1 for i, t in enumerate(pages) if o["title"] in t), None)
            tap(want is not None and o.get("destpageposfrom1") == want,
                "bookmark '%s' goes to page %s" % (o["title"], want),
                "goes to %s" % o.get("destpageposfrom1"))
            walk(o.get("kids", []))

    tap(len(j["outlines"]) > 0, "%s has an outline" % pdf)
    walk(j["outlines"])


def main():
    try:
        check(sys.argv[1], sys.argv[2:])
    except (subprocess.CalledProcessError, OSError) as e:
        cmd = getattr(e, "cmd", None) or getattr(e, "filename", "")
        tap(False, "%s: %s failed" % (sys.argv[1], " ".join(map(str, cmd)) if isinstance(cmd, (list, tuple)) else cmd),
            (getattr(e, "stderr", b"") or b"").decode("utf-8", "replace"))
    sys.exit(1 if failed else 0)


def check(cmd, args):
    if cmd == "text":
        cmd_text(*args)
    elif cmd == "fonts":
        cmd_fonts(*args)
    elif cmd == "glyphs":
        cmd_glyphs(*args)
    elif cmd == "geometry":
        cmd_geometry(*args)
    elif cmd == "gap":
        cmd_gap(*args)
    elif cmd == "word":
        cmd_word(*args)
    elif cmd == "sizes":
        cmd_sizes(args[0], args[1:])
    elif cmd == "outline":
        cmd_outline(*args)
    elif cmd == "pages":
        print(run("pdfinfo", args[0]).decode().split("Pages:")[1].split()[0])
    else:
        sys.exit("pdfcheck.py: unknown check " + cmd)


if __name__ == "__main__":
    main()
