/* paths.c - locating data files at run time (see paths.h). */
#include "extract/base/paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/base/xalloc.h"

#ifndef SOAN_PREFIX
#define SOAN_PREFIX "/usr/local"
#endif

static int exists(const char *p)
{
	return access(p, R_OK) == 0;
}

static char *try(const char *dir, const char *rel)
{
	char *p = xasprintf("%s/%s", dir, rel);
	if (exists(p))
		return p;
	free(p);
	return NULL;
}

char *soan_program_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

char *soan_data_path(const char *rel)
{
	char *p;
	const char *env = getenv("SOAN_DATADIR");
	if (env && *env && (p = try(env, rel)))
		return p;

	char *dir = soan_program_dir();
	if (dir) {
		p = try(dir, rel);
		/* build/soan inside the source tree, or bin/soan under a prefix */
		char *slash = p ? NULL : strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			p = try(dir, rel);
			if (!p) {
				char *share = xasprintf("%s/share/soan", dir);
				p = try(share, rel);
				free(share);
			}
		}
		free(dir);
		if (p)
			return p;
	}
	return try(SOAN_PREFIX "/share/soan", rel);
}
