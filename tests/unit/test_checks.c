/* Unit tests for the cross-checks (src/stats/checks): each identity on small
 * in-memory datasets, and the two inconsistencies of the bundled data. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "input/dataset_read.h"
#include "stats/checks.h"

#define GEMEENTEN JV_TEST_DATADIR "/../assets/gemeenten"
#define BUNDLED JV_TEST_DATADIR "/../data/zuid-holland-zuid/2017-2018"

static const jv_value NB = {JV_VAL_UNKNOWN, 0};
static const jv_value NVT = {JV_VAL_NVT, 0};
static const jv_value NR = {JV_VAL_NONRESPONSE, 0};

/* Sets a value with a made-up location: line = municipality index + 2,
 * column = indicator + 1, in file "<group>.csv". */
static void set(jv_dataset *ds, jv_municipality *m, int line, jv_indicator ind, jv_value v)
{
  m->values[ind] = v;
  char file[64];
  snprintf(file, sizeof(file), "%s.csv", jv_indicator_group(ind));
  m->where[ind].file = jv_dataset_file(ds, file);
  m->where[ind].line = line;
  m->where[ind].column = (int)ind + 1;
  ds->has_indicator[ind] = true;
}

/* The returned pointer is valid until the next add (the array may move). */
static jv_municipality *add(jv_dataset *ds, const char *code, const char *name)
{
  size_t i;
  assert_int_equal(jv_dataset_add(ds, code, name, &i), JV_OK);
  return &ds->munis[i];
}

static void run(const jv_dataset *ds, jv_diags *d)
{
  jv_diags_init(d);
  assert_int_equal(jv_checks_run(ds, d), JV_OK);
}

static void assert_diag(const jv_diags *d, size_t i, const char *file, int line, int column,
                        const char *fragment)
{
  assert_true(i < d->count);
  const jv_diag *g = &d->items[i];
  if (strcmp(g->loc.file, file) != 0 || g->loc.line != line || g->loc.column != column ||
      !strstr(g->msg, fragment))
    fail_msg("got %s:%d:%d '%s', want %s:%d:%d '%s'", g->loc.file, g->loc.line, g->loc.column,
             g->msg, file, line, column, fragment);
}

static void test_bundled_inconsistencies(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_error err;
  assert_int_equal(jv_dataset_read_dir(&ds, BUNDLED, GEMEENTEN, &err), JV_OK);
  jv_diags d;
  run(&ds, &d);
  /* the printed tables: Dordrecht 19 + 46 - 43 - 1 - 5 = 16, not 17;
   * Zwijndrecht 2 + 4 - 3 - 0 - 0 = 3, not 2. Everything else adds up. */
  assert_int_equal(d.count, 2);
  char file[600];
  snprintf(file, sizeof(file), "%s/thuiszitters.csv", BUNDLED);
  assert_diag(&d, 0, file, 5, 8,
              "Dordrecht: thuiszitters_actueel is 17, but aanvang + nieuw - opgelost - 18 jaar "
              "- verhuisd gives 16");
  assert_diag(&d, 1, file, 18, 8, "Zwijndrecht: thuiszitters_actueel is 2, but");
  jv_diags_free(&d);
  jv_dataset_free(&ds);
}

static void test_leerplichtigen_sum(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  add(&ds, "GM0482", "Alblasserdam");
  add(&ds, "GM0505", "Dordrecht");
  jv_municipality *a = &ds.munis[0], *d = &ds.munis[1];
  set(&ds, a, 2, JV_IND_LPL_5_15, jv_value_count(2910));
  set(&ds, a, 2, JV_IND_LPL_16_17, jv_value_count(521));
  set(&ds, a, 2, JV_IND_LPL_5_17, jv_value_count(3430));
  set(&ds, d, 3, JV_IND_LPL_5_15, jv_value_count(14246));
  set(&ds, d, 3, JV_IND_LPL_16_17, jv_value_count(2871));
  set(&ds, d, 3, JV_IND_LPL_5_17, jv_value_count(17117));
  jv_diags g;
  run(&ds, &g);
  assert_int_equal(g.count, 1);
  assert_diag(&g, 0, "leerplichtigen.csv", 2, JV_IND_LPL_5_17 + 1,
              "Alblasserdam: leerplichtigen_5_17 is 3.430, but 5 t/m 15 + 16 en 17 jaar gives "
              "3.431");
  jv_diags_free(&g);
  /* n.b. anywhere in the identity: nothing to check */
  a->values[JV_IND_LPL_16_17] = NB;
  run(&ds, &g);
  assert_int_equal(g.count, 0);
  jv_diags_free(&g);
  /* without the column in the data at all: no check either */
  a->values[JV_IND_LPL_16_17] = jv_value_count(1);
  ds.has_indicator[JV_IND_LPL_16_17] = false;
  run(&ds, &g);
  assert_int_equal(g.count, 0);
  jv_diags_free(&g);
  jv_dataset_free(&ds);
}

static void test_relatief_by_onderwijssoort(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  jv_municipality *m = add(&ds, "GM0505", "Dordrecht");
  set(&ds, m, 5, JV_IND_REL_BO_SBO, jv_value_count(108));
  set(&ds, m, 5, JV_IND_REL_VO, jv_value_count(381));
  set(&ds, m, 5, JV_IND_REL_VSO, jv_value_count(42));
  set(&ds, m, 5, JV_IND_REL_BEROEPS, jv_value_count(147));
  set(&ds, m, 5, JV_IND_REL_ONBEKEND, NVT); /* nvt adds nothing */
  set(&ds, m, 5, JV_IND_REL_GEEN, NVT);
  set(&ds, m, 5, JV_IND_RELATIEF, jv_value_count(678));
  jv_diags g;
  run(&ds, &g);
  assert_int_equal(g.count, 0);
  jv_diags_free(&g);
  m->values[JV_IND_REL_GEEN] = jv_value_count(2);
  run(&ds, &g);
  assert_int_equal(g.count, 1);
  assert_diag(&g, 0, "verzuim.csv", 5, JV_IND_RELATIEF + 1,
              "relatief_verzuim is 678, but the sum over onderwijssoorten gives 680");
  jv_diags_free(&g);
  m->values[JV_IND_REL_VO] = NR;
  run(&ds, &g);
  assert_int_equal(g.count, 0);
  jv_diags_free(&g);
  m->values[JV_IND_REL_VO] = jv_value_count(381);
  m->values[JV_IND_RELATIEF] = NVT; /* the total itself must be a count */
  run(&ds, &g);
  assert_int_equal(g.count, 0);
  jv_diags_free(&g);
  jv_dataset_free(&ds);
}

static void test_bounds(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  jv_municipality *m = add(&ds, "GM0505", "Dordrecht");
  set(&ds, m, 5, JV_IND_ABSOLUUT, jv_value_count(9));
  set(&ds, m, 5, JV_IND_ABSOLUUT_3M, jv_value_count(9)); /* equal is fine */
  set(&ds, m, 5, JV_IND_LANGDURIG, jv_value_count(20));
  set(&ds, m, 5, JV_IND_LANGDURIG_3M, jv_value_count(21));
  set(&ds, m, 5, JV_IND_TZ_AANVANG, jv_value_count(19));
  set(&ds, m, 5, JV_IND_TZ_NIEUW, jv_value_count(46));
  set(&ds, m, 5, JV_IND_TZ_3M, jv_value_count(66));
  jv_diags g;
  run(&ds, &g);
  assert_int_equal(g.count, 2);
  assert_diag(&g, 0, "thuiszitters.csv", 5, JV_IND_TZ_3M + 1,
              "Dordrecht: thuiszitters_3m is 66, more than the 65 it is part of");
  assert_diag(&g, 1, "verzuim.csv", 5, JV_IND_LANGDURIG_3M + 1,
              "langdurig_relatief_verzuim_3m is 21, more than the 20");
  jv_diags_free(&g);
  m->values[JV_IND_ABSOLUUT_3M] = jv_value_count(10);
  m->values[JV_IND_TZ_NIEUW] = NB;
  run(&ds, &g);
  assert_int_equal(g.count, 2);
  assert_diag(&g, 0, "verzuim.csv", 5, JV_IND_ABSOLUUT_3M + 1, "absoluut_verzuim_3m is 10");
  jv_diags_free(&g);
  jv_dataset_free(&ds);
}

static void test_total_row(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  add(&ds, "GM0482", "Alblasserdam");
  add(&ds, "GM0505", "Dordrecht");
  jv_municipality *a = &ds.munis[0], *d = &ds.munis[1];
  ds.has_total = true;
  ds.total.name = strdup("Zuid-Holland Zuid");
  set(&ds, a, 2, JV_IND_ABSOLUUT, jv_value_count(6));
  set(&ds, d, 3, JV_IND_ABSOLUUT, jv_value_count(9));
  set(&ds, &ds.total, 4, JV_IND_ABSOLUUT, jv_value_count(15000));
  set(&ds, a, 2, JV_IND_PV_ONBEKEND, NVT);
  set(&ds, d, 3, JV_IND_PV_ONBEKEND, NVT);
  set(&ds, &ds.total, 4, JV_IND_PV_ONBEKEND, jv_value_count(0)); /* as printed: 0 */
  set(&ds, a, 2, JV_IND_VRIJ_5A, NB);
  set(&ds, d, 3, JV_IND_VRIJ_5A, jv_value_count(57));
  set(&ds, &ds.total, 4, JV_IND_VRIJ_5A, jv_value_count(1)); /* n.b. inside: skipped */
  set(&ds, a, 2, JV_IND_VRIJ_5B, jv_value_count(1));
  set(&ds, d, 3, JV_IND_VRIJ_5B, jv_value_count(7));
  set(&ds, &ds.total, 4, JV_IND_VRIJ_5B, NVT); /* no count given: skipped */
  jv_diags g;
  run(&ds, &g);
  assert_int_equal(g.count, 1);
  assert_diag(&g, 0, "verzuim.csv", 4, JV_IND_ABSOLUUT + 1,
              "Zuid-Holland Zuid: absoluut_verzuim is 15.000 in the total row, but its 2 "
              "municipalities add up to 15");
  jv_diags_free(&g);
  ds.total.values[JV_IND_ABSOLUUT] = jv_value_count(15);
  ds.total.values[JV_IND_PV_ONBEKEND] = jv_value_count(1);
  run(&ds, &g);
  assert_int_equal(g.count, 1);
  assert_diag(&g, 0, "processen_verbaal.csv", 4, JV_IND_PV_ONBEKEND + 1,
              "pv_onbekend is 1 in the total row, but its 2 municipalities add up to 0");
  jv_diags_free(&g);
  jv_dataset_free(&ds);
}

static void test_warnings_in_file_order(void **state)
{
  (void)state;
  jv_dataset ds;
  jv_dataset_init(&ds);
  /* municipality rows given in another order than lines: output sorted by file:line */
  for (int i = 0; i < 3; i++) {
    char code[8];
    snprintf(code, sizeof(code), "GM%04d", 500 + i);
    jv_municipality *m = add(&ds, code, code);
    int line = 10 - i;
    set(&ds, m, line, JV_IND_TZ_AANVANG, jv_value_count(1));
    set(&ds, m, line, JV_IND_TZ_NIEUW, jv_value_count(0));
    set(&ds, m, line, JV_IND_TZ_OPGELOST, jv_value_count(0));
    set(&ds, m, line, JV_IND_TZ_18JAAR, jv_value_count(0));
    set(&ds, m, line, JV_IND_TZ_VERHUISD, jv_value_count(0));
    set(&ds, m, line, JV_IND_TZ_ACTUEEL, jv_value_count(0));
    set(&ds, m, line, JV_IND_ABSOLUUT, jv_value_count(0));
    set(&ds, m, line, JV_IND_ABSOLUUT_3M, jv_value_count(1));
  }
  jv_diags g;
  run(&ds, &g);
  assert_int_equal(g.count, 6);
  assert_diag(&g, 0, "thuiszitters.csv", 8, JV_IND_TZ_ACTUEEL + 1, "GM0502");
  assert_diag(&g, 2, "thuiszitters.csv", 10, JV_IND_TZ_ACTUEEL + 1, "GM0500");
  assert_diag(&g, 3, "verzuim.csv", 8, JV_IND_ABSOLUUT_3M + 1, "GM0502");
  jv_diags_free(&g);
  jv_dataset_free(&ds);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bundled_inconsistencies),
      cmocka_unit_test(test_leerplichtigen_sum),
      cmocka_unit_test(test_relatief_by_onderwijssoort),
      cmocka_unit_test(test_bounds),
      cmocka_unit_test(test_total_row),
      cmocka_unit_test(test_warnings_in_file_order),
  };
  return cmocka_run_group_tests_name("checks", tests, NULL, NULL);
}
