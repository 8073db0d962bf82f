/* header.c - the document's header, title and addressees: issuer and
 * parent body, number and symbol, place and date, the doctype line (KẾ
 * HOẠCH, BÁO CÁO, ...), the title under it, and "Kính gửi". */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

int rec_is_rule_line(const char *s)
{
	size_t n = 0;
	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (!strchr("_-=.*~", *s))
			return 0;
		n++;
	}
	return n >= 2;
}

static const struct {
	const char *upper;
	const char *code;
	const char *text;
} doctypes[] = {
    {"KẾ HOẠCH", "KH", "Kế hoạch"},
    {"BÁO CÁO", "BC", "Báo cáo"},
    {"QUYẾT ĐỊNH", "QĐ", "Quyết định"},
    {"TỜ TRÌNH", "TTr", "Tờ trình"},
    {"THÔNG BÁO", "TB", "Thông báo"},
    {"HƯỚNG DẪN", "HD", "Hướng dẫn"},
    {"CHƯƠNG TRÌNH", "CTr", "Chương trình"},
    {"ĐỀ ÁN", "ĐA", "Đề án"},
    {"PHƯƠNG ÁN", "PA", "Phương án"},
    {"DỰ ÁN", "DA", "Dự án"},
    {"NGHỊ QUYẾT", "NQ", "Nghị quyết"},
    {"CHỈ THỊ", "CT", "Chỉ thị"},
    {"QUY CHẾ", "QC", "Quy chế"},
    {"QUY ĐỊNH", "QyĐ", "Quy định"},
    {"CÔNG ĐIỆN", "CĐ", "Công điện"},
    {"GIẤY MỜI", "GM", "Giấy mời"},
    {"BIÊN BẢN", "BB", "Biên bản"},
    {"THÔNG CÁO", "TC", "Thông cáo"},
    {"THAM LUẬN", "", "Tham luận"},
    {"ĐỀ CƯƠNG", "", "Đề cương"},
    {"CÔNG VĂN", "", "Công văn"},
    {"NGHỊ ĐỊNH", "NĐ", "Nghị định"},
    {"THÔNG TƯ", "TT", "Thông tư"},
    {"LUẬT", "", "Luật"},
    {"ĐIỀU LỆ", "", "Điều lệ"},
};

static int doctype_index(const char *s, size_t len)
{
	for (size_t k = 0; k < sizeof doctypes / sizeof doctypes[0]; k++)
		if (strlen(doctypes[k].upper) == len && !memcmp(doctypes[k].upper, s, len))
			return (int)k;
	return -1;
}

/* A header line naming a body: mostly upper case, short, not a cue line. */
static int is_issuer_line(const char *s)
{
	size_t len = strlen(s);
	if (len < 3 || len > 120)
		return 0;
	double up = text_upper_ratio(s, len);
	return up >= 0.85;
}

static int is_body_type_line(const char *s)
{
	static const char *const types[] = {
	    "SỞ ",       "BAN ",      "VĂN PHÒNG", "PHÒNG ",  "TRUNG TÂM", "HỘI ĐỒNG", "BỘ CHỈ HUY",
	    "CÔNG AN",   "ĐOÀN ",     "THANH TRA", "CỤC ",    "CHI CỤC",   "ỦY BAN",   "UỶ BAN",
	    "UBND",      "BỘ ",       "TỔNG CỤC",  "TRƯỜNG ", "BỆNH VIỆN", "ĐÀI ",     "BÁO ",
	    "LIÊN ĐOÀN", "TỈNH ĐOÀN", "HỌC VIỆN",  NULL,
	};
	for (int i = 0; types[i]; i++)
		if (!strncmp(s, types[i], strlen(types[i])))
			return 1;
	return 0;
}

void rec_set_number(struct rec *r, const char *s, const struct rmatch *m, int gd, int gs)
{
	free(r->number);
	free(r->symbol);
	r->number = r->symbol = NULL;
	char *digits = xstrndup(s + rm_start(m, gd), rm_len(m, gd));
	if (rm_has(m, gs)) {
		/* the symbol without spaces */
		struct buf sym = BUF_INIT;
		for (size_t i = rm_start(m, gs); i < rm_end(m, gs); i++)
			if (s[i] != ' ')
				buf_addc(&sym, s[i]);
		while (sym.len && sym.ptr[sym.len - 1] == '.')
			buf_setlen(&sym, sym.len - 1);
		r->symbol = buf_detach(&sym, NULL);
		r->number = *digits ? xasprintf("%s/%s", digits, r->symbol) : xstrdup("");
	} else {
		r->number = xstrdup(digits);
	}
	free(digits);
}

static void set_date(struct rec *r, const char *s, const struct rmatch *m, int gtext, int gd,
                     int gm, int gy)
{
	free(r->date_text);
	r->date_text = text_trim(s + rm_start(m, gtext), rm_len(m, gtext), NULL);
	r->day = rm_has(m, gd) ? atoi(s + rm_start(m, gd)) : 0;
	r->month = rm_has(m, gm) ? atoi(s + rm_start(m, gm)) : 0;
	r->year = rm_has(m, gy) ? atoi(s + rm_start(m, gy)) : 0;
}

/* Does the unit at i open the document's content (preamble or body)? */
static int opens_content(const char *s)
{
	static const char *const starts[] = {
	    "Căn cứ",
	    "Thực hiện",
	    "Triển khai",
	    "Tiếp tục",
	    "Nhằm",
	    "Để ",
	    "Theo ",
	    "Trên cơ sở",
	    "Ủy ban nhân dân",
	    "Uỷ ban nhân dân",
	    "UBND",
	    "Chủ tịch",
	    "Ngày ",
	    "Qua ",
	    "Năm ",
	    NULL,
	};
	for (int i = 0; starts[i]; i++)
		if (!strncmp(s, starts[i], strlen(starts[i])))
			return 1;
	struct head h;
	enum rank rk = rec_classify(s, &h);
	rec_head_release(&h);
	return rk != RANK_NONE;
}

int rec_is_heading(const char *s)
{
	struct head h;
	enum rank rk = rec_classify(s, &h);
	rec_head_release(&h);
	return rk != RANK_NONE;
}

/* Read the header zone: everything before the doctype line (or before
 * the content when a document has none). */
void rec_read_header(struct rec *r)
{
	int found_doctype = 0;
	size_t limit = r->u.n < 40 ? r->u.n : 40;
	while (r->i < limit && !found_doctype) {
		struct unit *u = rec_cur(r);
		if (u->kind != U_PARA)
			break;
		/* walk the visual lines of the unit */
		const char *p = u->text;
		int consumed_all = 1;
		while (*p) {
			const char *e = strpbrk(p, "\n\t");
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *line = text_trim(p, len, NULL);
			struct rmatch m;
			size_t ll = strlen(line);
			const char *next = p + len + (e ? 1 : 0);
			if (!ll || rec_is_rule_line(line) || rule_match(R_STAMP, line, ll, 0, &m)) {
				/* nothing */
			} else if (rec_is_appendix_start(r, r->i)) {
				/* a document that is an appendix of another: no header */
				consumed_all = 0;
				free(line);
				break;
			} else if (rule_match(R_QUOC_HIEU, line, ll, 0, &m) ||
			           rule_match(R_TIEU_NGU, line, ll, 0, &m)) {
				r->evidence++;
			} else if (rule_match(R_NUMBER_LINE, line, ll, 0, &m)) {
				rec_set_number(r, line, &m, 1, 2);
				r->evidence++;
				/* "Số: 565" with "/TB-UBND" on the next line (or unit) */
				const char *cont = NULL;
				int next_unit = 0;
				if (!rm_has(&m, 2) && *next == '/')
					cont = next;
				else if (!rm_has(&m, 2) && !*next && r->i + 1 < r->u.n &&
				         r->u.v[r->i + 1].kind == U_PARA &&
				         r->u.v[r->i + 1].text[0] == '/')
					cont = r->u.v[r->i + 1].text, next_unit = 1;
				if (cont) {
					const char *e2 = strchr(cont, '\n');
					size_t l2 = e2 ? (size_t)(e2 - cont) : strlen(cont);
					char *joined = xasprintf("%s%.*s", line, (int)l2, cont);
					if (rule_match(R_NUMBER_LINE, joined, strlen(joined), 0,
					               &m))
						rec_set_number(r, joined, &m, 1, 2);
					free(joined);
					if (next_unit)
						r->i++;
					else
						next += l2 + (e2 ? 1 : 0);
				}
			} else if (rule_match(R_PLACE_DATE, line, ll, 0, &m)) {
				free(r->place);
				r->place = text_trim(line + rm_start(&m, 1), rm_len(&m, 1), ",");
				set_date(r, line, &m, 2, 3, 4, 5);
				r->evidence++;
			} else if (rule_match(R_DOCTYPE, line, ll, 0, &m)) {
				int k = doctype_index(line + rm_start(&m, 1), rm_len(&m, 1));
				if (k >= 0) {
					r->doctype_code = doctypes[k].code;
					r->doctype_text = doctypes[k].text;
				}
				r->evidence += 2;
				found_doctype = 1;
				r->doctype_bold = (u->flags & BF_BOLD) != 0;
				const char *rest = rm_has(&m, 2) ? line + rm_start(&m, 2) : NULL;
				size_t rest_len = rm_len(&m, 2);
				/* "ĐỀ CƯƠNG BÁO CÁO": one document type of two words */
				size_t bl = strlen("BÁO CÁO");
				if (rest && k >= 0 && !strcmp(doctypes[k].upper, "ĐỀ CƯƠNG") &&
				    rest_len >= bl && !strncmp(rest, "BÁO CÁO", bl)) {
					r->doctype_text = "Đề cương báo cáo";
					rest += bl;
					rest_len -= bl;
					while (rest_len && *rest == ' ')
						rest++, rest_len--;
				}
				if (rest && rest_len)
					buf_add(&r->title, rest, rest_len);
				/* the rest of this unit's lines are the title */
				for (const char *q = next; *q;) {
					const char *e2 = strchr(q, '\n');
					size_t l2 = e2 ? (size_t)(e2 - q) : strlen(q);
					char *t = text_trim(q, l2, NULL);
					if (*t) {
						if (r->title.len)
							buf_addc(&r->title, ' ');
						buf_adds(&r->title, t);
					}
					free(t);
					q += l2 + (e2 ? 1 : 0);
				}
				free(line);
				break;
			} else if (!strncmp(line, "V/v", 3)) {
				/* công văn: the subject line stands for the title */
				r->doctype_code = "";
				r->doctype_text = "Công văn";
				buf_adds(&r->title, line);
				r->evidence++;
			} else if (is_issuer_line(line) && !rec_is_heading(line)) {
				struct buf *dst = &r->issuer_lines;
				/* a second body below a complete first one: the first is the parent
				 */
				/* (or a bold line under plain ones: the issuer under its parent) */
				if (r->issuer_lines.len &&
				    (is_body_type_line(line) ||
				     ((u->flags & BF_BOLD) && !r->issuer_lines_bold))) {
					buf_release(&r->parent_lines);
					r->parent_lines = r->issuer_lines;
					buf_init(&r->issuer_lines);
				}
				if (dst->len)
					buf_addc(dst, ' ');
				buf_adds(dst, line);
				r->issuer_lines_bold = (u->flags & BF_BOLD) != 0;
			} else {
				consumed_all = 0;
				free(line);
				break;
			}
			free(line);
			p = next;
		}
		if (!consumed_all)
			break;
		r->i++;
	}
	if (!found_doctype) {
		/* no doctype line: infer it from the symbol ("KH-UBND") */
		if (r->symbol) {
			for (size_t k = 0; k < sizeof doctypes / sizeof doctypes[0]; k++) {
				size_t cl = strlen(doctypes[k].code);
				if (cl && !strncmp(r->symbol, doctypes[k].code, cl) &&
				    r->symbol[cl] == '-') {
					r->doctype_code = doctypes[k].code;
					r->doctype_text = doctypes[k].text;
				}
			}
		}
		return;
	}
}

/* The title: lines after the doctype until the content begins. */
void rec_read_title(struct rec *r)
{
	int first = r->title.len == 0;
	int prev_bold = r->doctype_bold ? 1 : -1, prev_caps = -1;
	while (rec_cur(r) && rec_cur(r)->kind == U_PARA) {
		struct unit *u = rec_cur(r);
		char *t = rec_one_line(u->text);
		size_t tl = strlen(t);
		int bold = (u->flags & BF_BOLD) != 0;
		double up = text_upper_ratio(t, tl);
		int caps = up > 0.85;
		struct rmatch m;
		int take;
		if (!tl || rec_is_rule_line(t)) {
			free(t);
			r->i++;
			if (!first)
				break; /* a rule line ends the title */
			continue;
		}
		if (first) {
			struct head h;
			enum rank rk = rec_classify(t, &h);
			rec_head_release(&h);
			take = !rule_match(R_KINH_GUI, t, tl, 0, &m) &&
			       (rk == RANK_NONE || rk > RANK_ARTICLE);
		} else if (rule_match(R_KINH_GUI, t, tl, 0, &m) || tl > 300) {
			take = 0;
		} else if (text_starts_lower(t)) {
			take = 1;
		} else if (opens_content(t)) {
			take = 0;
		} else {
			take = (bold && prev_bold == 1) || (caps && prev_caps == 1);
		}
		if (!take) {
			free(t);
			break;
		}
		if (r->title.len)
			buf_addc(&r->title, ' ');
		buf_adds(&r->title, t);
		prev_bold = bold;
		prev_caps = caps;
		first = 0;
		free(t);
		r->i++;
	}
}

/* "Kính gửi: X" or "Kính gửi:" followed by "- X;" lines. */
void rec_read_addressees(struct rec *r)
{
	struct unit *u = rec_cur(r);
	struct rmatch m;
	if (!u || u->kind != U_PARA)
		return;
	char *t = rec_one_line(u->text);
	if (!rule_match(R_KINH_GUI, t, strlen(t), 0, &m)) {
		free(t);
		return;
	}
	r->evidence++;
	const char *rest = t + rm_start(&m, 1);
	/* addressees on the same unit, split at line breaks */
	struct buf lines = BUF_INIT;
	const char *p = strchr(u->text, ':');
	buf_adds(&lines, p ? p + 1 : "");
	(void)rest;
	r->i++;
	/* following "- X;" units belong to it */
	while (rec_cur(r) && rec_cur(r)->kind == U_PARA &&
	       (rec_cur(r)->text[0] == '-' || rec_cur(r)->text[0] == '+')) {
		buf_addc(&lines, '\n');
		buf_adds(&lines, rec_cur(r)->text);
		r->i++;
	}
	for (const char *q = lines.ptr; *q;) {
		const char *e = strchr(q, '\n');
		size_t len = e ? (size_t)(e - q) : strlen(q);
		const char *s = q;
		while (len && (*s == ' ' || *s == '-' || *s == '+'))
			s++, len--;
		char *a = text_trim(s, len, ";.,");
		if (*a) {
			if (r->addressees.len)
				buf_addc(&r->addressees, '\n');
			buf_adds(&r->addressees, a);
		}
		free(a);
		q += (size_t)(s - q) + len + (e ? 1 : 0);
		if (e && q <= e)
			q = e + 1;
	}
	buf_release(&lines);
	free(t);
}
