/* write_docx.h - the DOCX writer's parts, for tests.
 *
 * docx_write() (writers.h) turns a checked layout into a whole package:
 * content types, relationships, styles, settings, the document, one
 * header part per distinct running header, core and app properties,
 * zipped with a fixed time stamp so the same layout gives the same bytes.
 * docx_document_xml() gives only word/document.xml, the part the golden
 * tests compare (tests/golden/docx/NAME.document.xml). */
#ifndef SOAN_WRITE_DOCX_H
#define SOAN_WRITE_DOCX_H

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "generate/writers.h"

int docx_document_xml(xmlDocPtr fo, const struct gen_opts *o, struct buf *out, struct diag *d);

#endif
