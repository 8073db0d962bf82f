#!/usr/bin/python3
"""make-aligned.py OUT.docx - a plan page whose task table has no borders:
only the alignment of its text columns shows the table (a number column
1, 2, 3 ... and three text columns, cells that wrap), between ordinary
paragraphs, and a short list typed with tabs that is not a table.
tests/data/pdf/aligned-table.pdf is this printed by LibreOffice:
  /usr/bin/python3 tests/data/pdf/make-aligned.py /tmp/a.docx
  soffice --headless --convert-to pdf --outdir /tmp /tmp/a.docx"""
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

d = docx.Document()
sec = d.sections[0]
sec.page_width, sec.page_height = Cm(21), Cm(29.7)
sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
st = d.styles['Normal']
st.font.name = 'Times New Roman'
st.font.size = Pt(14)
st.paragraph_format.space_before = Pt(6)
st.paragraph_format.space_after = Pt(0)


def para(text, bold=False, centre=False):
    p = d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold or None
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)


para('III. NHIỆM VỤ CỤ THỂ', bold=True)
para('Các sở, ban, ngành và địa phương thực hiện các nhiệm vụ sau đây, '
     'bảo đảm đúng tiến độ và báo cáo kết quả về Sở Nội vụ:')
rows = [
    ('STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'),
    ('1', 'Tuyên truyền cải cách hành chính trên Cổng thông tin điện tử tỉnh',
     'Sở Nội vụ', 'Quý I năm 2026'),
    ('2', 'Tổ chức hội nghị tập huấn về cải cách thủ tục hành chính',
     'Sở Tư pháp', 'Tháng 6'),
    ('3', 'Xây dựng chuyên mục cải cách hành chính trên Báo Lâm Đồng',
     'Báo Lâm Đồng', 'Thường xuyên'),
    ('4', 'Khảo sát mức độ hài lòng của người dân, tổ chức',
     'Sở Nội vụ, Văn phòng UBND tỉnh', 'Quý III năm 2026'),
    ('5', 'Tổng kết, đánh giá kết quả thực hiện Kế hoạch', 'Sở Nội vụ', 'Tháng 12'),
]
t = d.add_table(rows=len(rows), cols=4)
t.autofit = False
widths = (Cm(1.3), Cm(7.5), Cm(4.2), Cm(3.5))
for j, col in enumerate(t.columns):
    col.width = widths[j]
for i, row in enumerate(rows):
    for j, text in enumerate(row):
        c = t.cell(i, j)
        c.width = widths[j]
        p = c.paragraphs[0]
        p.paragraph_format.space_before = Pt(3)
        r = p.add_run(text)
        r.font.size = Pt(13)
        r.bold = (i == 0) or None
        if j == 0 or i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
para('Sở Nội vụ theo dõi, đôn đốc việc thực hiện và tổng hợp, báo cáo Ủy ban '
     'nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.')
para('IV. KINH PHÍ', bold=True)
para('Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.')
d.save(sys.argv[1])
