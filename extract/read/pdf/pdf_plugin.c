/* pdf_plugin.c - the soan program's read_pdf(): the PDF reader
 * (read_pdf.c, on poppler-glib and cairo) built as a plugin,
 * soan-pdf.so, loaded the first time a PDF is read.
 *
 * poppler, cairo and what they pull in (glib, NSS, X11 client libraries:
 * about 40 shared libraries) cost every start of the program some 20
 * million instructions of symbol binding, whether it reads a PDF or not;
 * a clerk's loop of `soan extract` over text files, or one `soan
 * generate` per plan, paid that on each file.  The plugin calls back into
 * the program (pdf_analyze.c, blocks, diagnostics), which exports its
 * symbols for it (-rdynamic).  The library (libsoan.a), the tests and the
 * fuzz harnesses link read_pdf.c itself; only the program uses this file.
 *
 * Where the plugin is looked for, first found wins: $SOAN_PDF_PLUGIN,
 * beside the program (build/soan-pdf.so in the source tree), PREFIX/lib/
 * soan/ relative to the program's bin/, and the configured prefix. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/base/paths.h"
#include "extract/base/xalloc.h"
#include "extract/read/readers.h"

#ifndef SOAN_PREFIX
#define SOAN_PREFIX "/usr/local"
#endif

#define PLUGIN_NAME   "soan-pdf.so"
#define PLUGIN_SYMBOL "soan_pdf_plugin_read"

typedef int read_fn(const unsigned char *data, size_t len, const struct read_opts *o,
                    struct blocks *out, struct diag *d);

/* The loaded reader, or NULL with why it did not load. */
static read_fn *plugin_read;
static char plugin_why[512];
static int plugin_tried;

/* Open path and find the reader in it; 1 when done. */
static int try_load(const char *path)
{
	if (access(path, R_OK) != 0)
		return 0;
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(plugin_why, sizeof plugin_why, "%s", e ? e : path);
		return 0;
	}
	void *sym = dlsym(h, PLUGIN_SYMBOL);
	if (!sym) {
		snprintf(plugin_why, sizeof plugin_why, "%s: no %s in it", path, PLUGIN_SYMBOL);
		dlclose(h);
		return 0;
	}
	/* POSIX: a function pointer converts from dlsym's void * this way */
	memcpy(&plugin_read, &sym, sizeof plugin_read);
	return 1; /* kept loaded to the end of the process */
}

/* Look for the plugin where the header comment says. */
static void load_plugin(void)
{
	plugin_tried = 1;
	snprintf(plugin_why, sizeof plugin_why,
	         "no %s beside the program or in lib/soan/; set SOAN_PDF_PLUGIN", PLUGIN_NAME);
	const char *env = getenv("SOAN_PDF_PLUGIN");
	if (env && *env && try_load(env))
		return;
	char *dir = soan_program_dir();
	if (dir) {
		/* build/soan-pdf.so, or PREFIX/lib/soan/ for PREFIX/bin/soan */
		char *p = xasprintf("%s/%s", dir, PLUGIN_NAME);
		int ok = try_load(p);
		free(p);
		char *slash = strrchr(dir, '/');
		if (!ok && slash) {
			*slash = '\0';
			p = xasprintf("%s/lib/soan/%s", dir, PLUGIN_NAME);
			ok = try_load(p);
			free(p);
		}
		free(dir);
		if (ok)
			return;
	}
	try_load(SOAN_PREFIX "/lib/soan/" PLUGIN_NAME);
}

int read_pdf(const unsigned char *data, size_t len, const struct read_opts *o, struct blocks *out,
             struct diag *d)
{
	if (!plugin_tried)
		load_plugin();
	if (!plugin_read)
		return diag_env(d, "cannot read PDF: the PDF reader plugin did not load (%s)",
		                plugin_why);
	return plugin_read(data, len, o, out, d);
}
