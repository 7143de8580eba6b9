/* Unit tests for per-1,000 rates, totals and Dutch number formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "stats/format.h"
#include "stats/rates.h"

static void test_rate_rounding_matches_seed(void **state)
{
  (void)state;
  /* pairs (count, leerplichtigen 5-17, printed rate) from the ZHZ 2017-2018 tables */
  static const struct {
    long long c, b;
    const char *want;
  } rows[] = {{6, 3431, "1,7"},   {1, 1743, "0,6"},      {49, 76533, "0,6"},
              {79, 3431, "23,0"}, {2086, 76533, "27,3"}, {678, 17117, "39,6"},
              {0, 4322, "0,0"},   {23, 1157, "19,9"},    {192, 6468, "29,7"}};
  for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
    jv_rate r;
    char buf[32];
    jv_rate_per_1000_ll(rows[i].c, rows[i].b, &r);
    assert_int_equal(r.kind, JV_VAL_COUNT);
    assert_string_equal(jv_format_rate(&r, buf, sizeof(buf)), rows[i].want);
  }
}

static void test_rate_half_away_from_zero(void **state)
{
  (void)state;
  jv_rate r;
  jv_rate_per_1000_ll(1, 20000, &r); /* 0,05 exactly -> 0,1 */
  assert_int_equal(r.tenths, 1);
  jv_rate_per_1000_ll(1, 20001, &r); /* 0,04999.. -> 0,0 */
  assert_int_equal(r.tenths, 0);
  jv_rate_per_1000_ll(5, 2000, &r); /* 2,5 exactly */
  assert_int_equal(r.tenths, 25);
  assert_true(r.value > 2.49 && r.value < 2.51);
}

static void test_rate_missing_propagates(void **state)
{
  (void)state;
  jv_rate r;
  jv_value nb = {JV_VAL_UNKNOWN, 0}, nr = {JV_VAL_NONRESPONSE, 0};
  jv_rate_per_1000(nb, jv_value_count(100), &r);
  assert_int_equal(r.kind, JV_VAL_UNKNOWN);
  jv_rate_per_1000(nr, jv_value_count(100), &r);
  assert_int_equal(r.kind, JV_VAL_NONRESPONSE);
  jv_rate_per_1000(jv_value_count(3), jv_value_count(0), &r);
  assert_int_equal(r.kind, JV_VAL_UNKNOWN);
  char buf[16];
  assert_string_equal(jv_format_rate(&r, buf, sizeof(buf)), "n.b.");
}

static void test_total_semantics(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  size_t i;
  assert_int_equal(jv_dataset_add(&ds, "GM0001", "A", &i), JV_OK);
  assert_int_equal(jv_dataset_add(&ds, "GM0002", "B", &i), JV_OK);
  ds.munis[0].values[JV_IND_ABSOLUUT] = jv_value_count(6);
  ds.munis[1].values[JV_IND_ABSOLUUT] = jv_value_count(9);
  ds.munis[0].values[JV_IND_REL_GEEN].kind = JV_VAL_NVT;
  ds.munis[1].values[JV_IND_REL_GEEN].kind = JV_VAL_NVT;
  ds.munis[0].values[JV_IND_VRIJ_5A] = jv_value_count(6);
  ds.munis[1].values[JV_IND_VRIJ_5A].kind = JV_VAL_NONRESPONSE;

  jv_value t = jv_stats_total(&ds, JV_IND_ABSOLUUT);
  assert_int_equal(t.kind, JV_VAL_COUNT);
  assert_int_equal(t.count, 15);
  t = jv_stats_total(&ds, JV_IND_REL_GEEN); /* all nvt: the total is nvt, not 0 */
  assert_int_equal(t.kind, JV_VAL_NVT);
  ds.munis[0].values[JV_IND_REL_GEEN] = jv_value_count(0); /* one real zero: a count */
  t = jv_stats_total(&ds, JV_IND_REL_GEEN);
  assert_int_equal(t.kind, JV_VAL_COUNT);
  assert_int_equal(t.count, 0);
  t = jv_stats_total(&ds, JV_IND_VRIJ_5A); /* a non-response: total unknown */
  assert_int_equal(t.kind, JV_VAL_UNKNOWN);
  t = jv_stats_total(&ds, JV_IND_LUXE); /* nobody gave it */
  assert_int_equal(t.kind, JV_VAL_MISSING);
  jv_dataset_free(&ds);
}

static void test_format_dutch(void **state)
{
  (void)state;
  char b[40];
  assert_string_equal(jv_format_count(76533, b, sizeof b), "76.533");
  assert_string_equal(jv_format_count(999, b, sizeof b), "999");
  assert_string_equal(jv_format_count(1000, b, sizeof b), "1.000");
  assert_string_equal(jv_format_count(0, b, sizeof b), "0");
  assert_string_equal(jv_format_count(-1234567, b, sizeof b), "-1.234.567");
  assert_string_equal(jv_format_decimal(0.64, 1, b, sizeof b), "0,6");
  assert_string_equal(jv_format_decimal(27.25, 1, b, sizeof b), "27,3");
  assert_string_equal(jv_format_decimal(1234.5, 1, b, sizeof b), "1.234,5");
  assert_string_equal(jv_format_decimal(72732, 0, b, sizeof b), "72.732");
  assert_string_equal(jv_format_decimal(-0.04, 1, b, sizeof b), "0,0");
  assert_string_equal(jv_format_decimal(1.6, 1, b, sizeof b), "1,6");
  assert_string_equal(jv_format_tenths(5, b, sizeof b), "0,5");
  assert_string_equal(jv_format_tenths(12345, b, sizeof b), "1.234,5");
  jv_value nvt = {JV_VAL_NVT, 0};
  assert_string_equal(jv_format_value(nvt, b, sizeof b), "nvt");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rate_rounding_matches_seed),
      cmocka_unit_test(test_rate_half_away_from_zero),
      cmocka_unit_test(test_rate_missing_propagates),
      cmocka_unit_test(test_total_semantics),
      cmocka_unit_test(test_format_dutch),
  };
  return cmocka_run_group_tests_name("rates_format", tests, NULL, NULL);
}
