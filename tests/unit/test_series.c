/* Unit tests for multi-year series: the model (gaps are not zeros), the
 * series CSV reader (located errors) and the bundled series files, checked
 * against the seed letters and for internal consistency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/paths.h"
#include "input/series_read.h"
#include "model/series_catalogue.h"

static jv_schoolyear sy(int start) { return (jv_schoolyear){start}; }

static void test_model_gaps(void **state)
{
  (void)state;
  jv_series s;
  jv_series_init(&s);
  assert_int_equal(jv_series_name(&s, "absoluut_verzuim", "Absoluut verzuimers", NULL,
                                  JV_SERIES_COUNT),
                   JV_OK);
  assert_int_equal(jv_series_put(&s, sy(2016), JV_VAL_COUNT, 4565, "b", NULL), JV_OK);
  assert_int_equal(jv_series_put(&s, sy(2013), JV_VAL_COUNT, 6714, "a", NULL), JV_OK);
  assert_int_equal(s.first_year, 2013);
  assert_int_equal(s.n_years, 4);
  double v = -1;
  assert_true(jv_series_value(&s, sy(2013), &v) && v == 6714);
  assert_true(jv_series_value(&s, sy(2016), &v) && v == 4565);
  /* the years in between are gaps, not zeros */
  assert_false(jv_series_value(&s, sy(2014), &v));
  assert_int_equal(jv_series_at(&s, sy(2015))->kind, JV_VAL_MISSING);
  assert_null(jv_series_at(&s, sy(2012)));
  assert_null(jv_series_at(&s, sy(2017)));
  jv_schoolyear last;
  assert_true(jv_series_last(&s, &last) && last.start == 2016);
  /* an n.b. is a gap that remembers it was asked */
  assert_int_equal(jv_series_put(&s, sy(2014), JV_VAL_UNKNOWN, 99, "c", NULL), JV_OK);
  assert_false(jv_series_value(&s, sy(2014), &v));
  assert_int_equal(jv_series_at(&s, sy(2014))->kind, JV_VAL_UNKNOWN);
  jv_series_free(&s);
}

static jv_status parse(jv_series_set *set, const char *text, jv_error *err)
{
  jv_error_clear(err);
  return jv_series_parse(set, "t.csv", text, strlen(text), err);
}

static void test_reader_accepts(void **state)
{
  (void)state;
  jv_series_set set;
  jv_series_set_init(&set);
  jv_error err;
  const char *text = "schooljaar;indicator;waarde;bron\n"
                     "2016-2017;vsv;665;jaarverslag\n"
                     "2016/2017;vsv_percentage;1,5;jaarverslag\n"
                     "2014-2015;vsv;699;jaarverslag\n"
                     "2015-2016;vsv;n.b.;jaarverslag\n";
  assert_int_equal(parse(&set, text, &err), JV_OK);
  const jv_series *vsv = jv_series_set_find(&set, "vsv");
  const jv_series *pct = jv_series_set_find(&set, "vsv_percentage");
  assert_non_null(vsv);
  assert_non_null(pct);
  assert_string_equal(vsv->label, "Voortijdig schoolverlaters");
  double v;
  assert_true(jv_series_value(vsv, sy(2016), &v) && v == 665);
  assert_false(jv_series_value(vsv, sy(2015), &v));
  assert_int_equal(jv_series_at(vsv, sy(2015))->kind, JV_VAL_UNKNOWN);
  assert_true(jv_series_value(pct, sy(2016), &v) && v > 1.499 && v < 1.501);
  assert_int_equal(pct->unit, JV_SERIES_PERCENT);
  assert_int_equal(pct->decimals, 1);
  assert_string_equal(jv_series_at(vsv, sy(2014))->source, "jaarverslag");
  jv_series_set_free(&set);
}

static void expect_error(const char *text, int line, int column, const char *fragment)
{
  jv_series_set set;
  jv_series_set_init(&set);
  jv_error err;
  assert_int_equal(parse(&set, text, &err), JV_EDATA);
  if (!strstr(err.msg, fragment))
    fail_msg("message '%s' lacks '%s'", err.msg, fragment);
  assert_string_equal(err.loc.file, "t.csv");
  assert_int_equal(err.loc.line, line);
  if (column)
    assert_int_equal(err.loc.column, column);
  jv_series_set_free(&set);
}

static void test_reader_errors(void **state)
{
  (void)state;
  const char *head = "indicator,schooljaar,waarde,bron\n";
  char buf[512];
  snprintf(buf, sizeof(buf), "%sabsoluut_verzuim,2016-2017,4.565,x\nabsolut_verzuim,2015-2016,1,x\n",
           head);
  expect_error(buf, 3, 1, "did you mean 'absoluut_verzuim'");
  snprintf(buf, sizeof(buf), "%sabsoluut_verzuim,2016-2017,4.565,x\nabsoluut_verzuim,2016-2017,4.566,y\n",
           head);
  expect_error(buf, 3, 2, "given twice (first at t.csv:2)");
  snprintf(buf, sizeof(buf), "%sabsoluut_verzuim,2016-2018,4.565,x\n", head);
  expect_error(buf, 2, 2, "school year '2016-2018'");
  snprintf(buf, sizeof(buf), "%sabsoluut_verzuim,2016-2017,4.565,\n", head);
  expect_error(buf, 2, 4, "empty bron");
  snprintf(buf, sizeof(buf), "%sabsoluut_verzuim,2016-2017,4.5,x\n", head);
  expect_error(buf, 2, 3, "4.5");
  snprintf(buf, sizeof(buf), "%svsv_percentage,2016-2017,1%%,x\n", head);
  expect_error(buf, 2, 3, "decimal comma");
  snprintf(buf, sizeof(buf), "%svsv_percentage,2016-2017,\"101,0\",x\n", head);
  expect_error(buf, 2, 3, "above 100");
  /* an unquoted decimal comma in a comma-separated file: one cell too many */
  snprintf(buf, sizeof(buf), "%svsv_percentage,2016-2017,1,5,x\n", head);
  expect_error(buf, 2, 0, "");
  expect_error("indicator,jaar,waarde,bron\n", 1, 2, "unknown column 'jaar'");
  expect_error("indicator,schooljaar,waarde\nvsv,2016-2017,1\n", 1, 1, "missing column 'bron'");
  expect_error("indicator,schooljaar,waarde,bron\n", 2, 1, "no rows");
}

static void read_bundled(jv_series_set *set, const char *rel)
{
  char home[4096], path[4096];
  jv_error err;
  assert_int_equal(jv_paths_home(home, sizeof(home), &err), JV_OK);
  assert_int_equal(jv_paths_join(path, sizeof(path), home, rel, &err), JV_OK);
  if (jv_series_read(set, path, &err) != JV_OK)
    fail_msg("%s:%d:%d: %s", err.loc.file, err.loc.line, err.loc.column, err.msg);
}

static double val(const jv_series_set *set, const char *name, int year)
{
  const jv_series *s = jv_series_set_find(set, name);
  if (!s)
    fail_msg("no series %s", name);
  double v;
  if (!jv_series_value(s, sy(year), &v))
    fail_msg("%s has no figure for %d", name, year);
  return v;
}

static void test_bundled_national(void **state)
{
  (void)state;
  jv_series_set set;
  jv_series_set_init(&set);
  read_bundled(&set, "data/nationaal/series.csv");
  /* figures as printed in the letters */
  assert_true(val(&set, "absoluut_verzuim", 2012) == 6762);
  assert_true(val(&set, "absoluut_verzuim", 2016) == 4565);
  assert_true(val(&set, "relatief_verzuim", 2010) == 79658);
  assert_true(val(&set, "relatief_verzuim", 2014) == 72732);
  assert_true(val(&set, "luxe_verzuim", 2016) == 6593);
  assert_true(val(&set, "vrijstelling_5a", 2014) == 5077);
  assert_true(val(&set, "vrijstelling_5c", 2016) == 8928);
  assert_true(val(&set, "processen_verbaal_relatief", 2012) == 6040);
  assert_true(val(&set, "langdurig_relatief_verzuim", 2014) == 4016);
  /* where the letters disagree the later letter is kept (data/README.md) */
  assert_true(val(&set, "langdurig_vo", 2014) == 2079);
  assert_non_null(strstr(jv_series_at(jv_series_set_find(&set, "langdurig_vo"), sy(2014))->source,
                         "2016-2017"));
  /* years outside a series are gaps */
  double v;
  assert_false(jv_series_value(jv_series_set_find(&set, "absoluut_verzuim"), sy(2011), &v));
  assert_false(
      jv_series_value(jv_series_set_find(&set, "processen_verbaal_absoluut"), sy(2015), &v));
  /* the parts add up to the totals, year by year */
  static const char *const abs_parts[] = {"absoluut_bo_sbo", "absoluut_vso", "absoluut_vo",
                                          "absoluut_beroeps", "absoluut_geen_onbekend"};
  for (int y = 2012; y <= 2016; y++) {
    double sum = 0;
    for (size_t i = 0; i < 5; i++)
      sum += val(&set, abs_parts[i], y);
    assert_true(sum == val(&set, "absoluut_verzuim", y));
  }
  static const char *const lrv_parts[] = {"langdurig_bo_sbo", "langdurig_vso", "langdurig_vo",
                                          "langdurig_beroeps"};
  for (int y = 2013; y <= 2016; y++) {
    double sum = 0;
    for (size_t i = 0; i < 4; i++)
      sum += val(&set, lrv_parts[i], y);
    assert_true(sum == val(&set, "langdurig_relatief_verzuim", y));
    /* the letter's 2016-2017 row is off by one (1.700 + 2.514 = 4.214, printed
     * 4.215): kept as printed and noted in data/README.md */
    assert_true(val(&set, "absoluut_verzuim_3m", y) + val(&set, "langdurig_relatief_verzuim_3m", y) +
                    (y == 2016 ? 1 : 0) ==
                val(&set, "thuiszitters_3m", y));
  }
  for (int y = 2012; y <= 2014; y++)
    assert_true(val(&set, "absoluut_onbekend", y) + val(&set, "absoluut_geen", y) ==
                val(&set, "absoluut_geen_onbekend", y));
  /* every catalogue series of the national letters is present */
  for (size_t i = 0; i < jv_series_info_count(); i++) {
    const jv_series_info *info = jv_series_info_at(i);
    if (strncmp(info->name, "vsv", 3) != 0 && strncmp(info->name, "overstap", 8) != 0 &&
        !jv_series_set_find(&set, info->name))
      fail_msg("series %s missing from data/nationaal/series.csv", info->name);
  }
  jv_series_set_free(&set);
}

static void test_bundled_regional(void **state)
{
  (void)state;
  jv_series_set set;
  jv_series_set_init(&set);
  read_bundled(&set, "data/zuid-holland-zuid/reeksen.csv");
  assert_true(val(&set, "vsv", 2014) == 699);
  assert_true(val(&set, "vsv", 2015) == 651);
  assert_true(val(&set, "vsv", 2016) == 665);
  double p = val(&set, "vsv_percentage", 2016);
  assert_true(p > 1.499 && p < 1.501);
  assert_true(val(&set, "overstap_leerlingen", 2017) == 3822);
  assert_true(val(&set, "overstap_leerlingen", 2015) == 3762);
  assert_true(val(&set, "overstap_risicoleerlingen", 2017) == 86);
  /* reading the national file as well merges, and a repeated file is refused */
  read_bundled(&set, "data/nationaal/series.csv");
  assert_non_null(jv_series_set_find(&set, "absoluut_verzuim"));
  char home[4096], path[4096];
  jv_error err;
  jv_paths_home(home, sizeof(home), &err);
  jv_paths_join(path, sizeof(path), home, "data/zuid-holland-zuid/reeksen.csv", &err);
  assert_int_equal(jv_series_read(&set, path, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "given twice"));
  jv_series_set_free(&set);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_model_gaps),       cmocka_unit_test(test_reader_accepts),
      cmocka_unit_test(test_reader_errors),    cmocka_unit_test(test_bundled_national),
      cmocka_unit_test(test_bundled_regional),
  };
  return cmocka_run_group_tests_name("series", tests, NULL, NULL);
}
