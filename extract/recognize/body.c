/* body.c - the body: sections, items, agencies and task fields through a
 * stack of open containers ranked by their numbering style, never by
 * markdown heading levels; the same outline reader serves appendices
 * that are outlines. */
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/inline.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

xmlNodePtr rec_top(struct rec *r)
{
	return r->stack[r->depth - 1].node;
}

int rec_push(struct rec *r, xmlNodePtr n, enum rank rank)
{
	if (!n) { /* plan_child() found no place for it: a bug of ours, never silent */
		diag_at(r->d, NULL, rec_cur(r) ? rec_cur(r)->line : 0);
		return diag_error(r->d, "internal error: no place in the plan for this heading");
	}
	if (r->depth >= LIMIT_PLAN_DEPTH) {
		diag_at(r->d, NULL, rec_cur(r) ? rec_cur(r)->line : 0);
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
	if (rec_is_closing_start(r, i + 1) || rec_is_appendix_start(r, i + 1))
		return 0;
	enum rank rk = rec_unit_rank(n);
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
	if (!plan_may_hold(rec_top(r), "agency"))
		pop_items(r);
	if (!plan_may_hold(rec_top(r), "agency"))
		return NULL;
	size_t nl = heading_form ? strlen(name) : agency_name_end(name);
	char *nm = text_trim(name, nl, ":.,;");
	xmlNodePtr a = plan_child(rec_top(r), "agency");
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
	xmlNodePtr parent = rec_top(r);
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
	inline_mark(f, val, strlen(val));
	free(val);
	free(caption);
	return 1;
}

/* ---- body processing ------------------------------------------------------------ */

/* Paragraph text for the body: a sentence split by a page break is joined
 * ("đội ngũ báo" / "cáo viên"); returns the text and advances past the
 * units used. */
char *rec_take_para(struct rec *r)
{
	struct unit *u = rec_cur(r);
	struct buf b = BUF_INIT;
	char *t = rec_one_line(u->text);
	buf_adds(&b, t);
	free(t);
	r->i++;
	while (rec_cur(r) && rec_cur(r)->kind == U_PARA && !text_ends_terminal(b.ptr) &&
	       text_starts_lower(rec_cur(r)->text)) {
		struct head h;
		enum rank rk = rec_classify(rec_cur(r)->text, &h);
		rec_head_release(&h);
		if (rk != RANK_NONE)
			break;
		t = rec_one_line(rec_cur(r)->text);
		buf_addc(&b, ' ');
		buf_adds(&b, t);
		free(t);
		r->i++;
	}
	return buf_detach(&b, NULL);
}

/* One unit of an outline (body or appendix): section, agency, item, task
 * field, paragraph, table or note. */
int rec_outline_unit(struct rec *r, int top_level_kind)
{
	struct unit *u = rec_cur(r);
	if (u->kind == U_TABLE) {
		pop_items(r);
		if (rec_add_table(r, rec_top(r), u->table) < 0)
			return -1;
		r->i++;
		return 0;
	}
	if (u->kind == U_NOTE) {
		char *nt = rec_one_line(u->text);
		plan_child_text(rec_top(r), "note", nt);
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
	char *text = rec_take_para(r);
	struct head h;
	enum rank rk = rec_classify(text, &h);
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
			inline_mark(p, text, strlen(text));
			int rc2 = rec_push(r, a, RANK_LETTER);
			if (rc2 == 0) {
				size_t l = strlen(text);
				r->stack[r->depth - 1].inline_agency = 1;
				r->stack[r->depth - 1].open_end = l && text[l - 1] == ':';
			}
			free(text);
			return rc2;
		}
		xmlNodePtr p = plan_child(rec_top(r), "p");
		inline_mark(p, text, strlen(text));
		free(text);
		return 0;
	}
	pop_to(r, rk);
	/* task fields: "a) Đơn vị chủ trì: ..." */
	if (add_field(r, h.rest, h.label)) {
		rec_head_release(&h);
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
			inline_mark(p, h.rest, strlen(h.rest));
		}
		rc = rec_push(r, a, rk);
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
		if (!*h.rest && rec_cur(r) && rec_cur(r)->kind == U_PARA &&
		    !rec_is_heading(rec_cur(r)->text) &&
		    text_upper_ratio(rec_cur(r)->text, strlen(rec_cur(r)->text)) > 0.8) {
			own_heading = rec_one_line(rec_cur(r)->text);
			h.rest = own_heading;
			r->i++;
		}
		xmlNodePtr s = plan_child(rec_top(r), "section");
		int top_level = r->depth == 1;
		const char *kind =
		    top_level && top_level_kind ? rec_top_kind(h.rest) : rec_sub_kind(h.rest);
		plan_set(s, "kind", kind);
		plan_set(s, "number", h.number);
		xmlSetProp(s, (const xmlChar *)"heading", (const xmlChar *)h.rest);
		if (top_level)
			r->nsections++;
		rc = rec_push(r, s, rk);
		free(own_heading);
	} else {
		xmlNodePtr it = plan_child(rec_top(r), "item");
		if (!it) {
			/* an item where none may stand (a task): close to a container */
			pop_items(r);
			it = plan_child(rec_top(r), "item");
		}
		plan_set(it, "label", h.label);
		inline_mark(it, h.rest, strlen(h.rest));
		rc = rec_push(r, it, rk);
	}
	rec_head_release(&h);
	free(text);
	return rc;
}

int rec_read_body(struct rec *r)
{
	r->depth = 0;
	rec_push(r, r->body, RANK_NONE);
	while (rec_cur(r)) {
		if (rec_is_closing_start(r, r->i) || rec_is_appendix_start(r, r->i))
			break;
		if (rec_outline_unit(r, 1) < 0)
			return -1;
	}
	return 0;
}
