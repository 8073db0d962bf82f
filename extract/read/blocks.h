/* blocks.h - the block model: what every reader produces and the
 * recognizer consumes.
 *
 * A document is a flat list of blocks in reading order.  A block is a
 * paragraph (text plus formatting hints), a table (rows of cells, each
 * cell itself a list of blocks), or a note (a footnote's text, placed
 * right after the paragraph that carries its mark).
 *
 * Readers fill text as UTF-8; blocks_normalize() (below) turns it
 * into NFC and cleans it before recognition.  Readers do not interpret
 * the document: a DOCX header table stays a table, a markdown "##" stays
 * a level hint.  The recognizer decides what things are.
 *
 * Ownership: a struct blocks owns its blocks, their strings and tables;
 * blocks_release() frees everything.  Strings are malloc'd (xalloc.h). */
#ifndef SOAN_BLOCKS_H
#define SOAN_BLOCKS_H

#include <stddef.h>
#include <stdio.h>

enum block_kind {
	BLOCK_PARA = 1,
	BLOCK_TABLE,
	BLOCK_NOTE,
};

enum block_align {
	ALIGN_NONE = 0, /* unknown (plain text) */
	ALIGN_LEFT,
	ALIGN_CENTER,
	ALIGN_RIGHT,
	ALIGN_JUSTIFY,
};

/* Formatting hints.  BF_BOLD/BF_ITALIC/BF_CAPS: all visible text of the
 * paragraph has that property; BF_BOLD_START: a bold run opens it. */
enum block_flag {
	BF_BOLD = 1u << 0,
	BF_ITALIC = 1u << 1,
	BF_CAPS = 1u << 2, /* displayed in capitals (w:caps) */
	BF_BOLD_START = 1u << 3,
	BF_PAGE_BREAK = 1u << 4,      /* a page or section break precedes it */
	BF_LANDSCAPE = 1u << 5,       /* it sits on a landscape page */
	BF_BORDERLESS = 1u << 6,      /* TABLE: no visible borders (layout table) */
	BF_AUTO_LABEL = 1u << 7,      /* label came from automatic numbering */
	BF_HEADING_STYLE = 1u << 8,   /* a heading style or markdown heading */
	BF_HEADER_ZONE = 1u << 9,     /* PDF/text reader saw it in the header band */
	BF_SIGNATURE_ZONE = 1u << 10, /* ... or in the signature band */
};

struct blocks;

/* Merged cells: a horizontal merge is one cell with colspan > 1 (no
 * placeholders).  A vertical merge is a first cell with rowspan > 1 and,
 * in each row below it, a placeholder cell with merged = 1 and empty
 * content at the same grid column, so every row covers the whole grid. */
struct cell {
	struct blocks *content; /* never NULL after table_add_cell() */
	unsigned colspan;       /* >= 1 */
	unsigned rowspan;       /* >= 1: rows this cell covers (vertical merge) */
	int merged;             /* 1: continuation of a cell above or to the left */
};

struct row {
	struct cell *cells;
	size_t ncells, acells;
	int header; /* marked as a repeated header row */
};

struct table {
	struct row *rows;
	size_t nrows, arows;
	unsigned ncols; /* grid width, counting spans */
};

struct block {
	enum block_kind kind;
	char *text;  /* PARA/NOTE: never NULL */
	char *label; /* PARA: list label as displayed ("II.", "a)", "-"), or NULL */
	unsigned flags;
	enum block_align align;
	int level;  /* heading level hint (markdown #, Word outline level + 1), 0 none */
	int indent; /* left indent hint in twentieths of a point, 0 unknown */
	unsigned
	    line; /* where it came from: text line, DOCX paragraph number, PDF page*1000+line */
	struct table *table; /* TABLE */
};

struct blocks {
	struct block *v;
	size_t n, alloc;
};

#define BLOCKS_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void blocks_init(struct blocks *bs);
void blocks_release(struct blocks *bs);
struct blocks *blocks_new(void);
void blocks_free(struct blocks *bs);

/* Append a paragraph; text is copied.  Returns the new block, valid until
 * the next append. */
struct block *blocks_add_para(struct blocks *bs, const char *text, size_t len);
struct block *blocks_add_note(struct blocks *bs, const char *text, size_t len);
/* Append an empty table. */
struct block *blocks_add_table(struct blocks *bs);
void block_set_label(struct block *b, const char *label);

struct row *table_add_row(struct table *t);
/* Append a cell with an empty content list; colspan/rowspan 1. */
struct cell *table_add_cell(struct row *r);
/* Recompute ncols from the rows. */
void table_finish(struct table *t);

/* The stable text dump (`soan extract --dump=blocks`), one line per
 * paragraph, tables indented.  Tests pin it. */
void blocks_dump(const struct blocks *bs, FILE *out);

/* Normalize every text and label in bs in place with text_clean()
 * (extract/base/normalize.h): NFC, lookalike letters, odd spaces. */
void blocks_normalize(struct blocks *bs);

#endif
