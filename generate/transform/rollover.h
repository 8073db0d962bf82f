/* rollover.h - next year's plan from last year's: plan XML in, a draft of
 * the next plan as plan XML out, with every change listed.
 *
 * What changes (each a named rule; see rollover.c and docs in README):
 *   plan-year    the plan's years where they mean the plan's time: "năm
 *                2020", "tháng 12 năm 2020", "giai đoạn 2019 - 2020", "hết
 *                2025" in the title, headings, items, periods
 *   timeline     years in timeline cells and fields ("2020", "Năm 2020",
 *                "2019-2020")
 *   deadline     fixed deadlines: the text and @year
 *   blank-number the number (its symbol kept), blank-date the date (its
 *                year becomes the new plan's first year), attachment the
 *                appendix's "Kèm theo" line
 *   rename       names that no longer exist (generate/transform/renames.tsv)
 * and what it only marks for the user with @review (never guesses):
 *   rename-ambiguous  a body whose duties went to several new bodies
 *   review-year       a bare mention of the plan's year ("ASEAN 2020")
 *   review-date       a full date inside the old plan's time
 *   review-vision     a vision year the new period reaches
 *   review-schedule   a table of day-and-month dates
 *   review-ref        a cited document tied to the old plan's years
 * It never touches legal references (number, date, issuer, and the
 * citation as the basis gives it), dates of past events, or periods that
 * still run in the new plan's time.
 *
 * The old plan's period comes from its title, then its period section,
 * then its preamble, then its date: [first, last] years.  The new plan
 * starts at --year (default last + 1) and keeps the old length; every
 * year that moves, moves by the same amount.
 *
 * Change marks: unless no_marks is set, the output records each change
 * where it is, for the templates (tracked changes in DOCX): text changes
 * as <change old="..." rule="...">new</change> inside the text, and the
 * previous value of a printed attribute as old-heading, old-name,
 * old-title, old-attachment or old-caption (extract/plan/plan.rng). */
#ifndef SOAN_ROLLOVER_H
#define SOAN_ROLLOVER_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "generate/transform/renames.h"

struct rollover_opts {
	int year;                      /* first year of the new plan; 0: after the old one */
	const struct renames *renames; /* NULL: nothing is renamed */
	int no_marks;                  /* no <change> and old-* in the output */
};

/* One change: where (an XPath into the new plan XML: an element, whose
 * text changed, or element/@attribute), the text before and after, and
 * the rule that made it.  For text, old and now are the changed phrase;
 * for attributes, the whole value ("" when absent). */
struct rollover_change {
	char *path;
	char *old;
	char *now;
	const char *rule; /* static */
};

struct rollover_result {
	struct rollover_change *v;
	size_t n, alloc;
	int from_first, from_last; /* the old plan's years */
	int to_first, to_last;     /* the new plan's years */
	const char *period_from;   /* where the old years were read: "title", ... */
};

#define ROLLOVER_RESULT_INIT                                                                       \
	{                                                                                          \
		NULL, 0, 0, 0, 0, 0, 0, NULL                                                       \
	}

/* The years plan is for: from its title, its period section, its
 * preamble, or the year of its date.  Returns 0, or -1 with an input
 * error when none gives a year.  *from (may be NULL) names the source. */
int rollover_period(xmlDocPtr plan, int *first, int *last, const char **from, struct diag *d);

/* A new document: the draft of the next plan.  plan is not modified.
 * Returns NULL with an error in d (no year, a --year before the plan's).
 * res receives the changes in document order; release it with
 * rollover_result_release().  Free the document with xmlFreeDoc(). */
xmlDocPtr rollover(xmlDocPtr plan, const struct rollover_opts *o, struct rollover_result *res,
                   struct diag *d);
void rollover_result_release(struct rollover_result *res);

/* The change list as tab-separated lines: path, old, new, rule (tabs and
 * line breaks inside a field become spaces). */
void rollover_write_changes(const struct rollover_result *res, struct buf *out);
/* One line for people: years, number of changes per rule, places to
 * review. */
void rollover_summary(const struct rollover_result *res, struct buf *out);

/* Remove every change mark (accept all changes): <change> elements
 * become their text, old-* attributes go. */
void rollover_accept(xmlDocPtr doc);

/* ---- the rules on one string (for tests and for attribute values) ---- */

enum ro_where {
	RO_TEXT,     /* running text, titles, headings, names */
	RO_TIMELINE, /* a timeline cell, field or column header */
	RO_DEADLINE, /* the text of a deadline element */
};

struct ro_edit {
	size_t start, end; /* byte span in the string */
	char *text;        /* replacement, or NULL when nothing is replaced */
	char *review;      /* a note for the user, or NULL */
	const char *rule;
};

struct ro_edits {
	struct ro_edit *v;
	size_t n, alloc;
};

#define RO_EDITS_INIT                                                                              \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

struct ro_ctx;

/* Rules moving years from [from_first, from_last] to a plan starting at
 * to_first; renames may be NULL.  Free with ro_ctx_free(). */
struct ro_ctx *ro_ctx_new(int from_first, int from_last, int to_first, const struct renames *rn);
void ro_ctx_free(struct ro_ctx *c);
/* A citation (the text of a basis ref) that is never changed where it
 * appears. */
void ro_ctx_protect(struct ro_ctx *c, const char *citation);

void ro_rule_plan_year(struct ro_ctx *c, enum ro_where w, const char *s, struct ro_edits *e);
void ro_rule_deadline(struct ro_ctx *c, const char *s, struct ro_edits *e);
void ro_rule_rename(struct ro_ctx *c, const char *s, struct ro_edits *e);
/* review-ref: a note when a citation is tied to the old plan's years. */
char *ro_rule_ref_review(struct ro_ctx *c, const char *citation, const char *date_iso);
/* review-schedule: does a timeline cell hold a day and month without a
 * year? */
int ro_rule_schedule(struct ro_ctx *c, const char *s);
/* attachment: the "Kèm theo ..." line with a blank number and date. */
char *ro_rule_attachment(struct ro_ctx *c, const char *attachment, const char *symbol);

/* Apply the text edits of e to s (overlaps resolved: the first edit
 * added wins); returns the new string (free it).  *review (may be NULL)
 * receives the review notes joined by " | " (free it), or NULL. */
char *ro_apply(const char *s, struct ro_edits *e, char **review);
void ro_edits_release(struct ro_edits *e);

#endif
