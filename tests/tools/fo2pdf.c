/* fo2pdf.c - a tests-only driver for the PDF writer: FO file in, PDF
 * file out, through fo_load() and pdf_write() exactly as the CLI calls
 * them.  Not installed.
 *
 *   fo2pdf [-u] [-n N] IN.fo OUT.pdf
 *
 * -n N lays out and writes the document N times in one process (for
 * benchmarks and profiles); the last result is written.  -u parses the
 * layout without fo_check(), to reach what the writer honours beyond the
 * project's subset (tests/data/fo/beyond.fo).  Exit status as
 * soan's: 0, 1 input rejected, 2 usage, 3 environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/xmlsafe.h"
#include "generate/layout/fo.h"
#include "generate/pdf/font.h"
#include "generate/writers.h"

static int read_all(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(b, tmp, n);
	int err = ferror(f);
	fclose(f);
	return err ? -1 : 0;
}

int main(int argc, char **argv)
{
	int times = 1, argi = 1, unchecked = 0;
	for (;;) {
		if (argi < argc && !strcmp(argv[argi], "-u")) {
			unchecked = 1;
			argi++;
		} else if (argi + 1 < argc && !strcmp(argv[argi], "-n")) {
			times = atoi(argv[argi + 1]);
			argi += 2;
		} else
			break;
	}
	if (argc - argi != 2 || times < 1) {
		fprintf(stderr, "usage: fo2pdf [-u] [-n N] IN.fo OUT.pdf\n");
		return 2;
	}
	const char *in = argv[argi], *outp = argv[argi + 1];
	xmlsafe_init();
	struct buf src = BUF_INIT, pdf = BUF_INIT;
	struct diag d;
	diag_init(&d, in);
	int status = 0;
	if (read_all(in, &src) < 0) {
		fprintf(stderr, "soan: %s: cannot read\n", in);
		buf_release(&src);
		return 1;
	}
	for (int i = 0; i < times && !status; i++) {
		buf_reset(&pdf);
		xmlDocPtr fo = unchecked ? xmlsafe_parse("layout", src.ptr, src.len, 1, &d)
					 : fo_load("layout", src.ptr, src.len, &d);
		if (!fo || pdf_write(fo, NULL, &pdf, &d) < 0)
			status = d.kind == DIAG_ENVIRONMENT ? 3 : 1;
		if (fo)
			xmlFreeDoc(fo);
	}
	if (!status) {
		FILE *f = fopen(outp, "wb");
		if (!f || fwrite(pdf.ptr, 1, pdf.len, f) != pdf.len) {
			fprintf(stderr, "soan: %s: cannot write\n", outp);
			status = 3;
		}
		if (f && fclose(f) != 0)
			status = 3;
	} else
		diag_print(&d, stderr);
	diag_release(&d);
	buf_release(&src);
	buf_release(&pdf);
	font_cache_release();
	xmlCleanupParser();
	return status;
}
