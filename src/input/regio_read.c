/* regio_read.c - reading regio.csv. */
#include "input/regio_read.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/csv_table.h"
#include "util/diag.h"
#include "util/suggest.h"
#include "util/text.h"

enum { F_REGIO, F_REGIOCODE, F_SCHOOLJAAR, F_INDELING, F_COUNT };
static const char *const field_names[F_COUNT] = {"regio", "regiocode", "schooljaar", "indeling"};
static const char *const field_examples[F_COUNT] = {"regio,Zuid-Holland Zuid", "regiocode,ZHZ",
                                                    "schooljaar,2017-2018", "indeling,2018"};

/* One run over the file: every problem goes to errs. */
typedef struct {
  jv_dataset *ds;
  jv_loc *indeling_at;
  const char *file;
  jv_diags *errs;
  bool meant[F_COUNT]; /* a misspelt veld probably meant it: not "missing" too */
  jv_status st;        /* JV_EINTERNAL once out of memory */
} regio_ctx;

#define REGIO_ERR(c, line, column, ...)                                                            \
  do {                                                                                             \
    if (jv_diags_add((c)->errs, (c)->file, (line), (column), __VA_ARGS__))                         \
      (c)->st = JV_EINTERNAL;                                                                      \
  } while (0)

/* The veld of a row, lower-cased, as an index into field_names (F_COUNT: unknown). */
static int field_of(const jv_csv_row *row, char *veld, size_t size)
{
  jv_trim_copy(veld, size, row->n_fields ? row->fields[0].text : "");
  for (char *p = veld; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  int f = 0;
  while (f < F_COUNT && strcmp(field_names[f], veld) != 0)
    f++;
  return f;
}

/* false when the first row is not veld,waarde; it is then read as a row
 * when it names a veld (the header line was left out). */
static bool check_header(regio_ctx *c, const jv_csv_table *t, bool *row0_is_data)
{
  const jv_csv_row *h = &t->rows[0];
  char a[64] = "", b[64] = "";
  if (h->n_fields > 0)
    jv_trim_copy(a, sizeof(a), h->fields[0].text);
  if (h->n_fields > 1)
    jv_trim_copy(b, sizeof(b), h->fields[1].text);
  *row0_is_data = false;
  if (h->n_fields == 2 && strcasecmp(a, "veld") == 0 && strcasecmp(b, "waarde") == 0)
    return true;
  char veld[64];
  *row0_is_data = field_of(h, veld, sizeof(veld)) != F_COUNT;
  REGIO_ERR(c, h->line, 1,
            "expected the header veld,waarde (then rows such as schooljaar,2017-2018)");
  return false;
}

static void set_value(regio_ctx *c, int f, const jv_csv_field *v)
{
  jv_dataset *ds = c->ds;
  char text[256];
  jv_trim_copy(text, sizeof(text), v->text);
  if (!text[0]) {
    REGIO_ERR(c, v->line, v->column, "empty value: expected %s", field_examples[f]);
    return;
  }
  switch (f) {
  case F_REGIO:
  case F_REGIOCODE: {
    char *copy = strdup(text);
    if (!copy)
      c->st = JV_EINTERNAL;
    else if (f == F_REGIO)
      ds->region_name = copy;
    else
      ds->region_code = copy;
    return;
  }
  case F_SCHOOLJAAR:
    if (jv_schoolyear_parse(text, &ds->year) != 0)
      REGIO_ERR(c, v->line, v->column,
                "school year '%s': expected two consecutive years such as 2017-2018", text);
    return;
  default: {
    char *end;
    long y = strtol(text, &end, 10);
    if (*end != '\0' || !isdigit((unsigned char)text[0]) || y < 1900 || y > 2200) {
      REGIO_ERR(c, v->line, v->column,
                "indeling '%s': expected the year of the CBS municipality boundaries the "
                "codes follow, such as 2018",
                text);
      return;
    }
    ds->boundary_year = (int)y;
    c->indeling_at->line = v->line;
    c->indeling_at->column = v->column;
    snprintf(c->indeling_at->file, sizeof(c->indeling_at->file), "%s", c->file);
    return;
  }
  }
}

static void read_row(regio_ctx *c, const jv_csv_row *row, int *seen_line)
{
  char veld[64];
  int f = field_of(row, veld, sizeof(veld));
  if (f == F_COUNT) {
    const char *near = jv_suggest_closest(veld, field_names, F_COUNT);
    for (int k = 0; near && k < F_COUNT; k++)
      c->meant[k] = c->meant[k] || strcmp(near, field_names[k]) == 0;
    REGIO_ERR(c, row->line, 1,
              "unknown veld '%s'%s%s%s: expected regio, schooljaar, indeling or regiocode",
              row->n_fields ? row->fields[0].text : "", near ? " (did you mean '" : "",
              near ? near : "", near ? "'?)" : "");
  } else if (seen_line[f]) {
    REGIO_ERR(c, row->line, 1, "veld '%s' is given twice (first on line %d)", veld, seen_line[f]);
  } else if (row->n_fields < 2) {
    seen_line[f] = row->line;
    REGIO_ERR(c, row->line, 2, "missing waarde: expected %s", field_examples[f]);
  } else {
    seen_line[f] = row->line;
    set_value(c, f, &row->fields[1]);
  }
}

jv_status jv_regio_read(jv_dataset *ds, jv_loc *indeling_at, const char *path, jv_diags *errs,
                        jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st == JV_ENOINPUT)
    jv_error_prefix(err, "every data directory needs regio.csv (veld,waarde with regio, "
                         "schooljaar, indeling), or a sheet regio in a workbook: ");
  if (st != JV_OK)
    return st;
  st = jv_regio_read_table(ds, indeling_at, &t, errs, err);
  jv_csv_table_free(&t);
  return st;
}

jv_status jv_regio_read_table(jv_dataset *ds, jv_loc *indeling_at, const jv_csv_table *t,
                              jv_diags *errs, jv_error *err)
{
  jv_diags own;
  jv_diags_init(&own);
  regio_ctx c = {.ds = ds,
                 .indeling_at = indeling_at,
                 .file = t->name,
                 .errs = errs ? errs : &own,
                 .st = JV_OK};
  size_t n_before = c.errs->count, dropped_before = c.errs->dropped;
  int seen_line[F_COUNT] = {0};
  bool row0 = false;
  check_header(&c, t, &row0);
  for (size_t r = row0 ? 0 : 1; r < t->n_rows && c.st == JV_OK; r++)
    read_row(&c, &t->rows[r], seen_line);
  for (int f = 0; f < F_COUNT && c.st == JV_OK; f++) {
    if (f != F_REGIOCODE && !seen_line[f] && !c.meant[f])
      REGIO_ERR(&c, t->rows[t->n_rows - 1].line + 1, 1, "missing row '%s': add a line %s",
                field_names[f], field_examples[f]);
  }
  jv_status st = c.st;
  if (st != JV_OK)
    st = jv_error_set(err, st, t->name, 0, 0, "out of memory");
  else if (c.errs->count > n_before) { /* err: the first of them */
    const jv_diag *first = &c.errs->items[n_before];
    st = jv_error_set(err, JV_EDATA, first->loc.file, first->loc.line, first->loc.column, "%s",
                      first->msg);
  } else if (c.errs->dropped > dropped_before)
    st = jv_error_set(err, JV_EDATA, t->name, 0, 0, "malformed (see the errors above)");
  jv_diags_free(&own);
  return st;
}
