/* rec.h - the recognizer's inside, shared by its files (units.c,
 * classify.c, header.c, basis.c, body.c, tables.c, closing.c,
 * appendix.c, recognize.c): the units it reads, the state of one run,
 * and the functions one part asks of another.  Nothing outside
 * extract/recognize/ includes it; recognize.h is the interface. */
#ifndef SOAN_REC_H
#define SOAN_REC_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/limits.h"
#include "extract/read/blocks.h"
#include "extract/recognize/rules.h"

/* What the recognizer reads: a paragraph, a table or a note. */
enum unit_kind { U_PARA, U_TABLE, U_NOTE };

struct unit {
	enum unit_kind kind;
	char *text; /* PARA/NOTE: label and text, '\n' between visual lines */
	unsigned flags;
	enum block_align align;
	const struct table *table;
	unsigned line;
	/* cached answers about this unit (0: not yet asked) */
	signed char rank_plus1; /* its numbering rank + 1 */
	signed char appendix;   /* 1 opens an appendix, -1 does not */
	signed char closing;    /* 1 opens the closing, -1 does not */
};

struct units {
	struct unit *v;
	size_t n, alloc;
};

/* Numbering ranks, outermost first: Phần > A. > I. > Điều > 1. > 1.1. >
 * 1.1.1. > 1) > a) > - > +. */
enum rank {
	RANK_NONE = 0,
	RANK_PART = 1,
	RANK_ULETTER,
	RANK_ROMAN,
	RANK_ARTICLE,
	RANK_ARABIC,
	RANK_ARABIC2,
	RANK_ARABIC3,
	RANK_ARABIC_PAREN, /* "1)" under "1." */
	RANK_LETTER,
	RANK_DASH,
	RANK_PLUS,
};

struct frame {
	xmlNodePtr node;
	enum rank rank;
	int inline_agency; /* an agency opened by a sentence ("3. Sở Y chủ trì, ...") */
	int open_end;      /* its text ends with ":" and announces what follows */
};

struct rec {
	struct units u;
	size_t i;
	struct diag *d;
	xmlDocPtr doc;
	xmlNodePtr root, meta, body, closing, basis, preamble;
	struct frame stack[LIMIT_PLAN_DEPTH];
	int depth;
	/* header facts */
	struct buf issuer_lines;
	int issuer_lines_bold;
	struct buf parent_lines;
	char *number, *symbol, *place, *date_text;
	int day, month, year;
	const char *doctype_code, *doctype_text;
	int doctype_bold; /* the doctype line was bold: so is a title under it */
	struct buf title;
	struct buf addressees; /* one per line */
	int evidence;          /* administrative-document cues seen */
	int nsections;
	int has_signature;
	double unit_mult; /* "Đơn vị tính: triệu đồng" seen before a table */
	/* the last look-ahead of closing_start_uncached(): no unit in
	 * [ahead_from, ahead_to) decides, ahead_to does (or is the end) and
	 * gives ahead_result; a later look-ahead starting inside reuses it */
	size_t ahead_from, ahead_to;
	int ahead_result;
};

/* The numbering that opens a line (rec_classify()). */
struct head {
	enum rank rank;
	char *number;     /* as printed, without the final "." ("I", "1", "a", "Phần I") */
	char *label;      /* item label as printed ("-", "a)", "1.") */
	const char *rest; /* points into the unit text: after the numbering */
};

/* units.c */
/* Free the units (their text). */
void rec_free_units(struct units *us);
/* Text of a cell: its paragraphs joined by line breaks. */
void rec_cell_text(const struct cell *c, struct buf *out);
/* The units of bs in reading order (layout tables flattened). */
void rec_build_units(const struct blocks *bs, struct units *us);
/* Text of a unit as one line (visual line breaks and tab stops become
 * spaces). */
char *rec_one_line(const char *s);
/* The unit at r->i, or NULL at the end. */
struct unit *rec_cur(struct rec *r);

/* classify.c */
/* Free what rec_classify() put in h. */
void rec_head_release(struct head *h);
/* What numbering opens text s? */
enum rank rec_classify(const char *s, struct head *h);
/* The numbering rank of unit i, classified once. */
enum rank rec_unit_rank(struct unit *u);
/* The kind of a top-level section from its heading: a heading that names
 * several things gets "content" when it names NỘI DUNG or NHIỆM VỤ,
 * otherwise the kind of the first thing it names. */
const char *rec_top_kind(const char *heading);
/* The kind of a subsection, or NULL when its heading names none. */
const char *rec_sub_kind(const char *heading);

/* header.c */
/* A line of rule characters ("____", "-----"), a drawn rule typed. */
int rec_is_rule_line(const char *s);
/* The document number from groups gd (digits) and gs (symbol) of m. */
void rec_set_number(struct rec *r, const char *s, const struct rmatch *m, int gd, int gs);
/* Does s open with a section numbering (the content has begun)? */
int rec_is_heading(const char *s);
/* Read the header zone: everything before the doctype line (or before
 * the content when a document has none). */
void rec_read_header(struct rec *r);
/* The title: lines after the doctype until the content begins. */
void rec_read_title(struct rec *r);
/* "Kính gửi: X" or "Kính gửi:" followed by "- X;" lines. */
void rec_read_addressees(struct rec *r);

/* basis.c */
/* Every legal reference cited in s, into /plan/basis. */
void rec_add_refs(struct rec *r, const char *s);

/* body.c */
/* The innermost open container. */
xmlNodePtr rec_top(struct rec *r);
/* Open container n of rank; -1 past LIMIT_PLAN_DEPTH (an input error). */
int rec_push(struct rec *r, xmlNodePtr n, enum rank rank);
/* Paragraph text for the body: a sentence split by a page break is joined
 * ("đội ngũ báo" / "cáo viên"); returns the text and advances past the
 * units used. */
char *rec_take_para(struct rec *r);
/* One unit of an outline (body or appendix): section, agency, item, task
 * field, paragraph, table or note. */
int rec_outline_unit(struct rec *r, int top_level_kind);
/* The body sections, up to the closing or an appendix. */
int rec_read_body(struct rec *r);

/* tables.c */
/* Table t as a plan table under parent; -1 with an input error past a
 * limit. */
int rec_add_table(struct rec *r, xmlNodePtr parent, const struct table *t);

/* closing.c */
/* A signature line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
int rec_line_is_signature(const char *s);
/* Does unit i open an appendix (or a document attached after the
 * signature)?  Closing or appendix: each unit is asked once. */
int rec_is_appendix_start(struct rec *r, size_t i);
/* Does unit i open the closing (the paragraphs before Nơi nhận and the
 * signature)? */
int rec_is_closing_start(struct rec *r, size_t i);
/* The closing paragraphs, Nơi nhận and the signature. */
void rec_read_closing(struct rec *r);

/* appendix.c */
/* Every appendix after the closing. */
int rec_read_appendices(struct rec *r);

#endif
