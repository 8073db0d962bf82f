/* replay.c - a main() for the fuzz harnesses without libFuzzer: feeds
 * each file named on the command line (or each file in a folder named
 * there) to LLVMFuzzerTestOneInput once, so the inputs the fuzzers found
 * (tests/fuzz/regress/) run in make check with the normal compiler,
 * under ASan+UBSan and under valgrind, and make fuzz-cov can measure what
 * a corpus covers.  A crash is the failure; prints "replayed FILE" to
 * stderr for each file otherwise. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract/base/diag.h"
#include "extract/read/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay(const char *path)
{
	struct diag d;
	diag_init(&d, path);
	unsigned char *data;
	size_t len;
	if (load_file(path, &data, &len, &d) < 0) {
		diag_print(&d, stderr);
		diag_release(&d);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	diag_release(&d);
	fprintf(stderr, "replayed %s\n", path);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in dir, in name order. */
static int replay_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			names = realloc(names, alloc * sizeof *names);
			if (!names)
				abort();
		}
		size_t l = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(l);
		if (!names[n])
			abort();
		snprintf(names[n++], l, "%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) && replay(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i]) < 0)
				rc = 2;
		} else if (replay(argv[i]) < 0) {
			rc = 2;
		}
	}
	return rc;
}
