/* Unit tests for the per-year cache of src/pipeline/history
 * (jv_history_recomputed): however many trend charts and key-figure cards
 * use an earlier year, it is recomputed onto the report year's indeling
 * once (the cache's counter), every use sees that one, and its figures are
 * those of a fresh jv_recompute. */
#define _XOPEN_SOURCE 700 /* mkdtemp */
/* cmocka.h needs these first */
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
#include "pipeline/history.h"
#include "pipeline/template_compose.h"
#include "stats/format.h"
#include "stats/rates.h"

#include "herindeling_fixture.h"

static void muni(jv_dataset *ds, const char *code, const char *name, long long lpl, long long rel,
                 long long abs)
{
  size_t i;
  assert_int_equal(jv_dataset_add(ds, code, name, &i), JV_OK);
  ds->munis[i].values[JV_IND_LPL_5_17] = jv_value_count(lpl);
  ds->munis[i].values[JV_IND_RELATIEF] = jv_value_count(rel);
  ds->munis[i].values[JV_IND_ABSOLUUT] = jv_value_count(abs);
}

static void year(jv_dataset *ds, int start, int indeling)
{
  jv_dataset_init(ds);
  ds->region_name = strdup("Regio");
  ds->year.start = start;
  ds->boundary_year = indeling;
  ds->has_indicator[JV_IND_LPL_5_17] = true;
  ds->has_indicator[JV_IND_RELATIEF] = true;
  ds->has_indicator[JV_IND_ABSOLUUT] = true;
}

enum { N_EARLIER = 3 };

/* Three earlier years on the indeling 2018 (Aa and Bee merge into Samen in
 * 2019; Leer and Vi, which the data does not hold, into Samen met Vi) and
 * the report year 2019-2020 on the indeling 2020. */
typedef struct {
  jv_dataset ds[N_EARLIER + 1];
  jv_history h;
} project;

static int setup(void **state)
{
  project *p = calloc(1, sizeof(*p));
  if (!p)
    return -1;
  for (int y = 0; y < N_EARLIER; y++) {
    year(&p->ds[y], 2015 + y, 2018);
    muni(&p->ds[y], "GM0001", "Aa", 4322 + y, 67 + y, 3);
    muni(&p->ds[y], "GM0002", "Bee", 8687, 201 - 2 * y, 5 + y);
    muni(&p->ds[y], "GM0005", "Leer", 1000, 30, 1);
    muni(&p->ds[y], "GM0004", "Blijft", 500 + 10 * y, 10, 0);
  }
  year(&p->ds[N_EARLIER], 2019, 2020);
  muni(&p->ds[N_EARLIER], "GM0009", "Samen", 13500, 270, 9);
  muni(&p->ds[N_EARLIER], "GM0010", "Samen met Vi", 2000, 50, 2);
  muni(&p->ds[N_EARLIER], "GM0004", "Blijft", 510, 3, 1);
  jv_history *h = &p->h;
  jv_history_init(h);
  h->n_years = N_EARLIER + 1;
  h->years = malloc(h->n_years * sizeof(*h->years));
  if (!h->years)
    return -1;
  for (size_t i = 0; i < h->n_years; i++)
    h->years[i] = &p->ds[i];
  add_change(&h->changes, JV_HER_MERGER, "GM0001", "Aa", "GM0009", "Samen");
  add_change(&h->changes, JV_HER_MERGER, "GM0002", "Bee", "GM0009", "Samen");
  add_change(&h->changes, JV_HER_MERGER, "GM0005", "Leer", "GM0010", "Samen met Vi");
  add_change(&h->changes, JV_HER_MERGER, "GM0006", "Vi", "GM0010", "Samen met Vi");
  *state = p;
  return 0;
}

static int teardown(void **state)
{
  project *p = *state;
  jv_history_free(&p->h);
  for (size_t i = 0; i <= N_EARLIER; i++)
    jv_dataset_free(&p->ds[i]);
  free(p);
  return 0;
}

static void assert_each_recomputed_once(const jv_history *h)
{
  assert_non_null(h->n_recomputed);
  for (size_t i = 0; i < N_EARLIER; i++)
    assert_int_equal(h->n_recomputed[i], 1);
}

/* Three trends and repeated asks: each earlier year made once, the same one
 * returned every time. */
static void trends_recompute_each_year_once(void **state)
{
  project *p = *state;
  jv_history *h = &p->h;
  jv_error err;
  jv_error_clear(&err);
  const jv_series *s;
  assert_int_equal(jv_history_trend(h, JV_IND_RELATIEF, true, &s, &err), JV_OK);
  assert_int_equal(jv_history_trend(h, JV_IND_RELATIEF, false, &s, &err), JV_OK);
  assert_int_equal(jv_history_trend(h, JV_IND_ABSOLUUT, true, &s, &err), JV_OK);
  assert_each_recomputed_once(h);
  for (size_t i = 0; i < N_EARLIER; i++) {
    const jv_recomputed *a = NULL, *b = NULL;
    assert_int_equal(jv_history_recomputed(h, &p->ds[i], &a, &err), JV_OK);
    assert_int_equal(jv_history_recomputed(h, &p->ds[i], &b, &err), JV_OK);
    assert_ptr_equal(a, b);
    assert_ptr_equal(a, &h->rec[i]);
  }
  assert_each_recomputed_once(h);
}

/* The cached year against a fresh jv_recompute of it: every value, the
 * notes, and the trend's point (the region rate of those values). */
static void cached_equals_uncached(void **state)
{
  project *p = *state;
  jv_history *h = &p->h;
  jv_error err;
  jv_error_clear(&err);
  const jv_series *trend;
  assert_int_equal(jv_history_trend(h, JV_IND_RELATIEF, true, &trend, &err), JV_OK);
  for (size_t i = 0; i < N_EARLIER; i++) {
    const jv_recomputed *c;
    jv_recomputed fresh;
    assert_int_equal(jv_history_recomputed(h, &p->ds[i], &c, &err), JV_OK);
    assert_int_equal(jv_recompute(&fresh, &p->ds[i], &p->ds[N_EARLIER], &h->changes, &err), JV_OK);
    assert_int_equal(c->ds.n_munis, fresh.ds.n_munis);
    assert_int_equal(c->ds.year.start, p->ds[i].year.start);
    for (size_t m = 0; m < fresh.ds.n_munis; m++) {
      assert_string_equal(c->ds.munis[m].code, fresh.ds.munis[m].code);
      for (int ind = 0; ind < JV_IND_COUNT; ind++) {
        assert_int_equal(c->ds.munis[m].values[ind].kind, fresh.ds.munis[m].values[ind].kind);
        assert_true(c->ds.munis[m].values[ind].count == fresh.ds.munis[m].values[ind].count);
      }
      assert_true((c->note[m] == NULL) == (fresh.note[m] == NULL));
    }
    assert_non_null(fresh.region_note); /* Samen met Vi is left out */
    assert_string_equal(c->region_note, fresh.region_note);
    jv_rate r;
    jv_stats_region_rate(&fresh.ds, JV_IND_RELATIEF, JV_IND_LPL_5_17, &r);
    double v;
    assert_true(jv_series_value(trend, p->ds[i].year, &v));
    assert_true(v == (double)r.tenths / 10.0);
    jv_recomputed_free(&fresh);
  }
}

/* The report year, or a data set that is not one of h's years, is refused. */
static void only_earlier_years(void **state)
{
  project *p = *state;
  jv_error err;
  jv_error_clear(&err);
  const jv_recomputed *r = NULL;
  assert_int_equal(jv_history_recomputed(&p->h, &p->ds[N_EARLIER], &r, &err), JV_EUSAGE);
  jv_dataset other;
  year(&other, 2015, 2018);
  assert_int_equal(jv_history_recomputed(&p->h, &other, &r, &err), JV_EUSAGE);
  jv_dataset_free(&other);
  assert_null(r);
}

/* A template of six key-figure cards, two per earlier year, composed: each
 * year recomputed once, by the cards alone (no trend asked for it first),
 * and each card shows the region total of a fresh recompute of its year. */
static void cards_recompute_each_year_once(void **state)
{
  project *p = *state;
  char dir[64], path[96];
  snprintf(dir, sizeof(dir), "/tmp/jv_history_cache.XXXXXX");
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/t.md", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("---\ntitel: Test\n---\n\n"
        "::kerncijfer{indicator=relatief_verzuim jaar=-1}\n"
        "::kerncijfer{indicator=relatief_verzuim jaar=-2}\n"
        "::kerncijfer{indicator=relatief_verzuim jaar=-3}\n"
        "::kerncijfer{indicator=absoluut_verzuim jaar=2017-2018}\n"
        "::kerncijfer{indicator=absoluut_verzuim jaar=2016-2017}\n"
        "::kerncijfer{indicator=absoluut_verzuim jaar=2015-2016}\n",
        f);
  assert_int_equal(fclose(f), 0);
  jv_tpl tpl;
  jv_tpl_init(&tpl);
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_template_read(&tpl, path, &err), JV_OK);
  /* card_year finds earlier years in the project: give it the same ones */
  jv_history *h = &p->h;
  h->project.years = p->ds;
  h->project.n_years = N_EARLIER;
  jv_series_set series;
  jv_series_set_init(&series);
  jv_tpl_compose_opts o = {.tpl = &tpl,
                           .ds = &p->ds[N_EARLIER],
                           .series = &series,
                           .width = 400,
                           .charts = 1,
                           .history = h};
  jv_doc doc;
  jv_doc_init(&doc);
  assert_int_equal(jv_compose_template(&o, &doc, &err), JV_OK);
  h->project.years = NULL; /* p owns them */
  h->project.n_years = 0;
  assert_int_equal(h->n_trends, 0);
  assert_each_recomputed_once(h);
  const char *alt = NULL; /* the key-figure panel's text alternative */
  size_t figures = 0;
  for (size_t i = 0; i < doc.n_blocks; i++)
    if (doc.blocks[i].kind == JV_BLK_FIGURE) {
      figures++;
      alt = doc.blocks[i].figure->alt;
    }
  assert_int_equal(figures, 1);
  assert_non_null(alt);
  const jv_indicator ind[6] = {JV_IND_RELATIEF, JV_IND_RELATIEF, JV_IND_RELATIEF,
                               JV_IND_ABSOLUUT, JV_IND_ABSOLUUT, JV_IND_ABSOLUUT};
  const size_t y[6] = {2, 1, 0, 2, 1, 0};
  const char *at = alt;
  for (size_t k = 0; k < 6; k++) {
    jv_recomputed fresh;
    assert_int_equal(jv_recompute(&fresh, &p->ds[y[k]], &p->ds[N_EARLIER], &h->changes, &err),
                     JV_OK);
    char value[32], ys[16], want[128];
    jv_format_value(jv_stats_total(&fresh.ds, ind[k]), value, sizeof(value));
    jv_schoolyear_format(fresh.ds.year, ys, sizeof(ys));
    snprintf(want, sizeof(want), " %s %s in %s", value, jv_indicator_label(ind[k]), ys);
    const char *hit = strstr(at, want);
    if (!hit)
      fail_msg("'%s' not in '%s'", want, alt);
    at = hit + strlen(want);
    jv_recomputed_free(&fresh);
  }
  jv_doc_free(&doc);
  jv_series_set_free(&series);
  jv_tpl_free(&tpl);
  assert_int_equal(unlink(path), 0);
  assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(trends_recompute_each_year_once, setup, teardown),
      cmocka_unit_test_setup_teardown(cached_equals_uncached, setup, teardown),
      cmocka_unit_test_setup_teardown(only_earlier_years, setup, teardown),
      cmocka_unit_test_setup_teardown(cards_recompute_each_year_once, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
