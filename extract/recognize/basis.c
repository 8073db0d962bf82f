/* basis.c - the legal basis: each cited document ("Quyết định số
 * 1160/QĐ-TTg ngày 13/7/2021 của Thủ tướng Chính phủ") becomes a ref with
 * its type, number, date and issuer. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

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

void rec_add_refs(struct rec *r, const char *s)
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
