/* region_read.c - reading the region membership table. */
#include "input/region_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/csv_table.h"
#include "model/model.h"

static const char *const columns[] = {"regio", "indeling", "cbs_code", "gemeente"};

void jv_regions_free(jv_regions *r)
{
  for (size_t i = 0; i < r->n; i++) {
    free(r->items[i].regio);
    free(r->items[i].gemeente);
  }
  free(r->items);
  free(r->file);
  memset(r, 0, sizeof(*r));
}

static jv_status read_row(jv_regions *out, const jv_csv_table *t, const jv_csv_row *row,
                          jv_error *err)
{
  for (size_t c = 0; c < 4; c++)
    if (c >= row->n_fields || !row->fields[c].text[0])
      return jv_error_set(err, JV_EDATA, t->name, row->line, (int)c + 1,
                          "missing %s (rows look like: Zuid-Holland Zuid,2018,GM0505,Dordrecht)",
                          columns[c]);
  const jv_csv_field *f = row->fields;
  char *end;
  long year = strtol(f[1].text, &end, 10);
  if (*end || year < 1800 || year > 2200)
    return jv_error_set(err, JV_EDATA, t->name, f[1].line, 2,
                        "indeling \"%s\": expected a year such as 2018", f[1].text);
  if (!jv_cbs_code_valid(f[2].text))
    return jv_error_set(err, JV_EDATA, t->name, f[2].line, 3,
                        "cbs_code \"%s\": expected GM and 4 digits, such as GM0505", f[2].text);
  jv_region_member *m = &out->items[out->n];
  memset(m, 0, sizeof(*m));
  m->regio = strdup(f[0].text);
  m->gemeente = strdup(f[3].text);
  if (!m->regio || !m->gemeente) {
    free(m->regio);
    free(m->gemeente);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  m->indeling = (int)year;
  snprintf(m->code, sizeof(m->code), "%s", f[2].text);
  m->line = row->line;
  out->n++;
  return JV_OK;
}

jv_status jv_regions_read(jv_regions *out, const char *path, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  const jv_csv_row *h = &t.rows[0];
  for (size_t c = 0; c < 4 && st == JV_OK; c++)
    if (c >= h->n_fields || strcasecmp(h->fields[c].text, columns[c]) != 0)
      st = jv_error_set(err, JV_EDATA, t.name, h->line, (int)c + 1,
                        "expected the header regio,indeling,cbs_code,gemeente");
  if (st == JV_OK) {
    out->items = calloc(t.n_rows, sizeof(*out->items));
    out->file = strdup(path);
    if (!out->items || !out->file)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t r = 1; r < t.n_rows && st == JV_OK; r++)
    st = read_row(out, &t, &t.rows[r], err);
  jv_csv_table_free(&t);
  if (st != JV_OK)
    jv_regions_free(out);
  return st;
}
