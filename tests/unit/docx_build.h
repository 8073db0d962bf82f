/* docx_build.h - tiny DOCX files made in memory for the DOCX unit tests.
 *
 * docx_zip() packs named parts into a zip with libzip; docx_make() wraps a
 * body (the XML inside w:body) and optional styles, numbering and footnotes
 * into a whole package; docx_dump() reads such a package with read_docx(),
 * normalizes the blocks as `soan extract` does and returns the stable dump
 * (`--dump=blocks`), so a test states input XML and the dump a reader of
 * the document would expect.  Static inline functions only: each test program
 * includes it once. */
#ifndef SOAN_TESTS_DOCX_BUILD_H
#define SOAN_TESTS_DOCX_BUILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/normalize.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_DECLS                                                                                   \
	"xmlns:w=\"" W_NS "\" "                                                                    \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "         \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "                \
	"xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "     \
	"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "                       \
	"xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "         \
	"xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "                      \
	"xmlns:v=\"urn:schemas-microsoft-com:vml\" "                                               \
	"xmlns:o=\"urn:schemas-microsoft-com:office:office\" "                                     \
	"mc:Ignorable=\"w14\""

struct tpart {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
};

/* A zip of the parts, malloc'd; *len its size. */
static inline unsigned char *docx_zip(const struct tpart *parts, size_t n, size_t *len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	for (size_t i = 0; i < n; i++) {
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(za, parts[i].data, l, 0);
		zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8);
	}
	zip_close(za);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t size = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	unsigned char *buf = malloc((size_t)size + 1);
	zip_source_read(src, buf, (zip_uint64_t)size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	*len = (size_t)size;
	return buf;
}

static const char ct_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A whole package; styles, numbering, footnotes may be NULL (their inner
 * XML, without the root element). */
static inline unsigned char *docx_make(const char *body, const char *styles, const char *numbering,
                                       const char *footnotes, size_t *len)
{
	struct buf doc = BUF_INIT, rels = BUF_INIT, st = BUF_INIT, nb = BUF_INIT, fn = BUF_INIT;
	buf_addf(&doc,
	         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	         "<w:document %s><w:body>%s</w:body></w:document>",
	         NS_DECLS, body);
	buf_adds(&rels, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	                "<Relationships "
	                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
	struct tpart parts[8];
	size_t n = 0;
	parts[n++] = (struct tpart){"[Content_Types].xml", ct_xml, 0};
	parts[n++] = (struct tpart){"_rels/.rels", root_rels, 0};
	if (styles) {
		buf_addf(&st, "<?xml version=\"1.0\"?><w:styles %s>%s</w:styles>", NS_DECLS,
		         styles);
		buf_adds(&rels, "<Relationship Id=\"rId1\" Type=\"" REL_TYPE
		                "styles\" Target=\"styles.xml\"/>");
		parts[n++] = (struct tpart){"word/styles.xml", st.ptr, 0};
	}
	if (numbering) {
		buf_addf(&nb, "<?xml version=\"1.0\"?><w:numbering %s>%s</w:numbering>", NS_DECLS,
		         numbering);
		buf_adds(&rels, "<Relationship Id=\"rId2\" Type=\"" REL_TYPE
		                "numbering\" Target=\"numbering.xml\"/>");
		parts[n++] = (struct tpart){"word/numbering.xml", nb.ptr, 0};
	}
	if (footnotes) {
		buf_addf(&fn, "<?xml version=\"1.0\"?><w:footnotes %s>%s</w:footnotes>", NS_DECLS,
		         footnotes);
		buf_adds(&rels, "<Relationship Id=\"rId3\" Type=\"" REL_TYPE
		                "footnotes\" Target=\"footnotes.xml\"/>");
		parts[n++] = (struct tpart){"word/footnotes.xml", fn.ptr, 0};
	}
	buf_adds(&rels, "</Relationships>");
	parts[n++] = (struct tpart){"word/_rels/document.xml.rels", rels.ptr, 0};
	parts[n++] = (struct tpart){"word/document.xml", doc.ptr, 0};
	unsigned char *z = docx_zip(parts, n, len);
	buf_release(&doc);
	buf_release(&rels);
	buf_release(&st);
	buf_release(&nb);
	buf_release(&fn);
	return z;
}

/* Read zip bytes as DOCX; the normalized dump, or "ERROR: message". */
static inline char *docx_read_dump(const unsigned char *z, size_t len)
{
	struct blocks bs = BLOCKS_INIT;
	struct diag d;
	diag_init(&d, "t.docx");
	char *mem = NULL;
	size_t memlen = 0;
	if (read_docx(z, len, NULL, &bs, &d) < 0) {
		char *m = diag_format(&d);
		struct buf b = BUF_INIT;
		buf_addf(&b, "ERROR: %s", m);
		free(m);
		mem = buf_detach(&b, NULL);
	} else {
		blocks_normalize(&bs);
		FILE *fp = open_memstream(&mem, &memlen);
		blocks_dump(&bs, fp);
		fclose(fp);
	}
	blocks_release(&bs);
	diag_release(&d);
	return mem;
}

static inline char *docx_dump(const char *body, const char *styles, const char *numbering,
                              const char *footnotes)
{
	size_t len;
	unsigned char *z = docx_make(body, styles, numbering, footnotes, &len);
	char *out = docx_read_dump(z, len);
	free(z);
	return out;
}

/* Assert helper: the dump of body equals want (shows both on failure). */
#define assert_dump(want, body, styles, numbering, footnotes)                                      \
	do {                                                                                       \
		char *got_ = docx_dump(body, styles, numbering, footnotes);                        \
		if (strcmp(got_, want))                                                            \
			fprintf(stderr, "--- wanted\n%s--- got\n%s---\n", (const char *)(want),    \
			        got_);                                                             \
		assert_string_equal(got_, want);                                                   \
		free(got_);                                                                        \
	} while (0)

/* Building blocks for bodies. */
#define P(x)  "<w:p>" x "</w:p>"
#define R(x)  "<w:r><w:t xml:space=\"preserve\">" x "</w:t></w:r>"
#define PT(x) P(R(x))

#endif
