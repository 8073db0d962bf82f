#!/usr/bin/python3
"""make_pdf_seeds.py OUTDIR - small PDFs that reach every part of the PDF
reader, as seeds for tests/fuzz/fuzz_pdf.c (the real PDFs in seeds_pdf are
200 KB and run at a few executions a second; these are 2-5 KB).

Each seed is written by hand, object by object: a single-byte font that is
not embedded (poppler substitutes one for rendering) with a ToUnicode map
for the Vietnamese letters, so the text layer reads as Vietnamese and
passes the OCR-garbage check.  Seeds: a plan page (header band, centred
title, paragraphs with a first-line indent, a footnote mark and its note,
a signature band); a ruled table going on to a second page; a landscape
page with an aligned number column and no rules; a page with a signature
widget whose appearance draws the document number.  Each file starts with
the harness's option byte (0)."""
import os
import sys

PAGE = (595, 842)


class Font:
    """Codes 32-126 are ASCII; every other letter gets the next code from
    128 (at most 128 of them)."""

    def __init__(self):
        self.codes = {}

    def encode(self, text):
        out = bytearray()
        for ch in text:
            if 32 <= ord(ch) < 127:
                out.append(ord(ch))
                continue
            if ch not in self.codes:
                if len(self.codes) >= 128:
                    raise SystemExit('too many letters for one font')
                self.codes[ch] = 128 + len(self.codes)
            out.append(self.codes[ch])
        esc = bytearray()
        for b in out:
            if b in b'()\\':
                esc.append(0x5C)
            esc.append(b)
        return bytes(esc)

    def tounicode(self):
        lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
                 '/CMapName /Seed def', '/CMapType 2 def',
                 '1 begincodespacerange', '<00> <FF>', 'endcodespacerange',
                 '1 beginbfrange', '<20> <7E> <0020>', 'endbfrange']
        items = sorted(self.codes.items(), key=lambda kv: kv[1])
        for k in range(0, len(items), 100):
            part = items[k:k + 100]
            lines.append('%d beginbfchar' % len(part))
            for ch, code in part:
                lines.append('<%02X> <%04X>' % (code, ord(ch)))
            lines.append('endbfchar')
        lines += ['endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end']
        return '\n'.join(lines).encode()


class Pdf:
    def __init__(self):
        self.objs = []
        self.font = Font()

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def stream(self, data, extra=b''):
        return b'<< /Length %d %s>>\nstream\n' % (len(data), extra) + data + b'\nendstream'

    def write(self, path, pages):
        """pages: list of (width, height, content bytes, annots list)."""
        # reserve: 1 catalog, 2 pages, 3 regular font, 4 bold font, 5 tounicode
        self.objs = [None] * 5
        kids = []
        fields = []
        for w, h, content, annots in pages:
            c = self.add(self.stream(content))
            ann = []
            for rect, ap in annots:
                apo = self.add(self.stream(ap, b'/Type /XObject /Subtype /Form /BBox [0 0 %d %d] '
                                           b'/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> '
                                           % (rect[2] - rect[0], rect[3] - rect[1])))
                ann.append(self.add(b'<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature%d) '
                                    b'/Rect [%d %d %d %d] /F 4 /AP << /N %d 0 R >> >>'
                                    % ((len(ann) + 1,) + tuple(rect) + (apo,))))
            fields += ann
            annot = b' /Annots [%s]' % b' '.join(b'%d 0 R' % a for a in ann) if ann else b''
            kids.append(self.add(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R '
                                 b'/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>%s >>'
                                 % (w, h, c, annot)))
        form = b' /AcroForm << /Fields [%s] /SigFlags 3 >>' % b' '.join(b'%d 0 R' % f for f in fields) if fields else b''
        self.objs[0] = b'<< /Type /Catalog /Pages 2 0 R%s >>' % form
        self.objs[1] = b'<< /Type /Pages /Count %d /Kids [%s] >>' % (
            len(kids), b' '.join(b'%d 0 R' % k for k in kids))
        widths = b' '.join(b'500' for _ in range(32, 256))
        for n, name in ((2, b'Times-Roman'), (3, b'Times-Bold')):
            self.objs[n] = (b'<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 '
                            b'/Widths [%s] /ToUnicode 5 0 R >>' % (name, widths))
        self.objs[4] = self.stream(self.font.tounicode())
        out = bytearray(b'\x00%PDF-1.4\n')
        offsets = []
        for i, body in enumerate(self.objs):
            offsets.append(len(out) - 1)
            out += b'%d 0 obj\n' % (i + 1) + body + b'\nendobj\n'
        xref = len(out) - 1
        out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(self.objs) + 1)
        for o in offsets:
            out += b'%010d 00000 n \n' % o
        out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(self.objs) + 1, xref)
        with open(path, 'wb') as f:
            f.write(out)


def text(pdf, x, y, s, size=13, bold=False):
    return b'BT /%s %d Tf %d %d Td (%s) Tj ET\n' % (b'F2' if bold else b'F1', size, x, y, pdf.font.encode(s))


def rule(x1, y1, x2, y2):
    return b'0.5 w %d %d m %d %d l S\n' % (x1, y1, x2, y2)


def plan_page(pdf):
    h = PAGE[1]
    c = b''
    c += text(pdf, 100, h - 70, 'ỦY BAN NHÂN DÂN', 12, True)
    c += text(pdf, 300, h - 70, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, True)
    c += text(pdf, 105, h - 85, 'TỈNH LÂM ĐỒNG', 12, True)
    c += text(pdf, 330, h - 85, 'Độc lập - Tự do - Hạnh phúc', 13, True)
    c += text(pdf, 110, h - 110, 'Số: 12/KH-UBND', 13)
    c += text(pdf, 320, h - 110, 'Lâm Đồng, ngày 05 tháng 01 năm 2026', 13)
    c += text(pdf, 260, h - 150, 'KẾ HOẠCH', 14, True)
    c += text(pdf, 180, h - 168, 'Tuyên truyền cải cách hành chính năm 2026', 14, True)
    c += text(pdf, 113, h - 200, 'Căn cứ Quyết định số 1160/QĐ-TTg ngày 13/7/2021 của Thủ tướng', 14)
    c += text(pdf, 85, h - 218, 'Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:', 14)
    c += b'BT /F1 8 Tf 420 %d Td (1) Tj ET\n' % (h - 212)
    c += text(pdf, 113, h - 245, 'I. MỤC ĐÍCH, YÊU CẦU', 14, True)
    c += text(pdf, 113, h - 270, '- Nâng cao nhận thức của cán bộ, công chức về cải cách', 14)
    c += text(pdf, 85, h - 288, 'hành chính; tạo đồng thuận trong nhân dân.', 14)
    c += text(pdf, 113, h - 313, '2. Sở Nội vụ chủ trì, báo cáo trước ngày 15/12/2026.', 14)
    c += text(pdf, 85, h - 420, 'Nơi nhận:', 12, True)
    c += text(pdf, 330, h - 420, 'TM. ỦY BAN NHÂN DÂN', 13, True)
    c += text(pdf, 85, h - 434, '- Bộ Nội vụ;', 11)
    c += text(pdf, 350, h - 436, 'KT. CHỦ TỊCH', 13, True)
    c += text(pdf, 85, h - 447, '- Lưu: VT.', 11)
    c += text(pdf, 345, h - 452, 'PHÓ CHỦ TỊCH', 13, True)
    c += text(pdf, 345, h - 530, 'Nguyễn Văn An', 13, True)
    c += rule(85, 60, 200, 60)
    c += b'BT /F1 7 Tf 85 %d Td (1) Tj ET\n' % 50
    c += text(pdf, 92, 46, 'Quyết định về tuyên truyền, quảng bá ASEAN.', 10)
    c += text(pdf, 290, 25, '2', 12)
    return c


def table_pages(pdf):
    h = PAGE[1]
    xs = [85, 120, 330, 450, 540]
    pages = []
    for p in range(2):
        c = b''
        top = h - 80 if p else h - 120
        if not p:
            c += text(pdf, 200, h - 90, 'PHỤ LỤC NHIỆM VỤ', 14, True)
        rows = 6
        ys = [top - 40 * i for i in range(rows + 1)]
        for y in ys:
            c += rule(xs[0], y, xs[-1], y)
        for x in xs:
            c += rule(x, ys[0], x, ys[-1])
        head = ['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian']
        for r in range(rows):
            y = ys[r] - 16
            cells = head if r == 0 else [str(r + p * 5), 'Tuyên truyền về cải cách hành chính',
                                         'Sở Nội vụ', 'Quý %d' % (r % 4 + 1)]
            for k, s in enumerate(cells):
                c += text(pdf, xs[k] + 4, y, s, 12, r == 0)
            if r and k:
                c += text(pdf, xs[1] + 4, y - 14, 'trên địa bàn tỉnh', 12)
        pages.append((PAGE[0], PAGE[1], c, []))
    return pages


def aligned_page(pdf):
    w, h = PAGE[1], PAGE[0]
    c = text(pdf, 300, h - 60, 'DANH SÁCH ĐƠN VỊ', 14, True)
    for r in range(8):
        y = h - 100 - 20 * r
        c += text(pdf, 60, y, str(r + 1), 12)
        c += text(pdf, 100, y, 'Sở Văn hóa, Thể thao và Du lịch', 12)
        c += text(pdf, 400, y, 'Hoàn thành', 12)
        c += text(pdf, 600, y, '%d,5' % (80 + r), 12)
    return (w, h, c, [])


def widget_page(pdf):
    h = PAGE[1]
    c = text(pdf, 100, h - 70, 'SỞ NỘI VỤ', 12, True)
    c += text(pdf, 300, h - 70, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, True)
    c += text(pdf, 113, h - 200, 'Thông báo kết quả cải cách hành chính của tỉnh năm 2025.', 14)
    ap = text(pdf, 2, 6, 'Số: 329 /BC-UBND', 12)
    ap2 = text(pdf, 2, 6, 'Ký bởi: Sở Nội vụ', 8)
    return (PAGE[0], PAGE[1], c, [((95, h - 115, 230, h - 95), ap), ((400, 40, 560, 60), ap2)])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = Pdf()
    p.write(os.path.join(out, 'small-plan.bin'), [(PAGE[0], PAGE[1], plan_page(p), [])])
    p = Pdf()
    p.write(os.path.join(out, 'small-table.bin'), table_pages(p))
    p = Pdf()
    p.write(os.path.join(out, 'small-aligned.bin'), [aligned_page(p)])
    p = Pdf()
    p.write(os.path.join(out, 'small-widget.bin'), [widget_page(p)])


if __name__ == '__main__':
    main()
