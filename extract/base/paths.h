/* paths.h - where soan finds its data files (schema, templates, tables). */
#ifndef SOAN_PATHS_H
#define SOAN_PATHS_H

/* Full path of a data file given relative to the source tree, such as
 * "extract/plan/plan.rng" or "templates/plan.xsl".  Looks in $SOAN_DATADIR,
 * then beside the running program (the source tree, or build/ inside
 * it), then in the install prefix's share/soan.  Returns a malloc'd path
 * of an existing file, or NULL. */
char *soan_data_path(const char *rel);

/* The folder of the running program (from /proc/self/exe), malloc'd, or
 * NULL. */
char *soan_program_dir(void);

#endif
