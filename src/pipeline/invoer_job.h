/* invoer_job.h - `jaarverslag invoer`: the workbook an office fills in for
 * one school year, with the region's municipalities of that year's indeling. */
#ifndef JV_PIPELINE_INVOER_JOB_H
#define JV_PIPELINE_INVOER_JOB_H

#include "pipeline/job.h"
#include "pipeline/region_members.h"

typedef struct {
  const char *regio;      /* the region's name, as in assets/geo/regios.csv */
  const char *schooljaar; /* "2017-2018" */
  const char *gemeenten;  /* NULL, or "GM0482,GM0505,...": the year's municipalities */
  const char *output;     /* the .xlsx to write */
} jv_invoer_opts;

/* Writes o->output (render/invoer_xlsx.h) for the members of o->regio in
 * the indeling of 1 January of the school year, with their CBS names, in
 * alphabetical order: the municipalities `init` would list
 * (pipeline/region_members.h: o->gemeenten or assets/geo/regios.csv, mapped
 * through the herindelingen). JV_EUSAGE for a bad school year or an unknown
 * region, JV_EDATA for a code not in the indeling, JV_ECANTCREAT when the
 * file cannot be written. */
jv_status jv_job_invoer(const jv_env *env, const jv_invoer_opts *o, jv_error *err);

/* The workbook for the members of rm in the indeling of year (start + 1),
 * for regio, written to path: what jv_job_invoer writes once it knows the
 * members (init --werkmap writes it too). */
jv_status jv_invoer_write_members(const jv_region_members *rm, const char *regio,
                                  jv_schoolyear year, const char *path, jv_error *err);

#endif
