/* chart_trend.c - geometry of the trend chart: school years along x, one or
 * more series as grouped bars or lines, nice ticks up the y axis. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/chart_layout.h"

#define ASCENT 0.905
#define LINE 1.25

double jv_trend_bar_x(const jv_trend_layout *L, size_t i, size_t k, size_t n_series)
{
  (void)n_series;
  return jv_band_start(&L->band, i) + L->bar_w * (double)k;
}

/* Each line's last figure, labelled right of the plot at the height of its
 * point; labels that would overlap are pushed apart, keeping their order. */
static void place_end_labels(jv_trend_layout *L, const jv_trend_chart *c, double size)
{
  L->value_size = size;
  L->end_label_x = L->plot.x + L->plot.w + size * 0.5;
  size_t idx[JV_CHART_MAX_SERIES], n = 0;
  for (size_t k = 0; k < c->n_series; k++) {
    L->end_label_y[k] = 0;
    for (size_t i = L->n_years; i-- > 0;) {
      double v;
      if (jv_series_value(c->series[k], (jv_schoolyear){L->first_year + (int)i}, &v)) {
        L->end_value[k] = v;
        L->end_label_y[k] = jv_scale_map(&L->y, v) + size * 0.35;
        idx[n++] = k;
        break;
      }
    }
  }
  /* sort top to bottom, then sweep down and back up with a minimum gap */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && L->end_label_y[idx[j]] < L->end_label_y[idx[j - 1]]; j--) {
      size_t t = idx[j];
      idx[j] = idx[j - 1];
      idx[j - 1] = t;
    }
  double gap = size * 1.15;
  for (size_t i = 1; i < n; i++)
    if (L->end_label_y[idx[i]] < L->end_label_y[idx[i - 1]] + gap)
      L->end_label_y[idx[i]] = L->end_label_y[idx[i - 1]] + gap;
  double bottom = L->plot.y + L->plot.h + size * 0.35;
  if (n && L->end_label_y[idx[n - 1]] > bottom) {
    L->end_label_y[idx[n - 1]] = bottom;
    for (size_t i = n - 1; i-- > 0;)
      if (L->end_label_y[idx[i]] > L->end_label_y[idx[i + 1]] - gap)
        L->end_label_y[idx[i]] = L->end_label_y[idx[i + 1]] - gap;
  }
}

jv_status jv_trend_layout_make(jv_trend_layout *L, const jv_trend_chart *c, const jv_measure *m,
                               const jv_chart_style *st, double x, double y, double w, double h,
                               jv_error *err)
{
  memset(L, 0, sizeof(*L));
  if (c->n_series == 0 || c->n_series > JV_CHART_MAX_SERIES)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "a trend chart needs 1 to %d series",
                        JV_CHART_MAX_SERIES);
  int first = c->first_year, last = c->last_year;
  bool integer = true;
  for (size_t k = 0; k < c->n_series; k++) {
    const jv_series *s = c->series[k];
    if (s->unit != JV_SERIES_COUNT || s->decimals > 0)
      integer = false;
    if (s->n_years == 0)
      continue;
    if (!c->first_year && (!first || s->first_year < first))
      first = s->first_year;
    int end = s->first_year + (int)s->n_years - 1;
    if (!c->last_year && (!last || end > last))
      last = end;
  }
  if (!first || last < first)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "nothing to chart: the series have no years");
  if (last - first + 1 > JV_CHART_MAX_YEARS)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%d school years is too many for one chart (at most %d)", last - first + 1,
                        JV_CHART_MAX_YEARS);
  L->first_year = first;
  L->n_years = (size_t)(last - first + 1);
  L->integer = integer;

  const char *legend[JV_CHART_MAX_SERIES];
  for (size_t k = 0; k < c->n_series; k++)
    legend[k] = c->series[k]->short_label ? c->series[k]->short_label : c->series[k]->name;
  jv_status s = jv_chart_frame_layout(&L->frame, m, st, &c->text, legend,
                                      c->n_series > 1 ? c->n_series : 0, x, y, w, h, err);
  if (s)
    return s;

  double lo = 0, hi = 0;
  double widest_value = 0;
  char buf[64];
  for (size_t k = 0; k < c->n_series; k++) {
    for (size_t i = 0; i < L->n_years; i++) {
      double v;
      if (!jv_series_value(c->series[k], (jv_schoolyear){first + (int)i}, &v))
        continue;
      lo = fmin(lo, v);
      hi = fmax(hi, v);
      jv_chart_format_value(c->series[k], v, buf, sizeof(buf));
      widest_value = fmax(widest_value, jv_measure_width(m, JV_FONT_REGULAR, st->font_size, buf));
    }
  }
  const jv_box a = L->frame.plot_area;
  double fs = st->font_size;
  /* the y axis: about one tick per 32 pt of height */
  double value_room = c->value_labels ? fs * LINE : fs * 0.5;
  double year_w = jv_measure_width(m, JV_FONT_REGULAR, fs, "2016-2017");
  int target = (int)fmax(2, fmin(10, (a.h - value_room - fs * 2) / 32));
  jv_ticks_nice(lo, hi, target, integer, &L->ticks);
  double tick_w = 0;
  for (size_t i = 0; i < L->ticks.count; i++) {
    jv_ticks_label(&L->ticks, i, buf, sizeof(buf) - 1);
    if (c->series[0]->unit == JV_SERIES_PERCENT)
      strcat(buf, "%"); /* as the renderer labels percentages */
    tick_w = fmax(tick_w, jv_measure_width(m, JV_FONT_REGULAR, fs, buf));
  }
  double gap = fs * 0.6;
  L->end_labels = c->value_labels && c->style == JV_TREND_LINES && c->n_series > 1;
  double end_room = L->end_labels ? widest_value * 0.93 + fs * 0.8 : fs * 0.3;
  L->plot.x = a.x + tick_w + gap;
  L->plot.w = a.x + a.w - L->plot.x - end_room;
  double slot = L->plot.w / (double)L->n_years;
  double bottom;
  if (year_w + fs * 0.8 <= slot) {
    L->year_angle = 0;
    bottom = fs * LINE + 3;
  } else {
    L->year_angle = 90;
    bottom = year_w + 5;
  }
  L->plot.y = a.y + value_room;
  L->plot.h = a.h - value_room - bottom;
  if (L->plot.h < fs * 3 || L->plot.w < fs * 4)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "chart of %.0fx%.0f pt is too small", w, h);
  L->year_y = L->plot.y + L->plot.h + 3 + (L->year_angle == 0 ? fs * ASCENT : 0);
  L->y = jv_scale_linear(L->ticks.lo, L->ticks.hi, L->plot.y + L->plot.h, L->plot.y);
  L->band = jv_band_make(L->n_years, L->plot.x, L->plot.x + L->plot.w,
                         c->style == JV_TREND_BARS ? (c->n_series > 1 ? 0.25 : 0.35) : 0.0);
  L->bar_w = L->band.width / (double)c->n_series;
  if (L->end_labels) {
    place_end_labels(L, c, fs * 0.93);
  } else if (c->value_labels) {
    /* labels sit centred on their bar (or point): they must fit its width */
    double room = c->style == JV_TREND_BARS ? L->bar_w + L->band.offset * (c->n_series > 1 ? 0 : 1)
                                            : slot * 0.9;
    double size = fs * 0.93;
    double need = widest_value * size / fs;
    if (need > room)
      size *= room / need;
    L->value_size = size >= fs * 0.7 ? size : 0;
  }
  return JV_OK;
}
