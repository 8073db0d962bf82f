/* fuzz_cli.c - libFuzzer harness that runs the real command line
 * in-process through soan_main(), as xmllint's fuzz/lint.c does.
 *
 * Input layout: byte 0 picks the command (a row of soan_commands, or
 * "help"); byte 1 picks the input file's name (in.txt, in.md, in.docx,
 * in.pdf, in.xml, in); then come arguments separated by NUL or newline,
 * up to a 0xFF byte; everything after the 0xFF is the input file's
 * content.  An argument "@" stands for the input file; without one the
 * file is the last argument.
 *
 * Everything runs in a private folder under /dev/shm (or $TMPDIR) that
 * is emptied after every run; arguments holding '/' or ".." are skipped
 * so nothing can be written outside it.  Standard output goes to
 * /dev/null.  Invariants checked besides the sanitizers: the exit status
 * is one of soan's four, and the input file is never modified. */
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "soan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 16

static char *dir;
static int home = -1; /* libFuzzer's own working folder, to return to */
static FILE *sink;

static void empty_dir(const char *path)
{
	DIR *dp = opendir(path);
	if (!dp)
		return;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char sub[4096];
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		struct stat st;
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			empty_dir(sub);
			rmdir(sub);
		} else {
			unlink(sub);
		}
	}
	closedir(dp);
}

static void setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof tmpl, "%s/soan-fuzz-cli.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(tmpl))
		abort();
	dir = strdup(tmpl);
	home = open(".", O_RDONLY | O_DIRECTORY);
	int fd = open("/dev/null", O_WRONLY);
	if (fd >= 0) {
		dup2(fd, 1);
		close(fd);
	}
	sink = fopen("/dev/null", "w");
}

static void teardown(void)
{
	empty_dir(dir);
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const files[] = { "in.txt", "in.md", "in.docx", "in.pdf", "in.xml", "in" };
	if (!dir) {
		setup();
		atexit(teardown);
	}
	if (size < 2)
		return 0;
	size_t ncmd = 0;
	while (soan_commands[ncmd].name)
		ncmd++;
	const char *cmd = data[0] % (ncmd + 1) < ncmd ? soan_commands[data[0] % (ncmd + 1)].name : "help";
	const char *file = files[data[1] % (sizeof files / sizeof files[0])];

	const uint8_t *p = data + 2, *end = data + size;
	const uint8_t *sep = memchr(p, 0xFF, (size_t)(end - p));
	const uint8_t *content = sep ? sep + 1 : end;
	size_t clen = (size_t)(end - content);
	size_t alen = (size_t)((sep ? sep : end) - p);
	char *args = malloc(alen + 1);
	memcpy(args, p, alen);
	args[alen] = '\0';
	for (size_t i = 0; i < alen; i++)
		if (!args[i])
			args[i] = '\n';
	char *argv[MAX_ARGS + 4];
	int argc = 0, has_file = 0;
	argv[argc++] = "soan";
	argv[argc++] = (char *)cmd;
	for (char *a = args, *next; a && argc < MAX_ARGS; a = next) {
		next = strchr(a, '\n');
		if (next)
			*next++ = '\0';
		if (!*a)
			continue;
		if (strchr(a, '/') || strstr(a, "..")) {
			/* would reach outside the folder */
			free(args);
			return 0;
		}
		if (!strcmp(a, "@")) {
			a = (char *)file;
			has_file = 1;
		}
		argv[argc++] = a;
	}
	if (!has_file)
		argv[argc++] = (char *)file;
	argv[argc] = NULL;

	if (chdir(dir) != 0)
		abort();
	FILE *fp = fopen(file, "wb");
	if (!fp || (clen && fwrite(content, 1, clen, fp) != clen) || fclose(fp) != 0)
		abort();

	int rc = soan_main(argc, argv, sink);
	if (rc < 0 || rc > 3)
		__builtin_trap(); /* not an exit status soan documents */

	/* the input is never modified */
	fp = fopen(file, "rb");
	if (!fp)
		__builtin_trap(); /* the input was removed or renamed */
	int same = 1;
	size_t off = 0;
	unsigned char b[4096];
	size_t n;
	while ((n = fread(b, 1, sizeof b, fp)) > 0) {
		if (off + n > clen || memcmp(b, content + off, n))
			same = 0;
		off += n;
	}
	fclose(fp);
	if (!same || off != clen)
		__builtin_trap(); /* the input was overwritten */

	empty_dir(".");
	if (fchdir(home) != 0)
		abort();
	free(args);
	return 0;
}
