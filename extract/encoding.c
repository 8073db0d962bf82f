/* encoding.c - text file encodings to UTF-8 (see encoding.h). */
#include "encoding.h"

#include <string.h>

#include "normalize.h"

const char *encoding_name(enum text_encoding e)
{
	switch (e) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_CP1258: return "Windows-1258";
	case ENC_TCVN3: return "TCVN3 (ABC)";
	case ENC_VN1: return "TCVN 5712 VN1";
	case ENC_VNI: return "VNI-Windows";
	case ENC_TCVN3_AS_1252: return "TCVN3 read as Windows-1252";
	case ENC_VNI_AS_1252: return "VNI read as Windows-1252";
	}
	return "unknown";
}

static int decode_utf16(const unsigned char *p, size_t len, int be, struct buf *out,
			struct diag *d)
{
	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned long u = be ? (unsigned long)(p[i] << 8 | p[i + 1]) : (unsigned long)(p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 3 >= len)
				return diag_error(d, "truncated UTF-16 surrogate pair");
			unsigned long lo = be ? (unsigned long)(p[i + 2] << 8 | p[i + 3])
					      : (unsigned long)(p[i + 3] << 8 | p[i + 2]);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return diag_error(d, "invalid UTF-16 surrogate pair at byte %zu", i);
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			return diag_error(d, "invalid UTF-16 at byte %zu", i);
		}
		if (u == 0)
			return diag_error(d, "binary data (NUL character) in UTF-16 text");
		char tmp[4];
		buf_add(out, tmp, (size_t)utf8_put((long)u, tmp));
	}
	return 0;
}

int encoding_decode(const unsigned char *data, size_t len, struct buf *out,
		    enum text_encoding *found, struct diag *d)
{
	enum text_encoding dummy;
	if (!found)
		found = &dummy;
	*found = ENC_UTF8;
	if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
		*found = ENC_UTF16LE;
		return decode_utf16(data + 2, len - 2, 0, out, d);
	}
	if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
		*found = ENC_UTF16BE;
		return decode_utf16(data + 2, len - 2, 1, out, d);
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, 0, len))
		return diag_error(d, "binary data (NUL bytes), not a text document");
	size_t ok = utf8_valid_prefix(data, len);
	if (ok != len) {
		size_t line = 1;
		for (size_t i = 0; i < ok; i++)
			line += data[i] == '\n';
		diag_at(d, NULL, (unsigned)line);
		return diag_error(d, "invalid UTF-8 (byte 0x%02X at offset %zu) and no legacy Vietnamese encoding recognized",
				  data[ok], ok);
	}
	buf_add(out, data, len);
	return 0;
}

int encoding_font_text(const char *font, const char *utf8, size_t len, struct buf *out)
{
	(void)font;
	(void)utf8;
	(void)len;
	(void)out;
	return 0;
}
