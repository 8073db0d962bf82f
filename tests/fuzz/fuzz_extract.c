/* fuzz_extract.c - libFuzzer harness for the whole extract path
 * (extract_mem in extract.c): format detection, the reader, normalization,
 * the recognizer and serialization, everything `soan extract` does except
 * the schema check, which is slow and adds nothing a fuzzer can find.
 *
 * Byte 0 chooses the options: bits 0-2 force a format (0, 6, 7: detect
 * by content), bits 3-5 the file name the detector and @source see.
 * Byte 1 is the readers' option flags.  The rest is the file.
 *
 * Beyond "no crash, no leak, no hang", three invariants are checked: a
 * failure always carries a diagnostic, never an internal error, and the
 * plan XML written is well-formed XML that soan's own safe parser reads
 * back. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/xmlsafe.h"
#include "extract/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum input_format forced[8] = {
		FMT_UNKNOWN, FMT_TEXT, FMT_MARKDOWN, FMT_DOCX, FMT_PDF, FMT_PLANXML, FMT_UNKNOWN, FMT_UNKNOWN,
	};
	static const char *const names[8] = {
		"plan", "plan.txt", "plan.md", "plan.docx", "plan.pdf", "plan.xml", "dir/plan.TXT", "plan.doc",
	};
	if (size < 2)
		return 0;
	xmlsafe_init();
	struct extract_opts o;
	memset(&o, 0, sizeof o);
	o.force = forced[data[0] & 7];
	o.no_validate = 1;
	o.read.flags = data[1];
	const char *name = names[(data[0] >> 3) & 7];

	struct diag d;
	diag_init(&d, name);
	xmlDocPtr doc = extract_mem(name, data + 2, size - 2, &o, &d);
	if (!doc) {
		if (!diag_failed(&d))
			__builtin_trap(); /* refused without saying why */
		if (d.msg && !strncmp(d.msg, "internal error", 14))
			__builtin_trap(); /* said why, but it is our bug */
	} else {
		struct buf out = BUF_INIT;
		plan_serialize(doc, &out);
		struct diag d2;
		diag_init(&d2, "serialized");
		xmlDocPtr again = xmlsafe_parse("serialized", out.ptr, out.len, 0, &d2);
		if (!again)
			__builtin_trap(); /* we wrote XML we cannot read */
		xmlFreeDoc(again);
		diag_release(&d2);
		buf_release(&out);
		xmlFreeDoc(doc);
	}
	diag_release(&d);
	return 0;
}
