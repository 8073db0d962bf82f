/* draw.c - drawing a laid-out document with libharu (see draw.h).
 *
 * Owns every libharu call of the project.  The document is in UTF-8
 * mode (HPDF_UseUTFEncodings): each face becomes a Type0 font over a CID
 * TrueType font, embedded.  What is embedded is not the font file but
 * the subset font.c builds for this document (only the glyphs drawn,
 * composite components included however deep), loaded through a memory
 * file.  That keeps libharu's own work small: its per-character glyph
 * lookup is a linear search over cmap segments, run 65536 times when a
 * font is created, and our subset has a handful of segments.
 *
 * Creating the font object is still libharu's most expensive step: for
 * the UTF-8 encoder it looks up all 65536 codes (the linear search
 * again), fills a 65536-entry width table and a 128 KB CIDToGIDMap, per
 * face and per document.  Built against 2.3.0 we present the encoder,
 * for the length of that one call, as the plain CMap encoder it is
 * derived from, holding only the document's characters (CID = Unicode,
 * as the UTF-8 encoder maps them): libharu then visits those codes only.
 *
 * libharu 2.3.0 needs three repairs, applied to its font objects right
 * after HPDF_GetFont() (only when built against 2.3.0, whose structures
 * the public headers expose):
 *  - its ToUnicode map is a CID map ("begincidrange"), which text
 *    extractors reject; we replace it with a bfrange map of the
 *    characters drawn;
 *  - it marks a composite glyph's components as used only one level
 *    deep; every glyph of our subset is needed, so all are marked;
 *  - its CIDToGIDMap covers all 65536 codes; we cut it after the last
 *    code drawn.
 * Library code: prints nothing; libharu's errors come back through
 * its error handler into struct diag. */
#include "generate/pdf/draw.h"

#include <errno.h>
#include <stddef.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if HPDF_VERSION_ID == 20300
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#define LIBHARU_REPAIRS 1
#endif

#include "extract/base/xalloc.h"
#include "generate/pdf/font.h"
#include "generate/pdf/paginate.h"

struct pdf_writer {
	const struct gen_opts *o;
	HPDF_Doc pdf;
	HPDF_Font *fonts;
	HPDF_STATUS error, detail; /* the first libharu error */
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	if (!w->error) {
		w->error = error;
		w->detail = detail;
	}
}

struct pdf_writer *pdf_new(const struct gen_opts *o)
{
	struct pdf_writer *w = xcalloc(1, sizeof *w);
	w->o = o;
	return w;
}

void pdf_free(struct pdf_writer *w)
{
	if (!w)
		return;
	if (w->pdf)
		HPDF_Free(w->pdf);
	free(w->fonts);
	free(w);
}

static int hpdf_failed(struct pdf_writer *w, struct diag *d, const char *what)
{
	return diag_env(d, "PDF library failed %s (libharu error 0x%04X, detail %u)", what,
	                (unsigned)w->error, (unsigned)w->detail);
}

/* ---- fonts -------------------------------------------------------------------- */

/* A file descriptor holding data, and a path libharu can open it by. */
static int memory_file(const void *data, size_t len, char *path, size_t pathlen)
{
	int fd = memfd_create("soan-font", MFD_CLOEXEC);
	if (fd < 0) {
		const char *dir = getenv("TMPDIR");
		snprintf(path, pathlen, "%s/soan-font-XXXXXX", dir && *dir ? dir : "/tmp");
		fd = mkstemp(path);
		if (fd < 0)
			return -1;
		unlink(path);
	}
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	snprintf(path, pathlen, "/proc/self/fd/%d", fd);
	return fd;
}

#ifdef LIBHARU_REPAIRS
static void stream_reset(HPDF_Dict dict)
{
	HPDF_MemStream_FreeData(dict->stream);
}

/* A ToUnicode map of the characters drawn (ranges within one high byte,
 * at most 100 per section, as the CMap format asks). */
static void write_tounicode(HPDF_Dict dict, const uint32_t *cps, size_t n)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	size_t i = 0;
	while (i < n) {
		struct buf sec = BUF_INIT;
		int count = 0;
		while (i < n && count < 100) {
			size_t j = i;
			while (j + 1 < n && cps[j + 1] == cps[j] + 1 &&
			       (cps[j + 1] >> 8) == (cps[i] >> 8))
				j++;
			buf_addf(&sec, "<%04X> <%04X> <%04X>\n", (unsigned)cps[i], (unsigned)cps[j],
			         (unsigned)cps[i]);
			count++;
			i = j + 1;
		}
		buf_addf(&b, "%d beginbfrange\n%sendbfrange\n", count, sec.ptr);
		buf_release(&sec);
	}
	buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	stream_reset(dict);
	HPDF_Stream_Write(dict->stream, (const HPDF_BYTE *)b.ptr, (HPDF_UINT)b.len);
	buf_release(&b);
}

static void repair_font(HPDF_Font font, const struct pl_face *face)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	HPDF_TTFontDefAttr ta = (HPDF_TTFontDefAttr)fa->fontdef->attr;
	/* every glyph of the subset is drawn or a component of one */
	for (HPDF_UINT i = 0; i < ta->num_glyphs; i++)
		ta->glyph_tbl.flgs[i] = 1;
	if (fa->cmap_stream)
		write_tounicode(fa->cmap_stream, face->cps, face->ncps);
	if (fa->map_stream && face->ncps) {
		uint32_t max = face->cps[face->ncps - 1];
		size_t len = 2 * ((size_t)max + 1);
		HPDF_BYTE *map = xcalloc(len, 1);
		for (size_t i = 0; i < face->ncps; i++) {
			HPDF_UINT16 gid =
			    HPDF_TTFontDef_GetGlyphid(fa->fontdef, (HPDF_UINT16)face->cps[i]);
			map[2 * face->cps[i]] = (HPDF_BYTE)(gid >> 8);
			map[2 * face->cps[i] + 1] = (HPDF_BYTE)gid;
		}
		stream_reset(fa->map_stream);
		HPDF_Stream_Write(fa->map_stream->stream, map, (HPDF_UINT)len);
		free(map);
	}
}

/* The stand-in encoder state for get_font(): a CMap encoder's tables,
 * all zero but for the entries of the face being created.  One per
 * process, allocated on first use (like the font cache), cleaned after
 * each use. */
static HPDF_CMapEncoderAttr stand_in;

static void set_codes(HPDF_CMapEncoderAttr a, const uint32_t *cps, size_t n, uint32_t top, int on)
{
	for (size_t i = 0; i <= n; i++) {
		uint32_t c = i < n ? cps[i] : top;
		if (c == 0 || c >= 0xFFFF)
			continue;
		a->cid_map[c >> 8][c & 0xFF] = (HPDF_UINT16)(on ? c : 0);
		a->unicode_map[c >> 8][c & 0xFF] = (HPDF_UNICODE)(on ? c : 0);
	}
}

/* HPDF_GetFont() visiting only face's characters (see the top): for the
 * call, the UTF-8 encoder shows a CMap encoder whose tables hold just
 * those codes (CID = Unicode), with the rest of its state unchanged. */
static HPDF_Font get_font(struct pdf_writer *w, const char *name, const struct pl_face *face)
{
	HPDF_Encoder enc = HPDF_GetEncoder(w->pdf, "UTF-8");
	if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !face->ncps)
		return HPDF_GetFont(w->pdf, name, "UTF-8");
	if (!stand_in)
		stand_in = xcalloc(1, sizeof *stand_in);
	HPDF_CMapEncoderAttr real = (HPDF_CMapEncoderAttr)enc->attr;
	size_t head = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
	memcpy((char *)stand_in + head, (char *)real + head, sizeof *stand_in - head);
	/* libharu's width and CIDToGIDMap loops stop before the highest code
	 * they saw (i < max): give them one more, without a glyph */
	uint32_t top = face->cps[face->ncps - 1] + 1;
	set_codes(stand_in, face->cps, face->ncps, top, 1);
	HPDF_Encoder_ToUnicode_Func utf8 = enc->to_unicode_fn;
	enc->attr = stand_in;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	HPDF_Font font = HPDF_GetFont(w->pdf, name, "UTF-8");
	enc->to_unicode_fn = utf8;
	enc->attr = real;
	set_codes(stand_in, face->cps, face->ncps, top, 0);
	return font;
}
#endif

static int load_face(struct pdf_writer *w, const struct pl_face *face, HPDF_Font *out,
                     struct diag *d)
{
	struct buf ttf = BUF_INIT;
	if (font_subset(face->font, face->cps, face->ncps, &ttf, d) < 0) {
		buf_release(&ttf);
		return -1;
	}
	char path[256];
	int fd = memory_file(ttf.ptr, ttf.len, path, sizeof path);
	buf_release(&ttf);
	if (fd < 0)
		return diag_env(d, "cannot write a font subset to memory: %s", strerror(errno));
	const char *name = HPDF_LoadTTFontFromFile(w->pdf, path, HPDF_TRUE);
	close(fd); /* libharu holds its own descriptor */
	if (!name)
		return diag_env(d,
		                "PDF library cannot load the font subset of %s (libharu error "
		                "0x%04X)",
		                font_path(face->font), (unsigned)w->error);
#ifdef LIBHARU_REPAIRS
	HPDF_Font font = get_font(w, name, face);
#else
	HPDF_Font font = HPDF_GetFont(w->pdf, name, "UTF-8");
#endif
	if (!font)
		return hpdf_failed(w, d, "to create a font");
#ifdef LIBHARU_REPAIRS
	repair_font(font, face);
#endif
	*out = font;
	return 0;
}

/* ---- pages ---------------------------------------------------------------------- */

/* A rule as a segment on a line: horizontal (pos = y) or vertical
 * (pos = x), from a1 to a2. */
struct seg {
	int vertical, style;
	double width, pos, a1, a2;
};

static int cmp_seg(const void *pa, const void *pb)
{
	const struct seg *a = pa, *b = pb;
	if (a->vertical != b->vertical)
		return a->vertical - b->vertical;
	if (a->style != b->style)
		return a->style - b->style;
	if (a->width != b->width)
		return a->width < b->width ? -1 : 1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return a->a1 < b->a1 ? -1 : a->a1 > b->a1;
}

/* Table borders come as four sides per cell, shared sides twice: join
 * the segments of one line that touch or overlap, then draw each line
 * once (fewer operators for libharu, each costly, and no doubled ink). */
static void draw_rules(HPDF_Page page, const struct pl_page *pg)
{
	size_t n = 0;
	for (size_t i = 0; i < pg->nops; i++)
		n += pg->ops[i].kind == PL_RULE;
	if (!n)
		return;
	struct seg *sg = xmalloc(n * sizeof *sg);
	size_t k = 0;
	for (size_t i = 0; i < pg->nops; i++) {
		const struct pl_op *op = &pg->ops[i];
		if (op->kind != PL_RULE)
			continue;
		struct seg *s = &sg[k++];
		s->style = (int)op->u.rule.style;
		s->width = op->u.rule.width;
		s->vertical = op->u.rule.x1 == op->u.rule.x2 && op->u.rule.y1 != op->u.rule.y2;
		s->pos = s->vertical ? op->u.rule.x1 : op->u.rule.y1;
		s->a1 = s->vertical ? op->u.rule.y1 : op->u.rule.x1;
		s->a2 = s->vertical ? op->u.rule.y2 : op->u.rule.x2;
		if (s->a2 < s->a1) {
			double t = s->a1;
			s->a1 = s->a2;
			s->a2 = t;
		}
	}
	qsort(sg, n, sizeof *sg, cmp_seg);
	double width = -1;
	int style = -1, open = 0;
	for (size_t i = 0; i < n;) {
		struct seg s = sg[i++];
		while (i < n && sg[i].vertical == s.vertical && sg[i].style == s.style &&
		       sg[i].width == s.width && sg[i].pos - s.pos < 0.01 &&
		       sg[i].a1 <= s.a2 + 0.01) {
			if (sg[i].a2 > s.a2)
				s.a2 = sg[i].a2;
			i++;
		}
		if (s.width != width || s.style != style) {
			if (open)
				HPDF_Page_Stroke(page);
			open = 0;
			width = s.width;
			style = s.style;
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
			static const HPDF_UINT16 dotted[] = {1, 2}, dashed[] = {3, 3};
			if (style == PL_DOTTED)
				HPDF_Page_SetDash(page, dotted, 2, 0);
			else if (style == PL_DASHED)
				HPDF_Page_SetDash(page, dashed, 2, 0);
			else
				HPDF_Page_SetDash(page, NULL, 0, 0);
		}
		double x1 = s.vertical ? s.pos : s.a1, x2 = s.vertical ? s.pos : s.a2;
		double y1 = s.vertical ? s.a1 : s.pos, y2 = s.vertical ? s.a2 : s.pos;
		HPDF_Page_MoveTo(page, (HPDF_REAL)x1, (HPDF_REAL)(pg->height - y1));
		HPDF_Page_LineTo(page, (HPDF_REAL)x2, (HPDF_REAL)(pg->height - y2));
		open = 1;
	}
	if (open)
		HPDF_Page_Stroke(page);
	free(sg);
}

static void draw_text(struct pdf_writer *w, HPDF_Page page, const struct pl_page *pg)
{
	int face = -1;
	double size = -1;
	int open = 0;
	for (size_t i = 0; i < pg->nops; i++) {
		const struct pl_op *op = &pg->ops[i];
		if (op->kind != PL_TEXT || !op->u.text.s[0])
			continue;
		if (!open) {
			HPDF_Page_BeginText(page);
			open = 1;
		}
		if (op->u.text.face != face || op->u.text.size != size) {
			face = op->u.text.face;
			size = op->u.text.size;
			HPDF_Page_SetFontAndSize(page, w->fonts[face], (HPDF_REAL)size);
		}
		HPDF_Page_TextOut(page, (HPDF_REAL)op->u.text.x,
		                  (HPDF_REAL)(pg->height - op->u.text.y), op->u.text.s);
	}
	if (open)
		HPDF_Page_EndText(page);
}

/* ---- outline, labels, metadata --------------------------------------------------------- */

static void add_outline(struct pdf_writer *w, HPDF_Outline parent, const struct pl_bookmark *b,
                        size_t n, HPDF_Page *pages, const struct pl_doc *doc, HPDF_Encoder enc)
{
	for (size_t i = 0; i < n; i++) {
		HPDF_Outline ol = HPDF_CreateOutline(w->pdf, parent, b[i].title, enc);
		if (!ol)
			return;
		HPDF_Outline_SetOpened(ol, b[i].open && b[i].nkids ? HPDF_TRUE : HPDF_FALSE);
		if (b[i].page >= 0 && (size_t)b[i].page < doc->npages) {
			HPDF_Destination dst = HPDF_Page_CreateDestination(pages[b[i].page]);
			double top = doc->pages[b[i].page].height - b[i].y;
			HPDF_Destination_SetFitH(dst, (HPDF_REAL)(top > 0 ? top : 0));
			HPDF_Outline_SetDestination(ol, dst);
		}
		add_outline(w, ol, b[i].kids, b[i].nkids, pages, doc, enc);
	}
}

static HPDF_PageNumStyle label_style(char format)
{
	switch (format) {
	case 'i': return HPDF_PAGE_NUM_STYLE_LOWER_ROMAN;
	case 'I': return HPDF_PAGE_NUM_STYLE_UPPER_ROMAN;
	default: return HPDF_PAGE_NUM_STYLE_DECIMAL;
	}
}

/* ---- the writer ------------------------------------------------------------------------- */

int pdf_render(struct pdf_writer *w, xmlDocPtr fo, struct buf *out, struct diag *d)
{
	struct pl_doc doc;
	HPDF_Page *pages = NULL;
	int ret = -1;
	if (pl_layout(fo, w->o, &doc, d) < 0)
		return -1;
	w->pdf = HPDF_New(on_error, w);
	if (!w->pdf) {
		diag_env(d, "PDF library cannot start");
		goto out;
	}
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	if (w->error) {
		hpdf_failed(w, d, "to set up a document");
		goto out;
	}
	w->fonts = xcalloc(doc.nfaces ? doc.nfaces : 1, sizeof *w->fonts);
	for (size_t i = 0; i < doc.nfaces; i++)
		if (load_face(w, &doc.faces[i], &w->fonts[i], d) < 0)
			goto out;
	pages = xcalloc(doc.npages ? doc.npages : 1, sizeof *pages);
	for (size_t i = 0; i < doc.npages; i++) {
		const struct pl_page *pg = &doc.pages[i];
		HPDF_Page page = HPDF_AddPage(w->pdf);
		if (!page)
			break;
		pages[i] = page;
		HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
		HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);
		draw_rules(page, pg);
		draw_text(w, page, pg);
		if (pg->seq_first)
			HPDF_AddPageLabel(w->pdf, (HPDF_UINT)i, label_style(pg->format),
			                  (HPDF_UINT)pg->number, NULL);
	}
	if (w->error) {
		hpdf_failed(w, d, "to draw a page");
		goto out;
	}
	if (doc.title)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_TITLE, doc.title);
	if (doc.author)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_AUTHOR, doc.author);
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "soan");
	if (doc.nbookmarks) {
		add_outline(w, NULL, doc.bookmarks, doc.nbookmarks, pages, &doc,
		            HPDF_GetEncoder(w->pdf, "UTF-8"));
		HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	}
	if (w->error) {
		hpdf_failed(w, d, "to write the outline or metadata");
		goto out;
	}
	if (HPDF_SaveToStream(w->pdf) != HPDF_OK || w->error) {
		hpdf_failed(w, d, "to write the document");
		goto out;
	}
	HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
	buf_grow(out, size);
	HPDF_ResetStream(w->pdf);
	HPDF_UINT32 done = 0;
	while (done < size) {
		HPDF_UINT32 n = size - done;
		HPDF_ReadFromStream(w->pdf, (HPDF_BYTE *)out->ptr + out->len, &n);
		if (n == 0)
			break;
		buf_setlen(out, out->len + n);
		done += n;
	}
	if (done != size) {
		diag_env(d, "PDF library returned a short document");
		goto out;
	}
	ret = 0;
out:
	free(pages);
	pl_doc_release(&doc);
	if (w->pdf) {
		HPDF_Free(w->pdf);
		w->pdf = NULL;
	}
	free(w->fonts);
	w->fonts = NULL;
	return ret;
}

int pdf_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d)
{
	struct pdf_writer *w = pdf_new(o);
	int ret = pdf_render(w, fo, out, d);
	pdf_free(w);
	return ret;
}
