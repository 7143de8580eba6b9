/* Unit tests for corrections: dates (model/correction), reading and
 * validating correction files (input/corrections) with located errors,
 * applying them (idempotent, later date wins, same-day conflicts refused),
 * the data-directory hook, and the report's "Correcties" list
 * (layout/report_corrections). Fixtures: the bundled Zuid-Holland Zuid
 * 2017-2018 data copied under a mkdtemp directory. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/corrections.h"
#include "input/dataset_read.h"
#include "input/gemeenten.h"
#include "layout/report_corrections.h"
#include "model/correction.h"

#define GEMEENTEN JV_TEST_DATADIR "/../assets/gemeenten"
#define BUNDLED JV_TEST_DATADIR "/../data/zuid-holland-zuid/2017-2018"

static const char *const FILES[] = {
    "regio.csv",       "leerplichtigen.csv",    "verzuim.csv",
    "relatief.csv",    "processen_verbaal.csv", "vrijstellingen.csv",
    "thuiszitters.csv"};

typedef struct {
  char dir[64];
  char corr[96];
  jv_gemeenten geo;
} fixture;

static void copy_file(const char *from, const char *to)
{
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  assert_non_null(in);
  assert_non_null(out);
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
    assert_int_equal(fwrite(buf, 1, n, out), n);
  fclose(in);
  fclose(out);
}

static void put(const fixture *fx, const char *name, const char *text)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", fx->corr, name);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  fputs(text, fp);
  fclose(fp);
}

static int setup(void **state)
{
  fixture *fx = calloc(1, sizeof(*fx));
  if (!fx)
    return -1;
  snprintf(fx->dir, sizeof(fx->dir), "/tmp/jv_corr_XXXXXX");
  if (!mkdtemp(fx->dir))
    return -1;
  for (size_t i = 0; i < sizeof(FILES) / sizeof(FILES[0]); i++) {
    char from[512], to[256];
    snprintf(from, sizeof(from), "%s/%s", BUNDLED, FILES[i]);
    snprintf(to, sizeof(to), "%s/%s", fx->dir, FILES[i]);
    copy_file(from, to);
  }
  snprintf(fx->corr, sizeof(fx->corr), "%s/correcties", fx->dir);
  if (mkdir(fx->corr, 0777) != 0)
    return -1;
  jv_error err;
  if (jv_gemeenten_load(&fx->geo, GEMEENTEN, 2018, &err) != JV_OK)
    return -1;
  *state = fx;
  return 0;
}

static void remove_dir(const char *dir)
{
  char cmd[256];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", dir);
}

static int teardown(void **state)
{
  fixture *fx = *state;
  jv_gemeenten_free(&fx->geo);
  remove_dir(fx->dir);
  free(fx);
  return 0;
}

/* ---- dates ------------------------------------------------------------ */

static void test_dates(void **state)
{
  (void)state;
  jv_date d;
  assert_int_equal(jv_date_parse("2018-10-01", &d), 0);
  assert_int_equal(d.year, 2018);
  assert_int_equal(d.month, 10);
  assert_int_equal(d.day, 1);
  char buf[16];
  jv_date_format(d, buf, sizeof(buf));
  assert_string_equal(buf, "1-10-2018");
  assert_int_equal(jv_date_parse("2020-02-29", &d), 0); /* leap year */
  assert_int_equal(jv_date_parse("2019-02-29", &d), -1);
  assert_int_equal(jv_date_parse("1900-02-29", &d), -1); /* not a leap year */
  assert_int_equal(jv_date_parse("2018-13-01", &d), -1);
  assert_int_equal(jv_date_parse("2018-04-31", &d), -1);
  assert_int_equal(jv_date_parse("1-10-2018", &d), -1);
  assert_int_equal(jv_date_parse("2018-1-10", &d), -1);
  assert_int_equal(jv_date_parse("2018-10-01x", &d), -1);
  assert_int_equal(jv_date_parse("", &d), -1);
  jv_date a = {2018, 10, 1}, b = {2018, 11, 1};
  assert_true(jv_date_cmp(a, b) < 0);
  assert_true(jv_date_cmp(b, a) > 0);
  assert_int_equal(jv_date_cmp(a, a), 0);
}

/* ---- reading files ---------------------------------------------------- */

/* Reads name from the correcties directory and expects an error at
 * line:column whose message contains want. */
static void expect_error(fixture *fx, const char *name, const char *text, int line, int column,
                         const char *want)
{
  put(fx, name, text);
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", fx->corr, name);
  jv_correction_set set;
  jv_correction_set_init(&set);
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_corrections_read_file(&set, path, &fx->geo, NULL, &err);
  jv_correction_set_free(&set);
  unlink(path);
  if (st != JV_EDATA || err.loc.line != line || err.loc.column != column ||
      !strstr(err.msg, want) || strcmp(err.loc.file, path) != 0)
    fail_msg("%s: status %d at %s:%d:%d '%s'; want 65 at %d:%d '%s'", name, st, err.loc.file,
             err.loc.line, err.loc.column, err.msg, line, column, want);
}

#define HDR "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim,datum,reden\n"

static void test_read_ok(void **state)
{
  fixture *fx = *state;
  put(fx, "a.csv",
      "Reden;Datum;CBS_code;gemeente;absoluut_verzuim;relatief_verzuim\n"
      "\"dubbeltelling; verwijderd\";2018-10-01;GM0505; dordrecht ;12;\n"
      "nagekomen melding;2018-11-15;GM0482;Alblasserdam;n.b.;1.080\n");
  jv_correction_set set;
  jv_correction_set_init(&set);
  jv_error err;
  char path[256];
  snprintf(path, sizeof(path), "%s/a.csv", fx->corr);
  assert_int_equal(jv_corrections_read_file(&set, path, &fx->geo, NULL, &err), JV_OK);
  assert_int_equal(set.n, 3); /* the empty relatief_verzuim of Dordrecht is no correction */
  assert_string_equal(set.items[0].code, "GM0505");
  assert_int_equal(set.items[0].ind, JV_IND_ABSOLUUT);
  assert_int_equal(set.items[0].value.kind, JV_VAL_COUNT);
  assert_int_equal(set.items[0].value.count, 12);
  assert_string_equal(set.items[0].reason, "dubbeltelling; verwijderd");
  assert_int_equal(set.items[0].date.month, 10);
  assert_int_equal(set.items[0].where.line, 2);
  assert_int_equal(set.items[0].where.column, 5);
  assert_int_equal(set.items[1].value.kind, JV_VAL_UNKNOWN);
  assert_int_equal(set.items[2].ind, JV_IND_RELATIEF);
  assert_int_equal(set.items[2].value.count, 1080);
  jv_correction_set_free(&set);
  unlink(path);
}

static void test_read_errors(void **state)
{
  fixture *fx = *state;
  expect_error(fx, "e1.csv", HDR "GM9999,Dordrecht,12,,2018-10-01,x\n", 2, 1,
               "unknown municipality GM9999");
  expect_error(fx, "e2.csv", HDR "GM0505,Dordrecht,12,,2018-02-30,x\n", 2, 5,
               "'2018-02-30' is not a date");
  expect_error(fx, "e3.csv", HDR "GM0505,Dordrecht,12,,01-10-2018,x\n", 2, 5, "YYYY-MM-DD");
  expect_error(fx, "e4.csv", HDR "GM0505,Dordrecht,12,,2018-10-01,  \n", 2, 6, "empty reden");
  expect_error(fx, "e5.csv", HDR "GM0505,Dordrecht,,,2018-10-01,x\n", 2, 3, "nothing to correct");
  expect_error(fx, "e6.csv", HDR "GM0505,Dordrecht,twaalf,,2018-10-01,x\n", 2, 3, "twaalf");
  expect_error(fx, "e7.csv", HDR "GM0505,Zwijndrecht,12,,2018-10-01,x\n", 2, 2,
               "does not match GM0505");
  expect_error(fx, "e8.csv", HDR "totaal,Zuid-Holland Zuid,12,,2018-10-01,x\n", 2, 1,
               "region totals are computed");
  expect_error(fx, "e9.csv", "cbs_code,gemeente,absoluut_verzuim,datum,reeden\n", 1, 5,
               "did you mean 'reden'");
  expect_error(fx, "e10.csv", "cbs_code,gemeente,absoluut_verzuim,reden\n", 1, 1,
               "no column datum");
  expect_error(fx, "e11.csv", "cbs_code,gemeente,datum,reden\n", 1, 5, "no indicator columns");
  expect_error(fx, "e12.csv", HDR "GM0505,Dordrecht,12,,2018-10-01\n", 2, 6, "no value for");
}

/* ---- applying --------------------------------------------------------- */

static const jv_municipality *muni(const jv_dataset *ds, const char *code)
{
  long i = jv_dataset_find_code(ds, code);
  assert_true(i >= 0);
  return &ds->munis[i];
}

static void test_read_dir_applies(void **state)
{
  fixture *fx = *state;
  jv_dataset ds;
  jv_error err;
  /* without corrections: Dordrecht has 9 absoluut verzuimers (table 1 of the report) */
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  assert_int_equal(muni(&ds, "GM0505")->values[JV_IND_ABSOLUUT].count, 9);
  assert_null(ds.corrections);
  assert_int_equal(ds.total.values[JV_IND_ABSOLUUT].count, 49);
  jv_dataset_free(&ds);

  put(fx, "2018-10.csv", HDR "GM0505,Dordrecht,12,,2018-10-01,dubbeltelling\n");
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  const jv_municipality *d = muni(&ds, "GM0505");
  assert_int_equal(d->values[JV_IND_ABSOLUUT].count, 12);
  assert_int_equal(d->values[JV_IND_RELATIEF].count, 678); /* empty cell: unchanged */
  assert_non_null(strstr(d->where[JV_IND_ABSOLUUT].file, "correcties/2018-10.csv"));
  assert_int_equal(d->where[JV_IND_ABSOLUUT].line, 2);
  assert_non_null(ds.corrections);
  assert_int_equal(ds.corrections->n, 1);
  assert_int_equal(ds.corrections->items[0].old_value.count, 9);
  assert_int_equal(ds.corrections->items[0].value.count, 12);
  /* the data's own total row follows, so the cross-check still holds */
  assert_int_equal(ds.total.values[JV_IND_ABSOLUUT].count, 52);

  /* applying the same correction again changes nothing and lists nothing */
  jv_correction_set again;
  jv_correction_set_init(&again);
  char path[256];
  snprintf(path, sizeof(path), "%s/2018-10.csv", fx->corr);
  assert_int_equal(jv_corrections_read_file(&again, path, &fx->geo, NULL, &err), JV_OK);
  assert_int_equal(jv_correction_apply(&ds, &again, NULL, &err), JV_OK);
  assert_int_equal(again.n, 0);
  assert_int_equal(muni(&ds, "GM0505")->values[JV_IND_ABSOLUUT].count, 12);
  assert_int_equal(ds.total.values[JV_IND_ABSOLUUT].count, 52);
  jv_correction_set_free(&again);
  jv_dataset_free(&ds);

  /* the same file twice in the directory: the same figures, listed once */
  put(fx, "2018-10-kopie.csv", HDR "GM0505,Dordrecht,12,,2018-10-01,dubbeltelling\n");
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  assert_int_equal(muni(&ds, "GM0505")->values[JV_IND_ABSOLUUT].count, 12);
  assert_int_equal(ds.corrections->n, 1);
  jv_dataset_free(&ds);
  unlink(path);
  snprintf(path, sizeof(path), "%s/2018-10-kopie.csv", fx->corr);
  unlink(path);
}

static void test_later_date_wins(void **state)
{
  fixture *fx = *state;
  /* file order is the reverse of date order: dates decide */
  put(fx, "a.csv", HDR "GM0505,Dordrecht,15,,2018-11-01,tweede correctie\n");
  put(fx, "b.csv", HDR "GM0505,Dordrecht,12,,2018-10-01,eerste correctie\n");
  jv_dataset ds;
  jv_error err;
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  assert_int_equal(muni(&ds, "GM0505")->values[JV_IND_ABSOLUUT].count, 15);
  assert_int_equal(ds.corrections->n, 2);
  assert_int_equal(ds.corrections->items[0].old_value.count, 9);
  assert_int_equal(ds.corrections->items[0].value.count, 12);
  assert_int_equal(ds.corrections->items[1].old_value.count, 12);
  assert_int_equal(ds.corrections->items[1].value.count, 15);
  jv_dataset_free(&ds);

  /* two values for one figure on one day: refused, located at the later one */
  put(fx, "b.csv", HDR "GM0505,Dordrecht,12,,2018-11-01,andere waarde\n");
  jv_error_clear(&err);
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_EDATA);
  assert_non_null(strstr(err.loc.file, "correcties/b.csv"));
  assert_int_equal(err.loc.line, 2);
  assert_int_equal(err.loc.column, 3);
  assert_non_null(strstr(err.msg, "corrected twice on 1-11-2018"));
  assert_int_equal(ds.n_munis, 0); /* left empty on failure */

  /* a municipality of the country but not of this region */
  put(fx, "b.csv", HDR "GM0363,Amsterdam,1,,2018-11-01,x\n");
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "GM0363 is not in the data of Zuid-Holland Zuid"));
  char path[256];
  snprintf(path, sizeof(path), "%s/a.csv", fx->corr);
  unlink(path);
  snprintf(path, sizeof(path), "%s/b.csv", fx->corr);
  unlink(path);
}

/* ---- the report's list ------------------------------------------------ */

static const jv_block *find_block(const jv_doc *doc, jv_block_kind kind, const char *text)
{
  for (size_t i = 0; i < doc->n_blocks; i++)
    if (doc->blocks[i].kind == kind &&
        (!text || (doc->blocks[i].text && strcmp(doc->blocks[i].text, text) == 0)))
      return &doc->blocks[i];
  return NULL;
}

static void test_report_list(void **state)
{
  fixture *fx = *state;
  jv_dataset ds;
  jv_error err;
  jv_doc doc;

  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  jv_doc_init(&doc);
  assert_int_equal(jv_report_corrections(&ds, &doc, &err), JV_OK);
  assert_int_equal(doc.n_blocks, 0); /* no corrections: nothing added */
  jv_doc_free(&doc);
  jv_dataset_free(&ds);

  put(fx, "c.csv",
      "cbs_code,gemeente,absoluut_verzuim,langdurig_relatief_verzuim,datum,reden\n"
      "GM0505,Dordrecht,12,3,2018-10-01,dubbeltelling verwijderd\n");
  put(fx, "d.csv",
      "cbs_code,gemeente,vrijstelling_5a,relatief_verzuim,datum,reden\n"
      "GM0482,Alblasserdam,11,80,2018-11-15,nagekomen aanvraag\n");
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_EDATA);
  /* the bundled data has no langdurig_relatief_verzuim column to correct */
  assert_non_null(strstr(err.msg, "no column langdurig_relatief_verzuim"));
  put(fx, "c.csv", HDR "GM0505,Dordrecht,12,,2018-10-01,dubbeltelling verwijderd\n");
  assert_int_equal(jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err), JV_OK);
  jv_doc_init(&doc);
  assert_int_equal(jv_doc_heading(&doc, 1, "1. Iets ervoor"), JV_OK);
  assert_int_equal(jv_report_corrections(&ds, &doc, &err), JV_OK);
  const jv_block *h = find_block(&doc, JV_BLK_HEADING, "Correcties");
  assert_non_null(h);
  assert_int_equal(h->level, 1);
  const jv_block *tb = find_block(&doc, JV_BLK_TABLE, NULL);
  assert_non_null(tb);
  const jv_table *t = tb->table;
  assert_string_equal(t->title, "Tabel 1. Gecorrigeerde cijfers, 2017-2018");
  assert_int_equal(t->n_cols, 4);
  assert_int_equal(t->n_rows, 3);
  /* in date order: Dordrecht (1 oktober) first, then Alblasserdam's two */
  assert_string_equal(jv_table_cell(t, 0, 0), "Dordrecht");
  assert_string_equal(jv_table_cell(t, 0, 1), "Absoluut verzuimers");
  assert_string_equal(jv_table_cell(t, 0, 2), "9 \u2192 12");
  assert_string_equal(jv_table_cell(t, 0, 3), "1-10-2018");
  assert_string_equal(jv_table_cell(t, 1, 0), "Alblasserdam");
  assert_string_equal(jv_table_cell(t, 1, 1), "Vrijstelling artikel 5 onder a");
  assert_string_equal(jv_table_cell(t, 1, 2), "10 \u2192 11");
  assert_string_equal(jv_table_cell(t, 2, 1), "Relatief verzuimers");
  assert_string_equal(jv_table_cell(t, 2, 2), "79 \u2192 80");
  /* one reason paragraph per municipality and date */
  size_t reasons = 0;
  for (size_t i = 0; i < doc.n_blocks; i++)
    if (doc.blocks[i].kind == JV_BLK_PARAGRAPH && doc.blocks[i].n_runs == 2) {
      reasons++;
      if (reasons == 1) {
        assert_string_equal(doc.blocks[i].runs[0].text, "Dordrecht, 1-10-2018: ");
        assert_string_equal(doc.blocks[i].runs[1].text, "dubbeltelling verwijderd");
      }
    }
  assert_int_equal(reasons, 2);
  jv_doc_free(&doc);
  jv_dataset_free(&ds);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates),
      cmocka_unit_test_setup_teardown(test_read_ok, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_dir_applies, setup, teardown),
      cmocka_unit_test_setup_teardown(test_later_date_wins, setup, teardown),
      cmocka_unit_test_setup_teardown(test_report_list, setup, teardown),
  };
  return cmocka_run_group_tests_name("corrections", tests, NULL, NULL);
}
