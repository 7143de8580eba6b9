/* chart_figures.h - charts as report figures: chart data built from the
 * model (validated up front) wrapped in a jv_figure that lays the chart out
 * as a scene (layout/chart_scene.h) once pagination gives it its box. */
#ifndef JV_PIPELINE_CHART_FIGURES_H
#define JV_PIPELINE_CHART_FIGURES_H

#include "layout/chart.h"
#include "layout/figure.h"
#include "model/model.h"
#include "model/series.h"

/* Each returns a figure of w x h points in *out (caller frees it with
 * jv_figure_free, or hands it to jv_doc_figure). ds / set must outlive it. */
jv_status jv_figure_comparison(jv_figure **out, const jv_dataset *ds, jv_indicator ind, double w,
                               double h, jv_error *err);
jv_status jv_figure_stacked(jv_figure **out, const jv_dataset *ds, const char *group, double w,
                            double h, jv_error *err);
jv_status jv_figure_trend(jv_figure **out, const jv_series_set *set, const char *spec,
                          jv_trend_style style, double w, double h, jv_error *err);
/* A trend chart of one series (which must outlive the figure). */
jv_status jv_figure_trend_of(jv_figure **out, const jv_series *s, jv_trend_style style, double w,
                             double h, jv_error *err);
jv_status jv_figure_keyfigure(jv_figure **out, const jv_series_set *set, const char *spec,
                              size_t n_years, double w, double h, jv_error *err);

/* A key-figure panel from items already filled in (copied). */
jv_status jv_figure_keyfigure_items(jv_figure **out, const jv_keyfigure_chart *kc, double w,
                                    double h, jv_error *err);

/* Replaces the title a chart figure made by this module draws (copied,
 * truncated to fit). */
void jv_figure_chart_title(jv_figure *f, const char *title);
/* A trend chart whose series end before school year until says so in its
 * subtitle; other figures are left as they are. */
void jv_figure_trend_until(jv_figure *f, jv_schoolyear until);

#endif
