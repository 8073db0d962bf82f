/* limits.h - every bound soan puts on untrusted input, in one place.
 *
 * Each limit is far above anything a real administrative document needs
 * and low enough that a hostile file cannot exhaust memory or time.
 * Hitting one is an input error naming the limit (LIMIT_NAME_*). */
#ifndef SOAN_LIMITS_H
#define SOAN_LIMITS_H

/* Input file size.  The largest real plan seen (DOCX with images) is a
 * few MB; signed PDFs of 40 pages are under 5 MB. */
#define LIMIT_FILE_BYTES (64u * 1024 * 1024)

/* Zip containers (DOCX).  A Word document has a few dozen parts. */
#define LIMIT_ZIP_ENTRIES 4096
/* One inflated part: document.xml of a 500-page plan is ~10 MB. */
#define LIMIT_ZIP_ENTRY_BYTES (128u * 1024 * 1024)
/* All parts we inflate together. */
#define LIMIT_ZIP_TOTAL_BYTES (256u * 1024 * 1024)
/* Compression ratio of one entry: XML compresses ~10-20x; zip bombs
 * reach 1000x and more.  Only checked above LIMIT_ZIP_RATIO_MIN_BYTES. */
#define LIMIT_ZIP_RATIO 200
#define LIMIT_ZIP_RATIO_MIN_BYTES (1u * 1024 * 1024)

/* XML parts: element nesting and node count. */
#define LIMIT_XML_DEPTH 256
#define LIMIT_XML_NODES 20000000

/* Tables: nesting (tables in cells), rows per table, cells per row. */
#define LIMIT_TABLE_NESTING 8
#define LIMIT_TABLE_ROWS 100000
#define LIMIT_TABLE_CELLS 1000

/* One paragraph of text, in bytes; one line of a text file. */
#define LIMIT_PARAGRAPH_BYTES (1u * 1024 * 1024)
/* Blocks in one document. */
#define LIMIT_BLOCKS 1000000
/* Nesting of sections and items in plan XML built by the recognizer. */
#define LIMIT_PLAN_DEPTH 64

/* PDF input: pages. */
#define LIMIT_PDF_PAGES 2000
/* PDF objects ("obj" keywords in the raw file): a 40-page signed report
 * has ~2,000; poppler builds a table entry for each. */
#define LIMIT_PDF_OBJECTS 2000000
/* Characters and words in one page's text layer: a dense A4 page holds
 * ~6,000 characters; the layout sorts and groups words page by page. */
#define LIMIT_PDF_PAGE_CHARS 500000
#define LIMIT_PDF_PAGE_WORDS 100000
/* Page side in points: the PDF format's own maximum is 14,400 (200 in);
 * spreadsheet exports reach ~3,000. */
#define LIMIT_PDF_PAGE_POINTS 14400
/* Signature widgets read per page (a signed page has 2-6), and the size
 * of the in-memory PDF printed to read their text. */
#define LIMIT_PDF_WIDGETS 32
#define LIMIT_PDF_WIDGET_BYTES (64u * 1024 * 1024)
/* A table without rules, rebuilt from aligned text on one page: rows and
 * columns (a page holds some 40 lines). */
#define LIMIT_PDF_ATABLE_ROWS 200
#define LIMIT_PDF_ATABLE_COLS 24

/* Pixels of one page rendering searched for ruling lines (an A4 page at
 * 108 dpi is 1.1 million; a spreadsheet page is scaled down to this). */
#define LIMIT_PDF_RENDER_PIXELS 8000000.0

#endif
