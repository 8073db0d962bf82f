/* report.c - the annual report form that follows a plan (see report.h).
 *
 * Owns reading a plan for what a report needs (the route of reports:
 * who collects them, through whom; the plan's tasks and who leads or
 * joins them; each agency's duties) and building the report XML.  The
 * layout is templates/report.xsl's.  Never modifies the plan; never
 * prints. */
#include "generate/transform/report.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/base/buf.h"
#include "extract/base/normalize.h"
#include "extract/base/regex.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/plan/plan.h"
#include "generate/transform/rollover.h"

/* ---- strings ------------------------------------------------------------------------ */

/* Text content with runs of white space as one space, trimmed. */
static char *squash(const char *s)
{
	struct buf b = BUF_INIT;
	int sp = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			buf_addc(&b, ' ');
		sp = 0;
		buf_addc(&b, *s);
	}
	return buf_detach(&b, NULL);
}

static char *content(xmlNodePtr n)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	char *s = squash(t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

/* An element's own text: its text and inline marks, not nested items,
 * paragraphs or tables. */
static char *own_text(xmlNodePtr n)
{
	struct buf b = BUF_INIT;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE)
			buf_adds(&b, (const char *)c->content);
		else if (plan_is(c, "deadline") || plan_is(c, "amount") || plan_is(c, "change") ||
		         plan_is(c, "note")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t && !plan_is(c, "note"))
				buf_adds(&b, (const char *)t);
			xmlFree(t);
		}
	}
	char *s = squash(b.ptr);
	buf_release(&b);
	return s;
}

/* Does key hold the words of w (whole words)? */
static int has_words(const char *key, const char *w)
{
	size_t wl = strlen(w);
	if (!wl)
		return 0;
	for (const char *p = strstr(key, w); p; p = strstr(p + 1, w)) {
		int before = p == key || p[-1] == ' ';
		int after = p[wl] == '\0' || p[wl] == ' ';
		if (before && after)
			return 1;
	}
	return 0;
}

static size_t words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		if (*s == ' ')
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* ---- agencies --------------------------------------------------------------------- */

/* Words that open the name of a body. */
static const char *const heads[] = {
    "Sở ",        "Ban ",      "Báo ",          "Đài ",       "Cổng ",      "Văn phòng ",
    "Ủy ban ",    "Uỷ ban ",   "UBND ",         "Công an ",   "Bộ ",        "Tỉnh đoàn",
    "Thành đoàn", "Tỉnh ủy",   "Hội ",          "Liên đoàn ", "Liên minh ", "Trung tâm ",
    "Thanh tra ", "Kho bạc ",  "Cục ",          "Chi cục ",   "Bưu điện ",  "Viện ",
    "Trường ",    "Mặt trận ", "Ngân hàng ",    "Hải quan ",  "Tòa án ",    "Bảo hiểm ",
    "Điện lực ",  "Phòng ",    "Đoàn ",         "Chuyên đề ", "Hiệp hội ",  "Quỹ ",
    "Tạp chí ",   "Đảng ủy ",  "Tổng công ty ",
};

static int opens_body(const char *s)
{
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (starts_with(s, heads[i]))
			return 1;
	return 0;
}

/* A head word typed in lower case before a capital ("ban QLKKT tỉnh"):
 * returns the length of the head word, or 0. */
static size_t lower_head(const char *s)
{
	static const char *const low[] = {"sở ",  "ban ",       "báo ",
	                                  "đài ", "trung tâm ", "văn phòng "};
	for (size_t i = 0; i < sizeof low / sizeof low[0]; i++) {
		size_t l = strlen(low[i]);
		if (starts_with(s, low[i])) {
			const unsigned char *p = (const unsigned char *)s + l,
			                    *end = p + strlen(s + l);
			long cp = utf8_next(&p, end);
			if (cp > 0 &&
			    utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU)
				return l;
		}
	}
	return 0;
}

/* Words after which a list goes on with bodies nobody can report as one. */
static const char *const collectives[] = {"các ",     "Các ",    "những ",     "Những ",
                                          "cơ quan ", "đơn vị ", "địa phương", "tổ chức "};

static int opens_collective(const char *s)
{
	for (size_t i = 0; i < sizeof collectives / sizeof collectives[0]; i++)
		if (starts_with(s, collectives[i]))
			return 1;
	return 0;
}

/* Cut leading words that are not part of the name. */
static const char *skip_lead_words(const char *s)
{
	static const char *const lead[] = {"Lãnh đạo ", "Đề nghị ", "Đại diện "};
	for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
		if (starts_with(s, lead[i]))
			return s + strlen(lead[i]);
	return s;
}

static void add_name(char ***v, size_t *n, size_t *alloc, const char *s, size_t len)
{
	char *t = text_trim(s, len, ".;:,-");
	char *sq = squash(t);
	free(t);
	const char *p = skip_lead_words(sq);
	if (*p && (opens_body(p) || lower_head(p)) && !opens_collective(p)) {
		*v = xgrow(*v, sizeof **v, *n + 1, alloc);
		char *name = xstrdup(p);
		if (!opens_body(p)) { /* "ban QLKKT tỉnh" -> "Ban QLKKT tỉnh" */
			const unsigned char *q = (const unsigned char *)name,
			                    *end = q + strlen(name);
			long cp = utf8_next(&q, end);
			char tmp[4];
			int w = utf8_put(utf8proc_toupper((utf8proc_int32_t)cp), tmp);
			if (w == q - (const unsigned char *)name)
				memcpy(name, tmp, (size_t)w);
		}
		(*v)[(*n)++] = name;
	}
	free(sq);
}

size_t report_split_agencies(const char *text, char ***names)
{
	/* drop parenthesised asides: "Sở Công thương (Theo hướng dẫn của ...)" */
	struct buf b = BUF_INIT;
	int depth = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (!depth)
			buf_addc(&b, *p == '\n' ? ' ' : *p);
	}
	char **v = NULL;
	size_t n = 0, alloc = 0;
	const char *s = b.ptr, *start = s;
	for (const char *p = s;; p++) {
		int cut = 0;
		size_t skip = 0;
		if (*p == '\0' || *p == ';') {
			cut = 1;
			skip = *p ? 1 : 0;
		} else if (*p == ',' || starts_with(p, " và ")) {
			skip = *p == ',' ? 1 : strlen(" và ");
			const char *q = p + skip;
			while (*q == ' ')
				q++;
			cut = opens_body(q) || opens_collective(q) || lower_head(q);
		}
		if (cut) {
			add_name(&v, &n, &alloc, start, (size_t)(p - start));
			if (!*p)
				break;
			start = p + skip;
			p += skip ? skip - 1 : 0;
		}
	}
	buf_release(&b);
	*names = v;
	return n;
}

int report_names_agency(const char *key, const char *text)
{
	if (!key || !*key || !text)
		return 0;
	char *whole = agency_key(text);
	int hit = has_words(whole, key);
	free(whole);
	if (hit)
		return 1;
	/* a body of a list, inside the agency's own longer name */
	char **parts;
	size_t n = report_split_agencies(text, &parts);
	for (size_t i = 0; i < n; i++) {
		char *k = agency_key(parts[i]);
		if (!hit && words(k) >= 2 && has_words(key, k))
			hit = 1;
		free(k);
		free(parts[i]);
	}
	free(parts);
	return hit;
}

static int is_collective_name(const char *name)
{
	return opens_collective(skip_lead_words(name));
}

struct names {
	char **v;
	char **keys;
	size_t n, alloc, kalloc;
};

static void names_add(struct names *ns, const char *name, const char *skip_key)
{
	char *k = agency_key(name);
	int dup = skip_key && !strcmp(k, skip_key);
	for (size_t i = 0; i < ns->n && !dup; i++)
		dup = !strcmp(ns->keys[i], k);
	if (dup) {
		free(k);
		return;
	}
	ns->v = xgrow(ns->v, sizeof *ns->v, ns->n + 1, &ns->alloc);
	ns->keys = xgrow(ns->keys, sizeof *ns->keys, ns->n + 1, &ns->kalloc);
	ns->v[ns->n] = xstrdup(name);
	ns->keys[ns->n] = k;
	ns->n++;
}

static void names_add_split(struct names *ns, const char *text, const char *skip_key)
{
	char **parts;
	size_t n = report_split_agencies(text, &parts);
	for (size_t i = 0; i < n; i++) {
		names_add(ns, parts[i], skip_key);
		free(parts[i]);
	}
	free(parts);
}

static void collect_responsible(xmlNodePtr n, struct names *ns, const char *skip_key)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (plan_is(c, "agency")) {
			const char *name = plan_attr(c, "name");
			if (!name || is_collective_name(name))
				continue;
			char **parts;
			size_t np = report_split_agencies(name, &parts);
			if (np == 0)
				names_add(ns, name, skip_key);
			for (size_t i = 0; i < np; i++) {
				names_add(ns, parts[i], skip_key);
				free(parts[i]);
			}
			free(parts);
		} else if (c->type == XML_ELEMENT_NODE) {
			collect_responsible(c, ns, skip_key);
		}
	}
}

static int role_is(xmlNodePtr n, const char *role)
{
	const char *r = plan_attr(n, "role");
	return r && !strcmp(r, role);
}

static void collect_leads(xmlNodePtr n, struct names *ns, const char *skip_key)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (plan_is(c, "lead") || plan_is(c, "partners") ||
		    (plan_is(c, "cell") && (role_is(c, "lead") || role_is(c, "partners")))) {
			char *t = content(c);
			names_add_split(ns, t, skip_key);
			free(t);
			continue;
		}
		collect_leads(c, ns, skip_key);
	}
}

static void names_release(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->keys[i]);
	free(ns->keys);
}

static xmlNodePtr meta_of(xmlDocPtr plan)
{
	return plan_first(xmlDocGetRootElement(plan), "meta");
}

/* Sections of the plan whose kind is kind, anywhere. */
static void find_kind(xmlNodePtr n, const char *kind, xmlNodePtr *out, size_t *nout, size_t max)
{
	for (xmlNodePtr c = n ? n->children : NULL; c && *nout < max; c = c->next) {
		if (!plan_is(c, "section"))
			continue;
		const char *k = plan_attr(c, "kind");
		if (k && !strcmp(k, kind))
			out[(*nout)++] = c;
		else
			find_kind(c, kind, out, nout, max);
	}
}

size_t report_agencies(xmlDocPtr plan, char ***names)
{
	struct names ns = {0};
	xmlNodePtr root = xmlDocGetRootElement(plan);
	char *issuer = content(plan_first(meta_of(plan), "issuer"));
	char *ik = agency_key(issuer);
	xmlNodePtr resp[16];
	size_t nr = 0;
	find_kind(plan_first(root, "body"), "responsibilities", resp, &nr, 16);
	for (size_t i = 0; i < nr; i++)
		collect_responsible(resp[i], &ns, ik);
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (plan_is(c, "body") || plan_is(c, "appendix"))
			collect_leads(c, &ns, ik);
	names_release(&ns);
	free(ik);
	free(issuer);
	*names = ns.v;
	return ns.n;
}

char *report_file_name(const char *agency)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_map((const utf8proc_uint8_t *)agency, 0, &folded,
	             UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	                 UTF8PROC_CASEFOLD);
	struct buf b = BUF_INIT;
	int dash = 0;
	const unsigned char *p = folded ? folded : (const unsigned char *)"",
	                    *end = p + strlen((const char *)p);
	while (p < end && b.len < 60) {
		long cp = utf8_next(&p, end);
		char c = 0;
		if (cp == 0x111 || cp == 0x110) /* đ Đ */
			c = 'd';
		else if (cp >= 'a' && cp <= 'z')
			c = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			c = (char)(cp + 32);
		else if (cp >= '0' && cp <= '9')
			c = (char)cp;
		if (!c) {
			dash = b.len > 0;
			continue;
		}
		if (dash)
			buf_addc(&b, '-');
		dash = 0;
		buf_addc(&b, c);
	}
	free(folded);
	while (b.len && b.ptr[b.len - 1] == '-')
		buf_setlen(&b, b.len - 1);
	if (!b.len)
		buf_adds(&b, "co-quan");
	return buf_detach(&b, NULL);
}

/* ---- the route of reports ------------------------------------------------------------ */

#define BODY "(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Văn phòng|Bộ|Thường trực)[^,;.()]*?"
/* where a body's name ends: punctuation, or a lower-case word that names
 * are never written with ("Truyền thông", "các khu công nghiệp" are) */
#define STOP                                                                                                  \
	"(?=\\s+(?-i:để|trước|theo|chậm|định|trong|hằng|hàng|khi|về|tình|kết)(?![\\p{L}])" \
	"|\\s*[,;.()]|$)"

static const char route_pattern[] = "(?:(?<![\\p{L}])(?:gửi\\s+)?về\\s+(?<to>" BODY ")" STOP
                                    ")|(?:(?<![\\p{L}])(?:thông\\s+)?qua\\s+(?<via>" BODY ")" STOP
                                    ")|(?:(?<![\\p{L}])báo\\s+cáo\\s+(?<up>" BODY ")" STOP ")";

struct route {
	char *to;              /* who collects the agencies' reports */
	char *via;             /* through whom */
	char *up;              /* where the compiled report goes next */
	int month, day;        /* the report deadline, when the plan gives one */
	const char *issuer;    /* the plan's issuer (borrowed) */
	const char *issuer_ab; /* its abbreviation (borrowed), or NULL */
};

/* "UBND tỉnh", "Ủy ban nhân dân tỉnh": the plan's issuer by its full name. */
static char *full_name(const struct route *r, const char *name)
{
	char *k = agency_key(name);
	char *ik = agency_key(r->issuer);
	int is = !strcmp(k, ik) ||
	         (starts_with(ik, k) && words(k) >= 3 && starts_with(k, "ủy ban nhân dân"));
	free(ik);
	free(k);
	return xstrdup(is ? r->issuer : name);
}

static int is_reporting_text(const char *s)
{
	return (strstr(s, "báo cáo") || strstr(s, "Báo cáo")) &&
	       (strstr(s, "kết quả") || strstr(s, "định kỳ") || strstr(s, "Định kỳ") ||
	        strstr(s, "tình hình"));
}

/* Read the route from one text; 1 when it names a collector.  With
 * strict set, only a text saying where reports go ("về X", "qua X")
 * counts, not one that only says whom a body reports to ("báo cáo X"). */
static struct regex route_re = REGEX_INIT(route_pattern, PCRE2_CASELESS);

static int route_from(struct route *r, const char *s, int strict, pcre2_code *re,
                      pcre2_match_data *md)
{
	size_t len = strlen(s), at = 0;
	char *to = NULL, *via = NULL, *up = NULL;
	while (at < len && pcre2_match(re, (PCRE2_SPTR)s, len, at, 0, md, NULL) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		for (int g = 1; g <= 3; g++) {
			if (ov[2 * g] == PCRE2_UNSET)
				continue;
			char **slot = g == 1 ? &to : g == 2 ? &via : &up;
			if (!*slot)
				*slot = text_trim(s + ov[2 * g], ov[2 * g + 1] - ov[2 * g], NULL);
		}
	}
	if (strict && !to && !via) {
		free(up);
		return 0;
	}
	if (!to && up) { /* "báo cáo UBND tỉnh (qua Sở Nội vụ)" */
		to = up;
		up = NULL;
	}
	if (!to && via) { /* "gửi báo cáo qua Sở X để tổng hợp" */
		to = via;
		via = NULL;
	}
	if (!to) {
		free(via);
		free(up);
		return 0;
	}
	r->to = full_name(r, to);
	r->via = via ? full_name(r, via) : NULL;
	r->up = up ? full_name(r, up) : NULL;
	free(to);
	free(via);
	free(up);
	return 1;
}

/* Candidate texts, in order: reporting sections, the closing, then
 * anything that talks of reporting results. */
static void reporting_texts(xmlNodePtr n, int pass, xmlNodePtr *out, size_t *nout, size_t max)
{
	for (xmlNodePtr c = n ? n->children : NULL; c && *nout < max; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (plan_is(c, "p") || plan_is(c, "item")) {
			char *t = own_text(c);
			if (is_reporting_text(t))
				out[(*nout)++] = c;
			free(t);
		}
		if (!plan_is(c, "appendix") || pass > 0)
			reporting_texts(c, pass, out, nout, max);
	}
}

static void read_route(xmlDocPtr plan, struct route *r)
{
	xmlNodePtr root = xmlDocGetRootElement(plan);
	xmlNodePtr meta = plan_first(root, "meta");
	xmlNodePtr iss = plan_first(meta, "issuer");
	r->issuer_ab = plan_attr(iss, "abbr");
	xmlNodePtr cand[64];
	size_t nc = 0;
	xmlNodePtr rep[8];
	size_t nrep = 0;
	find_kind(plan_first(root, "body"), "reporting", rep, &nrep, 8);
	for (size_t i = 0; i < nrep; i++)
		reporting_texts(rep[i], 0, cand, &nc, 64);
	reporting_texts(plan_first(root, "closing"), 0, cand, &nc, 64);
	reporting_texts(plan_first(root, "body"), 0, cand, &nc, 64);
	pcre2_code *re = regex_code(&route_re);
	pcre2_match_data *md = regex_match_data(8);
	for (int strict = 1; strict >= 0 && !r->to; strict--)
		for (size_t i = 0; i < nc; i++) {
			char *t = own_text(cand[i]);
			int found = route_from(r, t, strict, re, md);
			free(t);
			if (!found)
				continue;
			/* the deadline said with it: the year's last one (a half-year
			 * report may come first) */
			for (xmlNodePtr d = cand[i]->children; d; d = d->next)
				if (plan_is(d, "deadline")) {
					const char *m = plan_attr(d, "month"),
					           *dd = plan_attr(d, "day");
					if (m && atoi(m) >= r->month) {
						r->month = atoi(m);
						r->day = dd ? atoi(dd) : 0;
					}
				}
			break;
		}
	/* reports that go to the issuer with nobody in between: the agency
	 * whose duty is to compile them ("Tổng hợp, báo cáo UBND tỉnh ...") */
	if (!r->via && (!r->to || !strcmp(r->to, r->issuer))) {
		for (size_t i = 0; i < nc && !r->via; i++) {
			xmlNodePtr a = cand[i]->parent;
			while (a && !plan_is(a, "agency"))
				a = a->parent;
			const char *name = a ? plan_attr(a, "name") : NULL;
			char *t = own_text(cand[i]);
			if (name && !is_collective_name(name) &&
			    (strstr(t, "tổng hợp") || strstr(t, "Tổng hợp")))
				r->via = xstrdup(name);
			free(t);
		}
	}
	pcre2_match_data_free(md);
}

static void route_release(struct route *r)
{
	free(r->to);
	free(r->via);
	free(r->up);
}

/* ---- the plan's tasks ----------------------------------------------------------------- */

struct unit {
	char *text, *lead, *partners, *timeline;
	char *group; /* the heading it belongs under */
};

struct units {
	struct unit *v;
	size_t n, alloc;
};

static void unit_add(struct units *u, char *text, char *lead, char *partners, char *timeline,
                     const char *group)
{
	if (!text || !*text) {
		free(text);
		free(lead);
		free(partners);
		free(timeline);
		return;
	}
	u->v = xgrow(u->v, sizeof *u->v, u->n + 1, &u->alloc);
	struct unit *x = &u->v[u->n++];
	x->text = text;
	x->lead = lead ? lead : xstrdup("");
	x->partners = partners ? partners : xstrdup("");
	x->timeline = timeline ? timeline : xstrdup("");
	x->group = xstrdup(group ? group : "");
}

static void units_release(struct units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].text);
		free(u->v[i].lead);
		free(u->v[i].partners);
		free(u->v[i].timeline);
		free(u->v[i].group);
	}
	free(u->v);
	u->v = NULL;
	u->n = u->alloc = 0;
}

static char *cell_of(xmlNodePtr row, const char *role)
{
	for (xmlNodePtr c = row->children; c; c = c->next)
		if (plan_is(c, "cell") && role_is(c, role))
			return content(c);
	return NULL;
}

static int is_task_table(xmlNodePtr table)
{
	for (xmlNodePtr c = table->children; c; c = c->next)
		if (plan_is(c, "column") && role_is(c, "task"))
			return 1;
	return 0;
}

static void table_units(xmlNodePtr table, const char *group, struct units *u)
{
	for (xmlNodePtr c = table->children; c; c = c->next) {
		if (plan_is(c, "group")) {
			const char *t = plan_attr(c, "title");
			for (xmlNodePtr r = c->children; r; r = r->next)
				if (plan_is(r, "row"))
					unit_add(u, cell_of(r, "task"), cell_of(r, "lead"),
					         cell_of(r, "partners"), cell_of(r, "timeline"),
					         t && *t ? t : group);
		} else if (plan_is(c, "row")) {
			unit_add(u, cell_of(c, "task"), cell_of(c, "lead"), cell_of(c, "partners"),
			         cell_of(c, "timeline"), group);
		}
	}
}

static char *field(xmlNodePtr task, const char *name)
{
	xmlNodePtr f = plan_first(task, name);
	return f ? content(f) : NULL;
}

/* A task element's text: its own, or its section's heading. */
static char *task_text(xmlNodePtr task)
{
	xmlNodePtr t = plan_first(task, "text");
	if (t)
		return content(t);
	const char *h = task->parent ? plan_attr(task->parent, "heading") : NULL;
	return xstrdup(h ? h : "");
}

static const char *heading_of(xmlNodePtr n)
{
	const char *h = plan_attr(n, "heading");
	if (!h)
		h = plan_attr(n, "title");
	return h ? h : "";
}

/* Task elements and task-table rows under n (not in the responsibilities
 * section), grouped under group. */
static void task_units(xmlNodePtr n, const char *group, struct units *u)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (plan_is(c, "task"))
			unit_add(u, task_text(c), field(c, "lead"), field(c, "partners"),
			         field(c, "timeline"), group);
		else if (plan_is(c, "table") && is_task_table(c))
			table_units(c, plan_is(n, "appendix") ? heading_of(n) : group, u);
		else if (plan_is(c, "section") || plan_is(c, "item") || plan_is(c, "agency")) {
			const char *k = plan_attr(c, "kind");
			if (k && !strcmp(k, "responsibilities"))
				continue;
			task_units(c, group, u);
		}
	}
}

/* Every task of the plan with its lead, partners and timeline: task
 * elements, rows of task tables in the body (under their top-level
 * section's heading) and in appendices (under their groups). */
static void plan_units(xmlDocPtr plan, struct units *u)
{
	xmlNodePtr root = xmlDocGetRootElement(plan);
	for (xmlNodePtr s = plan_first(root, "body") ? plan_first(root, "body")->children : NULL; s;
	     s = s->next)
		if (plan_is(s, "section")) {
			const char *k = plan_attr(s, "kind");
			if (!k || strcmp(k, "responsibilities"))
				task_units(s, heading_of(s), u);
		}
	for (xmlNodePtr a = root->children; a; a = a->next)
		if (plan_is(a, "appendix"))
			task_units(a, heading_of(a), u);
}

/* The content sections: kind content at the top, else every top-level
 * section that is not goals, budget, responsibilities, reporting, period
 * or audience. */
static size_t content_sections(xmlDocPtr plan, xmlNodePtr *out, size_t max)
{
	xmlNodePtr body = plan_first(xmlDocGetRootElement(plan), "body");
	size_t n = 0;
	for (xmlNodePtr s = body ? body->children : NULL; s && n < max; s = s->next) {
		const char *k = plan_attr(s, "kind");
		if (plan_is(s, "section") && k && !strcmp(k, "content"))
			out[n++] = s;
	}
	if (n)
		return n;
	static const char *const not_content[] = {"goals",     "budget", "responsibilities",
	                                          "reporting", "period", "audience"};
	for (xmlNodePtr s = body ? body->children : NULL; s && n < max; s = s->next) {
		if (!plan_is(s, "section"))
			continue;
		const char *k = plan_attr(s, "kind");
		int skip = 0;
		for (size_t i = 0; k && i < sizeof not_content / sizeof not_content[0]; i++)
			skip |= !strcmp(k, not_content[i]);
		if (!skip)
			out[n++] = s;
	}
	return n;
}

/* ---- building --------------------------------------------------------------------- */

struct rb {
	xmlDocPtr doc;
	xmlNodePtr root;
	int year;
	const char *who; /* the reporting body's name */
};

static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

static xmlNodePtr el_text(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	                       (const xmlChar *)(text ? text : ""));
}

static void set(xmlNodePtr n, const char *name, const char *value)
{
	if (value)
		xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

static xmlNodePtr fill(xmlNodePtr parent, const char *hint, int lines)
{
	xmlNodePtr f = el(parent, "fill");
	set(f, "hint", hint);
	if (lines > 1) {
		char l[16];
		snprintf(l, sizeof l, "%d", lines);
		set(f, "lines", l);
	}
	return f;
}

static xmlNodePtr section(xmlNodePtr parent, const char *kind, const char *number,
                          const char *heading)
{
	xmlNodePtr s = el(parent, "section");
	set(s, "kind", kind);
	set(s, "number", number);
	set(s, "heading", heading);
	return s;
}

static void fill_p(xmlNodePtr parent, const char *hint, int lines)
{
	fill(el(parent, "p"), hint, lines);
}

/* A task quoted as an item, with room for its result under it. */
static void task_item(xmlNodePtr parent, const char *text, const char *hint)
{
	xmlNodePtr it = el_text(parent, "item", text);
	set(it, "label", "-");
	xmlNodePtr p = el_text(it, "p", "Kết quả: ");
	fill(p, hint, 3);
}

static const char *const hint_result =
    "Nêu kết quả thực hiện: việc đã làm, số liệu, sản phẩm; nếu chưa thực "
    "hiện, nêu lý do.";

/* An all-capitals text in lower case, but for the place's name and the
 * acronyms plans use in their titles. */
static char *uncap(const char *s, const char *place)
{
	char *t = text_lower(s, strlen(s));
	if (place && *place) {
		char *lp = text_lower(place, strlen(place));
		if (strlen(lp) == strlen(place))
			for (char *at = strstr(t, lp); at; at = strstr(at + strlen(lp), lp))
				memcpy(at, place, strlen(place));
		free(lp);
	}
	/* acronyms and names plans use in their titles */
	static const char *const proper[][2] = {
	    {"asean", "ASEAN"},       {"cchc", "CCHC"},           {"ubnd", "UBND"},
	    {"hđnd", "HĐND"},         {"cntt", "CNTT"},           {"chính phủ", "Chính phủ"},
	    {"việt nam", "Việt Nam"}, {"thủ tướng", "Thủ tướng"}, {"quốc hội", "Quốc hội"},
	};
	for (size_t i = 0; i < sizeof proper / sizeof proper[0]; i++) {
		size_t l = strlen(proper[i][0]);
		if (strlen(proper[i][1]) != l)
			continue;
		for (char *a = strstr(t, proper[i][0]); a; a = strstr(a + l, proper[i][0])) {
			int before = a == t || a[-1] == ' ' || a[-1] == '(';
			int after = a[l] == '\0' || a[l] == ' ' || a[l] == ',' || a[l] == ')';
			if (before && after)
				memcpy(a, proper[i][1], l);
		}
	}
	return t;
}

/* A heading for the report: an all-capitals one in sentence case. */
static char *report_heading(const char *h, const char *place)
{
	char *sq = squash(h);
	if (text_upper_ratio(sq, strlen(sq)) <= 0.8)
		return sq;
	char *t = uncap(sq, place);
	free(sq);
	const unsigned char *p = (const unsigned char *)t, *end = p + strlen(t);
	long cp = utf8_next(&p, end);
	char tmp[4];
	int w = cp > 0 ? utf8_put(utf8proc_toupper((utf8proc_int32_t)cp), tmp) : 0;
	if (w > 0 && w == p - (const unsigned char *)t)
		memcpy(t, tmp, (size_t)w);
	return t;
}

/* Is a section one whose items are tasks (not the audience, goals,
 * period or budget a content section may open with)? */
static int is_task_kind(xmlNodePtr s)
{
	static const char *const not_tasks[] = {"audience",         "goals",    "purpose",
	                                        "requirements",     "period",   "budget",
	                                        "responsibilities", "reporting"};
	const char *k = plan_attr(s, "kind");
	for (size_t i = 0; k && i < sizeof not_tasks / sizeof not_tasks[0]; i++)
		if (!strcmp(k, not_tasks[i]))
			return 0;
	return 1;
}

/* A plan's content section as a subsection of I.2 numbered number, with
 * its tasks; with own 0, its tasks and subsections go straight into to
 * (a plan with one content section). */
static void content_to_report(xmlNodePtr from, xmlNodePtr to, const char *number, int depth,
                              int own)
{
	xmlNodePtr s = to;
	if (own) {
		xmlNodePtr meta = plan_first(xmlDocGetRootElement(from->doc), "meta");
		char *place = content(plan_first(meta, "place"));
		char *heading = report_heading(heading_of(from), place);
		s = section(to, NULL, number, heading);
		free(heading);
		free(place);
	}
	int units = 0, sub = 0;
	for (xmlNodePtr c = from->children; c; c = c->next) {
		if (plan_is(c, "item")) {
			char *t = own_text(c);
			task_item(s, t, hint_result);
			free(t);
			units++;
		} else if (plan_is(c, "task") && plan_first(c, "text")) {
			char *t = task_text(c);
			task_item(s, t, hint_result);
			free(t);
			units++;
		} else if (plan_is(c, "table") && is_task_table(c)) {
			struct units u = {0};
			table_units(c, NULL, &u);
			for (size_t i = 0; i < u.n; i++) {
				char *t = u.v[i].lead[0]
				              ? xasprintf("%s (%s)", u.v[i].text, u.v[i].lead)
				              : xstrdup(u.v[i].text);
				task_item(s, t, hint_result);
				free(t);
				units++;
			}
			units_release(&u);
		} else if (plan_is(c, "section") && is_task_kind(c)) {
			sub++;
		}
	}
	int k = 0;
	for (xmlNodePtr c = from->children; c; c = c->next) {
		if (!plan_is(c, "section") || !is_task_kind(c))
			continue;
		k++;
		char *num =
		    depth < 2 ? xasprintf("%s.%d", number, k) : xasprintf("%c", 'a' + (k - 1) % 26);
		content_to_report(c, s, num, depth + 1, 1);
		free(num);
	}
	if (!units && !sub)
		fill_p(s, hint_result, 4);
}

static char *date_text(const char *iso)
{
	if (!iso || strlen(iso) < 10)
		return NULL;
	return xasprintf("%d/%d/%.4s", atoi(iso + 8), atoi(iso + 5), iso);
}

/* "Kế hoạch số 446/KH-UBND ngày 16/12/2019 của Ủy ban nhân dân tỉnh Hà
 * Tĩnh về tuyên truyền, ..." */
static char *plan_citation(xmlDocPtr plan)
{
	xmlNodePtr meta = meta_of(plan);
	struct buf b = BUF_INIT;
	char *doctype = content(plan_first(meta, "doctype"));
	buf_adds(&b, *doctype ? doctype : "Kế hoạch");
	free(doctype);
	char *num = content(plan_first(meta, "number"));
	const char *sym = plan_attr(plan_first(meta, "number"), "symbol");
	if (*num)
		buf_addf(&b, " số %s", num);
	else if (sym)
		buf_addf(&b, " số …/%s", sym);
	free(num);
	xmlNodePtr dn = plan_first(meta, "date");
	char *date = date_text(plan_attr(dn, "iso"));
	if (date)
		buf_addf(&b, " ngày %s", date);
	else if (plan_attr(dn, "year") && plan_attr(dn, "month"))
		buf_addf(&b, " ngày …/%02d/%s", atoi(plan_attr(dn, "month")),
		         plan_attr(dn, "year"));
	else if (plan_attr(dn, "year"))
		buf_addf(&b, " ngày …/…/%s", plan_attr(dn, "year"));
	free(date);
	char *iss = content(plan_first(meta, "issuer"));
	if (*iss)
		buf_addf(&b, " của %s", iss);
	free(iss);
	char *title = content(plan_first(meta, "title"));
	if (*title) {
		double up = text_upper_ratio(title, strlen(title));
		char *t;
		if (up > 0.8) {
			char *place = content(plan_first(meta, "place"));
			t = uncap(title, place);
			free(place);
		} else {
			t = xstrdup(title);
		}
		/* "về tuyên truyền": the title's first word in lower case */
		const unsigned char *p = (const unsigned char *)t, *end = p + strlen(t);
		long cp = utf8_next(&p, end);
		buf_adds(&b, " về ");
		if (cp > 0 && !(p - (const unsigned char *)t == 1 && t[1] >= 'A' && t[1] <= 'Z')) {
			char tmp[4];
			buf_add(&b, tmp,
			        (size_t)utf8_put(utf8proc_tolower((utf8proc_int32_t)cp), tmp));
			buf_adds(&b, (const char *)p);
		} else {
			buf_adds(&b, t);
		}
		free(t);
	}
	free(title);
	return buf_detach(&b, NULL);
}

/* Signature lines a body's head signs with. */
static void signature_for(xmlNodePtr closing, const char *who, xmlNodePtr plan_sig,
                          int is_plan_issuer)
{
	xmlNodePtr sig = el(closing, "signature");
	if (is_plan_issuer && plan_sig) {
		set(sig, "authority", plan_attr(plan_sig, "authority"));
		set(sig, "deputy", plan_attr(plan_sig, "deputy"));
		set(sig, "position", plan_attr(plan_sig, "position"));
		return;
	}
	char *k = agency_key(who);
	const char *pos = "THỦ TRƯỞNG CƠ QUAN";
	if (starts_with(k, "ủy ban nhân dân")) {
		set(sig, "authority", "TM. ỦY BAN NHÂN DÂN");
		pos = "CHỦ TỊCH";
	} else if (starts_with(k, "sở ") || starts_with(k, "báo và phát thanh") ||
	           starts_with(k, "đài ") || starts_with(k, "trung tâm ") ||
	           starts_with(k, "bưu điện") || starts_with(k, "công an")) {
		pos = "GIÁM ĐỐC";
	} else if (starts_with(k, "ban ")) {
		pos = "TRƯỞNG BAN";
	} else if (starts_with(k, "văn phòng ")) {
		pos = "CHÁNH VĂN PHÒNG";
	} else if (starts_with(k, "báo ")) {
		pos = "TỔNG BIÊN TẬP";
	} else if (starts_with(k, "thanh tra")) {
		pos = "CHÁNH THANH TRA";
	} else if (starts_with(k, "tỉnh đoàn") || starts_with(k, "thành đoàn")) {
		set(sig, "authority", "TM. BAN THƯỜNG VỤ");
		pos = "BÍ THƯ";
	} else if (starts_with(k, "hội ") || starts_with(k, "liên đoàn")) {
		pos = "CHỦ TỊCH";
	}
	set(sig, "position", pos);
	free(k);
}

/* The agency's parent in the header: the province's UBND for its
 * departments. */
static int under_issuer(const char *who)
{
	char *k = agency_key(who);
	int r = starts_with(k, "sở ") || starts_with(k, "thanh tra ") ||
	        starts_with(k, "ban quản lý") || starts_with(k, "văn phòng ủy ban") ||
	        starts_with(k, "ban dân tộc");
	free(k);
	return r;
}

static char *roman(int n)
{
	static const char *const r[] = {"I",    "II", "III", "IV", "V",   "VI",   "VII",
	                                "VIII", "IX", "X",   "XI", "XII", "XIII", "XIV"};
	return n >= 1 && n <= 14 ? xstrdup(r[n - 1]) : xasprintf("%d", n);
}

/* A cell with text, or an empty one. */
static xmlNodePtr cell_text(xmlNodePtr row, const char *text)
{
	return text && *text ? el_text(row, "cell", text) : el(row, "cell");
}

/* The appendix: the tasks with their result columns. */
static void appendix(struct rb *b, struct units *u, const char *attachment)
{
	xmlNodePtr a = el(b->root, "appendix");
	char *title = xasprintf("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ NĂM %d", b->year);
	set(a, "title", title);
	free(title);
	set(a, "attachment", attachment);
	xmlNodePtr t = el(a, "table");
	static const char *const cols[][2] = {
	    {"no", "STT"},
	    {"task", "Nhiệm vụ (theo Kế hoạch)"},
	    {"lead", "Đơn vị chủ trì"},
	    {"partners", "Đơn vị phối hợp"},
	    {"timeline", "Thời gian thực hiện (theo Kế hoạch)"},
	    {"other", "Kết quả thực hiện"},
	    {"other", "Mức độ hoàn thành"},
	    {"note", "Ghi chú"},
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		set(el_text(t, "column", cols[i][1]), "role", cols[i][0]);
	xmlNodePtr group = NULL;
	const char *gtitle = NULL;
	int ng = 0, nr = 0;
	int grouped = 0;
	for (size_t i = 0; i < u->n; i++)
		grouped |= u->v[i].group[0] != '\0';
	for (size_t i = 0; i < u->n; i++) {
		struct unit *x = &u->v[i];
		xmlNodePtr parent = t;
		if (grouped) {
			if (!group || strcmp(gtitle, x->group)) {
				group = el(t, "group");
				char *r = roman(++ng);
				set(group, "number", r);
				free(r);
				char *gt = squash(x->group);
				set(group, "title", gt);
				free(gt);
				gtitle = x->group;
				nr = 0;
			}
			parent = group;
		}
		xmlNodePtr row = el(parent, "row");
		char no[16];
		snprintf(no, sizeof no, "%d", ++nr);
		set(row, "number", no);
		set(el_text(row, "cell", no), "role", "no");
		set(cell_text(row, x->text), "role", "task");
		set(cell_text(row, x->lead), "role", "lead");
		set(cell_text(row, x->partners), "role", "partners");
		set(cell_text(row, x->timeline), "role", "timeline");
		xmlNodePtr c = el(row, "cell");
		set(c, "role", "other");
		fill(c, "Kết quả thực hiện", 2);
		c = el(row, "cell");
		set(c, "role", "other");
		fill(c, "Hoàn thành / Đang thực hiện / Chưa thực hiện", 1);
		c = el(row, "cell");
		set(c, "role", "note");
		fill(c, "Ghi chú", 1);
	}
}

/* Items and paragraphs of an agency: its duties. */
static void duties_of(xmlNodePtr agency, struct units *u, const char *who, const char *group)
{
	for (xmlNodePtr c = agency->children; c; c = c->next) {
		if (plan_is(c, "item") || plan_is(c, "p")) {
			char *t = own_text(c);
			unit_add(u, t, xstrdup(who), NULL, NULL, group);
		} else if (plan_is(c, "section")) {
			duties_of(c, u, who, group);
		}
	}
}

/* Is the collective heading name about bodies like the agency? */
static int covers(const char *collective, const char *agency_k)
{
	char *k = agency_key(collective);
	int ubnd = starts_with(agency_k, "ủy ban nhân dân các") ||
	           starts_with(agency_k, "ủy ban nhân dân xã") ||
	           starts_with(agency_k, "ủy ban nhân dân cấp xã");
	int r = ubnd ? (strstr(k, "ủy ban nhân dân các") != NULL) : (strstr(k, "các sở") != NULL);
	free(k);
	return r;
}

static void agency_duties(xmlNodePtr n, const char *key, const char *who, struct units *own,
                          struct units *common)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (plan_is(c, "agency")) {
			const char *name = plan_attr(c, "name");
			if (!name)
				continue;
			if (is_collective_name(name)) {
				if (covers(name, key))
					duties_of(c, common, name, "Nhiệm vụ chung");
			} else if (report_names_agency(key, name)) {
				duties_of(c, own, who, "Nhiệm vụ được giao");
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			agency_duties(c, key, who, own, common);
		}
	}
}

/* What goes under "Kết quả thực hiện các nhiệm vụ": the plan's content
 * sections with their tasks, or an agency's duties and tasks. */
struct task_parts {
	xmlDocPtr plan;
	int agency;
	struct units *own, *common, *led, *joined;
};

static void tasks_into(xmlNodePtr parent, const char *number, const struct task_parts *tp)
{
	if (tp->agency) {
		int k = 0;
		struct {
			struct units *u;
			const char *heading;
		} parts[] = {
		    {tp->own, "Nhiệm vụ được giao tại phần Tổ chức thực hiện"},
		    {tp->common, "Nhiệm vụ chung của các cơ quan, đơn vị"},
		    {tp->led, "Nhiệm vụ chủ trì thực hiện"},
		    {tp->joined, "Nhiệm vụ phối hợp thực hiện"},
		};
		for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
			if (!parts[p].u->n)
				continue;
			char *num = xasprintf("%s.%d", number, ++k);
			xmlNodePtr s = section(parent, NULL, num, parts[p].heading);
			free(num);
			for (size_t i = 0; i < parts[p].u->n; i++) {
				struct unit *x = &parts[p].u->v[i];
				char *t = parts[p].u == tp->joined && x->lead[0]
				              ? xasprintf("%s (chủ trì: %s)", x->text, x->lead)
				              : xstrdup(x->text);
				task_item(s, t, hint_result);
				free(t);
			}
		}
		return;
	}
	xmlNodePtr cs[32];
	size_t nc = content_sections(tp->plan, cs, 32);
	if (nc == 1)
		content_to_report(cs[0], parent, number, 1, 0);
	for (size_t i = 0; nc > 1 && i < nc; i++) {
		char *num = xasprintf("%s.%zu", number, i + 1);
		content_to_report(cs[i], parent, num, 1, 1);
		free(num);
	}
	if (!nc)
		fill_p(parent, hint_result, 6);
}

/* The plan's own report outline: an appendix titled "Đề cương báo cáo". */
static xmlNodePtr outline_of(xmlDocPtr plan)
{
	for (xmlNodePtr a = xmlDocGetRootElement(plan)->children; a; a = a->next) {
		if (!plan_is(a, "appendix"))
			continue;
		const char *t = plan_attr(a, "title");
		char *low = t ? text_lower(t, strlen(t)) : NULL;
		int is = low && strstr(low, "đề cương") && strstr(low, "báo cáo");
		free(low);
		if (is && (plan_first(a, "section") || plan_first(a, "item")))
			return a;
	}
	return NULL;
}

static const char *outline_kind(const char *heading)
{
	char *low = text_lower(heading, strlen(heading));
	const char *k = strstr(low, "kết quả")                                   ? "results"
	                : strstr(low, "tồn tại") || strstr(low, "đánh giá")      ? "evaluation"
	                : strstr(low, "đề xuất") || strstr(low, "kiến nghị")     ? "proposals"
	                : strstr(low, "phương hướng") || strstr(low, "nhiệm vụ") ? "direction"
	                                                                         : NULL;
	free(low);
	return k;
}

/* Does an outline line ask for the results of the tasks? */
static int asks_for_tasks(const char *text)
{
	char *low = text_lower(text, strlen(text));
	int r = strstr(low, "nhiệm vụ") && (strstr(low, "kết quả") || strstr(low, "thực hiện"));
	free(low);
	return r;
}

/* An outline's sections and items as the report's sections, each with a
 * place to write; its paragraphs (guidance to the writer) become the
 * hints of those places; the line asking for the tasks' results gets the
 * tasks. */
static int outline_to_report(xmlNodePtr from, xmlNodePtr to, const struct task_parts *tp, int depth)
{
	int made = 0;
	struct buf guide = BUF_INIT;
	for (xmlNodePtr c = from->children; c; c = c->next)
		if (plan_is(c, "p")) {
			char *t = own_text(c);
			buf_addf(&guide, "%s%s", guide.len ? " " : "", t);
			free(t);
		}
	for (xmlNodePtr c = from->children; c; c = c->next) {
		if (!plan_is(c, "section") && !plan_is(c, "item"))
			continue;
		char *heading = plan_is(c, "section") ? squash(heading_of(c)) : own_text(c);
		char *number = NULL;
		const char *lab =
		    plan_is(c, "section") ? plan_attr(c, "number") : plan_attr(c, "label");
		if (lab) {
			number = text_trim(lab, strlen(lab), ".)");
			if (!*number || !strcmp(number, "-") || !strcmp(number, "+")) {
				free(number);
				number = NULL;
			}
		}
		xmlNodePtr s =
		    section(to, depth == 0 ? outline_kind(heading) : NULL, number, heading);
		made++;
		if (asks_for_tasks(heading) && depth > 0)
			tasks_into(s, number ? number : "", tp);
		else if (!outline_to_report(c, s, tp, depth + 1))
			fill_p(s, "Nội dung theo đề cương.", 4);
		free(number);
		free(heading);
	}
	if (!made && guide.len) {
		fill_p(to, guide.ptr, 4);
		made = 1;
	}
	buf_release(&guide);
	return made;
}

xmlDocPtr report_form(xmlDocPtr plan, const struct report_opts *o, struct diag *d)
{
	static const struct report_opts none;
	if (!o)
		o = &none;
	int first, last;
	const char *from;
	int year = o->year;
	if (!year) {
		if (rollover_period(plan, &first, &last, &from, d) < 0)
			return NULL;
		year = last;
	}
	xmlNodePtr proot = xmlDocGetRootElement(plan);
	xmlNodePtr pmeta = meta_of(plan);
	char *issuer = content(plan_first(pmeta, "issuer"));
	struct route rt = {0};
	rt.issuer = issuer;
	read_route(plan, &rt);
	if (!rt.to)
		rt.to = xstrdup(issuer);

	/* who reports to whom */
	char *who = NULL, *agency_k = NULL;
	char **addressees = NULL;
	size_t naddr = 0, aaddr = 0;
	struct units own = {0}, common = {0}, led = {0}, joined = {0}, all = {0};
	xmlDocPtr doc = NULL;
	int to_is_issuer;
	{
		char *a = agency_key(rt.to), *b = agency_key(issuer);
		to_is_issuer = !strcmp(a, b);
		free(a);
		free(b);
	}
	plan_units(plan, &all);
	if (o->agency) {
		/* the agency as the plan names it ("Sở VHTTDL" -> "Sở Văn hóa, Thể
		 * thao và Du lịch") */
		who = squash(o->agency);
		agency_k = agency_key(who);
		char **names;
		size_t nn = report_agencies(plan, &names);
		for (size_t i = 0; i < nn; i++) {
			char *k = agency_key(names[i]);
			if (!strcmp(k, agency_k)) {
				free(who);
				who = xstrdup(names[i]);
			}
			free(k);
			free(names[i]);
		}
		free(names);
		xmlNodePtr resp[16];
		size_t nr = 0;
		find_kind(plan_first(proot, "body"), "responsibilities", resp, &nr, 16);
		for (size_t i = 0; i < nr; i++)
			agency_duties(resp[i], agency_k, who, &own, &common);
		for (size_t i = 0; i < all.n; i++) {
			struct unit *x = &all.v[i];
			struct units *dst = report_names_agency(agency_k, x->lead)       ? &led
			                    : report_names_agency(agency_k, x->partners) ? &joined
			                                                                 : NULL;
			if (dst)
				unit_add(dst, xstrdup(x->text), xstrdup(x->lead),
				         xstrdup(x->partners), xstrdup(x->timeline),
				         dst == &led ? "Nhiệm vụ chủ trì" : "Nhiệm vụ phối hợp");
		}
		if (!own.n && !led.n && !joined.n) {
			diag_error(
			    d, "the plan asks nothing of '%s' (see soan report --list-agencies)",
			    who);
			goto out;
		}
		/* Kính gửi: the collector, unless it is this agency */
		const char *tos[2] = {rt.to, rt.via};
		for (int i = 0; i < 2; i++) {
			if (!tos[i] || report_names_agency(agency_k, tos[i]))
				continue;
			addressees = xgrow(addressees, sizeof *addressees, naddr + 1, &aaddr);
			addressees[naddr++] = xstrdup(tos[i]);
		}
		if (!naddr && strcmp(agency_k, "")) {
			addressees = xgrow(addressees, sizeof *addressees, naddr + 1, &aaddr);
			addressees[naddr++] = xstrdup(issuer);
		}
	} else {
		/* the whole plan: reported by the body that compiles the reports
		 * to the office above it */
		if (rt.via)
			who = xstrdup(rt.via);
		else if (!to_is_issuer)
			who = xstrdup(rt.to);
		else
			who = xstrdup(issuer);
		char *wk = agency_key(who), *ik = agency_key(issuer);
		const char *up = strcmp(wk, ik) ? issuer : rt.up;
		if (up && strcmp(wk, ik) == 0) {
			char *uk = agency_key(up);
			if (!strcmp(uk, wk))
				up = NULL;
			free(uk);
		}
		if (up) {
			addressees = xgrow(addressees, sizeof *addressees, naddr + 1, &aaddr);
			addressees[naddr++] = xstrdup(up);
		}
		free(wk);
		free(ik);
	}

	struct rb b = {0};
	doc = plan_new(plan_attr(proot, "source"), &b.root);
	b.doc = doc;
	b.year = year;
	b.who = who;
	xmlNodePtr meta = plan_first(b.root, "meta");
	int is_plan_issuer;
	{
		char *wk = agency_key(who), *ik = agency_key(issuer);
		is_plan_issuer = !strcmp(wk, ik);
		free(wk);
		free(ik);
	}
	if (!is_plan_issuer && under_issuer(who)) {
		const char *ab = plan_attr(plan_first(pmeta, "issuer"), "abbr");
		el_text(meta, "issuer", who);
		/* the parent, as departments write it over their name: "UBND
		 * TỈNH LÂM ĐỒNG" */
		char *parent = ab ? xstrdup(ab)
		               : starts_with(issuer, "Ủy ban nhân dân ")
		                   ? xasprintf("UBND %s", issuer + strlen("Ủy ban nhân dân "))
		                   : xstrdup(issuer);
		xmlNodePtr par = xmlNewDocNode(doc, NULL, (const xmlChar *)"parent-issuer", NULL);
		xmlNodeAddContent(par, (const xmlChar *)parent);
		free(parent);
		xmlAddNextSibling(plan_first(meta, "issuer"), par);
	} else {
		el_text(meta, "issuer", who);
	}
	set(el_text(meta, "doctype", "Báo cáo"), "code", "BC");
	{
		xmlNodePtr num = el(meta, "number");
		char *sym;
		if (o->symbol)
			sym = xstrdup(o->symbol);
		else {
			char *wk = agency_key(who);
			sym = xstrdup(starts_with(wk, "ủy ban nhân dân") ? "BC-UBND" : "BC-…");
			free(wk);
		}
		set(num, "symbol", sym);
		free(sym);
	}
	char *place = content(plan_first(pmeta, "place"));
	if (*place)
		el_text(meta, "place", place);
	free(place);
	{
		char y[16], m[16];
		snprintf(y, sizeof y, "%d", year);
		char *dt;
		if (rt.month) {
			snprintf(m, sizeof m, "%d", rt.month);
			dt = xasprintf("ngày … tháng %s%d năm %d", rt.month < 3 ? "0" : "",
			               rt.month, year);
		} else {
			dt = xasprintf("ngày … tháng … năm %d", year);
		}
		xmlNodePtr date = el_text(meta, "date", dt);
		set(date, "year", y);
		if (rt.month)
			set(date, "month", m);
		free(dt);
	}
	char *cite = plan_citation(plan);
	char *cite_year, *title;
	{
		char *ptitle = content(plan_first(pmeta, "title"));
		char *yr = xasprintf("năm %d", year), *yr2 = xasprintf("NĂM %d", year);
		int has = strstr(ptitle, yr) || strstr(ptitle, yr2);
		cite_year = has ? xstrdup(cite) : xasprintf("%s %s", cite, yr);
		title = xasprintf("Kết quả thực hiện %s", cite_year);
		free(yr);
		free(yr2);
		free(ptitle);
	}
	el_text(meta, "title", title);
	for (size_t i = 0; i < naddr; i++)
		el_text(meta, "addressee", addressees[i]);
	if (!naddr) /* nobody above named in the plan: to fill */
		fill(el(meta, "addressee"), "Cơ quan nhận báo cáo", 1);

	/* basis: the plan */
	{
		xmlNodePtr basis = el(b.root, "basis");
		xmlNodePtr ref = el_text(basis, "ref", cite);
		char *doctype = content(plan_first(pmeta, "doctype"));
		set(ref, "type", *doctype ? doctype : "Kế hoạch");
		free(doctype);
		char *num = content(plan_first(pmeta, "number"));
		if (*num)
			set(ref, "number", num);
		free(num);
		const char *iso = plan_attr(plan_first(pmeta, "date"), "iso");
		if (iso)
			set(ref, "date", iso);
		set(ref, "issuer", issuer);
	}
	{
		xmlNodePtr pre = el(b.root, "preamble");
		char *t = xasprintf(
		    "Thực hiện %s; %s báo cáo kết quả thực hiện năm %d như sau:", cite, who, year);
		el_text(pre, "p", t);
		free(t);
	}

	xmlNodePtr body = el(b.root, "body");
	struct task_parts tp = {plan, o->agency != NULL, &own, &common, &led, &joined};
	xmlNodePtr outline = outline_of(plan);
	if (outline) {
		/* the plan's own Đề cương báo cáo */
		outline_to_report(outline, body, &tp, 0);
	} else {
		xmlNodePtr s1 = section(body, "results", "I", "KẾT QUẢ THỰC HIỆN");
		xmlNodePtr s11 = section(
		    s1, NULL, "1", "Công tác chỉ đạo, điều hành, triển khai thực hiện Kế hoạch");
		fill_p(s11,
		       "Nêu các văn bản đã ban hành để triển khai Kế hoạch; việc quán triệt, phân "
		       "công, hướng dẫn, "
		       "kiểm tra, đôn đốc thực hiện.",
		       4);
		xmlNodePtr s12 = section(s1, NULL, "2",
		                         o->agency ? "Kết quả thực hiện các nhiệm vụ được giao"
		                                   : "Kết quả thực hiện các nhiệm vụ");
		tasks_into(s12, "2", &tp);
		xmlNodePtr s13 = section(s1, NULL, "3", "Kinh phí thực hiện");
		fill_p(s13,
		       "Kinh phí được giao, đã sử dụng; nguồn xã hội hóa và các nguồn hợp pháp "
		       "khác (nếu có).",
		       3);

		xmlNodePtr s2 = section(body, "evaluation", "II", "ĐÁNH GIÁ CHUNG");
		fill_p(section(s2, NULL, "1", "Ưu điểm"), "Những kết quả nổi bật, mặt làm được.",
		       4);
		fill_p(section(s2, NULL, "2", "Tồn tại, hạn chế"),
		       "Những việc chưa làm được, chậm tiến độ, chưa đạt yêu cầu.", 4);
		fill_p(section(s2, NULL, "3", "Nguyên nhân"),
		       "Nguyên nhân khách quan, chủ quan của tồn tại, hạn chế.", 4);
		char *h = xasprintf("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM %d", year + 1);
		xmlNodePtr s3 = section(body, "direction", "III", h);
		free(h);
		fill_p(s3, "Nhiệm vụ, giải pháp trọng tâm năm tới.", 5);
		fill_p(section(body, "proposals", "IV", "ĐỀ XUẤT, KIẾN NGHỊ"),
		       "Đề xuất, kiến nghị với cấp trên (nếu có).", 4);
	}

	xmlNodePtr closing = el(b.root, "closing");
	{
		char *t =
		    xasprintf("Trên đây là báo cáo kết quả thực hiện %s của %s./.", cite_year, who);
		el_text(closing, "p", t);
		free(t);
	}
	signature_for(closing, who, plan_first(plan_first(proot, "closing"), "signature"),
	              is_plan_issuer);
	xmlNodePtr recips = el(closing, "recipients");
	if (naddr)
		el_text(recips, "recipient", "Như trên;");
	el_text(recips, "recipient", "Lưu: VT.");

	{
		char *att = xasprintf("Kèm theo Báo cáo số …/%s ngày … tháng … năm %d của %s",
		                      plan_attr(plan_first(meta, "number"), "symbol"), year, who);
		if (o->agency) {
			struct units rows = {0};
			struct units *src[] = {&own, &common, &led, &joined};
			for (size_t p = 0; p < 4; p++)
				for (size_t i = 0; i < src[p]->n; i++) {
					struct unit *x = &src[p]->v[i];
					unit_add(&rows, xstrdup(x->text), xstrdup(x->lead),
					         xstrdup(x->partners), xstrdup(x->timeline),
					         x->group);
				}
			appendix(&b, &rows, att);
			units_release(&rows);
		} else if (all.n) {
			appendix(&b, &all, att);
		} else {
			/* no task table and no task: the content items are the tasks */
			struct units items = {0};
			xmlNodePtr cs[32];
			size_t nc = content_sections(plan, cs, 32);
			for (size_t i = 0; i < nc; i++) {
				xmlNodePtr stack[64];
				size_t ns = 0;
				stack[ns++] = cs[i];
				while (ns) {
					xmlNodePtr s = stack[--ns];
					xmlNodePtr kids[64];
					size_t nk = 0;
					for (xmlNodePtr c = s->children; c; c = c->next) {
						if (plan_is(c, "item"))
							unit_add(&items, own_text(c), NULL, NULL,
							         NULL, heading_of(s));
						else if (plan_is(c, "section") && nk < 64)
							kids[nk++] = c;
					}
					while (nk && ns < 64)
						stack[ns++] = kids[--nk];
				}
			}
			appendix(&b, &items, att);
			units_release(&items);
		}
		free(att);
	}
	free(cite);
	free(cite_year);
	free(title);
out:
	for (size_t i = 0; i < naddr; i++)
		free(addressees[i]);
	free(addressees);
	units_release(&own);
	units_release(&common);
	units_release(&led);
	units_release(&joined);
	units_release(&all);
	free(agency_k);
	free(who);
	route_release(&rt);
	free(issuer);
	if (diag_failed(d) && doc) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}
