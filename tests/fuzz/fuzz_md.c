/* fuzz_md.c - libFuzzer harness for the markdown reader (read_md in
 * read_text.c: headings, emphasis, pipe and HTML tables).  The first byte
 * chooses the reader options; the rest is the file.  make fuzz. */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one_reader(read_md, "fuzz.md", data, size);
}
