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

#include "extract/base/buf.h"
#include "extract/base/diag.h"

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
 * A legacy encoding is reported as one warning in d ("legacy encoding
 * TCVN3 (ABC) detected, converted to Unicode; ..."). TCVN3 has no
 * upper-case toned vowels: words that are evidently in capitals ("Kế
 * HOạCH") are restored ("KẾ HOẠCH"), others keep the lower-case letter.
 * Plain UTF-8 is copied after one validity pass and one pass for
 * Windows-1252 mojibake cues.  Returns 0, or -1 with an input error
 * (binary data, text that is neither UTF-8 nor a legacy encoding). */
int encoding_decode(const unsigned char *data, size_t len, struct buf *out,
                    enum text_encoding *found, struct diag *d);

/* Decode data in the known encoding e into out (appending), with no
 * detection, warning or repair of TCVN3 capitals: the tables as they are.
 * Undefined bytes become U+FFFD.  Returns 0, or -1 (invalid UTF-8 or
 * UTF-16, NUL bytes in 8-bit text). */
int encoding_convert(enum text_encoding e, const unsigned char *data, size_t len, struct buf *out,
                     struct diag *d);

const char *encoding_name(enum text_encoding e);

/* Is the UTF-8 word s[0..len) a Vietnamese syllable: an onset, a rhyme of
 * extract/read/encodings/rhymes.txt and a tone the rhyme allows, in any case
 * and Unicode form?  1 yes, 0 no, -1 when the word says nothing: ASCII
 * only, no vowel (UBND, HĐND), or one capital letter alone.  This is the
 * detector's measure of a candidate decoding. */
int encoding_syllable(const char *s, size_t len);

/* The encoding of a DOCX run font: ENC_TCVN3 for the ABC fonts (".VnTime",
 * ".VnArial", ...; *caps set for the capitals fonts whose name ends in
 * "H": ".VnTimeH"), ENC_VNI for "VNI-Times", "VNI-Helve", ..., ENC_UTF8
 * for any other font.  caps may be NULL. */
enum text_encoding encoding_font(const char *font, int *caps);

/* 8-bit font text in DOCX runs: convert the run's characters (each the
 * cp1252 decoding of one byte, as Word stores them; U+F020-U+F0FF taken
 * as their low byte) through the table for font, upper-cased for the "H"
 * fonts.  Characters that are no cp1252 reading pass through.  Join the
 * text of neighbouring runs in the same font before calling: a VNI mark
 * at the start of a run cannot see the letter it belongs to, and comes
 * out as a combining mark.  Returns 1 and appends to out when font is a
 * legacy Vietnamese font, 0 (nothing appended) otherwise. */
int encoding_font_text(const char *font, const char *utf8, size_t len, struct buf *out);

#endif
