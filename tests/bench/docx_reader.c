/* docx_reader.c - soan's DOCX reader alone, for tests/bench/docx.sh: for
 * each file named, load it and run read_docx() into blocks, then free them.
 * No normalization, recognition or output: the figure to set beside the
 * libzip + libxml2 floor (docx_floor.c).  Linked against build/libsoan.a
 * by the benchmark; not part of soan. */
#include <stdio.h>
#include <stdlib.h>

#include "extract/base/diag.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"

int main(int argc, char **argv)
{
	long docs = 0, blocks = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		struct diag d;
		diag_init(&d, argv[i]);
		unsigned char *data;
		size_t len;
		struct blocks bs = BLOCKS_INIT;
		if (load_file(argv[i], &data, &len, &d) == 0) {
			if (read_docx(data, len, NULL, &bs, &d) == 0)
				docs++, blocks += (long)bs.n;
			else
				failed++;
			free(data);
		}
		blocks_release(&bs);
		diag_release(&d);
	}
	printf("%ld documents, %ld blocks, %ld failed\n", docs, blocks, failed);
	return failed != 0;
}
