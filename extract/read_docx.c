/* read_docx.c - DOCX to blocks (placeholder until the DOCX reader lands). */
#include "readers.h"

int read_docx(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
	      struct diag *d)
{
	(void)data;
	(void)len;
	(void)o;
	(void)out;
	return diag_error(d, "DOCX input is not supported yet");
}
