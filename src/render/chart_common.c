/* chart_common.c - what every chart draws the same way: the frame (title,
 * legend, source line), axis lines and filled boxes. */
#include "render/chart_common.h"

static double measure_width(void *ctx, jv_font_style st, double size, const char *s)
{
  return jv_fonts_text_width((const jv_fonts *)ctx, st, size, s);
}

jv_measure jv_chart_measure(const jv_draw *d)
{
  jv_measure m = {measure_width, (void *)d->fonts};
  return m;
}

void jv_chart_box(jv_draw *d, jv_box b, jv_rgb c)
{
  if (b.w <= 0 || b.h <= 0)
    return;
  jv_draw_rgb(d, c);
  jv_draw_rect(d, b.x, b.y, b.w, b.h);
  jv_draw_fill(d, JV_FILL_WINDING);
}

void jv_chart_line(jv_draw *d, double x0, double y0, double x1, double y1, double width, jv_rgb c,
                   double dash)
{
  jv_draw_rgb(d, c);
  jv_draw_line_width(d, width);
  jv_draw_dash(d, dash, dash > 0 ? dash * 0.7 : 0);
  jv_draw_move_to(d, x0, y0);
  jv_draw_line_to(d, x1, y1);
  jv_draw_stroke(d);
  if (dash > 0)
    jv_draw_dash(d, 0, 0);
}

void jv_chart_label(jv_draw *d, double x, double y, const char *s, jv_font_style fs, double size,
                    jv_align al, jv_rgb c)
{
  jv_draw_rgb(d, c);
  jv_draw_text(d, x, y, s, fs, size, al);
}

void jv_chart_rounded(jv_draw *d, jv_box b, double r, jv_rgb c)
{
  if (b.w <= 0 || b.h <= 0)
    return;
  if (r > b.w / 2)
    r = b.w / 2;
  if (r > b.h / 2)
    r = b.h / 2;
  const double k = 0.5523 * r; /* cubic approximation of a quarter circle */
  double x0 = b.x, y0 = b.y, x1 = b.x + b.w, y1 = b.y + b.h;
  jv_draw_rgb(d, c);
  jv_draw_move_to(d, x0 + r, y0);
  jv_draw_line_to(d, x1 - r, y0);
  jv_draw_curve_to(d, x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r);
  jv_draw_line_to(d, x1, y1 - r);
  jv_draw_curve_to(d, x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1);
  jv_draw_line_to(d, x0 + r, y1);
  jv_draw_curve_to(d, x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r);
  jv_draw_line_to(d, x0, y0 + r);
  jv_draw_curve_to(d, x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0);
  jv_draw_close(d);
  jv_draw_fill(d, JV_FILL_WINDING);
}

void jv_chart_draw_frame(jv_draw *d, const jv_chart_frame *f, const jv_chart_text *t,
                         const jv_chart_style *st, const char *const *legend,
                         const jv_rgb *legend_color)
{
  if (f->title_y > 0)
    jv_chart_label(d, f->outer.x, f->title_y, t->title, JV_FONT_BOLD, f->title_size, JV_ALIGN_LEFT,
                   st->text);
  if (f->subtitle_y > 0)
    jv_chart_label(d, f->outer.x, f->subtitle_y, t->subtitle, JV_FONT_REGULAR, st->font_size,
                   JV_ALIGN_LEFT, st->muted);
  for (size_t i = 0; i < f->n_legend; i++) {
    jv_chart_box(d, f->swatch[i], legend_color[i]);
    jv_chart_label(d, f->legend_x[i], f->legend_y[i], legend[i], JV_FONT_REGULAR, st->font_size,
                   JV_ALIGN_LEFT, st->text);
  }
  for (size_t i = 0; i < f->n_source; i++)
    jv_chart_label(d, f->outer.x, f->source_y[i], f->source[i], JV_FONT_REGULAR, st->small_size,
                   JV_ALIGN_LEFT, st->muted);
}
