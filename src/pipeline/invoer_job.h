/* invoer_job.h - `jaarverslag invoer`: the workbook an office fills in for
 * one school year, with the region's municipalities of that year's indeling. */
#ifndef JV_PIPELINE_INVOER_JOB_H
#define JV_PIPELINE_INVOER_JOB_H

#include "pipeline/job.h"

typedef struct {
  const char *regio;      /* the region's name, as in assets/geo/regios.csv */
  const char *schooljaar; /* "2017-2018" */
  const char *output;     /* the .xlsx to write */
} jv_invoer_opts;

/* Writes o->output (render/invoer_xlsx.h) for the members of o->regio in
 * the indeling of 1 January of the school year (assets/geo/regios.csv),
 * with their CBS names, in alphabetical order. JV_EUSAGE for a bad school
 * year or an unknown region, JV_ECANTCREAT when the file cannot be written. */
jv_status jv_job_invoer(const jv_env *env, const jv_invoer_opts *o, jv_error *err);

#endif
