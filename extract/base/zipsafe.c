/* zipsafe.c - defensive zip reading from memory on libzip (see zipsafe.h).
 *
 * Owns: opening a zip from a borrowed buffer, the entry-count,
 * encryption and duplicate-name checks, and bounded inflation of single entries.  It knows
 * nothing about what the entries mean (that is the DOCX reader's job). */
#include "extract/base/zipsafe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "extract/base/buf.h"
#include "extract/base/limits.h"
#include "extract/base/xalloc.h"

struct zipsafe {
	zip_t *za;
	size_t n;
	unsigned long long total; /* bytes inflated so far, all entries */
};

/* One line for a libzip error code, worded for the user. */
static const char *zip_problem(int code)
{
	switch (code) {
	case ZIP_ER_NOZIP:
		return "not a zip file, or a truncated one (no zip directory at its end)";
	case ZIP_ER_INCONS: return "damaged zip file (its directory is inconsistent)";
	case ZIP_ER_READ:
	case ZIP_ER_EOF: return "truncated zip file (data ends early)";
	case ZIP_ER_CRC: return "damaged zip file (checksum mismatch)";
	case ZIP_ER_COMPNOTSUPP: return "zip entry uses an unsupported compression method";
	case ZIP_ER_ENCRNOTSUPP:
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD: return "encrypted zip file (password protected)";
	case ZIP_ER_ZLIB: return "damaged zip file (compressed data is corrupt)";
	case ZIP_ER_MULTIDISK: return "multi-volume zip files are not supported";
	default: return "unreadable zip file";
	}
}

static int name_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* Two entries of one name (ASCII case aside, as parts are looked up):
 * libzip finds the first, another reader may take the second, so which
 * document this is depends on who reads it.  Refused. */
static int duplicate_name(zip_t *za, size_t n, struct diag *d)
{
	const char **names = xcalloc(n ? n : 1, sizeof *names);
	size_t k = 0;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		if (name)
			names[k++] = name;
	}
	qsort(names, k, sizeof *names, name_cmp);
	for (size_t i = 1; i < k && rc == 0; i++)
		if (!strcasecmp(names[i - 1], names[i]))
			rc = diag_error(d, "zip file holds two entries named '%s'", names[i]);
	free(names);
	return rc;
}

int zipsafe_open(const unsigned char *data, size_t len, struct zipsafe **out, struct diag *d)
{
	*out = NULL;
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
	if (!src) {
		zip_error_fini(&err);
		return diag_error(d, "unreadable zip file");
	}
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &err);
	if (!za) {
		int code = zip_error_code_zip(&err);
		zip_source_free(src);
		zip_error_fini(&err);
		return diag_error(d, "%s", zip_problem(code));
	}
	zip_error_fini(&err);
	zip_int64_t n = zip_get_num_entries(za, 0);
	if (n < 0 || n > LIMIT_ZIP_ENTRIES) {
		zip_discard(za);
		return diag_error(
		    d, "zip file has too many entries: %lld (limit %d, LIMIT_ZIP_ENTRIES)",
		    (long long)n, LIMIT_ZIP_ENTRIES);
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0)
			continue;
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			zip_discard(za);
			return diag_error(d, "encrypted zip file (password protected)");
		}
	}
	if (duplicate_name(za, (size_t)n, d) < 0) {
		zip_discard(za);
		return -1;
	}
	struct zipsafe *z = xcalloc(1, sizeof *z);
	z->za = za;
	z->n = (size_t)n;
	*out = z;
	return 0;
}

static zip_int64_t locate(struct zipsafe *z, const char *name)
{
	if (!name || !*name)
		return -1;
	return zip_name_locate(z->za, name, ZIP_FL_NOCASE);
}

int zipsafe_exists(struct zipsafe *z, const char *name)
{
	return locate(z, name) >= 0;
}

size_t zipsafe_count(struct zipsafe *z)
{
	return z->n;
}

const char *zipsafe_name(struct zipsafe *z, size_t i)
{
	const char *s = zip_get_name(z->za, (zip_uint64_t)i, 0);
	return s ? s : "";
}

int zipsafe_read(struct zipsafe *z, const char *name, char **data, size_t *len, struct diag *d)
{
	*data = NULL;
	*len = 0;
	zip_int64_t idx = locate(z, name);
	if (idx < 0)
		return 0;
	zip_stat_t st;
	if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0)
		return diag_error(d, "%s: %s", name,
		                  zip_problem(zip_error_code_zip(zip_get_error(z->za))));
	if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
		return diag_error(d, "%s: damaged zip entry (no size)", name);
	if (st.size > LIMIT_ZIP_ENTRY_BYTES)
		return diag_error(
		    d,
		    "zip entry too large: %s declares %llu bytes (limit %u, LIMIT_ZIP_ENTRY_BYTES)",
		    name, (unsigned long long)st.size, LIMIT_ZIP_ENTRY_BYTES);
	if (st.size > LIMIT_ZIP_RATIO_MIN_BYTES &&
	    st.size / (st.comp_size ? st.comp_size : 1) > LIMIT_ZIP_RATIO)
		return diag_error(
		    d, "zip bomb refused: %s would inflate %llu times (limit %d, LIMIT_ZIP_RATIO)",
		    name, (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
		    LIMIT_ZIP_RATIO);
	if (z->total + st.size > LIMIT_ZIP_TOTAL_BYTES)
		return diag_error(
		    d,
		    "zip entries too large together: %llu bytes (limit %u, LIMIT_ZIP_TOTAL_BYTES)",
		    z->total + (unsigned long long)st.size, LIMIT_ZIP_TOTAL_BYTES);

	zip_file_t *zf = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
	if (!zf)
		return diag_error(d, "%s: %s", name,
		                  zip_problem(zip_error_code_zip(zip_get_error(z->za))));
	/* Grow as the data arrives rather than trusting the declared size
	 * for the allocation; never read more than one byte past it. */
	struct buf b = BUF_INIT;
	size_t want = (size_t)st.size + 1;
	buf_grow(&b, want < 65536 ? want : 65536);
	int rc = 0;
	while (b.len < want) {
		size_t chunk = want - b.len;
		if (chunk > 1u << 20)
			chunk = 1u << 20;
		buf_grow(&b, chunk);
		zip_int64_t got = zip_fread(zf, b.ptr + b.len, chunk);
		if (got < 0) {
			rc = diag_error(d, "%s: %s", name,
			                zip_problem(zip_error_code_zip(zip_file_get_error(zf))));
			goto out;
		}
		if (got == 0)
			break;
		buf_setlen(&b, b.len + (size_t)got);
	}
	if (b.len > (size_t)st.size) {
		rc = diag_error(d, "zip bomb refused: %s inflates past its declared %llu bytes",
		                name, (unsigned long long)st.size);
		goto out;
	}
	if (b.len < (size_t)st.size) {
		rc = diag_error(d, "%s: truncated zip entry (%zu of %llu bytes)", name, b.len,
		                (unsigned long long)st.size);
		goto out;
	}
	z->total += b.len;
	*data = buf_detach(&b, len);
	rc = 1;
out:
	zip_fclose(zf);
	buf_release(&b);
	return rc;
}

void zipsafe_close(struct zipsafe *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	free(z);
}
