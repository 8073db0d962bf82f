/* regex.h - the one place soan sets up pcre2.
 *
 * Every pattern soan matches (the recognizer's rules, rollover's years
 * and references, the renaming table's names, the report's route of
 * reports) is compiled here: UTF mode, Unicode properties, no UTF check
 * on subjects (every text soan matches is valid UTF-8 by then), and JIT
 * unless the environment sets SOAN_NO_JIT (JIT code reads subjects 16
 * bytes at a time, past their end: harmless, but memcheck reports it, so
 * tests/run.sh sets it under valgrind).
 *
 * Patterns of soan's own are `struct regex` values compiled on first use
 * and kept for the process, so a run pays only for the patterns it
 * matches; a user's pattern (a renaming table) goes through
 * regex_compile() and its error becomes a diagnostic. */
#ifndef SOAN_REGEX_H
#define SOAN_REGEX_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "extract/base/diag.h"

/* Pass as len for a NUL-terminated pattern. */
#define REGEX_NUL ((size_t)-1)

/* Compile pat (len bytes, or REGEX_NUL) with flags added to UTF | UCP.
 * Returns the code (pcre2_code_free() it), or NULL with an input error
 * in d: pcre2's message and the offset in the pattern. */
pcre2_code *regex_compile(const char *pat, size_t len, uint32_t flags, struct diag *d);

/* A pattern of soan's own, compiled the first time regex_code() asks. */
struct regex {
	const char *pattern;
	uint32_t flags;
	pcre2_code *code;
};
#define REGEX_INIT(pattern, flags)                                                                 \
	{                                                                                          \
		(pattern), (flags), NULL                                                           \
	}

/* r's compiled code; compiles it on first use.  A pattern of soan's own
 * that does not compile is a BUG (its unit test compiles it): abort. */
pcre2_code *regex_code(struct regex *r);
/* pcre2_match() of r (compiled on first use) on s[0..len) from byte
 * start; returns pcre2's result (> 0 on a match, groups in md). */
int regex_match(struct regex *r, const char *s, size_t len, size_t start, uint32_t options,
                pcre2_match_data *md);
/* Free r's compiled code; the next regex_code() compiles it again. */
void regex_release(struct regex *r);

/* Match data for up to n groups (pcre2_match_data_free() it). */
pcre2_match_data *regex_match_data(uint32_t n);

#endif
