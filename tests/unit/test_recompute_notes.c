/* Unit tests for the recompute notes of several earlier years said once
 * (jv_recomputed_notes in src/stats/recompute): years with the same note
 * share it, in order and each once; years whose notes differ each get their
 * own; years without a note add nothing. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "stats/recompute.h"

#define TO_2020 " omgerekend naar de gemeentelijke indeling 2020"
#define WITHOUT_VHL ", zonder Vijfheerenlanden (Vianen hoorde toen niet bij Zuid-Holland Zuid)"

/* An earlier year starting in start with region_note "<year> rest" (rest
 * NULL: nothing was recomputed). */
static jv_recomputed year(int start, const char *rest)
{
  jv_recomputed r;
  memset(&r, 0, sizeof(r));
  r.ds.year.start = start;
  if (rest) {
    size_t n = strlen(rest) + 16;
    r.region_note = malloc(n);
    assert_non_null(r.region_note);
    jv_schoolyear_format(r.ds.year, r.region_note, n);
    strcat(r.region_note, rest);
  }
  return r;
}

static char *notes(const jv_recomputed *const *recs, size_t n)
{
  char *s = NULL;
  jv_error err = {0};
  assert_int_equal(jv_recomputed_notes(recs, n, &s, &err), JV_OK);
  return s;
}

static void same_note_said_once(void **state)
{
  (void)state;
  jv_recomputed y[4] = {year(2014, TO_2020 WITHOUT_VHL), year(2015, TO_2020 WITHOUT_VHL),
                        year(2016, TO_2020 WITHOUT_VHL), year(2017, TO_2020 WITHOUT_VHL)};
  const jv_recomputed *r[4] = {&y[0], &y[1], &y[2], &y[3]};
  char *s = notes(r, 4);
  assert_string_equal(s, "2014-2015, 2015-2016, 2016-2017 en 2017-2018" TO_2020 WITHOUT_VHL);
  free(s);
  /* a panel's cards: newest first, a year twice */
  const jv_recomputed *cards[5] = {&y[3], &y[2], &y[3], &y[1], &y[0]};
  s = notes(cards, 5);
  assert_string_equal(s, "2014-2015, 2015-2016, 2016-2017 en 2017-2018" TO_2020 WITHOUT_VHL);
  free(s);
  s = notes(r + 3, 1);
  assert_string_equal(s, "2017-2018" TO_2020 WITHOUT_VHL);
  free(s);
  for (int i = 0; i < 4; i++)
    free(y[i].region_note);
}

static void different_notes_name_their_years(void **state)
{
  (void)state;
  jv_recomputed y[4] = {year(2014, TO_2020 WITHOUT_VHL), year(2015, TO_2020),
                        year(2016, TO_2020 WITHOUT_VHL), year(2017, NULL)};
  const jv_recomputed *r[4] = {&y[3], &y[2], &y[1], &y[0]};
  char *s = notes(r, 4);
  assert_string_equal(s, "2014-2015 en 2016-2017" TO_2020 WITHOUT_VHL "; 2015-2016" TO_2020);
  free(s);
  for (int i = 0; i < 4; i++)
    free(y[i].region_note);
}

/* A note that does not start with its year (jv_recompute always starts it
 * so; the function still takes any): "<year>: note", and the buffer holds
 * it, also for short notes that each add more than their own length. */
static void note_without_its_year(void **state)
{
  (void)state;
  jv_recomputed y[3];
  const char *text[3] = {"a", "b", "c"};
  const jv_recomputed *r[3];
  for (int i = 0; i < 3; i++) {
    memset(&y[i], 0, sizeof(y[i]));
    y[i].ds.year.start = 2014 + i;
    y[i].region_note = (char *)text[i];
    r[i] = &y[i];
  }
  char *s = notes(r, 3);
  assert_string_equal(s, "2014-2015: a; 2015-2016: b; 2016-2017: c");
  free(s);
}

static void no_notes_nothing(void **state)
{
  (void)state;
  jv_recomputed y[2] = {year(2016, NULL), year(2017, NULL)};
  const jv_recomputed *r[2] = {&y[0], &y[1]};
  char *s = (char *)1;
  jv_error err = {0};
  assert_int_equal(jv_recomputed_notes(r, 2, &s, &err), JV_OK);
  assert_null(s);
  assert_int_equal(jv_recomputed_notes(r, 0, &s, &err), JV_OK);
  assert_null(s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_note_said_once),
      cmocka_unit_test(different_notes_name_their_years),
      cmocka_unit_test(note_without_its_year),
      cmocka_unit_test(no_notes_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
