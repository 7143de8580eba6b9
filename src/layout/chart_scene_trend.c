/* chart_scene_trend.c - the trend chart laid out: grouped bars or lines with
 * markers over school years; gaps stay empty (lines break there). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/chart_scene_int.h"

/* A marker shape per series so lines differ without colour too. */
static void marker(jv_scene *sc, double x, double y, double r, size_t k, jv_rgb c)
{
  /* a white halo keeps markers readable where lines cross */
  jv_rgb white = {1, 1, 1};
  for (int pass = 0; pass < 2; pass++) {
    double rr = pass == 0 ? r + 0.9 : r;
    jv_scene_rgb(sc, pass == 0 ? white : c);
    switch (k % 4) {
    case 0: { /* circle */
      const double q = 0.5523 * rr;
      jv_scene_move_to(sc, x + rr, y);
      jv_scene_curve_to(sc, x + rr, y + q, x + q, y + rr, x, y + rr);
      jv_scene_curve_to(sc, x - q, y + rr, x - rr, y + q, x - rr, y);
      jv_scene_curve_to(sc, x - rr, y - q, x - q, y - rr, x, y - rr);
      jv_scene_curve_to(sc, x + q, y - rr, x + rr, y - q, x + rr, y);
      break;
    }
    case 1: /* square */
      jv_scene_rect(sc, x - rr * 0.88, y - rr * 0.88, rr * 1.76, rr * 1.76);
      break;
    case 2: /* triangle */
      jv_scene_move_to(sc, x, y - rr * 1.15);
      jv_scene_line_to(sc, x + rr * 1.05, y + rr * 0.7);
      jv_scene_line_to(sc, x - rr * 1.05, y + rr * 0.7);
      break;
    default: /* diamond */
      jv_scene_move_to(sc, x, y - rr * 1.2);
      jv_scene_line_to(sc, x + rr * 1.2, y);
      jv_scene_line_to(sc, x, y + rr * 1.2);
      jv_scene_line_to(sc, x - rr * 1.2, y);
      break;
    }
    jv_scene_close(sc);
    jv_scene_fill(sc, JV_FILL_WINDING);
  }
}

static void draw_axes(jv_scene *sc, const jv_trend_layout *L, const jv_chart_style *st,
                      bool percent)
{
  char buf[64];
  double fs = st->font_size;
  for (size_t i = 0; i < L->ticks.count; i++) {
    double yy = jv_scale_map(&L->y, L->ticks.value[i]);
    if (L->ticks.value[i] != 0)
      jv_chart_line(sc, L->plot.x, yy, L->plot.x + L->plot.w, yy, st->hairline, st->grid, 0);
    jv_ticks_label(&L->ticks, i, buf, sizeof(buf) - 1);
    if (percent)
      strcat(buf, "%");
    jv_chart_label(sc, L->plot.x - fs * 0.6, yy + fs * 0.35, buf, JV_FONT_REGULAR, fs,
                   JV_ALIGN_RIGHT, st->muted);
  }
  for (size_t i = 0; i < L->n_years; i++) {
    jv_schoolyear_format((jv_schoolyear){L->first_year + (int)i}, buf, sizeof(buf));
    double cx = jv_band_center(&L->band, i);
    if (L->year_angle == 0) {
      jv_chart_label(sc, cx, L->year_y, buf, JV_FONT_REGULAR, fs, JV_ALIGN_CENTER, st->text);
    } else {
      jv_scene_rgb(sc, st->text);
      jv_scene_text(sc, cx + fs * 0.35, L->year_y, buf, JV_FONT_REGULAR, fs, JV_ALIGN_RIGHT,
                    L->year_angle);
    }
  }
}

static void draw_zero(jv_scene *sc, const jv_trend_layout *L, const jv_chart_style *st)
{
  double y0 = jv_scale_map(&L->y, 0);
  jv_chart_line(sc, L->plot.x, y0, L->plot.x + L->plot.w, y0, st->hairline * 1.4, st->axis, 0);
}

jv_status jv_chart_scene_trend(jv_scene *sc, const jv_measure *m, double x, double y, double w,
                               double h, const jv_trend_chart *c, const jv_chart_style *style,
                               jv_error *err)
{
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(style, &def);
  jv_trend_layout L;
  jv_status s = jv_trend_layout_make(&L, c, m, st, x, y, w, h, err);
  if (s)
    return s;
  jv_rgb color[JV_CHART_MAX_SERIES];
  const char *legend[JV_CHART_MAX_SERIES];
  for (size_t k = 0; k < c->n_series; k++) {
    color[k] = c->style == JV_TREND_LINES ? jv_chart_line_color(st, k, c->n_series)
                                          : jv_chart_series_color(st, k, c->n_series);
    legend[k] = c->series[k]->short_label;
  }
  jv_chart_scene_frame(sc, &L.frame, &c->text, st, legend, color);
  draw_axes(sc, &L, st, c->series[0]->unit == JV_SERIES_PERCENT);
  double y0 = jv_scale_map(&L.y, 0);
  char buf[64];
  double vs = L.value_size;
  for (size_t k = 0; k < c->n_series; k++) {
    const jv_series *ser = c->series[k];
    if (c->style == JV_TREND_BARS) {
      for (size_t i = 0; i < L.n_years; i++) {
        jv_schoolyear yr = {L.first_year + (int)i};
        const jv_series_point *p = jv_series_at(ser, yr);
        double bx = jv_trend_bar_x(&L, i, k, c->n_series);
        /* grouped bars get a thin gap so neighbours do not merge */
        double bw = c->n_series > 1 ? L.bar_w - fmin(1.0, L.bar_w * 0.1) : L.bar_w;
        if (!p || p->kind == JV_VAL_MISSING)
          continue;
        if (p->kind != JV_VAL_COUNT) {
          jv_chart_label(sc, bx + bw / 2, y0 - st->font_size * 0.5, "n.b.", JV_FONT_ITALIC,
                         st->font_size * 0.85, JV_ALIGN_CENTER, st->muted);
          continue;
        }
        double yv = jv_scale_map(&L.y, p->value);
        jv_chart_box(sc, (jv_box){bx, fmin(yv, y0), bw, fabs(y0 - yv)}, color[k]);
        if (vs > 0) {
          jv_chart_format_value(ser, p->value, buf, sizeof(buf));
          jv_chart_label(sc, bx + bw / 2, fmin(yv, y0) - vs * 0.35, buf, JV_FONT_REGULAR, vs,
                         JV_ALIGN_CENTER, st->text);
        }
      }
    } else {
      /* the line breaks at gaps: a new move_to after every missing year */
      jv_scene_rgb(sc, color[k]);
      jv_scene_line_width(sc, 1.8);
      jv_scene_dash(sc, 0, 0);
      int open = 0, segs = 0;
      for (size_t i = 0; i < L.n_years; i++) {
        double v;
        if (!jv_series_value(ser, (jv_schoolyear){L.first_year + (int)i}, &v)) {
          open = 0;
          continue;
        }
        double px = jv_band_center(&L.band, i), py = jv_scale_map(&L.y, v);
        if (!open)
          jv_scene_move_to(sc, px, py);
        else
          jv_scene_line_to(sc, px, py), segs++;
        open = 1;
      }
      if (segs)
        jv_scene_stroke(sc);
      else if (open) /* a lone point: no line, only its marker below */
        jv_scene_fill(sc, JV_FILL_WINDING);
    }
  }
  draw_zero(sc, &L, st);
  if (c->style == JV_TREND_LINES) {
    for (size_t k = 0; k < c->n_series; k++) {
      const jv_series *ser = c->series[k];
      for (size_t i = 0; i < L.n_years; i++) {
        jv_schoolyear yr = {L.first_year + (int)i};
        const jv_series_point *p = jv_series_at(ser, yr);
        double px = jv_band_center(&L.band, i);
        if (!p || p->kind == JV_VAL_MISSING)
          continue;
        if (p->kind != JV_VAL_COUNT) {
          jv_chart_label(sc, px, y0 - st->font_size * 0.5, "n.b.", JV_FONT_ITALIC,
                         st->font_size * 0.85, JV_ALIGN_CENTER, st->muted);
          continue;
        }
        double py = jv_scale_map(&L.y, p->value);
        marker(sc, px, py, 2.6, k, color[k]);
        if (vs > 0 && !L.end_labels) {
          jv_chart_format_value(ser, p->value, buf, sizeof(buf));
          jv_chart_label(sc, px, py - 4.5, buf, JV_FONT_REGULAR, vs, JV_ALIGN_CENTER, st->text);
        }
      }
    }
    for (size_t k = 0; L.end_labels && k < c->n_series; k++) {
      if (L.end_label_y[k] <= 0)
        continue;
      jv_chart_format_value(c->series[k], L.end_value[k], buf, sizeof(buf));
      jv_chart_label(sc, L.end_label_x, L.end_label_y[k], buf, JV_FONT_BOLD, vs, JV_ALIGN_LEFT,
                     color[k]);
    }
  }
  return jv_scene_status(sc, err);
}
