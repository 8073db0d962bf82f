/* classify.c - what a line is, before where it goes: the numbering that
 * opens it (Phần, A., I., Điều, 1., 1.1., a), -, +) and the kind of a
 * section from the words of its heading (goals, content, budget,
 * responsibilities, reporting, period, audience). */
#include <stdlib.h>
#include <string.h>

#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

void rec_head_release(struct head *h)
{
	free(h->number);
	free(h->label);
	memset(h, 0, sizeof *h);
}

/* What numbering opens text s? */
enum rank rec_classify(const char *s, struct head *h)
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
enum rank rec_unit_rank(struct unit *u)
{
	if (!u->rank_plus1) {
		struct head h;
		enum rank rk = u->kind == U_PARA ? rec_classify(u->text, &h) : RANK_NONE;
		if (u->kind == U_PARA)
			rec_head_release(&h);
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
const char *rec_top_kind(const char *heading)
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
const char *rec_sub_kind(const char *heading)
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
