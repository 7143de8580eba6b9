/* chart_job.c - one standalone chart: data in, drawn file out. */
#include "pipeline/chart_job.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/paths.h"
#include "input/series_read.h"
#include "layout/chart_data.h"
#include "layout/chart_scene.h"
#include "render/atomic_file.h"
#include "render/draw_cairo.h"
#include "render/scene_paint.h"
#include "render/pdf_render.h"

static const char *const default_series[] = {"data/nationaal/series.csv",
                                             "data/zuid-holland-zuid/reeksen.csv"};

/* Everything a chart may have been built from; freed in one place. */
typedef struct {
  jv_dataset ds;
  int have_ds;
  jv_series_set set;
  jv_comparison_data comparison;
  jv_stacked_data stacked;
  jv_trend_data trend;
  jv_keyfigure_data keyfigure;
} sources;

static jv_status load(sources *src, const jv_chart_job_opts *o, const jv_env *env, jv_error *err)
{
  char path[PATH_MAX];
  const char *home = env->home;
  jv_status st = JV_OK;
  if (o->kind == K_COMPARISON || o->kind == K_STACKED) {
    if ((st = jv_job_load(env, o->data, &src->ds, err)))
      return st;
    src->have_ds = 1;
    if (o->kind == K_COMPARISON) {
      jv_indicator ind;
      if (jv_indicator_from_name(o->indicator, &ind) != 0)
        return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                            "unknown indicator '%s' (see 'jaarverslag indicators')", o->indicator);
      return jv_comparison_from_dataset(&src->comparison, &src->ds, ind, err);
    }
    /* the group, also when named by one of its indicators ("relatief_vo") */
    const char *group = o->indicator;
    jv_indicator ind;
    if (jv_indicator_from_name(o->indicator, &ind) == 0)
      group = jv_indicator_group(ind);
    if (strcmp(o->indicator, "relatief_verzuim") == 0)
      group = "relatief";
    return jv_stacked_from_dataset(&src->stacked, &src->ds, group, err);
  }
  if (o->n_series) {
    for (size_t i = 0; i < o->n_series && st == JV_OK; i++)
      st = jv_series_read(&src->set, o->series[i], err);
  } else if (o->data) { /* what a report of that data directory draws on */
    st = jv_job_load_series(env, o->data, &src->set, err);
  } else {
    for (size_t i = 0; i < sizeof(default_series) / sizeof(default_series[0]) && !st; i++) {
      st = jv_paths_join(path, sizeof(path), home, default_series[i], err);
      if (st == JV_OK)
        st = jv_series_read(&src->set, path, err);
    }
  }
  if (st)
    return st;
  if (o->kind == K_TREND)
    return jv_trend_from_series(&src->trend, &src->set, o->indicator,
                                o->lines ? JV_TREND_LINES : JV_TREND_BARS, err);
  return jv_keyfigure_from_series_set(&src->keyfigure, &src->set, o->indicator, (size_t)o->years,
                                      err);
}

static jv_chart_text *chart_text(sources *src, jv_chart_kind k)
{
  switch (k) {
  case K_TREND:
    return &src->trend.chart.text;
  case K_COMPARISON:
    return &src->comparison.chart.text;
  case K_STACKED:
    return &src->stacked.chart.text;
  default:
    return &src->keyfigure.chart.text;
  }
}

static jv_status lay_out(sources *src, const jv_chart_job_opts *o, const jv_measure *me,
                         jv_scene *sc, jv_error *err)
{
  /* a small margin so nothing touches the image edge */
  double m = 10, x = m, y = m, w = o->width - 2 * m, h = o->height - 2 * m;
  switch (o->kind) {
  case K_TREND:
    return jv_chart_scene_trend(sc, me, x, y, w, h, &src->trend.chart, NULL, err);
  case K_COMPARISON:
    src->comparison.chart.sorted = o->sorted;
    return jv_chart_scene_comparison(sc, me, x, y, w, h, &src->comparison.chart, NULL, err);
  case K_STACKED:
    return jv_chart_scene_stacked(sc, me, x, y, w, h, &src->stacked.chart, NULL, err);
  default:
    return jv_chart_scene_keyfigure(sc, me, x, y, w, h, &src->keyfigure.chart, NULL, err);
  }
}

/* The boxes of the bars, one per line: "bar <row> <name> x y w h" (points). */
static void print_geometry(sources *src, const jv_chart_job_opts *o, const jv_measure *me,
                           FILE *out)
{
  if (o->kind != K_COMPARISON)
    return;
  jv_chart_style st;
  jv_chart_style_default(&st);
  jv_rows_layout L;
  jv_error err;
  const jv_comparison_chart *c = &src->comparison.chart;
  if (jv_comparison_layout(&L, c, me, &st, 10, 10, o->width - 20, o->height - 20, &err))
    return;
  double x0 = jv_scale_map(&L.x, 0);
  for (size_t r = 0; r < L.n; r++) {
    size_t i = L.order[r];
    double x1 = isnan(c->value[i]) ? x0 : jv_scale_map(&L.x, c->value[i]);
    fprintf(out, "bar %zu %s %.2f %.2f %.2f %.2f\n", r, c->name[i], x0, L.row_y[r], x1 - x0,
            L.bar_h);
  }
  if (L.has_ref)
    fprintf(out, "reference %.2f %.2f %.2f\n", L.ref_x, L.plot.y, L.plot.h);
}

/* The chart's text alternative (the caller frees; NULL when out of memory). */
static char *chart_alt(sources *src, jv_chart_kind k)
{
  switch (k) {
  case K_TREND:
    return jv_trend_chart_alt(&src->trend.chart);
  case K_COMPARISON:
    return jv_comparison_chart_alt(&src->comparison.chart);
  case K_STACKED:
    return jv_stacked_chart_alt(&src->stacked.chart);
  default:
    return jv_keyfigure_chart_alt(&src->keyfigure.chart);
  }
}

static void print_alt(sources *src, jv_chart_kind k, FILE *out)
{
  char *alt = chart_alt(src, k);
  if (alt)
    fprintf(out, "%s\n", alt);
  free(alt);
}

/* A PDF goes through the tagged report writer, as a one-page figure. */
static jv_status write_pdf(sources *src, const jv_chart_job_opts *o, const jv_fonts *fonts,
                           const jv_scene *scene, const char *alt, jv_error *err)
{
  long long date;
  jv_status st = jv_job_source_date(&date, err);
  if (st != JV_OK)
    return st;
  jv_figure fig = {.width = o->width, .height = o->height, .alt = (char *)alt};
  jv_pdf_meta meta = {chart_text(src, o->kind)->title, NULL, NULL, NULL, "nl-NL", date, NULL};
  return jv_pdf_render_figure(&fig, scene, &meta, fonts, o->output, err);
}

bool jv_chart_job_output_ok(const char *path)
{
  jv_surface_kind sk;
  return jv_surface_kind_from_path(path, &sk) == 0;
}

jv_status jv_chart_job(const jv_env *env, const jv_chart_job_opts *o, FILE *out, jv_error *err)
{
  sources *src = calloc(1, sizeof(*src));
  jv_fonts *fonts = NULL;
  jv_draw_cairo *dc = NULL;
  jv_status st = src ? JV_OK : jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (st == JV_OK)
    jv_series_set_init(&src->set);
  if (st == JV_OK && o->output) /* a FIFO or device is refused before any work */
    st = jv_atomic_check_target(o->output, err);
  if (st == JV_OK && (st = load(src, o, env, err)) == JV_EDATA && !err->loc.file[0])
    /* a column the data lacks: name the data directory */
    snprintf(err->loc.file, sizeof(err->loc.file), "%s", o->data ? o->data : env->default_data);
  if (st == JV_OK) {
    jv_chart_text *t = chart_text(src, o->kind);
    if (o->title)
      t->title = o->title;
    if (o->source)
      t->source = o->source;
    st = jv_fonts_new(&fonts, env->fonts, err);
  }
  jv_surface_kind sk = JV_SURFACE_PNG;
  jv_surface_kind_from_path(o->output, &sk);
  jv_measure me = jv_job_measure(fonts);
  jv_scene scene;
  jv_scene_init(&scene);
  if (st == JV_OK)
    st = lay_out(src, o, &me, &scene, err);
  char *alt = st == JV_OK ? chart_alt(src, o->kind) : NULL;
  if (st == JV_OK && !alt)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (st == JV_OK && sk == JV_SURFACE_PDF) {
    st = write_pdf(src, o, fonts, &scene, alt, err);
  } else if (st == JV_OK) {
    st = jv_draw_cairo_open(&dc, sk, o->output, o->width, o->height, o->dpi, fonts, err);
    if (st == JV_OK) {
      jv_draw_cairo_set_text(dc, chart_text(src, o->kind)->title, alt);
      st = jv_scene_paint(jv_draw_cairo_draw(dc), &scene, err);
    }
    if (st == JV_OK)
      st = jv_draw_cairo_finish(dc, err);
  }
  free(alt);
  if (st == JV_OK && o->geometry)
    print_geometry(src, o, &me, out);
  if (st == JV_OK && o->alt)
    print_alt(src, o->kind, out);
  jv_draw_cairo_free(dc);
  jv_scene_free(&scene);
  jv_fonts_free(fonts);
  if (src) {
    if (src->have_ds)
      jv_dataset_free(&src->ds);
    jv_series_set_free(&src->set);
    free(src);
  }
  return st;
}
