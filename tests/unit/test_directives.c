/* Unit tests for the one directive table (model/directives.c): the
 * documentation in templates/README.md lists exactly its directives, keys
 * and descriptions; the reader's messages come from it; a map in counts is
 * refused where it is written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/template_read.h"
#include "model/directives.h"
#include "model/table_kinds.h"

#define FM "---\ntitel: Test\n---\n" /* three lines of front matter */

/* Copies the text between the first two '|' after *p into out, trimmed. */
static int cell(const char **p, char *out, size_t size)
{
  const char *s = strchr(*p, '|');
  if (!s)
    return -1;
  s++;
  const char *e = strchr(s, '|');
  if (!e)
    return -1;
  while (s < e && *s == ' ')
    s++;
  const char *z = e;
  while (z > s && z[-1] == ' ')
    z--;
  snprintf(out, size, "%.*s", (int)(z - s), s);
  *p = e;
  return 0;
}

/* Checks one README row against spec: every `key` of the keys cell, in
 * order, bold exactly when required. */
static void check_keys(const jv_dir_spec *sp, const char *keys)
{
  size_t k = 0;
  for (const char *p = strchr(keys, '`'); p; p = strchr(p, '`')) {
    const char *e = strchr(p + 1, '`');
    assert_non_null(e);
    int bold = p - keys >= 2 && p[-1] == '*' && p[-2] == '*';
    char key[64];
    snprintf(key, sizeof(key), "%.*s", (int)(e - p - 1), p + 1);
    if (k >= JV_DIR_MAX_ARGS || !sp->args[k].key)
      fail_msg("README: ::%s documents key '%s' it does not have", sp->name, key);
    if (strcmp(sp->args[k].key, key) != 0)
      fail_msg("README: ::%s key %zu is '%s', the table says '%s'", sp->name, k + 1, key,
               sp->args[k].key);
    if (bold != sp->args[k].required)
      fail_msg("README: ::%s key '%s' is %s there", sp->name, key,
               sp->args[k].required ? "required, not bold" : "optional, but bold");
    k++;
    p = e + 1;
  }
  if (k < JV_DIR_MAX_ARGS && sp->args[k].key)
    fail_msg("README: ::%s does not document key '%s'", sp->name, sp->args[k].key);
}

static void test_readme_matches_table(void **state)
{
  (void)state;
  FILE *fp = fopen(JV_TEST_DATADIR "/../templates/README.md", "r");
  assert_non_null(fp);
  size_t n;
  const jv_dir_spec *specs = jv_dir_specs(&n);
  int seen[64] = {0};
  char line[1024];
  int in_table = 0;
  size_t rows = 0;
  while (fgets(line, sizeof(line), fp)) {
    if (strncmp(line, "### Overzicht", 13) == 0) {
      in_table = 1;
      continue;
    }
    if (!in_table || strncmp(line, "| `", 3) != 0) {
      if (in_table && rows > 0 && line[0] != '|')
        break;
      continue;
    }
    char name[64], keys[512], doc[512];
    const char *p = line;
    assert_int_equal(cell(&p, name, sizeof(name)), 0);
    assert_int_equal(cell(&p, keys, sizeof(keys)), 0);
    assert_int_equal(cell(&p, doc, sizeof(doc)), 0);
    rows++;
    size_t len = strlen(name);
    assert_true(len > 2 && name[0] == '`' && name[len - 1] == '`');
    name[len - 1] = '\0';
    const jv_dir_spec *sp = jv_dir_spec_find(name + 1);
    if (!sp)
      fail_msg("README documents ::%s, which the directive table lacks", name + 1);
    seen[sp - specs] = 1;
    check_keys(sp, keys);
    if (strcmp(doc, sp->doc) != 0)
      fail_msg("README: ::%s says '%s', the table '%s'", sp->name, doc, sp->doc);
  }
  fclose(fp);
  assert_int_equal(rows, n);
  for (size_t i = 0; i < n; i++)
    if (!seen[i])
      fail_msg("README does not document ::%s", specs[i].name);
}

static char dir[] = "/tmp/jv-directives-XXXXXX";

static jv_status parse(const char *text, jv_error *err)
{
  jv_tpl t;
  jv_error_clear(err);
  jv_status st = jv_template_parse(&t, "main.md", text, strlen(text), dir, err);
  if (st == JV_OK)
    jv_tpl_free(&t);
  return st;
}

static void test_messages_from_table(void **state)
{
  (void)state;
  jv_error err;
  assert_int_equal(parse(FM "::kaartje{indicator=absoluut_verzuim}\n", &err), JV_EDATA);
  assert_int_equal(err.loc.line, 4);
  assert_non_null(strstr(err.msg, "(did you mean ::kaart?)"));
  size_t n;
  const jv_dir_spec *specs = jv_dir_specs(&n);
  for (size_t i = 0; i < n; i++) {
    char name[48];
    snprintf(name, sizeof(name), "%s%s", specs[i].name, i + 1 < n ? "," : "");
    if (!strstr(err.msg, name))
      fail_msg("'%s' does not list ::%s", err.msg, specs[i].name);
  }
  assert_int_equal(parse(FM "::tabel{soort=vrijstelling}\n", &err), JV_EDATA);
  assert_int_equal(err.loc.line, 4);
  assert_int_equal(err.loc.column, 9);
  const jv_table_kind *kinds = jv_table_kinds(&n);
  for (size_t i = 0; i < n; i++)
    assert_non_null(strstr(err.msg, kinds[i].name));
  assert_non_null(strstr(err.msg, "did you mean vrijstellingen?"));
}

/* A map shows rates per 1.000 leerplichtigen: counts are refused at the key. */
static void test_map_in_counts_refused(void **state)
{
  (void)state;
  jv_error err;
  assert_int_equal(parse(FM "\n::kaart{indicator=absoluut_verzuim eenheid=aantal}\n", &err),
                   JV_EDATA);
  assert_int_equal(err.loc.line, 5);
  assert_int_equal(err.loc.column, 36);
  assert_non_null(strstr(err.msg, "eenheid=aantal is not allowed"));
  assert_non_null(strstr(err.msg, "per_1000"));
  assert_int_equal(parse(FM "::kaart{indicator=absoluut_verzuim eenheid=per_1000}\n", &err), JV_OK);
}

static int setup(void **state)
{
  (void)state;
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  return rmdir(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_readme_matches_table),
      cmocka_unit_test(test_messages_from_table),
      cmocka_unit_test(test_map_in_counts_refused),
  };
  return cmocka_run_group_tests_name("directives", tests, setup, teardown);
}
