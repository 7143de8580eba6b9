/* Unit tests for nice ticks, scales and bands (stats/ticks.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "stats/ticks.h"

static void expect_labels(const jv_ticks *t, const char *const *want, size_t n)
{
  assert_int_equal(t->count, n);
  for (size_t i = 0; i < n; i++) {
    char buf[32];
    assert_string_equal(jv_ticks_label(t, i, buf, sizeof(buf)), want[i]);
  }
}

/* relatief verzuim 2014-2015: 72.732 (seed letter, tabel 5) */
static void test_counts_to_72732(void **state)
{
  (void)state;
  jv_ticks t;
  jv_ticks_nice(0, 72732, 5, true, &t);
  static const char *const five[] = {"0", "20.000", "40.000", "60.000", "80.000"};
  expect_labels(&t, five, 5);
  assert_true(t.step == 20000);
  jv_ticks_nice(0, 72732, 8, true, &t);
  static const char *const nine[] = {"0",      "10.000", "20.000", "30.000", "40.000",
                                     "50.000", "60.000", "70.000", "80.000"};
  expect_labels(&t, nine, 9);
  assert_true(t.lo == 0 && t.hi == 80000);
}

/* absoluut verzuim per 1.000: highest 1,7 (Alblasserdam, Strijen) */
static void test_rates_to_1_7(void **state)
{
  (void)state;
  jv_ticks t;
  jv_ticks_nice(0, 1.7, 5, false, &t);
  static const char *const want[] = {"0,0", "0,5", "1,0", "1,5", "2,0"};
  expect_labels(&t, want, 5);
  assert_int_equal(t.decimals, 1);
  /* relatief per 1.000 up to 39,6 */
  jv_ticks_nice(0, 39.6, 4, false, &t);
  static const char *const rel[] = {"0", "10", "20", "30", "40"};
  expect_labels(&t, rel, 5);
}

static void test_degenerate(void **state)
{
  (void)state;
  jv_ticks t;
  jv_ticks_nice(0, 0, 5, true, &t);
  static const char *const zero_int[] = {"0", "1"};
  expect_labels(&t, zero_int, 2);
  jv_ticks_nice(0, 0, 5, false, &t);
  assert_true(t.lo == 0 && t.hi == 1);
  assert_int_equal(t.count, 6);
  /* a single positive value is shown against zero */
  jv_ticks_nice(651, 651, 5, true, &t);
  assert_true(t.lo == 0 && t.hi >= 651);
  /* NaN and infinities do not hang or poison the axis */
  jv_ticks_nice(NAN, INFINITY, 5, false, &t);
  assert_true(t.count >= 2 && isfinite(t.hi));
}

static void test_negative_and_reversed(void **state)
{
  (void)state;
  jv_ticks t;
  jv_ticks_nice(7.5, -3.2, 5, false, &t);
  static const char *const want[] = {"-5,0", "-2,5", "0,0", "2,5", "5,0", "7,5"};
  expect_labels(&t, want, 6);
  /* no "-0" at zero */
  jv_ticks_nice(-0.3, 0.3, 6, false, &t);
  for (size_t i = 0; i < t.count; i++) {
    char buf[32];
    jv_ticks_label(&t, i, buf, sizeof(buf));
    assert_true(strcmp(buf, "-0,0") != 0 && strcmp(buf, "-0") != 0);
  }
  assert_true(t.lo <= -0.3 && t.hi >= 0.3);
}

static void test_steps(void **state)
{
  (void)state;
  jv_ticks t;
  /* counts never get a 2,5 step */
  jv_ticks_nice(0, 10, 4, true, &t);
  assert_true(t.step == 5);
  jv_ticks_nice(0, 10, 4, false, &t);
  assert_true(t.step == 2.5);
  assert_int_equal(t.decimals, 1);
  jv_ticks_nice(0, 1, 4, false, &t);
  assert_true(fabs(t.step - 0.25) < 1e-12);
  char buf[16];
  assert_string_equal(jv_ticks_label(&t, 1, buf, sizeof(buf)), "0,25");
  /* the range always covers the data, with at most JV_TICKS_MAX ticks */
  jv_ticks_nice(0, 1e15, 20, true, &t);
  assert_true(t.count <= JV_TICKS_MAX && t.hi >= 1e15);
  jv_ticks_nice(3, 97, 1, true, &t);
  assert_true(t.lo <= 3 && t.hi >= 97 && t.count >= 2);
}

static void test_scale_and_band(void **state)
{
  (void)state;
  jv_scale s = jv_scale_linear(0, 80000, 100, 400);
  assert_true(fabs(jv_scale_map(&s, 40000) - 250) < 1e-9);
  assert_true(fabs(jv_scale_map(&s, 72732) - (100 + 300 * 72732.0 / 80000)) < 1e-9);
  /* a y axis: value 0 at the bottom (page y 300), 2,0 at the top (100) */
  jv_scale y = jv_scale_linear(0, 2.0, 300, 100);
  assert_true(fabs(jv_scale_map(&y, 1.7) - 130) < 1e-9);
  jv_scale flat = jv_scale_linear(5, 5, 10, 20);
  assert_true(jv_scale_map(&flat, 7) == 10);
  jv_band b = jv_band_make(7, 0, 700, 0.3);
  assert_true(fabs(b.width - 70) < 1e-9);
  assert_true(fabs(jv_band_start(&b, 0) - 15) < 1e-9);
  assert_true(fabs(jv_band_center(&b, 6) - 650) < 1e-9);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counts_to_72732),     cmocka_unit_test(test_rates_to_1_7),
      cmocka_unit_test(test_degenerate),          cmocka_unit_test(test_negative_and_reversed),
      cmocka_unit_test(test_steps),               cmocka_unit_test(test_scale_and_band),
  };
  return cmocka_run_group_tests_name("ticks", tests, NULL, NULL);
}
