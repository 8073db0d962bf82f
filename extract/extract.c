/* extract.c - the extract path from bytes to plan XML (see extract.h). */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "extract/base/normalize.h"
#include "extract/base/xmlsafe.h"
#include "extract/plan/validate.h"
#include "extract/recognize/recognize.h"

const char *path_base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int extract_blocks(const char *name, const unsigned char *data, size_t len,
                   const struct extract_opts *o, struct blocks *out, enum input_format *fmt,
                   struct diag *d)
{
	static const struct extract_opts none;
	if (!o)
		o = &none;
	enum input_format f = o->force ? o->force : detect_format(name, data, len, d);
	if (fmt)
		*fmt = f;
	if (f == FMT_UNKNOWN)
		return -1;
	if (f == FMT_PLANXML)
		return diag_error(d, "plan XML has no blocks to dump");
	if (read_blocks(f, data, len, &o->read, out, d) < 0)
		return -1;
	blocks_normalize(out);
	return 0;
}

xmlDocPtr extract_mem(const char *name, const unsigned char *data, size_t len,
                      const struct extract_opts *o, struct diag *d)
{
	static const struct extract_opts none;
	if (!o)
		o = &none;
	enum input_format f = o->force ? o->force : detect_format(name, data, len, d);
	if (f == FMT_UNKNOWN)
		return NULL;
	xmlDocPtr doc = NULL;
	if (f == FMT_PLANXML) {
		doc = xmlsafe_parse(NULL, data, len, 0, d); /* d names the file */
		if (!doc)
			return NULL;
	} else {
		struct blocks bs = BLOCKS_INIT;
		if (extract_blocks(name, data, len, o, &bs, NULL, d) == 0)
			doc = recognize(&bs, path_base(name), d);
		blocks_release(&bs);
		if (!doc)
			return NULL;
	}
	if (!o->no_validate && plan_validate(doc, d) < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr extract_file(const char *path, const struct extract_opts *o, struct diag *d)
{
	unsigned char *data;
	size_t len;
	if (load_file(path, &data, &len, d) < 0)
		return NULL;
	xmlDocPtr doc = extract_mem(path, data, len, o, d);
	free(data);
	return doc;
}

void plan_serialize(xmlDocPtr doc, struct buf *out)
{
	xmlChar *mem = NULL;
	int size = 0;
	xmlIndentTreeOutput = 1;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (mem) {
		buf_add(out, mem, (size_t)size);
		xmlFree(mem);
	}
}
