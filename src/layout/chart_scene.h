/* chart_scene.h - charts laid out to the last detail: each function lays a
 * chart of layout/chart.h out in the box (x, y, w, h), in points, and adds
 * every bar, line, label and formatted number to a scene (layout/scene.h)
 * that render/scene_paint paints, in the report PDF and in PNG/SVG/PDF files. */
#ifndef JV_LAYOUT_CHART_SCENE_H
#define JV_LAYOUT_CHART_SCENE_H

#include "layout/chart.h"
#include "layout/chart_layout.h"
#include "layout/measure.h"
#include "layout/scene.h"

/* style may be NULL for jv_chart_style_default. JV_EUSAGE (nothing added)
 * when the data cannot be charted or the box is too small for it;
 * JV_EINTERNAL when out of memory. */
jv_status jv_chart_scene_trend(jv_scene *s, const jv_measure *m, double x, double y, double w,
                               double h, const jv_trend_chart *c, const jv_chart_style *style,
                               jv_error *err);
jv_status jv_chart_scene_comparison(jv_scene *s, const jv_measure *m, double x, double y, double w,
                                    double h, const jv_comparison_chart *c,
                                    const jv_chart_style *style, jv_error *err);
jv_status jv_chart_scene_stacked(jv_scene *s, const jv_measure *m, double x, double y, double w,
                                 double h, const jv_stacked_chart *c, const jv_chart_style *style,
                                 jv_error *err);
jv_status jv_chart_scene_keyfigure(jv_scene *s, const jv_measure *m, double x, double y, double w,
                                   double h, const jv_keyfigure_chart *c,
                                   const jv_chart_style *style, jv_error *err);

#endif
