/* Unit tests for recomputing an earlier year onto a later indeling
 * (src/stats/recompute): sums for a merger, not comparable for a merger with
 * a part the data does not hold and for a split, a rename carried over, and
 * how n.b. and nvt add up. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/rates.h"
#include "stats/recompute.h"

#include "herindeling_fixture.h"

static void muni(jv_dataset *ds, const char *code, const char *name, long long lpl, jv_value rel)
{
  size_t i;
  assert_int_equal(jv_dataset_add(ds, code, name, &i), JV_OK);
  ds->munis[i].values[JV_IND_LPL_5_17] = jv_value_count(lpl);
  ds->munis[i].values[JV_IND_RELATIEF] = rel;
}

static void setup_years(jv_dataset *old, jv_dataset *now)
{
  jv_dataset_init(old);
  jv_dataset_init(now);
  old->region_name = strdup("Regio");
  now->region_name = strdup("Regio");
  old->year.start = 2017, old->boundary_year = 2018;
  now->year.start = 2019, now->boundary_year = 2020;
  old->has_indicator[JV_IND_LPL_5_17] = old->has_indicator[JV_IND_RELATIEF] = true;
  now->has_indicator[JV_IND_LPL_5_17] = now->has_indicator[JV_IND_RELATIEF] = true;
}

static void merger_sums_and_rates(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add_change(&h, JV_HER_MERGER, "GM0001", "Aa", "GM0009", "Samen");
  add_change(&h, JV_HER_MERGER, "GM0002", "Bee", "GM0009", "Samen");
  add_change(&h, JV_HER_RENAME, "GM0003", "Oud", "GM0008", "Nieuw");
  jv_dataset old, now;
  setup_years(&old, &now);
  muni(&old, "GM0001", "Aa", 4322, jv_value_count(67));
  muni(&old, "GM0002", "Bee", 8687, jv_value_count(201));
  muni(&old, "GM0003", "Oud", 1000, jv_value_count(5));
  muni(&old, "GM0004", "Blijft", 500, (jv_value){JV_VAL_UNKNOWN, 0});
  muni(&now, "GM0009", "Samen", 13500, jv_value_count(270));
  muni(&now, "GM0008", "Nieuw", 1000, jv_value_count(6));
  muni(&now, "GM0004", "Blijft", 510, jv_value_count(3));
  jv_recomputed r;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_recompute(&r, &old, &now, &h, &err), JV_OK);
  assert_int_equal(r.ds.n_munis, 3);
  assert_string_equal(r.ds.munis[0].name, "Samen");
  assert_int_equal(r.ds.munis[0].values[JV_IND_RELATIEF].count, 268);
  assert_int_equal(r.ds.munis[0].values[JV_IND_LPL_5_17].count, 13009);
  jv_rate rate; /* from the sums, never a mean of the two rates */
  jv_rate_per_1000(r.ds.munis[0].values[JV_IND_RELATIEF], r.ds.munis[0].values[JV_IND_LPL_5_17],
                   &rate);
  assert_int_equal(rate.tenths, 206);
  assert_true(r.summed[0]);
  assert_true(r.summed[1]); /* a rename: another code */
  assert_int_equal(r.ds.munis[1].values[JV_IND_RELATIEF].count, 5);
  assert_false(r.summed[2]);
  assert_int_equal(r.ds.munis[2].values[JV_IND_RELATIEF].kind, JV_VAL_UNKNOWN);
  assert_int_equal(r.n_notes, 0);
  assert_true(r.any_summed);
  /* summed only: the region's figure is the same area, the note says recomputed */
  assert_string_equal(r.region_note, "2017-2018 omgerekend naar de gemeentelijke indeling 2020");
  jv_recomputed_free(&r);
  jv_dataset_free(&old);
  jv_dataset_free(&now);
  jv_herindelingen_free(&h);
}

static void merger_with_part_outside(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add_change(&h, JV_HER_MERGER, "GM0545", "Leerdam", "GM1961", "Vijfheerenlanden");
  add_change(&h, JV_HER_MERGER, "GM0620", "Vianen", "GM1961", "Vijfheerenlanden");
  add_change(&h, JV_HER_MERGER, "GM0707", "Zederik", "GM1961", "Vijfheerenlanden");
  jv_dataset old, now;
  setup_years(&old, &now);
  muni(&old, "GM0545", "Leerdam", 3302, jv_value_count(100));
  muni(&old, "GM0707", "Zederik", 2300, jv_value_count(38));
  muni(&old, "GM0004", "Blijft", 1000, jv_value_count(30));
  muni(&now, "GM1961", "Vijfheerenlanden", 9000, jv_value_count(238));
  muni(&now, "GM0004", "Blijft", 1100, jv_value_count(33));
  jv_recomputed r;
  jv_error err;
  assert_int_equal(jv_recompute(&r, &old, &now, &h, &err), JV_OK);
  assert_int_equal(r.ds.munis[0].values[JV_IND_RELATIEF].kind, JV_VAL_MISSING);
  assert_int_equal(r.ds.munis[0].values[JV_IND_LPL_5_17].kind, JV_VAL_MISSING);
  assert_int_equal(r.n_notes, 1);
  assert_string_equal(r.note[0], "Vijfheerenlanden: niet vergelijkbaar met 2017-2018, want Vianen "
                                 "hoorde toen niet bij Regio");
  assert_string_equal(r.region_note, "2017-2018 omgerekend naar de gemeentelijke indeling 2020, "
                                     "zonder Vijfheerenlanden (Vianen hoorde toen niet bij Regio)");
  /* the region's earlier figure: over Blijft alone, 30 / 1.000, not with
   * Leerdam and Zederik (138 / 6.602 more would give 25,9) */
  jv_rate rate;
  jv_stats_region_rate(&r.ds, JV_IND_RELATIEF, JV_IND_LPL_5_17, &rate);
  assert_int_equal(rate.kind, JV_VAL_COUNT);
  assert_int_equal(rate.count, 30);
  assert_int_equal(rate.base, 1000);
  assert_int_equal(rate.tenths, 300);
  jv_recomputed_free(&r);
  jv_dataset_free(&old);
  jv_dataset_free(&now);
  jv_herindelingen_free(&h);
}

static void split_not_comparable(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add_change(&h, JV_HER_SPLIT, "GM0140", "Littenseradiel", "GM0080", "Leeuwarden");
  add_change(&h, JV_HER_MERGER, "GM0080", "Leeuwarden", "GM0080", "Leeuwarden");
  add_change(&h, JV_HER_SPLIT, "GM0140", "Littenseradiel", "GM1900", "Súdwest-Fryslân");
  jv_dataset old, now;
  setup_years(&old, &now);
  muni(&old, "GM0140", "Littenseradiel", 1800, jv_value_count(10));
  muni(&old, "GM0080", "Leeuwarden", 17000, jv_value_count(400));
  muni(&now, "GM0080", "Leeuwarden", 18000, jv_value_count(410));
  muni(&now, "GM1900", "Súdwest-Fryslân", 13000, jv_value_count(200));
  jv_recomputed r;
  jv_error err;
  assert_int_equal(jv_recompute(&r, &old, &now, &h, &err), JV_OK);
  assert_int_equal(r.n_notes, 2);
  assert_int_equal(r.ds.munis[0].values[JV_IND_RELATIEF].kind, JV_VAL_MISSING);
  assert_non_null(strstr(r.note[0], "Leeuwarden: niet vergelijkbaar met 2017-2018, want "
                                    "Littenseradiel is na 2017-2018 gesplitst"));
  assert_non_null(strstr(r.note[1], "Súdwest-Fryslân: niet vergelijkbaar"));
  /* both successors named, the split part's reason once */
  assert_string_equal(r.region_note,
                      "2017-2018 omgerekend naar de gemeentelijke indeling 2020, zonder Leeuwarden "
                      "en Súdwest-Fryslân (Littenseradiel is na 2017-2018 gesplitst over meer "
                      "gemeenten (een deel wordt niet geschat))");
  jv_recomputed_free(&r);
  jv_dataset_free(&old);
  jv_dataset_free(&now);
  jv_herindelingen_free(&h);
}

static void value_sums(void **state)
{
  (void)state;
  jv_value nvt = {JV_VAL_NVT, 0}, nb = {JV_VAL_UNKNOWN, 0}, nr = {JV_VAL_NONRESPONSE, 0};
  assert_int_equal(jv_value_sum(jv_value_count(2), jv_value_count(3)).count, 5);
  assert_int_equal(jv_value_sum(nvt, jv_value_count(3)).count, 3);
  assert_int_equal(jv_value_sum(nvt, nvt).kind, JV_VAL_NVT);
  assert_int_equal(jv_value_sum(nb, jv_value_count(3)).kind, JV_VAL_UNKNOWN);
  assert_int_equal(jv_value_sum(jv_value_count(3), nr).kind, JV_VAL_UNKNOWN);
  assert_int_equal(jv_value_sum((jv_value){JV_VAL_MISSING, 0}, nvt).kind, JV_VAL_MISSING);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(merger_sums_and_rates),
      cmocka_unit_test(merger_with_part_outside),
      cmocka_unit_test(split_not_comparable),
      cmocka_unit_test(value_sums),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
