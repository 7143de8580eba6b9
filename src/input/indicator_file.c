/* indicator_file.c - header and row rules of one data file. */
#include "input/indicator_file.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/value_parse.h"
#include "util/suggest.h"

/* Trims ASCII space in place; unquoted fields come trimmed, quoted ones not. */
static char *trim_inplace(char *s)
{
  size_t n = strlen(s), start = 0;
  while (start < n && isspace((unsigned char)s[start]))
    start++;
  while (n > start && isspace((unsigned char)s[n - 1]))
    n--;
  memmove(s, s + start, n - start);
  s[n - start] = '\0';
  return s;
}

void jv_indicator_file_free(jv_indicator_file *f)
{
  if (!f)
    return;
  jv_csv_table_free(&f->table);
  free(f->rows);
  memset(f, 0, sizeof(*f));
}

static jv_status unknown_column(const jv_indicator_file *f, const jv_csv_field *h,
                                const char *lower, jv_error *err)
{
  const char *cands[JV_IND_COUNT + 2];
  size_t n = 0;
  cands[n++] = "cbs_code";
  cands[n++] = "gemeente";
  for (int i = 0; i < JV_IND_COUNT; i++)
    cands[n++] = jv_indicator_name((jv_indicator)i);
  const char *near = jv_suggest_closest(lower, cands, n);
  return jv_error_set(err, JV_EDATA, f->table.name, h->line, h->column,
                      "unknown column '%s': expected cbs_code, gemeente or an indicator "
                      "name%s%s%s ('jaarverslag indicators' lists them all)",
                      h->text, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

static jv_status read_header(jv_indicator_file *f, jv_error *err)
{
  const jv_csv_row *h = &f->table.rows[0];
  const char *file = f->table.name;
  int code_at = 0, name_at = 0; /* 1-based column, 0 = absent */
  int ind_at[JV_IND_COUNT] = {0};
  for (size_t i = 0; i < h->n_fields; i++) {
    jv_csv_field *fld = &h->fields[i];
    char *name = trim_inplace(fld->text);
    for (char *p = name; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    jv_indicator ind;
    int *slot = NULL;
    if (!name[0])
      return jv_error_set(err, JV_EDATA, file, fld->line, fld->column,
                          "empty column name: every column needs a name (cbs_code, gemeente "
                          "or an indicator name)");
    if (strcmp(name, "cbs_code") == 0)
      slot = &code_at;
    else if (strcmp(name, "gemeente") == 0)
      slot = &name_at;
    else if (jv_indicator_from_name(name, &ind) == 0)
      slot = &ind_at[ind];
    else
      return unknown_column(f, fld, name, err);
    if (*slot)
      return jv_error_set(err, JV_EDATA, file, fld->line, fld->column,
                          "column '%s' appears twice in the header (also column %d)", name, *slot);
    *slot = fld->column;
    if (slot == &code_at)
      f->col_code = i;
    else if (slot == &name_at)
      f->col_name = i;
    else {
      f->inds[f->n_ind] = ind;
      f->ind_col[f->n_ind] = i;
      f->n_ind++;
    }
  }
  if (!code_at)
    return jv_error_set(err, JV_EDATA, file, h->line, 1,
                        "no column cbs_code in the header: a data file has the columns "
                        "cbs_code,gemeente and then indicator names");
  if (!name_at)
    return jv_error_set(err, JV_EDATA, file, h->line, 1,
                        "no column gemeente in the header: a data file has the columns "
                        "cbs_code,gemeente and then indicator names");
  if (f->n_ind == 0)
    return jv_error_set(err, JV_EDATA, file, h->line, (int)h->n_fields + 1,
                        "no indicator columns: after cbs_code,gemeente name one or more "
                        "indicators ('jaarverslag indicators' lists them)");
  return JV_OK;
}

jv_status jv_indicator_file_open(jv_indicator_file *out, const char *path, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_status st = jv_csv_table_read(&out->table, path, err);
  if (st != JV_OK)
    return st;
  const char *slash = strrchr(out->table.name, '/');
  out->base = slash ? slash + 1 : out->table.name;
  st = read_header(out, err);
  if (st != JV_OK)
    jv_indicator_file_free(out);
  return st;
}

static int names_equal(const char *a, const char *b)
{
  char *na = jv_gemeenten_normalize(a), *nb = jv_gemeenten_normalize(b);
  int eq = na && nb && strcmp(na, nb) == 0;
  free(na);
  free(nb);
  return eq;
}

/* A row with cbs_code 'totaal' or empty: the region total, or a forgotten code. */
static jv_status total_row(jv_indicator_file *f, jv_indicator_row *row, const jv_gemeenten *geo,
                           const char *region, jv_error *err)
{
  const jv_csv_field *code = &row->src->fields[f->col_code];
  const jv_csv_field *name = &row->src->fields[f->col_name];
  const char *file = f->table.name;
  if (names_equal(row->name, region) || strcasecmp(row->name, "totaal") == 0) {
    for (size_t i = 0; i < f->n_rows; i++)
      if (f->rows[i].is_total)
        return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                            "a second region-total row (the first is on line %d)",
                            f->rows[i].src->line);
    row->is_total = true;
    return JV_OK;
  }
  if (code->text[0]) /* 'totaal' beside some other name */
    return jv_error_set(err, JV_EDATA, file, name->line, name->column,
                        "the region-total row names '%s': expected the region name '%s' "
                        "from regio.csv (or 'totaal')",
                        row->name, region);
  const jv_gemeente *gm = jv_gemeenten_find_name(geo, row->name);
  if (gm)
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "empty cbs_code for '%s': expected %s", row->name, gm->code);
  return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                      "empty cbs_code: expected a CBS code such as GM0505, or 'totaal' in "
                      "the row with the region total (gemeente '%s')",
                      region);
}

static jv_status municipality_row(jv_indicator_file *f, jv_indicator_row *row,
                                  const jv_gemeenten *geo, jv_error *err)
{
  const jv_csv_field *code = &row->src->fields[f->col_code];
  const jv_csv_field *name = &row->src->fields[f->col_name];
  const char *file = f->table.name;
  if (!jv_cbs_code_valid(code->text))
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "'%s' is not a CBS municipality code: expected GM and 4 digits, such "
                        "as GM0505 (a spreadsheet may have dropped the letters or leading "
                        "zeros)",
                        code->text);
  const jv_gemeente *by_name = jv_gemeenten_find_name(geo, row->name);
  row->gm = jv_gemeenten_find_code(geo, code->text);
  if (!row->gm) {
    char hint[800] = "";
    jv_gemeenten_code_hint(geo, code->text, hint, sizeof(hint));
    if (by_name && !hint[0])
      snprintf(hint, sizeof(hint), "; '%s' is %s there", by_name->name, by_name->code);
    return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                        "%s is not a municipality in the CBS indeling %d (regio.csv)%s", code->text,
                        geo->year, hint);
  }
  if (!row->name[0])
    return jv_error_set(err, JV_EDATA, file, name->line, name->column,
                        "empty gemeente: expected '%s' for %s", row->gm->name, row->gm->code);
  if (!jv_gemeenten_name_matches(geo, row->gm, row->name)) {
    char hint[160] = "";
    if (by_name)
      snprintf(hint, sizeof(hint), " ('%s' is %s)", by_name->name, by_name->code);
    return jv_error_set(err, JV_EDATA, file, name->line, name->column,
                        "gemeente '%s' does not match %s, which is '%s' in the CBS indeling "
                        "%d%s: correct the name or the code",
                        row->name, row->gm->code, row->gm->name, geo->year, hint);
  }
  for (size_t i = 0; i < f->n_rows; i++)
    if (f->rows[i].gm == row->gm)
      return jv_error_set(err, JV_EDATA, file, code->line, code->column,
                          "%s (%s) appears twice in this file (first on line %d)", code->text,
                          row->gm->name, f->rows[i].src->line);
  return JV_OK;
}

static jv_status row_values(jv_indicator_file *f, jv_indicator_row *row, jv_error *err)
{
  for (size_t k = 0; k < f->n_ind; k++) {
    const jv_csv_field *cell = &row->src->fields[f->ind_col[k]];
    jv_loc at = {.line = cell->line, .column = cell->column};
    snprintf(at.file, sizeof(at.file), "%s", f->table.name);
    jv_status st = jv_value_parse(&row->values[f->inds[k]], cell->text, &at, err);
    if (st != JV_OK)
      return st;
  }
  return JV_OK;
}

jv_status jv_indicator_file_read_rows(jv_indicator_file *f, const jv_gemeenten *geo,
                                      const char *region_name, jv_error *err)
{
  const jv_csv_table *t = &f->table;
  const jv_csv_row *h = &t->rows[0];
  f->rows = calloc(t->n_rows, sizeof(*f->rows));
  if (!f->rows)
    return jv_error_set(err, JV_EINTERNAL, t->name, 0, 0, "out of memory");
  for (size_t r = 1; r < t->n_rows; r++) {
    jv_csv_row *src = &t->rows[r];
    /* csv_table guarantees no more fields than the header; fewer is an error here */
    if (src->n_fields < h->n_fields) {
      const jv_csv_field *missing = &h->fields[src->n_fields];
      return jv_error_set(err, JV_EDATA, t->name, src->line, (int)src->n_fields + 1,
                          "the row ends after %zu fields but the header has %zu: no value "
                          "for '%s'",
                          src->n_fields, h->n_fields, missing->text);
    }
    jv_indicator_row *row = &f->rows[f->n_rows];
    row->src = src;
    trim_inplace(src->fields[f->col_code].text);
    row->name = trim_inplace(src->fields[f->col_name].text);
    const char *code = src->fields[f->col_code].text;
    jv_status st = (!code[0] || strcasecmp(code, "totaal") == 0)
                       ? total_row(f, row, geo, region_name, err)
                       : municipality_row(f, row, geo, err);
    if (st == JV_OK)
      st = row_values(f, row, err);
    if (st != JV_OK)
      return st;
    f->n_rows++;
  }
  return JV_OK;
}
