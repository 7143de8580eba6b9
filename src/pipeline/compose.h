/* compose.h - the fixed structure of the default annual report: chapters,
 * their short texts, tables, charts and (when available) maps, in order.
 * Owns only the choice and order; tables come from layout/report.h, charts
 * from chart_figures.h. (The template engine will replace this structure.) */
#ifndef JV_PIPELINE_COMPOSE_H
#define JV_PIPELINE_COMPOSE_H

#include "layout/doc.h"
#include "model/model.h"
#include "model/series.h"

typedef struct {
  const jv_dataset *ds;
  const jv_series_set *series; /* national + regional series; may be NULL */
  double width;                /* column width for figures, points */
  int charts;                  /* 0: tables and text only */
  /* adds a map figure of indicator ind to doc; may be NULL (no maps) */
  jv_status (*add_map)(void *ctx, jv_doc *doc, jv_indicator ind, jv_error *err);
  void *map_ctx;
} jv_compose_opts;

/* Builds the report into doc (initialised by the caller). Tables whose
 * indicators the dataset lacks, and charts whose series are missing, are
 * left out. */
jv_status jv_compose_report(const jv_compose_opts *o, jv_doc *doc, jv_error *err);

#endif
