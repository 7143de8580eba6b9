/* herindeling_read.c - herindelingen.csv into a jv_herindelingen. */
#include "input/herindeling_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/csv_table.h"
#include "model/model.h"

enum { C_DATUM, C_SOORT, C_OJ, C_OC, C_ON, C_NJ, C_NC, C_NN, C_AANDEEL, C_COUNT };
static const char *const col_names[C_COUNT] = {"datum",      "soort",      "oud_jaar",
                                               "oud_code",   "oud_naam",   "nieuw_jaar",
                                               "nieuw_code", "nieuw_naam", "aandeel"};

static jv_status bad(jv_error *err, const char *file, const jv_csv_field *f, const char *what)
{
  return jv_error_set(err, JV_EDATA, file, f->line, f->column, "'%s': expected %s", f->text, what);
}

static jv_status parse_row(jv_herindeling *r, const jv_csv_row *row, const size_t *col,
                           const char *file, jv_error *err)
{
  const jv_csv_field *f[C_COUNT];
  for (int c = 0; c < C_COUNT; c++) {
    if (col[c] >= row->n_fields)
      return jv_error_set(err, JV_EDATA, file, row->line, (int)row->n_fields + 1,
                          "the row has no %s", col_names[c]);
    f[c] = &row->fields[col[c]];
  }
  int y, m, d;
  char end;
  if (strlen(f[C_DATUM]->text) != 10 ||
      sscanf(f[C_DATUM]->text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return bad(err, file, f[C_DATUM], "a date YYYY-MM-DD");
  memcpy(r->date, f[C_DATUM]->text, 11);
  if (jv_herindeling_kind_parse(f[C_SOORT]->text, &r->kind) != 0)
    return bad(err, file, f[C_SOORT], "samenvoeging, splitsing, naamswijziging or grenscorrectie");
  const int yc[2] = {C_OJ, C_NJ}, cc[2] = {C_OC, C_NC};
  int *years[2] = {&r->old_year, &r->new_year};
  char *codes[2] = {r->old_code, r->new_code};
  for (int k = 0; k < 2; k++) {
    char *e;
    long v = strtol(f[yc[k]]->text, &e, 10);
    if (*e || v < 1800 || v > 2999)
      return bad(err, file, f[yc[k]], "a year");
    *years[k] = (int)v;
    if (!jv_cbs_code_valid(f[cc[k]]->text))
      return bad(err, file, f[cc[k]], "a CBS code such as GM0505");
    memcpy(codes[k], f[cc[k]]->text, 7);
  }
  if (r->new_year <= r->old_year)
    return bad(err, file, f[C_NJ], "a year after oud_jaar");
  char *e;
  r->share = strtod(f[C_AANDEEL]->text, &e);
  if (*e || !(r->share > 0 && r->share <= 1))
    return bad(err, file, f[C_AANDEEL], "a share above 0 and at most 1, such as 0.352");
  r->old_name = f[C_ON]->text;
  r->new_name = f[C_NN]->text;
  return JV_OK;
}

jv_status jv_herindelingen_read(jv_herindelingen *out, const char *path, jv_error *err)
{
  jv_herindelingen_init(out);
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  size_t col[C_COUNT];
  const jv_csv_row *h = &t.rows[0];
  for (int c = 0; c < C_COUNT && st == JV_OK; c++) {
    col[c] = h->n_fields;
    for (size_t i = 0; i < h->n_fields; i++)
      if (strcmp(h->fields[i].text, col_names[c]) == 0)
        col[c] = i;
    if (col[c] == h->n_fields)
      st = jv_error_set(err, JV_EDATA, path, 1, 0, "no column %s", col_names[c]);
  }
  for (size_t i = 1; i < t.n_rows && st == JV_OK; i++) {
    jv_herindeling r;
    st = parse_row(&r, &t.rows[i], col, path, err);
    if (st == JV_OK && jv_herindelingen_add(out, &r) != JV_OK)
      st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  jv_csv_table_free(&t);
  if (st != JV_OK)
    jv_herindelingen_free(out);
  return st;
}
