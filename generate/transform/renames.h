/* renames.h - the renaming table of the 2025 reorganisation
 * (generate/transform/renames.tsv): which agency and place names no longer exist,
 * and what to write instead, or that the new owner is ambiguous.
 *
 * The table is data a user edits; the file's own header documents its
 * format.  renames_find() looks for every name of the table in a text
 * and returns the non-overlapping hits, left to right, longest first
 * at one place.  It knows nothing of plan XML: which texts may be
 * renamed (never a legal reference) is the caller's business. */
#ifndef SOAN_RENAMES_H
#define SOAN_RENAMES_H

#include <stddef.h>

#include "extract/base/diag.h"

struct renames;

/* Load the table from path, or soan's own generate/transform/renames.tsv when path
 * is NULL.  Returns NULL with an error in d: an input error naming the
 * line for a malformed table, an environment error when it cannot be
 * read.  Free with renames_free(). */
struct renames *renames_load(const char *path, struct diag *d);
/* The same from text in memory; name is used in messages. */
struct renames *renames_parse(const char *name, const char *text, size_t len, struct diag *d);
void renames_free(struct renames *r);

struct rename_hit {
	size_t start, end; /* byte span of the old name in the text */
	char *text;        /* what to write instead (owned); NULL when ambiguous */
	const char *note;  /* the table's note (borrowed from the table) */
	int ambiguous;
};

struct rename_hits {
	struct rename_hit *v;
	size_t n, alloc;
};

#define RENAME_HITS_INIT                                                                           \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Append to out every name of the table found in s[0..len), as
 * non-overlapping hits from left to right.  Hits whose replacement is
 * the text itself are left out.  Returns the number appended. */
size_t renames_find(const struct renames *r, const char *s, size_t len, struct rename_hits *out);
void rename_hits_release(struct rename_hits *h);

/* The place a header's place line names ("Sóc Trăng"): its new name when
 * it changed, or NULL (unknown or unchanged).  The result is borrowed
 * from the table; *note receives the line's note. */
const char *renames_place(const struct renames *r, const char *name, const char **note);

/* Number of rules (lines) in the table. */
size_t renames_count(const struct renames *r);

#endif
