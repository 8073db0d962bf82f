/* fuzz_generate.c - libFuzzer harness for the writing side: plan XML (or
 * a layout) from someone else, through the transforms and templates, to
 * DOCX or PDF bytes in memory, as `soan generate`, `soan rollover` and
 * `soan report` do.
 *
 * Byte 0 chooses what happens:
 *   bit 0     the rest is a layout (.fo), read by fo_load and written as
 *             it is; clear: plan XML, read and schema-checked as every
 *             command reads it
 *   bits 1-2  for plan XML, the transform: 0 none (templates/plan.xsl),
 *             1 rollover to next year (rollover.xsl), 2 the report form
 *             of the whole plan, 3 the form of the first agency it names
 *             (report.xsl)
 *   bit 3     PDF; clear: DOCX
 *   bit 4     rollover with soan's list of renamed bodies
 *   bit 5     DOCX with the rollover's changes as tracked changes
 * The rest is the document.
 *
 * Beyond "no crash, no leak, no hang", what soan promises of its own
 * output is checked: a refusal carries a diagnostic; a plan that passed
 * the schema gives a rollover draft and report forms that pass it too,
 * and a layout inside the subset from every template.  Only a writer may
 * still refuse (a glyph no font has, a layout it cannot honour). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "extract/base/buf.h"
#include "extract/base/diag.h"
#include "extract/base/xmlsafe.h"
#include "extract/extract.h"
#include "extract/plan/validate.h"
#include "generate/layout/fo.h"
#include "generate/output.h"
#include "generate/transform/renames.h"
#include "generate/transform/report.h"
#include "generate/transform/rollover.h"
#include "generate/writers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct renames *renames;

/* Plan XML that passed the schema went in: anything soan makes of it
 * must pass too.  Traps otherwise. */
static void must_validate(xmlDocPtr doc)
{
	struct diag d;
	diag_init(&d, "made");
	if (plan_validate(doc, &d) < 0)
		__builtin_trap(); /* a transform broke soan's own schema */
	diag_release(&d);
}

static void write_layout(xmlDocPtr fo, enum output_format f, int track, struct diag *d)
{
	struct gen_opts go = {NULL, track};
	struct buf out = BUF_INIT;
	if (writer_run(f, fo, &go, &out, d) == 0 && out.len == 0)
		__builtin_trap(); /* success without bytes */
	buf_release(&out);
}

static void from_plan(xmlDocPtr plan, unsigned opt, enum output_format f, struct diag *d)
{
	xmlDocPtr doc = NULL; /* what a transform made; the plan itself for none */
	struct out_opts oo = {"plan", NULL, 0, 0};
	switch ((opt >> 1) & 3) {
	case 0: break;
	case 1: {
		struct rollover_opts ro = {0, (opt & 16) ? renames : NULL, 0};
		struct rollover_result res = ROLLOVER_RESULT_INIT;
		doc = rollover(plan, &ro, &res, d);
		if (doc) {
			struct buf b = BUF_INIT;
			rollover_write_changes(&res, &b);
			rollover_summary(&res, &b);
			buf_release(&b);
		}
		rollover_result_release(&res);
		oo.tmpl = "rollover";
		oo.track_changes = (opt & 32) != 0;
		break;
	}
	default: {
		struct report_opts rp = {0, NULL, NULL};
		char **names = NULL;
		size_t n = 0;
		if (((opt >> 1) & 3) == 3) {
			n = report_agencies(plan, &names);
			rp.agency = n ? names[0] : NULL;
		}
		doc = report_form(plan, &rp, d);
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		oo.tmpl = "report";
		break;
	}
	}
	if (((opt >> 1) & 3) && !doc) {
		if (!diag_failed(d))
			__builtin_trap(); /* refused without saying why */
		return;
	}
	if (doc)
		must_validate(doc);
	xmlDocPtr fo = output_layout(doc ? doc : plan, &oo, d);
	if (!fo)
		__builtin_trap(); /* a valid plan our template cannot lay out */
	write_layout(fo, f, oo.track_changes, d);
	xmlFreeDoc(fo);
	if (doc)
		xmlFreeDoc(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	xmlsafe_init();
	if (!renames) {
		struct diag d;
		diag_init(&d, "renames");
		renames = renames_load(NULL, &d);
		if (!renames)
			abort(); /* generate/transform/renames.tsv is part of soan */
		diag_release(&d);
	}
	unsigned opt = data[0];
	enum output_format f = (opt & 8) ? OUT_PDF : OUT_DOCX;
	struct diag d;
	if (opt & 1) {
		diag_init(&d, "layout.fo");
		xmlDocPtr fo = fo_load("layout", data + 1, size - 1, &d);
		if (fo)
			write_layout(fo, f, (opt & 32) != 0, &d);
		else if (!diag_failed(&d))
			__builtin_trap();
		if (fo)
			xmlFreeDoc(fo);
	} else {
		diag_init(&d, "plan.xml");
		struct extract_opts eo;
		memset(&eo, 0, sizeof eo);
		eo.force = FMT_PLANXML;
		xmlDocPtr plan = extract_mem("plan.xml", data + 1, size - 1, &eo, &d);
		if (plan) {
			from_plan(plan, opt, f, &d);
			xmlFreeDoc(plan);
		} else if (!diag_failed(&d)) {
			__builtin_trap();
		}
	}
	diag_release(&d);
	return 0;
}
