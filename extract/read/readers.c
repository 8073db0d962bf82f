/* readers.c - format detection and the reader dispatch table (readers.h).
 * No other code tests formats. */
#include "extract/read/readers.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/base/limits.h"
#include "extract/base/xalloc.h"

static const struct {
	enum input_format fmt;
	const char *name;
	reader_fn read;
} readers[] = {
    {FMT_TEXT, "text", read_text},   {FMT_MARKDOWN, "markdown", read_md},
    {FMT_DOCX, "DOCX", read_docx},   {FMT_PDF, "PDF", read_pdf},
    {FMT_PLANXML, "plan XML", NULL},
};

const char *format_name(enum input_format f)
{
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (readers[i].fmt == f)
			return readers[i].name;
	return "unknown";
}

static const char *extension(const char *name)
{
	if (!name)
		return "";
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash : name, '.');
	return dot ? dot + 1 : "";
}

static int has_prefix(const unsigned char *d, size_t len, const char *p, size_t plen)
{
	return len >= plen && memcmp(d, p, plen) == 0;
}

/* Does an OLE2 file hold a stream or storage of this (ASCII) name?  The
 * directory stores names as UTF-16LE. */
static int has_utf16_name(const unsigned char *d, size_t len, const char *name)
{
	unsigned char pat[64];
	size_t n = strlen(name);
	if (2 * n > sizeof pat)
		return 0;
	for (size_t i = 0; i < n; i++)
		pat[2 * i] = (unsigned char)name[i], pat[2 * i + 1] = 0;
	return memmem(d, len, pat, 2 * n) != NULL;
}

/* Does the text look like plan XML (an XML declaration or root <plan)? */
static int looks_plan_xml(const unsigned char *d, size_t len)
{
	size_t i = 0;
	if (has_prefix(d, len, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	if (len - i >= 5 && memcmp(d + i, "<?xml", 5) == 0) {
		/* find the first element */
		size_t lim = len < i + 4096 ? len : i + 4096;
		for (size_t j = i + 5; j + 5 < lim; j++)
			if (d[j] == '<' && d[j + 1] != '?' && d[j + 1] != '!')
				return memcmp(d + j, "<plan", 5) == 0;
		return 0;
	}
	return len - i >= 5 && memcmp(d + i, "<plan", 5) == 0;
}

/* Markdown cues in a text file: ATX headings, emphasis around a line,
 * pipe-table rules, HTML tables. */
static int looks_markdown(const unsigned char *d, size_t len)
{
	size_t lim = len < 65536 ? len : 65536;
	int cues = 0;
	for (size_t i = 0; i < lim; i++) {
		if (i && d[i - 1] != '\n')
			continue;
		const unsigned char *p = d + i;
		size_t rest = lim - i;
		if (rest > 2 && p[0] == '#' && (p[1] == ' ' || p[1] == '#'))
			cues++;
		else if (rest > 3 && p[0] == '|' && memchr(p, '-', rest < 8 ? rest : 8))
			cues++;
		else if (rest > 6 && memcmp(p, "<table", 6) == 0)
			cues += 2;
		else if (rest > 2 && p[0] == '*' && p[1] == '*')
			cues++;
		if (cues >= 2)
			return 1;
	}
	return 0;
}

enum input_format detect_format(const char *name, const unsigned char *data, size_t len,
                                struct diag *d)
{
	const char *ext = extension(name);
	if (len == 0) {
		diag_error(d, "empty file");
		return FMT_UNKNOWN;
	}
	if (has_prefix(data, len, "PK\x03\x04", 4) || has_prefix(data, len, "PK\x05\x06", 4))
		return FMT_DOCX;
	if (has_prefix(data, len, "%PDF-", 5))
		return FMT_PDF;
	if (has_prefix(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		/* an OLE2 container: its directory names the streams (UTF-16LE) */
		if (has_utf16_name(data, len, "EncryptedPackage"))
			diag_error(d, "encrypted (password-protected) Word document; "
			              "remove the password in Word and save it again as .docx");
		else if (!has_utf16_name(data, len, "WordDocument") &&
		         (!strcasecmp(ext, "docx") || !strcasecmp(ext, "docm")))
			diag_error(
			    d, "not a DOCX file: an OLE2 container (Office 97-2003 or encrypted); "
			       "if it is a Word file, convert it with: soffice --headless "
			       "--convert-to docx");
		else
			diag_error(d, "legacy Word .doc file (Word 97-2003) is not supported; "
			              "convert it with: soffice --headless --convert-to docx");
		return FMT_UNKNOWN;
	}
	if (has_prefix(data, len, "{\\rtf", 5)) {
		diag_error(d, "RTF file is not supported; convert it with: soffice --headless "
		              "--convert-to docx");
		return FMT_UNKNOWN;
	}
	if (!strcasecmp(ext, "docx") || !strcasecmp(ext, "docm")) {
		diag_error(d, "not a DOCX file: no zip signature");
		return FMT_UNKNOWN;
	}
	if (!strcasecmp(ext, "pdf")) {
		diag_error(d, "not a PDF file: no %%PDF- signature");
		return FMT_UNKNOWN;
	}
	if (looks_plan_xml(data, len))
		return FMT_PLANXML;
	if (!strcasecmp(ext, "md") || !strcasecmp(ext, "markdown"))
		return FMT_MARKDOWN;
	/* Text: the text reader decides the encoding and rejects binary. */
	if (looks_markdown(data, len))
		return FMT_MARKDOWN;
	return FMT_TEXT;
}

int read_blocks(enum input_format f, const unsigned char *data, size_t len,
                const struct read_opts *o, struct blocks *out, struct diag *d)
{
	static const struct read_opts none;
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (readers[i].fmt == f && readers[i].read)
			return readers[i].read(data, len, o ? o : &none, out, d);
	return diag_error(d, "no reader for %s input", format_name(f));
}

int load_file(const char *path, unsigned char **data, size_t *len, struct diag *d)
{
	*data = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer;
	 * it is refused below as not a regular file */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return diag_error(d, "cannot open file: %s", strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return diag_error(d, "not a regular file");
	}
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		close(fd);
		return diag_error(d, "cannot open file: %s", strerror(errno));
	}
	if ((unsigned long long)st.st_size > LIMIT_FILE_BYTES) {
		fclose(fp);
		return diag_error(d, "file too large: %lld bytes (limit %u, LIMIT_FILE_BYTES)",
		                  (long long)st.st_size, LIMIT_FILE_BYTES);
	}
	size_t n = (size_t)st.st_size;
	unsigned char *p = xmalloc(n + 1);
	size_t got = fread(p, 1, n, fp);
	int err = ferror(fp);
	fclose(fp);
	if (err || got != n) {
		free(p);
		return diag_error(d, "cannot read file");
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}
