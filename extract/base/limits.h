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
#define LIMIT_ZIP_RATIO           200
#define LIMIT_ZIP_RATIO_MIN_BYTES (1u * 1024 * 1024)

/* XML parts (DOCX parts, plan XML, HTML tables in markdown): element
 * nesting, and nodes (elements, attributes, comments), counted while
 * parsing.  Plan XML nests ~70 deep at LIMIT_PLAN_DEPTH, a DOCX body with
 * tables nested LIMIT_TABLE_NESTING deep ~50; libxml2 itself stops at
 * 256.  Word writes ~17 bytes of document.xml per node (a 100-page plan:
 * 1.7 MB, 100,000 nodes), so this allows a 2,000-page plan; a node costs
 * libxml2 up to ~250 bytes, so it bounds one part to ~500 MB. */
#define LIMIT_XML_DEPTH 256
#define LIMIT_XML_NODES 2000000
/* Attributes on one element (w:rFonts, the widest in WordprocessingML,
 * has 9), and namespaces in scope (Word declares ~40 on the root):
 * libxml2 2.9.14 compares each attribute with all others of its tag, and
 * looks each prefix up along the namespaces in scope, so either, without
 * a bound, costs time quadratic in the size of a hostile part. */
#define LIMIT_XML_ATTRS      256
#define LIMIT_XML_NAMESPACES 256

/* Tables: nesting (tables in cells), rows per table, cells per row. */
#define LIMIT_TABLE_NESTING 8
#define LIMIT_TABLE_ROWS    100000
#define LIMIT_TABLE_CELLS   1000
/* The recognizer reads a table as a grid, rows by columns counting
 * spans, with a merged cell's text in every position it covers (and so
 * writes it to plan XML): a 100,000-row table of 20 columns, and the
 * input size in repeated text.  Without these a 400 KB markdown table
 * with one colspan=1000 row asked for gigabytes. */
#define LIMIT_TABLE_GRID       2000000
#define LIMIT_TABLE_TEXT_BYTES (64u * 1024 * 1024)

/* One paragraph of text, in bytes; one line of a text file.  The longest
 * real paragraphs (a basis listing forty decisions) are ~10 KB. */
#define LIMIT_PARAGRAPH_BYTES (1u * 1024 * 1024)
/* Lines of a text or markdown file: a 300-page plan has ~15,000; each
 * line costs the reader 24 bytes before anything else is built. */
#define LIMIT_TEXT_LINES 4000000
/* Paragraphs in one document, table cells included.  Each costs ~100
 * bytes in the block model and ~300 more as plan XML. */
#define LIMIT_BLOCKS 1000000
/* Table cells in one document, all tables together: a 100,000-row table
 * of 10 columns.  A cell costs ~600 bytes in the block model and as much
 * again as plan XML, so this bounds a table-shaped file to ~1.2 GB. */
#define LIMIT_CELLS 1000000
/* Nesting of sections and items in plan XML built by the recognizer. */
#define LIMIT_PLAN_DEPTH 64

/* DOCX structure.  Word itself stops at 9 list levels and at about 20
 * nested fields; style chains in real files are under 10 deep.  Text boxes
 * cannot be inserted in text boxes in Word, but a table in a text box in
 * a cell can hold another: 4 levels is generous. */
#define LIMIT_DOCX_STYLE_CHAIN     32    /* w:basedOn steps from a style to its root */
#define LIMIT_DOCX_FIELD_NESTING   64    /* open w:fldChar begin without end */
#define LIMIT_DOCX_LINK_CHAIN      8     /* numStyleLink -> numbering style -> num */
#define LIMIT_DOCX_TEXTBOX_NESTING 4     /* w:txbxContent inside w:txbxContent */
#define LIMIT_DOCX_NUMBERING_DEFS  65536 /* w:abstractNum and w:num entries */

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
#define LIMIT_PDF_WIDGETS      32
#define LIMIT_PDF_WIDGET_BYTES (64u * 1024 * 1024)
/* A table without rules, rebuilt from aligned text on one page: rows and
 * columns (a page holds some 40 lines). */
#define LIMIT_PDF_ATABLE_ROWS 200
#define LIMIT_PDF_ATABLE_COLS 24

/* Pixels of one page rendering searched for ruling lines (an A4 page at
 * 108 dpi is 1.1 million; a spreadsheet page is scaled down to this). */
#define LIMIT_PDF_RENDER_PIXELS 8000000.0

/* A user's template (soan generate --template FILE.xsl) is a program, so
 * it runs in a child process (extract/base/sandbox.h) under these; soan's
 * own templates run in-process, linear in a plan the limits above bound.
 * A copy of templates/plan.xsl used as --template takes 0.6 s of CPU
 * and writes 7.8 MB of layout for a plan with a 10,000-row table (the
 * process peaks at 250 MB); its layout reaches LIMIT_XML_NODES at some
 * 80,000 rows of four columns (25 nodes a row).
 * CPU time: 2^60 template calls ran until killed. */
#define LIMIT_TEMPLATE_CPU_SECONDS 10
/* Wall clock: only a child that waits (none can) or a machine busy with
 * other work gets near it; the CPU time is what bounds the work. */
#define LIMIT_TEMPLATE_WALL_SECONDS 60
/* What libxml2 and libxslt hold in the child: output doubling at each
 * level reached 3 GB and aborted. */
#define LIMIT_TEMPLATE_MEMORY (1024u * 1024 * 1024)
/* Nodes (elements, attributes, text) alive at once, the result and the
 * trees in variables together: the result is read back as a layout
 * file is (at most LIMIT_XML_NODES), and as much again for variables. */
#define LIMIT_TEMPLATE_NODES (2 * LIMIT_XML_NODES)
/* The layout sent back, read as a layout file is (LIMIT_FILE_BYTES). */
#define LIMIT_TEMPLATE_OUTPUT_BYTES LIMIT_FILE_BYTES
/* One string concat() makes: no string need be longer than the largest
 * input file; concat() doubling 41 times passed 2 GB and libxml2's
 * string-length() then said -1. */
#define LIMIT_TEMPLATE_STRING_BYTES LIMIT_FILE_BYTES
/* Nested template calls and variables in scope (libxslt's defaults,
 * for every template, soan's own too): each level costs libxslt's C
 * stack, checked under ASan at this depth. */
#define LIMIT_TEMPLATE_DEPTH 3000
#define LIMIT_TEMPLATE_VARS  15000

#endif
