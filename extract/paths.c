/* paths.c - locating data files at run time (see paths.h). */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

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

char *soan_data_path(const char *rel)
{
	char *p;
	const char *env = getenv("SOAN_DATADIR");
	if (env && *env && (p = try(env, rel)))
		return p;

	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((p = try(exe, rel)))
				return p;
			/* build/soan inside the source tree, or bin/soan under a prefix */
			slash = strrchr(exe, '/');
			if (slash) {
				*slash = '\0';
				if ((p = try(exe, rel)))
					return p;
				char *share = xasprintf("%s/share/soan", exe);
				p = try(share, rel);
				free(share);
				if (p)
					return p;
			}
		}
	}
	return try(SOAN_PREFIX "/share/soan", rel);
}
