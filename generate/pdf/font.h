/* font.h - the PDF writer's fonts: found through fontconfig, chosen by
 * character coverage, measured from their own tables, subset per document.
 *
 * A face is a family in one of four styles.  font_find() asks fontconfig
 * for the family and the families fontconfig binds to it as metric
 * equivalents ("Times New Roman" -> Tinos, Liberation Serif, ...), keeps
 * the TrueType files in the wanted style, and returns the first whose
 * glyphs cover every code point the caller will draw in that face.  So
 * fonts-liberation 1.x (no Vietnamese) loses to 2.x although both are
 * "Liberation Serif".  When no candidate covers the text the error names
 * the first missing character and the best candidate's file.
 *
 * Each font file is read and parsed once per process (the cache is
 * released by font_cache_release()); lookups afterwards are table
 * indexing.  Widths are in thousandths of an em, truncated exactly as
 * libharu truncates them when it writes the PDF's /W array, so measured
 * text and drawn text agree to the last unit.  Not thread-safe. */
#ifndef SOAN_FONT_H
#define SOAN_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"

enum font_style {
	FONT_REGULAR = 0,
	FONT_BOLD = 1,
	FONT_ITALIC = 2,
	FONT_BOLD_ITALIC = 3,
};

struct font;

/* The face of family (NULL or "": "Times New Roman"; a comma-separated
 * list is tried in order) in style whose glyphs cover cps[0..n).  The
 * font belongs to the process-wide cache.  Returns 0, or -1 with an
 * environment error: no such font, or a missing glyph (named). */
int font_find(const char *family, enum font_style style, const uint32_t *cps, size_t n,
              const struct font **out, struct diag *d);

/* Parse the TrueType file at path (cached like font_find()'s). */
int font_load(const char *path, const struct font **out, struct diag *d);

const char *font_path(const struct font *f);
/* The family name fontconfig gave (or the file's, for font_load()). */
const char *font_family(const struct font *f);

/* Advance width of cp in 1/1000 em; 0 for a code point without glyph. */
unsigned font_advance(const struct font *f, uint32_t cp);
/* Glyph index of cp, 0 when the font has none. */
unsigned font_glyph(const struct font *f, uint32_t cp);
/* Ascender and descender (positive, below the baseline) in 1/1000 em,
 * from the hhea table. */
int font_ascent(const struct font *f);
int font_descent(const struct font *f);

/* The first of cps[0..n) without a glyph, or -1 when all have one. */
long font_first_missing(const struct font *f, const uint32_t *cps, size_t n);

/* Write a TrueType file holding only the glyphs of cps[0..n) (code
 * points without a glyph are skipped), glyph 0, and every component of
 * a composite glyph however deep, renumbered densely; a format 4 cmap of
 * few segments; hinting tables kept (empty ones added when the source
 * has none, as libharu requires them); post format 3.  Appends to out. */
int font_subset(const struct font *f, const uint32_t *cps, size_t n, struct buf *out,
                struct diag *d);

/* Free every cached font and fontconfig's state. */
void font_cache_release(void);

#endif
