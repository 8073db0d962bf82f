/* t_encoding.c - the legacy Vietnamese encodings: every row of every table
 * in extract/read/encodings/ as the decoder sees it, round trips, each table
 * against an independent implementation or public table (glibc iconv in
 * process for VN1, Windows-1258 and Windows-1252; ibus-unikey's and
 * xvnkb's tables, transcribed in tests/data/enc/ref/, for TCVN3, VNI and
 * Windows-1258), the DOMAIN.md test vectors, detection, TCVN3 capitals,
 * DOCX font text, and the syllable model against the seed plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>
#include <utf8proc.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/normalize.h"
#include "extract/read/encoding.h"

/* ---- helpers -------------------------------------------------------------- */

static char *path_of(const char *rel)
{
	const char *top = getenv("SOAN_DATADIR");
	size_t n = strlen(top ? top : ".") + strlen(rel) + 2;
	char *p = malloc(n);
	snprintf(p, n, "%s/%s", top ? top : ".", rel);
	return p;
}

static char *slurp(const char *rel, size_t *len)
{
	char *path = path_of(rel);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	struct buf b = BUF_INIT;
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	free(path);
	return buf_detach(&b, len);
}

/* NFC of UTF-8 s (malloc'd). */
static char *nfc(const char *s, size_t len)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &r,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(n >= 0);
	return (char *)r;
}

/* Decode bytes with a known encoding; the caller frees the result. */
static char *conv(enum text_encoding e, const void *bytes, size_t n)
{
	struct buf b = BUF_INIT;
	struct diag d = DIAG_INIT;
	if (encoding_convert(e, bytes, n, &b, &d) < 0)
		fail_msg("encoding_convert(%s): %s", encoding_name(e), d.msg);
	diag_release(&d);
	return buf_detach(&b, NULL);
}

/* glibc's decoding of bytes in charset enc as UTF-8, or NULL when glibc
 * refuses them. */
static char *glibc(const char *enc, const void *bytes, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		fail_msg("glibc has no iconv converter for %s", enc);
	char out[256], *op = out;
	char *ip = (char *)bytes;
	size_t il = n, ol = sizeof out - 1;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	if (r != (size_t)-1)
		r = iconv(cd, NULL, NULL, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1 || il)
		return NULL;
	*op = 0;
	return strdup(out);
}

static void put(struct buf *b, long cp)
{
	char tmp[4];
	buf_add(b, tmp, (size_t)utf8_put(cp, tmp));
}

/* ---- the tables as data ------------------------------------------------------ */

struct trow {
	unsigned char bytes[2];
	size_t nbytes;
	char text[16]; /* UTF-8 of the code points, "" when undefined */
	int undefined, fallback;
};

struct ttable {
	const char *name;
	enum text_encoding enc;
	struct trow *rows;
	size_t n;
};

static struct ttable tables[] = {
    {"cp1258", ENC_CP1258, NULL, 0},
    {"tcvn3", ENC_TCVN3, NULL, 0},
    {"vn1", ENC_VN1, NULL, 0},
    {"vni", ENC_VNI, NULL, 0},
};

static struct ttable *table_named(const char *name)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (!strcmp(tables[i].name, name))
			return &tables[i];
	return NULL;
}

static void load_table(struct ttable *t)
{
	char rel[64];
	snprintf(rel, sizeof rel, "extract/read/encodings/%s.tsv", t->name);
	char *text = slurp(rel, NULL);
	size_t alloc = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || !line[0])
			continue;
		if (t->n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			t->rows = realloc(t->rows, alloc * sizeof *t->rows);
		}
		struct trow *r = &t->rows[t->n++];
		memset(r, 0, sizeof *r);
		char *tab = strchr(line, '\t');
		assert_non_null(tab);
		char *p = line;
		while (p < tab) {
			r->bytes[r->nbytes++] = (unsigned char)strtoul(p, &p, 16);
			while (*p == ' ')
				p++;
			assert_true(r->nbytes <= 2);
		}
		p = tab + 1;
		if (*p == '-') {
			r->undefined = 1;
		} else {
			struct buf b = BUF_INIT;
			while (*p && *p != '\t') {
				put(&b, (long)strtoul(p, &p, 16));
				while (*p == ' ')
					p++;
			}
			assert_true(b.len < sizeof r->text);
			memcpy(r->text, b.ptr, b.len + 1);
			buf_release(&b);
		}
		char *note = strchr(tab + 1, '\t');
		note = note ? strchr(note + 1, '\t') : NULL;
		r->fallback = note && !strncmp(note + 1, "fallback", 8);
	}
	free(text);
}

static int setup(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (!tables[i].n)
			load_table(&tables[i]);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		free(tables[i].rows);
		tables[i].rows = NULL;
		tables[i].n = 0;
	}
	return 0;
}

/* The row listing byte b alone, or NULL. */
static const struct trow *single_row(const struct ttable *t, unsigned char b)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].nbytes == 1 && t->rows[i].bytes[0] == b)
			return &t->rows[i];
	return NULL;
}

/* ---- every row ----------------------------------------------------------------- */

/* Each row decodes to what it lists (U+FFFD when undefined); each byte
 * 0x01-0x7F it does not list is ASCII; each byte 0x80-0xFF is listed. */
static void every_row_decodes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct ttable *t = &tables[i];
		assert_true(t->n >= 128);
		for (size_t k = 0; k < t->n; k++) {
			const struct trow *r = &t->rows[k];
			char *got = conv(t->enc, r->bytes, r->nbytes);
			const char *want = r->undefined ? "\xEF\xBF\xBD" : r->text;
			if (strcmp(got, want))
				fail_msg("%s %02X%s: decodes to '%s', table says '%s'", t->name,
				         r->bytes[0], r->nbytes > 1 ? " +mark" : "", got, want);
			free(got);
		}
		for (int b = 1; b < 0x100; b++) {
			const struct trow *r = single_row(t, (unsigned char)b);
			if (b >= 0x80)
				assert_non_null(r);
			if (r)
				continue;
			unsigned char c = (unsigned char)b;
			char *got = conv(t->enc, &c, 1);
			assert_int_equal(strlen(got), 1);
			assert_int_equal((unsigned char)got[0], b);
			free(got);
		}
	}
}

/* Letters round-trip: no two letter rows of a table spell the same text,
 * so the inverse is a function, and the text of all letter rows,
 * encoded through that inverse and decoded, comes back. */
static void every_row_round_trips(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct ttable *t = &tables[i];
		struct buf text = BUF_INIT, bytes = BUF_INIT;
		size_t letters = 0;
		for (size_t k = 0; k < t->n; k++) {
			const struct trow *r = &t->rows[k];
			if (r->undefined || r->fallback)
				continue;
			for (size_t j = 0; j < k; j++)
				if (!t->rows[j].undefined && !t->rows[j].fallback &&
				    !strcmp(t->rows[j].text, r->text))
					fail_msg("%s: '%s' is spelt two ways", t->name, r->text);
			/* separate the rows so a VNI mark never meets the row before */
			buf_adds(&text, r->text);
			buf_addc(&text, ' ');
			buf_add(&bytes, r->bytes, r->nbytes);
			buf_addc(&bytes, ' ');
			letters++;
		}
		char *got = conv(t->enc, bytes.ptr, bytes.len);
		assert_string_equal(got, text.ptr);
		free(got);
		buf_release(&text);
		buf_release(&bytes);
		assert_true(letters > 0);
	}
	/* the letter counts the encodings are known for */
	size_t vni_pairs = 0, vni_singles = 0;
	const struct ttable *v = table_named("vni");
	for (size_t k = 0; k < v->n; k++) {
		vni_pairs += v->rows[k].nbytes == 2;
		vni_singles += v->rows[k].nbytes == 1 && !v->rows[k].fallback &&
		               !v->rows[k].undefined && v->rows[k].bytes[0] >= 0x80 &&
		               strlen(v->rows[k].text) > 1;
	}
	/* 146 letters = 12 ASCII vowels in two cases (plain) + 116 pairs + 18 bytes */
	assert_int_equal(vni_pairs, 116);
	assert_int_equal(vni_singles, 18);
}

/* ---- against independent implementations ------------------------------------- */

static void check_glibc_byte(const char *what, enum text_encoding e, const char *glibc_name, int b)
{
	unsigned char c = (unsigned char)b;
	char *ours = conv(e, &c, 1);
	char *theirs = glibc(glibc_name, &c, 1);
	if (!theirs) {
		if (strcmp(ours, "\xEF\xBF\xBD"))
			fail_msg("%s %02X: glibc %s leaves it undefined, we decode '%s'", what, b,
			         glibc_name, ours);
	} else if (strcmp(ours, theirs)) {
		fail_msg("%s %02X: we decode '%s', glibc %s '%s'", what, b, ours, glibc_name,
		         theirs);
	}
	free(ours);
	free(theirs);
}

static void vn1_and_cp1258_against_glibc(void **state)
{
	(void)state;
	for (int b = 1; b < 0x100; b++) {
		check_glibc_byte("VN1", ENC_VN1, "TCVN5712-1", b);
		check_glibc_byte("Windows-1258", ENC_CP1258, "CP1258", b);
	}
}

/* TCVN3 letters agree with glibc's VN1 (VN1 is a superset there); its
 * other bytes, and the Windows-1252 reading the 1252 repair inverts,
 * agree with glibc's CP1252. */
static void tcvn3_and_cp1252_against_glibc(void **state)
{
	(void)state;
	const struct ttable *t = table_named("tcvn3");
	size_t letters = 0;
	for (int b = 0x80; b < 0x100; b++) {
		const struct trow *r = single_row(t, (unsigned char)b);
		if (r->fallback || r->undefined) {
			check_glibc_byte("TCVN3 (non-letter)", ENC_TCVN3, "CP1252", b);
		} else {
			check_glibc_byte("TCVN3", ENC_TCVN3, "TCVN5712-1", b);
			letters++;
		}
		/* the byte read as Windows-1252 by glibc, repaired by us */
		unsigned char c = (unsigned char)b;
		char *as1252 = glibc("CP1252", &c, 1);
		if (!as1252)
			continue;
		char *direct = conv(ENC_TCVN3, &c, 1);
		char *repaired = conv(ENC_TCVN3_AS_1252, as1252, strlen(as1252));
		if (strcmp(direct, repaired))
			fail_msg("byte %02X read as 1252 ('%s') repairs to '%s', not '%s'", b,
			         as1252, repaired, direct);
		free(direct);
		free(repaired);
		free(as1252);
	}
	/* 7 capitals, 7 small letters with quality marks, 12 x 5 toned */
	assert_int_equal(letters, 74);
}

/* Each line of a reference file: letter, code point, and byte columns. */
struct ref {
	char letter[8];
	unsigned char bytes[3][2];
	size_t nbytes[3];
};

static size_t load_ref(const char *rel, struct ref *refs, size_t max)
{
	char *text = slurp(rel, NULL);
	size_t n = 0;
	for (char *line = strtok(text, "\n"); line && n < max; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		struct ref *r = &refs[n++];
		memset(r, 0, sizeof *r);
		char *f[5] = {line};
		size_t nf = 1;
		for (char *p = line; *p && nf < 5; p++)
			if (*p == '\t') {
				*p = 0;
				f[nf++] = p + 1;
			}
		assert_true(nf >= 3 && strlen(f[0]) < sizeof r->letter);
		strcpy(r->letter, f[0]);
		for (size_t c = 2; c < nf; c++) {
			char *p = f[c];
			while (*p && r->nbytes[c - 2] < 2) {
				r->bytes[c - 2][r->nbytes[c - 2]++] =
				    (unsigned char)strtoul(p, &p, 16);
				while (*p == ' ')
					p++;
			}
		}
	}
	free(text);
	return n;
}

static int is_toned_capital(const char *letter)
{
	utf8proc_int32_t cp, d[4];
	utf8proc_iterate((const utf8proc_uint8_t *)letter, -1, &cp);
	if (utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
		return 0;
	int last = 0;
	utf8proc_ssize_t m = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &last);
	for (utf8proc_ssize_t i = 1; i < m; i++)
		if (d[i] == 0x300 || d[i] == 0x301 || d[i] == 0x303 || d[i] == 0x309 ||
		    d[i] == 0x323)
			return 1;
	return 0;
}

/* ibus-unikey's TCVN3, VNI-WIN and WinCP1258 tables, letter by letter. */
static void against_unikey(void **state)
{
	(void)state;
	struct ref refs[200];
	size_t n = load_ref("tests/data/enc/ref/unikey.tsv", refs, 200);
	assert_int_equal(n, 186);
	size_t lost = 0;
	for (size_t i = 0; i < n; i++) {
		const struct ref *r = &refs[i];
		char *t3 = conv(ENC_TCVN3, r->bytes[0], r->nbytes[0]);
		if (strcmp(t3, r->letter)) {
			/* TCVN3 has no upper-case toned vowels: Unikey writes the
			 * lower-case byte, which reads back in lower case */
			char *lower =
			    (char *)utf8proc_NFKC_Casefold((const utf8proc_uint8_t *)r->letter);
			if (!is_toned_capital(r->letter) || strcmp(t3, lower))
				fail_msg("TCVN3 %02X: '%s', Unikey says '%s'", r->bytes[0][0], t3,
				         r->letter);
			free(lower);
			lost++;
		}
		free(t3);
		char *vni = conv(ENC_VNI, r->bytes[1], r->nbytes[1]);
		if (strcmp(vni, r->letter))
			fail_msg("VNI %02X %02X: '%s', Unikey says '%s'", r->bytes[1][0],
			         r->bytes[1][1], vni, r->letter);
		free(vni);
		char *w = conv(ENC_CP1258, r->bytes[2], r->nbytes[2]);
		char *wn = nfc(w, strlen(w));
		if (strcmp(wn, r->letter))
			fail_msg("Windows-1258 %02X %02X: '%s', Unikey says '%s'", r->bytes[2][0],
			         r->bytes[2][1], wn, r->letter);
		free(w);
		free(wn);
	}
	assert_int_equal(lost, 12 * 5); /* every upper-case toned vowel, nothing else */
}

/* xvnkb's VNI table, all 146 spellings. */
static void against_xvnkb(void **state)
{
	(void)state;
	struct ref refs[200];
	size_t n = load_ref("tests/data/enc/ref/xvnkb-vni.tsv", refs, 200);
	assert_int_equal(n, 146);
	for (size_t i = 0; i < n; i++) {
		char *got = conv(ENC_VNI, refs[i].bytes[0], refs[i].nbytes[0]);
		if (strcmp(got, refs[i].letter))
			fail_msg("VNI %02X %02X: '%s', xvnkb says '%s'", refs[i].bytes[0][0],
			         refs[i].bytes[0][1], got, refs[i].letter);
		free(got);
	}
}

/* ---- DOMAIN.md section 3.2 test vectors ------------------------------------------- */

/* The vectors as DOMAIN.md prints them: the bytes read as Windows-1252. */
static const char vec_tcvn3_1252[] = "Céng hßa x· héi chñ nghÜa ViÖt Nam - ñy ban nh©n d©n tØnh - "
                                     "KÕ ho¹ch tuyªn truyÒn";
static const char vec_vni_1252[] =
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam - UÛy ban nhaân daân tænh - "
    "Keá hoaïch tuyeân truyeàn";
static const char vec_text[] = "Cộng hòa xã hội chủ nghĩa Việt Nam - Ủy ban nhân dân tỉnh - "
                               "Kế hoạch tuyên truyền";
static const char vec_text_tcvn3[] = "Cộng hòa xã hội chủ nghĩa Việt Nam - ủy ban nhân dân tỉnh - "
                                     "Kế hoạch tuyên truyền";

/* The bytes of a Windows-1252 string, by glibc. */
static char *bytes_1252(const char *s, size_t *n)
{
	iconv_t cd = iconv_open("CP1252", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *out = calloc(1, strlen(s) + 1), *op = out, *ip = (char *)s;
	size_t il = strlen(s), ol = strlen(s);
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	*n = (size_t)(op - out);
	return out;
}

static void test_vectors(void **state)
{
	(void)state;
	size_t n;
	char *b = bytes_1252(vec_tcvn3_1252, &n);
	/* the first bytes DOMAIN.md lists in hex */
	static const unsigned char head[] = {0x43, 0xe9, 0x6e, 0x67, 0x20, 0x68, 0xdf, 0x61,
	                                     0x20, 0x78, 0xb7, 0x20, 0x68, 0xe9, 0x69, 0x20,
	                                     0x63, 0x68, 0xf1, 0x20, 0x6e, 0x67, 0x68, 0xdc,
	                                     0x61, 0x20, 0x56, 0x69, 0xd6, 0x74};
	assert_memory_equal(b, head, sizeof head);
	char *got = conv(ENC_TCVN3, b, n);
	assert_string_equal(got, vec_text_tcvn3);
	free(got);
	free(b);

	b = bytes_1252(vec_vni_1252, &n);
	static const unsigned char vhead[] = {0x43, 0x6f, 0xe4, 0x6e, 0x67, 0x20, 0x68, 0x6f,
	                                      0xf8, 0x61, 0x20, 0x78, 0x61, 0xf5, 0x20, 0x68,
	                                      0x6f, 0xe4, 0x69, 0x20, 0x63, 0x68, 0x75, 0xfb,
	                                      0x20, 0x6e, 0x67, 0x68, 0xf3, 0x61};
	assert_memory_equal(b, vhead, sizeof vhead);
	got = conv(ENC_VNI, b, n);
	assert_string_equal(got, vec_text);
	free(got);
	free(b);

	/* the 1252 readings repaired directly */
	got = conv(ENC_TCVN3_AS_1252, vec_tcvn3_1252, strlen(vec_tcvn3_1252));
	assert_string_equal(got, vec_text_tcvn3);
	free(got);
	got = conv(ENC_VNI_AS_1252, vec_vni_1252, strlen(vec_vni_1252));
	assert_string_equal(got, vec_text);
	free(got);

	/* VNI: 0xF4 is ơ alone and the base of ớ ờ ở ỡ ợ */
	static const char oi[] = "\xF4 \xF4\xF9 \xF4\xF8 \xF4\xFB \xF4\xF5 \xF4\xEF \xD4\xD9";
	got = conv(ENC_VNI, oi, sizeof oi - 1);
	assert_string_equal(got, "ơ ớ ờ ở ỡ ợ Ớ");
	free(got);
	/* a mark of the other case is taken; a mark with no base is a combining mark */
	got = conv(ENC_VNI, "A\xF9 a\xD9 \xF9", 7);
	assert_string_equal(got, "Á á \xCC\x81");
	free(got);
}

/* ---- detection ---------------------------------------------------------------------- */

struct decoded {
	char *text; /* NFC */
	enum text_encoding found;
	size_t warnings;
	int rc;
};

static struct decoded decode(const void *data, size_t len)
{
	struct decoded r;
	struct buf b = BUF_INIT;
	struct diag d = DIAG_INIT;
	r.rc = encoding_decode(data, len, &b, &r.found, &d);
	r.warnings = d.nwarnings;
	r.text = nfc(b.ptr, b.len);
	buf_release(&b);
	diag_release(&d);
	return r;
}

/* The bytes of UTF-8 s in glibc's charset enc. */
static char *glibc_encode(const char *enc, const char *s, size_t *n)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t cap = 4 * strlen(s) + 4;
	char *out = calloc(1, cap), *op = out, *ip = (char *)s;
	size_t il = strlen(s), ol = cap;
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv(cd, NULL, NULL, &op, &ol);
	iconv_close(cd);
	*n = (size_t)(op - out);
	return out;
}

static void expect_decode(const void *data, size_t len, enum text_encoding want_enc,
                          const char *want_text, size_t want_warnings)
{
	struct decoded r = decode(data, len);
	if (r.rc)
		fail_msg("'%s' (%zu bytes) refused, wanted %s", r.text, len,
		         encoding_name(want_enc));
	if (r.found != want_enc)
		fail_msg("detected %s, wanted %s ('%s')", encoding_name(r.found),
		         encoding_name(want_enc), r.text);
	if (want_text)
		assert_string_equal(r.text, want_text);
	assert_int_equal(r.warnings, want_warnings);
	free(r.text);
}

static void detects_each_encoding(void **state)
{
	(void)state;
	size_t n;
	char *b = bytes_1252(vec_tcvn3_1252, &n);
	expect_decode(b, n, ENC_TCVN3, vec_text_tcvn3, 1);
	free(b);
	b = bytes_1252(vec_vni_1252, &n);
	expect_decode(b, n, ENC_VNI, vec_text, 1);
	free(b);
	b = glibc_encode("TCVN5712-1", vec_text, &n);
	expect_decode(b, n, ENC_VN1, vec_text, 1);
	free(b);
	b = glibc_encode("CP1258", vec_text, &n);
	expect_decode(b, n, ENC_CP1258, vec_text, 1);
	free(b);
	expect_decode(vec_tcvn3_1252, strlen(vec_tcvn3_1252), ENC_TCVN3_AS_1252, vec_text_tcvn3, 1);
	expect_decode(vec_vni_1252, strlen(vec_vni_1252), ENC_VNI_AS_1252, vec_text, 1);
	/* Unicode: no warning */
	expect_decode(vec_text, strlen(vec_text), ENC_UTF8, vec_text, 0);
	b = glibc_encode("UTF-16", vec_text, &n); /* glibc writes a BOM */
	struct decoded r = decode(b, n);
	assert_int_equal(r.rc, 0);
	assert_true(r.found == ENC_UTF16LE || r.found == ENC_UTF16BE);
	assert_string_equal(r.text, vec_text);
	free(r.text);
	free(b);
	struct buf be = BUF_INIT;
	buf_add(&be, "\xFE\xFF\x00K\x1E\xBF", 6);
	expect_decode(be.ptr, be.len, ENC_UTF16BE, "Kế", 0);
	buf_release(&be);
	expect_decode("\xEF\xBB\xBFK\xE1\xBA\xBF", 7, ENC_UTF8, "Kế", 0);
}

static void utf8_is_left_alone(void **state)
{
	(void)state;
	/* Vietnamese written with Latin-1 letters only (the mojibake cues
	 * fire, the scoring keeps it) */
	expect_decode("Cà phê và bánh mì, cá kho tộ", strlen("Cà phê và bánh mì, cá kho tộ"),
	              ENC_UTF8, NULL, 0);
	const char *latin = "Cà phê và bánh mì.";
	expect_decode(latin, strlen(latin), ENC_UTF8, latin, 0);
	/* French and German are not Vietnamese in any encoding */
	const char *fr = "Le café est déjà prêt, très bien, à côté de la fenêtre";
	expect_decode(fr, strlen(fr), ENC_UTF8, fr, 0);
	const char *de = "Größe, Übermaß und Äpfel für Müller";
	expect_decode(de, strlen(de), ENC_UTF8, de, 0);
	/* decomposed Vietnamese stays as it is (the caller composes) */
	const char *nfd = "Vie\xCC\xA3\xCC\x82t Nam, ho\xCC\x80"
	                  "a bi\xCC\x80nh";
	struct decoded r = decode(nfd, strlen(nfd));
	assert_int_equal(r.found, ENC_UTF8);
	assert_int_equal(r.warnings, 0);
	free(r.text);
}

static void refuses_what_is_no_text(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct diag d = DIAG_INIT;
	assert_int_equal(encoding_decode((const unsigned char *)"abc\0def", 7, &b, NULL, &d), -1);
	assert_non_null(strstr(d.msg, "binary"));
	diag_release(&d);
	/* every byte value but NUL: not Vietnamese in any encoding */
	unsigned char all[255 * 4];
	for (size_t i = 0; i < sizeof all; i++)
		all[i] = (unsigned char)(1 + i % 255);
	diag_init(&d, "x");
	assert_int_equal(encoding_decode(all, sizeof all, &b, NULL, &d), -1);
	assert_non_null(strstr(d.msg, "no legacy Vietnamese encoding"));
	diag_release(&d);
	/* French in Windows-1252 */
	diag_init(&d, "x");
	const char fr[] = "Le caf\xE9 est d\xE9j\xE0 pr\xEAt, tr\xE8s bien.";
	assert_int_equal(encoding_decode((const unsigned char *)fr, sizeof fr - 1, &b, NULL, &d),
	                 -1);
	diag_release(&d);
	/* UTF-16 with a lone surrogate */
	diag_init(&d, "x");
	assert_int_equal(encoding_decode((const unsigned char *)"\xFF\xFE\x00\xD8"
	                                                        "a\0",
	                                 6, &b, NULL, &d),
	                 -1);
	diag_release(&d);
	buf_release(&b);
}

/* ---- TCVN3 capitals ------------------------------------------------------------------- */

/* UTF-8 text to TCVN3 bytes through the table's inverse; capitals TCVN3
 * lacks become their lower-case letter. */
static char *to_tcvn3(const char *s, size_t *n)
{
	const struct ttable *t = table_named("tcvn3");
	struct buf out = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		const unsigned char *at = p;
		long cp = utf8_next(&p, end);
		if (cp < 0x80) {
			buf_addc(&out, (char)cp);
			continue;
		}
		char one[8] = {0}, low[8] = {0};
		memcpy(one, at, (size_t)(p - at));
		utf8_put(utf8proc_tolower((utf8proc_int32_t)cp), low);
		const struct trow *hit = NULL;
		for (size_t k = 0; k < t->n && !hit; k++)
			if (!t->rows[k].fallback && !strcmp(t->rows[k].text, one))
				hit = &t->rows[k];
		for (size_t k = 0; k < t->n && !hit; k++)
			if (!t->rows[k].fallback && !strcmp(t->rows[k].text, low))
				hit = &t->rows[k];
		if (!hit)
			fail_msg("no TCVN3 byte for '%s'", one);
		buf_addc(&out, (char)hit->bytes[0]);
	}
	return buf_detach(&out, n);
}

static void tcvn3_capitals(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
	    /* words evidently in capitals */
	    {"KẾ HOẠCH\nTuyên truyền", "KẾ HOẠCH\nTuyên truyền"},
	    {"I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"},
	    {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"},
	    {"SỞ NỘI VỤ", "SỞ NỘI VỤ"},
	    /* title case stays; a first toned capital inside a line is lost */
	    {"Kế hoạch của Sở GTVT và Sở KH&ĐT", "Kế hoạch của Sở GTVT và Sở KH&ĐT"},
	    {"Võ Trọng Hải, Ủy ban nhân dân tỉnh", "Võ Trọng Hải, ủy ban nhân dân tỉnh"},
	    /* a line starts with a capital, after its list mark or number */
	    {"Ở đây\n12. Ủy ban nhân dân\n- Ấn phẩm\na) Ủy ban\nIV. Ứng dụng",
	     "Ở đây\n12. Ủy ban nhân dân\n- Ấn phẩm\na) Ủy ban\nIV. Ứng dụng"},
	    {"Giúp việc cho\nỦy ban", "Giúp việc cho\nỦy ban"},
	    {"xem: ở đây", "xem: ở đây"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n;
		char *b = to_tcvn3(cases[i].in, &n);
		struct decoded r = decode(b, n);
		assert_int_equal(r.rc, 0);
		assert_int_equal(r.found, ENC_TCVN3);
		if (strcmp(r.text, cases[i].want))
			fail_msg("'%s' reads back as '%s', wanted '%s'", cases[i].in, r.text,
			         cases[i].want);
		free(r.text);
		free(b);
	}
	/* encoding_convert is the bare table */
	size_t n;
	char *b = to_tcvn3("KẾ HOẠCH", &n);
	char *got = conv(ENC_TCVN3, b, n);
	assert_string_equal(got, "Kế HOạCH");
	free(got);
	free(b);
}

/* ---- DOCX font text ------------------------------------------------------------------ */

static char *font_text(const char *font, const char *s, int *rc)
{
	struct buf b = BUF_INIT;
	*rc = encoding_font_text(font, s, strlen(s), &b);
	char *r = nfc(b.ptr, b.len);
	buf_release(&b);
	return r;
}

static void docx_fonts(void **state)
{
	(void)state;
	static const struct {
		const char *font, *in, *want;
		int rc;
	} cases[] = {
	    {".VnTime", vec_tcvn3_1252, vec_text_tcvn3, 1},
	    {".VnArial", "KÕ ho¹ch", "Kế hoạch", 1},
	    {".VnTimeH", "kÕ ho¹ch", "KẾ HOẠCH", 1},
	    {".VnArial NarrowH", "ñy ban nh©n d©n", "ỦY BAN NHÂN DÂN", 1},
	    {"VNI-Times", vec_vni_1252, vec_text, 1},
	    {"VNI-Helve", "COÄNG HOØA", "CỘNG HÒA", 1},
	    {"Times New Roman", "Céng hßa", "", 0},
	    {NULL, "Céng hßa", "", 0},
	    /* symbol-font private use: U+F0E9 is byte 0xE9 */
	    {".VnTime", "C\xEF\x83\xA9ng", "Cộng", 1},
	    /* a character no 1252 byte reads as passes through */
	    {".VnTime", "h\xE1\xBB\x99i \xE2\x86\x92 x\xC2\xB7", "hội → xã", 1},
	    /* a VNI mark opening a run is a combining mark */
	    {"VNI-Times", "øa",
	     "\xCC\x80"
	     "a",
	     1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc;
		char *got = font_text(cases[i].font, cases[i].in, &rc);
		assert_int_equal(rc, cases[i].rc);
		if (strcmp(got, cases[i].want))
			fail_msg("%s '%s': '%s', wanted '%s'",
			         cases[i].font ? cases[i].font : "(none)", cases[i].in, got,
			         cases[i].want);
		free(got);
	}
	int caps;
	assert_int_equal(encoding_font(".VnTimeH", &caps), ENC_TCVN3);
	assert_int_equal(caps, 1);
	assert_int_equal(encoding_font(".VnHelvetIns", &caps), ENC_TCVN3);
	assert_int_equal(caps, 0);
	assert_int_equal(encoding_font("VNI-Times", &caps), ENC_VNI);
	assert_int_equal(caps, 0);
	assert_int_equal(encoding_font("Arial", NULL), ENC_UTF8);
}

/* ---- the syllable model ------------------------------------------------------------- */

static void syllables(void **state)
{
	(void)state;
	static const char *const yes[] = {"Cộng",   "hòa",   "hoà", "nghĩa", "Việt",  "ủy",
	                                  "Uỷ",     "quý",   "giữ", "gì",    "người", "khuỷu",
	                                  "thuyền", "ĐƯỜNG", "học", "ngoặt"};
	/* "Céng" (TCVN3 read as 1252) has the shape of a syllable: c + éng */
	static const char *const no[] = {"hßa", "ViÖt",   "caf\xC3\xA9", "hoc\xCC\x80",
	                                 "càc", "thánhh", "ßa"};
	static const char *const nothing[] = {"UBND", "HĐND", "QĐ", "Ọ", "ASEAN", "đ"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (encoding_syllable(yes[i], strlen(yes[i])) != 1)
			fail_msg("'%s' should be a syllable", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (encoding_syllable(no[i], strlen(no[i])) != 0)
			fail_msg("'%s' should not be a syllable", no[i]);
	for (size_t i = 0; i < sizeof nothing / sizeof nothing[0]; i++)
		if (encoding_syllable(nothing[i], strlen(nothing[i])) != -1)
			fail_msg("'%s' should say nothing", nothing[i]);
}

/* Every word of the seed plans with a non-ASCII letter is a syllable or
 * says nothing, but for the loanwords listed here. */
static void seeds_are_syllables(void **state)
{
	(void)state;
	static const char *const seeds[] = {
	    "corpus/000-haiphong-asean-2021/000-haiphong-asean-2021.txt",
	    "corpus/001-hatinh-asean-2020/001-hatinh-asean-2020.txt",
	    "corpus/002-soctrang-asean-2014/002-soctrang-asean-2014.txt",
	    "corpus/003-hungyen-ttdn-2022/003-hungyen-ttdn-2022.txt",
	    "corpus/004-camau-asean-2019/004-camau-asean-2019.txt",
	};
	static const char *const loanwords[] = {"panô", "BCĐASEAN"};
	size_t checked = 0;
	for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
		size_t len;
		char *text = slurp(seeds[s], &len);
		const unsigned char *p = (const unsigned char *)text, *end = p + len, *start = NULL;
		while (p <= end) {
			const unsigned char *at = p;
			long cp = p < end ? utf8_next(&p, end) : -1;
			if (p == end && at == end)
				p++;
			utf8proc_category_t c =
			    cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category((utf8proc_int32_t)cp);
			int letter = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			             (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
			if (letter) {
				if (!start)
					start = at;
				continue;
			}
			if (!start)
				continue;
			size_t wl = (size_t)(at - start);
			int v = encoding_syllable((const char *)start, wl);
			if (v == 0) {
				size_t k;
				for (k = 0; k < sizeof loanwords / sizeof loanwords[0]; k++)
					if (strlen(loanwords[k]) == wl &&
					    !memcmp(loanwords[k], start, wl))
						break;
				if (k == sizeof loanwords / sizeof loanwords[0])
					fail_msg("%s: '%.*s' is not a syllable", seeds[s], (int)wl,
					         start);
			}
			checked += v == 1;
			start = NULL;
		}
		free(text);
	}
	assert_true(checked > 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_row_decodes),
	    cmocka_unit_test(every_row_round_trips),
	    cmocka_unit_test(vn1_and_cp1258_against_glibc),
	    cmocka_unit_test(tcvn3_and_cp1252_against_glibc),
	    cmocka_unit_test(against_unikey),
	    cmocka_unit_test(against_xvnkb),
	    cmocka_unit_test(test_vectors),
	    cmocka_unit_test(detects_each_encoding),
	    cmocka_unit_test(utf8_is_left_alone),
	    cmocka_unit_test(refuses_what_is_no_text),
	    cmocka_unit_test(tcvn3_capitals),
	    cmocka_unit_test(docx_fonts),
	    cmocka_unit_test(syllables),
	    cmocka_unit_test(seeds_are_syllables),
	};
	return cmocka_run_group_tests_name("encoding", tests, setup, teardown);
}
