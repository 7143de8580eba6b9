/* test_paragraph_split.c - widows, orphans and headings kept with text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout/paragraph_split.h"

static void test_split_table(void **state)
{
  (void)state;
  static const struct {
    size_t lines, avail;
    bool top;
    size_t want;
  } cases[] = {
      {5, 10, false, 5}, /* fits */
      {5, 5, false, 5},
      {0, 0, false, 0},
      {1, 0, false, 0},
      {1, 1, false, 1},
      {2, 1, false, 0}, /* 2 lines move whole */
      {3, 2, false, 0}, /* 3 lines move whole: 2+1 leaves a widow */
      {3, 1, false, 0}, /* 1+2 leaves an orphan */
      {4, 3, false, 2}, /* 3+1 would leave a widow */
      {4, 2, false, 2},
      {4, 1, false, 0}, /* orphan */
      {5, 4, false, 3},
      {5, 3, false, 3},
      {5, 2, false, 2},
      {10, 9, false, 8},
      {10, 1, false, 0},
      {10, 0, false, 0},
      /* at the top of a page moving does not help: fill the page */
      {3, 2, true, 2},
      {2, 1, true, 1},
      {4, 1, true, 1},
      {4, 3, true, 2}, /* the rule can be kept, so it is */
      {12, 10, true, 10},
      {12, 11, true, 10},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    size_t got = jv_para_split(cases[i].lines, cases[i].avail, cases[i].top);
    if (got != cases[i].want)
      print_error("case %zu: %zu lines, %zu available: got %zu\n", i, cases[i].lines,
                  cases[i].avail, got);
    assert_int_equal(got, cases[i].want);
  }
}

static void test_split_rule_holds_everywhere(void **state)
{
  (void)state;
  for (size_t n = 0; n <= 30; n++) {
    for (size_t avail = 0; avail <= 35; avail++) {
      size_t k = jv_para_split(n, avail, false);
      assert_true(k <= n && k <= avail);
      if (n <= avail)
        assert_int_equal(k, n);
      else if (k > 0)
        assert_true(k >= 2 && n - k >= 2);
      /* never give up room the rule would allow */
      if (n > avail && n >= 4 && avail >= 2)
        assert_int_equal(k, avail < n - 2 ? avail : n - 2);
      size_t t = jv_para_split(n, avail, true);
      if (n > 0 && avail > 0)
        assert_true(t > 0);
    }
  }
}

/* Flowing a long paragraph over pages of 10 lines, starting with 3 lines
 * left on the first page: every piece keeps 2 lines, and it ends. */
static void test_split_over_pages(void **state)
{
  (void)state;
  size_t left = 23, avail = 3, pages = 0, chunks[16], nchunks = 0;
  bool top = false;
  while (left > 0) {
    assert_true(pages < 16);
    size_t k = jv_para_split(left, avail, top);
    if (k > 0)
      chunks[nchunks++] = k;
    left -= k;
    avail = 10;
    top = true;
    pages++;
  }
  /* 23 = 3 + 10 + 10 */
  assert_int_equal(nchunks, 3);
  assert_int_equal(chunks[0], 3);
  assert_int_equal(chunks[1], 10);
  assert_int_equal(chunks[2], 10);

  left = 24, avail = 3, nchunks = 0, top = false;
  while (left > 0) {
    size_t k = jv_para_split(left, avail, top);
    if (k > 0)
      chunks[nchunks++] = k;
    left -= k;
    avail = 10;
    top = true;
  }
  /* 24 = 3 + 10 + 10 + 1 would leave a widow: the third page gives one up */
  assert_int_equal(nchunks, 4);
  assert_int_equal(chunks[0], 3);
  assert_int_equal(chunks[1], 10);
  assert_int_equal(chunks[2], 9);
  assert_int_equal(chunks[3], 2);
}

static void test_heading_keep_with_next(void **state)
{
  (void)state;
  const double h = 30, line = 12;
  /* heading plus 2 lines of a long paragraph */
  assert_true(jv_heading_keep_fits(h, line, 10, 54, false));
  assert_false(jv_heading_keep_fits(h, line, 10, 53.9, false));
  /* a 3-line paragraph does not split: it needs all 3 lines */
  assert_false(jv_heading_keep_fits(h, line, 3, 60, false));
  assert_true(jv_heading_keep_fits(h, line, 3, 66, false));
  /* a 1-line paragraph needs 1 line, nothing after it needs nothing */
  assert_true(jv_heading_keep_fits(h, line, 1, 42, false));
  assert_false(jv_heading_keep_fits(h, line, 1, 41, false));
  assert_true(jv_heading_keep_fits(h, line, 0, 30, false));
  assert_false(jv_heading_keep_fits(h, line, 0, 29, false));
  /* at the top of a page it stays, even when it does not fit */
  assert_true(jv_heading_keep_fits(h, line, 10, 10, true));
  assert_int_equal(jv_para_min_lines(0), 0);
  assert_int_equal(jv_para_min_lines(2), 2);
  assert_int_equal(jv_para_min_lines(3), 3);
  assert_int_equal(jv_para_min_lines(4), 2);
  assert_int_equal(jv_para_min_lines(40), 2);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_split_table),
      cmocka_unit_test(test_split_rule_holds_everywhere),
      cmocka_unit_test(test_split_over_pages),
      cmocka_unit_test(test_heading_keep_with_next),
  };
  return cmocka_run_group_tests_name("paragraph_split", tests, NULL, NULL);
}
