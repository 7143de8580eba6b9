/* init_job.h - `jaarverslag init`: a project folder outside the program.
 * Owns what a new project (or a new year in one) holds and that nothing
 * existing is ever overwritten; see data/README.md, "Project folders". */
#ifndef JV_PIPELINE_INIT_JOB_H
#define JV_PIPELINE_INIT_JOB_H

#include <stdio.h>

#include "pipeline/job.h"

typedef struct {
  const char *dir;         /* the project folder (created when missing) */
  const char *regio;       /* the region's name */
  const char *schooljaar;  /* "2019-2020" */
  const char *gemeenten;   /* NULL, or "GM0482,GM0505,...": the year's municipalities */
  const char *organisatie; /* NULL: "LVS", the name the bundled texts use */
  int werkmap;             /* the year's figures as one workbook, not CSV files */
  FILE *report;            /* what was written and what existed already */
} jv_init_opts;

/* Writes DIR/project.csv, DIR/gemeenten.csv, DIR/sjabloon/ (a copy of the
 * bundled template), DIR/LEESMIJ.md and DIR/<schooljaar>/ (regio.csv and one
 * data file per indicator group, pre-filled with the codes and names of the
 * year's indeling and empty count cells; with werkmap instead the workbook
 * DIR/<schooljaar>/gegevens.xlsx of jv_invoer_write_members), each only
 * when it does not exist. A year folder that already holds its figures in
 * the other form (CSV files or a workbook) gets none of this form.
 * The municipalities come from pipeline/region_members.h: --gemeenten, else
 * DIR/gemeenten.csv, else assets/geo/regios.csv, mapped through the
 * herindelingen onto the year's indeling. JV_EUSAGE for an unknown region or a bad school
 * year, JV_EDATA for a code not in the indeling (with its successor),
 * JV_ECANTCREAT when a file cannot be written. */
jv_status jv_job_init(const jv_env *env, const jv_init_opts *o, jv_error *err);

#endif
