/* t_zipsafe.c - the zip layer under hostile input: bytes that are not a
 * zip, truncated zips, entries whose headers lie about their size, entries
 * that inflate far beyond their compressed size, too many entries,
 * checksum damage, encrypted entries and two entries of one name.  Each must fail with one clear
 * message and never inflate more than it declared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/limits.h"
#include "extract/base/zipsafe.h"
#include "tests/unit/docx_build.h"

/* Open data and read entry name; returns the read result, *msg the error. */
static int try_read(const unsigned char *data, size_t len, const char *name, char **msg,
                    size_t *got)
{
	struct diag d;
	diag_init(&d, "z.zip");
	struct zipsafe *z = NULL;
	int r = zipsafe_open(data, len, &z, &d);
	if (r == 0) {
		char *out = NULL;
		size_t l = 0;
		r = zipsafe_read(z, name, &out, &l, &d);
		if (got)
			*got = l;
		free(out);
	}
	*msg = d.msg ? strdup(d.msg) : strdup("");
	zipsafe_close(z);
	diag_release(&d);
	return r;
}

/* Little-endian 32-bit store. */
static void put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16),
	p[3] = (unsigned char)(v >> 24);
}

/* Set the uncompressed size of every entry in both the local headers and
 * the central directory (a header that lies). */
static void patch_sizes(unsigned char *z, size_t len, unsigned long size)
{
	for (size_t i = 0; i + 30 < len; i++) {
		if (!memcmp(z + i, "PK\x03\x04", 4))
			put32(z + i + 22, size);
		else if (!memcmp(z + i, "PK\x01\x02", 4))
			put32(z + i + 24, size);
	}
}

static void reads_and_misses(void **state)
{
	(void)state;
	struct tpart parts[] = {{"Word/Document.xml", "<x/>", 0}};
	size_t len, got = 0;
	unsigned char *z = docx_zip(parts, 1, &len);
	char *msg;
	/* names match without regard to case, as OPC part names do */
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, &got), 1);
	assert_int_equal(got, 4);
	free(msg);
	assert_int_equal(try_read(z, len, "word/styles.xml", &msg, NULL), 0);
	assert_string_equal(msg, "");
	free(msg);
	free(z);
}

static void not_a_zip_and_truncated(void **state)
{
	(void)state;
	char *msg;
	static const unsigned char junk[] =
	    "PK\x03\x04 this is not really a zip at all, just junk bytes";
	assert_int_equal(try_read(junk, sizeof junk, "x", &msg, NULL), -1);
	assert_string_equal(msg,
	                    "not a zip file, or a truncated one (no zip directory at its end)");
	free(msg);

	struct tpart parts[] = {
	    {"a.xml", "<a>some text that compresses a little, a little, a little</a>", 0}};
	size_t len;
	unsigned char *z = docx_zip(parts, 1, &len);
	assert_int_equal(try_read(z, len / 2, "a.xml", &msg, NULL), -1);
	assert_non_null(strstr(msg, "truncated"));
	free(msg);
	free(z);
}

/* A highly compressible entry: 4 MB of spaces is a few kilobytes. */
static void ratio_bomb(void **state)
{
	(void)state;
	size_t n = 4u << 20;
	char *big = malloc(n + 1);
	memset(big, ' ', n);
	big[n] = '\0';
	struct tpart parts[] = {{"word/document.xml", big, n}};
	size_t len;
	unsigned char *z = docx_zip(parts, 1, &len);
	assert_true(len < n / LIMIT_ZIP_RATIO);
	char *msg;
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, NULL), -1);
	assert_non_null(strstr(msg, "zip bomb refused: word/document.xml would inflate"));
	assert_non_null(strstr(msg, "LIMIT_ZIP_RATIO"));
	free(msg);
	free(z);
	free(big);
}

/* The header claims more than any document part may be. */
static void declared_too_large(void **state)
{
	(void)state;
	struct tpart parts[] = {{"word/document.xml", "<w:document/>", 0}};
	size_t len;
	unsigned char *z = docx_zip(parts, 1, &len);
	patch_sizes(z, len, 0xF0000000ul);
	char *msg;
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, NULL), -1);
	assert_non_null(
	    strstr(msg, "zip entry too large: word/document.xml declares 4026531840 bytes"));
	free(msg);
	free(z);
}

/* The header claims less than the data holds: inflation stops right
 * after the declared size. */
static void inflates_past_declared(void **state)
{
	(void)state;
	size_t n = 200000;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + (i * 7 + i / 13) % 26);
	big[n] = '\0';
	struct tpart parts[] = {{"word/document.xml", big, n}};
	size_t len;
	unsigned char *z = docx_zip(parts, 1, &len);
	patch_sizes(z, len, 100);
	char *msg;
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, NULL), -1);
	assert_string_equal(
	    msg, "zip bomb refused: word/document.xml inflates past its declared 100 bytes");
	free(msg);
	free(z);
	free(big);
}

static void checksum_damage(void **state)
{
	(void)state;
	/* stored, not deflated, so flipping a data byte keeps it readable */
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	static const char text[] = "<w:document>plain stored text</w:document>";
	zip_int64_t i =
	    zip_file_add(za, "a.xml", zip_source_buffer(za, text, sizeof text - 1, 0), 0);
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	zip_close(za);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	size_t len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	unsigned char *z = malloc(len);
	zip_source_read(src, z, len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	unsigned char *p = memmem(z, len, "plain", 5);
	assert_non_null(p);
	p[0] = 'P';
	char *msg;
	assert_int_equal(try_read(z, len, "a.xml", &msg, NULL), -1);
	assert_string_equal(msg, "a.xml: damaged zip file (checksum mismatch)");
	free(msg);
	free(z);
}

static void too_many_entries(void **state)
{
	(void)state;
	size_t n = LIMIT_ZIP_ENTRIES + 1;
	struct tpart *parts = calloc(n, sizeof *parts);
	char(*names)[16] = calloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "f%zu", i);
		parts[i].name = names[i];
		parts[i].data = "x";
	}
	size_t len;
	unsigned char *z = docx_zip(parts, n, &len);
	char *msg;
	assert_int_equal(try_read(z, len, "f0", &msg, NULL), -1);
	assert_non_null(strstr(msg, "too many entries: 4097 (limit 4096, LIMIT_ZIP_ENTRIES)"));
	free(msg);
	free(z);
	free(parts);
	free(names);
}

static void encrypted_entry(void **state)
{
	(void)state;
	if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1))
		skip();
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	static const char text[] = "<w:document/>";
	zip_int64_t i = zip_file_add(za, "word/document.xml",
	                             zip_source_buffer(za, text, sizeof text - 1, 0), 0);
	zip_file_set_encryption(za, (zip_uint64_t)i, ZIP_EM_AES_256, "secret");
	zip_close(za);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	size_t len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	unsigned char *z = malloc(len);
	zip_source_read(src, z, len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	char *msg;
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, NULL), -1);
	assert_string_equal(msg, "encrypted zip file (password protected)");
	free(msg);
	free(z);
}

/* Two parts whose names differ only in case: parts are looked up without
 * regard to case, so which one a reader gets is a guess.  (Two of the
 * very same name: tests/bad/two-documents.docx.) */
static void duplicate_names(void **state)
{
	(void)state;
	struct tpart parts[] = {
	    {"[Content_Types].xml", "<Types/>", 0},
	    {"word/document.xml", "<w:document/>", 0},
	    {"Word/Document.xml", "<w:document><w:body/></w:document>", 0},
	};
	size_t len;
	unsigned char *z = docx_zip(parts, 3, &len);
	char *msg;
	assert_int_equal(try_read(z, len, "word/document.xml", &msg, NULL), -1);
	assert_non_null(strstr(msg, "zip file holds two entries named '"));
	assert_non_null(strcasestr(msg, "'word/document.xml'"));
	free(msg);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(reads_and_misses),
	    cmocka_unit_test(not_a_zip_and_truncated),
	    cmocka_unit_test(ratio_bomb),
	    cmocka_unit_test(declared_too_large),
	    cmocka_unit_test(inflates_past_declared),
	    cmocka_unit_test(checksum_damage),
	    cmocka_unit_test(too_many_entries),
	    cmocka_unit_test(encrypted_entry),
	    cmocka_unit_test(duplicate_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
