/* Unit tests for herindelingen (src/model/herindeling, src/input/
 * herindeling_read): one small hand-made table per kind of change, and the
 * bundled list derived from the CBS boundaries against the known 2019
 * mergers of Zuid-Holland Zuid. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/herindeling_read.h"
#include "model/herindeling.h"

#define BUNDLED JV_TEST_DATADIR "/../assets/gemeenten/herindelingen.csv"

static void add(jv_herindelingen *h, const char *date, jv_herindeling_kind k, int oy,
                const char *oc, const char *on, int ny, const char *nc, const char *nn,
                double share)
{
  jv_herindeling r = {.kind = k, .old_year = oy, .new_year = ny, .share = share};
  snprintf(r.date, sizeof(r.date), "%s", date);
  snprintf(r.old_code, sizeof(r.old_code), "%s", oc);
  snprintf(r.new_code, sizeof(r.new_code), "%s", nc);
  r.old_name = (char *)on;
  r.new_name = (char *)nn;
  assert_int_equal(jv_herindelingen_add(h, &r), JV_OK);
}

/* parts as "GM0001+GM0002~" (~ marks a part that is not whole), in order */
static void parts_text(const jv_herindelingen *h, const char *code, int from, int to, char *buf,
                       size_t size)
{
  jv_herindeling_part *p;
  size_t n;
  assert_int_equal(jv_herindelingen_parts(h, code, "x", from, to, &p, &n), JV_OK);
  buf[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, "%s%s%s", i ? "+" : "", p[i].code, p[i].whole ? "" : "~");
  }
  free(p);
}

static void merger(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add(&h, "2019-01-01", JV_HER_MERGER, 2018, "GM0001", "Aa", 2019, "GM0009", "Nieuw", 1);
  add(&h, "2019-01-01", JV_HER_MERGER, 2018, "GM0002", "Bee", 2019, "GM0009", "Nieuw", 1);
  char buf[200];
  parts_text(&h, "GM0009", 2018, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0001+GM0002");
  parts_text(&h, "GM0009", 2019, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0009"); /* nothing changed after 2019 */
  parts_text(&h, "GM0003", 2018, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0003"); /* never changed */
  assert_true(jv_herindelingen_describe_fate(&h, "GM0002", 2018, 2020, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0002 Bee is per 1 januari 2019 opgegaan in GM0009 Nieuw");
  assert_false(jv_herindelingen_describe_fate(&h, "GM0002", 2019, 2020, buf, sizeof(buf)));
  assert_false(jv_herindelingen_describe_fate(&h, "GM0003", 2018, 2020, buf, sizeof(buf)));
  const jv_herindeling *o = jv_herindelingen_origin(&h, "GM0009", 2018, 2020);
  assert_non_null(o);
  assert_string_equal(o->date, "2019-01-01");
  assert_null(jv_herindelingen_origin(&h, "GM0009", 2019, 2020));
  jv_herindelingen_free(&h);
}

/* A municipality that continues absorbs one from another region: both are
 * whole parts; whether the data holds both is the recomputation's concern. */
static void merger_with_outside_part(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add(&h, "2019-01-01", JV_HER_MERGER, 2018, "GM0001", "Blijft", 2019, "GM0001", "Blijft", 1);
  add(&h, "2019-01-01", JV_HER_MERGER, 2018, "GM0007", "Buiten", 2019, "GM0001", "Blijft", 1);
  char buf[200];
  parts_text(&h, "GM0001", 2018, 2019, buf, sizeof(buf));
  assert_string_equal(buf, "GM0001+GM0007");
  assert_false(jv_herindelingen_describe_fate(&h, "GM0001", 2018, 2019, buf, sizeof(buf)));
  assert_null(jv_herindelingen_origin(&h, "GM0001", 2018, 2019)); /* it existed already */
  jv_herindelingen_free(&h);
}

static void split(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add(&h, "2018-01-01", JV_HER_SPLIT, 2017, "GM0140", "Deel", 2018, "GM0080", "Links", 0.4);
  add(&h, "2018-01-01", JV_HER_MERGER, 2017, "GM0080", "Links", 2018, "GM0080", "Links", 1);
  add(&h, "2018-01-01", JV_HER_SPLIT, 2017, "GM0140", "Deel", 2018, "GM0090", "Rechts", 0.6);
  char buf[300];
  parts_text(&h, "GM0080", 2017, 2018, buf, sizeof(buf));
  assert_string_equal(buf, "GM0140~+GM0080");
  parts_text(&h, "GM0090", 2017, 2018, buf, sizeof(buf));
  assert_string_equal(buf, "GM0140~"); /* a new code made of a part only */
  /* a later merger of a municipality holding a split part stays partial */
  add(&h, "2019-01-01", JV_HER_MERGER, 2018, "GM0090", "Rechts", 2019, "GM0099", "Samen", 1);
  parts_text(&h, "GM0099", 2017, 2019, buf, sizeof(buf));
  assert_string_equal(buf, "GM0140~");
  parts_text(&h, "GM0099", 2018, 2019, buf, sizeof(buf));
  assert_string_equal(buf, "GM0090");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0140", 2017, 2019, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0140 Deel is per 1 januari 2018 verdeeld over GM0080 Links en "
                           "GM0090 Rechts");
  jv_herindelingen_free(&h);
}

static void rename_and_chain(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add(&h, "2016-01-01", JV_HER_RENAME, 2015, "GM0241", "Oud", 2016, "GM1945", "Nieuw", 1);
  add(&h, "2022-03-24", JV_HER_MERGER, 2022, "GM1945", "Nieuw", 2023, "GM0363", "Groot", 1);
  add(&h, "2023-01-01", JV_HER_MERGER, 2022, "GM0363", "Groot", 2023, "GM0363", "Groot", 1);
  char buf[300];
  parts_text(&h, "GM1945", 2015, 2016, buf, sizeof(buf));
  assert_string_equal(buf, "GM0241");
  parts_text(&h, "GM0363", 2015, 2023, buf, sizeof(buf));
  assert_string_equal(buf, "GM0241+GM0363");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0241", 2015, 2016, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0241 Oud heet per 1 januari 2016 GM1945 Nieuw");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0241", 2015, 2023, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0241 Oud heet per 1 januari 2016 GM1945 Nieuw; GM1945 Nieuw is "
                           "per 24 maart 2022 opgegaan in GM0363 Groot");
  jv_herindelingen_free(&h);
}

static void border_correction_ignored(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_herindelingen_init(&h);
  add(&h, "2016-01-01", JV_HER_BORDER, 2015, "GM0406", "Huizen", 2016, "GM1942", "Gooi", 0.1);
  char buf[200];
  parts_text(&h, "GM1942", 2015, 2016, buf, sizeof(buf));
  assert_string_equal(buf, "GM1942");
  assert_false(jv_herindelingen_describe_fate(&h, "GM0406", 2015, 2016, buf, sizeof(buf)));
  jv_herindelingen_free(&h);
}

/* The list derived from the boundaries holds the known 2019 changes. */
static void bundled_reproduces_2019(void **state)
{
  (void)state;
  jv_herindelingen h;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_herindelingen_read(&h, BUNDLED, &err), JV_OK);
  char buf[400];
  parts_text(&h, "GM1963", 2018, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0584+GM0585+GM0588+GM0611+GM0617"); /* Hoeksche Waard */
  parts_text(&h, "GM1978", 2018, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0689+GM1927"); /* Molenlanden */
  parts_text(&h, "GM1961", 2018, 2020, buf, sizeof(buf));
  assert_string_equal(buf, "GM0545+GM0620+GM0707"); /* Vijfheerenlanden with Vianen */
  parts_text(&h, "GM0505", 2015, 2025, buf, sizeof(buf));
  assert_string_equal(buf, "GM0505"); /* Dordrecht never changed */
  assert_true(jv_herindelingen_describe_fate(&h, "GM0585", 2018, 2020, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0585 Binnenmaas is per 1 januari 2019 opgegaan in GM1963 "
                           "Hoeksche Waard");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0140", 2017, 2018, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0140 Littenseradiel is per 1 januari 2018 verdeeld over GM0080 "
                           "Leeuwarden, GM1900 Súdwest-Fryslân en GM1949 Waadhoeke");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0241", 2015, 2016, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0241 Groesbeek heet per 1 januari 2016 GM1945 Berg en Dal");
  assert_true(jv_herindelingen_describe_fate(&h, "GM0457", 2022, 2023, buf, sizeof(buf)));
  assert_string_equal(buf, "GM0457 Weesp is per 24 maart 2022 opgegaan in GM0363 Amsterdam");
  jv_herindelingen_free(&h);
}

static void malformed_file(void **state)
{
  (void)state;
  char path[] = "/tmp/jv_her_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("datum,soort,oud_jaar,oud_code,oud_naam,nieuw_jaar,nieuw_code,nieuw_naam,aandeel\n"
        "2019-01-01,fusie,2018,GM0001,A,2019,GM0002,B,1\n",
        f);
  fclose(f);
  jv_herindelingen h;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_herindelingen_read(&h, path, &err), JV_EDATA);
  assert_int_equal(err.loc.line, 2);
  assert_int_equal(err.loc.column, 2);
  assert_non_null(strstr(err.msg, "samenvoeging, splitsing"));
  assert_int_equal(h.n, 0);
  remove(path);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(merger),
      cmocka_unit_test(merger_with_outside_part),
      cmocka_unit_test(split),
      cmocka_unit_test(rename_and_chain),
      cmocka_unit_test(border_correction_ignored),
      cmocka_unit_test(bundled_reproduces_2019),
      cmocka_unit_test(malformed_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
