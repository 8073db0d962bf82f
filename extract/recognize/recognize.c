/* recognize.c - from normalized blocks to plan XML (see recognize.h).
 *
 * One pass over a list of units (units.c) in the order a reader meets a
 * document's parts: header, title and addressees (header.c), preamble
 * and legal basis (basis.c), body sections (body.c, with tables.c),
 * closing, recipients and signature (closing.c), appendices
 * (appendix.c).  The rules (rules.c) decide what a line is; these files
 * decide where it goes.  This file owns the driver and the meta facts
 * inferred when the header lacks them (issuer, place).  Owns no I/O. */
#include "extract/recognize/recognize.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "extract/recognize/inline.h"
#include "extract/recognize/rec.h"
#include "extract/recognize/rules.h"

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
	rec_free_units(&r->u);
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
	rec_build_units(bs, &r.u);
	r.doc = plan_new(source, &r.root);
	r.meta = plan_first(r.root, "meta");

	rec_read_header(&r);
	if (r.doctype_text && r.title.len == 0)
		rec_read_title(&r);
	else if (r.doctype_text)
		rec_read_title(&r);
	rec_read_addressees(&r);

	/* preamble: paragraphs before the first heading (when one comes) */
	size_t first_head = r.i;
	for (; first_head < r.u.n && first_head < r.i + 30; first_head++) {
		struct unit *u = &r.u.v[first_head];
		if (u->kind != U_PARA)
			break;
		enum rank rk = rec_unit_rank(u);
		if (rk != RANK_NONE && rk <= RANK_LETTER)
			break;
		if (rec_is_closing_start(&r, first_head) || rec_is_appendix_start(&r, first_head))
			break;
	}
	if (first_head > r.i && first_head < r.u.n && r.u.v[first_head].kind == U_PARA &&
	    !rec_is_closing_start(&r, first_head) && !rec_is_appendix_start(&r, first_head)) {
		r.preamble = plan_child(r.root, "preamble");
		while (r.i < first_head) {
			char *t = rec_take_para(&r);
			xmlNodePtr p = plan_child(r.preamble, "p");
			inline_mark(p, t, strlen(t));
			free(t);
		}
		for (xmlNodePtr p = r.preamble->children; p; p = p->next) {
			xmlChar *txt = xmlNodeGetContent(p);
			rec_add_refs(&r, (const char *)txt);
			xmlFree(txt);
		}
	}
	r.body = plan_child(r.root, "body");
	int rc = rec_read_body(&r);
	if (rc == 0) {
		rec_read_closing(&r);
		rc = rec_read_appendices(&r);
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
