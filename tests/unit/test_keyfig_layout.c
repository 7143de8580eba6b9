/* Unit tests for the key-figure panel's geometry (layout/chart_keyfig.c):
 * with 2 to 6 figures, in landscape and portrait panels, every card lies in
 * the panel, no two overlap, and each card's number, label and period lie
 * inside it (five stacked cards beside the large one were too low for
 * their texts: they now go two to a row); the bundled report's panels keep
 * the layout they had (one column beside, one row below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "layout/chart_layout.h"

#include "test_measure.h"

static const test_widths widths = {0.52, 0.58, 0};

static jv_keyfigure_chart panel(size_t n)
{
  jv_keyfigure_chart c;
  memset(&c, 0, sizeof(c));
  c.n = n;
  for (size_t i = 0; i < n; i++) {
    snprintf(c.item[i].value, sizeof(c.item[i].value), "%s", i % 2 ? "46" : "1.948");
    snprintf(c.item[i].label, sizeof(c.item[i].label), "Relatief verzuimers");
    snprintf(c.item[i].period, sizeof(c.item[i].period), "%zu-%zu", 2017 - i, 2018 - i);
  }
  return c;
}

static int inside(jv_box in, jv_box b)
{
  const double e = 1e-6;
  return b.x >= in.x - e && b.y >= in.y - e && b.x + b.w <= in.x + in.w + e &&
         b.y + b.h <= in.y + in.h + e;
}

static int overlap(jv_box a, jv_box b)
{
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void check_panel(double w, double h, size_t n)
{
  jv_keyfigure_chart c = panel(n);
  jv_measure m = {test_fake_width, (void *)&widths};
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(NULL, &def);
  jv_keyfigure_layout L;
  jv_error err;
  assert_int_equal(jv_keyfigure_layout_make(&L, &c, &m, st, 0, 0, w, h, &err), JV_OK);
  for (size_t i = 0; i < n; i++) {
    jv_box b = L.card[i];
    if (!inside(L.frame.plot_area, b))
      fail_msg("%gx%g, %zu cards: card %zu outside the panel", w, h, n, i);
    for (size_t k = 0; k < i; k++)
      if (overlap(L.card[k], b))
        fail_msg("%gx%g, %zu cards: cards %zu and %zu overlap", w, h, n, k, i);
    /* the number's top (digit height 0.72 em) and the period's descent */
    double top = L.value_y[i] - 0.72 * L.value_size[i];
    double bottom = L.period_y[i] + 0.22 * L.text_size[i];
    if (top < b.y || bottom > b.y + b.h)
      fail_msg("%gx%g, %zu cards: card %zu (%.1f to %.1f) holds its texts from %.1f to %.1f", w, h,
               n, i, b.y, b.y + b.h, top, bottom);
    double lw = m.width(m.ctx, JV_FONT_REGULAR, L.text_size[i], c.item[i].label);
    if (lw > b.w)
      fail_msg("%gx%g, %zu cards: card %zu is %.1f wide, its label %.1f", w, h, n, i, b.w, lw);
    /* the smaller figures stay clearly smaller than the newest */
    if (i > 0 && L.value_size[i] > 0.6 * L.value_size[0] + 1e-9)
      fail_msg("card %zu's number as large as the first", i);
  }
}

static void test_cards_hold_their_texts(void **state)
{
  (void)state;
  static const double sizes[][2] = {{480, 150}, {480, 180}, {400, 200}, {230, 330}, {300, 420}};
  for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
    for (size_t n = 1; n <= JV_CHART_MAX_KEYFIGURES; n++)
      check_panel(sizes[s][0], sizes[s][1], n);
}

/* Few cards keep the layout the report's panels have: one column beside
 * the large card (landscape), one row below it (portrait). */
static void test_few_cards_as_before(void **state)
{
  (void)state;
  jv_measure m = {test_fake_width, (void *)&widths};
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(NULL, &def);
  jv_keyfigure_layout L;
  jv_error err;
  jv_keyfigure_chart c = panel(3);
  assert_int_equal(jv_keyfigure_layout_make(&L, &c, &m, st, 0, 0, 480, 180, &err), JV_OK);
  assert_true(L.card[1].x == L.card[2].x && L.card[2].y > L.card[1].y); /* stacked */
  assert_true(L.card[1].x > L.card[0].x + L.card[0].w);
  assert_int_equal(jv_keyfigure_layout_make(&L, &c, &m, st, 0, 0, 230, 330, &err), JV_OK);
  assert_true(L.card[1].y == L.card[2].y && L.card[2].x > L.card[1].x); /* side by side */
  assert_true(L.card[1].y > L.card[0].y + L.card[0].h);
  /* six in landscape: the five small ones two to a row, the last alone */
  c = panel(6);
  assert_int_equal(jv_keyfigure_layout_make(&L, &c, &m, st, 0, 0, 480, 180, &err), JV_OK);
  assert_true(L.card[1].y == L.card[2].y && L.card[3].y == L.card[4].y);
  assert_true(L.card[5].y > L.card[3].y && L.card[5].w > L.card[3].w);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cards_hold_their_texts),
      cmocka_unit_test(test_few_cards_as_before),
  };
  return cmocka_run_group_tests_name("keyfig_layout", tests, NULL, NULL);
}
