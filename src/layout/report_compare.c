/* report_compare.c - the per-1,000 table with an earlier year beside it. */
#include "layout/report_compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/report.h"
#include "stats/format.h"
#include "stats/rates.h"
#include "util/text.h"

#define CELL 64

static const char *const MARKS[] = {"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
#define N_MARKS (sizeof(MARKS) / sizeof(MARKS[0]))

/* The note mark of municipality i: the how-manieth note it has. */
static const char *mark_of(const jv_recomputed *prev, size_t i)
{
  size_t k = 0;
  for (size_t j = 0; j < i; j++)
    k += prev->note[j] != NULL;
  return k < N_MARKS ? MARKS[k] : "*";
}

static void change_cell(const jv_rate *now, const jv_rate *before, char *buf)
{
  if (now->kind != JV_VAL_COUNT || before->kind != JV_VAL_COUNT) {
    snprintf(buf, CELL, "%s", "–");
    return;
  }
  long long d = now->tenths - before->tenths;
  char num[CELL];
  jv_format_tenths(d < 0 ? -d : d, num, sizeof(num));
  snprintf(buf, CELL, "%s%s", d > 0 ? "+" : d < 0 ? "-" : "", num);
}

/* The table's footnotes: the base table's (the small-numbers sign), then
 * the comparison's, each on a line of its own. */
static int join_notes(jv_table *t, const char *base, const char *compare)
{
  if (!base || !compare)
    return (base || compare) && jv_table_set_note(t, base ? base : compare);
  size_t n = strlen(base) + strlen(compare) + 2;
  char *both = malloc(n);
  if (!both)
    return 1;
  snprintf(both, n, "%s\n%s", base, compare);
  int fail = jv_table_set_note(t, both) != JV_OK;
  free(both);
  return fail;
}

jv_status jv_report_rate_table_compared(const jv_dataset *ds, const jv_recomputed *prev,
                                        const char *title, jv_indicator ind,
                                        const char *count_header, const char *rate_header,
                                        jv_table **out, jv_error *err)
{
  jv_table *base = NULL;
  jv_status st = jv_report_rate_table(ds, title, ind, count_header, rate_header, &base, err);
  if (st)
    return st;
  jv_table *t = malloc(sizeof(*t));
  if (!t || jv_table_init(t, 9, title, err)) {
    free(t);
    jv_table_free(base);
    free(base);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  char ys[16], hdr[64];
  jv_schoolyear_format(prev->ds.year, ys, sizeof(ys));
  snprintf(hdr, sizeof(hdr), "Per 1.000\n%s", ys);
  int fail = base->source && jv_table_set_source(t, base->source);
  for (size_t c = 0; c < 6; c++)
    fail = fail || jv_table_set_header(t, c, base->headers[c]);
  fail = fail || jv_table_set_header(t, 6, hdr) || jv_table_set_header(t, 7, "Verschil") ||
         jv_table_set_header(t, 8, base->headers[6]);
  t->emphasis[5] = true;
  char before[CELL], change[CELL];
  const jv_dataset *src = &prev->ds; /* every row, the region's too */
  jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
  for (size_t r = 0; r < base->n_rows && !fail; r++) {
    int total = base->row_kind[r] == JV_ROW_TOTAL;
    jv_rate a, b;
    if (total) { /* the earlier year over the comparable municipalities, as the trend */
      jv_stats_region_rate(ds, ind, den, &a);
      jv_stats_region_rate(src, ind, den, &b);
    } else {
      jv_rate_per_1000(ds->munis[r].values[ind], ds->munis[r].values[den], &a);
      jv_rate_per_1000(src->munis[r].values[ind], src->munis[r].values[den], &b);
    }
    if (!total && prev->note[r]) {
      snprintf(before, sizeof(before), "n.v.%s", mark_of(prev, r));
      snprintf(change, sizeof(change), "%s", "–");
    } else {
      jv_format_rate(&b, before, sizeof(before));
      change_cell(&a, &b, change);
    }
    const char *cells[9];
    for (size_t c = 0; c < 6; c++)
      cells[c] = jv_table_cell(base, r, c);
    cells[6] = before;
    cells[7] = change;
    cells[8] = jv_table_cell(base, r, 6);
    fail = jv_table_add_row(t, base->row_kind[r], cells) != JV_OK;
  }
  int oom = 0;
  char *note = fail ? NULL : jv_report_compare_note(prev, &oom);
  fail = fail || oom || join_notes(t, base->note, note);
  t->keep = note != NULL; /* n.v.¹ and the region row: their notes stay on their page */
  free(note);
  jv_table_free(base);
  free(base);
  if (fail) {
    jv_table_free(t);
    free(t);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  *out = t;
  return JV_OK;
}

char *jv_report_compare_note(const jv_recomputed *prev, int *oom)
{
  *oom = 0;
  if (!prev->any_summed && prev->n_notes == 0 && !prev->region_note)
    return NULL;
  size_t size = 600;
  for (size_t i = 0; i < prev->ds.n_munis; i++)
    size += prev->note[i] ? strlen(prev->note[i]) + 8 : 0;
  size += prev->region_note ? strlen(prev->region_note) + 8 : 0;
  char *s = malloc(size);
  if (!s) {
    *oom = 1;
    return NULL;
  }
  char ys[16];
  jv_schoolyear_format(prev->ds.year, ys, sizeof(ys));
  size_t len = 0;
  s[0] = '\0';
  if (prev->any_summed || prev->n_notes) {
    len += (size_t)snprintf(s, size, "%s omgerekend naar de gemeentelijke indeling %d", ys,
                            prev->ds.boundary_year);
    size_t k = 0, n = 0;
    for (size_t i = 0; i < prev->ds.n_munis; i++)
      n += prev->summed[i];
    for (size_t i = 0; i < prev->ds.n_munis; i++)
      if (prev->summed[i]) {
        len += (size_t)snprintf(s + len, size - len, "%s%s%s", k == 0 ? " (" : "",
                                jv_text_list_sep(k, n), prev->ds.munis[i].name);
        k++;
      }
    if (n)
      len +=
          (size_t)snprintf(s + len, size - len, ": opgeteld uit de gemeenten waaruit %s ontstaan)",
                           n > 1 ? "ze zijn" : "zij is");
    len += (size_t)snprintf(s + len, size - len, ".");
  }
  for (size_t i = 0; i < prev->ds.n_munis; i++)
    if (prev->note[i])
      len += (size_t)snprintf(s + len, size - len, "%s%s %s.", len ? "\n" : "", mark_of(prev, i),
                              prev->note[i]);
  if (prev->n_notes && prev->region_note) /* what the region row leaves out */
    snprintf(s + len, size - len, "%sRegiorij: %s.", len ? "\n" : "", prev->region_note);
  return s;
}
