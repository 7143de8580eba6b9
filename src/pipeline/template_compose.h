/* template_compose.h - a parsed report template plus data become the
 * report's blocks. Owns the meaning of each directive (which table, chart,
 * map or key figure it asks for) and the errors a template can only get
 * once data is known (a table whose columns the data lacks), located at the
 * template's file:line. */
#ifndef JV_PIPELINE_TEMPLATE_COMPOSE_H
#define JV_PIPELINE_TEMPLATE_COMPOSE_H

#include "layout/doc.h"
#include "model/model.h"
#include "model/series.h"
#include "model/template.h"
#include "pipeline/history.h"

/* What a ::kaart directive asks for; the strings may be NULL (defaults). */
typedef struct {
  jv_indicator ind;
  int national;            /* the whole country */
  const char *title;       /* titel= */
  const char *edges;       /* klassen= ("0,10,20,30", per 1.000) */
  const char *wording;     /* labels= letter|exact */
  const char *small;       /* kleine-aantallen= stip|rand|uit */
  const char *small_below; /* kleine-aantallen-onder= (a checked integer) */
} jv_tpl_map;

typedef struct {
  const jv_tpl *tpl;
  const jv_dataset *ds;
  const jv_series_set *series; /* may be NULL */
  double width;                /* column width for figures, points */
  int charts;                  /* 0: leave charts, maps and key figures out */
  /* adds the map of a ::kaart directive to doc; NULL when maps are not
   * available */
  jv_status (*add_map)(void *ctx, jv_doc *doc, const jv_tpl_map *map, jv_error *err);
  void *map_ctx;
  jv_diags *warn; /* may be NULL: where a template/data mismatch is reported */
  /* the project's earlier school years (comparison columns, regional
   * trends, key figures of other years); NULL: only ds */
  jv_history *history;
} jv_tpl_compose_opts;

/* Builds doc (initialised by the caller) from the template's nodes. */
jv_status jv_compose_template(const jv_tpl_compose_opts *o, jv_doc *doc, jv_error *err);

#endif
