/* renames.c - loading the renaming table (generate/transform/renames.tsv) and
 * finding its names in text (see renames.h).
 *
 * Owns the table's parsing and its compiled patterns: one pcre2 pattern
 * per name, built from the name as written (never a user regex, so a
 * table edit cannot break matching).  Knows nothing of plan XML. */
#include "generate/transform/renames.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/base/buf.h"
#include "extract/base/normalize.h"
#include "extract/base/paths.h"
#include "extract/base/regex.h"
#include "extract/base/vntext.h"
#include "extract/base/xalloc.h"
#include "extract/read/readers.h"

enum rn_kind { RN_RENAME, RN_AMBIGUOUS, RN_PLACE };

struct rn_line {
	enum rn_kind kind;
	char **olds; /* the alternatives as written */
	size_t nolds;
	char *to; /* new name, may hold {P}; "" for ambiguous */
	char *note;
	unsigned lineno;
};

/* One compiled name: an alternative of a line, or "tỉnh OLD" made from a
 * place line (implicit, ranked after every explicit name). */
struct rn_pat {
	pcre2_code *re;
	size_t line;  /* index into lines */
	int has_p;    /* captures {P} as group 1 */
	int implicit; /* "tỉnh OLD" -> "tỉnh NEW" from a place line */
};

struct renames {
	struct rn_line *lines;
	size_t nlines, alines;
	struct rn_pat *pats;
	size_t npats, apats;
	char *places_re; /* the {P} alternation, longest names first */
	pcre2_match_data *md;
};

/* ---- small text helpers ------------------------------------------------------ */

static int is_upper_cp(long cp)
{
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

/* Does s[0..len) hold letters and no lower-case letter? */
static int all_caps(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int letters = 0;
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
		if (c == UTF8PROC_CATEGORY_LL)
			return 0;
		if (c == UTF8PROC_CATEGORY_LU)
			letters++;
	}
	return letters > 0;
}

static char *upper(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		char tmp[4];
		buf_add(&b, tmp, (size_t)utf8_put(utf8proc_toupper((utf8proc_int32_t)cp), tmp));
	}
	return buf_detach(&b, NULL);
}

static char *trim_dup(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	return xstrndup(s, len);
}

/* ---- patterns ------------------------------------------------------------------ */

/* Append name as a pattern: spaces, hyphens, commas and "&" match
 * loosely; {P} becomes the place alternation (group 1); the first letter
 * keeps its case when it is a capital. */
static void add_name_re(struct buf *re, const char *name, const char *places, int first_strict)
{
	const unsigned char *p = (const unsigned char *)name, *end = p + strlen(name);
	int first = 1;
	while (p < end) {
		if (*p == ' ' || *p == '-' || *p == ',' || *p == '&' ||
		    (end - p >= 3 && !memcmp(p, "\xE2\x80\x93", 3))) {
			/* a run of separators */
			int dash = 0, comma = 0, amp = 0;
			while (p < end) {
				if (*p == ' ')
					p++;
				else if (*p == '-')
					dash = 1, p++;
				else if (end - p >= 3 && !memcmp(p, "\xE2\x80\x93", 3))
					dash = 1, p += 3;
				else if (*p == ',')
					comma = 1, p++;
				else if (*p == '&')
					amp = 1, p++;
				else
					break;
			}
			if (dash)
				buf_adds(re, "\\s*[-\\x{2013}]\\s*");
			else if (comma)
				buf_adds(re, "\\s*,\\s*");
			else if (amp)
				buf_adds(re, "\\s*&\\s*");
			else
				buf_adds(re, "\\s+");
			first = 0;
			continue;
		}
		if (end - p >= 3 && !memcmp(p, "{P}", 3)) {
			buf_addf(re, "(%s)", places);
			p += 3;
			first = 0;
			continue;
		}
		const unsigned char *at = p;
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		if (first && first_strict && is_upper_cp(cp)) {
			buf_adds(re, "(?-i:");
			buf_add(re, at, (size_t)(p - at));
			buf_addc(re, ')');
		} else if (cp < 0x80 && strchr("\\^$.|?*+()[]{}/#", (int)cp)) {
			buf_addc(re, '\\');
			buf_addc(re, (char)cp);
		} else {
			buf_add(re, at, (size_t)(p - at));
		}
		first = 0;
	}
}

static int compile(struct renames *r, const char *name, size_t line, int implicit, struct diag *d)
{
	struct buf re = BUF_INIT;
	buf_adds(&re, "(?<![\\p{L}\\p{N}])");
	add_name_re(&re, name, r->places_re, 1);
	buf_adds(&re, "(?![\\p{L}\\p{N}])");
	struct diag why;
	diag_init(&why, NULL);
	pcre2_code *code = regex_compile(re.ptr, re.len, PCRE2_CASELESS, &why);
	buf_release(&re);
	if (!code) {
		diag_at(d, NULL, r->lines[line].lineno);
		diag_error(d, "name '%s' cannot be matched: %s", name, why.msg);
		diag_release(&why);
		return -1;
	}
	diag_release(&why);
	r->pats = xgrow(r->pats, sizeof *r->pats, r->npats + 1, &r->apats);
	struct rn_pat *pt = &r->pats[r->npats++];
	pt->re = code;
	pt->line = line;
	pt->has_p = strstr(name, "{P}") != NULL;
	pt->implicit = implicit;
	return 0;
}

static int cmp_len_desc(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* The {P} alternation: every place name, old and new, longest first,
 * and the words "tỉnh" and "thành phố". */
static void build_places(struct renames *r)
{
	char **names = NULL;
	size_t n = 0, a = 0;
	for (size_t i = 0; i < r->nlines; i++) {
		struct rn_line *l = &r->lines[i];
		if (l->kind != RN_PLACE)
			continue;
		for (size_t k = 0; k <= l->nolds; k++) {
			names = xgrow(names, sizeof *names, n + 1, &a);
			names[n++] = k < l->nolds ? l->olds[k] : l->to;
		}
	}
	static const char *const words[] = {"tỉnh", "thành phố"};
	for (size_t k = 0; k < 2; k++) {
		names = xgrow(names, sizeof *names, n + 1, &a);
		names[n++] = (char *)words[k];
	}
	qsort(names, n, sizeof *names, cmp_len_desc);
	struct buf re = BUF_INIT;
	buf_adds(&re, "(?:");
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(names[i], names[i - 1]))
			continue;
		if (i)
			buf_addc(&re, '|');
		add_name_re(&re, names[i], "", 0);
	}
	buf_addc(&re, ')');
	free(names);
	r->places_re = buf_detach(&re, NULL);
}

/* ---- loading ------------------------------------------------------------------- */

static void line_free(struct rn_line *l)
{
	for (size_t k = 0; k < l->nolds; k++)
		free(l->olds[k]);
	free(l->olds);
	free(l->to);
	free(l->note);
}

void renames_free(struct renames *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nlines; i++)
		line_free(&r->lines[i]);
	free(r->lines);
	for (size_t i = 0; i < r->npats; i++)
		pcre2_code_free(r->pats[i].re);
	free(r->pats);
	free(r->places_re);
	pcre2_match_data_free(r->md);
	free(r);
}

size_t renames_count(const struct renames *r)
{
	return r ? r->nlines : 0;
}

/* Split "a | b | c" into trimmed alternatives. */
static void split_olds(struct rn_line *l, const char *s, size_t len)
{
	size_t alloc = 0;
	const char *end = s + len;
	while (s < end) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		const char *stop = bar ? bar : end;
		char *alt = trim_dup(s, (size_t)(stop - s));
		if (*alt) {
			l->olds = xgrow(l->olds, sizeof *l->olds, l->nolds + 1, &alloc);
			l->olds[l->nolds++] = alt;
		} else {
			free(alt);
		}
		s = bar ? bar + 1 : end;
	}
}

static int parse_line(struct renames *r, const char *s, size_t len, unsigned lineno, struct diag *d)
{
	const char *f[4] = {0};
	size_t fl[4] = {0};
	int nf = 0;
	const char *p = s, *end = s + len;
	while (nf < 4) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		f[nf] = p;
		fl[nf] = (size_t)((tab && nf < 3 ? tab : end) - p);
		nf++;
		if (!tab || nf == 4)
			break;
		p = tab + 1;
	}
	diag_at(d, NULL, lineno);
	if (nf < 3)
		return diag_error(d, "a rule needs old, new and kind separated by tabs");
	struct rn_line l = {0};
	l.lineno = lineno;
	split_olds(&l, f[0], fl[0]);
	l.to = trim_dup(f[1], fl[1]);
	char *kind = trim_dup(f[2], fl[2]);
	l.note = nf > 3 ? trim_dup(f[3], fl[3]) : xstrdup("");
	int rc = 0;
	if (!strcmp(kind, "rename"))
		l.kind = RN_RENAME;
	else if (!strcmp(kind, "ambiguous"))
		l.kind = RN_AMBIGUOUS;
	else if (!strcmp(kind, "place"))
		l.kind = RN_PLACE;
	else
		rc = diag_error(d, "unknown kind '%s' (rename, ambiguous or place)", kind);
	if (!rc && !l.nolds)
		rc = diag_error(d, "a rule without an old name");
	if (!rc && l.kind != RN_AMBIGUOUS && !*l.to)
		rc = diag_error(d, "a %s rule without a new name", kind);
	if (!rc && l.kind == RN_AMBIGUOUS && !*l.note)
		rc = diag_error(d, "an ambiguous rule needs a note for the user");
	if (!rc && strstr(l.to, "{P}")) {
		for (size_t k = 0; k < l.nolds; k++)
			if (!strstr(l.olds[k], "{P}"))
				rc =
				    diag_error(d, "{P} in the new name but not in '%s'", l.olds[k]);
	}
	if (!rc && l.kind == RN_PLACE) {
		for (size_t k = 0; k < l.nolds; k++)
			if (strstr(l.olds[k], "{P}"))
				rc = diag_error(d, "a place line cannot use {P}");
	}
	free(kind);
	if (rc) {
		line_free(&l);
		return -1;
	}
	r->lines = xgrow(r->lines, sizeof *r->lines, r->nlines + 1, &r->alines);
	r->lines[r->nlines++] = l;
	return 0;
}

struct renames *renames_parse(const char *name, const char *text, size_t len, struct diag *d)
{
	struct renames *r = xcalloc(1, sizeof *r);
	const char *p = text, *end = text + len;
	unsigned lineno = 0;
	if (utf8_valid_prefix((const unsigned char *)text, len) != len) {
		diag_error(d, "the renaming table %s is not UTF-8", name);
		goto fail;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		lineno++;
		size_t l = (size_t)(stop - p);
		if (l && p[l - 1] == '\r')
			l--;
		const char *q = p;
		while (q < p + l && (*q == ' ' || *q == '\t'))
			q++;
		if (q < p + l && *q != '#' && parse_line(r, p, l, lineno, d) < 0)
			goto fail;
		p = nl ? nl + 1 : end;
	}
	build_places(r);
	/* explicit names in file order, then "tỉnh OLD" of the places */
	for (size_t i = 0; i < r->nlines; i++) {
		struct rn_line *l = &r->lines[i];
		if (l->kind == RN_PLACE)
			continue;
		for (size_t k = 0; k < l->nolds; k++)
			if (compile(r, l->olds[k], i, 0, d) < 0)
				goto fail;
	}
	for (size_t i = 0; i < r->nlines; i++) {
		struct rn_line *l = &r->lines[i];
		if (l->kind != RN_PLACE)
			continue;
		for (size_t k = 0; k < l->nolds; k++) {
			if (!strcmp(l->olds[k], l->to))
				continue;
			char *t = xasprintf("tỉnh %s", l->olds[k]);
			int rc = compile(r, t, i, 1, d);
			free(t);
			if (rc < 0)
				goto fail;
		}
	}
	r->md = regex_match_data(8);
	diag_at(d, NULL, 0);
	return r;
fail:
	renames_free(r);
	return NULL;
}

struct renames *renames_load(const char *path, struct diag *d)
{
	char *own = NULL;
	if (!path) {
		own = soan_data_path("generate/transform/renames.tsv");
		if (!own) {
			diag_env(
			    d, "cannot find soan's renaming table generate/transform/renames.tsv");
			return NULL;
		}
		path = own;
	}
	unsigned char *data = NULL;
	size_t len = 0;
	struct renames *r = NULL;
	const char *keep = d->file;
	d->file = path;
	if (load_file(path, &data, &len, d) == 0)
		r = renames_parse(path, (const char *)data, len, d);
	else if (d->kind == DIAG_INPUT)
		d->kind = DIAG_ENVIRONMENT;
	if (r)
		d->file = keep;
	free(data);
	free(own);
	return r;
}

/* ---- finding ------------------------------------------------------------------- */

struct cand {
	size_t s, e;
	size_t pat;
	size_t ps, pe; /* the {P} group, when any */
};

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;
	return x->pat < y->pat ? -1 : x->pat > y->pat ? 1 : 0;
}

/* The place line whose name (old or new) is s[0..len), by agency key. */
static const struct rn_line *place_of(const struct renames *r, const char *s, size_t len)
{
	char *tmp = xstrndup(s, len);
	char *k = agency_key(tmp);
	free(tmp);
	const struct rn_line *hit = NULL;
	for (size_t i = 0; i < r->nlines && !hit; i++) {
		const struct rn_line *l = &r->lines[i];
		if (l->kind != RN_PLACE)
			continue;
		for (size_t j = 0; j <= l->nolds && !hit; j++) {
			char *kk = agency_key(j < l->nolds ? l->olds[j] : l->to);
			if (!strcmp(kk, k))
				hit = l;
			free(kk);
		}
	}
	free(k);
	return hit;
}

/* The replacement text of candidate c, or NULL for an ambiguous line. */
static char *replacement(const struct renames *r, const struct cand *c, const char *s)
{
	const struct rn_pat *pt = &r->pats[c->pat];
	const struct rn_line *l = &r->lines[pt->line];
	if (l->kind == RN_AMBIGUOUS)
		return NULL;
	struct buf b = BUF_INIT;
	if (pt->implicit) {
		/* "tỉnh OLD": keep the matched "tỉnh" as written */
		const char *sp = memchr(s + c->s, ' ', c->e - c->s);
		size_t wl = sp ? (size_t)(sp - (s + c->s)) : 0;
		buf_add(&b, s + c->s, wl);
		buf_addc(&b, ' ');
		buf_adds(&b, l->to);
	} else {
		const char *to = l->to;
		const char *ph = strstr(to, "{P}");
		if (ph && pt->has_p) {
			const struct rn_line *pl = place_of(r, s + c->ps, c->pe - c->ps);
			buf_add(&b, to, (size_t)(ph - to));
			if (pl)
				buf_adds(&b, pl->to);
			else /* "tỉnh", "thành phố": kept as written */
				buf_add(&b, s + c->ps, c->pe - c->ps);
			buf_adds(&b, ph + 3);
		} else {
			buf_adds(&b, to);
		}
	}
	char *out = buf_detach(&b, NULL);
	if (all_caps(s + c->s, c->e - c->s)) {
		char *up = upper(out);
		free(out);
		out = up;
	}
	return out;
}

/* Did candidate c match {P} with "tỉnh" or "thành phố" rather than a
 * place's name? */
static int generic_place(const struct cand *c, const char *s)
{
	if (c->pe <= c->ps)
		return 0;
	char *low = text_lower(s + c->ps, c->pe - c->ps);
	int g = !strcmp(low, "tỉnh") || !strcmp(low, "thành phố");
	free(low);
	return g;
}

/* Are a and b names of one new body, side by side in a list ("X, Y",
 * "X; Y", "X và Y")? */
static char *replacement(const struct renames *r, const struct cand *c, const char *s);

static int mergeable(const struct renames *r, const struct cand *a, const struct cand *b,
                     const char *s)
{
	const struct rn_pat *pa = &r->pats[a->pat], *pb = &r->pats[b->pat];
	const struct rn_line *la = &r->lines[pa->line], *lb = &r->lines[pb->line];
	if (la->kind != RN_RENAME || lb->kind != RN_RENAME || pa->implicit || pb->implicit)
		return 0;
	/* the same new body: the same new name, or the same name where one
	 * of them says only "tỉnh" ("Báo Hà Tĩnh, Đài PT&TH tỉnh") */
	int same;
	if (strcmp(la->to, lb->to))
		same = 0;
	else if (pa->has_p && pb->has_p && (generic_place(a, s) || generic_place(b, s)))
		same = 1;
	else {
		char *ta = replacement(r, a, s), *tb = replacement(r, b, s);
		same = ta && tb && !strcmp(ta, tb);
		free(ta);
		free(tb);
	}
	if (!same)
		return 0;
	const char *p = s + a->e, *end = s + b->s;
	while (p < end && (*p == ' ' || *p == ',' || *p == ';'))
		p++;
	if (end - p >= 3 && !memcmp(p, "và", strlen("và")) && (size_t)(end - p) >= strlen("và"))
		p += strlen("và");
	while (p < end && *p == ' ')
		p++;
	return p == end;
}

size_t renames_find(const struct renames *r, const char *s, size_t len, struct rename_hits *out)
{
	if (!r || !len)
		return 0;
	struct cand *cs = NULL;
	size_t nc = 0, ac = 0;
	for (size_t i = 0; i < r->npats; i++) {
		size_t at = 0;
		while (at < len) {
			int rc = pcre2_match(r->pats[i].re, (PCRE2_SPTR)s, len, at, 0, r->md, NULL);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
			if (ov[1] == ov[0]) {
				at = ov[1] + 1;
				continue;
			}
			cs = xgrow(cs, sizeof *cs, nc + 1, &ac);
			struct cand *c = &cs[nc++];
			c->s = ov[0];
			c->e = ov[1];
			c->pat = i;
			c->ps = c->pe = 0;
			if (r->pats[i].has_p && rc > 1 && ov[2] != PCRE2_UNSET) {
				c->ps = ov[2];
				c->pe = ov[3];
			}
			at = ov[1];
		}
	}
	if (nc)
		qsort(cs, nc, sizeof *cs, cand_cmp);
	/* keep the longest at each place, left to right */
	size_t k = 0, last = 0;
	for (size_t i = 0; i < nc; i++) {
		if (cs[i].s < last)
			continue;
		last = cs[i].e;
		cs[k++] = cs[i];
	}
	nc = k;
	/* two bodies that became one ("Báo Hà Tĩnh, Đài PT&TH tỉnh"): one name */
	k = 0;
	for (size_t i = 0; i < nc; i++) {
		if (k && mergeable(r, &cs[k - 1], &cs[i], s)) {
			struct cand *p = &cs[k - 1];
			if (generic_place(p, s) && !generic_place(&cs[i], s)) {
				p->pat = cs[i].pat;
				p->ps = cs[i].ps;
				p->pe = cs[i].pe;
			}
			p->e = cs[i].e;
			continue;
		}
		cs[k++] = cs[i];
	}
	nc = k;
	size_t added = 0;
	for (size_t i = 0; i < nc; i++) {
		const struct rn_line *l = &r->lines[r->pats[cs[i].pat].line];
		char *text = replacement(r, &cs[i], s);
		if (text && strlen(text) == cs[i].e - cs[i].s &&
		    !memcmp(text, s + cs[i].s, cs[i].e - cs[i].s)) {
			free(text); /* already the current name */
			continue;
		}
		out->v = xgrow(out->v, sizeof *out->v, out->n + 1, &out->alloc);
		struct rename_hit *h = &out->v[out->n++];
		h->start = cs[i].s;
		h->end = cs[i].e;
		h->text = text;
		h->note = l->note;
		h->ambiguous = l->kind == RN_AMBIGUOUS;
		added++;
	}
	free(cs);
	return added;
}

void rename_hits_release(struct rename_hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].text);
	free(h->v);
	h->v = NULL;
	h->n = h->alloc = 0;
}

const char *renames_place(const struct renames *r, const char *name, const char **note)
{
	if (!r || !name)
		return NULL;
	const struct rn_line *l = place_of(r, name, strlen(name));
	if (!l)
		return NULL;
	char *a = agency_key(name), *b = agency_key(l->to);
	int same = !strcmp(a, b);
	free(a);
	free(b);
	if (same)
		return NULL;
	if (note)
		*note = l->note;
	return l->to;
}
