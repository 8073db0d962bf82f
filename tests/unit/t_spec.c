/* t_spec.c - runs the recognizer's examples in tests/spec/ (one test per
 * example).  An example is a fenced block: source text, a line with a
 * single ".", and a plan-XML fragment that must appear in the output of
 * the text/markdown reader and the recognizer.  Lines of both are
 * compared with their leading indentation removed, otherwise exactly.
 * A fence "```` example md" reads the source as markdown. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/buf.h"
#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"
#include "extract/extract.h"
#include "extract/read/blocks.h"
#include "extract/read/readers.h"
#include "extract/recognize/recognize.h"

struct example {
	char *where; /* file:line */
	char *source;
	char *expected;
	int md;
};

/* Strip leading spaces of every line. */
static char *dedent(const char *s)
{
	struct buf b = BUF_INIT;
	int bol = 1;
	for (; *s; s++) {
		if (bol && (*s == ' ' || *s == '\t'))
			continue;
		bol = *s == '\n';
		buf_addc(&b, *s);
	}
	while (b.len && b.ptr[b.len - 1] == '\n')
		buf_setlen(&b, b.len - 1);
	return buf_detach(&b, NULL);
}

static void run_example(void **state)
{
	struct example *ex = *state;
	struct blocks bs = BLOCKS_INIT;
	struct diag d;
	diag_init(&d, ex->where);
	const unsigned char *src = (const unsigned char *)ex->source;
	int rc = ex->md ? read_md(src, strlen(ex->source), NULL, &bs, &d)
	                : read_text(src, strlen(ex->source), NULL, &bs, &d);
	if (rc < 0)
		fail_msg("%s: reader failed: %s", ex->where, d.msg);
	blocks_normalize(&bs);
	xmlDocPtr doc = recognize_with(&bs, "spec", RECOGNIZE_FRAGMENT, &d);
	if (!doc)
		fail_msg("%s: recognizer failed: %s", ex->where, d.msg);
	struct buf out = BUF_INIT;
	plan_serialize(doc, &out);
	char *got = dedent(out.ptr);
	char *want = dedent(ex->expected);
	if (!strstr(got, want)) {
		fprintf(stderr, "%s: expected fragment not found.\n--- expected\n%s\n--- got\n%s\n",
		        ex->where, want, got);
		free(got);
		free(want);
		buf_release(&out);
		xmlFreeDoc(doc);
		blocks_release(&bs);
		diag_release(&d);
		fail();
	}
	free(got);
	free(want);
	buf_release(&out);
	xmlFreeDoc(doc);
	blocks_release(&bs);
	diag_release(&d);
}

static void add_examples(const char *path, struct example **v, size_t *n, size_t *alloc)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return;
	char line[65536];
	unsigned no = 0, start = 0;
	int in = 0, part = 0, md = 0;
	struct buf src = BUF_INIT, exp = BUF_INIT;
	while (fgets(line, sizeof line, fp)) {
		no++;
		if (!in && !strncmp(line, "```````", 7) && strstr(line, "example")) {
			in = 1;
			part = 0;
			start = no;
			md = strstr(line, "example md") != NULL;
			buf_reset(&src);
			buf_reset(&exp);
			continue;
		}
		if (in && !strncmp(line, "```````", 7)) {
			*v = xgrow(*v, sizeof **v, *n + 1, alloc);
			struct example *ex = &(*v)[(*n)++];
			const char *base = strrchr(path, '/');
			ex->where = xasprintf("%s:%u", base ? base + 1 : path, start);
			ex->source = xstrdup(src.ptr);
			ex->expected = xstrdup(exp.ptr);
			ex->md = md;
			in = 0;
			continue;
		}
		if (!in)
			continue;
		if (!strcmp(line, ".\n")) {
			part = 1;
			continue;
		}
		buf_adds(part ? &exp : &src, line);
	}
	buf_release(&src);
	buf_release(&exp);
	fclose(fp);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	const char *dir = getenv("SOAN_DATADIR");
	char *spec = xasprintf("%s/tests/spec", dir ? dir : ".");
	DIR *dp = opendir(spec);
	if (!dp) {
		fprintf(stderr, "t_spec: cannot open %s\n", spec);
		return 1;
	}
	char **files = NULL;
	size_t nf = 0, af = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".txt")) {
			files = xgrow(files, sizeof *files, nf + 1, &af);
			files[nf++] = xasprintf("%s/%s", spec, e->d_name);
		}
	}
	closedir(dp);
	qsort(files, nf, sizeof *files, cmp_name);
	struct example *ex = NULL;
	size_t n = 0, a = 0;
	for (size_t i = 0; i < nf; i++)
		add_examples(files[i], &ex, &n, &a);
	struct CMUnitTest *tests = xcalloc(n ? n : 1, sizeof *tests);
	for (size_t i = 0; i < n; i++) {
		tests[i].name = ex[i].where;
		tests[i].test_func = run_example;
		tests[i].initial_state = &ex[i];
	}
	int rc = _cmocka_run_group_tests("spec", tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		free(ex[i].where);
		free(ex[i].source);
		free(ex[i].expected);
	}
	for (size_t i = 0; i < nf; i++)
		free(files[i]);
	free(files);
	free(ex);
	free(tests);
	free(spec);
	recognize_cleanup();
	return rc;
}
