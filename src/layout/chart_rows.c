/* chart_rows.c - geometry of horizontal-bar charts: the per-1,000
 * comparison (one bar per municipality and a reference line) and stacked
 * bars (segments per row). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/chart_layout.h"
#include "stats/format.h"

#define ASCENT 0.905
#define LINE 1.25

/* What differs between the two kinds for the shared row layout. */
typedef struct {
  const char *const *name;
  size_t n;
  double max_value;    /* largest bar end */
  double widest_label; /* widest value label at the style's size */
  bool has_ref;
  double ref;
  const char *ref_text;   /* "Regio 0,6" */
  const char *axis_label; /* may be NULL */
  bool integer;
} rows_spec;

static jv_status rows_layout(jv_rows_layout *L, const rows_spec *sp, const jv_measure *m,
                             const jv_chart_style *st, jv_error *err)
{
  const jv_box a = L->frame.plot_area;
  double fs = st->font_size;
  if (sp->n == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "nothing to chart: no rows");
  if (sp->n > JV_CHART_MAX_ROWS)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "too many rows for one chart (%zu, at most %d)",
                        sp->n, JV_CHART_MAX_ROWS);
  double top_reserve = sp->has_ref ? fs * LINE + 2 : fs * 0.3;
  double bottom_reserve = fs * LINE + 3 + (sp->axis_label ? st->small_size * LINE + 1 : 0);
  double rows_h = a.h - top_reserve - bottom_reserve;
  double row_h = rows_h / (double)sp->n;
  /* many rows in a short chart: smaller text rather than overlapping text */
  double font = fmin(fs, row_h * 0.78);
  if (font < 4.0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "chart is %.0f pt high: too low for %zu rows (needs about %.0f pt)", a.h,
                        sp->n, a.h + sp->n * (4.0 / 0.78 - row_h));
  L->font_size = font;
  double name_w = 0;
  for (size_t i = 0; i < sp->n; i++) {
    double wdt = jv_measure_width(m, JV_FONT_REGULAR, font, sp->name[i]);
    if (wdt > name_w)
      name_w = wdt;
  }
  name_w = fmin(name_w, a.w * 0.42);
  double gap = font * 0.6;
  double label_w = sp->widest_label * font / fs + gap;
  L->name_right = a.x + name_w;
  L->plot = (jv_box){a.x + name_w + gap, a.y + top_reserve, 0, rows_h};
  L->plot.w = a.x + a.w - label_w - L->plot.x;
  if (L->plot.w < fs * 6)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "chart is too narrow for its names");
  double hi = sp->max_value;
  if (sp->has_ref && sp->ref > hi)
    hi = sp->ref;
  /* about one tick per 55 pt keeps tick labels apart */
  int target = (int)fmax(2, fmin(8, L->plot.w / 55));
  jv_ticks_nice(0, hi, target, sp->integer, &L->ticks);
  L->x = jv_scale_linear(0, L->ticks.hi, L->plot.x, L->plot.x + L->plot.w);
  L->n = sp->n;
  L->bar_h = row_h * 0.68;
  for (size_t r = 0; r < sp->n; r++) {
    double top = L->plot.y + row_h * (double)r;
    L->row_y[r] = top + (row_h - L->bar_h) / 2;
    L->text_y[r] = top + row_h / 2 + font * 0.35;
  }
  L->tick_y = L->plot.y + L->plot.h + 3 + fs * ASCENT;
  L->axis_label_y = sp->axis_label ? L->tick_y + st->small_size * LINE + 1 : 0;
  L->has_ref = sp->has_ref;
  if (sp->has_ref) {
    L->ref_x = jv_scale_map(&L->x, sp->ref);
    L->ref_label_y = L->plot.y - 3;
    snprintf(L->ref_label, sizeof(L->ref_label), "%s", sp->ref_text);
  }
  return JV_OK;
}

/* Row order: input order, or highest first with n.b. last (ties keep their
 * input order, so equal rates stay alphabetical when the input is). */
static void order_rows(size_t *order, const double *value, size_t n, bool sorted)
{
  for (size_t i = 0; i < n; i++)
    order[i] = i;
  if (!sorted)
    return;
  for (size_t i = 1; i < n; i++) {
    size_t k = order[i], j = i;
    double v = value[k];
    while (j > 0) {
      double u = value[order[j - 1]];
      bool before = !isnan(v) && (isnan(u) || v > u);
      if (!before)
        break;
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
}

jv_status jv_comparison_layout(jv_rows_layout *L, const jv_comparison_chart *c, const jv_measure *m,
                               const jv_chart_style *st, double x, double y, double w, double h,
                               jv_error *err)
{
  memset(L, 0, sizeof(*L));
  jv_status s = jv_chart_frame_layout(&L->frame, m, st, &c->text, NULL, 0, x, y, w, h, err);
  if (s)
    return s;
  rows_spec sp = {c->name, c->n, 0, 0, false, 0, NULL, c->axis_label, false};
  char buf[64];
  sp.widest_label = jv_measure_width(m, JV_FONT_REGULAR, st->font_size, "n.b.");
  for (size_t i = 0; i < c->n && i < JV_CHART_MAX_ROWS; i++) {
    if (isnan(c->value[i]))
      continue;
    if (c->value[i] > sp.max_value)
      sp.max_value = c->value[i];
    jv_format_decimal(c->value[i], c->decimals, buf, sizeof(buf));
    double wdt = jv_measure_width(m, JV_FONT_REGULAR, st->font_size, buf);
    if (wdt > sp.widest_label)
      sp.widest_label = wdt;
  }
  char ref_text[64] = "";
  if (!isnan(c->reference)) {
    sp.has_ref = true;
    sp.ref = c->reference;
    jv_format_decimal(c->reference, c->decimals, buf, sizeof(buf));
    snprintf(ref_text, sizeof(ref_text), "%s %s", c->reference_label ? c->reference_label : "",
             buf);
    sp.ref_text = ref_text[0] == ' ' ? ref_text + 1 : ref_text;
  }
  s = rows_layout(L, &sp, m, st, err);
  if (s)
    return s;
  order_rows(L->order, c->value, c->n, c->sorted);
  return JV_OK;
}

jv_status jv_stacked_layout(jv_rows_layout *L, const jv_stacked_chart *c, const jv_measure *m,
                            const jv_chart_style *st, double x, double y, double w, double h,
                            jv_error *err)
{
  memset(L, 0, sizeof(*L));
  if (c->n_segments == 0 || c->n_segments > JV_CHART_MAX_SEGMENTS)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "a stacked chart needs 1 to %d segments",
                        JV_CHART_MAX_SEGMENTS);
  /* segments that are absent everywhere (nvt) get no legend entry */
  const char *legend[JV_CHART_MAX_SEGMENTS];
  size_t n_legend = 0;
  for (size_t k = 0; k < c->n_segments; k++) {
    bool present = false;
    for (size_t r = 0; r < c->n_rows && !present; r++)
      present = !isnan(c->value[r * c->n_segments + k]);
    if (present)
      legend[n_legend++] = c->segment[k];
  }
  jv_status s =
      jv_chart_frame_layout(&L->frame, m, st, &c->text, legend, n_legend, x, y, w, h, err);
  if (s)
    return s;
  rows_spec sp = {c->row, c->n_rows, 0, 0, false, 0, NULL, NULL, c->decimals == 0};
  for (size_t r = 0; r < c->n_rows && r < JV_CHART_MAX_ROWS; r++) {
    double t = 0;
    for (size_t k = 0; k < c->n_segments; k++) {
      double v = c->value[r * c->n_segments + k];
      if (!isnan(v) && v > 0)
        t += v;
    }
    if (t > sp.max_value)
      sp.max_value = t;
    char buf[64];
    jv_format_decimal(t, c->decimals, buf, sizeof(buf));
    double wdt = c->totals ? jv_measure_width(m, JV_FONT_BOLD, st->font_size, buf) : 0;
    if (wdt > sp.widest_label)
      sp.widest_label = wdt;
  }
  s = rows_layout(L, &sp, m, st, err);
  if (s)
    return s;
  for (size_t r = 0; r < c->n_rows; r++)
    L->order[r] = r;
  return JV_OK;
}

double jv_comparison_chart_height(size_t rows)
{
  return 110 + 13.0 * (double)rows;
}

double jv_stacked_chart_height(size_t rows)
{
  return 120 + 13.0 * (double)rows;
}
