/* fuzz_pdf.c - libFuzzer harness for the PDF reader (read_pdf.c and
 * pdf_*.c): any bytes must give blocks or one diagnostic, never a crash,
 * a leak or a hang.  The first byte chooses the reader options; the rest
 * is the file.  Build and run: make fuzz. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract/base/diag.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct read_opts o;
	memset(&o, 0, sizeof o);
	o.flags = data[0];
	struct blocks bs = BLOCKS_INIT;
	struct diag d;
	diag_init(&d, "fuzz.pdf");
	(void)read_pdf(data + 1, size - 1, &o, &bs, &d);
	blocks_release(&bs);
	diag_release(&d);
	return 0;
}
