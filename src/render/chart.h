/* chart.h - drawing the charts of layout/chart.h through jv_draw, so one
 * chart feeds the report PDF (draw_hpdf) and PNG/SVG/PDF files (draw_cairo).
 * Each function lays the chart out (layout/chart_layout.h) in the box
 * (x, y, w, h) of d, in points, and draws it. */
#ifndef JV_RENDER_CHART_H
#define JV_RENDER_CHART_H

#include "layout/chart.h"
#include "layout/chart_layout.h"
#include "render/draw.h"

/* style may be NULL for jv_chart_style_default. JV_EUSAGE (nothing drawn)
 * when the data cannot be charted or the box is too small for it. */
jv_status jv_chart_draw_trend(jv_draw *d, double x, double y, double w, double h,
                              const jv_trend_chart *c, const jv_chart_style *style, jv_error *err);
jv_status jv_chart_draw_comparison(jv_draw *d, double x, double y, double w, double h,
                                   const jv_comparison_chart *c, const jv_chart_style *style,
                                   jv_error *err);
jv_status jv_chart_draw_stacked(jv_draw *d, double x, double y, double w, double h,
                                const jv_stacked_chart *c, const jv_chart_style *style,
                                jv_error *err);
jv_status jv_chart_draw_keyfigure(jv_draw *d, double x, double y, double w, double h,
                                  const jv_keyfigure_chart *c, const jv_chart_style *style,
                                  jv_error *err);

/* A jv_measure over d's fonts, to call the layout functions directly (for
 * example to ask where a bar went). */
jv_measure jv_chart_measure(const jv_draw *d);

#endif
