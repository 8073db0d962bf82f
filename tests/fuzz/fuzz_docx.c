/* fuzz_docx.c - libFuzzer harness for the DOCX reader (read_docx.c,
 * docx_*.c, zipsafe.c), whole packages held in memory.
 *
 * Byte 0 chooses: bit 0 set, the rest of the input is the zip itself (for
 * zipsafe and the package checks); clear, the harness builds a sound zip
 * in memory from the rest of the input cut at "\n==PART==\n" into
 * word/document.xml, word/styles.xml, word/numbering.xml,
 * word/footnotes.xml, word/endnotes.xml, word/_rels/document.xml.rels
 * and [Content_Types].xml, in that order; parts beyond the input are left
 * out, except the three package parts, which get the usual content when
 * absent.  Every part is stored, but bit 1 set deflates word/document.xml:
 * deflating all eight parts zeroed a fresh 256 KB compressor state for
 * each, a sixth of the run time, to reach the same inflating code.  So the
 * fuzzer spends its time on WordprocessingML rather than on zip headers.
 * Byte 0 is also the reader's option flags.  What the reader hands over is
 * normalized and dumped, as in the other reader harnesses. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "tests/fuzz/fuzz_reader.h"

static const char *const part_names[] = {
	"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
	"word/endnotes.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
};
#define NPARTS (sizeof part_names / sizeof part_names[0])

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"</Types>";
static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/></Relationships>";
static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	"Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
	"Target=\"numbering.xml\"/>"
	"<Relationship Id=\"rId3\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
	"Target=\"footnotes.xml\"/>"
	"<Relationship Id=\"rId4\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" "
	"Target=\"endnotes.xml\"/></Relationships>";

static void add(zip_t *za, const char *name, const void *p, size_t n, int deflate)
{
	zip_source_t *s = zip_source_buffer(za, p, n, 0);
	if (!s)
		abort();
	zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(s);
		return;
	}
	zip_set_file_compression(za, (zip_uint64_t)i, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 1);
}

/* The parts of in[0..len) as a zip in memory; *out is malloc'd. */
static int build_zip(const uint8_t *in, size_t len, int deflate, uint8_t **out, size_t *outlen)
{
	static const char sep[] = "\n==PART==\n";
	const uint8_t *part[NPARTS];
	size_t plen[NPARTS], n = 0;
	const uint8_t *p = in, *end = in + len;
	while (n < NPARTS) {
		const uint8_t *s = memmem(p, (size_t)(end - p), sep, sizeof sep - 1);
		part[n] = p;
		plen[n] = (size_t)((s ? s : end) - p);
		n++;
		if (!s)
			break;
		p = s + sizeof sep - 1;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		abort();
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za)
		abort();
	add(za, "_rels/.rels", package_rels, sizeof package_rels - 1, 0);
	for (size_t i = 0; i < NPARTS; i++) {
		if (i < n)
			add(za, part_names[i], part[i], plen[i], deflate && i == 0);
		else if (i == 5)
			add(za, part_names[i], document_rels, sizeof document_rels - 1, 0);
		else if (i == 6)
			add(za, part_names[i], content_types, sizeof content_types - 1, 0);
	}
	int rc = -1;
	if (zip_close(za) == 0) {
		zip_stat_t st;
		if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
			*out = malloc(st.size ? st.size : 1);
			zip_int64_t got = zip_source_read(src, *out, st.size);
			zip_source_close(src);
			if (got >= 0 && (zip_uint64_t)got == st.size) {
				*outlen = st.size;
				rc = 0;
			} else {
				free(*out);
			}
		}
	} else {
		zip_discard(za);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t opts = data[0];
	if (opts & 1)
		return fuzz_one_reader(read_docx, "fuzz.docx", data, size);
	uint8_t *zip;
	size_t zlen;
	if (build_zip(data + 1, size - 1, opts & 2, &zip, &zlen) < 0)
		return 0;
	/* the reader sees option byte, then the zip, like the raw mode */
	uint8_t *in = malloc(zlen + 1);
	in[0] = opts;
	memcpy(in + 1, zip, zlen);
	free(zip);
	fuzz_one_reader(read_docx, "fuzz.docx", in, zlen + 1);
	free(in);
	return 0;
}
