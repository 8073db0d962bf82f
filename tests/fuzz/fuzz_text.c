/* fuzz_text.c - libFuzzer harness for the plain-text reader (read_text in
 * read_text.c, with encoding.c and normalize.c behind it).  The first
 * byte chooses the reader options; the rest is the file.  make fuzz. */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one_reader(read_text, "fuzz.txt", data, size);
}
