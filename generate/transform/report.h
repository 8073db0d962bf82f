/* report.h - the annual report form that follows a plan: plan XML in,
 * report XML out (the same vocabulary, doctype BC), for the whole plan or
 * for one agency.
 *
 * Report XML is plan XML (extract/plan/plan.rng) with:
 *   meta      issuer (the plan's coordinating body, or the agency), an
 *             optional parent-issuer, doctype code="BC", a blank number
 *             with its symbol, place, a blank date with the report's year
 *             (and month, when the plan's report deadline gives one), the
 *             title "Kết quả thực hiện Kế hoạch số ... năm YYYY", and one
 *             addressee per "Kính gửi" line;
 *   basis     the plan itself as a ref (type Kế hoạch);
 *   preamble  the opening sentence citing the plan;
 *   body      I. KẾT QUẢ THỰC HIỆN (kind results), II. ĐÁNH GIÁ CHUNG
 *             (evaluation), III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ... (direction),
 *             IV. ĐỀ XUẤT, KIẾN NGHỊ (proposals); each place to write is a
 *             <fill hint lines/> inside a p, an item or a cell;
 *   closing   "Trên đây là báo cáo ...", a signature without a name,
 *             recipients starting "Như trên;";
 *   appendix  one task table: STT, the task, lead, partners and timeline as
 *             the plan gives them, then Kết quả thực hiện, Mức độ hoàn
 *             thành (role other) and Ghi chú (role note) as fill cells.
 *
 * An agency's form lists only what the plan asks of it: its duties in the
 * responsibilities section (and those of the collective headings that
 * cover it, "Các sở, ban, ngành"), and the tasks it leads or joins, found
 * in task fields and table cells by agency_key(): "Sở TT&TT" and "Sở
 * Thông tin và Truyền thông" are one agency. */
#ifndef SOAN_REPORT_H
#define SOAN_REPORT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract/base/diag.h"

struct report_opts {
	int year;           /* the year reported on; 0: the plan's (its last) */
	const char *agency; /* NULL: the whole plan */
	const char *symbol; /* the number's symbol ("BC-SNV"); NULL: BC-UBND for a
	                       UBND, else "BC-…" to fill */
};

/* The report form for plan.  Returns a new document (xmlFreeDoc) or NULL
 * with an input error in d (no year; an agency the plan asks nothing
 * of). */
xmlDocPtr report_form(xmlDocPtr plan, const struct report_opts *o, struct diag *d);

/* The agencies a plan names, one per body, in order of first appearance:
 * the bodies of its responsibilities section (collective headings such as
 * "Các sở, ban, ngành" left out), then the leads and partners of its
 * tasks.  Returns the count; *names is a malloc'd array of malloc'd
 * strings (free each, then the array). */
size_t report_agencies(xmlDocPtr plan, char ***names);

/* The bodies a lead or partners text names: split at ";", and at "," or
 * " và " before another body's name; collectives and words such as
 * "Lãnh đạo" left out.  Same ownership as report_agencies(). */
size_t report_split_agencies(const char *text, char ***names);

/* Does text (a cell, a field, a heading) name the agency whose key is
 * key (agency_key())?  A body named inside a longer name counts ("Báo Hà
 * Tĩnh" in "Báo Hà Tĩnh, Đài PT&TH tỉnh"), and so does a longer name
 * holding the agency's ("Sở Tài chính" in "Sở Tài chính phối hợp"). */
int report_names_agency(const char *key, const char *text);

/* A file name for an agency's form: ASCII letters and digits, words
 * joined by "-", at most 60 characters ("Sở Văn hóa, Thể thao và Du
 * lịch" -> "so-van-hoa-the-thao-va-du-lich").  The caller frees. */
char *report_file_name(const char *agency);

#endif
