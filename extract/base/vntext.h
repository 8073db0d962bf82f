/* vntext.h - small Vietnamese text helpers the recognizer and transforms
 * share: case, letters, words, proper casing of upper-case names, and the
 * folded keys agencies are matched by.  All take and return UTF-8 NFC. */
#ifndef SOAN_VNTEXT_H
#define SOAN_VNTEXT_H

#include <stddef.h>

#include "extract/base/buf.h"

/* Lower case (Unicode case folding, NFC); the caller frees. */
char *text_lower(const char *s, size_t len);
/* Share of letters that are upper case (0..1); -1 when s has no letters. */
double text_upper_ratio(const char *s, size_t len);
/* Is the first letter (skipping quotes, brackets, spaces) lower case? */
int text_starts_lower(const char *s);
/* Does s end a sentence or clause (. ; : ! ? … and closing quotes)? */
int text_ends_terminal(const char *s);
size_t text_words(const char *s);
/* Remove leading/trailing spaces and, if given, trailing characters from
 * strip (ASCII only): returns a malloc'd copy. */
char *text_trim(const char *s, size_t len, const char *strip);

/* An upper-case name from a document header in the case the decree's
 * capitalization rules give it: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" ->
 * "Ủy ban nhân dân tỉnh Lâm Đồng", "SỞ NỘI VỤ" -> "Sở Nội vụ".  Known
 * acronyms (UBND, HĐND, ...) are expanded when expand is set, kept
 * otherwise.  The caller frees. */
char *text_proper_case(const char *s, int expand);

/* The key an agency is matched by: lower case, tone placement and
 * punctuation folded, abbreviations expanded ("Sở TT&TT" and "Sở Thông
 * tin và Truyền thông" give the same key).  The caller frees. */
char *agency_key(const char *name);

#endif
