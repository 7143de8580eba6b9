/* report_corrections.c - the "Correcties" chapter. Reasons are free text of
 * any length and table cells do not wrap, so they go in paragraphs under the
 * table rather than in a column that could push it off the page. */
#include "layout/report_corrections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/correction.h"
#include "stats/format.h"

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static const char *muni_name(const jv_dataset *ds, const char *code)
{
  long i = jv_dataset_find_code(ds, code);
  return i >= 0 ? ds->munis[i].name : code;
}

/* Tables are numbered through the report: continue after the last one. */
static int next_table_number(const jv_doc *doc)
{
  int n = 0;
  for (size_t i = 0; i < doc->n_blocks; i++)
    n += doc->blocks[i].kind == JV_BLK_TABLE;
  return n + 1;
}

static jv_status build_table(const jv_dataset *ds, const jv_correction_set *s, int number,
                             jv_table **out, jv_error *err)
{
  char year[16], title[256], source[256];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(title, sizeof(title), "Tabel %d. Gecorrigeerde cijfers, %s", number, year);
  snprintf(source, sizeof(source),
           "Bron: correcties van de gemeenten op de registratie Leerplicht %s, schooljaar %s.",
           ds->region_name ? ds->region_name : "", year);
  jv_table *t = malloc(sizeof(*t));
  if (!t)
    return oom(err);
  if (jv_table_init(t, 4, title, err) != JV_OK) {
    free(t);
    return JV_EINTERNAL;
  }
  t->align[1] = JV_CELL_LEFT;
  int bad = jv_table_set_header(t, 0, "Gemeente") || jv_table_set_header(t, 1, "Gegeven") ||
            jv_table_set_header(t, 2, "Oud \u2192 nieuw") || jv_table_set_header(t, 3, "Datum") ||
            jv_table_set_source(t, source);
  for (size_t i = 0; i < s->n && !bad; i++) {
    const jv_correction *c = &s->items[i];
    char was[48], now[48], change[112], day[16];
    snprintf(change, sizeof(change), "%s \u2192 %s", jv_format_value(c->old_value, was, 48),
             jv_format_value(c->value, now, 48));
    jv_date_format(c->date, day, sizeof(day));
    const char *cells[4] = {muni_name(ds, c->code), jv_indicator_label(c->ind), change, day};
    bad = jv_table_add_row(t, JV_ROW_BODY, cells) != JV_OK;
  }
  if (bad) {
    jv_table_free(t);
    free(t);
    return oom(err);
  }
  *out = t;
  return JV_OK;
}

static int same_reason(const jv_correction *a, const jv_correction *b)
{
  return strcmp(a->code, b->code) == 0 && jv_date_cmp(a->date, b->date) == 0 &&
         strcmp(a->reason, b->reason) == 0;
}

/* One paragraph per municipality, date and reason: a row of a correction
 * file usually corrects several figures for one reason. */
static jv_status add_reasons(const jv_dataset *ds, const jv_correction_set *s, jv_doc *doc,
                             jv_error *err)
{
  for (size_t i = 0; i < s->n; i++) {
    const jv_correction *c = &s->items[i];
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++)
      seen = same_reason(&s->items[j], c);
    if (seen)
      continue;
    char day[16], lead[320];
    jv_date_format(c->date, day, sizeof(day));
    snprintf(lead, sizeof(lead), "%s, %s: ", muni_name(ds, c->code), day);
    if (jv_doc_paragraph(doc, lead, JV_FONT_BOLD) || jv_doc_run(doc, c->reason, JV_FONT_REGULAR))
      return oom(err);
  }
  return JV_OK;
}

jv_status jv_report_corrections(const jv_dataset *ds, jv_doc *doc, jv_error *err)
{
  const jv_correction_set *s = ds->corrections;
  if (!s || s->n == 0)
    return JV_OK;
  if (jv_doc_heading(doc, 1, "Correcties") ||
      jv_doc_paragraph(doc,
                       s->n == 1 ? "Na de eerste levering heeft een gemeente het volgende cijfer "
                                   "gecorrigeerd. Alle tabellen in dit verslag gebruiken het "
                                   "gecorrigeerde cijfer."
                                 : "Na de eerste levering hebben gemeenten de volgende cijfers "
                                   "gecorrigeerd. Alle tabellen in dit verslag gebruiken de "
                                   "gecorrigeerde cijfers.",
                       JV_FONT_REGULAR))
    return oom(err);
  jv_table *t = NULL;
  jv_status st = build_table(ds, s, next_table_number(doc), &t, err);
  if (st != JV_OK)
    return st;
  if (jv_doc_table(doc, t))
    return oom(err);
  if (jv_doc_heading(doc, 2, "Redenen"))
    return oom(err);
  return add_reasons(ds, s, doc, err);
}
