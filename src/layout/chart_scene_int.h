/* chart_scene_int.h - scene helpers shared by the chart layouts (private to
 * src/layout/chart_scene_*.c). Each helper sets its own colour and line
 * style before it builds a path, as a scene requires. */
#ifndef JV_LAYOUT_CHART_SCENE_INT_H
#define JV_LAYOUT_CHART_SCENE_INT_H

#include "layout/chart_scene.h"

/* A filled rectangle; nothing for an empty box. */
void jv_chart_box(jv_scene *s, jv_box b, jv_rgb c);
/* A filled rectangle with corners of radius r. */
void jv_chart_rounded(jv_scene *s, jv_box b, double r, jv_rgb c);
/* A straight line; dash > 0 draws it dashed (dash on, 0,7 x dash off). */
void jv_chart_line(jv_scene *s, double x0, double y0, double x1, double y1, double width, jv_rgb c,
                   double dash);
void jv_chart_label(jv_scene *s, double x, double y, const char *text, jv_font_style fs,
                    double size, jv_align al, jv_rgb c);
/* Title, subtitle, legend (swatches in legend_color) and source lines. */
void jv_chart_scene_frame(jv_scene *s, const jv_chart_frame *f, const jv_chart_text *t,
                          const jv_chart_style *st, const char *const *legend,
                          const jv_rgb *legend_color);

#endif
