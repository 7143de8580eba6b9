/* Unit tests for the legend classes: the letter's edges, exact-rate
 * classification at and around every edge, labels, parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "stats/buckets.h"
#include "stats/format.h"

static const char *label_of(const jv_buckets *b, long long count, long long base, char *buf,
                            size_t size)
{
  return jv_buckets_label(b, jv_buckets_classify_counts(b, count, base), buf, size);
}

static void test_default_labels(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  static const char *const want[] = {"geen",
                                     "tot 1 per 1.000",
                                     "1 tot 2 per 1.000",
                                     "2 tot 3 per 1.000",
                                     "3 tot 5 per 1.000",
                                     "5 of meer per 1.000",
                                     "non-respons",
                                     "geen gegevens"};
  assert_int_equal(jv_buckets_class_count(&b), 8);
  char buf[64];
  for (int c = 0; c < 8; c++)
    assert_string_equal(jv_buckets_label(&b, c, buf, sizeof(buf)), want[c]);
}

static void test_edges_exactly_and_around(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  char buf[64];
  static const struct {
    long long count, base;
    const char *want;
  } cases[] = {
      {0, 1000, "geen"},                      /* exactly 0 */
      {1, 1000000, "tot 1 per 1.000"},        /* 0,001: just above 0 */
      {999, 1000000, "tot 1 per 1.000"},      /* 0,999 */
      {1, 1001, "tot 1 per 1.000"},           /* 0,999.. just below 1 */
      {1, 1000, "1 tot 2 per 1.000"},         /* exactly 1 */
      {1, 999, "1 tot 2 per 1.000"},          /* 1,001.. just above 1 */
      {1999, 1000000, "1 tot 2 per 1.000"},   /* 1,999 */
      {2, 1000, "2 tot 3 per 1.000"},         /* exactly 2 */
      {6, 3000, "2 tot 3 per 1.000"},         /* exactly 2 again */
      {2999, 1000000, "2 tot 3 per 1.000"},   /* 2,999 */
      {3, 1000, "3 tot 5 per 1.000"},         /* exactly 3 */
      {3001, 1000000, "3 tot 5 per 1.000"},   /* 3,001 */
      {4999, 1000000, "3 tot 5 per 1.000"},   /* 4,999 */
      {1, 201, "3 tot 5 per 1.000"},          /* the letter's "iets meer dan 200" */
      {1, 200, "5 of meer per 1.000"},        /* exactly 5 */
      {5001, 1000000, "5 of meer per 1.000"}, /* 5,001 */
      {31, 3926, "5 of meer per 1.000"},      /* Sliedrecht 5a 2017-2018: 7,9 */
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    assert_string_equal(label_of(&b, cases[i].count, cases[i].base, buf, sizeof(buf)),
                        cases[i].want);
}

/* Classes go by the exact rate: Dordrecht 2014-2015 (51 of 17.277 = 2,952)
 * prints as "3,0" but is "2 tot 3"; Lelystad (39 of 12.801 = 3,047) is also
 * "3,0" and is "3 tot 5". */
static void test_exact_not_rounded(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  char buf[64], rate[16];
  jv_rate r;
  jv_rate_per_1000_ll(51, 17277, &r);
  assert_string_equal(jv_format_rate(&r, rate, sizeof(rate)), "3,0");
  assert_string_equal(jv_buckets_label(&b, jv_buckets_classify(&b, &r), buf, sizeof(buf)),
                      "2 tot 3 per 1.000");
  jv_rate_per_1000_ll(39, 12801, &r);
  assert_string_equal(jv_format_rate(&r, rate, sizeof(rate)), "3,0");
  assert_string_equal(jv_buckets_label(&b, jv_buckets_classify(&b, &r), buf, sizeof(buf)),
                      "3 tot 5 per 1.000");
}

static void test_special_kinds(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  jv_rate r;
  jv_rate_per_1000((jv_value){JV_VAL_NONRESPONSE, 0}, jv_value_count(1000), &r);
  assert_int_equal(jv_buckets_classify(&b, &r), jv_buckets_nonresponse_class(&b));
  jv_rate_per_1000((jv_value){JV_VAL_MISSING, 0}, jv_value_count(1000), &r);
  assert_int_equal(jv_buckets_classify(&b, &r), jv_buckets_nodata_class(&b));
  jv_rate_per_1000((jv_value){JV_VAL_UNKNOWN, 0}, jv_value_count(1000), &r);
  assert_int_equal(jv_buckets_classify(&b, &r), jv_buckets_nodata_class(&b));
  jv_rate_per_1000(jv_value_count(3), jv_value_count(0), &r); /* no base: no rate */
  assert_int_equal(jv_buckets_classify(&b, &r), jv_buckets_nodata_class(&b));
}

static void test_parse(void **state)
{
  (void)state;
  jv_buckets b, def;
  jv_error err;
  char buf[64];
  jv_buckets_default(&def);
  assert_int_equal(jv_buckets_parse(&b, "0,1,2,3,5", &err), JV_OK);
  assert_memory_equal(&b, &def, sizeof(b));
  assert_int_equal(jv_buckets_parse(&b, " 0; 1 ;2,3, 5 ", &err), JV_OK);
  assert_memory_equal(&b, &def, sizeof(b));
  /* no zero edge: the first class starts at 0 and includes it */
  assert_int_equal(jv_buckets_parse(&b, "0.5,1.25,1000", &err), JV_OK);
  assert_int_equal(jv_buckets_rate_classes(&b), 4);
  assert_string_equal(jv_buckets_label(&b, 0, buf, sizeof(buf)), "tot 0,5 per 1.000");
  assert_string_equal(jv_buckets_label(&b, 1, buf, sizeof(buf)), "0,5 tot 1,25 per 1.000");
  assert_string_equal(jv_buckets_label(&b, 3, buf, sizeof(buf)), "1.000 of meer per 1.000");
  assert_string_equal(label_of(&b, 0, 100, buf, sizeof(buf)), "tot 0,5 per 1.000");
  assert_string_equal(label_of(&b, 1, 2000, buf, sizeof(buf)), "0,5 tot 1,25 per 1.000");
  assert_string_equal(label_of(&b, 5, 4000, buf, sizeof(buf)), "1,25 tot 1.000 per 1.000");
  /* only the zero edge */
  assert_int_equal(jv_buckets_parse(&b, "0", &err), JV_OK);
  assert_string_equal(jv_buckets_label(&b, 1, buf, sizeof(buf)), "meer dan 0 per 1.000");
  static const char *const bad[] = {
      "", "1,1", "2,1", "-1,2", "a", "1.2345", "1..2", "1,,2", "1 2", "1.", "0,1,2,3,4,5,6,7,8"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    jv_error_clear(&err);
    assert_int_equal(jv_buckets_parse(&b, bad[i], &err), JV_EUSAGE);
    assert_true(strlen(err.msg) > 0);
  }
}

/* A wrong edge is named, with why: the "0;1,5;3" (a decimal comma
 * read as a separator) says edge 4 (3) is below edge 3 (5) and suggests '.'. */
static void test_parse_messages(void **state)
{
  (void)state;
  jv_buckets b;
  jv_error err;
  static const struct {
    const char *spec;
    const char *want[3];
  } cases[] = {
      {"0;1,5;3", {"edge 4 (3) is below edge 3 (5)", "must be above the one before", "'.'"}},
      {"0,1,1,3", {"edge 3 (1) is equal to edge 2 (1)", NULL, NULL}},
      {"0,-2", {"edge 2 (-2) is negative", NULL, NULL}},
      {"0,1,x", {"edge 3 at position 5", "expected a number", NULL}},
      {"0,1,2,3,4,5,6,7,8", {"edge 9 (8) is one too many", "at most 8", NULL}},
      {"0,1 2", {"after edge 2 at position 5", NULL, NULL}},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    jv_error_clear(&err);
    assert_int_equal(jv_buckets_parse(&b, cases[i].spec, &err), JV_EUSAGE);
    for (int k = 0; k < 3 && cases[i].want[k]; k++)
      if (!strstr(err.msg, cases[i].want[k]))
        fail_msg("\"%s\": message \"%s\" lacks \"%s\"", cases[i].spec, err.msg, cases[i].want[k]);
  }
  /* no decimal-comma hint where no ';' is used */
  jv_buckets_parse(&b, "3,2", &err);
  assert_null(strstr(err.msg, "decimal"));
}

/* The letter's legend: seven lines exactly as in the 2014-2015 letter, and
 * the edge rule for its footnote. */
static void test_letter_wording(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  assert_int_equal(jv_buckets_wording(&b, "letter"), 0);
  static const char *const letter[] = {"geen",
                                       "tot 1 per 1.000",
                                       "1 tot 2 per 1.000",
                                       "2 tot 3 per 1.000",
                                       "3 tot 5 per 1.000",
                                       "meer dan 5 per 1.000",
                                       "non-respons"};
  char buf[160];
  for (int c = 0; c < 7; c++)
    assert_string_equal(jv_buckets_label(&b, c, buf, sizeof(buf)), letter[c]);
  assert_string_equal(label_of(&b, 1, 200, buf, sizeof(buf)), "meer dan 5 per 1.000");
  assert_non_null(strstr(jv_buckets_edge_note(&b, buf, sizeof(buf)),
                         "5,0 per 1.000 valt in meer dan 5 per 1.000"));
  assert_int_equal(jv_buckets_wording(&b, "exact"), 0);
  assert_string_equal(jv_buckets_label(&b, 5, buf, sizeof(buf)), "5 of meer per 1.000");
  assert_int_equal(jv_buckets_wording(&b, "brief"), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_default_labels),
      cmocka_unit_test(test_edges_exactly_and_around),
      cmocka_unit_test(test_exact_not_rounded),
      cmocka_unit_test(test_special_kinds),
      cmocka_unit_test(test_parse),
      cmocka_unit_test(test_parse_messages),
      cmocka_unit_test(test_letter_wording),
  };
  return cmocka_run_group_tests_name("buckets", tests, NULL, NULL);
}
