/* Unit tests for the template reader, part 2: includes (inside the template
 * directory, escapes, cycles), missing files and the shipped templates. */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, symlink */

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cmocka.h needs the headers above first */
#include <cmocka.h>
#include <png.h>

#include "input/template_read.h"
#include "model/template.h"

#include "template_fixture.h"

/* ---- includes ----------------------------------------------------------- */

static void test_include_inside(void **state)
{
  fixture *fx = *state;
  put_s(fx->dir, "main.md",
        FM "# Hoofdstuk\n"
           "\n"
           "::voeg-in{bestand=\"sub/a.md\"}\n"
           "\n"
           "Slot.\n");
  put_s(fx->dir, "sub/a.md",
        "Eerste regel van a.\n"
        "\n"
        "::voeg-in{bestand=\"b.md\"}\n"
        "::voeg-in{bestand=\"../gedeeld.md\"}\n");
  put_s(fx->dir, "sub/b.md", "\n\nUit **b**.\n");
  put_s(fx->dir, "gedeeld.md", "Gedeeld.\n");
  jv_tpl t;
  jv_error e;
  jv_status st = read_file(fx, "main.md", &t, &e);
  if (st)
    fail_msg("%s", printed(&e));
  assert_int_equal(t.n_nodes, 5);
  char main_name[256], a_name[256], b_name[256];
  snprintf(main_name, sizeof(main_name), "%s/main.md", fx->dir);
  snprintf(a_name, sizeof(a_name), "%s/sub/a.md", fx->dir);
  snprintf(b_name, sizeof(b_name), "%s/sub/b.md", fx->dir);
  assert_string_equal(node(&t, 0)->file, main_name);
  assert_string_equal(node(&t, 1)->file, a_name);
  assert_int_equal(node(&t, 1)->line, 1);
  assert_string_equal(node(&t, 2)->file, b_name);
  assert_int_equal(node(&t, 2)->line, 3);
  assert_string_equal(node(&t, 2)->runs[1].text, "b");
  assert_string_equal(node(&t, 3)->runs[0].text, "Gedeeld.");
  assert_string_equal(node(&t, 4)->file, main_name);
  assert_int_equal(node(&t, 4)->line, 8);
  assert_int_equal(t.n_files, 4);
  jv_tpl_free(&t);

  /* an error inside an include reports the include's own file:line */
  put_s(fx->dir, "sub/b.md", "Tekst.\n\n::grafiek{soort=taart}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_string_equal(e.loc.file, b_name);
  assert_int_equal(e.loc.line, 3);
  char want[300];
  snprintf(want, sizeof(want), "%s:3:", b_name);
  assert_non_null(strstr(printed(&e), want));

  /* columns are opened and closed in the same file */
  put_s(fx->dir, "sub/b.md", "::einde-kolommen\n");
  put_s(fx->dir, "sub/a.md", "::kolommen\n::voeg-in{bestand=\"b.md\"}\n::einde-kolommen\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_string_equal(e.loc.file, b_name);
  assert_non_null(strstr(e.msg, "another file"));
}

static void test_include_escapes(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  put_s(fx->root, "buiten.md", "Geheim.\n");
  put_s(fx->dir, "ok.md", "Binnen.\n");

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"../buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 4);
  assert_int_equal(e.loc.column, 11);
  assert_non_null(strstr(e.msg, "outside the template directory"));

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"sub/../../buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "outside"));

  char abs[256], text[512];
  snprintf(abs, sizeof(abs), "%s/ok.md", fx->dir);
  snprintf(text, sizeof(text), FM "::voeg-in{bestand=\"%s\"}\n", abs);
  put_s(fx->dir, "main.md", text);
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "not an absolute one"));

  /* a symlink inside the directory that points outside */
  char target[256], link[256];
  snprintf(target, sizeof(target), "%s/buiten.md", fx->root);
  snprintf(link, sizeof(link), "%s/link.md", fx->dir);
  assert_int_equal(symlink(target, link), 0);
  put_s(fx->dir, "main.md", FM "\n::voeg-in{bestand=\"link.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 5);
  assert_non_null(strstr(e.msg, "outside the template directory"));

  /* a symlinked directory that points outside */
  snprintf(link, sizeof(link), "%s/uit", fx->dir);
  assert_int_equal(symlink(fx->root, link), 0);
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"uit/buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "outside"));

  /* a symlink that stays inside is fine */
  snprintf(link, sizeof(link), "%s/alias.md", fx->dir);
  assert_int_equal(symlink("ok.md", link), 0);
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"alias.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_OK);
  assert_int_equal(t.n_nodes, 1);
  assert_string_equal(node(&t, 0)->runs[0].text, "Binnen.");
  jv_tpl_free(&t);

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"bestaat-niet.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "no such file"));

  put_s(fx->dir, "notes.txt", "x\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"notes.txt\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, ".md"));

  put_s(fx->dir, "fm.md", "---\ntitel: x\n---\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"fm.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.loc.file, "fm.md"));
  assert_non_null(strstr(e.msg, "no front matter"));
}

static void test_include_cycle(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"a.md\"}\n");
  put_s(fx->dir, "a.md", "A.\n\n::voeg-in{bestand=\"b.md\"}\n");
  put_s(fx->dir, "b.md", "B.\n\n\n::voeg-in{bestand=\"a.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.loc.file, "b.md"));
  assert_int_equal(e.loc.line, 4);
  assert_non_null(strstr(e.msg, "cycle"));

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"main.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "cycle"));

  /* the same file twice, one after the other, is not a cycle */
  put_s(fx->dir, "c.md", "C.\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"c.md\"}\n::voeg-in{bestand=\"c.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_OK);
  assert_int_equal(t.n_nodes, 2);
  jv_tpl_free(&t);
}

static void test_missing_file(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  assert_int_equal(read_file(fx, "nergens.md", &t, &e), JV_ENOINPUT);
  assert_int_equal(t.n_nodes, 0);
}

/* ---- the shipped templates ---------------------------------------------- */

static void home_path(char *buf, size_t size, const char *rel)
{
  const char *home = getenv("JAARVERSLAG_HOME");
  if (home && *home)
    snprintf(buf, size, "%s/%s", home, rel);
  else
    snprintf(buf, size, "%s/../%s", JV_TEST_DATADIR, rel);
}

static size_t count(const jv_tpl *t, jv_tpl_kind kind, int level_or_dir)
{
  size_t n = 0;
  for (size_t i = 0; i < t->n_nodes; i++) {
    const jv_tpl_node *x = &t->nodes[i];
    if (x->kind != kind)
      continue;
    if (kind == JV_TPL_HEADING && x->level != level_or_dir)
      continue;
    if (kind == JV_TPL_DIRECTIVE && (int)x->directive != level_or_dir)
      continue;
    n++;
  }
  return n;
}

/* Reads the shipped template rel (below the program's home); fails the test
 * with the error when it does not read. */
static void read_shipped(jv_tpl *t, const char *rel)
{
  char path[1024];
  home_path(path, sizeof(path), rel);
  jv_error e;
  jv_error_clear(&e);
  if (jv_template_read(t, path, &e))
    fail_msg("%s", printed(&e));
}

static void test_shipped_jaarverslag(void **state)
{
  (void)state;
  jv_tpl t;
  read_shipped(&t, "templates/zuid-holland-zuid/jaarverslag.md");
  assert_string_equal(t.meta.regio, "Zuid-Holland Zuid");
  assert_false(t.meta.has_schooljaar); /* it serves every year of a project */
  assert_int_equal(t.meta.kleur, 0x0B5F73);
  /* voorwoord, four chapters, definities */
  assert_int_equal(count(&t, JV_TPL_HEADING, 1), 6);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_OMSLAG), 1);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_INHOUD), 1);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_TABEL), 7);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KERNCIJFER), 12);
  /* four interviews, each in columns */
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KOLOMMEN), 4);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_EINDE_KOLOMMEN), 4);
  /* jaarverslag, voorwoord, 4 interviews, definities */
  assert_int_equal(t.n_files, 7);
  int seen_tables[3] = {0, 0, 0};
  static const char *const kinds[3] = {"absoluut_per_1000", "relatief_per_1000", "thuiszitters"};
  for (size_t i = 0; i < t.n_nodes; i++) {
    const jv_tpl_node *n = &t.nodes[i];
    if (n->kind == JV_TPL_DIRECTIVE && n->directive == JV_DIR_TABEL)
      for (int k = 0; k < 3; k++)
        seen_tables[k] |= strcmp(jv_tpl_value(n, "soort"), kinds[k]) == 0;
    if (n->kind == JV_TPL_HEADING && n->level == 1) {
      char buf[128];
      jv_tpl_node_text(n, buf, sizeof(buf));
      if (strstr(buf, "Definities"))
        assert_non_null(strstr(n->file, "definities.md"));
    }
  }
  for (int k = 0; k < 3; k++)
    assert_true(seen_tables[k]);
  jv_tpl_free(&t);
}

static void test_shipped_bijlage(void **state)
{
  (void)state;
  jv_tpl t;
  read_shipped(&t, "templates/ministerie-bijlage/bijlage.md");
  assert_int_equal(t.meta.year.start, 2014);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KAART), 3);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_TABEL), 3);
  static const char *const maps[3] = {"langdurig_relatief_verzuim", "absoluut_verzuim",
                                      "vrijstelling_5a"};
  size_t k = 0;
  for (size_t i = 0; i < t.n_nodes; i++) {
    const jv_tpl_node *n = &t.nodes[i];
    if (n->kind == JV_TPL_DIRECTIVE && n->directive == JV_DIR_KAART) {
      assert_string_equal(jv_tpl_value(n, "indicator"), maps[k++]);
      assert_string_equal(jv_tpl_value(n, "regio"), "nederland");
    }
  }
  jv_tpl_free(&t);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_include_inside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_include_escapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_include_cycle, setup, teardown),
      cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
      cmocka_unit_test(test_shipped_jaarverslag),
      cmocka_unit_test(test_shipped_bijlage),
  };
  return cmocka_run_group_tests_name("template_read_files", tests, NULL, NULL);
}
