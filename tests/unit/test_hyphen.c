/* test_hyphen.c - Dutch hyphenation points from hyphen-nl plus our rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout/hyphen.h"

static int setup(void **state)
{
  jv_hyphenator *h = NULL;
  jv_error err;
  if (jv_hyphenator_new(&h, JV_HYPHEN_NL_DEBIAN_PATH, &err) != JV_OK) {
    jv_error_print(&err, stderr);
    return -1;
  }
  *state = h;
  return 0;
}

static int teardown(void **state)
{
  jv_hyphenator_free(*state);
  return 0;
}

/* Asserts the break offsets of word; every pattern point adds a hyphen
 * unless listed in explicit_at (offset after an existing '-' or '/'). */
static void expect(const jv_hyphenator *h, const char *word, const size_t *want, size_t nwant,
                   size_t explicit_at)
{
  jv_hyph_point pts[64];
  size_t n = jv_hyphenate(h, word, strlen(word), pts, 64);
  if (n != nwant) {
    fprintf(stderr, "%s: %zu points, want %zu:", word, n, nwant);
    for (size_t i = 0; i < n; i++)
      fprintf(stderr, " %zu", pts[i].offset);
    fprintf(stderr, "\n");
  }
  assert_int_equal(n, nwant);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(pts[i].offset, want[i]);
    assert_int_equal(pts[i].add_hyphen, pts[i].offset != explicit_at);
  }
}

#define EXPECT(h, word, ...)                                                                       \
  do {                                                                                             \
    static const size_t w_[] = {__VA_ARGS__};                                                      \
    expect(h, word, w_, sizeof(w_) / sizeof(w_[0]), (size_t)-1);                                   \
  } while (0)
#define EXPECT_NONE(h, word) expect(h, word, NULL, 0, (size_t)-1)

static void test_report_words(void **state)
{
  const jv_hyphenator *h = *state;
  EXPECT(h, "leerplichtambtenaar", 4, 10, 13, 15);    /* leer-plicht-amb-te-naar */
  EXPECT(h, "samenwerkingsverband", 2, 5, 8, 13, 16); /* sa-men-wer-kings-ver-band */
  EXPECT(h, "schoolverlaters", 6, 9, 11);             /* school-ver-la-ters */
  EXPECT(h, "thuiszitters", 5, 8);                    /* thuis-zit-ters */
  EXPECT(h, "vrijstellingen", 4, 8, 11);              /* vrij-stel-lin-gen */
  EXPECT(h, "kwaliteitsslag", 3, 5, 10);              /* kwa-li-teits-slag */
  EXPECT(h, "verzuimmeldingen", 3, 7, 10, 13);        /* ver-zuim-mel-din-gen */
  EXPECT(h, "gemeenten", 2, 6);                       /* ge-meen-ten */
  EXPECT(h, "absoluut", 2, 4);                        /* ab-so-luut */
}

static void test_fragment_minimum(void **state)
{
  const jv_hyphenator *h = *state;
  /* the patterns allow mon-de and ij-ve-rig; 3 letters must go to the next
   * line and "ij" is one letter, so neither is offered */
  EXPECT(h, "IJsselmonde", 3, 6); /* IJs-sel-monde */
  EXPECT(h, "ijverig", 4);        /* ijve-rig */
  EXPECT_NONE(h, "abc");
  EXPECT_NONE(h, "de");
  /* the ij ligature (2 bytes) is one letter too */
  EXPECT(h, "\xc4\xb3verig", 4);
  /* a check over many words: never fewer than 2 letters left, 3 right */
  static const char *const words[] = {"ambtenaren", "relatief",   "verzuim",   "leerling",
                                      "gemeente",   "jongeren",   "onderwijs", "inschrijving",
                                      "categorie",  "maatregelen"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    jv_hyph_point pts[32];
    size_t len = strlen(words[i]);
    size_t n = jv_hyphenate(h, words[i], len, pts, 32);
    assert_true(n > 0);
    for (size_t k = 0; k < n; k++) {
      assert_true(pts[k].offset >= JV_HYPHEN_LEFT_MIN);
      assert_true(len - pts[k].offset >= JV_HYPHEN_RIGHT_MIN);
    }
  }
}

static void test_capitals_digits_punctuation(void **state)
{
  const jv_hyphenator *h = *state;
  /* a capital at the start is lowered; quotes and commas stay outside */
  EXPECT(h, "Leerplichtambtenaar", 4, 10, 13, 15);
  EXPECT(h, "\xe2\x80\x98Thuiszitters\xe2\x80\x99,", 8, 11); /* ‘Thuis-zit-ters’, */
  EXPECT(h, "(samenwerkingsverband)", 3, 6, 9, 14, 17);
  /* acronyms, inner capitals and digits: no pattern breaks */
  EXPECT_NONE(h, "VSV");
  EXPECT_NONE(h, "RMC");
  EXPECT_NONE(h, "McDonald");
  EXPECT_NONE(h, "havo4");
  EXPECT_NONE(h, "2015");
  /* apostrophes belong to the word; no break next to them */
  EXPECT(h, "regio's", 2);
  EXPECT(h, "regio\xe2\x80\x99s", 2);
  EXPECT_NONE(h, "zo\xe2\x80\x99n");
}

static void test_existing_hyphens(void **state)
{
  const jv_hyphenator *h = *state;
  static const size_t vsv[] = {4};
  expect(h, "VSV-leerlingen", vsv, 1, 4);
  static const size_t lpa[] = {11};
  expect(h, "leerplicht-ambtenaar", lpa, 1, 11);
  static const size_t years[] = {5};
  expect(h, "2014-2015", years, 1, 5);
  static const size_t endash[] = {7}; /* U+2013 is 3 bytes */
  expect(h,
         "2014\xe2\x80\x93"
         "2015",
         endash, 1, 7);
  static const size_t slash[] = {9};
  expect(h, "leerling/student", slash, 1, 9);
  /* one letter before the hyphen: not a break; no double hyphens */
  EXPECT_NONE(h, "e-mail");
  EXPECT_NONE(h, "-");
}

static void test_dutch_orthography(void **state)
{
  const jv_hyphenator *h = *state;
  /* never between i and j */
  EXPECT(h, "vrijstelling", 4, 8);
  EXPECT(h, "bijeenkomst", 3, 6); /* bij-een-komst */
  /* never before a trema vowel (zee-en would drop the trema) */
  EXPECT_NONE(h, "ze\x65\xc3\xab"
                 "n");                      /* zeeën */
  EXPECT(h, "co\xc3\xb6rdinator", 5, 7, 9); /* coör-di-na-tor */
  EXPECT(h,
         "financi\xc3\xab"
         "le",
         2, 5); /* fi-nan-ciële */
}

static void test_without_dictionary_and_limits(void **state)
{
  const jv_hyphenator *h = *state;
  jv_hyph_point pts[8];
  /* no dictionary: only existing hyphens */
  assert_int_equal(jv_hyphenate(NULL, "leerplichtambtenaar", 19, pts, 8), 0);
  assert_int_equal(jv_hyphenate(NULL, "VSV-leerlingen", 14, pts, 8), 1);
  assert_int_equal(pts[0].offset, 4);
  assert_false(pts[0].add_hyphen);
  /* max is respected: the first points come first */
  assert_int_equal(jv_hyphenate(h, "leerplichtambtenaar", 19, pts, 2), 2);
  assert_int_equal(pts[0].offset, 4);
  assert_int_equal(pts[1].offset, 10);
  /* len, not the NUL, ends the word */
  assert_int_equal(jv_hyphenate(h, "thuiszitters en meer", 12, pts, 8), 2);
  /* invalid UTF-8 and empty words */
  assert_int_equal(jv_hyphenate(h, "leer\xffplichtambtenaar", 20, pts, 8), 0);
  assert_int_equal(jv_hyphenate(h, "", 0, pts, 8), 0);
  /* very long words take the heap path and still work */
  char longw[400];
  strcpy(longw, "leerplichtambtenaar");
  for (int i = 0; i < 10; i++)
    strcat(longw, "samenwerkingsverband");
  jv_hyph_point many[400];
  size_t n = jv_hyphenate(h, longw, strlen(longw), many, 400);
  assert_true(n >= 40);
  assert_int_equal(many[0].offset, 4);
  for (size_t i = 1; i < n; i++)
    assert_true(many[i].offset > many[i - 1].offset);
}

static char *write_temp(const char *content)
{
  char *path = strdup("/tmp/jv_test_hyphen_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t n = strlen(content);
  assert_int_equal(write(fd, content, n), (ssize_t)n);
  close(fd);
  return path;
}

static void test_load_errors_and_utf8_dictionary(void **state)
{
  (void)state;
  jv_hyphenator *h = NULL;
  jv_error err;
  assert_int_equal(jv_hyphenator_new(&h, "/nonexistent/hyph_nl_NL.dic", &err), JV_ENOINPUT);
  assert_string_equal(err.loc.file, "/nonexistent/hyph_nl_NL.dic");

  char *p = write_temp("");
  assert_int_equal(jv_hyphenator_new(&h, p, &err), JV_EDATA);
  unlink(p);
  free(p);

  p = write_temp("KOI8-R\n1a1\n");
  assert_int_equal(jv_hyphenator_new(&h, p, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "KOI8-R"));
  unlink(p);
  free(p);

  /* a UTF-8 dictionary: libhyphen indexes its result by character there */
  p = write_temp("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xc3\xa9"
                 "1b\n");
  assert_int_equal(jv_hyphenator_new(&h, p, &err), JV_OK);
  unlink(p);
  free(p);
  static const size_t cafe[] = {5}; /* café-boter */
  expect(h,
         "caf\xc3\xa9"
         "boter",
         cafe, 1, (size_t)-1);
  expect(h,
         "Caf\xc3\xa9"
         "boter",
         cafe, 1, (size_t)-1);
  jv_hyphenator_free(h);
  jv_hyphenator_free(NULL);
}

/* Calls f for every word (between spaces) of the file at path. */
static void each_word(const char *path, void (*f)(const char *w, size_t n, void *ctx), void *ctx)
{
  FILE *fp = fopen(path, "r");
  assert_non_null(fp);
  char line[4096];
  while (fgets(line, sizeof(line), fp))
    for (char *w = strtok(line, " \t\r\n"); w; w = strtok(NULL, " \t\r\n"))
      f(w, strlen(w), ctx);
  fclose(fp);
}

typedef struct {
  const jv_hyphenator *a, *b;
  size_t words, points;
} same_ctx;

static void same_points(const char *w, size_t n, void *ctx)
{
  same_ctx *c = ctx;
  jv_hyph_point pa[512], pb[512];
  if (n > 512)
    return;
  size_t na = jv_hyphenate(c->a, w, n, pa, n), nb = jv_hyphenate(c->b, w, n, pb, n);
  if (na != nb)
    fail_msg("%.*s: %zu points compiled, %zu parsed", (int)n, w, na, nb);
  for (size_t i = 0; i < na; i++) {
    assert_int_equal(pa[i].offset, pb[i].offset);
    assert_int_equal(pa[i].add_hyphen, pb[i].add_hyphen);
  }
  c->words++;
  c->points += na;
}

/* The Debian file gets the table compiled in at build time; a copy with one
 * comment line more is parsed by libhyphen; both break every word of the
 * report's texts and every municipality name at the same places. */
static void test_compiled_patterns_equal_the_file(void **state)
{
  const jv_hyphenator *compiled = *state;
  assert_true(jv_hyphenator_precompiled(compiled));
  FILE *in = fopen(JV_HYPHEN_NL_DEBIAN_PATH, "rb");
  assert_non_null(in);
  char path[] = "/tmp/jv_hyph_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *out = fdopen(fd, "wb");
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
    assert_int_equal(fwrite(buf, 1, n, out), n);
  fclose(in);
  fputs("% one line more: not the compiled file any more\n", out);
  assert_int_equal(fclose(out), 0);
  jv_hyphenator *parsed = NULL;
  jv_error err;
  assert_int_equal(jv_hyphenator_new(&parsed, path, &err), JV_OK);
  unlink(path);
  assert_false(jv_hyphenator_precompiled(parsed));
  same_ctx c = {compiled, parsed, 0, 0};
  static const char *const files[] = {
      "templates/zuid-holland-zuid/jaarverslag.md", "templates/zuid-holland-zuid/voorwoord.md",
      "templates/zuid-holland-zuid/definities.md", "templates/ministerie-bijlage/bijlage.md",
      "assets/gemeenten/gemeenten_2018.csv"};
  for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
    char p[4096];
    snprintf(p, sizeof(p), "%s/%s", getenv("JAARVERSLAG_HOME"), files[i]);
    each_word(p, same_points, &c);
  }
  assert_true(c.words > 1000);
  assert_true(c.points > 500);
  jv_hyphenator_free(parsed);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_report_words),
      cmocka_unit_test(test_fragment_minimum),
      cmocka_unit_test(test_capitals_digits_punctuation),
      cmocka_unit_test(test_existing_hyphens),
      cmocka_unit_test(test_dutch_orthography),
      cmocka_unit_test(test_without_dictionary_and_limits),
      cmocka_unit_test(test_load_errors_and_utf8_dictionary),
      cmocka_unit_test(test_compiled_patterns_equal_the_file),
  };
  return cmocka_run_group_tests_name("hyphen", tests, setup, teardown);
}
