/* read_pdf.c - PDF to blocks (placeholder until the PDF reader lands). */
#include "readers.h"

int read_pdf(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
	     struct diag *d)
{
	(void)data;
	(void)len;
	(void)o;
	(void)out;
	return diag_error(d, "PDF input is not supported yet");
}
