/* chart_scene_rows.c - horizontal-bar charts laid out: the per-1,000 comparison
 * with its dashed reference line, and stacked bars by category. */
#include <math.h>
#include <stdio.h>

#include "layout/chart_scene_int.h"
#include "stats/format.h"

/* Vertical grid lines and tick labels along the bottom, the zero line. */
static void draw_x_axis(jv_scene *sc, const jv_rows_layout *L, const jv_chart_style *st,
                        const char *axis_label)
{
  char buf[64];
  for (size_t i = 0; i < L->ticks.count; i++) {
    double x = jv_scale_map(&L->x, L->ticks.value[i]);
    if (i > 0)
      jv_chart_line(sc, x, L->plot.y, x, L->plot.y + L->plot.h, st->hairline, st->grid, 0);
    jv_ticks_label(&L->ticks, i, buf, sizeof(buf));
    jv_chart_label(sc, x, L->tick_y, buf, JV_FONT_REGULAR, st->font_size, JV_ALIGN_CENTER,
                   st->muted);
  }
  if (axis_label && L->axis_label_y > 0)
    jv_chart_label(sc, L->plot.x + L->plot.w / 2, L->axis_label_y, axis_label, JV_FONT_REGULAR,
                   st->small_size, JV_ALIGN_CENTER, st->muted);
}

static void draw_zero_line(jv_scene *sc, const jv_rows_layout *L, const jv_chart_style *st)
{
  double x0 = jv_scale_map(&L->x, 0);
  jv_chart_line(sc, x0, L->plot.y - 1, x0, L->plot.y + L->plot.h + 1, st->hairline * 1.4, st->axis,
                0);
}

jv_status jv_chart_scene_comparison(jv_scene *sc, const jv_measure *m, double x, double y, double w,
                                    double h, const jv_comparison_chart *c,
                                    const jv_chart_style *style, jv_error *err)
{
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(style, &def);
  jv_rows_layout L;
  jv_status s = jv_comparison_layout(&L, c, m, st, x, y, w, h, err);
  if (s)
    return s;
  jv_chart_scene_frame(sc, &L.frame, &c->text, st, NULL, NULL);
  draw_x_axis(sc, &L, st, c->axis_label);
  double x0 = jv_scale_map(&L.x, 0);
  char buf[64];
  for (size_t r = 0; r < L.n; r++) {
    size_t i = L.order[r];
    jv_chart_label(sc, L.name_right, L.text_y[r], c->name[i], JV_FONT_REGULAR, L.font_size,
                   JV_ALIGN_RIGHT, st->text);
    double v = c->value[i];
    if (isnan(v)) {
      jv_chart_label(sc, x0 + L.font_size * 0.4, L.text_y[r], "n.b.", JV_FONT_ITALIC, L.font_size,
                     JV_ALIGN_LEFT, st->muted);
      continue;
    }
    double x1 = jv_scale_map(&L.x, v);
    jv_chart_box(sc, (jv_box){x0, L.row_y[r], x1 - x0, L.bar_h}, st->single);
    jv_format_decimal(v, c->decimals, buf, sizeof(buf));
    jv_chart_label(sc, x1 + L.font_size * 0.4, L.text_y[r], buf, JV_FONT_REGULAR, L.font_size,
                   JV_ALIGN_LEFT, st->text);
  }
  draw_zero_line(sc, &L, st);
  if (L.has_ref) {
    jv_chart_line(sc, L.ref_x, L.plot.y - 1, L.ref_x, L.plot.y + L.plot.h, 1.1, st->accent, 3.2);
    /* the label centred over the line, kept inside the chart */
    double tw = jv_measure_width(m, JV_FONT_BOLD, st->font_size, L.ref_label);
    double lx = L.ref_x - tw / 2;
    double right = L.frame.outer.x + L.frame.outer.w;
    if (lx + tw > right)
      lx = right - tw;
    if (lx < L.plot.x)
      lx = L.plot.x;
    jv_chart_label(sc, lx, L.ref_label_y, L.ref_label, JV_FONT_BOLD, st->font_size, JV_ALIGN_LEFT,
                   st->accent);
  }
  return jv_scene_status(sc, err);
}

jv_status jv_chart_scene_stacked(jv_scene *sc, const jv_measure *m, double x, double y, double w,
                                 double h, const jv_stacked_chart *c, const jv_chart_style *style,
                                 jv_error *err)
{
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(style, &def);
  jv_rows_layout L;
  jv_status s = jv_stacked_layout(&L, c, m, st, x, y, w, h, err);
  if (s)
    return s;
  /* colours go to the segments that occur, in order, like the legend */
  jv_rgb color[JV_CHART_MAX_SEGMENTS];
  const char *legend[JV_CHART_MAX_SEGMENTS];
  jv_rgb legend_color[JV_CHART_MAX_SEGMENTS];
  bool present[JV_CHART_MAX_SEGMENTS] = {false};
  size_t n_present = 0;
  for (size_t k = 0; k < c->n_segments; k++) {
    for (size_t r = 0; r < c->n_rows && !present[k]; r++)
      present[k] = !isnan(c->value[r * c->n_segments + k]);
    n_present += present[k];
  }
  for (size_t k = 0, p = 0; k < c->n_segments; k++) {
    if (!present[k])
      continue;
    color[k] = jv_chart_series_color(st, p, n_present);
    legend[p] = c->segment[k];
    legend_color[p] = color[k];
    p++;
  }
  jv_chart_scene_frame(sc, &L.frame, &c->text, st, legend, legend_color);
  draw_x_axis(sc, &L, st, NULL);
  double x0 = jv_scale_map(&L.x, 0);
  char buf[64];
  for (size_t r = 0; r < L.n; r++) {
    size_t i = L.order[r];
    jv_chart_label(sc, L.name_right, L.text_y[r], c->row[i], JV_FONT_REGULAR, L.font_size,
                   JV_ALIGN_RIGHT, st->text);
    double total = 0;
    bool any = false;
    for (size_t k = 0; k < c->n_segments; k++) {
      double v = c->value[i * c->n_segments + k];
      if (isnan(v))
        continue;
      any = true;
      if (v <= 0)
        continue;
      double a = jv_scale_map(&L.x, total), b = jv_scale_map(&L.x, total + v);
      total += v;
      jv_chart_box(sc, (jv_box){a, L.row_y[r], b - a, L.bar_h}, color[k]);
      /* a white hairline between segments keeps equal colours apart */
      if (a > x0 + 0.1)
        jv_chart_line(sc, a, L.row_y[r], a, L.row_y[r] + L.bar_h, 0.6, (jv_rgb){1, 1, 1}, 0);
      jv_format_decimal(v, c->decimals, buf, sizeof(buf));
      double size = L.font_size * 0.9;
      if (jv_measure_width(m, JV_FONT_REGULAR, size, buf) + size * 0.6 <= b - a &&
          L.bar_h >= size * 0.95)
        jv_chart_label(sc, (a + b) / 2, L.text_y[r] - (L.font_size - size) * 0.35, buf,
                       JV_FONT_REGULAR, size, JV_ALIGN_CENTER, jv_chart_text_on(st, color[k]));
    }
    if (!any) {
      jv_chart_label(sc, x0 + L.font_size * 0.4, L.text_y[r], "n.b.", JV_FONT_ITALIC, L.font_size,
                     JV_ALIGN_LEFT, st->muted);
    } else if (c->totals) {
      jv_format_decimal(total, c->decimals, buf, sizeof(buf));
      jv_chart_label(sc, jv_scale_map(&L.x, total) + L.font_size * 0.4, L.text_y[r], buf,
                     JV_FONT_BOLD, L.font_size, JV_ALIGN_LEFT, st->text);
    }
  }
  draw_zero_line(sc, &L, st);
  return jv_scene_status(sc, err);
}
