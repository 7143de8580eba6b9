/* chart_figures.c - report figures holding chart data, laid out as scenes
 * once pagination gives them their box. */
#include "pipeline/chart_figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart_data.h"
#include "layout/chart_scene.h"

typedef enum { K_COMPARISON, K_STACKED, K_TREND, K_KEYFIGURE } kind;

#define TITLE_MAX 160

/* One allocation per figure: the chart data must not move after building. */
typedef struct {
  kind k;
  union {
    jv_comparison_data cmp;
    jv_stacked_data stk;
    jv_trend_data trend;
    jv_keyfigure_data key;
  } u;
  char title[TITLE_MAX]; /* a template's own title, when given */
} chart_ctx;

static jv_status lay_out(void *vctx, const jv_measure *m, double w, double h, jv_scene *out,
                         jv_error *err)
{
  chart_ctx *c = vctx;
  switch (c->k) {
  case K_COMPARISON:
    return jv_chart_scene_comparison(out, m, 0, 0, w, h, &c->u.cmp.chart, NULL, err);
  case K_STACKED:
    return jv_chart_scene_stacked(out, m, 0, 0, w, h, &c->u.stk.chart, NULL, err);
  case K_TREND:
    return jv_chart_scene_trend(out, m, 0, 0, w, h, &c->u.trend.chart, NULL, err);
  case K_KEYFIGURE:
    return jv_chart_scene_keyfigure(out, m, 0, 0, w, h, &c->u.key.chart, NULL, err);
  }
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "unknown chart kind %d", (int)c->k);
}

static char *alt_of(const chart_ctx *c)
{
  switch (c->k) {
  case K_COMPARISON:
    return jv_comparison_chart_alt(&c->u.cmp.chart);
  case K_STACKED:
    return jv_stacked_chart_alt(&c->u.stk.chart);
  case K_TREND:
    return jv_trend_chart_alt(&c->u.trend.chart);
  case K_KEYFIGURE:
    return jv_keyfigure_chart_alt(&c->u.key.chart);
  }
  return NULL;
}

/* Wraps a built chart context into a figure; frees c on failure. */
static jv_status wrap(jv_figure **out, chart_ctx *c, double w, double h, jv_error *err)
{
  jv_figure *f = calloc(1, sizeof(*f));
  if (!f) {
    free(c);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  f->width = w;
  f->height = h;
  f->lay_out = lay_out;
  f->ctx = c;
  f->free_ctx = free;
  f->alt = alt_of(c);
  if (!f->alt) {
    jv_figure_free(f);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  *out = f;
  return JV_OK;
}

static chart_ctx *new_ctx(kind k, jv_error *err)
{
  chart_ctx *c = calloc(1, sizeof(*c));
  if (!c)
    jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  else
    c->k = k;
  return c;
}

jv_status jv_figure_comparison(jv_figure **out, const jv_dataset *ds, jv_indicator ind, double w,
                               double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_COMPARISON, err);
  if (!c)
    return JV_EINTERNAL;
  jv_status st = jv_comparison_from_dataset(&c->u.cmp, ds, ind, err);
  if (st) {
    free(c);
    return st;
  }
  return wrap(out, c, w, h, err);
}

jv_status jv_figure_stacked(jv_figure **out, const jv_dataset *ds, const char *group, double w,
                            double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_STACKED, err);
  if (!c)
    return JV_EINTERNAL;
  jv_status st = jv_stacked_from_dataset(&c->u.stk, ds, group, err);
  if (st) {
    free(c);
    return st;
  }
  return wrap(out, c, w, h, err);
}

jv_status jv_figure_trend(jv_figure **out, const jv_series_set *set, const char *spec,
                          jv_trend_style style, double w, double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_TREND, err);
  if (!c)
    return JV_EINTERNAL;
  jv_status st = jv_trend_from_series(&c->u.trend, set, spec, style, err);
  if (st) {
    free(c);
    return st;
  }
  return wrap(out, c, w, h, err);
}

jv_status jv_figure_trend_of(jv_figure **out, const jv_series *s, jv_trend_style style, double w,
                             double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_TREND, err);
  if (!c)
    return JV_EINTERNAL;
  jv_status st = jv_trend_from_list(&c->u.trend, &s, 1, NULL, style, err);
  if (st) {
    free(c);
    return st;
  }
  return wrap(out, c, w, h, err);
}

jv_status jv_figure_keyfigure(jv_figure **out, const jv_series_set *set, const char *spec,
                              size_t n_years, double w, double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_KEYFIGURE, err);
  if (!c)
    return JV_EINTERNAL;
  jv_status st = jv_keyfigure_from_series_set(&c->u.key, set, spec, n_years, err);
  if (st) {
    free(c);
    return st;
  }
  return wrap(out, c, w, h, err);
}

jv_status jv_figure_keyfigure_items(jv_figure **out, const jv_keyfigure_chart *kc, double w,
                                    double h, jv_error *err)
{
  chart_ctx *c = new_ctx(K_KEYFIGURE, err);
  if (!c)
    return JV_EINTERNAL;
  c->u.key.chart = *kc;
  c->u.key.chart.text.title = NULL;
  c->u.key.chart.text.subtitle = NULL;
  c->u.key.chart.text.source = NULL;
  return wrap(out, c, w, h, err);
}

void jv_figure_trend_until(jv_figure *f, jv_schoolyear until)
{
  jv_figure_forget(f);
  chart_ctx *c = f->ctx;
  if (c->k == K_TREND)
    jv_trend_note_end(&c->u.trend, until);
}

void jv_figure_chart_title(jv_figure *f, const char *title)
{
  jv_figure_forget(f);
  chart_ctx *c = f->ctx;
  snprintf(c->title, sizeof(c->title), "%s", title);
  switch (c->k) {
  case K_COMPARISON:
    c->u.cmp.chart.text.title = c->title;
    break;
  case K_STACKED:
    c->u.stk.chart.text.title = c->title;
    break;
  case K_TREND:
    c->u.trend.chart.text.title = c->title;
    break;
  case K_KEYFIGURE:
    c->u.key.chart.text.title = c->title;
    break;
  }
  char *alt = alt_of(c); /* the text alternative names the chart by its title */
  if (alt) {
    free(f->alt);
    f->alt = alt;
  }
}
