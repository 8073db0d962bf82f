/* docx.h - internals shared by the DOCX reader's files: read_docx.c (the
 * package, the body walk, tables, fields, notes, sections),
 * docx_styles.c (styles.xml: style chains, effective formatting),
 * docx_numbering.c (numbering.xml: counters and visible labels) and
 * docx_util.c (namespaces, attributes, on/off values, symbol fonts).
 *
 * Not a public interface: only these files and their unit tests include
 * it.  Every const char * handed out here is borrowed from a libxml2
 * document (or a string table) that outlives its use; nothing returned
 * needs freeing unless a comment says so. */
#ifndef SOAN_DOCX_H
#define SOAN_DOCX_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"

/* ---- namespaces, attributes, values (docx_util.c) ----------------------- */

/* WordprocessingML, transitional and strict; markup compatibility;
 * office relationships (transitional and strict share the suffix). */
#define DOCX_NS_W        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define DOCX_NS_MC       "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* Remembers the namespace declarations already recognised so that the
 * common case (one declaration at the root) is a pointer comparison. */
struct docx_ns {
	const xmlNs *w[4];
	unsigned nw;
};

int docx_href_is_w(const xmlChar *href);
/* Is n an element in the WordprocessingML namespace (either flavour)? */
int docx_w(struct docx_ns *c, const xmlNode *n);
/* ... and named name? */
int docx_is(struct docx_ns *c, const xmlNode *n, const char *name);
/* Is n mc:AlternateContent? */
int docx_is_mc(const xmlNode *n, const char *name);
/* First w: child element named name, or NULL. */
xmlNode *docx_child(struct docx_ns *c, const xmlNode *n, const char *name);
/* Value of attribute w:name (or an unqualified name) of n, or NULL.
 * Borrowed from the document. */
const char *docx_attr(const xmlNode *n, const char *name);
/* Value of attribute r:name (office relationships namespace). */
const char *docx_rattr(const xmlNode *n, const char *name);
/* ST_OnOff of an element that is present: no w:val, "1", "true", "on"
 * are on; "0", "false", "off" are off. */
int docx_onoff(const xmlNode *n);
/* Decimal integer (with optional sign); dflt when s is NULL or not a
 * number.  Values are clamped to +-1e9. */
long docx_long(const char *s, long dflt);
/* The branch of mc:AlternateContent to read: the mc:Fallback when there
 * is one (the readable form every consumer understands), else the first
 * mc:Choice.  NULL when neither exists. */
xmlNode *docx_mc_branch(const xmlNode *ac);
/* The element children of parent in document order, with each
 * mc:AlternateContent replaced by the elements of its readable branch
 * (docx_mc_branch), at any depth and without recursion:
 *   for (xmlNode *k = docx_elem_first(p); k; k = docx_elem_next(p, k)) */
xmlNode *docx_elem_first(const xmlNode *parent);
xmlNode *docx_elem_next(const xmlNode *parent, const xmlNode *k);

/* A character shown in a symbol font (Symbol, Wingdings, Webdings): the
 * Unicode character it draws.  cp may be the Private Use form Word
 * stores (U+F0xx) or the plain byte.  For other fonts cp is returned as
 * is, except that U+F0xx without a known font is read as Symbol. */
long docx_symbol(const char *font, long cp);
int docx_font_is_symbol(const char *font);
/* Append text (UTF-8) through docx_symbol() for font. */
void docx_symbol_text(struct buf *out, const char *font, const char *s, size_t len);

/* ---- formatting properties (docx_styles.c) -------------------------------- */

/* Run properties; toggles are -1 (not said), 0 or 1. */
struct docx_rpr {
	signed char b, i, caps, vanish;
	const char *font; /* ascii/hAnsi font name, "" for a theme font, NULL not said */
};

/* Paragraph properties; -1 (INT unset: DOCX_UNSET) means not said. */
#define DOCX_UNSET (-2147483647 - 1)
struct docx_ppr {
	int jc;         /* enum block_align, or DOCX_UNSET */
	int outline;    /* 0..9 (9 = body text), or DOCX_UNSET */
	int page_break; /* w:pageBreakBefore */
	int num_id;     /* 0 = numbering removed */
	int ilvl;
	int ind; /* left/start indent, twips */
};

void docx_rpr_init(struct docx_rpr *r);
void docx_ppr_init(struct docx_ppr *p);
/* Overlay the properties an rPr / pPr element states onto r / p. */
void docx_rpr_read(struct docx_ns *c, struct docx_rpr *r, const xmlNode *rPr);
void docx_ppr_read(struct docx_ns *c, struct docx_ppr *p, const xmlNode *pPr);
/* top over base: what top says wins. */
void docx_rpr_over(struct docx_rpr *base, const struct docx_rpr *top);
void docx_ppr_over(struct docx_ppr *base, const struct docx_ppr *top);

enum docx_style_type {
	DOCX_STYLE_PARA = 'p',
	DOCX_STYLE_CHAR = 'c',
	DOCX_STYLE_TABLE = 't',
	DOCX_STYLE_NUMBERING = 'n',
};

struct docx_style {
	const char *id;
	char type;
	const xmlNode *node;
	int based_on; /* index, -1 */
	/* resolved along the basedOn chain (the style's own values win) */
	struct docx_rpr r;
	struct docx_ppr p;
	int heading;  /* 1..9 when the style or an ancestor is "heading N" */
	int borders;  /* table style: 1 draws borders, 0 none, -1 not said */
	int resolved; /* 0 no, 1 in progress, 2 done */
};

struct docx_styles {
	xmlDocPtr doc; /* owned */
	struct docx_ns ns;
	struct docx_style *v;
	size_t n;
	size_t *order;         /* indices sorted by (type, id), for lookups */
	struct docx_rpr def_r; /* w:docDefaults */
	struct docx_ppr def_p;
	int def_para, def_char, def_table; /* indices of the default styles, -1 */
};

/* Load styles from a parsed styles part; takes ownership of doc (also on
 * failure).  doc may be NULL: no styles, Word's defaults. */
int docx_styles_load(struct docx_styles *s, xmlDocPtr doc, struct diag *d);
void docx_styles_release(struct docx_styles *s);
/* The style of that id and type, or the type's default style when the id
 * is NULL or unknown (Word's behaviour); NULL when there is none. */
const struct docx_style *docx_style(const struct docx_styles *s, const char *id, char type);
/* Exact lookup: NULL when there is no such style. */
const struct docx_style *docx_style_exact(const struct docx_styles *s, const char *id, char type);

/* Does a borders element (w:tblBorders, w:tcBorders, w:pBdr) draw any
 * visible line?  NULL draws none. */
int docx_borders_visible(struct docx_ns *c, const xmlNode *borders);

/* Effective run formatting: docDefaults, then the table, paragraph and
 * character styles (toggle properties b, i, caps, vanish are combined by
 * exclusive or across those three, as ECMA-376 17.7.3 says), then direct
 * formatting.  Any style may be NULL; direct may be NULL. */
void docx_effective_rpr(const struct docx_styles *s, const struct docx_style *table,
                        const struct docx_style *para, const struct docx_style *chr,
                        const struct docx_rpr *direct, struct docx_rpr *out);

/* ---- numbering (docx_numbering.c) ---------------------------------------- */

enum docx_numfmt {
	NUMFMT_DECIMAL = 0,
	NUMFMT_DECIMAL_ZERO, /* 01, 02 ... 10 */
	NUMFMT_PADDED,       /* custom "001, 002, ..." : width in pad */
	NUMFMT_UPPER_ROMAN,
	NUMFMT_LOWER_ROMAN,
	NUMFMT_UPPER_LETTER, /* A..Z, AA..ZZ, AAA.. (Word repeats the letter) */
	NUMFMT_LOWER_LETTER,
	NUMFMT_UPPER_VIET, /* custom "A, B, C, D, Đ, E, ...": no F J W Z, Đ after D */
	NUMFMT_LOWER_VIET,
	NUMFMT_ORDINAL,       /* 1st, 2nd (Word in English) */
	NUMFMT_VIET_COUNTING, /* một, hai, ba ... */
	NUMFMT_RUSSIAN_UPPER,
	NUMFMT_RUSSIAN_LOWER,
	NUMFMT_CIRCLED,   /* decimalEnclosedCircle: ① .. ⑳, then decimal */
	NUMFMT_FULLWIDTH, /* decimalFullWidth */
	NUMFMT_CHICAGO,   /* *, †, ‡, §, then doubled */
	NUMFMT_HEX,
	NUMFMT_BULLET, /* lvlText shown as is */
	NUMFMT_NONE,   /* the number itself is not shown */
};

/* Parse a w:numFmt value (and its w:format for "custom").  Unknown values
 * read as decimal, which is what a reader would see for the digits. */
enum docx_numfmt docx_numfmt_parse(const char *val, const char *format, int *pad);
/* Render n in fmt (pad: width for NUMFMT_PADDED). */
void docx_format_number(struct buf *out, long n, enum docx_numfmt fmt, int pad);

struct docx_numbering;

/* Load numbering from a parsed numbering part; takes ownership of doc.
 * styles resolves numStyleLink; it may be NULL. */
int docx_numbering_load(struct docx_numbering **out, xmlDocPtr doc,
                        const struct docx_styles *styles, struct diag *d);
void docx_numbering_free(struct docx_numbering *nb);
/* The level a paragraph of style style_id numbered by num_id is at when
 * neither it nor its style says (a level linked with w:pStyle), else 0. */
int docx_numbering_style_level(struct docx_numbering *nb, int num_id, const char *style_id);
/* Count one paragraph numbered (num_id, ilvl) and append its visible
 * label to out.  Returns 1 when the paragraph is numbered, 0 when num_id
 * names no list (nothing appended, no counter moves). */
int docx_numbering_next(struct docx_numbering *nb, int num_id, int ilvl, struct buf *out);

#endif
