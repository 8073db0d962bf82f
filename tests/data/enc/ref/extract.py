#!/usr/bin/env python3
"""extract.py - transcribe the public tables the encoding tests check against.

    python3 tests/data/enc/ref/extract.py IBUS_UNIKEY_GIT XVNKB_GIT

reads ukengine/data.cpp of vn-input/ibus-unikey and vni.h of lamdao/xvnkb
from the HEAD of the two git directories given, and writes beside this
script:

  unikey.tsv      the 186 letters of ibus-unikey's common order (UnicodeTable:
                  12 vowel groups x 6 tones, upper/lower, and the consonants)
                  with their bytes in its TCVN3, VNI-WIN and WinCP1258 tables
  xvnkb-vni.tsv   the 146 VNI-Windows spellings of xvnkb's VNI[] in its
                  order (12 vowels x 6 tones, upper then lower, then Đ/đ)

Only the facts (which bytes spell which letter) are kept; the letters of
xvnkb's order are named here from the order its file uses.
"""
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def show(git, path):
    git_dir = git if git.endswith(".git") or os.path.isfile(os.path.join(git, "HEAD")) else os.path.join(git, ".git")
    r = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path], capture_output=True, check=True)
    head = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "--short", "HEAD"],
                          capture_output=True, check=True, text=True).stdout.strip()
    return r.stdout, head


def block(src, start, end):
    i = src.index(start)
    return src[i:src.index(end, i)]


def c_values(text):
    """Values of a C initializer: 'x' byte literals and hex numbers, in order."""
    text = re.sub(rb"//[^\n]*", b"", text)
    vals = []
    for m in re.finditer(rb"'(\\?.)'|0x([0-9a-fA-F]+)", text, re.S):
        if m.group(1) is not None:
            lit = m.group(1)
            vals.append(lit[-1] if lit[:1] != b"\\" else {b"\\\\": 0x5C, b"\\'": 0x27}[lit])
        else:
            vals.append(int(m.group(2), 16))
    return vals


def main():
    data, uk_head = show(sys.argv[1], "ukengine/data.cpp")
    uni = c_values(block(data, b"UnicodeTable[TOTAL_VNCHARS]", b"};").split(b"=", 1)[1])
    tcvn3 = c_values(block(data, b"// TCVN3", b"//VPS").split(b"{{", 1)[1])
    vni = c_values(block(data, b"//VNI-WIN", b"//BKHCM2"))
    cp1258 = c_values(block(data, b"WinCP1258[TOTAL_VNCHARS]", b"};").split(b"=", 1)[1])
    for name, t in (("UnicodeTable", uni), ("TCVN3", tcvn3), ("VNI-WIN", vni), ("WinCP1258", cp1258)):
        if len(t) != 213:
            sys.exit("extract.py: %s has %d entries, not 213" % (name, len(t)))
    with open(os.path.join(HERE, "unikey.tsv"), "w", encoding="utf-8") as f:
        f.write("# unikey.tsv - vn-input/ibus-unikey ukengine/data.cpp (commit %s), transcribed by\n"
                "# extract.py: letter, its code point (UnicodeTable), and its bytes in the\n"
                "# TCVN3 (SingleByteTables), VNI-WIN (DoubleByteTables: base then mark) and\n"
                "# WinCP1258 (base then tone byte) tables.  The 27 Windows-1252 symbols\n"
                "# that end each table are left out.\n" % uk_head)
        for i in range(186):
            def word(w):
                return "%02X" % (w & 0xFF) + (" %02X" % (w >> 8) if w >> 8 else "")
            f.write("%s\t%04X\t%02X\t%s\t%s\n" % (chr(uni[i]), uni[i], tcvn3[i], word(vni[i]), word(cp1258[i])))

    vh, xv_head = show(sys.argv[2], "vni.h")
    strs = re.findall(rb'"([^"]*)"', vh.split(b"VNI[] = {", 1)[1])
    if len(strs) == 147 and strs[146] == strs[145]:
        strs = strs[:146]  # the last entry "ñ" is written twice at this commit
    if len(strs) != 146:
        sys.exit("extract.py: vni.h has %d entries, not 146" % len(strs))
    vowels = ["a", "â", "ă", "e", "ê", "o", "ô", "ơ", "u", "ư", "i", "y"]
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    order = []
    for case in (str.upper, str.lower):
        order += [unicodedata.normalize("NFC", case(v) + t) for v in vowels for t in tones]
        order.append(case("đ"))
    with open(os.path.join(HERE, "xvnkb-vni.tsv"), "w", encoding="utf-8") as f:
        f.write("# xvnkb-vni.tsv - lamdao/xvnkb vni.h (commit %s), transcribed by extract.py:\n"
                "# letter, code point, its VNI-Windows bytes.  vni.h lists bytes only; its order\n"
                "# is 12 vowels (a â ă e ê o ô ơ u ư i y) x 6 tones (none, sắc, huyền, hỏi, ngã,\n"
                "# nặng), upper case then lower case, each followed by Đ/đ.\n" % xv_head)
        for s, ch in zip(strs, order):
            f.write("%s\t%04X\t%s\n" % (ch, ord(ch), " ".join("%02X" % b for b in s)))


if __name__ == "__main__":
    main()
