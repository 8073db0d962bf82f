/* recognize.c - from normalized blocks to plan XML (see recognize.h).
 *
 * One pass over a list of "units" (paragraphs, tables, notes) built from
 * the blocks, in the order a reader meets a document's parts: header
 * (issuer, number, place and date, doctype), title, addressees, preamble
 * and legal basis, body sections, closing paragraphs, recipients and
 * signature, appendices.  Structure in the body comes from a stack of
 * open containers ranked by their numbering style (Phần > A. > I. > Điều
 * > 1. > 1.1. > a) > - > +), never from markdown heading levels, which
 * real files use inconsistently.  The rules (rules.c) decide what a line
 * is; this file decides where it goes.  Owns no I/O. */
#include "extract/recognize/recognize.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/inline.h"
#include "extract/recognize/rules.h"

/* ---- units -------------------------------------------------------------- */

enum unit_kind { U_PARA, U_TABLE, U_NOTE };

struct unit {
	enum unit_kind kind;
	char *text; /* PARA/NOTE: label and text, '\n' between visual lines */
	unsigned flags;
	enum block_align align;
	const struct table *table;
	unsigned line;
	/* cached answers about this unit (0: not yet asked) */
	signed char rank_plus1; /* its numbering rank + 1 */
	signed char appendix;   /* 1 opens an appendix, -1 does not */
	signed char closing;    /* 1 opens the closing, -1 does not */
};

struct units {
	struct unit *v;
	size_t n, alloc;
};

static struct unit *add_unit(struct units *us, enum unit_kind kind)
{
	us->v = xgrow(us->v, sizeof *us->v, us->n + 1, &us->alloc);
	struct unit *u = &us->v[us->n++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	return u;
}

static void free_units(struct units *us)
{
	for (size_t i = 0; i < us->n; i++)
		free(us->v[i].text);
	free(us->v);
}

/* Text of a cell: its paragraphs joined by line breaks. */
static void cell_text(const struct cell *c, struct buf *out)
{
	for (size_t i = 0; i < c->content->n; i++) {
		const struct block *b = &c->content->v[i];
		if (b->kind == BLOCK_TABLE) {
			/* a nested table's text, cell by cell */
			for (size_t r = 0; r < b->table->nrows; r++)
				for (size_t k = 0; k < b->table->rows[r].ncells; k++)
					cell_text(&b->table->rows[r].cells[k], out);
			continue;
		}
		if (!*b->text && !b->label)
			continue;
		if (out->len)
			buf_addc(out, '\n');
		if (b->label) {
			buf_adds(out, b->label);
			buf_addc(out, ' ');
		}
		for (const char *p = b->text; *p; p++)
			buf_addc(out, *p == '\t' ? ' ' : *p);
	}
}

/* A layout table holds the header (Quốc hiệu) or the signature area
 * (Nơi nhận, TM./KT.): its cells are read as lines, not as a table. */
static int is_layout_table(const struct block *b)
{
	const struct table *t = b->table;
	/* a header or signature table: two columns in print, a few more in
	 * the grid when Word merged cells across it */
	if (t->ncols > 6 || t->nrows > 6)
		return 0;
	int cues = 0;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			struct buf s = BUF_INIT;
			cell_text(&t->rows[r].cells[c], &s);
			if (rule_test(R_QUOC_HIEU, s.ptr) || rule_test(R_TIEU_NGU, s.ptr))
				cues += 2;
			struct rmatch m;
			for (const char *p = s.ptr; *p;) {
				const char *e = strpbrk(p, "\n\t");
				size_t len = e ? (size_t)(e - p) : strlen(p);
				if (rule_match(R_RECIPIENTS, p, len, 0, &m))
					cues += 2; /* "Nơi nhận" alone marks a signature area */
				else if (rule_match(R_SIG_AUTHORITY, p, len, 0, &m) ||
				         rule_match(R_SIG_DEPUTY, p, len, 0, &m) ||
				         rule_match(R_NUMBER_LINE, p, len, 0, &m) ||
				         rule_match(R_PLACE_DATE, p, len, 0, &m))
					cues++;
				p += len + (e ? 1 : 0);
			}
			buf_release(&s);
		}
	return cues >= 2;
}

static void add_line_unit(struct units *us, const char *s, size_t len, unsigned flags,
                          unsigned line)
{
	struct unit *u = add_unit(us, U_PARA);
	u->text = xstrndup(s, len);
	u->flags = flags;
	u->line = line;
}

/* Flatten a layout table: each cell's lines in column order (left column
 * first: issuer, then Số; right column: Quốc hiệu, then place and date),
 * which is the order the text renderings of such documents show. */
static void flatten_layout(struct units *us, const struct block *b)
{
	const struct table *t = b->table;
	for (unsigned col = 0; col < t->ncols; col++) {
		for (size_t r = 0; r < t->nrows; r++) {
			const struct row *row = &t->rows[r];
			unsigned gc = 0;
			for (size_t c = 0; c < row->ncells; c++) {
				const struct cell *cl = &row->cells[c];
				if (gc == col && !cl->merged) {
					const struct blocks *cb = cl->content;
					for (size_t i = 0; i < cb->n; i++) {
						const struct block *p = &cb->v[i];
						if (p->kind == BLOCK_TABLE) {
							flatten_layout(us, p);
							continue;
						}
						struct buf s = BUF_INIT;
						if (p->label) {
							buf_adds(&s, p->label);
							buf_addc(&s, ' ');
						}
						buf_adds(&s, p->text);
						for (const char *q = s.ptr; *q;) {
							const char *e = strpbrk(q, "\n\t");
							size_t len =
							    e ? (size_t)(e - q) : strlen(q);
							if (len)
								add_line_unit(us, q, len, p->flags,
								              p->line);
							q += len + (e ? 1 : 0);
						}
						buf_release(&s);
					}
				}
				gc += cl->colspan ? cl->colspan : 1;
			}
		}
	}
}

static void build_units(const struct blocks *bs, struct units *us)
{
	for (size_t i = 0; i < bs->n; i++) {
		const struct block *b = &bs->v[i];
		if (b->kind == BLOCK_TABLE) {
			if (b->table->nrows == 0)
				continue;
			if (is_layout_table(b)) {
				flatten_layout(us, b);
				continue;
			}
			struct unit *u = add_unit(us, U_TABLE);
			u->table = b->table;
			u->flags = b->flags;
			u->line = b->line;
			continue;
		}
		if (b->kind == BLOCK_NOTE) {
			struct unit *u = add_unit(us, U_NOTE);
			u->text = xstrdup(b->text);
			u->line = b->line;
			continue;
		}
		if (!*b->text && !b->label)
			continue;
		struct unit *u = add_unit(us, U_PARA);
		if (b->label)
			u->text = xasprintf("%s %s", b->label, b->text);
		else
			u->text = xstrdup(b->text);
		u->flags = b->flags;
		u->align = b->align;
		u->line = b->line;
	}
}

/* ---- the recognizer's state --------------------------------------------- */

enum rank {
	RANK_NONE = 0,
	RANK_PART = 1,
	RANK_ULETTER,
	RANK_ROMAN,
	RANK_ARTICLE,
	RANK_ARABIC,
	RANK_ARABIC2,
	RANK_ARABIC3,
	RANK_ARABIC_PAREN, /* "1)" under "1." */
	RANK_LETTER,
	RANK_DASH,
	RANK_PLUS,
};

struct frame {
	xmlNodePtr node;
	enum rank rank;
	int inline_agency; /* an agency opened by a sentence ("3. Sở Y chủ trì, ...") */
	int open_end;      /* its text ends with ":" and announces what follows */
};

struct rec {
	struct units u;
	size_t i;
	struct diag *d;
	xmlDocPtr doc;
	xmlNodePtr root, meta, body, closing, basis, preamble;
	struct frame stack[LIMIT_PLAN_DEPTH];
	int depth;
	/* header facts */
	struct buf issuer_lines;
	int issuer_lines_bold;
	struct buf parent_lines;
	char *number, *symbol, *place, *date_text;
	int day, month, year;
	const char *doctype_code, *doctype_text;
	int doctype_bold; /* the doctype line was bold: so is a title under it */
	struct buf title;
	struct buf addressees; /* one per line */
	int evidence;          /* administrative-document cues seen */
	int nsections;
	int has_signature;
	double unit_mult; /* "Đơn vị tính: triệu đồng" seen before a table */
	/* the last look-ahead of closing_start_uncached(): no unit in
	 * [ahead_from, ahead_to) decides, ahead_to does (or is the end) and
	 * gives ahead_result; a later look-ahead starting inside reuses it */
	size_t ahead_from, ahead_to;
	int ahead_result;
};

/* Text of a unit as one line (visual line breaks and tab stops become
 * spaces). */
static char *one_line(const char *s)
{
	char *r = xstrdup(s);
	for (char *p = r; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return r;
}

static struct unit *cur(struct rec *r)
{
	return r->i < r->u.n ? &r->u.v[r->i] : NULL;
}

/* ---- classification -------------------------------------------------------- */

struct head {
	enum rank rank;
	char *number;     /* as printed, without the final "." ("I", "1", "a", "Phần I") */
	char *label;      /* item label as printed ("-", "a)", "1.") */
	const char *rest; /* points into the unit text: after the numbering */
};

static void head_release(struct head *h)
{
	free(h->number);
	free(h->label);
	memset(h, 0, sizeof *h);
}

/* What numbering opens text s? */
static enum rank classify(const char *s, struct head *h)
{
	struct rmatch m;
	size_t len = strlen(s);
	memset(h, 0, sizeof *h);
	h->rest = s;
	/* every numbering opens with one of a few bytes: run only the rules that can match */
	unsigned char c0 = (unsigned char)s[0];
	int digit = c0 >= '0' && c0 <= '9', lower = (c0 >= 'a' && c0 <= 'z') || !strncmp(s, "đ", 2);
	int upper = (c0 >= 'A' && c0 <= 'Z') || !strncmp(s, "Đ", 2);
	size_t ul = !strncmp(s, "Đ", 2) ? 2 : 1;
	int uletter = upper && (s[ul] == '.' || s[ul] == ')' ||
	                        (s[ul] == ' ' && (s[ul + 1] == '.' || s[ul + 1] == ')')));
	int bullet = c0 == '-' || c0 == '+' || c0 == 0xE2 || c0 == 0xC2;
	if ((c0 == 'P' || c0 == 'C') && rule_match(R_HEAD_PART, s, len, 0, &m)) {
		h->rank = RANK_PART;
		h->number = xstrndup(s, rm_end(&m, 1));
		h->rest = rm_has(&m, 2) ? s + rm_start(&m, 2) : s + len;
	} else if (strchr("IVXL", c0) && c0 && rule_match(R_HEAD_ROMAN, s, len, 0, &m)) {
		h->rank = RANK_ROMAN;
		h->number = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
		h->rest = s + rm_start(&m, 2);
	} else if (!strncmp(s, "Điều", strlen("Điều")) &&
	           rule_match(R_HEAD_ARTICLE, s, len, 0, &m)) {
		h->rank = RANK_ARTICLE;
		h->number = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
		h->rest = s + rm_start(&m, 2);
	} else if (uletter && rule_match(R_HEAD_ULETTER, s, len, 0, &m)) {
		h->rank = RANK_ULETTER;
		h->number = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
		h->rest = s + rm_start(&m, 2);
	} else if (digit && rule_match(R_HEAD_ARABIC, s, len, 0, &m)) {
		if (rm_has(&m, 1)) {
			h->number = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
			size_t dots = 0;
			for (const char *p = h->number; *p; p++)
				dots += *p == '.';
			h->rank = dots >= 2 ? RANK_ARABIC3 : RANK_ARABIC2;
		} else {
			h->number = xstrndup(s + rm_start(&m, 2), rm_len(&m, 2));
			/* "1)" is a level below "1." */
			const char *after = s + rm_end(&m, 2);
			while (*after == ' ')
				after++;
			h->rank = *after == ')' ? RANK_ARABIC_PAREN : RANK_ARABIC;
		}
		h->rest = s + rm_start(&m, 3);
	} else if (lower && rule_match(R_HEAD_LETTER, s, len, 0, &m)) {
		h->rank = RANK_LETTER;
		h->number = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
		h->rest = s + rm_start(&m, 2);
	} else if (bullet && rule_match(R_BULLET, s, len, 0, &m)) {
		const char *rest = s + rm_start(&m, 2);
		struct rmatch m2;
		/* "- a) text": the letter is the label */
		if (rule_match(R_HEAD_LETTER, rest, strlen(rest), 0, &m2)) {
			h->rank = RANK_LETTER;
			h->number = xstrndup(rest + rm_start(&m2, 1), rm_len(&m2, 1));
			h->rest = rest + rm_start(&m2, 2);
		} else {
			h->rank = s[0] == '+' ? RANK_PLUS : RANK_DASH;
			h->label = xstrndup(s, rm_len(&m, 1));
			h->rest = rest;
		}
	}
	if (h->rank && !h->label) {
		/* the label as printed: the text before rest, trimmed */
		size_t n = (size_t)(h->rest - s);
		const char *lab = s;
		/* skip a leading bullet of "- a)" */
		struct rmatch mb;
		if (h->rank == RANK_LETTER && rule_match(R_BULLET, s, len, 0, &mb))
			lab = s + rm_start(&mb, 2), n = (size_t)(h->rest - lab);
		h->label = text_trim(lab, n, NULL);
	}
	return h->rank;
}

/* The numbering rank of unit i, classified once. */
static enum rank unit_rank(struct unit *u)
{
	if (!u->rank_plus1) {
		struct head h;
		enum rank rk = u->kind == U_PARA ? classify(u->text, &h) : RANK_NONE;
		if (u->kind == U_PARA)
			head_release(&h);
		u->rank_plus1 = (signed char)(rk + 1);
	}
	return (enum rank)(u->rank_plus1 - 1);
}

static int ci_has(const char *low, const char *word)
{
	return strstr(low, word) != NULL;
}

/* Earliest position of any of the keywords in low; SIZE_MAX when none. */
static size_t first_pos(const char *low, const char *const *words)
{
	size_t best = (size_t)-1;
	for (size_t i = 0; words[i]; i++) {
		const char *p = strstr(low, words[i]);
		if (p && (size_t)(p - low) < best)
			best = (size_t)(p - low);
	}
	return best;
}

static const char *const kw_goals[] = {"mục đích", "mục tiêu", "quan điểm", "yêu cầu", NULL};
static const char *const kw_content[] = {"nội dung",  "nhiệm vụ",  "giải pháp",    "hình thức",
                                         "hoạt động", "công việc", "chương trình", NULL};
static const char *const kw_budget[] = {"kinh phí", "nguồn lực", "tài chính", NULL};
static const char *const kw_resp[] = {"tổ chức thực hiện", "trách nhiệm", "phân công", NULL};
static const char *const kw_report[] = {"chế độ báo cáo", "chế độ thông tin", "thông tin báo cáo",
                                        "báo cáo", NULL};
static const char *const kw_period[] = {"thời gian", "tiến độ", "lộ trình", NULL};
static const char *const kw_audience[] = {"đối tượng", "phạm vi", NULL};

/* The kind of a top-level section from its heading: a heading that names
 * several things gets "content" when it names NỘI DUNG or NHIỆM VỤ,
 * otherwise the kind of the first thing it names. */
static const char *top_kind(const char *heading)
{
	char *low = text_lower(heading, strlen(heading));
	int several = strchr(low, ',') || strstr(low, " và ") || strstr(low, " - ");
	const char *kind = "other";
	if (several && (ci_has(low, "nội dung") || ci_has(low, "nhiệm vụ"))) {
		kind = "content";
	} else {
		static const struct {
			const char *const *kw;
			const char *kind;
		} kinds[] = {
		    {kw_resp, "responsibilities"}, {kw_report, "reporting"}, {kw_goals, "goals"},
		    {kw_content, "content"},       {kw_budget, "budget"},    {kw_period, "period"},
		    {kw_audience, "audience"},
		};
		size_t best = (size_t)-1;
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			size_t p = first_pos(low, kinds[k].kw);
			if (p < best) {
				best = p;
				kind = kinds[k].kind;
			}
		}
	}
	free(low);
	return kind;
}

/* The kind of a subsection, or NULL when its heading names none. */
static const char *sub_kind(const char *heading)
{
	char *low = text_lower(heading, strlen(heading));
	static const struct {
		const char *word;
		const char *kind;
	} kinds[] = {
	    {"mục đích", "purpose"},
	    {"yêu cầu", "requirements"},
	    {"mục tiêu", "goals"},
	    {"quan điểm", "goals"},
	    {"thời gian", "period"},
	    {"tiến độ", "period"},
	    {"đối tượng", "audience"},
	    {"phạm vi", "audience"},
	    {"kinh phí", "budget"},
	    {"tổ chức thực hiện", "responsibilities"},
	    {"trách nhiệm", "responsibilities"},
	    {"phân công", "responsibilities"},
	    {"chế độ báo cáo", "reporting"},
	    {"chế độ thông tin", "reporting"},
	    {"nội dung", "content"},
	    {"nhiệm vụ", "content"},
	    {"giải pháp", "content"},
	    {"hình thức", "content"},
	};
	const char *kind = NULL;
	size_t best = (size_t)-1;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const char *p = strstr(low, kinds[k].word);
		if (p && (size_t)(p - low) < best) {
			best = (size_t)(p - low);
			kind = kinds[k].kind;
		}
	}
	free(low);
	return kind;
}

/* ---- header -------------------------------------------------------------- */

static int is_rule_line(const char *s)
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

static void set_number(struct rec *r, const char *s, const struct rmatch *m, int gd, int gs)
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
	enum rank rk = classify(s, &h);
	head_release(&h);
	return rk != RANK_NONE;
}

static int is_appendix_start(struct rec *r, size_t i);

static int is_heading(const char *s)
{
	struct head h;
	enum rank rk = classify(s, &h);
	head_release(&h);
	return rk != RANK_NONE;
}

/* Read the header zone: everything before the doctype line (or before
 * the content when a document has none). */
static void read_header(struct rec *r)
{
	int found_doctype = 0;
	size_t limit = r->u.n < 40 ? r->u.n : 40;
	while (r->i < limit && !found_doctype) {
		struct unit *u = cur(r);
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
			if (!ll || is_rule_line(line) || rule_match(R_STAMP, line, ll, 0, &m)) {
				/* nothing */
			} else if (is_appendix_start(r, r->i)) {
				/* a document that is an appendix of another: no header */
				consumed_all = 0;
				free(line);
				break;
			} else if (rule_match(R_QUOC_HIEU, line, ll, 0, &m) ||
			           rule_match(R_TIEU_NGU, line, ll, 0, &m)) {
				r->evidence++;
			} else if (rule_match(R_NUMBER_LINE, line, ll, 0, &m)) {
				set_number(r, line, &m, 1, 2);
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
						set_number(r, joined, &m, 1, 2);
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
			} else if (is_issuer_line(line) && !is_heading(line)) {
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
static void read_title(struct rec *r)
{
	int first = r->title.len == 0;
	int prev_bold = r->doctype_bold ? 1 : -1, prev_caps = -1;
	while (cur(r) && cur(r)->kind == U_PARA) {
		struct unit *u = cur(r);
		char *t = one_line(u->text);
		size_t tl = strlen(t);
		int bold = (u->flags & BF_BOLD) != 0;
		double up = text_upper_ratio(t, tl);
		int caps = up > 0.85;
		struct rmatch m;
		int take;
		if (!tl || is_rule_line(t)) {
			free(t);
			r->i++;
			if (!first)
				break; /* a rule line ends the title */
			continue;
		}
		if (first) {
			struct head h;
			enum rank rk = classify(t, &h);
			head_release(&h);
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
static void read_addressees(struct rec *r)
{
	struct unit *u = cur(r);
	struct rmatch m;
	if (!u || u->kind != U_PARA)
		return;
	char *t = one_line(u->text);
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
	while (cur(r) && cur(r)->kind == U_PARA &&
	       (cur(r)->text[0] == '-' || cur(r)->text[0] == '+')) {
		buf_addc(&lines, '\n');
		buf_adds(&lines, cur(r)->text);
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

/* ---- legal basis ------------------------------------------------------------ */

/* Where a citation's clause ends: ";" or a sentence end, or where the
 * issuer's own clause starts (", Ủy ban nhân dân tỉnh ban hành ..."). */
static size_t clause_end(const char *s, size_t from, size_t len)
{
	for (size_t i = from; i < len; i++) {
		char c = s[i];
		if (c == ';')
			return i;
		if (c == '.' && (i + 1 == len || s[i + 1] == ' ') &&
		    !(i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && i + 1 < len &&
		      s[i + 1] >= '0'))
			return i;
		if (c == ',') {
			/* (lower case too: TCVN3 text has no capital Ủ) */
			static const char *const next[] = {" Ủy ban nhân dân",
			                                   " Uỷ ban nhân dân",
			                                   " ủy ban nhân dân",
			                                   " uỷ ban nhân dân",
			                                   " UBND",
			                                   " Chủ tịch",
			                                   " Ban Chỉ đạo",
			                                   " Sở ",
			                                   NULL};
			for (int k = 0; next[k]; k++)
				if (!strncmp(s + i + 1, next[k], strlen(next[k])))
					return i;
		}
		/* " và Công văn số ..." starts the next citation */
		size_t vl = strlen(" và ");
		if (c == ' ' && !strncmp(s + i, " và ", vl)) {
			struct rmatch m;
			if (rule_match(R_REF, s, len, i + vl, &m) && rm_start(&m, 0) == i + vl)
				return i;
		}
	}
	return len;
}

/* The issuer after "của": up to " về", " hướng dẫn", " ban hành", ... */
static char *ref_issuer(const char *s, size_t from, size_t end)
{
	const char *p = s + from;
	while (p < s + end && *p == ' ')
		p++;
	size_t cl = strlen("của ");
	if ((size_t)(s + end - p) < cl || strncmp(p, "của ", cl))
		return NULL;
	p += cl;
	static const char *const stops[] = {" về ",      " hướng dẫn", " ban hành", " phê duyệt",
	                                    " quy định", " giai đoạn", " năm 20",   NULL};
	const char *stop = s + end;
	for (int k = 0; stops[k]; k++) {
		const char *q = strstr(p, stops[k]);
		if (q && q < stop)
			stop = q;
	}
	/* ", " followed by a capitalized word ends it too */
	for (const char *q = p; q + 2 < stop; q++)
		if (q[0] == ',' && q[1] == ' ' && !text_starts_lower(q + 2)) {
			stop = q;
			break;
		}
	return text_trim(p, (size_t)(stop - p), ",;.");
}

static void add_refs(struct rec *r, const char *s)
{
	size_t len = strlen(s), at = 0;
	struct rmatch m;
	while (at < len && rule_match(R_REF, s, len, at, &m)) {
		size_t st = rm_start(&m, 0), after = rm_end(&m, 0);
		if (!r->basis) {
			/* basis comes before preamble in the document order */
			r->basis = xmlNewNode(NULL, (const xmlChar *)"basis");
			if (r->preamble)
				xmlAddPrevSibling(r->preamble, r->basis);
			else
				xmlAddChild(r->root, r->basis);
		}
		/* the same instrument cited again (a title and an opening sentence) */
		struct buf num0 = BUF_INIT;
		for (size_t i = rm_start(&m, 2); i < rm_end(&m, 2); i++)
			if (s[i] != ' ')
				buf_addc(&num0, s[i]);
		while (num0.len && num0.ptr[num0.len - 1] == '.')
			buf_setlen(&num0, num0.len - 1);
		int seen = 0;
		for (xmlNodePtr o = plan_first(r->basis, "ref"); o && !seen;
		     o = plan_next(o, "ref")) {
			const char *on = plan_attr(o, "number");
			seen = on && !strcmp(on, num0.ptr);
		}
		buf_release(&num0);
		if (seen) {
			at = after;
			continue;
		}
		xmlNodePtr ref = plan_child(r->basis, "ref");
		char *type = xstrndup(s + rm_start(&m, 1), rm_len(&m, 1));
		plan_set(ref, "type", type);
		free(type);
		struct buf num = BUF_INIT;
		for (size_t i = rm_start(&m, 2); i < rm_end(&m, 2); i++)
			if (s[i] != ' ')
				buf_addc(&num, s[i]);
		while (num.len && num.ptr[num.len - 1] == '.')
			buf_setlen(&num, num.len - 1);
		plan_set(ref, "number", num.ptr);
		buf_release(&num);
		struct rmatch dm;
		if (rule_match(R_REF_DATE, s, len, after, &dm)) {
			int d, mo, y;
			if (rm_has(&dm, 1)) {
				d = atoi(s + rm_start(&dm, 1));
				mo = atoi(s + rm_start(&dm, 2));
				y = atoi(s + rm_start(&dm, 3));
			} else {
				d = atoi(s + rm_start(&dm, 4));
				mo = atoi(s + rm_start(&dm, 5));
				y = atoi(s + rm_start(&dm, 6));
			}
			if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12)
				plan_setf(ref, "date", "%04d-%02d-%02d", y, mo, d);
			after = rm_end(&dm, 0);
		}
		size_t end = clause_end(s, after, len);
		char *iss = ref_issuer(s, after, end);
		if (iss)
			plan_set(ref, "issuer", iss);
		free(iss);
		char *txt = text_trim(s + st, end - st, ",");
		plan_text_plain(ref, txt, strlen(txt));
		free(txt);
		at = end > after ? end : after;
	}
}

/* ---- the body ------------------------------------------------------------- */

static int is_closing_start(struct rec *r, size_t i);
static int is_appendix_start(struct rec *r, size_t i);

static xmlNodePtr top(struct rec *r)
{
	return r->stack[r->depth - 1].node;
}

static int push(struct rec *r, xmlNodePtr n, enum rank rank)
{
	if (!n) { /* plan_child() found no place for it: a bug of ours, never silent */
		diag_at(r->d, NULL, cur(r) ? cur(r)->line : 0);
		return diag_error(r->d, "internal error: no place in the plan for this heading");
	}
	if (r->depth >= LIMIT_PLAN_DEPTH) {
		diag_at(r->d, NULL, cur(r) ? cur(r)->line : 0);
		return diag_error(r->d, "document nested too deep (limit %d, LIMIT_PLAN_DEPTH)",
		                  LIMIT_PLAN_DEPTH);
	}
	struct frame *f = &r->stack[r->depth++];
	memset(f, 0, sizeof *f);
	f->node = n;
	f->rank = rank;
	return 0;
}

/* Close containers until the top can hold something of this rank. */
static void pop_to(struct rec *r, enum rank rank)
{
	while (r->depth > 1 && r->stack[r->depth - 1].rank >= rank)
		r->depth--;
}

/* Close open items (and a finished inline agency) before a paragraph. */
static void pop_items(struct rec *r)
{
	while (r->depth > 1) {
		struct frame *f = &r->stack[r->depth - 1];
		if (plan_is(f->node, "item") || (f->inline_agency && !f->open_end))
			r->depth--;
		else
			break;
	}
}

/* Is the nearest section with a kind a responsibilities section? */
static int in_responsibilities(struct rec *r)
{
	for (int k = r->depth - 1; k >= 0; k--) {
		const char *kind = plan_attr(r->stack[k].node, "kind");
		if (kind)
			return !strcmp(kind, "responsibilities");
		if (plan_is(r->stack[k].node, "agency"))
			return 0;
	}
	return 0;
}

/* Unit i+1 holds content that belongs under a heading of this rank. */
static int has_own_content(struct rec *r, size_t i, enum rank rank)
{
	if (i + 1 >= r->u.n)
		return 0;
	struct unit *n = &r->u.v[i + 1];
	if (n->kind == U_TABLE)
		return 1;
	if (n->kind != U_PARA)
		return 0;
	if (is_closing_start(r, i + 1) || is_appendix_start(r, i + 1))
		return 0;
	enum rank rk = unit_rank(n);
	struct rmatch m;
	if (rk == RANK_NONE)
		return !rule_match(R_RECIPIENTS, n->text, strlen(n->text), 0, &m);
	return rk > rank;
}

static int title_like(const struct unit *u, const char *rest)
{
	if (text_ends_terminal(rest) && rest[strlen(rest) - 1] != ':')
		return 0;
	size_t w = text_words(rest);
	return w <= 30 || (u->flags & (BF_BOLD | BF_HEADING_STYLE));
}

/* The end of an agency's name inside a sentence. */
static size_t agency_name_end(const char *s)
{
	struct rmatch m;
	size_t len = strlen(s), at = 0;
	while (rule_match(R_AGENCY_VERB, s, len, at, &m)) {
		size_t st = rm_start(&m, 0);
		/* "các tổ chức chính trị - xã hội": a noun, not the duty's verb */
		static const char *const quantifiers[] = {" các", " những", " mọi", NULL};
		int noun = 0;
		for (int k = 0; quantifiers[k]; k++) {
			size_t ql = strlen(quantifiers[k]);
			if (st >= ql && !strncmp(s + st - ql, quantifiers[k], ql))
				noun = 1;
		}
		if (!noun)
			return st;
		at = rm_end(&m, 0);
	}
	return len;
}

static xmlNodePtr add_agency(struct rec *r, const char *rest, const char *number, int heading_form)
{
	const char *name = rest;
	static const char *const asks[] = {"Đề nghị ", "Giao ", "Yêu cầu ", NULL};
	for (int k = 0; asks[k]; k++)
		if (!strncmp(name, asks[k], strlen(asks[k])))
			name += strlen(asks[k]);
	/* an agency opens under a section: close the items around it; inside
	   another agency, or an item that stays open, there is no place for
	   one and the caller reads the text as it would any other */
	if (!plan_may_hold(top(r), "agency"))
		pop_items(r);
	if (!plan_may_hold(top(r), "agency"))
		return NULL;
	size_t nl = heading_form ? strlen(name) : agency_name_end(name);
	char *nm = text_trim(name, nl, ":.,;");
	xmlNodePtr a = plan_child(top(r), "agency");
	plan_set(a, "name", nm);
	char *key = agency_key(nm);
	plan_set(a, "key", key);
	free(key);
	free(nm);
	plan_set(a, "number", number);
	if (heading_form)
		plan_set(a, "heading", rest);
	return a;
}

static const char *field_role(const char *caption)
{
	char *low = text_lower(caption, strlen(caption));
	const char *role = "lead";
	if (strstr(low, "phối hợp"))
		role = "partners";
	else if (strstr(low, "thời gian") || strstr(low, "thời hạn") || strstr(low, "tiến độ"))
		role = "timeline";
	else if (strstr(low, "sản phẩm"))
		role = "product";
	else if (strstr(low, "kinh phí"))
		role = "cost";
	free(low);
	return role;
}

/* "a) Đơn vị chủ trì: X." becomes a field of the task of the current
 * container (a new task when there is none or the field is taken). */
static int add_field(struct rec *r, const char *rest, const char *label)
{
	struct rmatch m;
	size_t len = strlen(rest);
	if (!rule_match(R_FIELD, rest, len, 0, &m))
		return 0;
	char *caption = xstrndup(rest + rm_start(&m, 1), rm_len(&m, 1));
	const char *role = field_role(caption);
	xmlNodePtr parent = top(r);
	xmlNodePtr task = xmlGetLastChild(parent);
	while (task && task->type != XML_ELEMENT_NODE)
		task = task->prev;
	if (!plan_is(task, "task") || plan_first(task, role))
		task = plan_child(parent, "task");
	if (!task) {
		free(caption);
		return 0;
	}
	/* fields keep the schema's order: text lead partners timeline product cost */
	static const char *const order[] = {"text",    "lead", "partners", "timeline",
	                                    "product", "cost", NULL};
	xmlNodePtr f = xmlNewNode(NULL, (const xmlChar *)role);
	int ri = 0;
	while (order[ri] && strcmp(order[ri], role))
		ri++;
	xmlNodePtr before = NULL;
	for (xmlNodePtr c = task->children; c && !before; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int ci = 0;
		while (order[ci] && strcmp(order[ci], (const char *)c->name))
			ci++;
		if (ci > ri)
			before = c;
	}
	if (before)
		xmlAddPrevSibling(before, f);
	else
		xmlAddChild(task, f);
	if (label && strcmp(label, "-") && strcmp(label, "+"))
		plan_set(f, "label", label);
	else if (label)
		plan_set(f, "label", label);
	plan_set(f, "caption", caption);
	char *val = text_trim(rest + rm_start(&m, 2), rm_len(&m, 2), ".;,");
	plan_text(f, val, strlen(val));
	free(val);
	free(caption);
	return 1;
}

/* ---- tables ---------------------------------------------------------------- */

static const char *column_role(const char *header)
{
	char *low = text_lower(header, strlen(header));
	const char *role = "other";
	if (!strcmp(low, "stt") || !strcmp(low, "tt") || strstr(low, "số tt") ||
	    strstr(low, "số thứ tự"))
		role = "no";
	else if (strstr(low, "phối hợp"))
		role = "partners";
	else if (strstr(low, "chủ trì") || strstr(low, "trách nhiệm thực hiện") ||
	         (strstr(low, "thực hiện") && (strstr(low, "cơ quan") || strstr(low, "đơn vị"))) ||
	         strstr(low, "chịu trách nhiệm"))
		role = "lead";
	else if (strstr(low, "thời gian") || strstr(low, "thời hạn") || strstr(low, "tiến độ") ||
	         strstr(low, "thời điểm"))
		role = "timeline";
	else if (strstr(low, "sản phẩm") || strstr(low, "kết quả"))
		role = "product";
	else if (strstr(low, "kinh phí") || strstr(low, "dự toán") || strstr(low, "nguồn vốn"))
		role = "cost";
	else if (strstr(low, "ghi chú"))
		role = "note";
	else if (strstr(low, "nhiệm vụ") || strstr(low, "nội dung") || strstr(low, "công việc") ||
	         strstr(low, "hoạt động") || strstr(low, "tên "))
		role = "task";
	free(low);
	return role;
}

/* The grid of cell texts: rows x ncols, merged cells repeated.  The
 * positions a merged cell covers share its one string, so the grid costs
 * a pointer and a length per position however long the texts are. */
struct grid {
	size_t nrows;
	unsigned ncols;
	const char **cell; /* nrows * ncols, borrowed from own */
	size_t *len;       /* strlen of each */
	char **own;        /* the strings, one per source cell */
	size_t nown;
	int *header;   /* per row */
	int *span_all; /* per row: one cell covers the whole width */
};

static void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->nown; i++)
		free(g->own[i]);
	free(g->own);
	free(g->cell);
	free(g->len);
	free(g->header);
	free(g->span_all);
	memset(g, 0, sizeof *g);
}

/* Returns 0, or -1 with an input error in d when the grid or the text it
 * repeats passes its limit (nothing is left to free then). */
static int grid_build(const struct table *t, struct grid *g, struct diag *d, unsigned line)
{
	memset(g, 0, sizeof *g);
	g->nrows = t->nrows;
	g->ncols = t->ncols ? t->ncols : 1;
	if (g->nrows > LIMIT_TABLE_GRID / g->ncols) {
		diag_at(d, NULL, line);
		return diag_error(d,
		                  "table too large: %zu rows by %u columns (limit %d grid cells, "
		                  "LIMIT_TABLE_GRID)",
		                  g->nrows, g->ncols, LIMIT_TABLE_GRID);
	}
	size_t slots = g->nrows * g->ncols;
	if (!slots)
		slots = 1;
	g->cell = xcalloc(slots, sizeof *g->cell);
	g->len = xcalloc(slots, sizeof *g->len);
	g->own = xcalloc(slots, sizeof *g->own);
	g->header = xcalloc(g->nrows ? g->nrows : 1, sizeof *g->header);
	g->span_all = xcalloc(g->nrows ? g->nrows : 1, sizeof *g->span_all);
	size_t repeated = 0; /* bytes of text over every position */
	for (size_t r = 0; r < t->nrows; r++) {
		const struct row *row = &t->rows[r];
		g->header[r] = row->header;
		unsigned col = 0;
		for (size_t c = 0; c < row->ncells && col < g->ncols; c++) {
			const struct cell *cl = &row->cells[c];
			unsigned span = cl->colspan ? cl->colspan : 1;
			if (row->ncells == 1 && span >= g->ncols && g->ncols > 1)
				g->span_all[r] = 1;
			const char *txt;
			size_t len;
			if (cl->merged && r > 0 && g->cell[(r - 1) * g->ncols + col]) {
				txt = g->cell[(r - 1) * g->ncols + col];
				len = g->len[(r - 1) * g->ncols + col];
			} else {
				struct buf b = BUF_INIT;
				cell_text(cl, &b);
				g->own[g->nown++] = buf_detach(&b, &len);
				txt = g->own[g->nown - 1];
			}
			for (unsigned k = 0; k < span && col + k < g->ncols; k++) {
				g->cell[r * g->ncols + col + k] = txt;
				g->len[r * g->ncols + col + k] = len;
				repeated += len;
			}
			col += span;
		}
		for (; col < g->ncols; col++)
			g->cell[r * g->ncols + col] = "";
		if (repeated > LIMIT_TABLE_TEXT_BYTES) {
			grid_free(g);
			diag_at(d, NULL, line);
			return diag_error(
			    d,
			    "table text too large with its merged cells repeated (limit %u bytes, "
			    "LIMIT_TABLE_TEXT_BYTES)",
			    LIMIT_TABLE_TEXT_BYTES);
		}
	}
	return 0;
}

static const char *G(const struct grid *g, size_t r, unsigned c)
{
	return g->cell[r * g->ncols + c];
}

static int is_roman(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr("IVXL", *s))
			return 0;
	return 1;
}

/* A row of column numbers "(1) (2) (3)" or "1 2 3" under the header. */
static int is_numbering_row(const struct grid *g, size_t r)
{
	for (unsigned c = 0; c < g->ncols; c++) {
		const char *s = G(g, r, c);
		char *t = text_trim(s, strlen(s), NULL);
		const char *p = t;
		if (*p == '(')
			p++;
		int v = atoi(p);
		int ok = v == (int)c + 1;
		free(t);
		if (!ok)
			return 0;
	}
	return g->ncols > 1;
}

static void add_cell_text(struct rec *r, xmlNodePtr cell, const char *text, const char *role)
{
	/* budget tables: a bare number in a cost column under "Đơn vị tính: triệu đồng" */
	if (!strcmp(role, "cost") && r->unit_mult > 0) {
		struct rmatch m;
		char *t = text_trim(text, strlen(text), NULL);
		size_t n = strlen(t);
		size_t i = 0;
		while (i < n && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ','))
			i++;
		if (n && i == n && !rule_match(R_AMOUNT, t, n, 0, &m)) {
			const char *comma = strchr(t, ',');
			size_t dl = comma ? (size_t)(comma - t) : n;
			unsigned long long v;
			const char *mult = r->unit_mult >= 1e9   ? "tỷ"
			                   : r->unit_mult >= 1e6 ? "triệu"
			                   : r->unit_mult >= 1e3 ? "nghìn"
			                                         : "";
			if (amount_value(t, dl, comma ? comma + 1 : "", comma ? n - dl - 1 : 0,
			                 mult, strlen(mult), &v) == 0) {
				xmlNodePtr a = plan_child(cell, "amount");
				plan_setf(a, "value", "%llu", v);
				plan_set(a, "unit", "VND");
				plan_text_plain(a, text, strlen(text));
				free(t);
				return;
			}
		}
		free(t);
	}
	plan_text(cell, text, strlen(text));
}

/* The cells of the last row written, whose text rows continued from the
 * previous page may still extend: written out once the row is complete,
 * since rewriting a cell for every continuation is quadratic. */
struct open_row {
	xmlNodePtr *cell;
	struct buf *text;
	unsigned n;
};

static void open_row_flush(struct rec *r, struct open_row *o, const char **roles)
{
	for (unsigned c = 0; c < o->n; c++) {
		if (o->cell[c])
			add_cell_text(r, o->cell[c], o->text[c].ptr, roles[c]);
		o->cell[c] = NULL;
		buf_reset(&o->text[c]);
	}
}

static int add_table(struct rec *r, xmlNodePtr parent, const struct table *t)
{
	struct grid g;
	if (grid_build(t, &g, r->d, cur(r) ? cur(r)->line : 0) < 0)
		return -1;
	/* header rows: marked ones, else the first row, plus rows a vertical
	 * merge in the first row still covers */
	size_t nh = 0;
	while (nh < g.nrows && g.header[nh])
		nh++;
	if (!nh && g.nrows > 1) {
		nh = 1;
		unsigned maxspan = 1;
		for (size_t c = 0; c < t->rows[0].ncells; c++)
			if (t->rows[0].cells[c].rowspan > maxspan)
				maxspan = t->rows[0].cells[c].rowspan;
		if (maxspan > 1 && maxspan < g.nrows)
			nh = maxspan;
	}
	xmlNodePtr tbl = plan_child(parent, "table");
	const char **roles = xcalloc(g.ncols, sizeof *roles);
	for (unsigned c = 0; c < g.ncols; c++) {
		struct buf h = BUF_INIT;
		for (size_t rr = 0; rr < nh; rr++) {
			const char *s = G(&g, rr, c);
			char *one = one_line(s);
			/* join distinct header texts of a column, top to bottom */
			if (*one &&
			    !(h.len >= strlen(one) && !strcmp(h.ptr + h.len - strlen(one), one))) {
				if (h.len)
					buf_adds(&h, " - ");
				buf_adds(&h, one);
			}
			free(one);
		}
		roles[c] = nh ? column_role(h.ptr) : "other";
		xmlNodePtr col = plan_child(tbl, "column");
		plan_set(col, "role", roles[c]);
		plan_text_plain(col, h.ptr, h.len);
		buf_release(&h);
	}
	int no_col = -1, task_col = -1;
	for (unsigned c = 0; c < g.ncols; c++) {
		if (no_col < 0 && !strcmp(roles[c], "no"))
			no_col = (int)c;
		if (task_col < 0 && !strcmp(roles[c], "task"))
			task_col = (int)c;
	}
	xmlNodePtr container = tbl, last_row = NULL;
	struct open_row open = {xcalloc(g.ncols, sizeof *open.cell),
	                        xcalloc(g.ncols, sizeof *open.text), g.ncols};
	for (unsigned c = 0; c < g.ncols; c++)
		buf_init(&open.text[c]);
	for (size_t rr = nh; rr < g.nrows; rr++) {
		if (rr == nh && is_numbering_row(&g, rr))
			continue;
		/* a repeated header row (tables continued across pages) */
		int same_as_header = nh > 0;
		for (unsigned c = 0; c < g.ncols && same_as_header; c++)
			if (strcmp(G(&g, rr, c), G(&g, 0, c)))
				same_as_header = 0;
		if (same_as_header)
			continue;
		int empty = 1;
		for (unsigned c = 0; c < g.ncols; c++)
			if (*G(&g, rr, c))
				empty = 0;
		if (empty)
			continue;
		const char *first = G(&g, rr, 0);
		/* group row: a Roman numeral (or letter) then one title repeated or alone */
		int group = 0;
		const char *gtitle = NULL;
		char *gnum = NULL;
		if (g.span_all[rr]) {
			group = 1;
			gtitle = first;
		} else if (g.ncols >= 2 &&
		           (is_roman(first) ||
		            (strlen(first) == 1 && first[0] >= 'A' && first[0] <= 'Z'))) {
			const char *title = G(&g, rr, 1);
			int rest_same = *title != '\0';
			for (unsigned c = 2; c < g.ncols && rest_same; c++)
				if (*G(&g, rr, c) && strcmp(G(&g, rr, c), title))
					rest_same = 0;
			if (rest_same) {
				group = 1;
				gnum = xstrdup(first);
				gtitle = title;
			}
		}
		if (group) {
			open_row_flush(r, &open, roles);
			xmlNodePtr grp = plan_child(tbl, "group");
			if (!gnum) {
				struct head h;
				if (classify(gtitle, &h) == RANK_ROMAN) {
					gnum = xstrdup(h.number);
					gtitle = h.rest;
				}
				head_release(&h);
			}
			plan_set(grp, "number", gnum);
			char *tt = one_line(gtitle);
			xmlSetProp(grp, (const xmlChar *)"title", (const xmlChar *)tt);
			free(tt);
			free(gnum);
			container = grp;
			last_row = NULL;
			continue;
		}
		/* a row continued from the previous page: no number, no task */
		if (last_row && no_col >= 0 && !*G(&g, rr, (unsigned)no_col) &&
		    (task_col < 0 || !*G(&g, rr, (unsigned)task_col))) {
			for (unsigned c = 0; c < g.ncols; c++) {
				const char *add = G(&g, rr, c);
				if (*add) {
					if (open.text[c].len)
						buf_addc(&open.text[c], ' ');
					buf_add(&open.text[c], add, g.len[rr * g.ncols + c]);
				}
			}
			continue;
		}
		open_row_flush(r, &open, roles);
		xmlNodePtr row = plan_child(container, "row");
		if (no_col >= 0 && *G(&g, rr, (unsigned)no_col)) {
			char *n = one_line(G(&g, rr, (unsigned)no_col));
			char *nt = text_trim(n, strlen(n), ".");
			plan_set(row, "number", nt);
			free(nt);
			free(n);
		}
		for (unsigned c = 0; c < g.ncols; c++) {
			xmlNodePtr cell = plan_child(row, "cell");
			plan_set(cell, "role", roles[c]);
			open.cell[c] = cell;
			buf_add(&open.text[c], G(&g, rr, c), g.len[rr * g.ncols + c]);
		}
		last_row = row;
	}
	open_row_flush(r, &open, roles);
	for (unsigned c = 0; c < g.ncols; c++)
		buf_release(&open.text[c]);
	free(open.text);
	free(open.cell);
	free(roles);
	grid_free(&g);
	r->unit_mult = 0;
	return 0;
}

/* ---- closing, signature, appendix detection ----------------------------------- */

static int line_is_signature(const char *s)
{
	struct rmatch m;
	size_t len = strlen(s);
	return rule_match(R_SIG_AUTHORITY, s, len, 0, &m) ||
	       rule_match(R_SIG_DEPUTY, s, len, 0, &m);
}

static int appendix_start_uncached(struct rec *r, size_t i);

static int is_appendix_start(struct rec *r, size_t i)
{
	struct unit *u = &r->u.v[i];
	if (!u->appendix)
		u->appendix = appendix_start_uncached(r, i) ? 1 : -1;
	return u->appendix > 0;
}

/* A document attached to another after its signature: a document type
 * line ("ĐIỀU LỆ", "QUY CHẾ") with its title and, within a few lines,
 * "(Ban hành kèm theo Quyết định số …)".  Returns 1 when unit i opens one. */
static int attached_document(struct rec *r, size_t i)
{
	struct unit *u = &r->u.v[i];
	struct rmatch m;
	if (u->kind != U_PARA || !rule_match(R_DOCTYPE, u->text, strlen(u->text), 0, &m))
		return 0;
	/* the title of a "Phụ lục" heading is not a document of its own */
	if (i > 0 && r->u.v[i - 1].kind == U_PARA &&
	    rule_match(R_APPENDIX, r->u.v[i - 1].text, strlen(r->u.v[i - 1].text), 0, &m))
		return 0;
	for (size_t j = i + 1; j < r->u.n && j <= i + 4; j++) {
		struct unit *n = &r->u.v[j];
		if (n->kind != U_PARA)
			return 0;
		if (rule_match(R_ATTACHMENT, n->text, strlen(n->text), 0, &m))
			return 1;
	}
	return 0;
}

static int appendix_start_uncached(struct rec *r, size_t i)
{
	struct unit *u = &r->u.v[i];
	if (u->kind != U_PARA)
		return 0;
	/* only after the document's own header and title */
	if (r->body && attached_document(r, i))
		return 1;
	char *t = one_line(u->text);
	struct rmatch m;
	int yes = 0;
	if (rule_match(R_APPENDIX, t, strlen(t), 0, &m)) {
		const char *rest = t + rm_start(&m, 2);
		/* "Phụ lục" alone, with a number, or with an upper-case title */
		yes = !*rest || rm_has(&m, 1) || text_upper_ratio(rest, strlen(rest)) > 0.8 ||
		      u->flags & BF_BOLD || strlen(rest) < 3;
		/* "Phụ lục kèm theo ..." in running text is not a heading */
		if (text_words(t) > 40)
			yes = 0;
	}
	free(t);
	return yes;
}

static int closing_start_uncached(struct rec *r, size_t i);

static int is_closing_start(struct rec *r, size_t i)
{
	struct unit *u = &r->u.v[i];
	if (!u->closing)
		u->closing = closing_start_uncached(r, i) ? 1 : -1;
	return u->closing > 0;
}

static int closing_start_uncached(struct rec *r, size_t i)
{
	struct unit *u = &r->u.v[i];
	if (u->kind != U_PARA)
		return 0;
	struct rmatch m;
	const char *s = u->text;
	size_t len = strlen(s);
	if (rule_match(R_RECIPIENTS, s, len, 0, &m))
		return 1;
	char *first = one_line(s);
	int sig = line_is_signature(first);
	/* a signature unit "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" */
	const char *nl = strchr(s, '\n');
	if (!sig && nl) {
		char *l1 = xstrndup(s, (size_t)(nl - s));
		sig = line_is_signature(l1);
		free(l1);
	}
	free(first);
	if (sig)
		return 1;
	if (!rule_match(R_CLOSING, s, len, 0, &m))
		return 0;
	/* closing only when no numbered heading follows before the end matter;
	 * many closing-like lines before one heading would each look ahead
	 * as far (quadratic), so the last look-ahead is remembered */
	if (r->ahead_to && r->ahead_from <= i + 1 && i + 1 <= r->ahead_to)
		return r->ahead_result;
	size_t j;
	int result = 1;
	for (j = i + 1; j < r->u.n; j++) {
		struct unit *n = &r->u.v[j];
		if (n->kind != U_PARA)
			continue;
		if (rule_match(R_RECIPIENTS, n->text, strlen(n->text), 0, &m) ||
		    is_appendix_start(r, j))
			break;
		enum rank rk = unit_rank(n);
		if (rk != RANK_NONE && rk < RANK_DASH) {
			result = 0;
			break;
		}
	}
	r->ahead_from = i + 1;
	r->ahead_to = j;
	r->ahead_result = result;
	return result;
}

/* ---- body processing ------------------------------------------------------------ */

/* Paragraph text for the body: a sentence split by a page break is joined
 * ("đội ngũ báo" / "cáo viên"); returns the text and advances past the
 * units used. */
static char *take_para(struct rec *r)
{
	struct unit *u = cur(r);
	struct buf b = BUF_INIT;
	char *t = one_line(u->text);
	buf_adds(&b, t);
	free(t);
	r->i++;
	while (cur(r) && cur(r)->kind == U_PARA && !text_ends_terminal(b.ptr) &&
	       text_starts_lower(cur(r)->text)) {
		struct head h;
		enum rank rk = classify(cur(r)->text, &h);
		head_release(&h);
		if (rk != RANK_NONE)
			break;
		t = one_line(cur(r)->text);
		buf_addc(&b, ' ');
		buf_adds(&b, t);
		free(t);
		r->i++;
	}
	return buf_detach(&b, NULL);
}

/* One unit of an outline (body or appendix): section, agency, item, task
 * field, paragraph, table or note. */
static int outline_unit(struct rec *r, int top_level_kind)
{
	struct unit *u = cur(r);
	if (u->kind == U_TABLE) {
		pop_items(r);
		if (add_table(r, top(r), u->table) < 0)
			return -1;
		r->i++;
		return 0;
	}
	if (u->kind == U_NOTE) {
		char *nt = one_line(u->text);
		plan_child_text(top(r), "note", nt);
		free(nt);
		r->i++;
		return 0;
	}
	size_t at = r->i;
	struct rmatch m;
	if (rule_match(R_UNIT_NOTE, u->text, strlen(u->text), 0, &m)) {
		const char *mult = rm_has(&m, 1) ? u->text + rm_start(&m, 1) : "";
		r->unit_mult = !strncmp(mult, "triệu", strlen("triệu")) ? 1e6
		               : !strncmp(mult, "tỷ", strlen("tỷ"))     ? 1e9
		               : (!strncmp(mult, "nghìn", strlen("nghìn")) ||
		                  !strncmp(mult, "ngàn", strlen("ngàn")))
		                   ? 1e3
		                   : 1;
	}
	char *text = take_para(r);
	struct head h;
	enum rank rk = classify(text, &h);
	int rc = 0;
	if (rk == RANK_NONE) {
		if (add_field(r, text, NULL)) {
			free(text);
			return 0;
		}
		pop_items(r);
		/* "Sở Nội vụ có trách nhiệm ..." as a paragraph of its own in the
		 * responsibilities section: an agency without a number */
		xmlNodePtr a = NULL;
		if (in_responsibilities(r) && rule_test(R_AGENCY_START, text) &&
		    agency_name_end(text) < strlen(text) && (a = add_agency(r, text, NULL, 0))) {
			xmlNodePtr p = plan_child(a, "p");
			plan_text(p, text, strlen(text));
			int rc2 = push(r, a, RANK_LETTER);
			if (rc2 == 0) {
				size_t l = strlen(text);
				r->stack[r->depth - 1].inline_agency = 1;
				r->stack[r->depth - 1].open_end = l && text[l - 1] == ':';
			}
			free(text);
			return rc2;
		}
		xmlNodePtr p = plan_child(top(r), "p");
		plan_text(p, text, strlen(text));
		free(text);
		return 0;
	}
	pop_to(r, rk);
	/* task fields: "a) Đơn vị chủ trì: ..." */
	if (add_field(r, h.rest, h.label)) {
		head_release(&h);
		free(text);
		return 0;
	}
	int section_rank = rk <= RANK_ARTICLE;
	int numbered = rk <= RANK_LETTER;
	struct unit *uu = &r->u.v[at];
	xmlNodePtr a = NULL;
	int heading_form = 0;
	if (numbered && in_responsibilities(r) && rule_test(R_AGENCY_START, h.rest) &&
	    rk >= RANK_ARABIC) {
		/* a heading names the body alone ("Sở Nội vụ" or "Sở Nội vụ:") */
		size_t rl = strlen(h.rest);
		while (rl && (h.rest[rl - 1] == ':' || h.rest[rl - 1] == ' '))
			rl--;
		heading_form = title_like(uu, h.rest) && has_own_content(r, r->i - 1, rk) &&
		               agency_name_end(h.rest) >= rl;
		a = add_agency(r, h.rest, h.number, heading_form);
	}
	if (a) {
		if (!heading_form) {
			xmlNodePtr p = plan_child(a, "p");
			plan_text(p, h.rest, strlen(h.rest));
		}
		rc = push(r, a, rk);
		if (rc == 0 && !heading_form) {
			r->stack[r->depth - 1].inline_agency = 1;
			size_t l = strlen(h.rest);
			r->stack[r->depth - 1].open_end = l && h.rest[l - 1] == ':';
		}
	} else if (section_rank ||
	           (numbered && title_like(uu, h.rest) && has_own_content(r, r->i - 1, rk))) {
		pop_items(r);
		/* "Phần I" with its title on the next line */
		char *own_heading = NULL;
		if (!*h.rest && cur(r) && cur(r)->kind == U_PARA && !is_heading(cur(r)->text) &&
		    text_upper_ratio(cur(r)->text, strlen(cur(r)->text)) > 0.8) {
			own_heading = one_line(cur(r)->text);
			h.rest = own_heading;
			r->i++;
		}
		xmlNodePtr s = plan_child(top(r), "section");
		int top_level = r->depth == 1;
		const char *kind =
		    top_level && top_level_kind ? top_kind(h.rest) : sub_kind(h.rest);
		plan_set(s, "kind", kind);
		plan_set(s, "number", h.number);
		xmlSetProp(s, (const xmlChar *)"heading", (const xmlChar *)h.rest);
		if (top_level)
			r->nsections++;
		rc = push(r, s, rk);
		free(own_heading);
	} else {
		xmlNodePtr it = plan_child(top(r), "item");
		if (!it) {
			/* an item where none may stand (a task): close to a container */
			pop_items(r);
			it = plan_child(top(r), "item");
		}
		plan_set(it, "label", h.label);
		plan_text(it, h.rest, strlen(h.rest));
		rc = push(r, it, rk);
	}
	head_release(&h);
	free(text);
	return rc;
}

static int read_body(struct rec *r)
{
	r->depth = 0;
	push(r, r->body, RANK_NONE);
	while (cur(r)) {
		if (is_closing_start(r, r->i) || is_appendix_start(r, r->i))
			break;
		if (outline_unit(r, 1) < 0)
			return -1;
	}
	return 0;
}

/* ---- closing -------------------------------------------------------------------- */

static void add_recipient(struct rec *r, xmlNodePtr list, const char *line)
{
	const char *s = line;
	while (*s == ' ' || *s == '-' || *s == '+' || !strncmp(s, "–", strlen("–")) ||
	       !strncmp(s, "•", strlen("•"))) {
		if (!strncmp(s, "–", strlen("–")) || !strncmp(s, "•", strlen("•")))
			s += strlen("–");
		else
			s++;
	}
	char *t = text_trim(s, strlen(s), NULL);
	if (*t)
		plan_child_text(list, "recipient", t);
	free(t);
	(void)r;
}

static char *normalize_deputy(const char *line, const struct rmatch *m)
{
	const char *pre = line + rm_start(m, 1);
	size_t pl = rm_len(m, 1);
	const char *rest = line + rm_start(m, 2);
	char *rt = text_trim(rest, strlen(rest), NULL);
	char *out;
	if ((pl == 2 && !strncmp(pre, "KT", 2)) || !strncmp(pre, "KÊ", pl) ||
	    !strncmp(pre, "K/T", pl))
		out = xasprintf("KT. %s", rt);
	else
		out = xasprintf("%.*s. %s", (int)pl, pre, rt);
	free(rt);
	return out;
}

static void read_closing(struct rec *r)
{
	xmlNodePtr sig = NULL, recips = NULL;
	int in_recips = 0;
	char *authority = NULL, *deputy = NULL, *position = NULL, *signer = NULL;
	while (cur(r) && !is_appendix_start(r, r->i)) {
		struct unit *u = cur(r);
		if (u->kind != U_PARA) {
			if (u->kind == U_TABLE && !r->closing) {
				break;
			}
			r->i++;
			continue;
		}
		struct rmatch m;
		/* closing sentences before the end matter */
		if (!in_recips && !authority && !deputy && !position &&
		    !rule_match(R_RECIPIENTS, u->text, strlen(u->text), 0, &m) &&
		    !line_is_signature(u->text) && !strpbrk(u->text, "\n\t")) {
			char *t = take_para(r);
			if (!r->closing)
				r->closing = plan_child(r->root, "closing");
			xmlNodePtr p = plan_child(r->closing, "p");
			plan_text(p, t, strlen(t));
			free(t);
			continue;
		}
		for (const char *p = u->text; *p;) {
			const char *e = strpbrk(p, "\n\t");
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *line = text_trim(p, len, NULL);
			size_t ll = strlen(line);
			p += len + (e ? 1 : 0);
			if (!ll || is_rule_line(line))
				goto next;
			if (rule_match(R_RECIPIENTS, line, ll, 0, &m)) {
				in_recips = 1;
				if (!recips) {
					if (!r->closing)
						r->closing = plan_child(r->root, "closing");
					recips = xmlNewNode(NULL, (const xmlChar *)"recipients");
				}
				if (rm_len(&m, 1))
					add_recipient(r, recips, line + rm_start(&m, 1));
				r->evidence++;
				goto next;
			}
			if (rule_match(R_SIG_AUTHORITY, line, ll, 0, &m)) {
				free(authority);
				char *rest = text_trim(line + rm_start(&m, 1), rm_len(&m, 1), NULL);
				authority = xasprintf("TM. %s", rest);
				free(rest);
				in_recips = 0;
				goto next;
			}
			if (rule_match(R_SIG_DEPUTY, line, ll, 0, &m)) {
				free(deputy);
				deputy = normalize_deputy(line, &m);
				in_recips = 0;
				goto next;
			}
			if (rule_match(R_IMAGE_NOTE, line, ll, 0, &m) ||
			    rule_match(R_STAMP, line, ll, 0, &m))
				goto next;
			/* "- X;" lines after "Nơi nhận" are recipients, also when the
			 * signature lines sit between them (typed with tab stops) */
			if (recips &&
			    (line[0] == '-' || line[0] == '+' || !strncmp(line, "–", strlen("–")) ||
			     !strncmp(line, "•", strlen("•")))) {
				add_recipient(r, recips, line);
				goto next;
			}
			/* an upper-case line that is not a "- recipient" is the signer's
			 * position, also right after the list (a signature cell) */
			if (text_upper_ratio(line, ll) > 0.85 && !position && line[0] != '-' &&
			    line[0] != '+') {
				position = xstrdup(line);
				in_recips = 0;
				goto next;
			}
			if (!signer && rule_match(R_SIGNER, line, ll, 0, &m) &&
			    (authority || deputy || position)) {
				signer = xstrdup(line);
				in_recips = 0;
				goto next;
			}
			if (in_recips) {
				/* a recipient line without its dash */
				add_recipient(r, recips, line);
				goto next;
			}
		next:
			free(line);
		}
		r->i++;
	}
	if (authority || deputy || position || signer) {
		if (!r->closing)
			r->closing = plan_child(r->root, "closing");
		sig = plan_child(r->closing, "signature");
		plan_set(sig, "authority", authority);
		plan_set(sig, "deputy", deputy);
		plan_set(sig, "position", position);
		plan_set(sig, "signer", signer);
		r->has_signature = 1;
		r->evidence++;
	}
	if (recips)
		xmlAddChild(r->closing, recips);
	free(authority);
	free(deputy);
	free(position);
	free(signer);
}

/* ---- appendices ---------------------------------------------------------------- */

static void attachment_facts(struct rec *r, const char *s)
{
	struct rmatch m;
	size_t len = strlen(s);
	if (!r->number && rule_match(R_ATTACH_NUMBER, s, len, 0, &m)) {
		set_number(r, s, &m, 2, 3);
		size_t after = rm_end(&m, 0);
		struct rmatch dm;
		if (!r->date_text && rule_match(R_DATE_LONG, s, len, after, &dm) &&
		    rm_start(&dm, 0) < after + 4) {
			r->date_text = text_trim(s + rm_start(&dm, 0), rm_len(&dm, 0), NULL);
			r->day = atoi(s + rm_start(&dm, 1));
			r->month = atoi(s + rm_start(&dm, 2));
			r->year = rm_has(&dm, 3) ? atoi(s + rm_start(&dm, 3)) : 0;
		}
	}
}

static int stranded_header_line(const char *s)
{
	size_t len = strlen(s);
	return text_words(s) <= 8 && text_upper_ratio(s, len) > 0.9 &&
	       (!strncmp(s, "ỦY BAN NHÂN DÂN", strlen("ỦY BAN NHÂN DÂN")) ||
	        !strncmp(s, "UỶ BAN NHÂN DÂN", strlen("UỶ BAN NHÂN DÂN")) ||
	        !strncmp(s, "UBND", 4));
}

static int read_appendices(struct rec *r)
{
	int first = 1;
	while (cur(r)) {
		if (!is_appendix_start(r, r->i)) {
			/* stray matter after the document (page furniture) */
			r->i++;
			continue;
		}
		char *t = one_line(cur(r)->text);
		struct rmatch m;
		int attached = !rule_match(R_APPENDIX, t, strlen(t), 0, &m);
		if (attached) {
			/* "ĐIỀU LỆ" + title + "(Ban hành kèm theo …)": the type line opens the
			 * title */
			memset(&m, 0, sizeof m);
			for (int g = 0; g < 20; g++)
				m.ov[2 * g] = m.ov[2 * g + 1] = (size_t)-1;
			m.ov[4] = 0;
			m.ov[5] = strlen(t);
		}
		xmlNodePtr app = plan_child(r->root, "appendix");
		if (first) {
			/* an appendix heading is a document part the decree names (Mẫu 2.1) */
			r->evidence += 2;
			first = 0;
		}
		if (rm_has(&m, 1)) {
			char *n = xstrndup(t + rm_start(&m, 1), rm_len(&m, 1));
			plan_set(app, "number", n);
			free(n);
		}
		struct buf title = BUF_INIT;
		char *attachment = NULL;
		buf_add(&title, t + rm_start(&m, 2), rm_len(&m, 2));
		free(t);
		r->i++;
		/* title lines, then "(Kèm theo ...)" */
		while (cur(r) && cur(r)->kind == U_PARA) {
			char *l = one_line(cur(r)->text);
			size_t ll = strlen(l);
			if (rule_match(R_ATTACHMENT, l, ll, 0, &m)) {
				/* "(Kèm theo … 2025" / "của Chủ tịch …)" over two lines */
				if (!memchr(l, ')', ll) && r->i + 1 < r->u.n &&
				    r->u.v[r->i + 1].kind == U_PARA &&
				    text_starts_lower(r->u.v[r->i + 1].text) &&
				    strchr(r->u.v[r->i + 1].text, ')')) {
					char *l2 = one_line(r->u.v[r->i + 1].text);
					char *joined = xasprintf("%s %s", l, l2);
					free(l2);
					free(l);
					l = joined;
					ll = strlen(l);
					r->i++;
				}
				char *a = text_trim(l, ll, NULL);
				/* without the outer parentheses */
				size_t al = strlen(a);
				const char *as = a;
				if (*as == '(' && al > 1 && a[al - 1] == ')')
					as++, al -= 2;
				free(attachment);
				attachment = xstrndup(as, al);
				attachment_facts(r, attachment);
				free(a);
				free(l);
				r->i++;
				break;
			}
			struct head h;
			enum rank rk = classify(l, &h);
			head_release(&h);
			if (rk != RANK_NONE || is_appendix_start(r, r->i) || ll > 250 ||
			    (text_upper_ratio(l, ll) < 0.8 && !(cur(r)->flags & BF_BOLD) &&
			     title.len)) {
				free(l);
				break;
			}
			if (title.len)
				buf_addc(&title, ' ');
			buf_adds(&title, l);
			free(l);
			r->i++;
		}
		buf_trim(&title);
		if (title.len)
			xmlSetProp(app, (const xmlChar *)"title", (const xmlChar *)title.ptr);
		plan_set(app, "attachment", attachment);
		free(attachment);
		buf_release(&title);
		/* content: an outline or tables, until the next appendix */
		r->depth = 0;
		push(r, app, RANK_NONE);
		int after_table = 0;
		while (cur(r) && !is_appendix_start(r, r->i)) {
			struct unit *u = cur(r);
			if (u->kind == U_PARA && after_table && stranded_header_line(u->text)) {
				r->i++;
				continue;
			}
			if (u->kind == U_PARA) {
				struct rmatch mm;
				/* signature or recipients repeated under an appendix */
				if (rule_match(R_RECIPIENTS, u->text, strlen(u->text), 0, &mm) ||
				    line_is_signature(u->text)) {
					r->i++;
					continue;
				}
			}
			after_table = u->kind == U_TABLE;
			if (outline_unit(r, 0) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- issuer and place inference ------------------------------------------------- */

static void infer_issuer(struct rec *r, char **issuer, char **abbr, int *inferred)
{
	*issuer = *abbr = NULL;
	*inferred = 0;
	if (r->issuer_lines.len) {
		*issuer = text_proper_case(r->issuer_lines.ptr, 1);
		if (strstr(r->issuer_lines.ptr, "UBND"))
			*abbr = text_proper_case(r->issuer_lines.ptr, 0);
		return;
	}
	/* "Ủy ban nhân dân tỉnh X ban hành", the title's "trên địa bàn tỉnh X" */
	const char *level = NULL;
	char *place = NULL;
	struct rmatch m;
	xmlNodePtr pre = r->preamble ? r->preamble->children : NULL;
	for (xmlNodePtr p = pre; p && !place; p = p->next) {
		xmlChar *txt = xmlNodeGetContent(p);
		const char *s = (const char *)txt;
		size_t at = 0, len = strlen(s);
		while (rule_match(R_ISSUER_PHRASE, s, len, at, &m)) {
			/* the issuer's own clause: not a cited body "của UBND tỉnh" */
			int cited =
			    rm_start(&m, 0) >= 4 && !strncmp(s + rm_start(&m, 0) - 4, "của ", 4);
			if (!cited) {
				level = !strncmp(s + rm_start(&m, 3), "tỉnh", strlen("tỉnh"))
				            ? "tỉnh"
				            : "thành phố";
				if (rm_has(&m, 4))
					place = xstrndup(s + rm_start(&m, 4), rm_len(&m, 4));
				break;
			}
			at = rm_end(&m, 0);
		}
		xmlFree(txt);
		if (level)
			break;
	}
	if (!level)
		return;
	if (!place && r->title.len && rule_match(R_AREA, r->title.ptr, r->title.len, 0, &m))
		place = xstrndup(r->title.ptr + rm_start(&m, 2), rm_len(&m, 2));
	if (!place && r->place)
		place = xstrdup(r->place);
	if (!place)
		return;
	*issuer = xasprintf("Ủy ban nhân dân %s %s", level, place);
	*abbr = xasprintf("UBND %s %s", level, place);
	*inferred = 1;
	free(place);
}

static void write_meta(struct rec *r)
{
	char *issuer, *abbr;
	int inferred;
	infer_issuer(r, &issuer, &abbr, &inferred);
	if (issuer) {
		xmlNodePtr n = plan_child_text(r->meta, "issuer", issuer);
		plan_set(n, "abbr", abbr);
		if (inferred)
			plan_set(n, "inferred", "yes");
	}
	if (r->parent_lines.len) {
		char *p = text_proper_case(r->parent_lines.ptr, 1);
		plan_child_text(r->meta, "parent-issuer", p);
		free(p);
	}
#define META_ADD(name) plan_child(r->meta, (name))
	if (!r->doctype_text && !r->body->children && plan_first(r->root, "appendix")) {
		r->doctype_code = "";
		r->doctype_text = "Phụ lục";
	}
	xmlNodePtr dt = META_ADD("doctype");
	xmlSetProp(dt, (const xmlChar *)"code",
	           (const xmlChar *)(r->doctype_code ? r->doctype_code : ""));
	if (r->doctype_text)
		plan_text_plain(dt, r->doctype_text, strlen(r->doctype_text));
	if (r->number) {
		xmlNodePtr n = META_ADD("number");
		if (*r->number && strchr(r->number, '/'))
			plan_text_plain(n, r->number, strlen(r->number));
		else if (r->symbol)
			plan_set(n, "symbol", r->symbol);
		else
			plan_text_plain(n, r->number, strlen(r->number));
	}
	char *place = r->place ? xstrdup(r->place) : NULL;
	int place_inferred = 0;
	if (!place && issuer) {
		struct rmatch m;
		if (rule_match(R_AREA, r->title.ptr, r->title.len, 0, &m))
			place = xstrndup(r->title.ptr + rm_start(&m, 2), rm_len(&m, 2));
		else {
			const char *sp = strstr(issuer, " tỉnh ");
			const char *tp = strstr(issuer, " thành phố ");
			if (sp)
				place = xstrdup(sp + strlen(" tỉnh "));
			else if (tp)
				place = xstrdup(tp + strlen(" thành phố "));
		}
		place_inferred = place != NULL;
	}
	if (place) {
		xmlNodePtr n = META_ADD("place");
		plan_text_plain(n, place, strlen(place));
		if (place_inferred)
			plan_set(n, "inferred", "yes");
	}
	if (r->date_text) {
		xmlNodePtr n = META_ADD("date");
		if (r->day && r->month && r->year)
			plan_setf(n, "iso", "%04d-%02d-%02d", r->year, r->month, r->day);
		else {
			if (r->year)
				plan_setf(n, "year", "%d", r->year);
			if (r->month)
				plan_setf(n, "month", "%d", r->month);
		}
		plan_text_plain(n, r->date_text, strlen(r->date_text));
	}
	if (r->title.len) {
		xmlNodePtr n = META_ADD("title");
		plan_text_plain(n, r->title.ptr, r->title.len);
	}
#undef META_ADD
	for (const char *q = r->addressees.ptr; *q;) {
		const char *e = strchr(q, '\n');
		size_t len = e ? (size_t)(e - q) : strlen(q);
		char *a = xstrndup(q, len);
		plan_child_text(r->meta, "addressee", a);
		free(a);
		q += len + (e ? 1 : 0);
	}
	free(place);
	free(issuer);
	free(abbr);
}

/* ---- driver ----------------------------------------------------------------------- */

static void rec_release(struct rec *r)
{
	free_units(&r->u);
	buf_release(&r->issuer_lines);
	buf_release(&r->parent_lines);
	buf_release(&r->title);
	buf_release(&r->addressees);
	free(r->number);
	free(r->symbol);
	free(r->place);
	free(r->date_text);
}

xmlDocPtr recognize(const struct blocks *bs, const char *source, struct diag *d)
{
	return recognize_with(bs, source, 0, d);
}

xmlDocPtr recognize_with(const struct blocks *bs, const char *source, unsigned flags,
                         struct diag *d)
{
	const char *bad = NULL;
	if (rules_compile(&bad) < 0) {
		diag_env(d, "internal error: rule '%s' does not compile", bad);
		return NULL;
	}
	struct rec r;
	memset(&r, 0, sizeof r);
	r.d = d;
	buf_init(&r.issuer_lines);
	buf_init(&r.parent_lines);
	buf_init(&r.title);
	buf_init(&r.addressees);
	build_units(bs, &r.u);
	r.doc = plan_new(source, &r.root);
	r.meta = plan_first(r.root, "meta");

	read_header(&r);
	if (r.doctype_text && r.title.len == 0)
		read_title(&r);
	else if (r.doctype_text)
		read_title(&r);
	read_addressees(&r);

	/* preamble: paragraphs before the first heading (when one comes) */
	size_t first_head = r.i;
	for (; first_head < r.u.n && first_head < r.i + 30; first_head++) {
		struct unit *u = &r.u.v[first_head];
		if (u->kind != U_PARA)
			break;
		enum rank rk = unit_rank(u);
		if (rk != RANK_NONE && rk <= RANK_LETTER)
			break;
		if (is_closing_start(&r, first_head) || is_appendix_start(&r, first_head))
			break;
	}
	if (first_head > r.i && first_head < r.u.n && r.u.v[first_head].kind == U_PARA &&
	    !is_closing_start(&r, first_head) && !is_appendix_start(&r, first_head)) {
		r.preamble = plan_child(r.root, "preamble");
		while (r.i < first_head) {
			char *t = take_para(&r);
			xmlNodePtr p = plan_child(r.preamble, "p");
			plan_text(p, t, strlen(t));
			free(t);
		}
		for (xmlNodePtr p = r.preamble->children; p; p = p->next) {
			xmlChar *txt = xmlNodeGetContent(p);
			add_refs(&r, (const char *)txt);
			xmlFree(txt);
		}
	}
	r.body = plan_child(r.root, "body");
	int rc = read_body(&r);
	if (rc == 0) {
		read_closing(&r);
		rc = read_appendices(&r);
	}
	if (rc == 0) {
		write_meta(&r);
		/* the closing element goes between body and appendices */
		if (r.nsections >= 2)
			r.evidence++;
		if (r.evidence < 2 && !(flags & RECOGNIZE_FRAGMENT)) {
			diag_error(d, "not an administrative document: no header, document type, "
			              "sections or signature found");
			rc = -1;
		}
	}
	rec_release(&r);
	if (rc < 0) {
		xmlFreeDoc(r.doc);
		return NULL;
	}
	return r.doc;
}

void recognize_cleanup(void)
{
	rules_free();
}
