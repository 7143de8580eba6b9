/* test_text.c - file-name slugs spell letters with diacritics in ASCII; Dutch
 * lists ("a, b en c") come out the same in a char buffer and a jv_strbuf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/strbuf.h"
#include "util/text.h"

static void test_slug_transliterates(void **state)
{
  (void)state;
  char b[64];
  jv_ascii_slug(b, sizeof(b),
                "S\xC3\xBA"
                "dwest-Frysl\xC3\xA2n");
  assert_string_equal(b, "sudwest-fryslan");
  jv_ascii_slug(b, sizeof(b), "Frysl\xC3\xA2n Zuidwest");
  assert_string_equal(b, "fryslan-zuidwest");
  jv_ascii_slug(b, sizeof(b),
                "\xC4\xB2sselstein \xC3\x86r\xC3\xB8 Stra\xC3\x9F"
                "e");
  assert_string_equal(b, "ijsselstein-aero-strasse");
  jv_ascii_slug(b, sizeof(b), "  Zuid-Holland Zuid!  ");
  assert_string_equal(b, "zuid-holland-zuid");
  jv_ascii_slug(b, sizeof(b), "\xE2\x80\x93 \xE2\x80\x93"); /* nothing spellable */
  assert_string_equal(b, "");
  jv_ascii_slug(b, 6, "Abcdefghij"); /* truncated, still terminated */
  assert_true(strlen(b) < 6);
}

/* The list of the first count of names, built both ways: the buffer's must
 * equal the jv_strbuf's, which is returned in out. */
static void both_lists(char *out, size_t size, const char *const *names, size_t count)
{
  out[0] = '\0';
  jv_strbuf b = {0};
  for (size_t k = 0; k < count; k++) {
    jv_text_list_add(out, size, k, count, names[k]);
    jv_strbuf_list_add(&b, k, count, names[k]);
  }
  char *s = jv_strbuf_detach(&b);
  assert_non_null(s);
  assert_string_equal(out, s);
  free(s);
}

static void test_dutch_list(void **state)
{
  (void)state;
  const char *const names[] = {"Dordrecht", "Gorinchem", "Molenlanden", "Zwijndrecht"};
  char b[128];
  both_lists(b, sizeof(b), names, 1);
  assert_string_equal(b, "Dordrecht");
  both_lists(b, sizeof(b), names, 2);
  assert_string_equal(b, "Dordrecht en Gorinchem");
  both_lists(b, sizeof(b), names, 3);
  assert_string_equal(b, "Dordrecht, Gorinchem en Molenlanden");
  both_lists(b, sizeof(b), names, 4);
  assert_string_equal(b, "Dordrecht, Gorinchem, Molenlanden en Zwijndrecht");
  assert_string_equal(jv_text_list_sep(0, 1), "");
  assert_string_equal(jv_text_list_sep(1, 3), ", ");
  assert_string_equal(jv_text_list_sep(2, 3), " en ");

  /* a full buffer keeps what fits, terminated, and takes no more */
  char t[16] = "";
  for (size_t k = 0; k < 4; k++)
    jv_text_list_add(t, sizeof(t), k, 4, names[k]);
  assert_string_equal(t, "Dordrecht, Gori");
  jv_text_list_add(t, sizeof(t), 3, 4, "X");
  assert_string_equal(t, "Dordrecht, Gori");
}

int main(void)
{
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_slug_transliterates),
                                     cmocka_unit_test(test_dutch_list)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
