/* project_years.c - project.csv and the earlier school years of a project. */
#include "input/project_years.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/csv_table.h"
#include "input/dataset_read.h"
#include "util/suggest.h"
#include "util/text.h"

enum { S_REGIO, S_REGIOCODE, S_ORGANISATIE, S_LOGO, S_KLEUR, S_COUNT };
static const char *const setting_names[S_COUNT] = {"regio", "regiocode", "organisatie", "logo",
                                                   "kleur"};

void jv_project_settings_free(jv_project_settings *s)
{
  free(s->regio);
  free(s->regiocode);
  free(s->organisatie);
  free(s->logo);
  free(s->kleur);
  memset(s, 0, sizeof(*s));
}

static char **setting_slot(jv_project_settings *s, int k)
{
  char **slots[S_COUNT] = {&s->regio, &s->regiocode, &s->organisatie, &s->logo, &s->kleur};
  return slots[k];
}

static jv_status settings_row(jv_project_settings *out, const jv_csv_table *t, size_t r,
                              int *line_of, jv_error *err)
{
  const jv_csv_row *row = &t->rows[r];
  if (row->n_fields < 2)
    return jv_error_set(err, JV_EDATA, t->name, row->line, (int)row->n_fields + 1,
                        "expected veld,waarde");
  char key[64];
  jv_trim_copy(key, sizeof(key), row->fields[0].text);
  int k = 0;
  while (k < S_COUNT && strcasecmp(key, setting_names[k]) != 0)
    k++;
  if (k == S_COUNT) {
    const char *near = jv_suggest_closest(key, setting_names, S_COUNT);
    return jv_error_set(err, JV_EDATA, t->name, row->line, 1,
                        "unknown veld '%s'%s%s%s: expected regio, regiocode, organisatie, logo "
                        "or kleur",
                        key, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
  }
  if (line_of[k])
    return jv_error_set(err, JV_EDATA, t->name, row->line, 1,
                        "veld '%s' is given twice (first on line %d)", key, line_of[k]);
  line_of[k] = row->line;
  char value[1024];
  jv_trim_copy(value, sizeof(value), row->fields[1].text);
  if (!value[0])
    return JV_OK; /* an empty value means: not given */
  if (!(*setting_slot(out, k) = strdup(value)))
    return jv_error_set(err, JV_EINTERNAL, t->name, 0, 0, "out of memory");
  return JV_OK;
}

jv_status jv_project_settings_read(jv_project_settings *out, const char *path, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st)
    return st;
  const jv_csv_row *h = &t.rows[0];
  if (h->n_fields != 2 || strcasecmp(h->fields[0].text, "veld") != 0 ||
      strcasecmp(h->fields[1].text, "waarde") != 0)
    st = jv_error_set(err, JV_EDATA, path, h->line, 1,
                      "expected the header veld,waarde (then rows such as "
                      "organisatie,Leerplicht Zuid-Holland Zuid)");
  int line_of[S_COUNT] = {0};
  for (size_t r = 1; r < t.n_rows && !st; r++)
    st = settings_row(out, &t, r, line_of, err);
  jv_csv_table_free(&t);
  if (st)
    jv_project_settings_free(out);
  return st;
}

void jv_project_years_init(jv_project_years *p)
{
  memset(p, 0, sizeof(*p));
}

void jv_project_years_free(jv_project_years *p)
{
  for (size_t i = 0; i < p->n_years; i++)
    jv_dataset_free(&p->years[i]);
  free(p->years);
  free(p->root);
  jv_project_settings_free(&p->settings);
  jv_project_years_init(p);
}

/* The folder holding data_dir: "p/2019-2020/" -> "p", "2019-2020" -> ".". */
static char *parent_of(const char *data_dir)
{
  size_t len = strlen(data_dir);
  while (len > 1 && data_dir[len - 1] == '/')
    len--;
  while (len > 0 && data_dir[len - 1] != '/')
    len--;
  while (len > 1 && data_dir[len - 1] == '/')
    len--;
  if (len == 0)
    return strdup(".");
  char *p = malloc(len + 1);
  if (p) {
    memcpy(p, data_dir, len);
    p[len] = '\0';
  }
  return p;
}

static int cmp_name(const void *a, const void *b)
{
  return strcmp(a, b);
}

static int cmp_year(const void *a, const void *b)
{
  const jv_dataset *x = a, *y = b;
  return (x->year.start > y->year.start) - (x->year.start < y->year.start);
}

static jv_status add_year(jv_project_years *p, const char *dir, jv_schoolyear before,
                          const char *gemeenten_dir, jv_diags *warn, jv_error *err)
{
  jv_dataset ds;
  jv_error e;
  jv_error_clear(&e);
  jv_status st = jv_dataset_read_dir(&ds, dir, gemeenten_dir, &e);
  if (st == JV_EINTERNAL)
    return jv_error_set(err, st, e.loc.file, e.loc.line, e.loc.column, "%s", e.msg);
  if (st) {
    if (warn && jv_diags_add(warn, e.loc.file[0] ? e.loc.file : dir, e.loc.line, e.loc.column,
                             "earlier school year left out of the comparisons: %s", e.msg))
      return jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
    return JV_OK;
  }
  if (ds.year.start >= before.start || jv_project_years_find(p, ds.year)) {
    if (ds.year.start < before.start && warn &&
        jv_diags_add(warn, dir, 0, 0, "a second folder for school year %d-%d: left out",
                     ds.year.start, ds.year.start + 1)) {
      jv_dataset_free(&ds);
      return jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
    }
    jv_dataset_free(&ds);
    return JV_OK;
  }
  jv_dataset *n = realloc(p->years, (p->n_years + 1) * sizeof(*n));
  if (!n) {
    jv_dataset_free(&ds);
    return jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  }
  p->years = n;
  p->years[p->n_years++] = ds;
  return JV_OK;
}

jv_status jv_project_years_read(jv_project_years *out, const char *data_dir, jv_schoolyear before,
                                const char *gemeenten_dir, jv_diags *warn, jv_error *err)
{
  jv_project_years_init(out);
  if (!(out->root = parent_of(data_dir)))
    return jv_error_set(err, JV_EINTERNAL, data_dir, 0, 0, "out of memory");
  char path[PATH_MAX];
  struct stat sb;
  snprintf(path, sizeof(path), "%s/project.csv", out->root);
  jv_status st = JV_OK;
  if (stat(path, &sb) == 0) {
    st = jv_project_settings_read(&out->settings, path, err);
    out->has_settings = st == JV_OK;
  }
  /* year folders in name order, so warnings come in the same order always */
  char names[64][16];
  size_t n = 0;
  DIR *d = st ? NULL : opendir(out->root);
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL && n < 64) {
    jv_schoolyear y;
    if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof(names[0]) ||
        jv_schoolyear_parse(e->d_name, &y) != 0 || y.start >= before.start)
      continue;
    snprintf(path, sizeof(path), "%s/%s", out->root, e->d_name);
    if (jv_dataset_dir_probe(path)) /* regio.csv, or a workbook (init --werkmap) */
      snprintf(names[n++], sizeof(names[0]), "%s", e->d_name);
  }
  if (d)
    closedir(d);
  qsort(names, n, sizeof(names[0]), cmp_name);
  for (size_t i = 0; i < n && !st; i++) {
    snprintf(path, sizeof(path), "%s/%s", out->root, names[i]);
    st = add_year(out, path, before, gemeenten_dir, warn, err);
  }
  if (st) {
    jv_project_years_free(out);
    return st;
  }
  if (out->n_years > 1)
    qsort(out->years, out->n_years, sizeof(*out->years), cmp_year);
  return JV_OK;
}

const jv_dataset *jv_project_years_previous(const jv_project_years *p)
{
  return p->n_years ? &p->years[p->n_years - 1] : NULL;
}

const jv_dataset *jv_project_years_find(const jv_project_years *p, jv_schoolyear y)
{
  for (size_t i = 0; i < p->n_years; i++)
    if (p->years[i].year.start == y.start)
      return &p->years[i];
  return NULL;
}
