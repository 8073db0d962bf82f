/* zipsafe.h - reading a zip container (DOCX) held in memory, defensively.
 *
 * A zip is untrusted input: its headers may lie.  zipsafe_open() refuses
 * what is not a readable zip (truncated, damaged, encrypted, too many
 * entries, two entries of one name) with one input error; zipsafe_read() checks an entry's declared
 * size and compression ratio before inflating and stops inflating as soon
 * as the data passes what was declared, so a zip bomb costs at most the
 * bounds in limits.h, never the memory it claims.  The total of inflated
 * bytes over every read is bounded as well.
 *
 * Entry names are matched without regard to ASCII case (OPC part names
 * are case-insensitive).  The zip's bytes are borrowed: they must outlive
 * the struct zipsafe. */
#ifndef SOAN_ZIPSAFE_H
#define SOAN_ZIPSAFE_H

#include <stddef.h>

#include "extract/base/diag.h"

struct zipsafe;

/* Open len bytes of zip.  Returns 0 and *out (free with zipsafe_close()),
 * or -1 with an input error in d. */
int zipsafe_open(const unsigned char *data, size_t len, struct zipsafe **out, struct diag *d);

/* Does an entry of that name exist? */
int zipsafe_exists(struct zipsafe *z, const char *name);

/* Inflate entry name.  Returns 1 with *data (malloc'd, NUL-terminated;
 * the caller frees it) and *len, 0 when there is no such entry, or -1
 * with an input error in d (the entry is too large, claims a ratio no
 * document has, inflates past its declared size, fails its CRC, or the
 * bytes run out). */
int zipsafe_read(struct zipsafe *z, const char *name, char **data, size_t *len, struct diag *d);

/* Number of entries and the name of entry i (borrowed; valid until
 * zipsafe_close), for callers that look for something by pattern. */
size_t zipsafe_count(struct zipsafe *z);
const char *zipsafe_name(struct zipsafe *z, size_t i);

void zipsafe_close(struct zipsafe *z);

#endif
