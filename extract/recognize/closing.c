/* closing.c - where the body ends and what follows it: the closing
 * paragraphs, Nơi nhận and its recipients, the signature (authority,
 * deputy, position, signer), and the look-ahead that tells a closing or
 * an appendix from more body. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/inline.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

int rec_line_is_signature(const char *s)
{
	struct rmatch m;
	size_t len = strlen(s);
	return rule_match(R_SIG_AUTHORITY, s, len, 0, &m) ||
	       rule_match(R_SIG_DEPUTY, s, len, 0, &m);
}

static int appendix_start_uncached(struct rec *r, size_t i);

int rec_is_appendix_start(struct rec *r, size_t i)
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
	char *t = rec_one_line(u->text);
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

int rec_is_closing_start(struct rec *r, size_t i)
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
	char *first = rec_one_line(s);
	int sig = rec_line_is_signature(first);
	/* a signature unit "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" */
	const char *nl = strchr(s, '\n');
	if (!sig && nl) {
		char *l1 = xstrndup(s, (size_t)(nl - s));
		sig = rec_line_is_signature(l1);
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
		    rec_is_appendix_start(r, j))
			break;
		enum rank rk = rec_unit_rank(n);
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

void rec_read_closing(struct rec *r)
{
	xmlNodePtr sig = NULL, recips = NULL;
	int in_recips = 0;
	char *authority = NULL, *deputy = NULL, *position = NULL, *signer = NULL;
	while (rec_cur(r) && !rec_is_appendix_start(r, r->i)) {
		struct unit *u = rec_cur(r);
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
		    !rec_line_is_signature(u->text) && !strpbrk(u->text, "\n\t")) {
			char *t = rec_take_para(r);
			if (!r->closing)
				r->closing = plan_child(r->root, "closing");
			xmlNodePtr p = plan_child(r->closing, "p");
			inline_mark(p, t, strlen(t));
			free(t);
			continue;
		}
		for (const char *p = u->text; *p;) {
			const char *e = strpbrk(p, "\n\t");
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *line = text_trim(p, len, NULL);
			size_t ll = strlen(line);
			p += len + (e ? 1 : 0);
			if (!ll || rec_is_rule_line(line))
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
