/* chart_keyfig.c - geometry of the key-figure panel: cards with a large
 * number, an optional detail ("1,5%"), a label and the period. */
#include <math.h>
#include <string.h>

#include "layout/chart_layout.h"

#define LINE 1.25
#define DIGIT_HEIGHT 0.72 /* Liberation Sans digits, in em */
#define DETAIL_ALONE 0.42 /* "1,5%" under the value, relative to its size */
#define DETAIL_WORDS 0.3  /* "86 begeleide risicoleerlingen": a line of its own */

/* Fits one card's texts: the value as large as width and height allow. */
static void fit_card(jv_keyfigure_layout *L, size_t i, const jv_keyfigure *k, const jv_measure *m,
                     const jv_chart_style *st, double text_size, double max_value)
{
  jv_box c = L->card[i];
  double pad = fmin(c.w, c.h) * 0.09;
  double inner_w = c.w - 2 * pad, inner_h = c.h - 2 * pad;
  /* the label shrinks to fit the card's width, not below 80 % */
  double ts = text_size;
  double lw = jv_measure_width(m, JV_FONT_REGULAR, ts, k->label);
  if (lw > inner_w)
    ts = fmax(text_size * 0.8, ts * inner_w / lw);
  int has_detail = k->detail[0] != '\0';
  const double DETAIL = k->detail_label[0] ? DETAIL_WORDS : DETAIL_ALONE;
  int n_text = (k->label[0] ? 1 : 0) + (k->period[0] ? 1 : 0);
  double text_h = n_text * ts * LINE;
  double per_pt = DIGIT_HEIGHT + (has_detail ? DETAIL * LINE + 0.12 : 0) + 0.25;
  double vs_h = (inner_h - text_h) / per_pt;
  double vw = jv_measure_width(m, JV_FONT_BOLD, 1.0, k->value);
  double vs_w = vw > 0 ? inner_w / vw : vs_h;
  if (has_detail) {
    /* the detail line ("86 begeleide risicoleerlingen") must fit as well */
    double dw = jv_measure_width(m, JV_FONT_BOLD, DETAIL, k->detail);
    if (k->detail_label[0])
      dw += jv_measure_width(m, JV_FONT_REGULAR, DETAIL, " ") +
            jv_measure_width(m, JV_FONT_REGULAR, DETAIL, k->detail_label);
    if (dw > 0 && inner_w / dw < vs_w)
      vs_w = inner_w / dw;
  }
  double vs = fmin(fmin(vs_h, vs_w), max_value);
  if (vs < st->font_size)
    vs = st->font_size;
  double total =
      vs * DIGIT_HEIGHT + (has_detail ? vs * (DETAIL * LINE + 0.12) : 0) + vs * 0.25 + text_h;
  double top = c.y + pad + fmax(0, (inner_h - total) / 2);
  L->value_size[i] = vs;
  L->detail_size[i] = vs * DETAIL;
  L->text_size[i] = ts;
  L->value_y[i] = top + vs * DIGIT_HEIGHT;
  double yy = L->value_y[i] + vs * 0.25;
  /* a percentage belongs to the number ("665 / 1,5%"); a count with its own
   * words comes after the number's label ("3.822 overgestapte leerlingen /
   * 86 begeleide risicoleerlingen") */
  int detail_first = has_detail && !k->detail_label[0];
  if (detail_first) {
    L->detail_y[i] = L->value_y[i] + vs * (DETAIL * LINE + 0.12);
    yy = L->detail_y[i] + vs * 0.25;
  }
  if (k->label[0]) {
    L->label_y[i] = yy + ts * 1.0;
    yy += ts * LINE;
  }
  if (has_detail && !detail_first) {
    L->detail_y[i] = yy + vs * DETAIL * 1.0;
    yy += vs * (DETAIL * LINE + 0.12);
  }
  if (k->period[0])
    L->period_y[i] = yy + ts * 1.0;
}

/* How large a small card must be to hold its texts with the value at 1,5
 * times the body size: the tallest and the widest of cards 1 .. n - 1
 * (padding included: 9 % of a side on each side, as fit_card takes). */
static void small_card_need(const jv_keyfigure_chart *c, const jv_measure *m,
                            const jv_chart_style *st, double *need_w, double *need_h)
{
  double ts = st->font_size * 1.05, vs = st->font_size * 1.5, w = 0, h = 0;
  for (size_t i = 1; i < c->n; i++) {
    const jv_keyfigure *k = &c->item[i];
    int n_text = (k->label[0] ? 1 : 0) + (k->period[0] ? 1 : 0);
    double detail =
        k->detail[0] ? (k->detail_label[0] ? DETAIL_WORDS : DETAIL_ALONE) * LINE + 0.12 : 0;
    h = fmax(h, vs * (DIGIT_HEIGHT + 0.25 + detail) + n_text * ts * LINE);
    w = fmax(w, fmax(jv_measure_width(m, JV_FONT_REGULAR, ts * 0.8, k->label),
                     jv_measure_width(m, JV_FONT_BOLD, vs, k->value)));
  }
  *need_w = w / (1 - 2 * 0.09);
  *need_h = h / (1 - 2 * 0.09);
}

/* Cards 1 .. rest in area a, cols to a row (the last row's cards sharing
 * its width). */
static void place_small(jv_keyfigure_layout *L, jv_box a, size_t rest, size_t cols, double gap)
{
  size_t rows = (rest + cols - 1) / cols;
  double ch = (a.h - gap * (double)(rows - 1)) / (double)rows;
  for (size_t k = 0; k < rest; k++) {
    size_t row = k / cols, in_row = row + 1 < rows ? cols : rest - row * cols;
    double cw = (a.w - gap * (double)(in_row - 1)) / (double)in_row;
    L->card[1 + k] =
        (jv_box){a.x + (cw + gap) * (double)(k % cols), a.y + (ch + gap) * (double)row, cw, ch};
  }
}

/* Columns for rest small cards in a: the first count, in order of
 * preference (one column beside the large card, or all in one row below
 * it), whose cards hold their texts; if none does, the one that comes
 * nearest. */
static size_t small_cols(jv_box a, size_t rest, int beside, double need_w, double need_h,
                         double gap)
{
  size_t best = beside ? 1 : rest;
  double best_fit = -1;
  for (size_t i = 0; i < rest; i++) {
    size_t cols = beside ? 1 + i : rest - i, rows = (rest + cols - 1) / cols;
    double cw = (a.w - gap * (double)(cols - 1)) / (double)cols;
    double ch = (a.h - gap * (double)(rows - 1)) / (double)rows;
    double fit = fmin(cw / need_w, ch / need_h);
    if (fit >= 1)
      return cols;
    if (fit > best_fit)
      best_fit = fit, best = cols;
  }
  return best;
}

jv_status jv_keyfigure_layout_make(jv_keyfigure_layout *L, const jv_keyfigure_chart *c,
                                   const jv_measure *m, const jv_chart_style *st, double x,
                                   double y, double w, double h, jv_error *err)
{
  memset(L, 0, sizeof(*L));
  if (c->n == 0 || c->n > JV_CHART_MAX_KEYFIGURES)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "a key-figure panel needs 1 to %d figures",
                        JV_CHART_MAX_KEYFIGURES);
  jv_status s = jv_chart_frame_layout(&L->frame, m, st, &c->text, NULL, 0, x, y, w, h, err);
  if (s)
    return s;
  jv_box a = L->frame.plot_area;
  double gap = st->font_size * 0.8;
  L->n = c->n;
  double need_w = 0, need_h = 0;
  small_card_need(c, m, st, &need_w, &need_h);
  size_t rest = c->n - 1;
  if (c->n == 1) {
    L->card[0] = a;
  } else if (a.w >= 1.5 * a.h) {
    /* landscape: the newest figure large on the left, the others beside it,
     * stacked, or in more columns when stacked cards would be too low */
    double big_w = (a.w - gap) * 0.5;
    L->card[0] = (jv_box){a.x, a.y, big_w, a.h};
    jv_box side = {a.x + big_w + gap, a.y, a.w - big_w - gap, a.h};
    place_small(L, side, rest, small_cols(side, rest, 1, need_w, need_h, gap), gap);
  } else {
    /* portrait: the newest on top, the others side by side below, as in
     * the report's VSV and overstap panels, in more rows when side by side
     * they would be too narrow */
    double big_h = (a.h - gap) * 0.55;
    L->card[0] = (jv_box){a.x, a.y, a.w, big_h};
    jv_box below = {a.x, a.y + big_h + gap, a.w, a.h - big_h - gap};
    place_small(L, below, rest, small_cols(below, rest, 0, need_w, need_h, gap), gap);
  }
  /* the newest figure first and largest; the others clearly smaller even
   * when their cards would allow more */
  fit_card(L, 0, &c->item[0], m, st, st->font_size * 1.25, 64.0);
  for (size_t i = 1; i < c->n; i++)
    fit_card(L, i, &c->item[i], m, st, st->font_size * 1.05, L->value_size[0] * 0.6);
  return JV_OK;
}
