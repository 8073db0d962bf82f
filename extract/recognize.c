/* recognize.c - blocks to plan XML (placeholder). */
#include "recognize.h"

xmlDocPtr recognize(const struct blocks *bs, const char *source, struct diag *d)
{
	(void)bs;
	(void)source;
	diag_error(d, "recognizer not written yet");
	return NULL;
}

void recognize_cleanup(void)
{
}
