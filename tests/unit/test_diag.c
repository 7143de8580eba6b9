/* Unit tests for util/diag.c: jv_diags_first_since gives the first item in
 * place order (file, line, column; equal places: the one added first) of
 * those added from an index on, as jv_diags_sort would put first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/diag.h"

static void test_first_since(void **state)
{
  (void)state;
  jv_diags d;
  jv_diags_init(&d);
  assert_int_equal(jv_diags_add(&d, "a.csv", 1, 1, "before"), JV_OK);
  assert_int_equal(jv_diags_add(&d, "b.csv", 7, 2, "b 7:2"), JV_OK);
  assert_int_equal(jv_diags_add(&d, "b.csv", 3, 9, "b 3:9"), JV_OK);
  assert_int_equal(jv_diags_add(&d, "b.csv", 3, 4, "b 3:4 first"), JV_OK);
  assert_int_equal(jv_diags_add(&d, "b.csv", 3, 4, "b 3:4 second"), JV_OK);
  assert_int_equal(jv_diags_add(&d, "c.csv", 1, 1, "c"), JV_OK);
  jv_error err;
  assert_int_equal(jv_diags_first_since(&d, 1, &err), JV_EDATA);
  assert_string_equal(err.msg, "b 3:4 first");
  assert_string_equal(err.loc.file, "b.csv");
  assert_int_equal(err.loc.line, 3);
  assert_int_equal(err.loc.column, 4);
  assert_int_equal(jv_diags_first_since(&d, 0, &err), JV_EDATA);
  assert_string_equal(err.msg, "before");
  assert_int_equal(jv_diags_first_since(&d, 5, &err), JV_EDATA);
  assert_string_equal(err.msg, "c");
  /* the same as sorting and taking the first of the rest */
  jv_diags rest;
  jv_diags_init(&rest);
  for (size_t i = 1; i < d.count; i++)
    assert_int_equal(jv_diags_add(&rest, d.items[i].loc.file, d.items[i].loc.line,
                                  d.items[i].loc.column, "%s", d.items[i].msg),
                     JV_OK);
  assert_int_equal(jv_diags_sort(&rest), JV_OK);
  jv_error sorted;
  assert_int_equal(jv_diags_first_error(&rest, &sorted), JV_EDATA);
  assert_int_equal(jv_diags_first_since(&d, 1, &err), JV_EDATA);
  assert_string_equal(err.msg, sorted.msg);
  jv_diags_free(&rest);
  jv_diags_free(&d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_first_since)};
  return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
