/* rules.h - the recognizer's pcre2 rules: one table of named patterns,
 * each compiled on first use (extract/base/regex.h) and kept for the
 * process.
 *
 * Each rule is documented by the example files in tests/spec/, which run
 * in `make check`.  Patterns match NFC text (normalize.h). */
#ifndef SOAN_RULES_H
#define SOAN_RULES_H

#include <stddef.h>

enum rule_id {
	R_NUMBER_LINE,   /* "Số: 180 /KH-UBND", "Số:      /KH-UBND" */
	R_PLACE_DATE,    /* "Hải Phòng, ngày 30 tháng 7 năm 2021" (blanks allowed) */
	R_DATE_LONG,     /* "ngày 13 tháng 7 năm 2021", year optional */
	R_QUOC_HIEU,     /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
	R_TIEU_NGU,      /* "Độc lập - Tự do - Hạnh phúc" */
	R_DOCTYPE,       /* "KẾ HOẠCH" ... alone or opening the line */
	R_REF,           /* "Quyết định số 1160/QĐ-TTg" */
	R_REF_DATE,      /* " ngày 13/7/2021" / " ngày 30 tháng 8 năm 2014" right after a ref */
	R_HEAD_PART,     /* "Phần I", "PHẦN II. TITLE" */
	R_HEAD_ROMAN,    /* "II. NỘI DUNG" */
	R_HEAD_ULETTER,  /* "A. NỘI DUNG" */
	R_HEAD_ARABIC,   /* "1. Mục đích", "1.1. ...", "2) ..." */
	R_HEAD_LETTER,   /* "a) ...", "đ) ..." */
	R_HEAD_ARTICLE,  /* "Điều 1. ..." */
	R_BULLET,        /* "- ...", "+ ...", "– ...", "• ..." (with "- a)" handled) */
	R_FIELD,         /* "Đơn vị chủ trì: ..." task field captions */
	R_CLOSING,       /* "Trên đây là ...", "Yêu cầu các ...", "Trong quá trình ..." */
	R_RECIPIENTS,    /* "Nơi nhận:" */
	R_SIG_AUTHORITY, /* "TM. ỦY BAN NHÂN DÂN" */
	R_SIG_DEPUTY,    /* "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC", "KÊ CHỦ TỊCH" (OCR) */
	R_APPENDIX,      /* "Phụ lục", "PHỤ LỤC II", "Phụ lục số 01: ..." */
	R_ATTACHMENT,    /* "(Kèm theo Kế hoạch số ...)" */
	R_ATTACH_NUMBER, /* "Kế hoạch số 39 /KH-UBND" inside an attachment line */
	R_ISSUER_PHRASE, /* "Ủy ban nhân dân tỉnh Sóc Trăng" in a preamble */
	R_AREA,          /* "trên địa bàn tỉnh Hà Tĩnh" */
	R_KINH_GUI,      /* "Kính gửi: ..." */
	R_AGENCY_START,  /* a text opening with an agency ("Sở ...", "Ban ...") */
	R_AGENCY_VERB,   /* where an agency's name ends and its duty begins */
	R_AMOUNT,        /* "350.000.000 đồng", "350 triệu đồng", "1,5 tỷ đồng" */
	R_DEADLINE,      /* "trước ngày 10/12/2020", "chậm nhất là ngày ..." */
	R_DEADLINE_AND,  /* " và ngày 01 tháng 12 năm 2022" after a deadline */
	R_PERIODIC,      /* "Định kỳ ... (ngày 10/12 hàng năm)" */
	R_SIGNER,        /* a person's name: "Đặng Quốc Vinh" */
	R_IMAGE_NOTE,    /* "A handwritten signature ...", "(Đã ký)", "[signature]" */
	R_STAMP,     /* digital-signature stamp lines: "Ký bởi: ...", "Thời gian ký: ..." */
	R_UNIT_NOTE, /* "Đơn vị tính: triệu đồng" */
	R__COUNT
};

struct rmatch {
	size_t ov[40]; /* start/end byte offsets of up to 20 groups; ~0 when unset */
	int n;
};

/* Find rule r in s[0..len) starting at byte start.  Returns 1 on a
 * match (m filled), 0 otherwise. */
int rule_match(enum rule_id r, const char *s, size_t len, size_t start, struct rmatch *m);
/* Does rule r match s (NUL-terminated) anywhere? */
int rule_test(enum rule_id r, const char *s);

/* Group i of the last match: set? start, end, length. */
int rm_has(const struct rmatch *m, int i);
size_t rm_start(const struct rmatch *m, int i);
size_t rm_end(const struct rmatch *m, int i);
size_t rm_len(const struct rmatch *m, int i);

const char *rule_name(enum rule_id r);
/* Compile every rule now (rule_match() compiles each on first use); 0,
 * or -1 naming the broken rule in *bad (a BUG, caught by
 * tests/unit/t_rules.c). */
int rules_compile(const char **bad);
void rules_free(void);

#endif
