/* Unit tests for the exact Poisson interval (against published Garwood
 * bounds) and the small-numbers flag of the map data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "stats/buckets.h"
#include "stats/map_data.h"
#include "stats/poisson.h"

static void near(double got, double want, double tol)
{
  if (fabs(got - want) > tol)
    fail_msg("got %.6f, want %.6f", got, want);
}

/* Bounds from the chi-square tables: lo = chi2(0.025; 2k) / 2,
 * hi = chi2(0.975; 2k + 2) / 2. */
static void test_garwood_bounds(void **state)
{
  (void)state;
  static const struct {
    long long k;
    double lo, hi;
  } t[] = {{0, 0, 3.688879},         {1, 0.025318, 5.571643},   {2, 0.242209, 7.224688},
           {5, 1.623486, 11.668332}, {10, 4.795389, 18.390356}, {100, 81.363991, 121.626794}};
  for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
    double lo, hi;
    jv_poisson_interval(t[i].k, 0.95, &lo, &hi);
    near(lo, t[i].lo, 1e-5);
    near(hi, t[i].hi, 1e-5);
  }
  /* a wider level gives a wider interval */
  double lo90, hi90, lo99, hi99;
  jv_poisson_interval(7, 0.90, &lo90, &hi90);
  jv_poisson_interval(7, 0.99, &lo99, &hi99);
  assert_true(lo99 < lo90 && hi99 > hi90);
  near(jv_gamma_p(1, 1), 1 - exp(-1), 1e-12);
  near(jv_gamma_p(30, 25), 0.182103916, 1e-8); /* P(X >= 30 | mean 25) */
}

static jv_map_item rated(long long count, long long base)
{
  jv_map_item it = {0};
  jv_rate_per_1000_ll(count, base, &it.rate);
  it.focus = true;
  return it;
}

/* The acceptance: Strijen, 2 of 1.157 -> about 0,2 to 6,2 per 1.000,
 * flagged; Dordrecht 9 of 17.117 stays in "tot 1" with 95 % confidence. */
static void test_flags(void **state)
{
  (void)state;
  jv_map_item items[4] = {rated(2, 1157), rated(9, 17117), rated(200, 20000), rated(4, 100000)};
  jv_map_data d = {0};
  d.items = items;
  d.n = 4;
  jv_buckets_default(&d.buckets);
  jv_map_data_flag(&d, NULL);
  near(items[0].lo, 0.2093, 1e-3);
  near(items[0].hi, 6.2443, 1e-3);
  assert_true(items[0].uncertain);
  assert_false(items[1].uncertain);
  assert_false(items[2].uncertain); /* 10 per 1.000, interval 8,7 - 11,5: all "5 of meer" */
  assert_true(items[3].uncertain);  /* one class, but fewer than 5 */
  assert_int_equal(d.n_uncertain, 2);
  jv_small_numbers o;
  jv_small_numbers_default(&o);
  o.min_count = 0;
  jv_map_data_flag(&d, &o);
  assert_false(items[3].uncertain);
  assert_int_equal(d.n_uncertain, 1);
  assert_int_equal(jv_small_numbers_mark(&o, "uit"), 0);
  assert_int_equal(o.mark, JV_SMALL_OFF);
  jv_map_data_flag(&d, &o);
  assert_int_equal(d.n_uncertain, 0);
  near(items[0].hi, 6.2443, 1e-3); /* intervals stay for --explain */
  assert_int_equal(jv_small_numbers_mark(&o, "outline"), 0);
  assert_int_equal(o.mark, JV_SMALL_OUTLINE);
  assert_int_equal(jv_small_numbers_mark(&o, "dots"), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_garwood_bounds),
      cmocka_unit_test(test_flags),
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
