/* corrections.c - reading and checking correction files, and applying the
 * ones of a data directory. */
#include "input/corrections.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/csv_table.h"
#include "input/value_parse.h"
#include "util/suggest.h"
#include "util/text.h"

typedef struct {
  const jv_csv_table *t;
  size_t col_code, col_name, col_date, col_reason; /* 0-based */
  size_t n_ind;
  jv_indicator inds[JV_IND_COUNT];
  size_t ind_col[JV_IND_COUNT];
} header;

static jv_status unknown_column(const jv_csv_table *t, const jv_csv_field *f, const char *name,
                                jv_error *err)
{
  const char *cands[JV_IND_COUNT + 4] = {"cbs_code", "gemeente", "datum", "reden"};
  size_t n = 4;
  for (int i = 0; i < JV_IND_COUNT; i++)
    cands[n++] = jv_indicator_name((jv_indicator)i);
  const char *near = jv_suggest_closest(name, cands, n);
  return jv_error_set(err, JV_EDATA, t->name, f->line, f->column,
                      "unknown column '%s': a correction file has cbs_code, gemeente, datum, "
                      "reden and indicator names%s%s%s",
                      f->text, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

static jv_status read_header(header *h, const jv_csv_table *t, jv_error *err)
{
  const jv_csv_row *row = &t->rows[0];
  static const char *const fixed[4] = {"cbs_code", "gemeente", "datum", "reden"};
  int at[4] = {0}; /* 1-based column of each fixed name, 0 = absent */
  int ind_at[JV_IND_COUNT] = {0};
  size_t *fixed_col[4] = {&h->col_code, &h->col_name, &h->col_date, &h->col_reason};
  memset(h, 0, sizeof(*h));
  h->t = t;
  for (size_t i = 0; i < row->n_fields; i++) {
    jv_csv_field *f = &row->fields[i];
    char *name = jv_trim_inplace(f->text);
    for (char *p = name; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    if (!name[0])
      return jv_error_set(err, JV_EDATA, t->name, f->line, f->column,
                          "empty column name: every column needs a name (cbs_code, gemeente, "
                          "datum, reden or an indicator name)");
    int *slot = NULL;
    jv_indicator ind = JV_IND_COUNT;
    for (int k = 0; k < 4 && !slot; k++)
      if (strcmp(name, fixed[k]) == 0) {
        slot = &at[k];
        *fixed_col[k] = i;
      }
    if (!slot && jv_indicator_from_name(name, &ind) == 0)
      slot = &ind_at[ind];
    if (!slot)
      return unknown_column(t, f, name, err);
    if (*slot)
      return jv_error_set(err, JV_EDATA, t->name, f->line, f->column,
                          "column '%s' appears twice in the header (also column %d)", name, *slot);
    *slot = f->column;
    if (ind != JV_IND_COUNT) {
      h->inds[h->n_ind] = ind;
      h->ind_col[h->n_ind++] = i;
    }
  }
  for (int k = 0; k < 4; k++)
    if (!at[k])
      return jv_error_set(err, JV_EDATA, t->name, row->line, 1,
                          "no column %s in the header: a correction file has the columns "
                          "cbs_code, gemeente, datum, reden and the indicators it corrects",
                          fixed[k]);
  if (h->n_ind == 0)
    return jv_error_set(err, JV_EDATA, t->name, row->line, (int)row->n_fields + 1,
                        "no indicator columns: name the figures to correct, such as "
                        "absoluut_verzuim ('jaarverslag indicators' lists them)");
  return JV_OK;
}

/* The municipality of a row: a listed code whose name matches. */
static jv_status row_municipality(const header *h, const jv_csv_row *r, const jv_gemeenten *geo,
                                  const jv_gemeente **out, jv_error *err)
{
  const char *file = h->t->name;
  const jv_csv_field *code = &r->fields[h->col_code];
  const jv_csv_field *name = &r->fields[h->col_name];
  const char *c = jv_trim_inplace(code->text), *n = jv_trim_inplace(name->text);
  if (!c[0] || strcasecmp(c, "totaal") == 0)
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "%s: a correction names a municipality (GM and 4 digits); region "
                        "totals are computed from the municipalities",
                        c[0] ? "'totaal'" : "empty cbs_code");
  if (!jv_cbs_code_valid(c))
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "'%s' is not a CBS municipality code: expected GM and 4 digits, such "
                        "as GM0505",
                        c);
  const jv_gemeente *gm = jv_gemeenten_find_code(geo, c);
  if (!gm) {
    const jv_gemeente *by_name = jv_gemeenten_find_name(geo, n);
    char hint[160] = "";
    if (by_name)
      snprintf(hint, sizeof(hint), "; '%s' is %s there", by_name->name, by_name->code);
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "unknown municipality %s: not in the CBS indeling %d (regio.csv)%s", c,
                        geo->year, hint);
  }
  if (!n[0])
    return jv_error_set(err, JV_EDATA, file, name->line, name->column,
                        "empty gemeente: expected '%s' for %s", gm->name, gm->code);
  if (!jv_gemeenten_name_matches(geo, gm, n))
    return jv_error_set(err, JV_EDATA, file, name->line, name->column,
                        "gemeente '%s' does not match %s, which is '%s' in the CBS indeling "
                        "%d: correct the name or the code",
                        n, gm->code, gm->name, geo->year);
  *out = gm;
  return JV_OK;
}

static void loc_of(jv_loc *at, const char *file, const jv_csv_field *f)
{
  *at = (jv_loc){.line = f->line, .column = f->column};
  snprintf(at->file, sizeof(at->file), "%s", file);
}

static jv_status read_row(const header *h, const jv_csv_row *r, const jv_gemeenten *geo,
                          jv_correction_set *out, jv_error *err)
{
  const char *file = h->t->name;
  const jv_csv_row *hdr = &h->t->rows[0];
  if (r->n_fields < hdr->n_fields)
    return jv_error_set(err, JV_EDATA, file, r->line, (int)r->n_fields + 1,
                        "the row ends after %zu fields but the header has %zu: no value for "
                        "'%s'",
                        r->n_fields, hdr->n_fields, hdr->fields[r->n_fields].text);
  const jv_gemeente *gm = NULL;
  jv_status st = row_municipality(h, r, geo, &gm, err);
  if (st != JV_OK)
    return st;
  jv_correction c;
  memset(&c, 0, sizeof(c));
  snprintf(c.code, sizeof(c.code), "%s", gm->code);
  const jv_csv_field *date = &r->fields[h->col_date];
  const char *d = jv_trim_inplace(date->text);
  if (jv_date_parse(d, &c.date) != 0)
    return jv_error_set(err, JV_EDATA, file, date->line, date->column,
                        "'%s' is not a date: expected the day the correction was sent as "
                        "YYYY-MM-DD, such as 2018-10-01",
                        d);
  const jv_csv_field *reason = &r->fields[h->col_reason];
  c.reason = jv_trim_inplace(reason->text);
  if (!c.reason[0])
    return jv_error_set(err, JV_EDATA, file, reason->line, reason->column,
                        "empty reden: say why the figure changed (for example 'dubbeltelling "
                        "verwijderd'); the report lists it");
  size_t given = 0;
  for (size_t k = 0; k < h->n_ind; k++) {
    const jv_csv_field *cell = &r->fields[h->ind_col[k]];
    if (!jv_trim_inplace(cell->text)[0])
      continue; /* this figure is not corrected */
    loc_of(&c.where, file, cell);
    c.ind = h->inds[k];
    st = jv_value_parse(&c.value, cell->text, &c.where, err);
    if (st != JV_OK)
      return st;
    if (jv_correction_set_add(out, &c) != JV_OK)
      return jv_error_set(err, JV_EINTERNAL, file, 0, 0, "out of memory");
    given++;
  }
  if (given == 0) {
    const jv_csv_field *first = &r->fields[h->ind_col[0]];
    return jv_error_set(err, JV_EDATA, file, first->line, first->column,
                        "nothing to correct for %s (%s): fill in at least one figure; empty "
                        "cells leave a figure as it was",
                        gm->code, gm->name);
  }
  return JV_OK;
}

jv_status jv_corrections_read_file(jv_correction_set *out, const char *path,
                                   const jv_gemeenten *geo, jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  header h;
  st = read_header(&h, &t, err);
  for (size_t r = 1; r < t.n_rows && st == JV_OK; r++)
    st = read_row(&h, &t.rows[r], geo, out, err);
  jv_csv_table_free(&t);
  return st;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_correction_file(const char *name)
{
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* The correction files of dir, sorted so that results never depend on the
 * order readdir returns them in. */
static jv_status list_files(const char *dir, char ***out, size_t *n_out, jv_error *err)
{
  *out = NULL;
  *n_out = 0;
  DIR *d = opendir(dir);
  if (!d)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "cannot read the corrections directory: %s",
                        strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  jv_status st = JV_OK;
  struct dirent *e;
  while (st == JV_OK && (e = readdir(d)) != NULL) {
    if (!is_correction_file(e->d_name))
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      char **nn = realloc(names, cap * sizeof(*nn));
      if (!nn) {
        st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
        break;
      }
      names = nn;
    }
    if (!(names[n] = strdup(e->d_name)))
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
    else
      n++;
  }
  closedir(d);
  if (n > 1)
    qsort(names, n, sizeof(*names), cmp_str);
  *out = names;
  *n_out = n;
  return st;
}

jv_status jv_corrections_apply_dir(jv_dataset *ds, const char *data_dir, const jv_gemeenten *geo,
                                   jv_error *err)
{
  char dir[PATH_MAX];
  if (snprintf(dir, sizeof(dir), "%s/%s", data_dir, JV_CORRECTIONS_DIR) >= (int)sizeof(dir))
    return jv_error_set(err, JV_ENOINPUT, data_dir, 0, 0, "path too long");
  struct stat sb;
  if (stat(dir, &sb) != 0)
    return JV_OK; /* no corrections: the figures as delivered */
  if (!S_ISDIR(sb.st_mode))
    return jv_error_set(err, JV_EDATA, dir, 0, 0,
                        "expected a directory of correction files (*.csv), found a file");
  char **names;
  size_t n;
  jv_correction_set *set = calloc(1, sizeof(*set));
  if (!set)
    return jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  jv_status st = list_files(dir, &names, &n, err);
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >= (int)sizeof(path))
      st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
    else
      st = jv_corrections_read_file(set, path, geo, err);
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  if (st == JV_OK)
    st = jv_correction_apply(ds, set, err);
  if (st == JV_OK && set->n > 0 && !ds->corrections) {
    ds->corrections = set;
    return JV_OK;
  }
  for (size_t i = 0; i < set->n && st == JV_OK; i++) /* applied once more */
    if (jv_correction_set_add(ds->corrections, &set->items[i]) != JV_OK)
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  jv_correction_set_free(set);
  free(set);
  return st;
}
