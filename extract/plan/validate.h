/* validate.h - checking plan XML against extract/plan/plan.rng with libxml2.
 * The schema is loaded once and kept for the life of the process. */
#ifndef SOAN_VALIDATE_H
#define SOAN_VALIDATE_H

#include <libxml/tree.h>

#include "extract/base/diag.h"

/* 0 when doc is valid plan XML: it matches the schema, and no table row
 * has more cells than its table has columns.  -1 with an input error
 * naming the first problem (line and message), or an environment error
 * when the schema cannot be found or loaded. */
int plan_validate(xmlDocPtr doc, struct diag *d);
/* Validate doc against the RelaxNG file at data path rel (e.g.
 * "generate/layout/layout.rng"); same contract. */
int rng_validate(const char *rel, xmlDocPtr doc, struct diag *d);
void validate_cleanup(void);

#endif
