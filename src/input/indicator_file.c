/* indicator_file.c - finding and checking the header of one data file. */
#include "input/indicator_file.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/diag.h"
#include "util/suggest.h"
#include "util/text.h"

/* How many rows above the header may be titles. */
#define MAX_TITLE_ROWS 10

void jv_indicator_file_free(jv_indicator_file *f)
{
  if (!f)
    return;
  jv_csv_table_free(&f->table);
  free(f->rows);
  free(f->row_values);
  memset(f, 0, sizeof(*f));
}

/* Adds a located error to errs; JV_EINTERNAL only when out of memory. */
#define ADD(errs, fld, ...)                                                                        \
  jv_diags_add((errs), f->table.name, (fld)->line, (fld)->column, __VA_ARGS__)

static jv_status unknown_column(const jv_indicator_file *f, const jv_csv_field *h,
                                const char *lower, jv_diags *errs)
{
  const char *cands[JV_IND_COUNT + 2];
  size_t n = 0;
  cands[n++] = "cbs_code";
  cands[n++] = "gemeente";
  for (int i = 0; i < JV_IND_COUNT; i++)
    cands[n++] = jv_indicator_name((jv_indicator)i);
  const char *near = jv_suggest_closest(lower, cands, n);
  return ADD(errs, h,
             "unknown column '%s': expected cbs_code, gemeente or an indicator "
             "name%s%s%s ('jaarverslag indicators' lists them all)",
             h->text, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

/* Whether a row names cbs_code or gemeente in one of its cells. */
static int looks_like_header(const jv_csv_row *r)
{
  for (size_t i = 0; i < r->n_fields; i++) {
    char cell[32];
    jv_trim_copy(cell, sizeof(cell), r->fields[i].text);
    if (strcasecmp(cell, "cbs_code") == 0 || strcasecmp(cell, "gemeente") == 0)
      return 1;
  }
  return 0;
}

/* The header row: the first row, or the one row below title rows that names
 * cbs_code or gemeente. Two such rows with titles above: which one is meant
 * cannot be told. */
static jv_status find_header(jv_indicator_file *f, jv_diags *errs)
{
  const jv_csv_table *t = &f->table;
  f->header = 0;
  if (looks_like_header(&t->rows[0]))
    return JV_OK;
  size_t found = 0, n_found = 0, second = 0;
  for (size_t r = 1; r < t->n_rows && r <= MAX_TITLE_ROWS; r++)
    if (looks_like_header(&t->rows[r])) {
      if (n_found++ == 0)
        found = r;
      else if (n_found == 2)
        second = r;
    }
  if (n_found == 1) {
    f->header = found;
    return JV_OK;
  }
  if (n_found > 1) {
    jv_status st = jv_diags_add(errs, t->name, t->rows[found].line, 1,
                                "the header is not the first line, and lines %d and %d both "
                                "look like it (they name cbs_code or gemeente): remove the "
                                "title rows above the header",
                                t->rows[found].line, t->rows[second].line);
    return st ? st : JV_EDATA;
  }
  return JV_OK; /* no header anywhere: the first row's cells get the messages */
}

/* The column named name, or -1 when none. */
static int classify(const char *name, jv_indicator *ind)
{
  if (strcmp(name, "cbs_code") == 0)
    return 0;
  if (strcmp(name, "gemeente") == 0)
    return 1;
  return jv_indicator_from_name(name, ind) == 0 ? 2 : -1;
}

static jv_status read_header(jv_indicator_file *f, jv_diags *errs)
{
  jv_status st = find_header(f, errs);
  if (st != JV_OK)
    return st;
  jv_csv_table_drop_empty_columns(&f->table, f->header);
  const jv_csv_row *h = &f->table.rows[f->header];
  size_t n_err = errs->count;
  int code_at = 0, name_at = 0; /* 1-based column, 0 = absent */
  int ind_at[JV_IND_COUNT] = {0};
  for (size_t i = 0; i < h->n_fields && st == JV_OK; i++) {
    jv_csv_field *fld = &h->fields[i];
    char *name = jv_trim_inplace(fld->text);
    for (char *p = name; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    jv_indicator ind = 0;
    int kind = name[0] ? classify(name, &ind) : -1;
    if (!name[0]) {
      st = ADD(errs, fld,
               "empty column name: every column needs a name (cbs_code, gemeente or an "
               "indicator name)");
      continue;
    }
    if (kind < 0) {
      st = unknown_column(f, fld, name, errs);
      continue;
    }
    int *slot = kind == 0 ? &code_at : kind == 1 ? &name_at : &ind_at[ind];
    if (*slot) {
      st = ADD(errs, fld, "column '%s' appears twice in the header (also column %d)", name, *slot);
      continue;
    }
    *slot = fld->column;
    if (kind == 0)
      f->col_code = i;
    else if (kind == 1)
      f->col_name = i;
    else {
      f->inds[f->n_ind] = ind;
      f->ind_col[f->n_ind] = i;
      f->n_ind++;
    }
  }
  f->has_code = code_at != 0;
  const jv_csv_field at_start = {.line = h->line, .column = 1};
  const jv_csv_field at_end = {.line = h->line, .column = (int)h->n_fields + 1};
  if (!st && !name_at && !code_at)
    st = ADD(errs, &at_start,
             "no column gemeente (nor cbs_code) in the header: a data file has the columns "
             "cbs_code,gemeente (or one of them) and then indicator names");
  else if (!st && !name_at)
    st = ADD(errs, &at_start,
             "no column gemeente in the header: a data file has the columns "
             "cbs_code,gemeente and then indicator names");
  if (!st && f->n_ind == 0)
    st = ADD(errs, &at_end,
             "no indicator columns: after cbs_code,gemeente name one or more indicators "
             "('jaarverslag indicators' lists them)");
  if (st != JV_OK)
    return st;
  return errs->count > n_err ? JV_EDATA : JV_OK;
}

jv_status jv_indicator_file_from_table(jv_indicator_file *out, jv_csv_table *t, jv_diags *errs,
                                       jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->table = *t;
  memset(t, 0, sizeof(*t));
  const char *slash = strrchr(out->table.name, '/');
  out->base = slash ? slash + 1 : out->table.name;
  jv_status st = read_header(out, errs);
  if (st == JV_EINTERNAL)
    jv_error_set(err, st, out->table.name, 0, 0, "out of memory");
  if (st != JV_OK)
    jv_indicator_file_free(out);
  return st;
}

jv_status jv_indicator_file_open(jv_indicator_file *out, const char *path, jv_diags *errs,
                                 jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_csv_table t;
  jv_status st = jv_csv_table_read_flags(&t, path, JV_CSV_ANY_WIDTH, err);
  if (st == JV_EDATA) { /* the file as a whole is unreadable: one error */
    st = jv_diags_take(errs, st, err);
    return st ? jv_error_set(err, st, path, 0, 0, "out of memory") : JV_EDATA;
  }
  if (st != JV_OK)
    return st;
  return jv_indicator_file_from_table(out, &t, errs, err);
}
