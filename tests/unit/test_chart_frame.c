/* Unit tests for a chart's source line (src/layout/chart_frame.c and the
 * trend's source in chart_data.c): a long one, such as a trend's notes on
 * several recomputed years, is wrapped whole over the lines it needs, never
 * cut off, and the plot area gives way to it. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "layout/chart_data.h"
#include "layout/chart_layout.h"
#include "model/series.h"
#include "test_measure.h"

static const test_widths half_em = {0.5, 0.55, 0};

/* "Bron: registratie ...; 2014-2015 omgerekend ...; 2015-2016 ...": one
 * group per year with a note of its own, about 100 characters each. */
static void long_source(char *s, size_t size, int years)
{
  int len = snprintf(s, size, "registratie Leerplicht Zuid-Holland Zuid");
  for (int y = 0; y < years; y++)
    len += snprintf(s + len, size - (size_t)len,
                    "; %d-%d omgerekend naar de gemeentelijke indeling 2020, zonder Gemeente%d "
                    "(hoorde toen niet bij de regio)",
                    2010 + y, 2011 + y, y);
}

/* The frame's source lines joined by spaces. */
static void joined(const jv_chart_frame *f, char *out, size_t size)
{
  out[0] = '\0';
  for (size_t i = 0; i < f->n_source; i++) {
    size_t l = strlen(out);
    snprintf(out + l, size - l, "%s%s", i ? " " : "", f->source[i]);
  }
}

static void long_source_wrapped_whole(void **state)
{
  (void)state;
  char src[1200], want[1300], got[2100];
  long_source(src, sizeof(src), 6);
  snprintf(want, sizeof(want), "Bron: %s", src);
  jv_chart_style st;
  jv_chart_style_default(&st);
  jv_measure m = {test_fake_width, (void *)&half_em};
  jv_chart_text t = {.title = "Relatief verzuim", .source = src};
  jv_chart_frame f, one;
  jv_error err;
  assert_int_equal(jv_chart_frame_layout(&f, &m, &st, &t, NULL, 0, 0, 0, 480, 300, &err), JV_OK);
  assert_true(f.n_source > 3);
  joined(&f, got, sizeof(got));
  assert_string_equal(got, want);
  assert_null(strstr(got, "\xE2\x80\xA6"));
  for (size_t i = 0; i < f.n_source; i++)
    assert_true(jv_measure_width(&m, JV_FONT_REGULAR, st.small_size, f.source[i]) <= 480);
  /* the plot gives way: lower than with a one-line source */
  t.source = "registratie Leerplicht";
  assert_int_equal(jv_chart_frame_layout(&one, &m, &st, &t, NULL, 0, 0, 0, 480, 300, &err), JV_OK);
  assert_int_equal(one.n_source, 1);
  assert_true(f.plot_area.h < one.plot_area.h);
  assert_true(f.source_y[0] > f.plot_area.y + f.plot_area.h);
}

static void trend_source_not_truncated(void **state)
{
  (void)state;
  char src[1200];
  long_source(src, sizeof(src), 8);
  assert_true(strlen(src) > 600);
  jv_series s;
  jv_series_init(&s);
  assert_int_equal(jv_series_name(&s, "regio:x", "X", "X", JV_SERIES_COUNT), JV_OK);
  for (int y = 2014; y < 2020; y++)
    assert_int_equal(jv_series_put(&s, (jv_schoolyear){y}, JV_VAL_COUNT, 10, src, NULL), JV_OK);
  const jv_series *list[1] = {&s};
  jv_trend_data td;
  jv_error err;
  assert_int_equal(jv_trend_from_list(&td, list, 1, NULL, JV_TREND_BARS, &err), JV_OK);
  assert_string_equal(td.chart.text.source, src);
  jv_series_free(&s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(long_source_wrapped_whole),
      cmocka_unit_test(trend_source_not_truncated),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
