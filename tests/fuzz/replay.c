/* replay.c - a main() for the fuzz harnesses without libFuzzer: feeds
 * each file named on the command line to LLVMFuzzerTestOneInput once, so
 * the inputs the fuzzers found (tests/fuzz/regress/) run in make check
 * with the normal compiler, under ASan+UBSan and under valgrind.  A
 * crash is the failure; prints one line per file otherwise. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract/diag.h"
#include "extract/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct diag d;
		diag_init(&d, argv[i]);
		unsigned char *data;
		size_t len;
		if (load_file(argv[i], &data, &len, &d) < 0) {
			diag_print(&d, stderr);
			diag_release(&d);
			return 2;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
		diag_release(&d);
		fprintf(stderr, "replayed %s\n", argv[i]);
	}
	return 0;
}
