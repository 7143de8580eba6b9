/* chart_job.h - everything `jaarverslag chart` does after parsing its
 * options: read the data or series, build one chart, draw it to a PNG, SVG or
 * PDF file (atomically), and optionally print its bar geometry (for tests)
 * and its text alternative. */
#ifndef JV_PIPELINE_CHART_JOB_H
#define JV_PIPELINE_CHART_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "layout/chart.h"
#include "pipeline/job.h"

#define JV_CHART_MAX_SERIES_FILES 8

typedef enum { K_TREND, K_COMPARISON, K_STACKED, K_KEYFIGURE, K_NONE } jv_chart_kind;

typedef struct {
  jv_chart_kind kind;
  const char *indicator; /* indicator, series, list or group */
  const char *data;      /* per-year data directory; NULL: the bundled one. For trend
                          * and keyfigure: the series a report of it uses (the
                          * national ones and its project's reeksen.csv) */
  const char *series[JV_CHART_MAX_SERIES_FILES]; /* none: by data, else the bundled series */
  size_t n_series;
  const char *output;         /* .png, .svg or .pdf */
  const char *title, *source; /* replace the chart's own, may be NULL */
  double width, height, dpi;
  int lines, sorted, alt, geometry;
  long years;
} jv_chart_job_opts;

/* Whether the output's name ends in .png, .svg or .pdf (a file chart can
 * write). */
bool jv_chart_job_output_ok(const char *path);

/* Writes o->output; the geometry and alternative lines go to out. */
jv_status jv_chart_job(const jv_env *env, const jv_chart_job_opts *o, FILE *out, jv_error *err);

#endif
