/* regio_read.c - reading regio.csv. */
#include "input/regio_read.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/csv_table.h"
#include "util/suggest.h"
#include "util/text.h"

enum { F_REGIO, F_REGIOCODE, F_SCHOOLJAAR, F_INDELING, F_COUNT };
static const char *const field_names[F_COUNT] = {"regio", "regiocode", "schooljaar", "indeling"};
static const char *const field_examples[F_COUNT] = {"regio,Zuid-Holland Zuid", "regiocode,ZHZ",
                                                    "schooljaar,2017-2018", "indeling,2018"};

static jv_status check_header(const jv_csv_table *t, jv_error *err)
{
  const jv_csv_row *h = &t->rows[0];
  char a[64] = "", b[64] = "";
  if (h->n_fields > 0)
    jv_trim_copy(a, sizeof(a), h->fields[0].text);
  if (h->n_fields > 1)
    jv_trim_copy(b, sizeof(b), h->fields[1].text);
  if (h->n_fields != 2 || strcasecmp(a, "veld") != 0 || strcasecmp(b, "waarde") != 0)
    return jv_error_set(err, JV_EDATA, t->name, h->line, 1,
                        "expected the header veld,waarde (then rows such as "
                        "schooljaar,2017-2018)");
  return JV_OK;
}

static jv_status set_value(jv_dataset *ds, int f, const jv_csv_field *v, const char *file,
                           jv_loc *indeling_at, jv_error *err)
{
  char text[256];
  jv_trim_copy(text, sizeof(text), v->text);
  if (!text[0])
    return jv_error_set(err, JV_EDATA, file, v->line, v->column, "empty value: expected %s",
                        field_examples[f]);
  switch (f) {
  case F_REGIO:
  case F_REGIOCODE: {
    char *copy = strdup(text);
    if (!copy)
      return jv_error_set(err, JV_EINTERNAL, file, v->line, v->column, "out of memory");
    if (f == F_REGIO)
      ds->region_name = copy;
    else
      ds->region_code = copy;
    return JV_OK;
  }
  case F_SCHOOLJAAR:
    if (jv_schoolyear_parse(text, &ds->year) != 0)
      return jv_error_set(err, JV_EDATA, file, v->line, v->column,
                          "school year '%s': expected two consecutive years such as "
                          "2017-2018",
                          text);
    return JV_OK;
  default: {
    char *end;
    long y = strtol(text, &end, 10);
    if (*end != '\0' || !isdigit((unsigned char)text[0]) || y < 1900 || y > 2200)
      return jv_error_set(err, JV_EDATA, file, v->line, v->column,
                          "indeling '%s': expected the year of the CBS municipality "
                          "boundaries the codes follow, such as 2018",
                          text);
    ds->boundary_year = (int)y;
    indeling_at->line = v->line;
    indeling_at->column = v->column;
    snprintf(indeling_at->file, sizeof(indeling_at->file), "%s", file);
    return JV_OK;
  }
  }
}

jv_status jv_regio_read(jv_dataset *ds, jv_loc *indeling_at, const char *path, jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st == JV_ENOINPUT)
    jv_error_prefix(err, "every data directory needs regio.csv (veld,waarde with regio, "
                         "schooljaar, indeling), or a sheet regio in a workbook: ");
  if (st != JV_OK)
    return st;
  st = jv_regio_read_table(ds, indeling_at, &t, err);
  jv_csv_table_free(&t);
  return st;
}

jv_status jv_regio_read_table(jv_dataset *ds, jv_loc *indeling_at, const jv_csv_table *tp,
                              jv_error *err)
{
  const jv_csv_table t = *tp;
  const char *path = t.name;
  jv_status st = check_header(&t, err);
  int seen_line[F_COUNT] = {0};
  for (size_t r = 1; r < t.n_rows && st == JV_OK; r++) {
    const jv_csv_row *row = &t.rows[r];
    char veld[64];
    jv_trim_copy(veld, sizeof(veld), row->fields[0].text);
    for (char *p = veld; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    int f = 0;
    while (f < F_COUNT && strcmp(field_names[f], veld) != 0)
      f++;
    if (f == F_COUNT) {
      const char *near = jv_suggest_closest(veld, field_names, F_COUNT);
      st = jv_error_set(err, JV_EDATA, path, row->line, 1,
                        "unknown veld '%s'%s%s%s: expected regio, schooljaar, indeling or "
                        "regiocode",
                        row->fields[0].text, near ? " (did you mean '" : "", near ? near : "",
                        near ? "'?)" : "");
    } else if (seen_line[f]) {
      st = jv_error_set(err, JV_EDATA, path, row->line, 1,
                        "veld '%s' is given twice (first on line %d)", veld, seen_line[f]);
    } else if (row->n_fields < 2) {
      st = jv_error_set(err, JV_EDATA, path, row->line, 2, "missing waarde: expected %s",
                        field_examples[f]);
    } else {
      seen_line[f] = row->line;
      st = set_value(ds, f, &row->fields[1], path, indeling_at, err);
    }
  }
  for (int f = 0; f < F_COUNT && st == JV_OK; f++) {
    if (f != F_REGIOCODE && !seen_line[f])
      st = jv_error_set(err, JV_EDATA, path, t.rows[t.n_rows - 1].line + 1, 1,
                        "missing row '%s': add a line %s", field_names[f], field_examples[f]);
  }
  return st;
}
