/* Unit tests for the regional trend over a project's years
 * (src/pipeline/history, jv_history_trend): an earlier year is recomputed
 * onto the report year's indeling and municipalities, a municipality with a
 * part the earlier data does not hold is left out of that year's figure and
 * named in the source line, rates come from the sums, and a year without
 * the indicator is a gap. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/history.h"

#include "herindeling_fixture.h"

static void muni(jv_dataset *ds, const char *code, const char *name, long long lpl, long long rel)
{
  size_t i;
  assert_int_equal(jv_dataset_add(ds, code, name, &i), JV_OK);
  ds->munis[i].values[JV_IND_LPL_5_17] = jv_value_count(lpl);
  ds->munis[i].values[JV_IND_RELATIEF] = jv_value_count(rel);
}

static void year(jv_dataset *ds, int start, int indeling, bool relatief)
{
  jv_dataset_init(ds);
  ds->region_name = strdup("Regio");
  ds->year.start = start;
  ds->boundary_year = indeling;
  ds->has_indicator[JV_IND_LPL_5_17] = true;
  ds->has_indicator[JV_IND_RELATIEF] = relatief;
}

/* The trend of relatief verzuim over h, per 1.000 or as counts. */
static const jv_series *trend(jv_history *h, bool per_1000)
{
  jv_error err;
  jv_error_clear(&err);
  const jv_series *s = NULL;
  assert_int_equal(jv_history_trend(h, JV_IND_RELATIEF, per_1000, &s, &err), JV_OK);
  assert_non_null(s);
  return s;
}

/* h over the years given (the last the report year), owning only its array. */
static void history(jv_history *h, const jv_dataset **years, size_t n)
{
  jv_history_init(h);
  h->years = malloc(n * sizeof(*h->years));
  assert_non_null(h->years);
  memcpy(h->years, years, n * sizeof(*years));
  h->n_years = n;
}

static void recomputed_onto_report_indeling(void **state)
{
  (void)state;
  jv_dataset old, gap, now;
  year(&old, 2017, 2018, true);
  muni(&old, "GM0001", "Aa", 4322, 67);
  muni(&old, "GM0002", "Bee", 8687, 201);
  muni(&old, "GM0005", "Leer", 1000, 30); /* with GM0006 Vi, not in the data, into GM0010 */
  muni(&old, "GM0004", "Blijft", 500, 10);
  year(&gap, 2018, 2019, false); /* no relatief verzuim that year */
  muni(&gap, "GM0009", "Samen", 13400, 0);
  year(&now, 2019, 2020, true);
  muni(&now, "GM0009", "Samen", 13500, 270);
  muni(&now, "GM0010", "Samen met Vi", 2000, 50);
  muni(&now, "GM0004", "Blijft", 510, 3);
  jv_history h;
  const jv_dataset *ys[] = {&old, &gap, &now};
  history(&h, ys, 3);
  add_change(&h.changes, JV_HER_MERGER, "GM0001", "Aa", "GM0009", "Samen");
  add_change(&h.changes, JV_HER_MERGER, "GM0002", "Bee", "GM0009", "Samen");
  add_change(&h.changes, JV_HER_MERGER, "GM0005", "Leer", "GM0010", "Samen met Vi");
  add_change(&h.changes, JV_HER_MERGER, "GM0006", "Vi", "GM0010", "Samen met Vi");
  const jv_series *s = trend(&h, true);
  double v;
  /* 2017-2018 over Samen (Aa + Bee) and Blijft: (67 + 201 + 10) / (4322 +
   * 8687 + 500) = 20,58, not the old region's 308 / 14.509 = 21,2 */
  assert_true(jv_series_value(s, (jv_schoolyear){2017}, &v));
  assert_true(v > 20.55 && v < 20.65);
  assert_false(jv_series_value(s, (jv_schoolyear){2018}, &v)); /* a gap, not a zero */
  /* 2019-2020: all of it, 323 / 16.010 = 20,17 */
  assert_true(jv_series_value(s, (jv_schoolyear){2019}, &v));
  assert_true(v > 20.15 && v < 20.25);
  const jv_series_point *p = jv_series_at(s, (jv_schoolyear){2017});
  assert_non_null(p);
  assert_string_equal(p->source, "registratie Leerplicht Regio; 2017-2018 omgerekend naar de "
                                 "gemeentelijke indeling 2020, zonder Samen met Vi (Vi hoorde "
                                 "toen niet bij Regio)");
  assert_string_equal(jv_series_at(s, (jv_schoolyear){2019})->source, p->source);
  /* the counts: summed the same way */
  s = trend(&h, false);
  assert_true(jv_series_value(s, (jv_schoolyear){2017}, &v));
  assert_true(v == 278);
  assert_true(jv_series_value(s, (jv_schoolyear){2019}, &v));
  assert_true(v == 323);
  jv_history_free(&h);
  jv_dataset_free(&old);
  jv_dataset_free(&gap);
  jv_dataset_free(&now);
}

static void same_indeling_says_nothing(void **state)
{
  (void)state;
  jv_dataset old, now;
  year(&old, 2017, 2018, true);
  muni(&old, "GM0001", "Aa", 1000, 20);
  muni(&old, "GM0004", "Blijft", 1000, 10);
  year(&now, 2018, 2018, true);
  muni(&now, "GM0001", "Aa", 1000, 25);
  muni(&now, "GM0004", "Blijft", 1000, 5);
  jv_history h;
  const jv_dataset *ys[] = {&old, &now};
  history(&h, ys, 2);
  const jv_series *s = trend(&h, true);
  double v;
  assert_true(jv_series_value(s, (jv_schoolyear){2017}, &v));
  assert_true(v == 15.0);
  assert_string_equal(jv_series_at(s, (jv_schoolyear){2017})->source,
                      "registratie Leerplicht Regio");
  jv_history_free(&h);
  jv_dataset_free(&old);
  jv_dataset_free(&now);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(recomputed_onto_report_indeling),
      cmocka_unit_test(same_indeling_says_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
