/* test_textflow.c - paragraph line breaking with fake and real font widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/textflow.h"
#include "render/fonts.h"
#include "util/utf8.h"
#include "test_measure.h"

#define EPS 1e-6

/* Fake monospace: 0.5 em per character, bold 0.6 em. */
static const test_widths mono = {0.5, 0.6, 0};
static const jv_measure fake = {test_fake_width, (void *)&mono};

typedef struct {
  jv_fonts *fonts;
  jv_hyphenator *hyph;
} fixture;

static int setup(void **state)
{
  static fixture fx;
  jv_error err;
  char dir[1024];
  const char *home = getenv("JAARVERSLAG_HOME");
  snprintf(dir, sizeof(dir), "%s/assets/fonts", home ? home : JV_TEST_DATADIR "/..");
  if (jv_fonts_new(&fx.fonts, dir, &err) != JV_OK ||
      jv_hyphenator_new(&fx.hyph, JV_HYPHEN_NL_DEBIAN_PATH, &err) != JV_OK) {
    jv_error_print(&err, stderr);
    return -1;
  }
  *state = &fx;
  return 0;
}

static int teardown(void **state)
{
  fixture *fx = *state;
  jv_fonts_free(fx->fonts);
  jv_hyphenator_free(fx->hyph);
  return 0;
}

/* The runs' text with whitespace collapsed to single spaces, trimmed. */
static char *normalized(const jv_textflow_run *runs, size_t n)
{
  size_t cap = 1;
  for (size_t i = 0; i < n; i++)
    cap += strlen(runs[i].text);
  char *out = malloc(cap);
  size_t len = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    for (const char *p = runs[i].text; *p; p++) {
      if (strchr(" \t\n\r\f\v", *p)) {
        space = len > 0;
        continue;
      }
      if (space)
        out[len++] = ' ';
      space = false;
      out[len++] = *p;
    }
  }
  out[len] = '\0';
  return out;
}

/* The flow's text read back: pieces, their spaces, and the spaces at line
 * ends; inserted hyphens left out. */
static char *reconstructed(const jv_textflow *f)
{
  size_t cap = 1;
  for (size_t i = 0; i < f->n_pieces; i++)
    cap += strlen(f->pieces[i].text) + 1;
  cap += f->n_lines;
  char *out = malloc(cap);
  out[0] = '\0';
  for (size_t l = 0; l < f->n_lines; l++) {
    const jv_textflow_line *ln = &f->lines[l];
    for (size_t i = ln->first; i < ln->first + ln->count; i++) {
      if (f->pieces[i].inserted_hyphen)
        continue;
      if (f->pieces[i].space_before)
        strcat(out, " ");
      strcat(out, f->pieces[i].text);
    }
    if (ln->end == JV_TEXTFLOW_END_SPACE)
      strcat(out, " ");
  }
  return out;
}

typedef struct {
  bool allow_overfull; /* a character wider than the line */
  double max_stretch;  /* largest allowed space_extra / space width, 0 = any */
} checks;

/* The invariants of every flow; returns the number of hyphenated lines. */
static size_t check_flow(const jv_textflow *f, const jv_textflow_run *runs, size_t nruns,
                         const jv_measure *m, const jv_textflow_opts *o, checks c)
{
  size_t hyphens = 0;
  double space = jv_measure_width(m, JV_FONT_REGULAR, o->size, " ");
  for (size_t l = 0; l < f->n_lines; l++) {
    const jv_textflow_line *ln = &f->lines[l];
    bool last = l + 1 == f->n_lines;
    assert_int_equal(ln->end == JV_TEXTFLOW_END_PARAGRAPH, last);
    assert_true(ln->count > 0);
    assert_true(ln->indent == (l == 0 ? o->first_indent : 0));
    double right = 0;
    for (size_t i = ln->first; i < ln->first + ln->count; i++) {
      const jv_textflow_piece *p = &f->pieces[i];
      if (i > ln->first) {
        const jv_textflow_piece *q = p - 1;
        assert_true(p->x >= q->x + q->width - EPS); /* in order, no overlap */
      } else {
        assert_true(fabs(p->x - ln->indent) < EPS);
        assert_false(p->space_before);
      }
      if (p->inserted_hyphen) {
        assert_string_equal(p->text, "-");
        assert_int_equal(i, ln->first + ln->count - 1);
        assert_int_equal(ln->end, JV_TEXTFLOW_END_HYPHEN);
        assert_int_equal(p->style, (p - 1)->style);
        hyphens++;
      } else {
        /* the piece is the run's text, in the run's style */
        assert_true(p->run < nruns);
        assert_int_equal(p->style, runs[p->run].style);
        assert_int_equal(strlen(p->text), p->end - p->start);
        assert_memory_equal(p->text, runs[p->run].text + p->start, p->end - p->start);
      }
      assert_true(fabs(p->width - jv_measure_width(m, p->style, o->size, p->text)) < EPS);
      right = p->x + p->width;
    }
    if (!c.allow_overfull)
      assert_true(right <= o->width + EPS);
    assert_true(fabs(right - (ln->indent + ln->width)) < EPS);
    if (o->align == JV_TEXTFLOW_RAGGED || ln->n_spaces == 0) {
      assert_true(ln->space_extra == 0);
    } else if (last) {
      assert_true(ln->space_extra <= 0); /* ragged unless it had to shrink */
    } else {
      assert_true(fabs(right - o->width) < EPS); /* justified: flush right */
    }
    if (c.max_stretch > 0)
      assert_true(ln->space_extra <= c.max_stretch * space + EPS);
  }
  char *want = normalized(runs, nruns), *got = reconstructed(f);
  assert_string_equal(got, want);
  free(want);
  free(got);
  return hyphens;
}

static jv_textflow_opts opts_of(double width, jv_textflow_align al, const jv_hyphenator *h)
{
  return (jv_textflow_opts){.size = 10, .width = width, .align = al, .hyph = h};
}

static void flow_ok(jv_textflow *f, const jv_textflow_run *runs, size_t n, const jv_measure *m,
                    const jv_textflow_opts *o)
{
  jv_error err;
  jv_status st = jv_textflow_break(f, runs, n, m, o, &err);
  if (st != JV_OK)
    jv_error_print(&err, stderr);
  assert_int_equal(st, JV_OK);
}

static void line_text(const jv_textflow *f, size_t l, char *buf, size_t cap)
{
  buf[0] = '\0';
  const jv_textflow_line *ln = &f->lines[l];
  for (size_t i = ln->first; i < ln->first + ln->count; i++) {
    if (f->pieces[i].space_before)
      strncat(buf, " ", cap - strlen(buf) - 1);
    strncat(buf, f->pieces[i].text, cap - strlen(buf) - 1);
  }
}

static void test_simple_ragged_and_justified(void **state)
{
  (void)state;
  /* 5 pt per character: "aaa bbb" is 35 pt, "aaa bbb ccc" 55 pt */
  jv_textflow_run r = {"aaa bbb ccc ddd eee", JV_FONT_REGULAR};
  jv_textflow f;
  char buf[256];
  jv_textflow_opts o = opts_of(40, JV_TEXTFLOW_RAGGED, NULL);
  flow_ok(&f, &r, 1, &fake, &o);
  check_flow(&f, &r, 1, &fake, &o, (checks){0});
  assert_int_equal(f.n_lines, 3);
  line_text(&f, 0, buf, sizeof(buf));
  assert_string_equal(buf, "aaa bbb");
  line_text(&f, 2, buf, sizeof(buf));
  assert_string_equal(buf, "eee");
  /* ragged lines keep natural spaces: one piece per line */
  assert_int_equal(f.lines[0].count, 1);
  jv_textflow_free(&f);

  o.align = JV_TEXTFLOW_JUSTIFY;
  flow_ok(&f, &r, 1, &fake, &o);
  check_flow(&f, &r, 1, &fake, &o, (checks){.max_stretch = 1});
  assert_int_equal(f.n_lines, 3);
  /* the 5 pt of slack go into the one space: bbb moves to 25 pt */
  assert_true(fabs(f.lines[0].space_extra - 5) < EPS);
  assert_int_equal(f.lines[0].count, 2);
  assert_true(fabs(f.pieces[1].x - 25) < EPS);
  assert_string_equal(f.pieces[1].text, "bbb");
  assert_true(f.pieces[1].space_before);
  assert_true(f.lines[2].space_extra == 0);
  jv_textflow_free(&f);
}

static void test_empty_and_single_word(void **state)
{
  fixture *fx = *state;
  jv_textflow f;
  jv_textflow_opts o = opts_of(200, JV_TEXTFLOW_JUSTIFY, fx->hyph);
  flow_ok(&f, NULL, 0, &fake, &o);
  assert_int_equal(f.n_lines, 0);
  jv_textflow_free(&f);
  jv_textflow_run blank[] = {{"", JV_FONT_REGULAR}, {"  \n\t ", JV_FONT_BOLD}};
  flow_ok(&f, blank, 2, &fake, &o);
  assert_int_equal(f.n_lines, 0);
  assert_int_equal(f.n_pieces, 0);
  jv_textflow_free(&f);

  jv_textflow_run one = {"  leerplichtambtenaar\n", JV_FONT_ITALIC};
  o.first_indent = 12;
  flow_ok(&f, &one, 1, &fake, &o);
  check_flow(&f, &one, 1, &fake, &o, (checks){0});
  assert_int_equal(f.n_lines, 1);
  assert_int_equal(f.n_pieces, 1);
  assert_string_equal(f.pieces[0].text, "leerplichtambtenaar");
  assert_int_equal(f.pieces[0].start, 2);
  assert_true(fabs(f.pieces[0].x - 12) < EPS);
  assert_int_equal(f.lines[0].end, JV_TEXTFLOW_END_PARAGRAPH);
  jv_textflow_free(&f);
}

static void test_word_longer_than_line(void **state)
{
  fixture *fx = *state;
  jv_textflow f;
  /* 60 letters without a hyphenation point in a 20-character line */
  char text[128] = "a ";
  for (int i = 0; i < 60; i++)
    strcat(text, "x");
  strcat(text, " b");
  jv_textflow_run r = {text, JV_FONT_REGULAR};
  for (int al = 0; al < 2; al++) {
    jv_textflow_opts o = opts_of(100, (jv_textflow_align)al, fx->hyph);
    flow_ok(&f, &r, 1, &fake, &o);
    check_flow(&f, &r, 1, &fake, &o, (checks){0});
    size_t forced = 0;
    for (size_t l = 0; l < f.n_lines; l++)
      forced += f.lines[l].end == JV_TEXTFLOW_END_FORCED;
    assert_true(forced >= 2);
    assert_true(f.n_lines >= 4 && f.n_lines <= 5);
    jv_textflow_free(&f);
  }

  /* a long word that can be hyphenated is hyphenated, not cut */
  jv_textflow_run lw = {"leerplichtambtenaarsamenwerkingsverband", JV_FONT_BOLD};
  jv_textflow_opts o = opts_of(70, JV_TEXTFLOW_JUSTIFY, fx->hyph);
  flow_ok(&f, &lw, 1, &fake, &o);
  size_t hy = check_flow(&f, &lw, 1, &fake, &o, (checks){0});
  assert_true(hy >= 3);
  for (size_t l = 0; l < f.n_lines; l++)
    assert_int_not_equal(f.lines[l].end, JV_TEXTFLOW_END_FORCED);
  assert_string_equal(f.pieces[0].text, "leerplicht");
  jv_textflow_free(&f);

  /* characters wider than the line: one per line, overfull, but it ends */
  jv_textflow_run tiny = {"abc de", JV_FONT_REGULAR};
  o = opts_of(3, JV_TEXTFLOW_JUSTIFY, NULL);
  flow_ok(&f, &tiny, 1, &fake, &o);
  check_flow(&f, &tiny, 1, &fake, &o, (checks){.allow_overfull = true});
  assert_int_equal(f.n_lines, 5);
  jv_textflow_free(&f);
}

static void test_styles_across_breaks(void **state)
{
  fixture *fx = *state;
  jv_textflow_run r[] = {
      {"De ", JV_FONT_REGULAR},
      {"leerplichtambtenaar", JV_FONT_BOLD},
      {" spreekt met ", JV_FONT_REGULAR},
      {"thuiszitters", JV_FONT_ITALIC},
      {" en het ", JV_FONT_REGULAR},
      {"samenwerkingsverband", JV_FONT_BOLD_ITALIC},
      {" over ", JV_FONT_REGULAR},
      {"leerplicht", JV_FONT_BOLD}, /* one word over two runs */
      {"ambtenaren.", JV_FONT_REGULAR},
  };
  size_t n = sizeof(r) / sizeof(r[0]);
  jv_textflow f;
  jv_textflow_opts o = opts_of(60, JV_TEXTFLOW_JUSTIFY, fx->hyph);
  flow_ok(&f, r, n, &fake, &o);
  size_t hy = check_flow(&f, r, n, &fake, &o, (checks){0});
  assert_true(hy >= 2);
  /* a bold word broken over lines: bold hyphen, bold continuation */
  bool bold_split = false;
  for (size_t l = 0; l + 1 < f.n_lines; l++) {
    const jv_textflow_line *ln = &f.lines[l];
    const jv_textflow_piece *last = &f.pieces[ln->first + ln->count - 1];
    const jv_textflow_piece *next = &f.pieces[f.lines[l + 1].first];
    if (last->inserted_hyphen && last->style == JV_FONT_BOLD) {
      assert_int_equal(next->style, JV_FONT_BOLD);
      bold_split = true;
    }
  }
  assert_true(bold_split);
  /* the word over two runs: two pieces, no space between them */
  bool found = false;
  for (size_t i = 0; i + 1 < f.n_pieces; i++) {
    if (f.pieces[i].run == 7 && f.pieces[i + 1].run == 8 && !f.pieces[i + 1].space_before &&
        f.pieces[i + 1].start == 0)
      found = true;
  }
  assert_true(found);
  jv_textflow_free(&f);

  o = opts_of(200, JV_TEXTFLOW_RAGGED, fx->hyph);
  flow_ok(&f, r, n, &fake, &o);
  check_flow(&f, r, n, &fake, &o, (checks){0});
  jv_textflow_free(&f);
}

static void test_nbsp_and_explicit_hyphen(void **state)
{
  fixture *fx = *state;
  jv_textflow f;
  char buf[256];
  /* "bbbb cccc" with U+00A0 is one 9-character word in a 10-character line */
  jv_textflow_run r = {"aaaa bbbb\xc2\xa0" "cccc dddd", JV_FONT_REGULAR};
  jv_textflow_opts o = opts_of(50, JV_TEXTFLOW_RAGGED, fx->hyph);
  flow_ok(&f, &r, 1, &fake, &o);
  check_flow(&f, &r, 1, &fake, &o, (checks){0});
  assert_int_equal(f.n_lines, 3);
  line_text(&f, 1, buf, sizeof(buf));
  assert_string_equal(buf, "bbbb\xc2\xa0" "cccc");
  jv_textflow_free(&f);

  /* an existing hyphen is the only break in its word; no hyphen is added */
  jv_textflow_run e = {"met VSV-leerlingen", JV_FONT_REGULAR};
  o = opts_of(55, JV_TEXTFLOW_RAGGED, fx->hyph);
  flow_ok(&f, &e, 1, &fake, &o);
  check_flow(&f, &e, 1, &fake, &o, (checks){0});
  assert_int_equal(f.n_lines, 2);
  assert_int_equal(f.lines[0].end, JV_TEXTFLOW_END_EXPLICIT);
  line_text(&f, 0, buf, sizeof(buf));
  assert_string_equal(buf, "met VSV-");
  line_text(&f, 1, buf, sizeof(buf));
  assert_string_equal(buf, "leerlingen");
  jv_textflow_free(&f);

  /* quotes and apostrophes stay with their word */
  jv_textflow_run q = {"\xe2\x80\x98thuiszitters\xe2\x80\x99 en auto\xe2\x80\x99s \"ja\"",
                       JV_FONT_REGULAR};
  o = opts_of(80, JV_TEXTFLOW_RAGGED, NULL);
  flow_ok(&f, &q, 1, &fake, &o);
  check_flow(&f, &q, 1, &fake, &o, (checks){0});
  assert_true(f.n_lines >= 2);
  bool auto_s = false;
  for (size_t l = 0; l < f.n_lines; l++) {
    line_text(&f, l, buf, sizeof(buf));
    size_t len = strlen(buf);
    assert_true(strncmp(buf, "\xe2\x80\x99", 3) != 0);
    assert_true(len < 3 || strcmp(buf + len - 3, "\xe2\x80\x98") != 0);
    auto_s = auto_s || strstr(buf, "auto\xe2\x80\x99s") != NULL;
  }
  assert_true(auto_s);
  jv_textflow_free(&f);
}

static void test_hyphen_beats_loose_line(void **state)
{
  fixture *fx = *state;
  jv_textflow f;
  /* without hyphenation the first line is "aa bb": 75 pt of slack for one
   * space; with it, "aa bb leerplicht-" fills the line */
  jv_textflow_run r = {"aa bb leerplichtambtenaar cc dd ee ff gg", JV_FONT_REGULAR};
  jv_textflow_opts o = opts_of(100, JV_TEXTFLOW_JUSTIFY, fx->hyph);
  flow_ok(&f, &r, 1, &fake, &o);
  check_flow(&f, &r, 1, &fake, &o, (checks){.max_stretch = 1});
  assert_int_equal(f.lines[0].end, JV_TEXTFLOW_END_HYPHEN);
  jv_textflow_free(&f);

  o.hyph = NULL;
  flow_ok(&f, &r, 1, &fake, &o);
  check_flow(&f, &r, 1, &fake, &o, (checks){0});
  assert_true(f.lines[0].space_extra > 5); /* the loose line we avoid above */
  jv_textflow_free(&f);
}

static void test_errors(void **state)
{
  (void)state;
  jv_textflow f;
  jv_error err;
  jv_textflow_run bad[] = {{"goed", JV_FONT_REGULAR}, {"fo\xc3ut", JV_FONT_BOLD}};
  jv_textflow_opts o = opts_of(100, JV_TEXTFLOW_JUSTIFY, NULL);
  assert_int_equal(jv_textflow_break(&f, bad, 2, &fake, &o, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "run 1 at byte 2"));
  jv_textflow_free(&f);
  o.width = 0;
  assert_int_equal(jv_textflow_break(&f, bad, 1, &fake, &o, &err), JV_EINTERNAL);
  jv_textflow_free(&f);
  o = opts_of(100, JV_TEXTFLOW_JUSTIFY, NULL);
  o.first_indent = 100;
  assert_int_equal(jv_textflow_break(&f, bad, 1, &fake, &o, &err), JV_EINTERNAL);
  jv_textflow_free(&f);
}

/* From the seed letter (Kamerstuk 26 695, nr. 108), with some emphasis. */
static const jv_textflow_run seed[] = {
    {"Ieder kind heeft recht op goed onderwijs. Het onderwijs bereidt kinderen voor op "
     "volwaardige participatie in de maatschappij en op de arbeidsmarkt. Ik vind het dan "
     "ook ",
     JV_FONT_REGULAR},
    {"onaanvaardbaar", JV_FONT_ITALIC},
    {" als kinderen niet naar school gaan, zeker wanneer dat gedurende een langere periode "
     "het geval is. Er kunnen altijd situaties zijn waardoor een kind tijdelijk niet naar "
     "school kan, maar dan moet vanaf de eerste verzuimdag alles erop gericht zijn dat het "
     "kind zo snel mogelijk weer naar school gaat. ",
     JV_FONT_REGULAR},
    {"Het terugdringen van het aantal kinderen dat langer dan drie maanden thuiszit",
     JV_FONT_BOLD},
    {" heeft daarbij prioriteit. We onderscheiden twee soorten verzuim. Relatief verzuim, "
     "waarbij kinderen wel staan ingeschreven op een school, maar die school voor kortere "
     "of langere tijd niet bezoeken. En absoluut verzuim, voor kinderen die niet staan "
     "ingeschreven op een school. School, samenwerkingsverband en gemeente moeten dus snel "
     "handelen als een jongere thuis komt te zitten.",
     JV_FONT_REGULAR},
};

static void test_real_fonts(void **state)
{
  fixture *fx = *state;
  jv_measure m = {test_font_width, fx->fonts};
  size_t n = sizeof(seed) / sizeof(seed[0]);
  jv_textflow f;
  /* A4 body width and a half column: no space wider than 2x; at 220 pt
   * the best breaks of this text stretch two lines just beyond that */
  static const double widths[] = {453.5, 250, 220}, stretch[] = {1, 1, 1.25};
  for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
    jv_textflow_opts o = opts_of(widths[i], JV_TEXTFLOW_JUSTIFY, fx->hyph);
    o.first_indent = i == 1 ? 15 : 0;
    flow_ok(&f, seed, n, &m, &o);
    check_flow(&f, seed, n, &m, &o, (checks){.max_stretch = stretch[i]});
    assert_true(f.n_lines > 5);
    jv_textflow_free(&f);
  }
  /* a narrow column needs hyphens, and gets them */
  jv_textflow_opts o = opts_of(150, JV_TEXTFLOW_JUSTIFY, fx->hyph);
  flow_ok(&f, seed, n, &m, &o);
  assert_true(check_flow(&f, seed, n, &m, &o, (checks){0}) > 0);
  jv_textflow_free(&f);
  o.align = JV_TEXTFLOW_RAGGED;
  flow_ok(&f, seed, n, &m, &o);
  check_flow(&f, seed, n, &m, &o, (checks){0});
  jv_textflow_free(&f);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_simple_ragged_and_justified),
      cmocka_unit_test(test_empty_and_single_word),
      cmocka_unit_test(test_word_longer_than_line),
      cmocka_unit_test(test_styles_across_breaks),
      cmocka_unit_test(test_nbsp_and_explicit_hyphen),
      cmocka_unit_test(test_hyphen_beats_loose_line),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_real_fonts),
  };
  return cmocka_run_group_tests_name("textflow", tests, setup, teardown);
}
