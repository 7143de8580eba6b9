/* xlsx_sheet.c - the cells of one worksheet as rows of located text fields. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

#include "input/xlsx_internal.h"

typedef struct {
  const jv_xlsx_shared *sh;
  const char *name; /* "path:sheet!" */
  jv_csv_table *t;
  size_t rows_cap;
  jv_csv_row cur; /* the row being built */
  size_t cur_cap;
  int row, next_row; /* current row number; the one a row without r= gets */
  int col, next_col;
  char type[16];
  int style;
  bool in_cell, has_formula, in_v, in_is, in_t;
  jv_xlsx_text v, is;
  jv_diags *errs;
  jv_status st;
} sheet_ctx;

/* "C7" -> column 3, row 7; 0 when malformed. */
static int parse_ref(const char *ref, int *col, int *row)
{
  int c = 0;
  const char *p = ref;
  while (*p >= 'A' && *p <= 'Z' && c < 20000)
    c = c * 26 + (*p++ - 'A' + 1);
  if (c == 0 || *p < '1' || *p > '9')
    return 0;
  *col = c;
  *row = atoi(p);
  return 1;
}

static void push_field(sheet_ctx *c, const char *text, bool refused)
{
  if (jv_grow((void **)&c->cur.fields, &c->cur_cap, c->cur.n_fields + 1, sizeof(*c->cur.fields),
              8) != 0) {
    c->st = JV_EINTERNAL;
    return;
  }
  char *copy = strdup(text);
  if (!copy) {
    c->st = JV_EINTERNAL;
    return;
  }
  c->cur.line = c->row;
  c->cur.fields[c->cur.n_fields] =
      (jv_csv_field){copy, c->row, (int)c->cur.n_fields + 1, refused ? 1 : 0};
  c->cur.n_fields++;
}

/* The cell at c->col; empty fields for the cells a sheet leaves out before it. */
static void add_field(sheet_ctx *c, const char *text, bool refused)
{
  while ((int)c->cur.n_fields + 1 < c->col && c->st == JV_OK)
    push_field(c, "", false);
  if (c->st == JV_OK && (int)c->cur.n_fields + 1 == c->col)
    push_field(c, text, refused);
}

static void refuse(sheet_ctx *c, const char *fmt, const char *what)
{
  if (jv_diags_add(c->errs, c->name, c->row, c->col, fmt, what))
    c->st = JV_EINTERNAL;
  add_field(c, "", true);
}

/* A number cell: its digits when whole, else a located error. */
static void number_cell(sheet_ctx *c, const char *v)
{
  char *end;
  double d = strtod(v, &end);
  bool date = c->style >= 0 && (size_t)c->style < c->sh->n_styles && c->sh->date_style[c->style];
  if (date && !c->has_formula) {
    refuse(c, "a date or time (%s as a number): expected a count; format the cell as a number", v);
    return;
  }
  if (end == v || *end || !isfinite(d) || d < 0 || d != floor(d) || d > 999999999999999.0) {
    refuse(c,
           c->has_formula
               ? "a formula whose value %s is not a count: type the count itself, or 0, n.b., "
                 "nvt or non-respons"
               : "the number %s is not a count (a whole number, at least 0): write the count "
                 "itself",
           v);
    return;
  }
  if (strspn(v, "0123456789") == strlen(v)) { /* the usual "3431": as it is */
    add_field(c, v, false);
    return;
  }
  char digits[32];
  snprintf(digits, sizeof(digits), "%.0f", d);
  add_field(c, digits, false);
}

static void end_cell(sheet_ctx *c)
{
  const char *v = c->v.s ? c->v.s : "";
  const char *t = c->type;
  if (strcmp(t, "s") == 0) {
    long i = strtol(v, NULL, 10);
    if (i < 0 || (size_t)i >= c->sh->n_strings) {
      refuse(c, "shared string %s is not in the workbook (a damaged file?)", v);
      return;
    }
    add_field(c, c->sh->strings[i], false);
  } else if (strcmp(t, "inlineStr") == 0)
    add_field(c, c->is.s ? c->is.s : "", false);
  else if (strcmp(t, "str") == 0 && !c->has_formula)
    add_field(c, v, false);
  else if (strcmp(t, "str") == 0)
    refuse(c,
           "a formula with the text '%s' as its value: expected a count; type the value "
           "itself",
           v);
  else if (strcmp(t, "b") == 0)
    refuse(c, "a true/false cell (%s): expected a count", strcmp(v, "1") == 0 ? "WAAR" : "ONWAAR");
  else if (strcmp(t, "e") == 0)
    refuse(c, "the cell holds the error %s: expected a count", v);
  else if (strcmp(t, "d") == 0)
    refuse(c, "a date (%s): expected a count", v);
  else if (!v[0] && c->has_formula)
    refuse(c,
           "a formula without a stored value%s: open and save the workbook in Excel, or "
           "type the value",
           "");
  else if (v[0])
    number_cell(c, v);
}

static void end_row(sheet_ctx *c)
{
  bool empty = true;
  for (size_t i = 0; i < c->cur.n_fields; i++)
    if (c->cur.fields[i].text[0] || c->cur.fields[i].refused)
      empty = false;
  jv_csv_row row = c->cur;
  memset(&c->cur, 0, sizeof(c->cur));
  c->cur_cap = 0;
  if (empty || c->st != JV_OK) {
    for (size_t i = 0; i < row.n_fields; i++)
      free(row.fields[i].text);
    free(row.fields);
    return;
  }
  if (jv_grow((void **)&c->t->rows, &c->rows_cap, c->t->n_rows + 1, sizeof(*c->t->rows), 64) != 0) {
    c->st = JV_EINTERNAL;
    for (size_t i = 0; i < row.n_fields; i++)
      free(row.fields[i].text);
    free(row.fields);
    return;
  }
  c->t->rows[c->t->n_rows++] = row;
}

static void XMLCALL sheet_start(void *ud, const char *el, const char **atts)
{
  sheet_ctx *c = ud;
  const char *name = jv_xlsx_local(el);
  if (strcmp(name, "row") == 0) {
    const char *r = jv_xlsx_attr(atts, "r");
    c->row = r ? atoi(r) : c->next_row;
    c->next_row = c->row + 1;
    c->next_col = 1;
  } else if (strcmp(name, "c") == 0) {
    const char *r = jv_xlsx_attr(atts, "r"), *t = jv_xlsx_attr(atts, "t");
    const char *s = jv_xlsx_attr(atts, "s");
    int col = c->next_col, row = c->row;
    if (r && parse_ref(r, &col, &row) && row != c->row)
      row = c->row; /* a cell belongs to its row element */
    c->col = col;
    c->next_col = col + 1;
    snprintf(c->type, sizeof(c->type), "%s", t ? t : "n");
    c->style = s ? atoi(s) : -1;
    c->in_cell = true;
    c->has_formula = false;
    jv_xlsx_text_clear(&c->v);
    jv_xlsx_text_clear(&c->is);
  } else if (c->in_cell && strcmp(name, "f") == 0)
    c->has_formula = true;
  else if (c->in_cell && strcmp(name, "v") == 0)
    c->in_v = true;
  else if (c->in_cell && strcmp(name, "is") == 0)
    c->in_is = true;
  else if (c->in_is && strcmp(name, "t") == 0)
    c->in_t = true;
}

static void XMLCALL sheet_end(void *ud, const char *el)
{
  sheet_ctx *c = ud;
  const char *name = jv_xlsx_local(el);
  if (strcmp(name, "v") == 0)
    c->in_v = false;
  else if (strcmp(name, "t") == 0)
    c->in_t = false;
  else if (strcmp(name, "is") == 0)
    c->in_is = false;
  else if (strcmp(name, "c") == 0 && c->in_cell) {
    c->in_cell = false;
    if (c->st == JV_OK)
      end_cell(c);
  } else if (strcmp(name, "row") == 0)
    end_row(c);
}

static void XMLCALL sheet_text(void *ud, const char *s, int len)
{
  sheet_ctx *c = ud;
  if (c->in_v)
    jv_xlsx_text_add(&c->v, s, (size_t)len);
  else if (c->in_t)
    jv_xlsx_text_add(&c->is, s, (size_t)len);
}

jv_status jv_xlsx_read_sheet(zip_t *za, const char *entry, const jv_xlsx_shared *sh,
                             const char *name, jv_csv_table *t, jv_diags *errs, jv_error *err)
{
  memset(t, 0, sizeof(*t));
  if (!(t->name = strdup(name)))
    return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory");
  t->delim = '\t';
  sheet_ctx c = {.sh = sh, .name = name, .t = t, .next_row = 1, .errs = errs, .st = JV_OK};
  XML_Parser p = XML_ParserCreate(NULL);
  if (!p) {
    jv_csv_table_free(t);
    return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory");
  }
  XML_SetUserData(p, &c);
  XML_SetElementHandler(p, sheet_start, sheet_end);
  XML_SetCharacterDataHandler(p, sheet_text);
  jv_status st = jv_xlsx_parse_part(za, entry, p, name, err);
  XML_ParserFree(p);
  /* a sheet leaves empty cells out: every row as wide as the widest */
  size_t width = 0;
  for (size_t r = 0; r < t->n_rows; r++)
    width = t->rows[r].n_fields > width ? t->rows[r].n_fields : width;
  for (size_t r = 0; r < t->n_rows && st == JV_OK && c.st == JV_OK; r++) {
    c.cur = t->rows[r];
    c.cur_cap = c.cur.n_fields;
    c.row = c.cur.line;
    c.col = (int)width;
    if (c.cur.n_fields < width)
      add_field(&c, "", false);
    t->rows[r] = c.cur;
  }
  memset(&c.cur, 0, sizeof(c.cur));
  if (st == JV_OK && (c.st != JV_OK || c.v.oom || c.is.oom))
    st = jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory");
  for (size_t i = 0; i < c.cur.n_fields; i++)
    free(c.cur.fields[i].text);
  free(c.cur.fields);
  free(c.v.s);
  free(c.is.s);
  if (st != JV_OK)
    jv_csv_table_free(t);
  return st;
}
