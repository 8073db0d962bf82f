/* appendix.c - appendices after the signature: the Phụ lục heading, its
 * Kèm theo line (which may carry the plan's number and date), then a
 * table or an outline. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

static void attachment_facts(struct rec *r, const char *s)
{
	struct rmatch m;
	size_t len = strlen(s);
	if (!r->number && rule_match(R_ATTACH_NUMBER, s, len, 0, &m)) {
		rec_set_number(r, s, &m, 2, 3);
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

int rec_read_appendices(struct rec *r)
{
	int first = 1;
	while (rec_cur(r)) {
		if (!rec_is_appendix_start(r, r->i)) {
			/* stray matter after the document (page furniture) */
			r->i++;
			continue;
		}
		char *t = rec_one_line(rec_cur(r)->text);
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
		while (rec_cur(r) && rec_cur(r)->kind == U_PARA) {
			char *l = rec_one_line(rec_cur(r)->text);
			size_t ll = strlen(l);
			if (rule_match(R_ATTACHMENT, l, ll, 0, &m)) {
				/* "(Kèm theo … 2025" / "của Chủ tịch …)" over two lines */
				if (!memchr(l, ')', ll) && r->i + 1 < r->u.n &&
				    r->u.v[r->i + 1].kind == U_PARA &&
				    text_starts_lower(r->u.v[r->i + 1].text) &&
				    strchr(r->u.v[r->i + 1].text, ')')) {
					char *l2 = rec_one_line(r->u.v[r->i + 1].text);
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
			enum rank rk = rec_classify(l, &h);
			rec_head_release(&h);
			if (rk != RANK_NONE || rec_is_appendix_start(r, r->i) || ll > 250 ||
			    (text_upper_ratio(l, ll) < 0.8 && !(rec_cur(r)->flags & BF_BOLD) &&
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
		rec_push(r, app, RANK_NONE);
		int after_table = 0;
		while (rec_cur(r) && !rec_is_appendix_start(r, r->i)) {
			struct unit *u = rec_cur(r);
			if (u->kind == U_PARA && after_table && stranded_header_line(u->text)) {
				r->i++;
				continue;
			}
			if (u->kind == U_PARA) {
				struct rmatch mm;
				/* signature or recipients repeated under an appendix */
				if (rule_match(R_RECIPIENTS, u->text, strlen(u->text), 0, &mm) ||
				    rec_line_is_signature(u->text)) {
					r->i++;
					continue;
				}
			}
			after_table = u->kind == U_TABLE;
			if (rec_outline_unit(r, 0) < 0)
				return -1;
		}
	}
	return 0;
}
