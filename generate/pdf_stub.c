/* pdf_stub.c - stands in for the PDF writer (generate/pdf.c, written in
 * parallel) so this branch links on its own.  The definition is weak:
 * once pdf.c defines pdf_write(), the linker takes that one (pdf.o sorts
 * before pdf_stub.o in libsoan.a) and this file can go. */
#include "writers.h"

__attribute__((weak)) int pdf_write(xmlDocPtr fo, const struct gen_opts *o, struct buf *out,
                                    struct diag *d)
{
	(void)fo;
	(void)o;
	(void)out;
	return diag_env(d, "PDF output is not available in this build");
}
