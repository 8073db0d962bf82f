/* encoding.h - from the bytes of a text file to UTF-8.
 *
 * Detects UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy
 * 8-bit Vietnamese encodings (Windows-1258, TCVN3/ABC, TCVN 5712 VN1,
 * VNI-Windows) by content, and repairs UTF-8 text that is really TCVN3 or
 * VNI decoded as Windows-1252.  Output is UTF-8 (not yet NFC: the caller
 * normalizes).  Binary data is refused. */
#ifndef SOAN_ENCODING_H
#define SOAN_ENCODING_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

enum text_encoding {
	ENC_UTF8 = 0,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_CP1258,
	ENC_TCVN3,
	ENC_VN1,
	ENC_VNI,
	ENC_TCVN3_AS_1252, /* UTF-8 text that is TCVN3 decoded as Windows-1252 */
	ENC_VNI_AS_1252,
};

/* Decode data into out (appending).  *found receives what was detected.
 * A legacy encoding is reported as a warning in d ("legacy encoding
 * TCVN3 detected, converted to Unicode").  Returns 0, or -1 with an input
 * error (binary data, undecodable text). */
int encoding_decode(const unsigned char *data, size_t len, struct buf *out,
		    enum text_encoding *found, struct diag *d);

const char *encoding_name(enum text_encoding e);

/* 8-bit font text in DOCX runs: convert the run's characters (each the
 * cp1252 decoding of one byte) through the table for font (".VnTime",
 * ".VnTimeH", "VNI-Times", ...).  Returns 1 and appends to out when font
 * is a legacy Vietnamese font, 0 (nothing appended) otherwise. */
int encoding_font_text(const char *font, const char *utf8, size_t len, struct buf *out);

#endif
