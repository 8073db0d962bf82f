/* inline.c - amounts and deadlines inside text (see inline.h).
 *
 * Finds every match of the amount, deadline and periodic-report rules,
 * drops overlaps (earliest, then longest wins), and appends text and
 * inline elements in order. */
#include "extract/recognize/inline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/rules.h"

enum mark_kind { MARK_AMOUNT, MARK_DEADLINE };

struct mark {
	size_t start, end;
	enum mark_kind kind;
	unsigned long long value;
	int day, month, year, yearly;
};

struct marks {
	struct mark *v;
	size_t n, alloc;
};

static void add_mark(struct marks *ms, struct mark m)
{
	ms->v = xgrow(ms->v, sizeof *ms->v, ms->n + 1, &ms->alloc);
	ms->v[ms->n++] = m;
}

static int num(const char *s, const struct rmatch *m, int g)
{
	if (!rm_has(m, g))
		return 0;
	int v = 0;
	for (size_t i = rm_start(m, g); i < rm_end(m, g); i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int amount_value(const char *digits, size_t dlen, const char *frac, size_t flen, const char *mult,
                 size_t mlen, unsigned long long *value)
{
	unsigned long long k = 1;
	if (mlen) {
		if (!strncmp(mult, "nghìn", mlen) || !strncmp(mult, "ngàn", mlen))
			k = 1000ULL;
		else if (!strncmp(mult, "triệu", mlen))
			k = 1000000ULL;
		else if (!strncmp(mult, "tỷ", mlen) || !strncmp(mult, "tỉ", mlen))
			k = 1000000000ULL;
	}
	unsigned long long v = 0;
	for (size_t i = 0; i < dlen; i++) {
		if (digits[i] == '.')
			continue;
		if (v > 100000000000000000ULL)
			return -1;
		v = v * 10 + (unsigned long long)(digits[i] - '0');
	}
	if (v > 18000000000000000000ULL / k)
		return -1;
	v *= k;
	/* decimal part: 1,5 tỷ = 1 500 000 000 */
	unsigned long long div = 1, f = 0;
	for (size_t i = 0; i < flen && i < 9; i++) {
		f = f * 10 + (unsigned long long)(frac[i] - '0');
		div *= 10;
	}
	v += (f * k + div / 2) / div;
	*value = v;
	return 0;
}

static int valid_dm(int d, int m)
{
	return (d == 0 || (d >= 1 && d <= 31)) && m >= 1 && m <= 12;
}

/* Fill day/month/year from a DMY_SHORT|DMY_LONG pair of alternatives
 * starting at group g (short d,m,y then long d,m,y). */
static void dmy(const char *s, const struct rmatch *m, int g, struct mark *k)
{
	if (rm_has(m, g)) {
		k->day = num(s, m, g);
		k->month = num(s, m, g + 1);
		k->year = num(s, m, g + 2);
	} else {
		k->day = num(s, m, g + 3);
		k->month = num(s, m, g + 4);
		k->year = num(s, m, g + 5);
	}
}

/* "Định kỳ hằng năm báo cáo ... trước ngày 05 tháng 12": the recurrence
 * is said earlier in the clause (no ";" or "." between). */
static int periodic_before(const char *s, size_t at)
{
	size_t from = at > 120 ? at - 120 : 0;
	for (size_t i = at; i > from; i--)
		if (s[i - 1] == ';' || (s[i - 1] == '.' && i < at && s[i] == ' ')) {
			from = i;
			break;
		}
	static const char *const cues[] = {"hàng năm", "hằng năm", "định kỳ", "Định kỳ", NULL};
	for (int k = 0; cues[k]; k++) {
		size_t n = strlen(cues[k]);
		for (size_t i = from; i + n <= at; i++)
			if (!memcmp(s + i, cues[k], n))
				return 1;
	}
	return 0;
}

static int contains(const char *s, size_t len, const char *needle)
{
	return memmem(s, len, needle, strlen(needle)) != NULL;
}

/* Could s hold an amount?  Every amount ends in a currency word or sign. */
static int may_amount(const char *s, size_t len)
{
	if (contains(s, len, "đồng") || contains(s, len, "VN") || contains(s, len, "₫"))
		return 1;
	/* "200.000đ": a digit right before "đ" */
	for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), "đ", strlen("đ"))); p++)
		if (p > s && ((p[-1] >= '0' && p[-1] <= '9') ||
		              (p - s > 1 && p[-1] == ' ' && p[-2] >= '0' && p[-2] <= '9')))
			return 1;
	return 0;
}

/* Could s hold a deadline?  Each one opens with one of a few words. */
static int may_deadline(const char *s, size_t len)
{
	static const char *const cues[] = {"rước",    "hậm nhất", "ạn chót",
	                                   "ạn cuối", "hông quá", NULL};
	for (int k = 0; cues[k]; k++)
		if (contains(s, len, cues[k]))
			return 1;
	return 0;
}

static void find_marks(const char *s, size_t len, struct marks *ms)
{
	struct rmatch m;
	size_t at = 0;
	if (!may_amount(s, len))
		at = len;
	while (at < len && rule_match(R_AMOUNT, s, len, at, &m)) {
		struct mark k = {
		    .start = rm_start(&m, 0), .end = rm_end(&m, 0), .kind = MARK_AMOUNT};
		if (amount_value(s + rm_start(&m, 1), rm_len(&m, 1), s + rm_start(&m, 2),
		                 rm_len(&m, 2), s + rm_start(&m, 3), rm_len(&m, 3), &k.value) == 0)
			add_mark(ms, k);
		at = rm_end(&m, 0) > at ? rm_end(&m, 0) : at + 1;
	}
	at = may_deadline(s, len) ? 0 : len;
	while (at < len && rule_match(R_DEADLINE, s, len, at, &m)) {
		struct mark k = {
		    .start = rm_start(&m, 0), .end = rm_end(&m, 0), .kind = MARK_DEADLINE};
		dmy(s, &m, 3, &k);
		k.yearly =
		    rm_has(&m, 9) || ((rm_has(&m, 1) || periodic_before(s, k.start)) && !k.year);
		at = rm_end(&m, 0) > at ? rm_end(&m, 0) : at + 1;
		if (!valid_dm(k.day, k.month))
			continue;
		/* "trước ngày 15 tháng 05 và ngày 01 tháng 12 năm 2022" */
		struct rmatch m2;
		struct mark k2 = {.kind = MARK_DEADLINE};
		int second = 0;
		if (rule_match(R_DEADLINE_AND, s, len, k.end, &m2)) {
			dmy(s, &m2, 1, &k2);
			if (valid_dm(k2.day, k2.month)) {
				second = 1;
				/* the separator " và " stays text; the second mark starts at "ngày"
				 * or the digits */
				size_t st = rm_start(&m2, 0);
				while (st < rm_end(&m2, 0) && (s[st] == ' '))
					st++;
				if (!strncmp(s + st, "và", strlen("và")))
					st += strlen("và");
				while (st < rm_end(&m2, 0) && s[st] == ' ')
					st++;
				k2.start = st;
				k2.end = rm_end(&m2, 0);
				k2.yearly = rm_has(&m2, 7) || k.yearly;
				if (!k.year && k2.year)
					k.year = k2.year;
				if (rm_has(&m2, 7))
					k.yearly = 1;
				at = k2.end;
			}
		}
		add_mark(ms, k);
		if (second)
			add_mark(ms, k2);
	}
	if (contains(s, len, "báo cáo") || contains(s, len, "Báo cáo") ||
	    contains(s, len, "BÁO CÁO") || contains(s, len, "định kỳ") ||
	    contains(s, len, "Định kỳ")) {
		at = 0;
		while (at < len && rule_match(R_PERIODIC, s, len, at, &m)) {
			struct mark k = {
			    .start = rm_start(&m, 0), .end = rm_end(&m, 0), .kind = MARK_DEADLINE};
			dmy(s, &m, 1, &k);
			k.yearly = 1;
			if (valid_dm(k.day, k.month))
				add_mark(ms, k);
			at = rm_end(&m, 0) > at ? rm_end(&m, 0) : at + 1;
		}
	}
}

static int cmp_mark(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

void inline_mark(xmlNodePtr n, const char *s, size_t len)
{
	if (!n || !len)
		return;
	struct marks ms = {NULL, 0, 0};
	/* every amount and deadline has a digit: most paragraphs have none */
	int digit = 0;
	for (size_t i = 0; i < len && !digit; i++)
		digit = s[i] >= '0' && s[i] <= '9';
	if (digit)
		find_marks(s, len, &ms);
	if (ms.n > 1)
		qsort(ms.v, ms.n, sizeof *ms.v, cmp_mark);
	size_t at = 0;
	for (size_t i = 0; i < ms.n; i++) {
		struct mark *k = &ms.v[i];
		if (k->start < at)
			continue; /* overlaps an earlier mark */
		plan_text_plain(n, s + at, k->start - at);
		xmlNodePtr e;
		if (k->kind == MARK_AMOUNT) {
			e = plan_child(n, "amount");
			plan_setf(e, "value", "%llu", k->value);
			plan_set(e, "unit", "VND");
		} else {
			e = plan_child(n, "deadline");
			if (k->day)
				plan_setf(e, "day", "%d", k->day);
			plan_setf(e, "month", "%d", k->month);
			if (k->year)
				plan_setf(e, "year", "%d", k->year);
			plan_set(e, "recurrence", k->yearly ? "yearly" : "once");
		}
		plan_text_plain(e, s + k->start, k->end - k->start);
		at = k->end;
	}
	plan_text_plain(n, s + at, len - at);
	free(ms.v);
}
