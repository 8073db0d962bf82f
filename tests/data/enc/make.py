#!/usr/bin/env python3
"""make.py - write the encoded test files in tests/data/enc/ from the seeds.

    python3 tests/data/enc/make.py [OUTDIR]

writes into OUTDIR (default tests/data/enc/, beside this script).

Each of the five seed plans corpus/NAME/NAME.txt (UTF-8, NFC) is written as:

  NAME.tcvn3.txt          TCVN3 (ABC), through the inverse of extract/read/encodings/tcvn3.tsv;
                          upper-case toned vowels become lower case (TCVN3 has none)
  NAME.vn1.txt            TCVN 5712 VN1, inverse of vn1.tsv; the script stops unless
                          glibc's iconv -t TCVN5712-1//TRANSLIT writes the same bytes
  NAME.vni.txt            VNI-Windows, inverse of vni.tsv
  NAME.cp1258.txt         Windows-1258, inverse of cp1258.tsv (letters cp1258 lacks are
                          base letter + tone byte); checked against iconv -t CP1258 too
  NAME.utf16le.txt        UTF-16LE with BOM
  NAME.nfd.txt            UTF-8, NFD (decomposed)
  NAME.tcvn3-as-1252.txt  the TCVN3 bytes read as Windows-1252, saved as UTF-8
  NAME.vni-as-1252.txt    the VNI bytes read as Windows-1252, saved as UTF-8

and, for the first seed only, NAME.utf16be.txt, NAME.utf8bom.txt and
NAME.nfd0340.txt (NFD with U+0340/U+0341 for U+0300/U+0301).

VN1 has no “ ” – (its 0x80-0x9F are capitals): both the inverse here and
glibc's //TRANSLIT write them as " " -, and tests/cli/t0600-encodings.sh
expects that.  The inverse tables are built from the .tsv files only: a
byte that is a letter of the encoding wins over a fallback byte.  Python's
unicodedata and codecs (cp1252) and glibc's iconv are the only other
sources.
"""
import os
import subprocess
import sys
import unicodedata

TOP = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(TOP, "tests", "data", "enc")
# the five seed plans (DOMAIN.md SEED-0..4); other corpus entries are not encoded
SEEDS = ["000-haiphong-asean-2021", "001-hatinh-asean-2020", "002-soctrang-asean-2014",
         "003-hungyen-ttdn-2022", "004-camau-asean-2019"]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
VN1_TRANSLIT = {"\u201c": '"', "\u201d": '"', "\u2013": "-"}


def read_tsv(name):
    """(bytes, code points, fallback) rows of extract/read/encodings/NAME.tsv."""
    rows = []
    with open(os.path.join(TOP, "extract", "read", "encodings", name + ".tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[1] == "-":
                continue
            bs = bytes(int(x, 16) for x in cols[0].split())
            cps = "".join(chr(int(x, 16)) for x in cols[1].split())
            rows.append((bs, cps, len(cols) > 3 and cols[3].startswith("fallback")))
    return rows


def inverse(name):
    """(letters, others): text -> bytes for the letter rows of the table,
    and for ASCII and its fallback rows.  Of two spellings the shorter."""
    letters, others = {}, {chr(c): bytes([c]) for c in range(0x20, 0x7F)}
    others.update({"\t": b"\t", "\n": b"\n", "\r": b"\r"})
    for bs, cps, fallback in read_tsv(name):
        d = others if fallback else letters
        if cps not in d or len(bs) < len(d[cps]):
            d[cps] = bs
    return letters, others


def encode(text, inv, name, lower_toned=False, decompose=False):
    """Letters first, then (TCVN3) the lower-case letter for a capital the
    encoding lacks, then ASCII and fallback bytes, then (VN1, Windows-1258)
    base letter + combining tone byte."""
    letters, others = inv
    out = bytearray()
    for ch in text:
        if ch in letters:
            out += letters[ch]
            continue
        if lower_toned and ch.lower() in letters:
            out += letters[ch.lower()]  # TCVN3: no upper-case toned vowels
            continue
        if ch in others:
            out += others[ch]
            continue
        if decompose:
            d = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in d if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
            b = letters.get(base, others.get(base))
            if b and all(t in letters for t in tone):
                out += b + b"".join(letters[t] for t in tone)
                continue
        sys.exit("make.py: %s cannot encode %r (U+%04X)" % (name, ch, ord(ch)))
    return bytes(out)


def iconv(text, to):
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", to], input=text.encode("utf-8"),
                       capture_output=True, check=True)
    return r.stdout


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    global OUT
    if len(sys.argv) > 1:
        OUT = sys.argv[1]
    seeds = SEEDS
    inv = {n: inverse(n) for n in ("tcvn3", "vn1", "vni", "cp1258")}
    for i, name in enumerate(seeds):
        with open(os.path.join(TOP, "corpus", name, name + ".txt"), encoding="utf-8") as f:
            text = f.read()
        if unicodedata.normalize("NFC", text) != text:
            sys.exit("make.py: %s is not NFC" % name)
        base = os.path.join(OUT, name)
        tcvn3 = encode(text, inv["tcvn3"], "tcvn3", lower_toned=True)
        vni = encode(text, inv["vni"], "vni")
        vn1_text = "".join(VN1_TRANSLIT.get(c, c) for c in text)
        write(base + ".tcvn3.txt", tcvn3)
        vn1 = encode(vn1_text, inv["vn1"], "vn1", decompose=True)
        cp1258 = encode(text, inv["cp1258"], "cp1258", decompose=True)
        # the independent conversion must agree byte for byte
        if vn1 != iconv(text, "TCVN5712-1//TRANSLIT"):
            sys.exit("make.py: %s: vn1.tsv's inverse and glibc's TCVN5712-1 differ" % name)
        if cp1258 != iconv(text, "CP1258"):
            sys.exit("make.py: %s: cp1258.tsv's inverse and glibc's CP1258 differ" % name)
        write(base + ".vn1.txt", vn1)
        write(base + ".vni.txt", vni)
        write(base + ".cp1258.txt", cp1258)
        write(base + ".utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        write(base + ".nfd.txt", unicodedata.normalize("NFD", text).encode("utf-8"))
        write(base + ".tcvn3-as-1252.txt", tcvn3.decode("cp1252").encode("utf-8"))
        write(base + ".vni-as-1252.txt", vni.decode("cp1252").encode("utf-8"))
        if i == 0:
            write(base + ".utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
            write(base + ".utf8bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
            nfd = unicodedata.normalize("NFD", text).replace("\u0300", "\u0340").replace("\u0301", "\u0341")
            write(base + ".nfd0340.txt", nfd.encode("utf-8"))


if __name__ == "__main__":
    main()
