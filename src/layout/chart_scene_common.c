/* chart_scene_common.c - what every chart lays out the same way: the frame
 * (title, legend, source line), axis lines and filled boxes. */
#include "layout/chart_scene_int.h"

void jv_chart_box(jv_scene *sc, jv_box b, jv_rgb c)
{
  if (b.w <= 0 || b.h <= 0)
    return;
  jv_scene_rgb(sc, c);
  jv_scene_rect(sc, b.x, b.y, b.w, b.h);
  jv_scene_fill(sc, JV_FILL_WINDING);
}

void jv_chart_line(jv_scene *sc, double x0, double y0, double x1, double y1, double width, jv_rgb c,
                   double dash)
{
  jv_scene_rgb(sc, c);
  jv_scene_line_width(sc, width);
  jv_scene_dash(sc, dash, dash > 0 ? dash * 0.7 : 0);
  jv_scene_move_to(sc, x0, y0);
  jv_scene_line_to(sc, x1, y1);
  jv_scene_stroke(sc);
  if (dash > 0)
    jv_scene_dash(sc, 0, 0);
}

void jv_chart_label(jv_scene *sc, double x, double y, const char *text, jv_font_style fs,
                    double size, jv_align al, jv_rgb c)
{
  jv_scene_rgb(sc, c);
  jv_scene_text(sc, x, y, text, fs, size, al, 0.0);
}

void jv_chart_rounded(jv_scene *sc, jv_box b, double r, jv_rgb c)
{
  if (b.w <= 0 || b.h <= 0)
    return;
  if (r > b.w / 2)
    r = b.w / 2;
  if (r > b.h / 2)
    r = b.h / 2;
  const double k = 0.5523 * r; /* cubic approximation of a quarter circle */
  double x0 = b.x, y0 = b.y, x1 = b.x + b.w, y1 = b.y + b.h;
  jv_scene_rgb(sc, c);
  jv_scene_move_to(sc, x0 + r, y0);
  jv_scene_line_to(sc, x1 - r, y0);
  jv_scene_curve_to(sc, x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r);
  jv_scene_line_to(sc, x1, y1 - r);
  jv_scene_curve_to(sc, x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1);
  jv_scene_line_to(sc, x0 + r, y1);
  jv_scene_curve_to(sc, x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r);
  jv_scene_line_to(sc, x0, y0 + r);
  jv_scene_curve_to(sc, x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0);
  jv_scene_close(sc);
  jv_scene_fill(sc, JV_FILL_WINDING);
}

void jv_chart_scene_frame(jv_scene *sc, const jv_chart_frame *f, const jv_chart_text *t,
                          const jv_chart_style *st, const char *const *legend,
                          const jv_rgb *legend_color)
{
  if (f->title_y > 0)
    jv_chart_label(sc, f->outer.x, f->title_y, t->title, JV_FONT_BOLD, f->title_size, JV_ALIGN_LEFT,
                   st->text);
  if (f->subtitle_y > 0)
    jv_chart_label(sc, f->outer.x, f->subtitle_y, t->subtitle, JV_FONT_REGULAR, st->font_size,
                   JV_ALIGN_LEFT, st->muted);
  for (size_t i = 0; i < f->n_legend; i++) {
    jv_chart_box(sc, f->swatch[i], legend_color[i]);
    jv_chart_label(sc, f->legend_x[i], f->legend_y[i], legend[i], JV_FONT_REGULAR, st->font_size,
                   JV_ALIGN_LEFT, st->text);
  }
  for (size_t i = 0; i < f->n_source; i++)
    jv_chart_label(sc, f->outer.x, f->source_y[i], f->source[i], JV_FONT_REGULAR, st->small_size,
                   JV_ALIGN_LEFT, st->muted);
}
