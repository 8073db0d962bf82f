/* fuzz_reader.h - the body shared by the per-reader harnesses
 * (fuzz_text.c, fuzz_md.c, fuzz_docx.c): the first byte chooses the
 * reader's option flags, the rest is the file.  What a reader hands over
 * is then normalized and dumped, as `soan extract --dump=blocks` does, so
 * the whole reader boundary runs.  Any bytes must give blocks or one
 * diagnostic: never a crash, a leak, undefined behaviour or a hang. */
#ifndef SOAN_FUZZ_READER_H
#define SOAN_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "extract/base/diag.h"
#include "extract/base/normalize.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_one_reader(reader_fn read, const char *name, const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	if (size < 1)
		return 0;
	struct read_opts o;
	memset(&o, 0, sizeof o);
	o.flags = data[0];
	struct blocks bs = BLOCKS_INIT;
	struct diag d;
	diag_init(&d, name);
	if (read(data + 1, size - 1, &o, &bs, &d) == 0) {
		blocks_normalize(&bs);
		if (sink)
			blocks_dump(&bs, sink);
	} else if (!diag_failed(&d)) {
		/* a reader that fails must say why */
		__builtin_trap();
	}
	blocks_release(&bs);
	diag_release(&d);
	return 0;
}

#endif
