/* docx_floor.c - the floor for DOCX throughput: what libzip and libxml2
 * alone need to inflate and parse the parts soan's reader reads.
 *
 * For each file named on the command line: read it into memory, open it
 * as a zip from that buffer, inflate word/document.xml and word/styles.xml,
 * word/numbering.xml only when the document has w:numPr and
 * word/footnotes.xml only when it has a w:footnoteReference, and parse
 * each into a DOM with the options soan uses (xmlsafe.c).  Nothing is
 * walked.  Prints the number of documents and parts.  Built and run by
 * tests/bench/docx.sh; not part of soan. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <zip.h>

static int parse(zip_t *za, const char *name, int keep_blanks, char **keep, size_t *keep_len)
{
	zip_stat_t st;
	if (zip_stat(za, name, ZIP_FL_NOCASE, &st) != 0)
		return 0;
	zip_file_t *zf = zip_fopen(za, name, ZIP_FL_NOCASE);
	if (!zf)
		return 0;
	char *buf = malloc(st.size + 1);
	zip_int64_t got = zip_fread(zf, buf, st.size);
	zip_fclose(zf);
	if (got < 0) {
		free(buf);
		return 0;
	}
	buf[got] = '\0';
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
	if (!keep_blanks)
		opts |= XML_PARSE_NOBLANKS;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)got, name, NULL, opts);
	if (doc)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	if (keep) {
		*keep = buf;
		*keep_len = (size_t)got;
	} else {
		free(buf);
	}
	return 1;
}

int main(int argc, char **argv)
{
	long docs = 0, parts = 0;
	xmlInitParser();
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp)
			continue;
		fseek(fp, 0, SEEK_END);
		long n = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		unsigned char *data = malloc((size_t)n + 1);
		size_t got = fread(data, 1, (size_t)n, fp);
		fclose(fp);
		zip_error_t err;
		zip_error_init(&err);
		zip_source_t *src = zip_source_buffer_create(data, got, 0, &err);
		zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
		if (!za) {
			if (src)
				zip_source_free(src);
			zip_error_fini(&err);
			free(data);
			continue;
		}
		char *doc = NULL;
		size_t doc_len = 0;
		parts += parse(za, "word/document.xml", 1, &doc, &doc_len);
		parts += parse(za, "word/styles.xml", 0, NULL, NULL);
		if (doc && memmem(doc, doc_len, "<w:numPr", 8))
			parts += parse(za, "word/numbering.xml", 0, NULL, NULL);
		if (doc && memmem(doc, doc_len, "footnoteReference", 17))
			parts += parse(za, "word/footnotes.xml", 1, NULL, NULL);
		free(doc);
		zip_discard(za);
		zip_error_fini(&err);
		free(data);
		docs++;
	}
	printf("%ld documents, %ld parts\n", docs, parts);
	return 0;
}
