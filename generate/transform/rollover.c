/* rollover.c - next year's plan from last year's (see rollover.h).
 *
 * Owns the rollover rules and the walk that applies them to a copy of a
 * plan.  The rules work on strings and return edits (a byte span, the
 * new text, or a note for the user); the walk turns edits into change
 * marks in the tree and lines of the change list, in document order.
 * Never touches the input document, legal references or the signature;
 * never prints. */
#include "generate/transform/rollover.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/regex.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"

/* ---- patterns ------------------------------------------------------------------ */

#define Y "(?:19|20)\\d\\d"

/* Years and what surrounds them.  The alternatives are tried in this
 * order at the leftmost place any of them matches. */
static const char year_pattern[] =
    "(?<sym>(?<![\\p{L}\\p{N}])\\d{1,5}[a-zđ]?\\s?/\\s?" Y "\\s?/)"
    "|(?<date>(?<![\\p{N}])\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*(?<dy>" Y ")(?!\\p{N}))"
    "|(?<dlong>ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s*,?\\s*năm\\s+(?<dly>" Y ")(?!\\p{N}))"
    "|(?<vision>tầm\\s+nhìn\\s+(?:đến\\s+)?(?:năm\\s+)?(?<vy>" Y ")(?!\\p{N}))"
    "|(?<my>tháng\\s+\\d{1,2}\\s*(?:,?\\s*năm\\s+|/\\s*)(?<myy>" Y ")(?!\\p{N}))"
    "|(?<range>(?:(?:năm|giai\\s+đoạn)\\s+)?(?<r1>" Y
    ")\\s*[-\\x{2013}\\x{2014}]\\s*(?:năm\\s+)?(?<r2>" Y ")(?!\\p{N}))"
    "|(?<yw>(?:(?:đến\\s+)?hết|sau|đến|năm)\\s+(?:năm\\s+)?(?<ywy>" Y ")(?!\\p{N}))"
    "|(?<bare>(?<![\\p{L}\\p{N}/.])(?<by>" Y ")(?!\\p{N}))";

enum {
	G_SYM = 1,
	G_DATE,
	G_DY,
	G_DLONG,
	G_DLY,
	G_VISION,
	G_VY,
	G_MY,
	G_MYY,
	G_RANGE,
	G_R1,
	G_R2,
	G_YW,
	G_YWY,
	G_BARE,
	G_BY,
	G__N
};

/* A citation's type, number, date and issuer: never changed. */
static const char ref_pattern[] =
    "(?<![\\p{L}])(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|"
    "Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản|Kết luận|Hướng dẫn|Thông báo|Chương trình|Đề án|"
    "Công điện|Quy định)"
    "\\s+(?:số\\s*:?\\s*)?\\d{1,5}[a-zđ]?(?:\\s?/\\s?\\d{4})?\\s?[/-]\\s?[\\p{L}\\d&]+(?:\\s?[-/"
    "]\\s?[\\p{L}\\d&]+)*"
    "(?:\\s*,?\\s*ngày\\s+(?:\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/"
    ".-]\\s*\\d{4}|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}))?"
    "(?:\\s+của\\s+[^,;.()]*?(?=\\s+(?:về|hướng\\s+dẫn|phê\\s+duyệt|quy\\s+định|ban\\s+hành|"
    "triển\\s+khai|"
    "thực\\s+hiện|tại)(?![\\p{L}])|[,;.()]|$))?";

/* A day and month without a year: a schedule date. */
static const char daymonth_pattern[] =
    "(?:ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}(?!\\s*,?\\s*năm)(?!\\s*/)(?!\\p{N})"
    "|(?<![\\p{N}/.])\\d{1,2}\\s*/\\s*\\d{1,2}(?!\\s*/)(?!\\p{N}))";

struct cite {
	char *text;
	char *review; /* review-ref note for the places citing it, or NULL */
};

struct ro_ctx {
	int a, b;   /* the old plan's years */
	int n0, n1; /* the new plan's years */
	int delta;
	const struct renames *rn;
	pcre2_match_data *md;
	struct cite *cites;
	size_t ncites, acites;
	size_t (*prot)[2]; /* protected spans of the string being ruled */
	size_t nprot, aprot;
};

static struct regex year_re = REGEX_INIT(year_pattern, PCRE2_CASELESS);
static struct regex ref_re = REGEX_INIT(ref_pattern, 0);
static struct regex dm_re = REGEX_INIT(daymonth_pattern, PCRE2_CASELESS);

struct ro_ctx *ro_ctx_new(int from_first, int from_last, int to_first, const struct renames *rn)
{
	struct ro_ctx *c = xcalloc(1, sizeof *c);
	c->a = from_first;
	c->b = from_last;
	c->n0 = to_first;
	c->n1 = to_first + (from_last - from_first);
	c->delta = to_first - from_first;
	c->rn = rn;
	c->md = regex_match_data(G__N + 1);
	return c;
}

void ro_ctx_free(struct ro_ctx *c)
{
	if (!c)
		return;
	pcre2_match_data_free(c->md);
	for (size_t i = 0; i < c->ncites; i++) {
		free(c->cites[i].text);
		free(c->cites[i].review);
	}
	free(c->cites);
	free(c->prot);
	free(c);
}

void ro_ctx_protect(struct ro_ctx *c, const char *citation)
{
	if (!citation || strlen(citation) < 8)
		return;
	c->cites = xgrow(c->cites, sizeof *c->cites, c->ncites + 1, &c->acites);
	c->cites[c->ncites].text = xstrdup(citation);
	c->cites[c->ncites].review = NULL;
	c->ncites++;
}

/* ---- protected spans ---------------------------------------------------------- */

static void prot_add(struct ro_ctx *c, size_t s, size_t e)
{
	c->prot = xgrow(c->prot, sizeof *c->prot, c->nprot + 1, &c->aprot);
	c->prot[c->nprot][0] = s;
	c->prot[c->nprot][1] = e;
	c->nprot++;
}

/* The spans of s no rule may change: the basis citations (unless
 * with_cites is 0) and every citation's number, date and issuer. */
static void protect(struct ro_ctx *c, const char *s, int with_cites)
{
	c->nprot = 0;
	size_t len = strlen(s);
	for (size_t i = 0; with_cites && i < c->ncites; i++) {
		size_t cl = strlen(c->cites[i].text);
		for (const char *p = strstr(s, c->cites[i].text); p;
		     p = strstr(p + 1, c->cites[i].text))
			prot_add(c, (size_t)(p - s), (size_t)(p - s) + cl);
	}
	size_t at = 0;
	while (at < len && regex_match(&ref_re, s, len, at, 0, c->md) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		prot_add(c, ov[0], ov[1]);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
}

static int is_protected(const struct ro_ctx *c, size_t s, size_t e)
{
	for (size_t i = 0; i < c->nprot; i++)
		if (s < c->prot[i][1] && e > c->prot[i][0])
			return 1;
	return 0;
}

/* ---- edits ------------------------------------------------------------------------ */

static void edit_add(struct ro_edits *e, size_t s, size_t end, char *text, char *review,
                     const char *rule)
{
	e->v = xgrow(e->v, sizeof *e->v, e->n + 1, &e->alloc);
	struct ro_edit *x = &e->v[e->n++];
	x->start = s;
	x->end = end;
	x->text = text;
	x->review = review;
	x->rule = rule;
}

void ro_edits_release(struct ro_edits *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].text);
		free(e->v[i].review);
	}
	free(e->v);
	e->v = NULL;
	e->n = e->alloc = 0;
}

static int edit_cmp(const void *a, const void *b)
{
	const struct ro_edit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* notes before replacements at one place; otherwise keep order */
	return (x->text != NULL) - (y->text != NULL);
}

/* Drop text edits that overlap an earlier one (the first added wins),
 * then sort by position. */
static void resolve(struct ro_edits *e)
{
	size_t k = 0;
	for (size_t i = 0; i < e->n; i++) {
		int clash = 0;
		if (e->v[i].text)
			for (size_t j = 0; j < k && !clash; j++)
				clash = e->v[j].text && e->v[i].start < e->v[j].end &&
				        e->v[i].end > e->v[j].start;
		if (clash) {
			free(e->v[i].text);
			free(e->v[i].review);
			continue;
		}
		e->v[k++] = e->v[i];
	}
	e->n = k;
	/* insertion order is kept for ties: qsort is not stable, so sort a
	 * copy tagged with its index */
	for (size_t i = 1; i < e->n; i++) {
		struct ro_edit x = e->v[i];
		size_t j = i;
		while (j > 0 && edit_cmp(&e->v[j - 1], &x) > 0) {
			e->v[j] = e->v[j - 1];
			j--;
		}
		e->v[j] = x;
	}
}

static void join_review(char **acc, const char *msg)
{
	if (!msg)
		return;
	if (!*acc) {
		*acc = xstrdup(msg);
		return;
	}
	if (strstr(*acc, msg))
		return;
	char *n = xasprintf("%s | %s", *acc, msg);
	free(*acc);
	*acc = n;
}

char *ro_apply(const char *s, struct ro_edits *e, char **review)
{
	resolve(e);
	struct buf b = BUF_INIT;
	size_t pos = 0;
	char *rv = NULL;
	for (size_t i = 0; i < e->n; i++) {
		join_review(&rv, e->v[i].review);
		if (!e->v[i].text)
			continue;
		buf_add(&b, s + pos, e->v[i].start - pos);
		buf_adds(&b, e->v[i].text);
		pos = e->v[i].end;
	}
	buf_adds(&b, s + pos);
	if (review)
		*review = rv;
	else
		free(rv);
	return buf_detach(&b, NULL);
}

/* ---- the year rules ------------------------------------------------------------ */

static int year_at(const char *s, size_t at)
{
	return (s[at] - '0') * 1000 + (s[at + 1] - '0') * 100 + (s[at + 2] - '0') * 10 +
	       (s[at + 3] - '0');
}

static int gset(const PCRE2_SIZE *ov, int g)
{
	return ov[2 * g] != PCRE2_UNSET;
}

/* s[start..end) with the years at the given offsets moved by delta. */
static char *shifted(const char *s, size_t start, size_t end, const size_t *at, int n, int delta)
{
	struct buf b = BUF_INIT;
	size_t pos = start;
	for (int i = 0; i < n; i++) {
		buf_add(&b, s + pos, at[i] - pos);
		buf_addf(&b, "%d", year_at(s, at[i]) + delta);
		pos = at[i] + 4;
	}
	buf_add(&b, s + pos, end - pos);
	return buf_detach(&b, NULL);
}

static char *period_text(int a, int b)
{
	return a == b ? xasprintf("năm %d", a) : xasprintf("giai đoạn %d - %d", a, b);
}

/* Is y a year of the old plan, or the one after it (a deadline early
 * next year, "phương hướng năm 2021" in a 2020 plan)? */
static int moves(const struct ro_ctx *c, int y)
{
	return y >= c->a && y <= c->b + 1;
}

static int in_old(const struct ro_ctx *c, int y)
{
	return y >= c->a && y <= c->b;
}

/* Does s open with the word "năm" (any case)? */
static int starts_nam(const char *s)
{
	return !strncmp(s, "năm", strlen("năm")) || !strncmp(s, "Năm", strlen("Năm")) ||
	       !strncmp(s, "NĂM", strlen("NĂM"));
}

void ro_rule_plan_year(struct ro_ctx *c, enum ro_where w, const char *s, struct ro_edits *e)
{
	const char *rule = w == RO_TIMELINE ? "timeline" : "plan-year";
	size_t len = strlen(s), at = 0;
	protect(c, s, 1);
	while (at < len && regex_match(&year_re, s, len, at, 0, c->md) > 0) {
		PCRE2_SIZE ov[2 * G__N];
		memcpy(ov, pcre2_get_ovector_pointer(c->md), sizeof ov);
		size_t ms = ov[0], me = ov[1];
		at = me > ms ? me : ms + 1;
		if (gset(ov, G_SYM) || is_protected(c, ms, me))
			continue;
		if (gset(ov, G_DATE) || gset(ov, G_DLONG)) {
			int y = year_at(s, ov[2 * (gset(ov, G_DATE) ? G_DY : G_DLY)]);
			if (in_old(c, y)) {
				char *p = period_text(c->n0, c->n1);
				edit_add(e, ms, me, NULL,
				         xasprintf("Mốc “%.*s” thuộc thời gian của kế hoạch cũ: "
				                   "kiểm tra lại cho %s.",
				                   (int)(me - ms), s + ms, p),
				         "review-date");
				free(p);
			}
		} else if (gset(ov, G_VISION)) {
			int y = year_at(s, ov[2 * G_VY]);
			if (y < c->n1 + 1 && y >= c->a) {
				char *p = period_text(c->n0, c->n1);
				edit_add(e, ms, me, NULL,
				         xasprintf("Tầm nhìn %d không vượt quá thời gian của kế "
				                   "hoạch mới (%s): kiểm tra.",
				                   y, p),
				         "review-vision");
				free(p);
			}
		} else if (gset(ov, G_MY) || gset(ov, G_YW)) {
			size_t ya = ov[2 * (gset(ov, G_MY) ? G_MYY : G_YWY)];
			int y = year_at(s, ya);
			if (!moves(c, y))
				continue;
			/* in a plan of several years, "năm 2015" in running text is a
			 * milestone as often as the plan's time: the user decides;
			 * "hết 2015", "sau 2015" and months are the plan's time */
			if (w == RO_TEXT && c->a != c->b && gset(ov, G_YW) && starts_nam(s + ms))
				edit_add(e, ms, me, NULL,
				         xasprintf("Nhắc đến năm %d trong thời gian của kế hoạch "
				                   "cũ: kiểm tra, có thể cần "
				                   "đổi thành năm %d.",
				                   y, y + c->delta),
				         "review-year");
			else
				edit_add(e, ms, me, shifted(s, ms, me, &ya, 1, c->delta), NULL,
				         rule);
		} else if (gset(ov, G_RANGE)) {
			int y1 = year_at(s, ov[2 * G_R1]), y2 = year_at(s, ov[2 * G_R2]);
			/* the old plan's own span (or one that ends in it and starts at
			 * most a year before); a span starting earlier is history, and
			 * one reaching past the old plan still runs */
			if (y1 < y2 && moves(c, y2) && y1 >= c->a - 1) {
				size_t ys[2] = {ov[2 * G_R1], ov[2 * G_R2]};
				edit_add(e, ms, me, shifted(s, ms, me, ys, 2, c->delta), NULL,
				         rule);
			}
		} else if (gset(ov, G_BARE)) {
			size_t ya = ov[2 * G_BY];
			int y = year_at(s, ya);
			if (w == RO_TIMELINE && moves(c, y))
				edit_add(e, ms, me, shifted(s, ms, me, &ya, 1, c->delta), NULL,
				         rule);
			else if (w == RO_TEXT && in_old(c, y))
				edit_add(e, ms, me, NULL,
				         xasprintf("Nhắc đến năm %d của kế hoạch cũ: kiểm tra, có "
				                   "thể cần đổi thành năm %d.",
				                   y, y + c->delta),
				         "review-year");
		}
	}
}

void ro_rule_deadline(struct ro_ctx *c, const char *s, struct ro_edits *e)
{
	size_t len = strlen(s), at = 0;
	while (at < len && regex_match(&year_re, s, len, at, 0, c->md) > 0) {
		PCRE2_SIZE ov[2 * G__N];
		memcpy(ov, pcre2_get_ovector_pointer(c->md), sizeof ov);
		size_t ms = ov[0], me = ov[1];
		at = me > ms ? me : ms + 1;
		size_t ys[2];
		int n = 0;
		static const int groups[] = {G_DY, G_DLY, G_VY, G_MYY, G_R1, G_R2, G_YWY, G_BY};
		for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
			if (gset(ov, groups[g]) && n < 2) {
				int y = year_at(s, ov[2 * groups[g]]);
				if (y >= c->a - 1 && y <= c->b + 1)
					ys[n++] = ov[2 * groups[g]];
			}
		if (n)
			edit_add(e, ms, me, shifted(s, ms, me, ys, n, c->delta), NULL, "deadline");
	}
}

void ro_rule_rename(struct ro_ctx *c, const char *s, struct ro_edits *e)
{
	if (!c->rn)
		return;
	protect(c, s, 1);
	struct rename_hits h = RENAME_HITS_INIT;
	renames_find(c->rn, s, strlen(s), &h);
	for (size_t i = 0; i < h.n; i++) {
		struct rename_hit *x = &h.v[i];
		if (is_protected(c, x->start, x->end))
			continue;
		if (x->ambiguous)
			edit_add(e, x->start, x->end, NULL, xstrdup(x->note), "rename-ambiguous");
		else {
			edit_add(e, x->start, x->end, x->text, NULL, "rename");
			x->text = NULL;
		}
	}
	rename_hits_release(&h);
}

char *ro_rule_ref_review(struct ro_ctx *c, const char *citation, const char *date_iso)
{
	int tied = date_iso && strlen(date_iso) >= 4 && in_old(c, atoi(date_iso));
	size_t len = strlen(citation), at = 0;
	protect(c, citation, 0);
	while (!tied && at < len && regex_match(&year_re, citation, len, at, 0, c->md) > 0) {
		PCRE2_SIZE ov[2 * G__N];
		memcpy(ov, pcre2_get_ovector_pointer(c->md), sizeof ov);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (gset(ov, G_SYM) || is_protected(c, ov[0], ov[1]))
			continue;
		if (gset(ov, G_RANGE))
			tied = in_old(c, year_at(citation, ov[2 * G_R2]));
		else if (gset(ov, G_YW))
			tied = in_old(c, year_at(citation, ov[2 * G_YWY]));
		else if (gset(ov, G_MY))
			tied = in_old(c, year_at(citation, ov[2 * G_MYY]));
		else if (gset(ov, G_BARE))
			tied = in_old(c, year_at(citation, ov[2 * G_BY]));
	}
	if (!tied)
		return NULL;
	char *po = period_text(c->a, c->b), *pn = period_text(c->n0, c->n1);
	char *msg = xasprintf("Văn bản căn cứ gắn với thời gian của kế hoạch cũ (%s): thay bằng "
	                      "văn bản áp dụng cho %s, "
	                      "nếu có.",
	                      po, pn);
	free(po);
	free(pn);
	return msg;
}

int ro_rule_schedule(struct ro_ctx *c, const char *s)
{
	return regex_match(&dm_re, s, strlen(s), 0, 0, c->md) > 0;
}

/* Find word w (ASCII-insensitive first letter) in s from start; returns
 * its offset or -1. */
static long find_word(const char *s, size_t start, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = strstr(s + start, w); p; p = strstr(p + 1, w)) {
		int before = p == s || p[-1] == ' ' || p[-1] == '(';
		char after = p[wl];
		if (before && (after == ' ' || after == '\0'))
			return (long)(p - s);
	}
	return -1;
}

char *ro_rule_attachment(struct ro_ctx *c, const char *att, const char *symbol)
{
	long so = find_word(att, 0, "số");
	long ngay = find_word(att, so >= 0 ? (size_t)so : 0, "ngày");
	if (so < 0 && ngay < 0)
		return NULL;
	struct buf b = BUF_INIT;
	size_t pos = 0;
	if (so >= 0) {
		size_t numstart = (size_t)so + strlen("số");
		size_t numend = ngay >= 0 ? (size_t)ngay : strlen(att);
		char *num = text_trim(att + numstart, numend - numstart, NULL);
		const char *slash = strchr(num, '/');
		char *sym = slash ? text_trim(slash + 1, strlen(slash + 1), NULL) : xstrdup("");
		if (!*sym && symbol) {
			free(sym);
			sym = xstrdup(symbol);
		}
		buf_add(&b, att, numstart);
		buf_addf(&b, " …/%s", sym);
		if (ngay >= 0)
			buf_addc(&b, ' ');
		pos = numend;
		free(sym);
		free(num);
	}
	if (ngay >= 0) {
		long cua = find_word(att, (size_t)ngay, "của");
		size_t dend = cua >= 0 ? (size_t)cua : strlen(att);
		buf_add(&b, att + pos, (size_t)ngay - pos);
		buf_addf(&b, "ngày … tháng … năm %d", c->n0);
		if (cua >= 0)
			buf_addc(&b, ' ');
		pos = dend;
	}
	buf_adds(&b, att + pos);
	char *out = buf_detach(&b, NULL);
	if (!strcmp(out, att)) {
		free(out);
		return NULL;
	}
	return out;
}

/* ---- the plan's years ------------------------------------------------------------ */

static int starts_open(const char *s, size_t len)
{
	/* "hết 2025", "đến 2025" (a period that started before) */
	char *low = text_lower(s, len < 8 ? len : 8);
	int r = !strncmp(low, "hết", strlen("hết")) || !strncmp(low, "đến", strlen("đến"));
	free(low);
	return r;
}

/* The period a text states: a span "2019 - 2020", else "năm 2020" or
 * "đến hết 2025" (from date_year), else with bare set a bare year.
 * Returns 1 when found. */
static int period_of(struct ro_ctx *c, const char *s, int date_year, int bare, int *first,
                     int *last)
{
	size_t len = strlen(s);
	protect(c, s, 0);
	for (int pass = 0; pass < 3; pass++) {
		size_t at = 0;
		while (at < len && regex_match(&year_re, s, len, at, 0, c->md) > 0) {
			PCRE2_SIZE ov[2 * G__N];
			memcpy(ov, pcre2_get_ovector_pointer(c->md), sizeof ov);
			at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			if (is_protected(c, ov[0], ov[1]))
				continue;
			if (pass == 0 && gset(ov, G_RANGE)) {
				int y1 = year_at(s, ov[2 * G_R1]), y2 = year_at(s, ov[2 * G_R2]);
				if (y1 < y2 && y2 - y1 <= 10) {
					*first = y1;
					*last = y2;
					return 1;
				}
			} else if (pass == 1 && (gset(ov, G_YW) || gset(ov, G_MY))) {
				int y = year_at(s, ov[2 * (gset(ov, G_YW) ? G_YWY : G_MYY)]);
				*last = y;
				*first = gset(ov, G_YW) && starts_open(s + ov[0], ov[1] - ov[0]) &&
				                 date_year > 0 && date_year < y &&
				                 y - date_year <= 10
				             ? date_year
				             : y;
				return 1;
			} else if (pass == 2 && bare && gset(ov, G_BARE)) {
				*first = *last = year_at(s, ov[2 * G_BY]);
				return 1;
			}
		}
	}
	return 0;
}

static char *content(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = xstrdup(t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static int date_year_of(xmlNodePtr meta)
{
	xmlNodePtr d = plan_first(meta, "date");
	const char *iso = plan_attr(d, "iso");
	const char *y = plan_attr(d, "year");
	if (iso && strlen(iso) >= 4)
		return atoi(iso);
	return y ? atoi(y) : 0;
}

static int period_in_sections(struct ro_ctx *c, xmlNodePtr n, int dy, int *first, int *last)
{
	for (xmlNodePtr s = n ? n->children : NULL; s; s = s->next) {
		if (!plan_is(s, "section"))
			continue;
		const char *k = plan_attr(s, "kind");
		if (k && !strcmp(k, "period")) {
			char *t = content(s);
			const char *h = plan_attr(s, "heading");
			char *all = xasprintf("%s. %s", h ? h : "", t);
			int found = period_of(c, all, dy, 0, first, last);
			free(all);
			free(t);
			if (found)
				return 1;
		}
		if (period_in_sections(c, s, dy, first, last))
			return 1;
	}
	return 0;
}

int rollover_period(xmlDocPtr plan, int *first, int *last, const char **from, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(plan);
	xmlNodePtr meta = plan_first(root, "meta");
	int dy = date_year_of(meta);
	struct ro_ctx *c = ro_ctx_new(0, 0, 0, NULL);
	int found = 0;
	const char *src = NULL;
	xmlNodePtr title = plan_first(meta, "title");
	if (title) {
		char *t = content(title);
		found = period_of(c, t, dy, 1, first, last);
		free(t);
		src = "title";
	}
	if (!found) {
		found = period_in_sections(c, plan_first(root, "body"), dy, first, last);
		src = "period section";
	}
	xmlNodePtr pre = plan_first(root, "preamble");
	if (!found && pre) {
		char *t = content(pre);
		found = period_of(c, t, dy, 0, first, last);
		free(t);
		src = "preamble";
	}
	if (!found && dy > 0) {
		*first = *last = dy;
		found = 1;
		src = "date";
	}
	ro_ctx_free(c);
	if (!found)
		return diag_error(d, "cannot tell which year the plan is for (no year in its "
		                     "title, period, preamble or "
		                     "date); give --year");
	if (from)
		*from = src;
	return 0;
}

/* ---- the walk ---------------------------------------------------------------------- */

struct walk {
	struct ro_ctx *c;
	const struct rollover_opts *o;
	struct rollover_result *res;
	xmlDocPtr doc;
};

static void record(struct walk *w, xmlNodePtr el, const char *attr, const char *old,
                   const char *now, const char *rule)
{
	xmlChar *p = xmlGetNodePath(el);
	struct rollover_result *r = w->res;
	r->v = xgrow(r->v, sizeof *r->v, r->n + 1, &r->alloc);
	struct rollover_change *ch = &r->v[r->n++];
	ch->path = attr ? xasprintf("%s/@%s", (const char *)p, attr) : xstrdup((const char *)p);
	ch->old = xstrdup(old ? old : "");
	ch->now = xstrdup(now ? now : "");
	ch->rule = rule;
	xmlFree(p);
}

/* Attributes whose old value the output keeps (old-NAME), because
 * templates print them. */
static int printed_attr(const char *name)
{
	static const char *const names[] = {"heading", "name", "title", "attachment", "caption"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* Set (now != NULL) or remove an attribute, record the change. */
static void set_attr(struct walk *w, xmlNodePtr el, const char *name, const char *now,
                     const char *rule)
{
	const char *cur = plan_attr(el, name);
	if ((!cur && !now) || (cur && now && !strcmp(cur, now)))
		return;
	char *old = xstrdup(cur ? cur : "");
	if (!w->o->no_marks && printed_attr(name)) {
		char *mark = xasprintf("old-%s", name);
		if (!xmlHasProp(el, (const xmlChar *)mark))
			xmlSetProp(el, (const xmlChar *)mark, (const xmlChar *)old);
		free(mark);
	}
	if (now)
		xmlSetProp(el, (const xmlChar *)name, (const xmlChar *)now);
	else
		xmlUnsetProp(el, (const xmlChar *)name);
	record(w, el, name, old, now, rule);
	free(old);
}

static int is_inline(xmlNodePtr n)
{
	return plan_is(n, "deadline") || plan_is(n, "amount") || plan_is(n, "note") ||
	       plan_is(n, "change");
}

static void add_review(struct walk *w, xmlNodePtr el, const char *msg, const char *rule)
{
	while (el && el->parent && is_inline(el))
		el = el->parent;
	const char *cur = plan_attr(el, "review");
	if (cur && strstr(cur, msg))
		return;
	char *now = cur ? xasprintf("%s | %s", cur, msg) : xstrdup(msg);
	set_attr(w, el, "review", now, rule);
	free(now);
}

/* The rules for one string in a place: names, then years. */
static void rules_for(struct walk *w, const char *s, enum ro_where where, int names, int years,
                      struct ro_edits *e)
{
	if (names)
		ro_rule_rename(w->c, s, e);
	if (!years)
		return;
	if (where == RO_DEADLINE)
		ro_rule_deadline(w->c, s, e);
	else
		ro_rule_plan_year(w->c, where, s, e);
}

/* Apply the text edits of e (resolved) to text node t of element el:
 * one change mark per edit, one line each; notes go to @review. */
static void edit_text(struct walk *w, xmlNodePtr el, xmlNodePtr t, struct ro_edits *e)
{
	const char *s = (const char *)t->content;
	int any = 0;
	for (size_t i = 0; i < e->n; i++)
		any |= e->v[i].text != NULL;
	if (any) {
		struct buf plain = BUF_INIT;
		xmlNodePtr last = t;
		size_t pos = 0;
		char *first = NULL;
		for (size_t i = 0; i < e->n; i++) {
			struct ro_edit *x = &e->v[i];
			if (!x->text)
				continue;
			char *old = xstrndup(s + x->start, x->end - x->start);
			record(w, el, NULL, old, x->text, x->rule);
			if (w->o->no_marks) {
				buf_add(&plain, s + pos, x->start - pos);
				buf_adds(&plain, x->text);
			} else {
				if (!first) {
					first = xstrndup(s, x->start);
				} else {
					xmlNodePtr tx = xmlNewTextLen((const xmlChar *)s + pos,
					                              (int)(x->start - pos));
					last = xmlAddNextSibling(last, tx);
				}
				xmlNodePtr ch =
				    xmlNewDocNode(w->doc, NULL, (const xmlChar *)"change", NULL);
				xmlNewProp(ch, (const xmlChar *)"old", (const xmlChar *)old);
				xmlNewProp(ch, (const xmlChar *)"rule", (const xmlChar *)x->rule);
				xmlNodeAddContent(ch, (const xmlChar *)x->text);
				last = xmlAddNextSibling(last, ch);
			}
			free(old);
			pos = x->end;
		}
		if (w->o->no_marks) {
			buf_adds(&plain, s + pos);
			xmlNodeSetContent(t, (const xmlChar *)plain.ptr);
		} else {
			if (s[pos]) {
				xmlNodePtr tx = xmlNewText((const xmlChar *)s + pos);
				xmlAddNextSibling(last, tx);
			}
			xmlNodeSetContent(t, (const xmlChar *)first); /* s is t's: set it last */
			if (!*first) {
				xmlUnlinkNode(t);
				xmlFreeNode(t);
			}
			free(first);
		}
		buf_release(&plain);
	}
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].review)
			add_review(w, el, e->v[i].review, e->v[i].rule);
}

static void do_text(struct walk *w, xmlNodePtr el, xmlNodePtr t, enum ro_where where, int names)
{
	if (!t->content || !*t->content)
		return;
	char *s = xstrdup((const char *)t->content);
	struct ro_edits e = RO_EDITS_INIT;
	for (size_t i = 0; i < w->c->ncites; i++)
		if (w->c->cites[i].review && strstr(s, w->c->cites[i].text))
			edit_add(&e, 0, 0, NULL, xstrdup(w->c->cites[i].review), "review-ref");
	rules_for(w, s, where, names, 1, &e);
	resolve(&e);
	edit_text(w, el, t, &e);
	ro_edits_release(&e);
	free(s);
}

/* An attribute through the rules; one line per rule that changed it. */
static void do_attr(struct walk *w, xmlNodePtr el, const char *name, enum ro_where where, int names,
                    int years)
{
	const char *v = plan_attr(el, name);
	if (!v || !*v)
		return;
	char *orig = xstrdup(v);
	struct ro_edits e = RO_EDITS_INIT;
	rules_for(w, orig, where, names, years, &e);
	resolve(&e);
	/* apply the edits rule by rule, so that each line names its rule */
	const char *done[8];
	size_t ndone = 0;
	for (size_t i = 0; i < e.n; i++) {
		if (!e.v[i].text)
			continue;
		int seen = 0;
		for (size_t k = 0; k < ndone; k++)
			seen |= done[k] == e.v[i].rule;
		if (seen || ndone == 8)
			continue;
		done[ndone++] = e.v[i].rule;
		struct buf b = BUF_INIT;
		size_t pos = 0;
		for (size_t j = 0; j < e.n; j++) {
			int in = 0;
			for (size_t k = 0; k < ndone; k++)
				in |= e.v[j].rule == done[k];
			if (!e.v[j].text || !in)
				continue;
			buf_add(&b, orig + pos, e.v[j].start - pos);
			buf_adds(&b, e.v[j].text);
			pos = e.v[j].end;
		}
		buf_adds(&b, orig + pos);
		set_attr(w, el, name, b.ptr, e.v[i].rule);
		buf_release(&b);
	}
	for (size_t i = 0; i < e.n; i++)
		if (e.v[i].review)
			add_review(w, el, e.v[i].review, e.v[i].rule);
	ro_edits_release(&e);
	free(orig);
}

static int role_is(xmlNodePtr n, const char *role)
{
	const char *r = plan_attr(n, "role");
	return r && !strcmp(r, role);
}

static void walk_children(struct walk *w, xmlNodePtr el, enum ro_where where, int names);

/* Does a row of table (or of its groups) have a timeline cell with a day
 * and month but no year? */
static int has_schedule(struct walk *w, xmlNodePtr table)
{
	for (xmlNodePtr n = table->children; n; n = n->next) {
		if (plan_is(n, "group") && has_schedule(w, n))
			return 1;
		if (!plan_is(n, "row"))
			continue;
		for (xmlNodePtr cell = n->children; cell; cell = cell->next) {
			if (!plan_is(cell, "cell") || !role_is(cell, "timeline"))
				continue;
			char *t = content(cell);
			int hit = ro_rule_schedule(w->c, t);
			free(t);
			if (hit)
				return 1;
		}
	}
	return 0;
}

static void walk_el(struct walk *w, xmlNodePtr el, enum ro_where where, int names)
{
	if (plan_is(el, "signature") || plan_is(el, "doctype") || plan_is(el, "amount") ||
	    plan_is(el, "change") || plan_is(el, "ref"))
		return;
	if (plan_is(el, "deadline")) {
		const char *y = plan_attr(el, "year");
		if (y) {
			int yr = atoi(y);
			if (yr >= w->c->a - 1 && yr <= w->c->b + 1) {
				char *now = xasprintf("%d", yr + w->c->delta);
				set_attr(w, el, "year", now, "deadline");
				free(now);
			}
		}
		walk_children(w, el, RO_DEADLINE, 0);
		return;
	}
	if ((plan_is(el, "cell") || plan_is(el, "column")) && role_is(el, "timeline"))
		where = RO_TIMELINE;
	else if (plan_is(el, "timeline"))
		where = RO_TIMELINE;
	if (plan_is(el, "section")) {
		do_attr(w, el, "heading", RO_TEXT, names, 1);
	} else if (plan_is(el, "agency")) {
		const char *old = plan_attr(el, "name");
		char *before = old ? xstrdup(old) : NULL;
		do_attr(w, el, "name", RO_TEXT, names, 1);
		const char *now = plan_attr(el, "name");
		if (before && now && strcmp(before, now)) {
			char *k = agency_key(now);
			set_attr(w, el, "key", k, "rename");
			free(k);
		}
		free(before);
		do_attr(w, el, "heading", RO_TEXT, names, 1);
	} else if (plan_is(el, "group")) {
		do_attr(w, el, "title", RO_TEXT, names, 1);
	} else if (plan_is(el, "table")) {
		do_attr(w, el, "caption", RO_TEXT, names, 1);
	} else if (plan_is(el, "appendix")) {
		do_attr(w, el, "title", RO_TEXT, names, 1);
		const char *att = plan_attr(el, "attachment");
		if (att) {
			xmlNodePtr meta = plan_first(xmlDocGetRootElement(w->doc), "meta");
			const char *sym = plan_attr(plan_first(meta, "number"), "symbol");
			char *now = ro_rule_attachment(w->c, att, sym);
			if (now)
				set_attr(w, el, "attachment", now, "attachment");
			free(now);
			/* names only: the years are the attachment rule's */
			do_attr(w, el, "attachment", RO_TEXT, names, 0);
		}
	}
	walk_children(w, el, where, names);
	if (plan_is(el, "table") && has_schedule(w, el)) {
		/* a schedule of days and months: the days are the old year's */
		{
			char *po = period_text(w->c->a, w->c->b),
			     *pn = period_text(w->c->n0, w->c->n1);
			char *msg = xasprintf(
			    "Lịch theo ngày, tháng của %s: kiểm tra lại các ngày cho %s.", po, pn);
			add_review(w, el, msg, "review-schedule");
			free(msg);
			free(po);
			free(pn);
		}
	}
}

static void walk_children(struct walk *w, xmlNodePtr el, enum ro_where where, int names)
{
	xmlNodePtr next;
	for (xmlNodePtr n = el->children; n; n = next) {
		next = n->next;
		if (n->type == XML_TEXT_NODE)
			do_text(w, el, n, where, names);
		else if (n->type == XML_ELEMENT_NODE)
			walk_el(w, n, where, names);
	}
}

static const char *doc_symbol(xmlNodePtr meta)
{
	xmlNodePtr dt = plan_first(meta, "doctype");
	const char *code = plan_attr(dt, "code");
	return code && *code ? code : "KH";
}

/* blank-number: "446/KH-UBND" -> "" with symbol="KH-UBND". */
static void blank_number(struct walk *w, xmlNodePtr meta)
{
	xmlNodePtr num = plan_first(meta, "number");
	if (!num)
		return;
	char *text = content(num);
	char *trim = text_trim(text, strlen(text), NULL);
	if (*trim) {
		const char *slash = strchr(trim, '/');
		char *sym = slash ? text_trim(slash + 1, strlen(slash + 1), NULL)
		                  : xstrdup(doc_symbol(meta));
		if (!plan_attr(num, "symbol") && *sym)
			set_attr(w, num, "symbol", sym, "blank-number");
		xmlNodeSetContent(num, NULL);
		if (!w->o->no_marks) {
			xmlNodePtr ch = xmlNewChild(num, NULL, (const xmlChar *)"change", NULL);
			xmlNewProp(ch, (const xmlChar *)"old", (const xmlChar *)trim);
			xmlNewProp(ch, (const xmlChar *)"rule", (const xmlChar *)"blank-number");
		}
		record(w, num, NULL, trim, "", "blank-number");
		free(sym);
	}
	free(trim);
	free(text);
}

/* blank-date: "ngày 16 tháng 12 năm 2019" -> "ngày … tháng … năm 2021"
 * with only @year; a plan without a date gets one. */
static void blank_date(struct walk *w, xmlNodePtr meta)
{
	xmlNodePtr date = plan_first(meta, "date");
	char *now = xasprintf("ngày … tháng … năm %d", w->c->n0);
	char *year = xasprintf("%d", w->c->n0);
	if (!date) {
		date = xmlNewDocNode(w->doc, NULL, (const xmlChar *)"date", NULL);
		xmlNodePtr before = plan_first(meta, "title");
		if (!before)
			before = plan_first(meta, "addressee");
		if (before)
			xmlAddPrevSibling(before, date);
		else
			xmlAddChild(meta, date);
		record(w, date, NULL, "", now, "blank-date");
	} else {
		char *old = content(date);
		if (strcmp(old, now))
			record(w, date, NULL, old, now, "blank-date");
		free(old);
	}
	char *old = content(date);
	xmlNodeSetContent(date, NULL);
	if (w->o->no_marks) {
		xmlNodeAddContent(date, (const xmlChar *)now);
	} else {
		xmlNodePtr ch = xmlNewChild(date, NULL, (const xmlChar *)"change", NULL);
		xmlNewProp(ch, (const xmlChar *)"old", (const xmlChar *)old);
		xmlNewProp(ch, (const xmlChar *)"rule", (const xmlChar *)"blank-date");
		xmlNodeAddContent(ch, (const xmlChar *)now);
	}
	free(old);
	set_attr(w, date, "iso", NULL, "blank-date");
	set_attr(w, date, "day", NULL, "blank-date");
	set_attr(w, date, "month", NULL, "blank-date");
	set_attr(w, date, "year", year, "blank-date");
	free(year);
	free(now);
}

/* place: a header's place line that names a merged province. */
static void rename_place(struct walk *w, xmlNodePtr meta)
{
	xmlNodePtr place = plan_first(meta, "place");
	if (!place || !w->o->renames)
		return;
	char *old = content(place);
	const char *note = NULL;
	const char *now = renames_place(w->o->renames, old, &note);
	if (now) {
		xmlNodeSetContent(place, NULL);
		if (w->o->no_marks) {
			xmlNodeAddContent(place, (const xmlChar *)now);
		} else {
			xmlNodePtr ch = xmlNewChild(place, NULL, (const xmlChar *)"change", NULL);
			xmlNewProp(ch, (const xmlChar *)"old", (const xmlChar *)old);
			xmlNewProp(ch, (const xmlChar *)"rule", (const xmlChar *)"rename");
			xmlNodeAddContent(ch, (const xmlChar *)now);
		}
		record(w, place, NULL, old, now, "rename");
	}
	free(old);
}

/* The header in its own order, so that the change list is in document
 * order; a plan without a date gets one before its title. */
static void walk_meta(struct walk *w, xmlNodePtr meta)
{
	int names = w->o->renames != NULL, dated = 0;
	xmlNodePtr next;
	for (xmlNodePtr n = meta->children; n; n = next) {
		next = n->next;
		if ((plan_is(n, "title") || plan_is(n, "addressee")) && !dated) {
			blank_date(w, meta);
			dated = 1;
		}
		if (plan_is(n, "issuer")) {
			do_attr(w, n, "abbr", RO_TEXT, names, 1);
			walk_children(w, n, RO_TEXT, names);
		} else if (plan_is(n, "parent-issuer") || plan_is(n, "title") ||
		           plan_is(n, "addressee")) {
			walk_children(w, n, RO_TEXT, names);
		} else if (plan_is(n, "number")) {
			blank_number(w, meta);
		} else if (plan_is(n, "place")) {
			rename_place(w, meta);
		} else if (plan_is(n, "date") && !dated) {
			blank_date(w, meta);
			dated = 1;
		}
	}
	if (!dated)
		blank_date(w, meta);
}

/* The citations of the basis, kept whole everywhere; review-ref notes
 * for those tied to the old plan's years (before anything is walked). */
static void read_basis(struct walk *w, xmlNodePtr basis)
{
	for (xmlNodePtr r = basis ? basis->children : NULL; r; r = r->next) {
		if (!plan_is(r, "ref"))
			continue;
		char *t = content(r);
		char *msg = ro_rule_ref_review(w->c, t, plan_attr(r, "date"));
		size_t before = w->c->ncites;
		ro_ctx_protect(w->c, t);
		if (w->c->ncites > before)
			w->c->cites[before].review = msg;
		else
			free(msg);
		free(t);
	}
}

/* review-ref on the basis itself, in document order. */
static void walk_basis(struct walk *w, xmlNodePtr basis)
{
	for (xmlNodePtr r = basis ? basis->children : NULL; r; r = r->next) {
		if (!plan_is(r, "ref"))
			continue;
		char *t = content(r);
		for (size_t i = 0; i < w->c->ncites; i++)
			if (w->c->cites[i].review && !strcmp(w->c->cites[i].text, t))
				add_review(w, r, w->c->cites[i].review, "review-ref");
		free(t);
	}
}

/* ---- marks ------------------------------------------------------------------------ */

static void accept_in(xmlNodePtr n)
{
	xmlNodePtr next;
	for (xmlNodePtr c = n->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (plan_is(c, "change")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (!t || !*t) { /* a blanked text: nothing stays */
				xmlFree(t);
				xmlUnlinkNode(c);
				xmlFreeNode(c);
				continue;
			}
			xmlNodePtr tx = xmlNewText(t);
			xmlFree(t);
			xmlReplaceNode(c, tx);
			xmlFreeNode(c);
			if (tx->prev && tx->prev->type == XML_TEXT_NODE) {
				xmlNodePtr p = tx->prev;
				xmlTextMerge(p, tx); /* frees tx */
				tx = p;
			}
			if (tx->next && tx->next->type == XML_TEXT_NODE) {
				next = tx->next->next;
				xmlTextMerge(tx, tx->next);
			}
			continue;
		}
		for (xmlAttrPtr a = c->properties, an; a; a = an) {
			an = a->next;
			if (!strncmp((const char *)a->name, "old-", 4))
				xmlRemoveProp(a);
		}
		accept_in(c);
	}
}

void rollover_accept(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root)
		accept_in(root);
}

/* ---- the whole plan ------------------------------------------------------------------- */

xmlDocPtr rollover(xmlDocPtr plan, const struct rollover_opts *o, struct rollover_result *res,
                   struct diag *d)
{
	static const struct rollover_opts none;
	if (!o)
		o = &none;
	int a, b;
	const char *from = NULL;
	if (rollover_period(plan, &a, &b, &from, d) < 0)
		return NULL;
	int n0 = o->year ? o->year : b + 1;
	if (n0 <= a || n0 > a + 100) {
		diag_error(d, "the new plan's year %d does not follow the plan's first year %d", n0,
		           a);
		return NULL;
	}
	xmlDocPtr doc = xmlCopyDoc(plan, 1);
	rollover_accept(doc); /* a draft rolled over again starts clean */
	res->from_first = a;
	res->from_last = b;
	res->to_first = n0;
	res->to_last = n0 + (b - a);
	res->period_from = from;
	struct walk w = {ro_ctx_new(a, b, n0, o->renames), o, res, doc};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int names = o->renames != NULL;
	read_basis(&w, plan_first(root, "basis"));
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (plan_is(n, "meta"))
			walk_meta(&w, n);
		else if (plan_is(n, "basis"))
			walk_basis(&w, n);
		else if (plan_is(n, "preamble") || plan_is(n, "body") || plan_is(n, "closing") ||
		         plan_is(n, "appendix"))
			walk_el(&w, n, RO_TEXT, names);
	}
	ro_ctx_free(w.c);
	return doc;
}

void rollover_result_release(struct rollover_result *res)
{
	for (size_t i = 0; i < res->n; i++) {
		free(res->v[i].path);
		free(res->v[i].old);
		free(res->v[i].now);
	}
	free(res->v);
	res->v = NULL;
	res->n = res->alloc = 0;
}

static void add_field(struct buf *out, const char *s)
{
	for (; *s; s++)
		buf_addc(out, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

void rollover_write_changes(const struct rollover_result *res, struct buf *out)
{
	for (size_t i = 0; i < res->n; i++) {
		const struct rollover_change *c = &res->v[i];
		add_field(out, c->path);
		buf_addc(out, '\t');
		add_field(out, c->old);
		buf_addc(out, '\t');
		add_field(out, c->now);
		buf_addc(out, '\t');
		add_field(out, c->rule);
		buf_addc(out, '\n');
	}
}

void rollover_summary(const struct rollover_result *res, struct buf *out)
{
	if (res->from_first == res->from_last)
		buf_addf(out, "%d", res->from_first);
	else
		buf_addf(out, "%d-%d", res->from_first, res->from_last);
	buf_adds(out, " -> ");
	if (res->to_first == res->to_last)
		buf_addf(out, "%d", res->to_first);
	else
		buf_addf(out, "%d-%d", res->to_first, res->to_last);
	buf_addf(out, " (years from the %s): %zu changes",
	         res->period_from ? res->period_from : "plan", res->n);
	const char *rules[32];
	size_t counts[32], nr = 0, reviews = 0;
	for (size_t i = 0; i < res->n; i++) {
		const char *r = res->v[i].rule;
		size_t k = 0;
		while (k < nr && strcmp(rules[k], r))
			k++;
		if (k == nr && nr < 32) {
			rules[nr] = r;
			counts[nr++] = 0;
		}
		if (k < nr)
			counts[k]++;
		size_t pl = strlen(res->v[i].path);
		if (pl >= 8 && !strcmp(res->v[i].path + pl - 8, "/@review"))
			reviews++;
	}
	for (size_t k = 0; k < nr; k++)
		buf_addf(out, "%s %s %zu", k ? "," : ":", rules[k], counts[k]);
	buf_addf(out, "; %zu to review", reviews);
}
