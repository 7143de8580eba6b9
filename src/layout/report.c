/* report.c - the per-municipality tables of a report (counts, rates per
 * 1,000, percentages) with a region-total row, from a dataset. */
#include "layout/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/format.h"
#include "stats/poisson.h"
#include "stats/rates.h"

#define CELL 48

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static jv_status new_table(size_t n_cols, const char *title, const jv_dataset *ds, jv_table **out,
                           jv_error *err)
{
  jv_table *t = malloc(sizeof(*t));
  if (!t)
    return oom(err);
  jv_status st = jv_table_init(t, n_cols, title, err);
  if (st) {
    free(t);
    return st;
  }
  char year[16], source[256];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(source, sizeof(source), "Bron: registratie Leerplicht %s, schooljaar %s.",
           ds->region_name ? ds->region_name : "", year);
  if (jv_table_set_header(t, 0, "Gemeente") || jv_table_set_source(t, source)) {
    jv_table_free(t);
    free(t);
    return oom(err);
  }
  *out = t;
  return JV_OK;
}

/* The letter's warning in a table: a rate whose class on the letter's map
 * (edges 0, 1, 2, 3, 5) is uncertain gets JV_SMALL_SIGN; *any records that
 * the table needs the footnote. */
static const char *mark_small(const jv_rate *r, char *buf, int *any)
{
  if (r->kind != JV_VAL_COUNT || r->base <= 0)
    return buf;
  jv_small_numbers o;
  jv_buckets b;
  jv_small_numbers_default(&o);
  jv_buckets_default(&b);
  if (jv_small_numbers_flag(&o, &b, r->count, r->base, NULL, NULL)) {
    strncat(buf, JV_SMALL_SIGN, CELL - strlen(buf) - 1);
    *any = 1;
  }
  return buf;
}

/* The footnote for JV_SMALL_SIGN, under the table's source line. */
static jv_status small_footnote(jv_table *t, jv_error *err)
{
  return jv_table_set_note(t, JV_SMALL_SIGN " Kleine aantallen: klasse onzeker (minder dan 5 "
                                            "gevallen, of een 95%-interval over meer dan één "
                                            "kaartklasse).")
             ? oom(err)
             : JV_OK;
}

static void drop(jv_table *t)
{
  jv_table_free(t);
  free(t);
}

jv_status jv_report_count_table(const jv_dataset *ds, const char *title,
                                const jv_indicator *indicators, const char *const *headers,
                                size_t n, jv_table **out, jv_error *err)
{
  jv_table *t;
  jv_status st = new_table(n + 1, title, ds, &t, err);
  if (st)
    return st;
  for (size_t c = 0; c < n; c++)
    if (jv_table_set_header(t, c + 1, headers[c]))
      goto fail;
  char buf[16][CELL];
  const char *cells[17];
  for (size_t r = 0; r <= ds->n_munis; r++) {
    int total = r == ds->n_munis;
    cells[0] = total ? ds->region_name : ds->munis[r].name;
    for (size_t c = 0; c < n && c < 16; c++) {
      jv_value v = total ? jv_stats_total(ds, indicators[c]) : ds->munis[r].values[indicators[c]];
      cells[c + 1] = jv_format_value(v, buf[c], CELL);
    }
    if (jv_table_add_row(t, total ? JV_ROW_TOTAL : JV_ROW_BODY, cells))
      goto fail;
  }
  *out = t;
  return JV_OK;
fail:
  drop(t);
  return oom(err);
}

jv_status jv_report_rate_table(const jv_dataset *ds, const char *title, jv_indicator ind,
                               const char *count_header, const char *rate_header, jv_table **out,
                               jv_error *err)
{
  static const jv_indicator base[3] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17};
  static const char *const base_hdr[3] = {"Totaal\n5 t/m 15 jaar", "16 en\n17 jaar",
                                          "5 t/m 17\njaar"};
  jv_table *t;
  jv_status st = new_table(7, title, ds, &t, err);
  if (st)
    return st;
  for (int c = 0; c < 3; c++)
    if (jv_table_set_header(t, (size_t)c + 1, base_hdr[c]))
      goto fail;
  if (jv_table_set_header(t, 4, count_header) || jv_table_set_header(t, 5, rate_header) ||
      jv_table_set_header(t, 6, "Regio-\ngemiddelde"))
    goto fail;
  t->emphasis[5] = true;
  jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
  jv_rate region;
  jv_stats_region_rate(ds, ind, den, &region);
  int any_small = 0;
  char buf[6][CELL];
  const char *cells[7];
  for (size_t r = 0; r <= ds->n_munis; r++) {
    int total = r == ds->n_munis;
    const jv_municipality *m = total ? NULL : &ds->munis[r];
    cells[0] = total ? ds->region_name : m->name;
    for (int c = 0; c < 3; c++) {
      jv_value v = total ? jv_stats_total(ds, base[c]) : m->values[base[c]];
      cells[c + 1] = jv_format_value(v, buf[c], CELL);
    }
    jv_value count = total ? jv_stats_total(ds, ind) : m->values[ind];
    jv_value lpl = total ? jv_stats_total(ds, den) : m->values[den];
    jv_rate rate;
    jv_rate_per_1000(count, lpl, &rate);
    cells[4] = jv_format_value(count, buf[3], CELL);
    cells[5] = mark_small(&rate, jv_format_rate(&rate, buf[4], CELL), &any_small);
    cells[6] = jv_format_rate(&region, buf[5], CELL);
    if (jv_table_add_row(t, total ? JV_ROW_TOTAL : JV_ROW_BODY, cells))
      goto fail;
  }
  if (any_small && small_footnote(t, err))
    goto fail;
  *out = t;
  return JV_OK;
fail:
  drop(t);
  return oom(err);
}

/* A rate column's cell: count over base per 1,000 (one decimal: exactly
 * the tenths the per-1.000 tables print). */
static const char *rate_cell(jv_value count, jv_value base, int decimals, char *buf, int *any)
{
  jv_rate r;
  jv_rate_per_1000(count, base, &r);
  if (r.kind != JV_VAL_COUNT || decimals == 1)
    return mark_small(&r, jv_format_rate(&r, buf, CELL), any);
  return mark_small(&r, jv_format_decimal(r.value, decimals, buf, CELL), any);
}

/* A percentage cell: count over base in percent, rounded half away from
 * zero from the exact value. */
static const char *percent_cell(jv_value count, jv_value base, int decimals, char *buf)
{
  jv_rate r;
  jv_rate_per_1000(count, base, &r);
  /* 0 of 0 (no long-term absentees, so none longer than three months): the
   * letters print 0% */
  if (count.kind == JV_VAL_COUNT && base.kind == JV_VAL_COUNT && count.count == 0 &&
      base.count == 0)
    r.kind = JV_VAL_COUNT, r.value = 0;
  if (r.kind != JV_VAL_COUNT)
    return jv_format_rate(&r, buf, CELL);
  jv_format_decimal(r.value / 10.0, decimals, buf, CELL);
  strcat(buf, "%");
  return buf;
}

jv_status jv_report_overview_table(const jv_dataset *ds, const char *title,
                                   const jv_indicator *indicators, const char *const *headers,
                                   const int *decimals, size_t n, jv_unit unit, jv_table **out,
                                   jv_error *err)
{
  if (n > 15)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "a table holds at most 15 columns");
  jv_table *t;
  jv_status st = new_table(n + 1, title, ds, &t, err);
  if (st)
    return st;
  for (size_t c = 0; c < n; c++)
    if (jv_table_set_header(t, c + 1, headers ? headers[c] : jv_indicator_label(indicators[c])))
      goto fail;
  char buf[16][CELL];
  const char *cells[17];
  int any_small = 0;
  for (size_t r = 0; r <= ds->n_munis; r++) {
    int total = r == ds->n_munis;
    cells[0] = total ? ds->region_name : ds->munis[r].name;
    for (size_t c = 0; c < n; c++) {
      jv_indicator ind = indicators[c], base = jv_rate_base(ind, unit);
      jv_value v = total ? jv_stats_total(ds, ind) : ds->munis[r].values[ind];
      jv_value b = total ? jv_stats_total(ds, base) : ds->munis[r].values[base];
      int dec = decimals ? decimals[c] : 1;
      if (unit == JV_UNIT_PER_1000 && ind != base)
        cells[c + 1] = rate_cell(v, b, dec, buf[c], &any_small);
      else if (unit == JV_UNIT_PERCENT && ind != base)
        cells[c + 1] = percent_cell(v, b, dec, buf[c]);
      else
        cells[c + 1] = jv_format_value(v, buf[c], CELL);
    }
    if (jv_table_add_row(t, total ? JV_ROW_TOTAL : JV_ROW_BODY, cells))
      goto fail;
  }
  if (any_small && small_footnote(t, err))
    goto fail;
  *out = t;
  return JV_OK;
fail:
  drop(t);
  return oom(err);
}

jv_status jv_report_kind_table(const jv_dataset *ds, const char *title, const jv_table_kind *k,
                               jv_table **out, jv_error *err)
{
  if (k->form == JV_TABLE_RATE)
    return jv_report_rate_table(ds, title, k->ind[0], k->header[0], k->header[1], out, err);
  if (k->form != JV_TABLE_COLUMNS)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0,
                        "table kind %s takes its columns from the template", k->name);
  if (k->unit == JV_UNIT_COUNT)
    return jv_report_count_table(ds, title, k->ind, k->header, k->n, out, err);
  return jv_report_overview_table(ds, title, k->ind, k->header, NULL, k->n, k->unit, out, err);
}
