/* indicator_rows.c - the row rules of one data file: which municipality
 * (by code, by name or both), the total row, and every value. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/indicator_file.h"
#include "input/name_match.h"
#include "input/value_parse.h"
#include "util/diag.h"
#include "util/text.h"

typedef struct {
  jv_indicator_file *f;
  const jv_gemeenten *geo;
  const char *region;
  jv_diags *errs, *warns;
  jv_status st; /* JV_EINTERNAL once out of memory */
} rows_ctx;

/* Records an error at a field and marks the row bad. */
#define ROW_ERR(c, row, fld, ...)                                                                  \
  do {                                                                                             \
    (row)->bad = true;                                                                             \
    if (jv_diags_add((c)->errs, (c)->f->table.name, (fld)->line, (fld)->column, __VA_ARGS__))      \
      (c)->st = JV_EINTERNAL;                                                                      \
  } while (0)

#define ROW_WARN(c, fld, ...)                                                                      \
  do {                                                                                             \
    if ((c)->warns &&                                                                              \
        jv_diags_add((c)->warns, (c)->f->table.name, (fld)->line, (fld)->column, __VA_ARGS__))     \
      (c)->st = JV_EINTERNAL;                                                                      \
  } while (0)

static int names_equal(const char *a, const char *b)
{
  char *na = jv_gemeenten_normalize(a), *nb = jv_gemeenten_normalize(b);
  int eq = na && nb && strcmp(na, nb) == 0;
  free(na);
  free(nb);
  return eq;
}

/* The region-total row's name: the region's, 'totaal', or 'Totaal ...'. */
static int is_total_name(const char *name, const char *region)
{
  return names_equal(name, region) || strncasecmp(name, "totaal", 6) == 0;
}

static const jv_csv_field *code_field(const rows_ctx *c, const jv_indicator_row *row)
{
  return &row->src->fields[c->f->has_code ? c->f->col_code : c->f->col_name];
}

static void second_total(rows_ctx *c, jv_indicator_row *row)
{
  jv_indicator_file *f = c->f;
  for (size_t i = 0; i < f->n_rows; i++)
    if (f->rows[i].is_total) {
      ROW_ERR(c, row, code_field(c, row), "a second region-total row (the first is on line %d)",
              f->rows[i].src->line);
      return;
    }
}

/* A row with cbs_code 'totaal' or empty: the region total, or a forgotten code. */
static void total_row(rows_ctx *c, jv_indicator_row *row)
{
  const jv_csv_field *code = code_field(c, row);
  const jv_csv_field *name = &row->src->fields[c->f->col_name];
  /* 'totaal' when regio.csv gave no usable region name (its error is reported) */
  if (is_total_name(row->name, c->region) || (!c->region[0] && code->text[0])) {
    row->is_total = true;
    second_total(c, row);
    return;
  }
  if (code->text[0]) { /* 'totaal' beside some other name */
    ROW_ERR(c, row, name,
            "the region-total row names '%s': expected the region name '%s' from regio.csv "
            "(or a name starting with 'Totaal')",
            row->name, c->region);
    return;
  }
  jv_name_hit hit;
  if (jv_name_match(c->geo, row->name, &hit) != 0) {
    c->st = JV_EINTERNAL;
    return;
  }
  if (hit.gm)
    ROW_ERR(c, row, code, "empty cbs_code for '%s': expected %s", row->name, hit.gm->code);
  else
    ROW_ERR(c, row, code,
            "empty cbs_code: expected a CBS code such as GM0505, or 'totaal' in the row with "
            "the region total (gemeente '%s')",
            c->region);
}

/* "GM363", "363", "gm 0363": digits a spreadsheet kept of a code. */
static int code_digits(const char *s, int *num)
{
  if (strncasecmp(s, "GM", 2) == 0)
    s += 2;
  while (*s == ' ')
    s++;
  size_t n = strspn(s, "0123456789");
  if (n == 0 || n > 4 || s[n])
    return 0;
  *num = atoi(s);
  return 1;
}

static void bad_code(rows_ctx *c, jv_indicator_row *row, const jv_csv_field *code)
{
  int num = 0;
  char fixed[16];
  const jv_gemeente *gm = NULL;
  if (code_digits(code->text, &num)) {
    snprintf(fixed, sizeof(fixed), "GM%04d", num);
    gm = jv_gemeenten_find_code(c->geo, fixed);
  }
  /* the row's name may say otherwise: then its code is the better guess */
  const jv_gemeente *by_name = jv_gemeenten_find_name(c->geo, row->name);
  if (by_name && by_name != gm)
    gm = by_name;
  if (gm)
    ROW_ERR(c, row, code,
            "'%s' is not a CBS municipality code: expected GM and 4 digits; did you mean %s "
            "(%s)? (a spreadsheet may have dropped the letters or leading zeros: format the "
            "column as text)",
            code->text, gm->code, gm->name);
  else
    ROW_ERR(c, row, code,
            "'%s' is not a CBS municipality code: expected GM and 4 digits, such as GM0505 "
            "(a spreadsheet may have dropped the letters or leading zeros)",
            code->text);
}

static void duplicate(rows_ctx *c, jv_indicator_row *row, const jv_csv_field *at)
{
  jv_indicator_file *f = c->f;
  for (size_t i = 0; i < f->n_rows; i++)
    if (f->rows[i].gm == row->gm) {
      ROW_ERR(c, row, at, "%s (%s) appears twice in this file (first on line %d)", row->gm->code,
              row->gm->name, f->rows[i].src->line);
      return;
    }
}

/* With a cbs_code column: the code decides, the name must agree. */
static void coded_row(rows_ctx *c, jv_indicator_row *row)
{
  jv_csv_field *code = &row->src->fields[c->f->col_code];
  const jv_csv_field *name = &row->src->fields[c->f->col_name];
  for (char *p = code->text; *p; p++)
    *p = (char)toupper((unsigned char)*p);
  if (!jv_cbs_code_valid(code->text)) {
    bad_code(c, row, code);
    return;
  }
  row->gm = jv_gemeenten_find_code(c->geo, code->text);
  if (row->gm && row->name[0] && jv_gemeenten_name_matches(c->geo, row->gm, row->name))
    return; /* the usual case, without looking the name up */
  const jv_gemeente *by_name = jv_gemeenten_find_name(c->geo, row->name);
  if (!row->gm) {
    char hint[800] = "";
    jv_gemeenten_code_hint(c->geo, code->text, hint, sizeof(hint));
    if (by_name && !hint[0])
      snprintf(hint, sizeof(hint), "; '%s' is %s there", by_name->name, by_name->code);
    ROW_ERR(c, row, code, "%s is not a municipality in the CBS indeling %d (regio.csv)%s",
            code->text, c->geo->year, hint);
    return;
  }
  if (!row->name[0]) {
    ROW_ERR(c, row, name, "empty gemeente: expected '%s' for %s", row->gm->name, row->gm->code);
    return;
  }
  if (!by_name && jv_name_loose_matches(c->geo, row->gm, row->name)) {
    ROW_WARN(c, name, "gemeente '%s' read as '%s' (%s), the CBS spelling", row->name, row->gm->name,
             row->gm->code);
    return;
  }
  char hint[160] = "";
  if (by_name)
    snprintf(hint, sizeof(hint), " ('%s' is %s)", by_name->name, by_name->code);
  ROW_ERR(c, row, name,
          "gemeente '%s' does not match %s, which is '%s' in the CBS indeling %d%s: correct the "
          "name or the code",
          row->name, row->gm->code, row->gm->name, c->geo->year, hint);
}

/* Without a cbs_code column: the name alone. */
static void named_row(rows_ctx *c, jv_indicator_row *row)
{
  const jv_csv_field *name = &row->src->fields[c->f->col_name];
  if (!row->name[0]) {
    ROW_ERR(c, row, name, "empty gemeente: expected a municipality name such as Dordrecht");
    return;
  }
  jv_name_hit hit;
  if (jv_name_match(c->geo, row->name, &hit) != 0) {
    c->st = JV_EINTERNAL;
    return;
  }
  char cands[400];
  jv_name_cands_text(&hit, cands, sizeof(cands));
  switch (hit.kind) {
  case JV_NAME_EXACT:
    row->gm = hit.gm;
    break;
  case JV_NAME_LOOSE:
    row->gm = hit.gm;
    ROW_WARN(c, name, "gemeente '%s' read as '%s' (%s), the CBS spelling", row->name, hit.gm->name,
             hit.gm->code);
    break;
  case JV_NAME_AMBIGUOUS:
    ROW_ERR(c, row, name,
            "gemeente '%s' could be %s in the CBS indeling %d: write the CBS name or add a "
            "column cbs_code",
            row->name, cands, c->geo->year);
    break;
  default:
    ROW_ERR(c, row, name, "no municipality '%s' in the CBS indeling %d%s%s%s", row->name,
            c->geo->year, cands[0] ? "; did you mean " : "", cands,
            cands[0] ? "?" : " (regio.csv): check the name, or add a column cbs_code");
  }
}

static void row_values(rows_ctx *c, jv_indicator_row *row)
{
  jv_indicator_file *f = c->f;
  for (size_t k = 0; k < f->n_ind && c->st == JV_OK; k++) {
    const jv_csv_field *cell = &row->src->fields[f->ind_col[k]];
    if (cell->refused) { /* a worksheet's date or formula: its error is recorded */
      row->bad = true;
      continue;
    }
    jv_loc at = {.line = cell->line, .column = cell->column};
    snprintf(at.file, sizeof(at.file), "%s", f->table.name);
    jv_error e;
    jv_error_clear(&e);
    jv_status st = jv_value_parse(&row->values[k], cell->text, &at, &e);
    if (st == JV_EDATA)
      row->bad = true;
    if (jv_diags_take(c->errs, st, &e) != JV_OK)
      c->st = JV_EINTERNAL;
  }
}

/* Rows narrower or wider than the header; true when the row is usable. */
static bool row_width(rows_ctx *c, jv_indicator_row *row)
{
  const jv_csv_row *h = &c->f->table.rows[c->f->header], *src = row->src;
  if (src->n_fields < h->n_fields) {
    const jv_csv_field at = {.line = src->line, .column = (int)src->n_fields + 1};
    ROW_ERR(c, row, &at, "the row ends after %zu fields but the header has %zu: no value for '%s'",
            src->n_fields, h->n_fields, h->fields[src->n_fields].text);
    return false;
  }
  if (src->n_fields > h->n_fields) {
    const jv_csv_field *extra = &src->fields[h->n_fields];
    ROW_ERR(c, row, extra,
            "row has %zu fields but the header has %zu: is there an unquoted '%c' inside a "
            "value (a decimal comma, or text that needs quotes)?",
            src->n_fields, h->n_fields, c->f->table.delim == '\t' ? ' ' : c->f->table.delim);
    return false;
  }
  return true;
}

jv_status jv_indicator_file_read_rows(jv_indicator_file *f, const jv_gemeenten *geo,
                                      const char *region_name, jv_diags *errs, jv_diags *warns,
                                      jv_error *err)
{
  const jv_csv_table *t = &f->table;
  f->rows = calloc(t->n_rows, sizeof(*f->rows));
  f->row_values = calloc(t->n_rows * (f->n_ind ? f->n_ind : 1), sizeof(*f->row_values));
  if (!f->rows || !f->row_values)
    return jv_error_set(err, JV_EINTERNAL, t->name, 0, 0, "out of memory");
  rows_ctx c = {f, geo, region_name, errs, warns, JV_OK};
  for (size_t r = f->header + 1; r < t->n_rows && c.st == JV_OK; r++) {
    jv_indicator_row *row = &f->rows[f->n_rows];
    memset(row, 0, sizeof(*row));
    row->values = f->row_values + f->n_rows * f->n_ind;
    memset(row->values, 0, f->n_ind * sizeof(*row->values)); /* a skipped row may have used it */
    row->src = &t->rows[r];
    if (!row_width(&c, row)) {
      f->n_lost++;
      continue;
    }
    if (!geo) { /* no indeling to check against: the values only, nothing kept */
      row_values(&c, row);
      continue;
    }
    row->name = jv_trim_inplace(t->rows[r].fields[f->col_name].text);
    const char *code = f->has_code ? jv_trim_inplace(t->rows[r].fields[f->col_code].text) : "";
    if (!code[0] && !f->has_code && is_total_name(row->name, region_name)) {
      row->is_total = true;
      second_total(&c, row);
    } else if (f->has_code && (!code[0] || strcasecmp(code, "totaal") == 0))
      total_row(&c, row);
    else if (f->has_code)
      coded_row(&c, row);
    else
      named_row(&c, row);
    if (!row->is_total && !row->gm) { /* no municipality to put its figures on */
      f->n_lost++;
      continue;
    }
    if (row->gm)
      duplicate(&c, row, code_field(&c, row));
    row_values(&c, row);
    f->n_rows++;
  }
  if (c.st != JV_OK)
    return jv_error_set(err, c.st, t->name, 0, 0, "out of memory");
  return JV_OK;
}
