#!/usr/bin/python3
"""make_layout_seeds.py OUTDIR - seeds for fuzz_pdf_layout.c in its record
format (see that file): a plan page (header band, centred title, a
paragraph, a ruled table, a signature band) and a page of a table going
on, with a footnote mark."""
import os
import struct
import sys

WORDS = ["Số:", "12/KH-UBND", "ỦY", "BAN", "NHÂN", "DÂN", "CỘNG", "HÒA",
         "XÃ", "HỘI", "KẾ", "HOẠCH", "Nơi", "nhận:", "-", "Bộ",
         "Nội", "vụ;", "TM.", "KT.", "CHỦ", "TỊCH", "1", "2",
         "3", "4.", "a)", "I.", "Lâm", "Đồng,", "ngày", "tháng",
         "năm", "2026", "tuyên", "truyền", "cải", "cách", "hành", "chính"]


def word(x, y, w, size=13, bold=False):
    kind = 0 | (4 if bold else 0) | ((size - 6) << 4)
    return struct.pack('<BHHB', kind, int(x * 4), int(y * 4), WORDS.index(w))


def hrule(x1, x2, y):
    return struct.pack('<BHHB', 1, int(x1 * 4), int(x2 * 4), int(y / 3.3))


def vrule(y1, y2, x):
    return struct.pack('<BHHB', 2, int(y1 * 4), int(y2 * 4), int(x / 3.3))


def text(x, y, ws, size=13, bold=False):
    out = b''
    for w in ws:
        out += word(x, y, w, size, bold)
        x += size * 0.45 * len(w) + size * 0.25
    return out


page1 = b''
page1 += text(100, 60, ['ỦY', 'BAN', 'NHÂN', 'DÂN'], 12, True)
page1 += text(300, 60, ['CỘNG', 'HÒA', 'XÃ', 'HỘI'], 12, True)
page1 += text(110, 78, ['Số:', '12/KH-UBND'])
page1 += text(320, 78, ['Lâm', 'Đồng,', 'ngày', 'tháng', 'năm', '2026'])
page1 += text(270, 120, ['KẾ', 'HOẠCH'], 14, True)
for k in range(4):
    page1 += text(113 if k == 0 else 85, 150 + 18 * k,
                  ['tuyên', 'truyền', 'cải', 'cách', 'hành', 'chính'] * 3, 14)
for y in (300, 330, 360, 390):
    page1 += hrule(85, 510, y)
for x in (85, 120, 300, 510):
    page1 += vrule(300, 390, x)
for r, n in enumerate(['1', '2', '3']):
    page1 += text(95, 310 + 30 * r, [n], 12)
    page1 += text(125, 310 + 30 * r, ['tuyên', 'truyền', 'cải', 'cách'], 12)
    page1 += text(305, 310 + 30 * r, ['Bộ', 'Nội', 'vụ;'], 12)
page1 += text(85, 600, ['Nơi', 'nhận:'], 12, True)
page1 += text(330, 600, ['TM.', 'ỦY', 'BAN', 'NHÂN', 'DÂN'], 13, True)
page1 += text(85, 614, ['-', 'Bộ', 'Nội', 'vụ;'], 11)
page1 += text(350, 616, ['KT.', 'CHỦ', 'TỊCH'], 13, True)
page1 += text(400, 800, ['2'], 12)
page2 = b''
for y in (60, 90, 120):
    page2 += hrule(85, 510, y)
for x in (85, 120, 300, 510):
    page2 += vrule(60, 120, x)
page2 += text(95, 70, ['4.'], 12) + text(125, 70, ['hành', 'chính'], 12)
page2 += text(85, 200, ['cải', 'cách', 'hành', 'chính'] * 4, 14)
page2 += word(300, 198, '1', 8)
page2 += text(85, 780, ['1', 'tuyên', 'truyền'], 10)
nextpage = struct.pack('<BHHB', 3, 0, 0, 0)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'plan.bin'), 'wb') as f:
    f.write(bytes([1]) + page1 + nextpage + page2)
with open(os.path.join(out, 'one-page.bin'), 'wb') as f:
    f.write(bytes([0]) + page1)
