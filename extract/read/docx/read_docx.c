/* read_docx.c - DOCX (and .docm, .dotx, strict OOXML) to blocks.
 *
 * Owns: finding the main part through _rels/.rels and [Content_Types].xml,
 * the parts it points at (styles, numbering, footnotes, endnotes), and the
 * walk of the body into blocks as a reader sees the document in Word:
 *  - text from w:t only, across split runs, hyperlinks, smart tags,
 *    content controls, custom XML, bidi wrappers; w:tab, w:br, w:cr, w:sym,
 *    non-breaking hyphens; hidden (w:vanish) text left out;
 *  - fields show their result (w:fldSimple content; for w:fldChar fields
 *    the runs between "separate" and "end"), never their code;
 *  - tracked changes read as accepted: w:ins and w:moveTo kept, w:del and
 *    w:moveFrom dropped, a deleted paragraph mark joins the paragraph to
 *    the next, deleted rows and cells dropped;
 *  - mc:AlternateContent through its readable branch (docx_elem_first);
 *  - drawings and VML shapes contribute only the paragraphs of their text
 *    boxes (w:txbxContent), appended after the anchoring paragraph; shape
 *    geometry and names never reach the text;
 *  - Word numbering rendered into block->label (BF_AUTO_LABEL), the text
 *    keeping only what is typed;
 *  - formatting hints: BF_BOLD / BF_ITALIC / BF_CAPS when all visible text
 *    has it, BF_BOLD_START when bold opens a paragraph that is not all
 *    bold; w:caps text is given in capitals, as displayed; alignment,
 *    outline level (block->level = level + 1), heading styles, left indent;
 *  - page breaks (w:br type="page", pageBreakBefore, section breaks that
 *    start a new page) as BF_PAGE_BREAK on the next block; a page break in
 *    the middle of a paragraph splits it there; paragraphs and tables in
 *    landscape sections get BF_LANDSCAPE;
 *  - tables with colspan (w:gridSpan, legacy w:hMerge), vertical merges
 *    (w:vMerge: rowspan on the first cell, merged placeholders below),
 *    w:gridBefore columns left out (no cell), header rows, nested tables
 *    (LIMIT_TABLE_NESTING), BF_BORDERLESS when no border is drawn;
 *  - footnotes and endnotes as BLOCK_NOTE right after their paragraph,
 *    the reference mark itself left out.
 * Headers, footers and comments are not body text and are never read.
 * Empty paragraphs give no block.  Every part is parsed by xmlsafe, every
 * zip entry inflated by zipsafe.  It does not interpret the document. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "extract/base/limits.h"
#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"
#include "extract/base/xmlsafe.h"
#include "extract/base/zipsafe.h"
#include "extract/read/docx/docx.h"
#include "extract/read/encoding.h"
#include "extract/read/readers.h"

enum { NOTE_FOOT = 0, NOTE_END = 1 };

struct note_ref {
	int kind;
	long id;
};

/* A paragraph being built. */
struct para {
	struct buf text;
	unsigned nvis, nbold, nital, ncaps;
	int first_bold; /* -1: no visible character yet */
	unsigned flags;
	char *label;
	int align, level, indent;
	unsigned line;
	int drop_mark; /* w:customMarkFollows: the next text is the note mark */
	const struct docx_style *pstyle;
	struct note_ref *notes;
	size_t nnotes, anotes;
	struct blocks extra; /* paragraphs of text boxes anchored here */
};

struct note_index {
	long id;
	xmlNode *node;
};

struct notes {
	int tried;
	char *part;
	xmlDocPtr doc;
	struct note_index *v;
	size_t n;
};

/* What belongs to one story (body, a text box, a note) and must not leak
 * from one into another. */
struct story {
	unsigned char fld[LIMIT_DOCX_FIELD_NESTING]; /* 1: in the field's code */
	unsigned nfld, fld_code, fld_lost;
	unsigned pending; /* flags for the next block */
	struct para *carry;
	const struct docx_style *tstyle;
};

struct rd {
	struct diag *d;
	struct zipsafe *z;
	struct docx_ns ns;
	const char *part; /* the main part, for messages */
	struct docx_styles st;
	char *num_part;
	int num_tried;
	struct docx_numbering *num;
	struct notes notes[2];
	unsigned para_no;
	unsigned depth, tables, boxes;
	int in_note;
	struct story s;
	struct blocks *top;
	size_t sect_first;
	unsigned nsect;
};

static int fail(struct rd *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct rd *rd, const char *fmt, ...)
{
	if (!diag_failed(rd->d))
		diag_at(rd->d, rd->part, rd->para_no);
	va_list ap;
	va_start(ap, fmt);
	int r = diag_verror(rd->d, DIAG_INPUT, fmt, ap);
	va_end(ap);
	return r;
}

/* ---- the package: relationships and content types -------------------------------- */

/* Resolve a relationship target against the folder of its source part
 * ("" for the package root): absolute targets, "." and "..", %XX. */
static char *resolve_target(const char *dir, const char *target)
{
	struct buf in = BUF_INIT, out = BUF_INIT;
	if (target[0] != '/')
		buf_adds(&in, dir);
	for (const char *p = target[0] == '/' ? target + 1 : target; *p; p++) {
		if (p[0] == '%' && p[1] && p[2]) {
			char hex[3] = {p[1], p[2], 0};
			char *end;
			long v = strtol(hex, &end, 16);
			if (!*end && v > 0) {
				buf_addc(&in, (char)v);
				p += 2;
				continue;
			}
		}
		buf_addc(&in, *p == '\\' ? '/' : *p);
	}
	/* segment by segment */
	const char *p = in.ptr;
	while (*p) {
		const char *s = p;
		while (*p && *p != '/')
			p++;
		size_t l = (size_t)(p - s);
		if (l == 0 || (l == 1 && s[0] == '.')) {
			/* skip */
		} else if (l == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = out.len ? strrchr(out.ptr, '/') : NULL;
			buf_setlen(&out, slash ? (size_t)(slash - out.ptr) : 0);
		} else {
			if (out.len)
				buf_addc(&out, '/');
			buf_add(&out, s, l);
		}
		if (*p)
			p++;
	}
	buf_release(&in);
	return buf_detach(&out, NULL);
}

static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	return slash ? xstrndup(part, (size_t)(slash - part + 1)) : xstrdup("");
}

/* Read and parse a part; 1 with *doc, 0 when absent, -1 on error. */
static int load_part(struct rd *rd, const char *name, int keep_blanks, xmlDocPtr *doc)
{
	char *data;
	size_t len;
	*doc = NULL;
	int r = zipsafe_read(rd->z, name, &data, &len, rd->d);
	if (r <= 0)
		return r;
	*doc = xmlsafe_parse(name, data, len, keep_blanks, rd->d);
	free(data);
	return *doc ? 1 : -1;
}

/* From the relationships part rels (of a source in folder dir), the
 * targets whose type ends in "/" + types[i]. */
static int read_rels(struct rd *rd, const char *rels, const char *dir, const char *const *types,
                     char **targets, size_t ntypes)
{
	xmlDocPtr doc;
	int r = load_part(rd, rels, 0, &doc);
	if (r <= 0)
		return r;
	xmlNode *root = xmlDocGetRootElement(doc);
	for (xmlNode *k = root ? root->children : NULL; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "Relationship"))
			continue;
		const char *type = docx_attr(k, "Type"), *target = docx_attr(k, "Target");
		const char *mode = docx_attr(k, "TargetMode");
		if (!type || !target || !*target || (mode && !strcasecmp(mode, "External")))
			continue;
		const char *suffix = strrchr(type, '/');
		suffix = suffix ? suffix + 1 : type;
		for (size_t i = 0; i < ntypes; i++)
			if (!targets[i] && !strcmp(suffix, types[i]))
				targets[i] = resolve_target(dir, target);
	}
	xmlFreeDoc(doc);
	return 1;
}

/* The content type [Content_Types].xml gives part, or NULL (malloc'd). */
static char *content_type(xmlDocPtr ct, const char *part)
{
	xmlNode *root = ct ? xmlDocGetRootElement(ct) : NULL;
	const char *ext = strrchr(part, '.');
	const char *by_ext = NULL;
	for (xmlNode *k = root ? root->children : NULL; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)k->name, "Override")) {
			const char *pn = docx_attr(k, "PartName");
			if (!pn)
				continue;
			char *name = resolve_target("", pn); /* part names are %-encoded */
			int same = !strcasecmp(name, part);
			free(name);
			if (same)
				return xstrdup(
				    docx_attr(k, "ContentType") ? docx_attr(k, "ContentType") : "");
		} else if (!strcmp((const char *)k->name, "Default") && ext) {
			const char *e = docx_attr(k, "Extension");
			if (e && !strcasecmp(e, ext + 1))
				by_ext = docx_attr(k, "ContentType");
		}
	}
	return by_ext ? xstrdup(by_ext) : NULL;
}

static int is_word_main(const char *ct)
{
	size_t l = strlen(ct);
	return l > 8 && !strcmp(ct + l - 8, "main+xml") &&
	       (strstr(ct, "wordprocessingml") || strstr(ct, "ms-word"));
}

/* What a zip that is not a Word document probably is, for the message. */
static int not_word(struct rd *rd, const char *ct)
{
	if (ct && strstr(ct, "spreadsheetml"))
		return fail(rd, "an Excel workbook, not a Word document");
	if (ct && strstr(ct, "presentationml"))
		return fail(rd, "a PowerPoint presentation, not a Word document");
	if (ct && *ct)
		return fail(rd, "not a Word document: its main part is '%s'", ct);
	return fail(rd, "not a Word document: the zip has no Word main part");
}

/* Find the main document part: the officeDocument relationship of the
 * package, checked against its content type; without _rels/.rels, an
 * Override with a Word main content type. */
static int find_main(struct rd *rd, char **main)
{
	static const char *const types[] = {"officeDocument"};
	char *target = NULL, *ct = NULL;
	xmlDocPtr cts = NULL;
	int rc = -1;
	*main = NULL;
	if (load_part(rd, "[Content_Types].xml", 0, &cts) < 0)
		goto out;
	if (read_rels(rd, "_rels/.rels", "", types, &target, 1) < 0)
		goto out;
	if (!target && cts) {
		xmlNode *root = xmlDocGetRootElement(cts);
		for (xmlNode *k = root ? root->children : NULL; k && !target; k = k->next) {
			const char *c =
			    k->type == XML_ELEMENT_NODE ? docx_attr(k, "ContentType") : NULL;
			const char *pn = docx_attr(k, "PartName");
			if (c && pn && is_word_main(c))
				target = resolve_target("", pn);
		}
	}
	if (!target) {
		char *mime = NULL;
		size_t ml;
		if (zipsafe_read(rd->z, "mimetype", &mime, &ml, rd->d) > 0 &&
		    !strncmp(mime, "application/vnd.oasis.opendocument", 34)) {
			rc = fail(rd,
			          "an OpenDocument file (%s), not DOCX; convert it with: "
			          "soffice --headless --convert-to docx",
			          mime);
			free(mime);
			goto out;
		}
		free(mime);
		if (!diag_failed(rd->d))
			rc = not_word(rd, NULL);
		goto out;
	}
	ct = content_type(cts, target);
	if (ct && !is_word_main(ct)) {
		rc = not_word(rd, ct);
		goto out;
	}
	*main = target;
	target = NULL;
	rc = 0;
out:
	free(target);
	free(ct);
	if (cts)
		xmlFreeDoc(cts);
	return rc;
}

/* ---- notes ------------------------------------------------------------------------- */

static int cmp_note(const void *x, const void *y)
{
	const struct note_index *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

static xmlNode *find_note(struct rd *rd, int kind, long id)
{
	struct notes *ns = &rd->notes[kind];
	if (!ns->tried) {
		ns->tried = 1;
		if (ns->part && load_part(rd, ns->part, 1, &ns->doc) < 0)
			return NULL;
		xmlNode *root = ns->doc ? xmlDocGetRootElement(ns->doc) : NULL;
		size_t alloc = 0;
		const char *want = kind == NOTE_FOOT ? "footnote" : "endnote";
		for (xmlNode *k = root ? root->children : NULL; k; k = k->next) {
			if (!docx_is(&rd->ns, k, want))
				continue;
			const char *t = docx_attr(k, "type");
			if (t && strcmp(t, "normal"))
				continue; /* separators */
			ns->v = xgrow(ns->v, sizeof *ns->v, ns->n + 1, &alloc);
			ns->v[ns->n].id = docx_long(docx_attr(k, "id"), -1);
			ns->v[ns->n++].node = k;
		}
		if (ns->n)
			qsort(ns->v, ns->n, sizeof *ns->v, cmp_note);
	}
	struct note_index key = {id, NULL};
	struct note_index *hit =
	    ns->n ? bsearch(&key, ns->v, ns->n, sizeof *ns->v, cmp_note) : NULL;
	return hit ? hit->node : NULL;
}

/* ---- building paragraphs ------------------------------------------------------------ */

static void para_init(struct para *pb)
{
	memset(pb, 0, sizeof *pb);
	buf_init(&pb->text);
	pb->first_bold = -1;
	blocks_init(&pb->extra);
}

static void para_release(struct para *pb)
{
	buf_release(&pb->text);
	free(pb->label);
	free(pb->notes);
	blocks_release(&pb->extra);
}

static int blank_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int has_visible(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (blank_byte(c))
			continue;
		if (c == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
			i++;
			continue;
		}
		return 1;
	}
	return 0;
}

/* Move every block of from to the end of to. */
static void blocks_move(struct blocks *to, struct blocks *from)
{
	if (!from->n)
		return;
	to->v = xgrow(to->v, sizeof *to->v, to->n + from->n, &to->alloc);
	memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
	to->n += from->n;
	free(from->v);
	blocks_init(from);
}

static struct block *add_block(struct rd *rd, struct blocks *out, const char *text, size_t len)
{
	if (out->n >= LIMIT_BLOCKS) {
		fail(rd, "too many paragraphs (limit %d, LIMIT_BLOCKS)", LIMIT_BLOCKS);
		return NULL;
	}
	struct block *b = blocks_add_para(out, text, len);
	b->flags |= rd->s.pending;
	rd->s.pending = 0;
	return b;
}

/* Turn what pb holds into a block in out (nothing when it has no visible
 * text and no label: its page break waits for the next block). */
static int para_emit(struct rd *rd, struct para *pb, struct blocks *out)
{
	int rc = 0;
	if (pb->text.len > LIMIT_PARAGRAPH_BYTES)
		return fail(rd, "paragraph too long: %zu bytes (limit %u, LIMIT_PARAGRAPH_BYTES)",
		            pb->text.len, LIMIT_PARAGRAPH_BYTES);
	if (!has_visible(pb->text.ptr, pb->text.len) && !pb->label) {
		rd->s.pending |= pb->flags & BF_PAGE_BREAK;
	} else {
		struct block *b = add_block(rd, out, pb->text.ptr, pb->text.len);
		if (!b)
			return -1;
		b->label = pb->label;
		pb->label = NULL;
		b->flags |= pb->flags;
		if (b->label)
			b->flags |= BF_AUTO_LABEL;
		if (pb->nvis) {
			if (pb->nbold == pb->nvis)
				b->flags |= BF_BOLD;
			else if (pb->first_bold > 0)
				b->flags |= BF_BOLD_START;
			if (pb->nital == pb->nvis)
				b->flags |= BF_ITALIC;
			if (pb->ncaps == pb->nvis)
				b->flags |= BF_CAPS;
		}
		if (pb->pstyle && pb->pstyle->heading)
			b->flags |= BF_HEADING_STYLE;
		b->align = (enum block_align)pb->align;
		b->level = pb->level;
		b->indent = pb->indent;
		b->line = pb->line;
	}
	buf_reset(&pb->text);
	pb->nvis = pb->nbold = pb->nital = pb->ncaps = 0;
	pb->first_bold = -1;
	pb->flags = 0;
	return rc;
}

static int hidden(const struct rd *rd)
{
	return rd->s.fld_code > 0;
}

/* Count the visible characters just appended at from. */
static void count(struct para *pb, size_t from, const struct docx_rpr *r)
{
	unsigned n = 0;
	for (size_t i = from; i < pb->text.len; i++) {
		unsigned char c = (unsigned char)pb->text.ptr[i];
		if ((c & 0xC0) != 0x80 && !blank_byte(c))
			n++;
	}
	if (!n)
		return;
	if (pb->first_bold < 0)
		pb->first_bold = r->b > 0;
	pb->nvis += n;
	if (r->b > 0)
		pb->nbold += n;
	if (r->i > 0)
		pb->nital += n;
	if (r->caps > 0)
		pb->ncaps += n;
}

static void upper_from(struct para *pb, size_t from)
{
	struct buf up = BUF_INIT;
	const unsigned char *p = (const unsigned char *)pb->text.ptr + from;
	const unsigned char *end = (const unsigned char *)pb->text.ptr + pb->text.len;
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		char tmp[4];
		buf_add(&up, tmp, (size_t)utf8_put(utf8proc_toupper((utf8proc_int32_t)cp), tmp));
	}
	buf_setlen(&pb->text, from);
	buf_add(&pb->text, up.ptr, up.len);
	buf_release(&up);
}

/* Text of a run as displayed: legacy 8-bit fonts converted, symbol fonts
 * mapped, w:caps in capitals. */
static void add_text(struct rd *rd, struct para *pb, const struct docx_rpr *r, const char *s,
                     size_t len)
{
	if (hidden(rd) || r->vanish > 0 || !len)
		return;
	if (pb->drop_mark) {
		pb->drop_mark = 0;
		return;
	}
	size_t from = pb->text.len;
	if (r->font && *r->font && docx_font_is_symbol(r->font))
		docx_symbol_text(&pb->text, r->font, s, len);
	else if (!(r->font && *r->font && encoding_font_text(r->font, s, len, &pb->text)))
		buf_add(&pb->text, s, len);
	if (r->caps > 0)
		upper_from(pb, from);
	count(pb, from, r);
}

static void add_raw(struct rd *rd, struct para *pb, const struct docx_rpr *r, const char *s)
{
	if (hidden(rd) || r->vanish > 0)
		return;
	size_t from = pb->text.len;
	buf_adds(&pb->text, s);
	count(pb, from, r);
}

/* ---- fields ------------------------------------------------------------------------ */

static void field_char(struct rd *rd, const xmlNode *fc)
{
	struct story *s = &rd->s;
	const char *t = docx_attr(fc, "fldCharType");
	if (!t)
		return;
	if (!strcmp(t, "begin")) {
		if (s->nfld >= LIMIT_DOCX_FIELD_NESTING) {
			s->fld_lost++; /* too deep: counted, not tracked */
			return;
		}
		s->fld[s->nfld++] = 1;
		s->fld_code++;
	} else if (!strcmp(t, "separate")) {
		if (s->fld_lost || !s->nfld)
			return;
		if (s->fld[s->nfld - 1]) {
			s->fld[s->nfld - 1] = 0;
			s->fld_code--;
		}
	} else if (!strcmp(t, "end")) {
		if (s->fld_lost) {
			s->fld_lost--;
			return;
		}
		if (!s->nfld)
			return;
		if (s->fld[--s->nfld])
			s->fld_code--;
	}
}

/* ---- the walk ----------------------------------------------------------------------- */

static int container(struct rd *rd, xmlNode *parent, struct blocks *out);
static int inlines(struct rd *rd, struct para *pb, xmlNode *parent, struct blocks *out);

static void story_enter(struct rd *rd, struct story *saved)
{
	*saved = rd->s;
	memset(&rd->s, 0, sizeof rd->s);
}

static void story_leave(struct rd *rd, struct story *saved)
{
	if (rd->s.carry) { /* a dangling deleted paragraph mark: drop what it held */
		para_release(rd->s.carry);
		free(rd->s.carry);
	}
	rd->s = *saved;
}

/* The paragraphs of every text box inside a drawing or VML shape. */
static int textboxes(struct rd *rd, struct para *pb, xmlNode *n)
{
	for (xmlNode *k = docx_elem_first(n); k; k = docx_elem_next(n, k)) {
		if (docx_is(&rd->ns, k, "txbxContent")) {
			if (rd->boxes >= LIMIT_DOCX_TEXTBOX_NESTING)
				return fail(rd,
				            "text boxes nested too deep (limit %d, "
				            "LIMIT_DOCX_TEXTBOX_NESTING)",
				            LIMIT_DOCX_TEXTBOX_NESTING);
			struct story saved;
			story_enter(rd, &saved);
			rd->boxes++;
			int r = container(rd, k, &pb->extra);
			rd->boxes--;
			story_leave(rd, &saved);
			if (r < 0)
				return -1;
			continue;
		}
		if (textboxes(rd, pb, k) < 0)
			return -1;
	}
	return 0;
}

static int run_children(struct rd *rd, struct para *pb, xmlNode *run, const struct docx_rpr *r,
                        struct blocks *out);

static int page_break(struct rd *rd, struct para *pb, struct blocks *out)
{
	if (hidden(rd))
		return 0;
	if (has_visible(pb->text.ptr, pb->text.len)) {
		/* the rest of the paragraph is on the next page: split */
		if (para_emit(rd, pb, out) < 0)
			return -1;
	}
	pb->flags |= BF_PAGE_BREAK;
	return 0;
}

static int run_child(struct rd *rd, struct para *pb, xmlNode *k, const struct docx_rpr *r,
                     struct blocks *out)
{
	if (!docx_w(&rd->ns, k))
		return 0;
	const char *n = (const char *)k->name;
	switch (n[0]) {
	case 't':
		if (!n[1]) {
			xmlNode *c = k->children;
			if (c && c->type == XML_TEXT_NODE && !c->next && c->content)
				add_text(rd, pb, r, (const char *)c->content,
				         strlen((const char *)c->content));
			else if (c) {
				xmlChar *s = xmlNodeGetContent(k);
				if (s)
					add_text(rd, pb, r, (const char *)s,
					         strlen((const char *)s));
				xmlFree(s);
			}
		} else if (!strcmp(n, "tab")) {
			add_raw(rd, pb, r, "\t");
		}
		break;
	case 'b':
		if (!strcmp(n, "br")) {
			const char *type = docx_attr(k, "type");
			if (type && !strcmp(type, "page"))
				return page_break(rd, pb, out);
			add_raw(rd, pb, r, "\n");
		}
		break;
	case 'c':
		if (!strcmp(n, "cr"))
			add_raw(rd, pb, r, "\n");
		break;
	case 'p':
		if (!strcmp(n, "ptab"))
			add_raw(rd, pb, r, "\t");
		else if (!strcmp(n, "pict"))
			return hidden(rd) ? 0 : textboxes(rd, pb, k);
		break;
	case 's':
		if (!strcmp(n, "sym")) {
			long cp =
			    strtol(docx_attr(k, "char") ? docx_attr(k, "char") : "", NULL, 16);
			if (cp > 0 && cp < 0x110000) {
				char tmp[5] = {0};
				tmp[utf8_put(docx_symbol(docx_attr(k, "font"), cp), tmp)] = '\0';
				struct docx_rpr plain = *r;
				plain.font = NULL;
				add_text(rd, pb, &plain, tmp, strlen(tmp));
			}
		} else if (!strcmp(n, "softHyphen")) {
			/* invisible unless the line breaks there */
		}
		break;
	case 'n':
		if (!strcmp(n, "noBreakHyphen"))
			add_raw(rd, pb, r, "-");
		break;
	case 'f':
		if (!strcmp(n, "fldChar"))
			field_char(rd, k);
		else if (!strcmp(n, "footnoteReference"))
			goto note;
		break;
	case 'e':
		if (!strcmp(n, "endnoteReference"))
			goto note;
		break;
	case 'd':
		if (!strcmp(n, "drawing"))
			return hidden(rd) ? 0 : textboxes(rd, pb, k);
		break;
	}
	return 0;
note:
	if (hidden(rd) || r->vanish > 0 || rd->in_note)
		return 0;
	pb->notes = xgrow(pb->notes, sizeof *pb->notes, pb->nnotes + 1, &pb->anotes);
	pb->notes[pb->nnotes].kind = n[0] == 'f' ? NOTE_FOOT : NOTE_END;
	pb->notes[pb->nnotes++].id = docx_long(docx_attr(k, "id"), -1);
	{
		const char *cm = docx_attr(k, "customMarkFollows");
		if (cm && (!strcmp(cm, "1") || !strcasecmp(cm, "true") || !strcasecmp(cm, "on")))
			pb->drop_mark = 1;
	}
	return 0;
}

static int run_children(struct rd *rd, struct para *pb, xmlNode *run, const struct docx_rpr *r,
                        struct blocks *out)
{
	for (xmlNode *k = docx_elem_first(run); k; k = docx_elem_next(run, k))
		if (run_child(rd, pb, k, r, out) < 0)
			return -1;
	return 0;
}

static int run(struct rd *rd, struct para *pb, xmlNode *r, struct blocks *out)
{
	struct docx_rpr direct, eff;
	docx_rpr_init(&direct);
	const char *rstyle = NULL;
	xmlNode *rpr = r->children;
	while (rpr && rpr->type != XML_ELEMENT_NODE)
		rpr = rpr->next;
	if (rpr && docx_is(&rd->ns, rpr, "rPr")) {
		docx_rpr_read(&rd->ns, &direct, rpr);
		xmlNode *rs = docx_child(&rd->ns, rpr, "rStyle");
		if (rs)
			rstyle = docx_attr(rs, "val");
	}
	const struct docx_style *cs = rstyle ? docx_style(&rd->st, rstyle, DOCX_STYLE_CHAR) : NULL;
	docx_effective_rpr(&rd->st, rd->s.tstyle, pb->pstyle, cs, &direct, &eff);
	return run_children(rd, pb, r, &eff, out);
}

static int inlines(struct rd *rd, struct para *pb, xmlNode *parent, struct blocks *out)
{
	if (++rd->depth > LIMIT_XML_DEPTH)
		return fail(rd, "document nested too deep (limit %d, LIMIT_XML_DEPTH)",
		            LIMIT_XML_DEPTH);
	int rc = 0;
	for (xmlNode *k = docx_elem_first(parent); k && rc == 0; k = docx_elem_next(parent, k)) {
		if (!docx_w(&rd->ns, k))
			continue;
		const char *n = (const char *)k->name;
		if (!strcmp(n, "r"))
			rc = run(rd, pb, k, out);
		else if (!strcmp(n, "del") || !strcmp(n, "moveFrom") || !strcmp(n, "pPr"))
			continue; /* deleted text; properties */
		else if (!strcmp(n, "sdt")) {
			xmlNode *c = docx_child(&rd->ns, k, "sdtContent");
			if (c)
				rc = inlines(rd, pb, c, out);
		} else if (k->children)
			rc = inlines(rd, pb, k,
			             out); /* hyperlink, smartTag, ins, moveTo, fldSimple, ... */
	}
	rd->depth--;
	return rc;
}

/* The numbering label of a paragraph, if it has one. */
static void para_label(struct rd *rd, struct para *pb, const struct docx_ppr *direct,
                       const char *style_id)
{
	const struct docx_ppr *sp = pb->pstyle ? &pb->pstyle->p : NULL;
	int num_id = direct->num_id != DOCX_UNSET     ? direct->num_id
	             : sp && sp->num_id != DOCX_UNSET ? sp->num_id
	                                              : 0;
	if (num_id <= 0)
		return;
	if (!rd->num_tried) {
		rd->num_tried = 1;
		xmlDocPtr doc = NULL;
		if (rd->num_part && load_part(rd, rd->num_part, 0, &doc) < 0)
			return;
		if (docx_numbering_load(&rd->num, doc, &rd->st, rd->d) < 0)
			return;
	}
	if (!rd->num)
		return;
	int ilvl;
	if (direct->ilvl != DOCX_UNSET)
		ilvl = direct->ilvl;
	else if (direct->num_id == DOCX_UNSET && sp && sp->ilvl != DOCX_UNSET)
		ilvl = sp->ilvl;
	else if (direct->num_id == DOCX_UNSET)
		ilvl = docx_numbering_style_level(rd->num, num_id, style_id);
	else
		ilvl = 0;
	struct buf label = BUF_INIT;
	if (docx_numbering_next(rd->num, num_id, ilvl, &label) && has_visible(label.ptr, label.len))
		pb->label = buf_detach(&label, NULL);
	buf_release(&label);
}

static int note_block(struct rd *rd, const struct note_ref *nr, struct blocks *out)
{
	xmlNode *node = find_note(rd, nr->kind, nr->id);
	if (!node)
		return diag_failed(rd->d) ? -1 : 0;
	struct story saved;
	struct blocks tmp = BLOCKS_INIT;
	story_enter(rd, &saved);
	rd->in_note = 1;
	int r = container(rd, node, &tmp);
	rd->in_note = 0;
	story_leave(rd, &saved);
	if (r == 0) {
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < tmp.n; i++) {
			const struct block *t = &tmp.v[i];
			if (t->kind != BLOCK_PARA)
				continue;
			if (b.len)
				buf_addc(&b, '\n');
			if (t->label) {
				buf_adds(&b, t->label);
				buf_addc(&b, ' ');
			}
			buf_adds(&b, t->text);
		}
		/* the note's own mark is left out like the one in the body; so
		 * are the brackets typed around it, "(1) Text" */
		size_t skip = 0;
		while (skip < b.len && b.ptr[skip] == ' ')
			skip++;
		if (skip + 1 < b.len && ((b.ptr[skip] == '(' && b.ptr[skip + 1] == ')') ||
		                         (b.ptr[skip] == '[' && b.ptr[skip + 1] == ']')))
			skip += 2;
		else
			skip = 0;
		if (has_visible(b.ptr + skip, b.len - skip))
			blocks_add_note(out, b.ptr + skip, b.len - skip)->line = rd->para_no;
		buf_release(&b);
	}
	blocks_release(&tmp);
	return r;
}

static int section_end(struct rd *rd, xmlNode *sect);

static int paragraph(struct rd *rd, xmlNode *p, struct blocks *out)
{
	struct para pbs, *pb = &pbs;
	struct docx_ppr direct;
	const char *style_id = NULL;
	xmlNode *ppr = NULL, *sect = NULL;
	int mark_deleted = 0, rc = 0;

	para_init(pb);
	docx_ppr_init(&direct);
	pb->line = ++rd->para_no;
	if (rd->s.carry) { /* the previous paragraph's mark was deleted */
		struct para *c = rd->s.carry;
		rd->s.carry = NULL;
		buf_add(&pb->text, c->text.ptr, c->text.len);
		pb->nvis = c->nvis, pb->nbold = c->nbold, pb->nital = c->nital,
		pb->ncaps = c->ncaps;
		pb->first_bold = c->first_bold;
		pb->flags = c->flags;
		para_release(c);
		free(c);
	}
	for (xmlNode *k = p->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE) {
			if (docx_is(&rd->ns, k, "pPr"))
				ppr = k;
			break;
		}
	if (ppr) {
		docx_ppr_read(&rd->ns, &direct, ppr);
		for (xmlNode *k = ppr->children; k; k = k->next) {
			if (!docx_w(&rd->ns, k))
				continue;
			if (!strcmp((const char *)k->name, "pStyle"))
				style_id = docx_attr(k, "val");
			else if (!strcmp((const char *)k->name, "sectPr"))
				sect = k;
			else if (!strcmp((const char *)k->name, "rPr"))
				mark_deleted = docx_child(&rd->ns, k, "del") ||
				               docx_child(&rd->ns, k, "moveFrom");
		}
	}
	pb->pstyle = docx_style(&rd->st, style_id, DOCX_STYLE_PARA);
	struct docx_ppr eff;
	docx_ppr_init(&eff);
	if (pb->pstyle)
		eff = pb->pstyle->p;
	docx_ppr_over(&eff, &direct);
	pb->align = eff.jc != DOCX_UNSET ? eff.jc : ALIGN_LEFT;
	pb->level = eff.outline != DOCX_UNSET && eff.outline < 9 ? eff.outline + 1 : 0;
	pb->indent = eff.ind != DOCX_UNSET ? eff.ind : 0;
	if (eff.page_break > 0)
		pb->flags |= BF_PAGE_BREAK;
	if (!mark_deleted) {
		para_label(rd, pb, &direct, style_id);
		if (diag_failed(rd->d)) {
			rc = -1;
			goto out;
		}
	}
	if (inlines(rd, pb, p, out) < 0) {
		rc = -1;
		goto out;
	}
	if (mark_deleted) {
		/* accepted: this paragraph's text runs on into the next one */
		struct para *c = xmalloc(sizeof *c);
		para_init(c);
		buf_add(&c->text, pb->text.ptr, pb->text.len);
		c->nvis = pb->nvis, c->nbold = pb->nbold, c->nital = pb->nital,
		c->ncaps = pb->ncaps;
		c->first_bold = pb->first_bold;
		c->flags = pb->flags;
		if (rd->s.carry) {
			para_release(rd->s.carry);
			free(rd->s.carry);
		}
		rd->s.carry = c;
	} else if (para_emit(rd, pb, out) < 0) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < pb->nnotes; i++)
		if (note_block(rd, &pb->notes[i], out) < 0) {
			rc = -1;
			goto out;
		}
	if (pb->extra.n) {
		if (rd->s.pending) { /* a break before the text box goes to its first block */
			pb->extra.v[0].flags |= rd->s.pending;
			rd->s.pending = 0;
		}
		blocks_move(out, &pb->extra);
	}
	if (sect && out == rd->top)
		rc = section_end(rd, sect);
out:
	para_release(pb);
	return rc;
}

/* ---- tables ------------------------------------------------------------------------ */

struct origin {
	long row, cell; /* -1: no vertical merge open at this grid column */
};

struct tbuild {
	struct table *t;
	struct origin *org;
	size_t norg;
	unsigned cells, bordered;
	int tborders; /* the table (or its style) draws lines */
};

/* Does a cell show any line?  A side its w:tcBorders names is drawn as it
 * says; a side it leaves out is drawn as the table (or row) says. */
static int cell_visible(struct rd *rd, const xmlNode *tcb, int dflt)
{
	static const char *const sides[][2] = {
	    {"top", NULL}, {"left", "start"}, {"bottom", NULL}, {"right", "end"}};
	if (!tcb)
		return dflt;
	for (size_t i = 0; i < 4; i++) {
		const xmlNode *side = docx_child(&rd->ns, tcb, sides[i][0]);
		if (!side && sides[i][1])
			side = docx_child(&rd->ns, tcb, sides[i][1]);
		if (!side) {
			if (dflt)
				return 1;
			continue;
		}
		const char *v = docx_attr(side, "val");
		if (v && strcmp(v, "nil") && strcmp(v, "none"))
			return 1;
	}
	return 0;
}

static void set_origin(struct tbuild *tb, size_t g, unsigned span, long row, long cell)
{
	for (size_t i = g; i < g + span && i < tb->norg; i++)
		tb->org[i].row = row, tb->org[i].cell = cell;
}

static int cell_span(struct rd *rd, unsigned long g, long span, unsigned *out)
{
	if (span < 1)
		span = 1;
	if (g + (unsigned long)span > LIMIT_TABLE_CELLS)
		return fail(rd, "table row too wide: more than %d cells (LIMIT_TABLE_CELLS)",
		            LIMIT_TABLE_CELLS);
	*out = (unsigned)span;
	return 0;
}

static int table_cell(struct rd *rd, struct tbuild *tb, struct row *row, size_t *g, xmlNode *tc,
                      int row_borders)
{
	xmlNode *tcpr = docx_child(&rd->ns, tc, "tcPr");
	long span = 1;
	int vm = 0, hm = 0; /* 1 restart, 2 continue */
	int borders = row_borders;
	const xmlNode *tcb = NULL;
	if (tcpr) {
		for (xmlNode *k = tcpr->children; k; k = k->next) {
			if (!docx_w(&rd->ns, k))
				continue;
			const char *n = (const char *)k->name;
			if (!strcmp(n, "gridSpan"))
				span = docx_long(docx_attr(k, "val"), 1);
			else if (!strcmp(n, "vMerge")) {
				const char *v = docx_attr(k, "val");
				vm = v && !strcmp(v, "restart") ? 1 : 2;
			} else if (!strcmp(n, "hMerge")) {
				const char *v = docx_attr(k, "val");
				hm = v && !strcmp(v, "restart") ? 1 : 2;
			} else if (!strcmp(n, "tcBorders"))
				tcb = k;
			else if (!strcmp(n, "cellDel"))
				return 0; /* a deleted cell */
		}
	}
	borders = cell_visible(rd, tcb, row_borders);
	unsigned s = 1;
	if (cell_span(rd, *g, span, &s) < 0)
		return -1;
	size_t need = *g + s;
	if (need > tb->norg) {
		tb->org = xrealloc(tb->org, need * sizeof *tb->org);
		for (size_t i = tb->norg; i < need; i++)
			tb->org[i].row = tb->org[i].cell = -1;
		tb->norg = need;
	}
	long rowi = (long)tb->t->nrows - 1;
	struct cell *dest = NULL; /* where continued content goes */
	if (hm == 2 && row->ncells && !row->cells[row->ncells - 1].merged) {
		/* legacy horizontal merge: widen the cell to the left */
		struct cell *left = &row->cells[row->ncells - 1];
		left->colspan += s;
		dest = left;
	} else if (vm == 2 && tb->org[*g].row >= 0) {
		struct origin o = tb->org[*g];
		struct cell *first = &tb->t->rows[o.row].cells[o.cell];
		first->rowspan++;
		struct cell *ph = table_add_cell(row);
		ph->colspan = s;
		ph->merged = 1;
		dest = &tb->t->rows[o.row].cells[o.cell];
	}
	tb->cells++;
	tb->bordered += borders > 0;
	if (dest) {
		/* content of a continuation cell (normally one empty paragraph)
		 * is kept with the merged cell rather than lost */
		if (container(rd, tc, dest->content) < 0)
			return -1;
		*g += s;
		return 0;
	}
	if (row->ncells >= LIMIT_TABLE_CELLS)
		return fail(rd, "table row has too many cells (limit %d, LIMIT_TABLE_CELLS)",
		            LIMIT_TABLE_CELLS);
	struct cell *c = table_add_cell(row);
	c->colspan = s;
	long celli = (long)row->ncells - 1;
	if (vm)
		set_origin(tb, *g, s, rowi, celli);
	else
		set_origin(tb, *g, s, -1, -1);
	*g += s;
	struct blocks *content = c->content;
	return container(rd, tc, content);
}

static int table_cells(struct rd *rd, struct tbuild *tb, struct row *row, size_t *g,
                       xmlNode *parent, int row_borders)
{
	for (xmlNode *k = docx_elem_first(parent); k; k = docx_elem_next(parent, k)) {
		if (!docx_w(&rd->ns, k))
			continue;
		const char *n = (const char *)k->name;
		int r = 0;
		if (!strcmp(n, "tc"))
			r = table_cell(rd, tb, row, g, k, row_borders);
		else if (!strcmp(n, "sdt")) {
			xmlNode *c = docx_child(&rd->ns, k, "sdtContent");
			if (c)
				r = table_cells(rd, tb, row, g, c, row_borders);
		} else if (!strcmp(n, "customXml"))
			r = table_cells(rd, tb, row, g, k, row_borders);
		if (r < 0)
			return -1;
	}
	return 0;
}

static int table_row(struct rd *rd, struct tbuild *tb, xmlNode *tr)
{
	xmlNode *trpr = docx_child(&rd->ns, tr, "trPr");
	int header = 0;
	long before = 0;
	int row_borders = 0;
	if (trpr) {
		if (docx_child(&rd->ns, trpr, "del"))
			return 0; /* a deleted row */
		xmlNode *h = docx_child(&rd->ns, trpr, "tblHeader");
		header = h ? docx_onoff(h) : 0;
		xmlNode *gb = docx_child(&rd->ns, trpr, "gridBefore");
		before = gb ? docx_long(docx_attr(gb, "val"), 0) : 0;
	}
	xmlNode *ex = docx_child(&rd->ns, tr, "tblPrEx");
	xmlNode *exb = ex ? docx_child(&rd->ns, ex, "tblBorders") : NULL;
	row_borders = exb ? docx_borders_visible(&rd->ns, exb) : tb->tborders;
	if (tb->t->nrows >= LIMIT_TABLE_ROWS)
		return fail(rd, "table has too many rows (limit %d, LIMIT_TABLE_ROWS)",
		            LIMIT_TABLE_ROWS);
	struct row *row = table_add_row(tb->t);
	row->header = header;
	/* w:gridBefore: grid columns this row leaves out at its start (Word
	 * shows nothing there); no cell stands for them, but the merges
	 * below keep their true grid positions */
	size_t g = 0;
	if (before > 0) {
		unsigned s = 1;
		if (cell_span(rd, 0, before, &s) < 0)
			return -1;
		g = s;
		for (size_t i = 0; i < g && i < tb->norg; i++)
			tb->org[i].row = tb->org[i].cell = -1;
	}
	return table_cells(rd, tb, row, &g, tr, row_borders);
}

static int table_rows(struct rd *rd, struct tbuild *tb, xmlNode *parent)
{
	for (xmlNode *k = docx_elem_first(parent); k; k = docx_elem_next(parent, k)) {
		if (!docx_w(&rd->ns, k))
			continue;
		const char *n = (const char *)k->name;
		int r = 0;
		if (!strcmp(n, "tr"))
			r = table_row(rd, tb, k);
		else if (!strcmp(n, "sdt")) {
			xmlNode *c = docx_child(&rd->ns, k, "sdtContent");
			if (c)
				r = table_rows(rd, tb, c);
		} else if (!strcmp(n, "customXml"))
			r = table_rows(rd, tb, k);
		if (r < 0)
			return -1;
	}
	return 0;
}

static int table(struct rd *rd, xmlNode *tbl, struct blocks *out)
{
	if (rd->tables >= LIMIT_TABLE_NESTING)
		return fail(rd, "tables nested too deep (limit %d, LIMIT_TABLE_NESTING)",
		            LIMIT_TABLE_NESTING);
	if (out->n >= LIMIT_BLOCKS)
		return fail(rd, "too many paragraphs (limit %d, LIMIT_BLOCKS)", LIMIT_BLOCKS);
	xmlNode *tblpr = docx_child(&rd->ns, tbl, "tblPr");
	const char *style_id = NULL;
	int tborders = -1;
	if (tblpr) {
		xmlNode *s = docx_child(&rd->ns, tblpr, "tblStyle");
		if (s)
			style_id = docx_attr(s, "val");
		xmlNode *b = docx_child(&rd->ns, tblpr, "tblBorders");
		if (b)
			tborders = docx_borders_visible(&rd->ns, b);
	}
	const struct docx_style *ts = docx_style(&rd->st, style_id, DOCX_STYLE_TABLE);
	if (tborders < 0)
		tborders = ts && ts->borders > 0;
	size_t idx = out->n;
	struct block *b = blocks_add_table(out);
	b->flags |= rd->s.pending;
	b->line = rd->para_no + 1;
	rd->s.pending = 0;
	struct tbuild tb = {b->table, NULL, 0, 0, 0, tborders};
	const struct docx_style *saved_ts = rd->s.tstyle;
	rd->s.tstyle = ts;
	rd->tables++;
	int rc = table_rows(rd, &tb, tbl);
	rd->tables--;
	rd->s.tstyle = saved_ts;
	free(tb.org);
	b = &out->v[idx];
	if (rc < 0)
		return -1;
	table_finish(b->table);
	/* no lines, or lines on a few cells only (the short rule under the
	 * issuer drawn as a cell border): a layout table */
	if (tb.bordered * 2 < tb.cells + (tb.cells == 0))
		b->flags |= BF_BORDERLESS;
	if (!b->table->nrows) { /* every row deleted */
		rd->s.pending |= b->flags & BF_PAGE_BREAK;
		free(b->table);
		out->n--;
	}
	return 0;
}

/* ---- sections and the body ----------------------------------------------------------- */

static int section_end(struct rd *rd, xmlNode *sect)
{
	struct blocks *t = rd->top;
	int landscape = 0, page = 1;
	xmlNode *pg = docx_child(&rd->ns, sect, "pgSz");
	if (pg) {
		const char *o = docx_attr(pg, "orient");
		long w = docx_long(docx_attr(pg, "w"), 0), h = docx_long(docx_attr(pg, "h"), 0);
		landscape = (o && !strcmp(o, "landscape")) || (w > 0 && h > 0 && w > h);
	}
	xmlNode *type = docx_child(&rd->ns, sect, "type");
	const char *tv = type ? docx_attr(type, "val") : NULL;
	if (tv && (!strcmp(tv, "continuous") || !strcmp(tv, "nextColumn")))
		page = 0;
	if (landscape)
		for (size_t i = rd->sect_first; i < t->n; i++)
			t->v[i].flags |= BF_LANDSCAPE;
	if (rd->nsect && page && rd->sect_first < t->n)
		t->v[rd->sect_first].flags |= BF_PAGE_BREAK;
	rd->nsect++;
	rd->sect_first = t->n;
	return 0;
}

static int container(struct rd *rd, xmlNode *parent, struct blocks *out)
{
	if (++rd->depth > LIMIT_XML_DEPTH)
		return fail(rd, "document nested too deep (limit %d, LIMIT_XML_DEPTH)",
		            LIMIT_XML_DEPTH);
	int rc = 0;
	for (xmlNode *k = docx_elem_first(parent); k && rc == 0; k = docx_elem_next(parent, k)) {
		if (!docx_w(&rd->ns, k))
			continue;
		const char *n = (const char *)k->name;
		if (!strcmp(n, "p"))
			rc = paragraph(rd, k, out);
		else if (!strcmp(n, "tbl"))
			rc = table(rd, k, out);
		else if (!strcmp(n, "sdt")) {
			xmlNode *c = docx_child(&rd->ns, k, "sdtContent");
			if (c)
				rc = container(rd, c, out);
		} else if (!strcmp(n, "customXml") || !strcmp(n, "ins") || !strcmp(n, "moveTo"))
			rc = container(rd, k, out);
		else if (!strcmp(n, "sectPr") && out == rd->top)
			rc = section_end(rd, k);
	}
	rd->depth--;
	return rc;
}

int read_docx(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
              struct diag *d)
{
	struct rd rd;
	char *main = NULL, *rels = NULL, *dir = NULL, *targets[5] = {NULL};
	static const char *const types[] = {"styles", "numbering", "footnotes", "endnotes"};
	xmlDocPtr doc = NULL, sdoc = NULL;
	int rc = -1;
	(void)o;

	memset(&rd, 0, sizeof rd);
	rd.d = d;
	rd.top = out;
	if (docx_styles_load(&rd.st, NULL, d) < 0)
		goto out;
	if (zipsafe_open(data, len, &rd.z, d) < 0)
		goto out;
	if (find_main(&rd, &main) < 0)
		goto out;
	rd.part = main;
	dir = dir_of(main);
	rels = xasprintf("%s_rels/%s.rels", dir, main + strlen(dir));
	if (read_rels(&rd, rels, dir, types, targets, 4) < 0)
		goto out;
	int got = load_part(&rd, main, 1, &doc);
	if (got < 0)
		goto out;
	if (!got) {
		fail(&rd, "not a Word document: its main part '%s' is missing", main);
		goto out;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !docx_is(&rd.ns, root, "document")) {
		fail(&rd, "not a Word document: the main part's root is <%s>",
		     root ? (const char *)root->name : "");
		goto out;
	}
	if (targets[0] && load_part(&rd, targets[0], 0, &sdoc) < 0)
		goto out;
	docx_styles_release(&rd.st);
	if (docx_styles_load(&rd.st, sdoc, d) < 0) {
		sdoc = NULL; /* owned by the styles now */
		goto out;
	}
	sdoc = NULL;
	rd.num_part = targets[1];
	rd.notes[NOTE_FOOT].part = targets[2];
	rd.notes[NOTE_END].part = targets[3];
	targets[1] = targets[2] = targets[3] = NULL;
	xmlNode *body = docx_child(&rd.ns, root, "body");
	if (body && container(&rd, body, out) < 0)
		goto out;
	if (rd.s.carry) { /* a deleted mark on the last paragraph: keep its text */
		struct para *c = rd.s.carry;
		rd.s.carry = NULL;
		rc = para_emit(&rd, c, out);
		para_release(c);
		free(c);
		if (rc < 0)
			goto out;
	}
	rc = 0;
out:
	if (rd.s.carry) {
		para_release(rd.s.carry);
		free(rd.s.carry);
	}
	for (int i = 0; i < 2; i++) {
		free(rd.notes[i].part);
		free(rd.notes[i].v);
		if (rd.notes[i].doc)
			xmlFreeDoc(rd.notes[i].doc);
	}
	docx_numbering_free(rd.num);
	free(rd.num_part);
	docx_styles_release(&rd.st);
	if (sdoc)
		xmlFreeDoc(sdoc);
	if (doc)
		xmlFreeDoc(doc);
	for (int i = 0; i < 5; i++)
		free(targets[i]);
	free(rels);
	free(dir);
	free(main);
	zipsafe_close(rd.z);
	return rc;
}
