/* fuzz_pdf_layout.c - libFuzzer harness for the PDF reader's layout
 * (pdf_analyze.c, pdf_rules.c) without poppler: the bytes describe pages
 * of words and ruling lines directly, so millions of layouts run where
 * fuzz_pdf.c, which goes through poppler and cairo, manages a few a
 * second.  Any description must give blocks or one diagnostic, never a
 * crash, a leak or a hang.
 *
 * Format: byte 0 chooses the page count (1-4) and landscape pages; then
 * records of 6 bytes until the input ends:
 *   kind&3 == 0  a word: x, y (2 bytes each, 0.25 pt steps), size and
 *                style (byte: size 6-21 pt, bold, italic, widget), text
 *                (byte: one of the words below)
 *   kind&3 == 1  a horizontal rule: x1, x2, y
 *   kind&3 == 2  a vertical rule: y1, y2, x
 *   kind&3 == 3  next page
 * and a small gray image per page for pdf_rules_from_gray from what is
 * left of the record. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/xalloc.h"
#include "extract/read/blocks.h"
#include "extract/read/pdf/pdf_analyze.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const words[] = {
    "Số:",  "12/KH-UBND", "ỦY",     "BAN",    "NHÂN",   "DÂN",    "CỘNG", "HÒA",   "XÃ",   "HỘI",
    "KẾ",   "HOẠCH",      "Nơi",    "nhận:",  "-",      "Bộ",     "Nội",  "vụ;",   "TM.",  "KT.",
    "CHỦ",  "TỊCH",       "1",      "2",      "3",      "4.",     "a)",   "I.",    "Lâm",  "Đồng,",
    "ngày", "tháng",      "năm",    "2026",   "tuyên",  "truyền", "cải",  "cách",  "hành", "chính",
    "Ký",   "bởi:",       "Trang",  "(1)",    "Sở",     "Tư",     "pháp", "trước", "đ)",   "+",
    "•",    "08:15:20",   "a@b.vn", "Email:", "______", "STT",    "Thời", "gian",  "Phụ",  "lục",
    "./.",  "Độc",        "lập",    "Hạnh",
};

static uint16_t u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static void add_rule(struct pdf_rule **v, size_t *n, size_t *a, double from, double to, double at)
{
	*v = xgrow(*v, sizeof **v, *n + 1, a);
	(*v)[(*n)++] = (struct pdf_rule){from < to ? from : to, from < to ? to : from, at};
}

static int no_rules(void *ctx, struct pdf_page *pg)
{
	(void)ctx;
	pg->rules_done = 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t npages = (size_t)(data[0] & 3) + 1;
	struct pdf_page *pages = xcalloc(npages, sizeof *pages);
	for (size_t i = 0; i < npages; i++) {
		struct pdf_page *pg = &pages[i];
		buf_init(&pg->text);
		pg->no = (unsigned)i + 1;
		pg->landscape = (data[0] >> (2 + i)) & 1;
		pg->w = pg->landscape ? 842 : 595;
		pg->h = pg->landscape ? 595 : 842;
	}
	size_t p = 0;
	const uint8_t *r = data + 1, *end = data + size;
	for (; r + 6 <= end && p < npages; r += 6) {
		struct pdf_page *pg = &pages[p];
		double a = u16(r + 1) / 4.0, b = u16(r + 3) / 4.0;
		switch (r[0] & 3) {
		case 0: {
			if (pg->nwords >= 4000)
				break;
			const char *t = words[r[5] % (sizeof words / sizeof words[0])];
			double sz = 6 + (r[0] >> 4);
			size_t len = strlen(t);
			pg->words =
			    xgrow(pg->words, sizeof *pg->words, pg->nwords + 1, &pg->awords);
			struct pdf_word *w = &pg->words[pg->nwords++];
			memset(w, 0, sizeof *w);
			w->x1 = a, w->y1 = b;
			w->x2 = a + sz * 0.45 * (double)len;
			w->y2 = b + sz * 1.15;
			w->size = sz;
			w->bold = (r[0] >> 2) & 1;
			w->italic = (r[0] >> 3) & 1;
			w->widget = (r[5] & 0x80) != 0 && (r[0] & 0x40);
			w->space_before = 1;
			w->off = pg->text.len;
			w->len = len;
			buf_add(&pg->text, t, len);
			break;
		}
		case 1:
			if (pg->nh < 400)
				add_rule(&pg->hrules, &pg->nh, &pg->ah, a, b, r[5] * 3.3);
			pg->rules_done = 1;
			break;
		case 2:
			if (pg->nv < 400)
				add_rule(&pg->vrules, &pg->nv, &pg->av, a, b, r[5] * 3.3);
			pg->rules_done = 1;
			break;
		default: p++; break;
		}
	}
	/* what is left: a little image for the ruling-line scanner */
	if (r < end) {
		size_t left = (size_t)(end - r);
		int w = 16 + (int)(left % 48), h = (int)((left + (size_t)w - 1) / (size_t)w);
		unsigned char *gray = xmalloc((size_t)w * (size_t)(h + 1));
		memset(gray, 255, (size_t)w * (size_t)(h + 1));
		memcpy(gray, r, left);
		struct pdf_page scratch;
		memset(&scratch, 0, sizeof scratch);
		pdf_rules_from_gray(&scratch, gray, w, h + 1, w, 0.5 + (left & 7) * 0.25,
		                    left & 63);
		free(scratch.hrules);
		free(scratch.vrules);
		free(gray);
	}
	struct blocks bs = BLOCKS_INIT;
	struct diag d;
	diag_init(&d, "fuzz.pdf");
	(void)pdf_layout(pages, npages, no_rules, NULL, &bs, &d);
	blocks_release(&bs);
	diag_release(&d);
	for (size_t i = 0; i < npages; i++) {
		buf_release(&pages[i].text);
		free(pages[i].words);
		free(pages[i].hrules);
		free(pages[i].vrules);
		pdf_page_drop_lines(&pages[i]);
	}
	free(pages);
	return 0;
}
