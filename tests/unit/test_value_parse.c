/* Unit tests for the value syntax of a data cell (src/input/value_parse). */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "input/value_parse.h"

static jv_value parse_ok(const char *cell)
{
  jv_value v = {JV_VAL_MISSING, -1};
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_value_parse(&v, cell, NULL, &err);
  if (st != JV_OK)
    fail_msg("'%s' refused: %s", cell, err.msg);
  return v;
}

/* Returns the message; asserts the cell is refused with JV_EDATA at the location. */
static const char *parse_bad(const char *cell, jv_error *err)
{
  jv_value v = {JV_VAL_MISSING, -1};
  jv_loc at = {"verzuim.csv", 7, 3};
  jv_error_clear(err);
  assert_int_equal(jv_value_parse(&v, cell, &at, err), JV_EDATA);
  assert_int_equal(v.kind, JV_VAL_MISSING); /* untouched on failure */
  assert_string_equal(err->loc.file, "verzuim.csv");
  assert_int_equal(err->loc.line, 7);
  assert_int_equal(err->loc.column, 3);
  return err->msg;
}

static void test_counts(void **state)
{
  (void)state;
  static const struct {
    const char *cell;
    long long want;
  } cases[] = {{"0", 0},
               {"49", 49},
               {"76533", 76533},
               {"12.689", 12689},
               {"76.533", 76533},
               {"1.234.567", 1234567},
               {" 17 ", 17},
               {"\t3\t", 3},
               {"007", 7},
               {"\xC2\xA0"
                "63.844\xC2\xA0",
                63844},
               {"999.999.999.999.999", 999999999999999LL}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    jv_value v = parse_ok(cases[i].cell);
    assert_int_equal(v.kind, JV_VAL_COUNT);
    assert_int_equal(v.count, cases[i].want);
  }
}

static void test_tokens(void **state)
{
  (void)state;
  static const struct {
    const char *cell;
    jv_value_kind want;
  } cases[] = {{"n.b.", JV_VAL_UNKNOWN},
               {"N.B.", JV_VAL_UNKNOWN},
               {"nb", JV_VAL_UNKNOWN},
               {"Onbekend", JV_VAL_UNKNOWN},
               {"nvt", JV_VAL_NVT},
               {"NVT", JV_VAL_NVT},
               {" n.v.t. ", JV_VAL_NVT},
               {"non-respons", JV_VAL_NONRESPONSE},
               {"Non-Respons", JV_VAL_NONRESPONSE},
               {"nr", JV_VAL_NONRESPONSE}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    assert_int_equal(parse_ok(cases[i].cell).kind, cases[i].want);
}

static void test_refusals_say_why(void **state)
{
  (void)state;
  jv_error err;
  static const struct {
    const char *cell, *fragment;
  } cases[] = {
      {"", "empty cell"},
      {"   ", "write 0 when there were none"},
      {"-3", "'-3' is negative"},
      {"\xE2\x88\x92"
       "3",
       "is negative"}, /* U+2212 MINUS SIGN */
      {"1,5", "'1,5' is not a whole number"},
      {"12,689", "decimal comma"},
      {"2.5", "'2.5' is not a whole number: counts have no fractions"},
      {"1.23", "'1.23' has a thousands separator in the wrong place"},
      {"1234.567", "wrong place"},
      {"12.6890", "exactly 3 digits"},
      {"5.", "wrong place"},
      {"1..234", "wrong place"},
      {"twaalf", "'twaalf' is not a count"},
      {"12a", "'12a' is not a count"},
      {"+5", "is not a count"},
      {"12 689", "is not a count"},
      {"n.b", "is not a count"},
      {"1000000000000000", "too large"},
      {"99999999999999999999999", "too large"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    const char *msg = parse_bad(cases[i].cell, &err);
    if (!strstr(msg, cases[i].fragment))
      fail_msg("'%s': message '%s' lacks '%s'", cases[i].cell, msg, cases[i].fragment);
  }
  /* the non-numeric message names the alternatives */
  const char *msg = parse_bad("twaalf", &err);
  assert_non_null(strstr(msg, "n.b."));
  assert_non_null(strstr(msg, "nvt"));
  assert_non_null(strstr(msg, "non-respons"));
}

static void test_long_cell_is_shortened(void **state)
{
  (void)state;
  jv_error err;
  char cell[200];
  memset(cell, 'x', sizeof(cell) - 1);
  cell[sizeof(cell) - 1] = '\0';
  const char *msg = parse_bad(cell, &err);
  assert_non_null(strstr(msg, "xxx...'"));
  assert_true(strlen(msg) < 200);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counts),
      cmocka_unit_test(test_tokens),
      cmocka_unit_test(test_refusals_say_why),
      cmocka_unit_test(test_long_cell_is_shortened),
  };
  return cmocka_run_group_tests_name("value_parse", tests, NULL, NULL);
}
