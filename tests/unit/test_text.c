/* test_text.c - file-name slugs spell letters with diacritics in ASCII. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

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

int main(void)
{
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_slug_transliterates)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
