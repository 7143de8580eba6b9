/* chart_alt.c - text alternatives of charts, written from their data, and
 * the key-figure helper. Dutch sentences; numbers in Dutch notation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "stats/format.h"
#include "util/strbuf.h"

char *jv_chart_format_value(const jv_series *s, double v, char *buf, size_t size)
{
  char num[48];
  jv_format_decimal(v, s->decimals, num, sizeof(num));
  snprintf(buf, size, "%s%s", num, s->unit == JV_SERIES_PERCENT ? "%" : "");
  return buf;
}

/* Title for a sentence: the chart's title or a fallback. */
static const char *title_or(const jv_chart_text *t, const char *fallback)
{
  return t->title && *t->title ? t->title : fallback;
}

/* ---- trend ---- */

static void trend_range(const jv_trend_chart *c, int *first, int *last)
{
  int lo = 0, hi = 0, any = 0;
  for (size_t i = 0; i < c->n_series; i++) {
    const jv_series *s = c->series[i];
    if (!s || s->n_years == 0)
      continue;
    int a = s->first_year, b = s->first_year + (int)s->n_years - 1;
    if (!any || a < lo)
      lo = a;
    if (!any || b > hi)
      hi = b;
    any = 1;
  }
  *first = c->first_year ? c->first_year : lo;
  *last = c->last_year ? c->last_year : hi;
}

char *jv_trend_chart_alt(const jv_trend_chart *c)
{
  jv_strbuf b = {0};
  int first, last;
  trend_range(c, &first, &last);
  char y0[16], y1[16];
  jv_schoolyear_format((jv_schoolyear){first}, y0, sizeof(y0));
  jv_schoolyear_format((jv_schoolyear){last}, y1, sizeof(y1));
  /* one series under its own name as title: no need to name it twice */
  bool name_series = !(c->n_series == 1 && c->series[0] && c->text.title &&
                       strcmp(c->text.title, c->series[0]->label) == 0);
  jv_strbuf_addf(&b, "%s, %s tot en met %s%s", title_or(&c->text, "Verloop"), y0, y1,
                 name_series ? "." : ":");
  for (size_t i = 0; i < c->n_series; i++) {
    const jv_series *s = c->series[i];
    if (!s)
      continue;
    int have = 0, fy = 0, ly = 0, maxy = 0, miny = 0;
    double fv = 0, lv = 0, maxv = 0, minv = 0;
    char gaps[256] = "";
    size_t n_gaps = 0;
    for (int y = first; y <= last; y++) {
      double v;
      if (!jv_series_value(s, (jv_schoolyear){y}, &v)) {
        char yt[16];
        jv_schoolyear_format((jv_schoolyear){y}, yt, sizeof(yt));
        if (n_gaps < 4) {
          size_t l = strlen(gaps);
          snprintf(gaps + l, sizeof(gaps) - l, "%s%s", n_gaps ? ", " : "", yt);
        }
        n_gaps++;
        continue;
      }
      if (!have)
        fy = y, fv = v;
      ly = y, lv = v;
      if (!have || v > maxv)
        maxv = v, maxy = y;
      if (!have || v < minv)
        minv = v, miny = y;
      have = 1;
    }
    if (name_series)
      jv_strbuf_addf(&b, " %s:", s->label);
    if (!have) {
      jv_strbuf_addf(&b, " geen gegevens.");
      continue;
    }
    char a[48], z[48], hi[48], lo[48], ya[16], yz[16], yhi[16], ylo[16];
    jv_chart_format_value(s, fv, a, sizeof(a));
    jv_chart_format_value(s, lv, z, sizeof(z));
    jv_chart_format_value(s, maxv, hi, sizeof(hi));
    jv_chart_format_value(s, minv, lo, sizeof(lo));
    jv_schoolyear_format((jv_schoolyear){fy}, ya, sizeof(ya));
    jv_schoolyear_format((jv_schoolyear){ly}, yz, sizeof(yz));
    jv_schoolyear_format((jv_schoolyear){maxy}, yhi, sizeof(yhi));
    jv_schoolyear_format((jv_schoolyear){miny}, ylo, sizeof(ylo));
    if (fy == ly)
      jv_strbuf_addf(&b, " %s in %s", a, ya);
    else
      jv_strbuf_addf(&b, " van %s in %s naar %s in %s; hoogst %s (%s), laagst %s (%s)", a, ya, z,
                     yz, hi, yhi, lo, ylo);
    if (n_gaps)
      jv_strbuf_addf(&b, "; geen cijfer voor %s%s", gaps, n_gaps > 4 ? " en andere jaren" : "");
    jv_strbuf_addf(&b, ".");
  }
  return jv_strbuf_detach(&b);
}

/* ---- comparison ---- */

/* Names whose displayed value equals want, as "A, B en C" or "N gemeenten". */
static void name_list(jv_strbuf *b, const jv_comparison_chart *c, const char *want)
{
  size_t count = 0;
  char v[48];
  for (size_t i = 0; i < c->n; i++)
    if (!isnan(c->value[i]) &&
        strcmp(jv_format_decimal(c->value[i], c->decimals, v, sizeof(v)), want) == 0)
      count++;
  if (count > 3) {
    jv_strbuf_addf(b, "%zu gemeenten", count);
    return;
  }
  size_t k = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (isnan(c->value[i]) ||
        strcmp(jv_format_decimal(c->value[i], c->decimals, v, sizeof(v)), want) != 0)
      continue;
    jv_strbuf_list_add(b, k++, count, c->name[i]);
  }
}

char *jv_comparison_chart_alt(const jv_comparison_chart *c)
{
  jv_strbuf b = {0};
  double hi = NAN, lo = NAN;
  size_t known = 0;
  for (size_t i = 0; i < c->n; i++) {
    double v = c->value[i];
    if (isnan(v))
      continue;
    if (isnan(hi) || v > hi)
      hi = v;
    if (isnan(lo) || v < lo)
      lo = v;
    known++;
  }
  jv_strbuf_addf(&b, "%s:", title_or(&c->text, "Vergelijking per gemeente"));
  if (known == 0) {
    jv_strbuf_addf(&b, " geen gegevens.");
    return jv_strbuf_detach(&b);
  }
  char hs[48], ls[48], rs[48];
  jv_format_decimal(hi, c->decimals, hs, sizeof(hs));
  jv_format_decimal(lo, c->decimals, ls, sizeof(ls));
  jv_strbuf_addf(&b, " hoogst ");
  name_list(&b, c, hs);
  jv_strbuf_addf(&b, " (%s)", hs);
  if (strcmp(hs, ls) != 0) {
    jv_strbuf_addf(&b, ", laagst ");
    name_list(&b, c, ls);
    jv_strbuf_addf(&b, " (%s)", ls);
  }
  if (known < c->n)
    jv_strbuf_addf(&b, "; n.b. voor %zu %s", c->n - known,
                   c->n - known == 1 ? "gemeente" : "gemeenten");
  jv_strbuf_addf(&b, ".");
  if (!isnan(c->reference)) {
    jv_format_decimal(c->reference, c->decimals, rs, sizeof(rs));
    /* compare what the reader sees: rounded to the shown decimals */
    double scale = pow(10.0, c->decimals);
    double r = floor(c->reference * scale + 0.5);
    size_t above = 0;
    for (size_t i = 0; i < c->n; i++)
      if (!isnan(c->value[i]) && floor(c->value[i] * scale + 0.5) > r)
        above++;
    jv_strbuf_addf(&b, " %s %s; %zu van de %zu %s erboven.",
                   c->reference_label ? c->reference_label : "Gemiddelde", rs, above, c->n,
                   above == 1 ? "ligt" : "liggen");
  }
  return jv_strbuf_detach(&b);
}

/* ---- stacked ---- */

char *jv_stacked_chart_alt(const jv_stacked_chart *c)
{
  jv_strbuf b = {0};
  jv_strbuf_addf(&b, "%s:", title_or(&c->text, "Verdeling per gemeente"));
  size_t hi_row = 0, lo_row = 0;
  double hi = NAN, lo = NAN, grand = 0;
  double seg_total[JV_CHART_MAX_SEGMENTS] = {0};
  int seg_present[JV_CHART_MAX_SEGMENTS] = {0};
  size_t nseg = c->n_segments < JV_CHART_MAX_SEGMENTS ? c->n_segments : JV_CHART_MAX_SEGMENTS;
  for (size_t r = 0; r < c->n_rows; r++) {
    double t = 0;
    int any = 0;
    for (size_t k = 0; k < nseg; k++) {
      double v = c->value[r * c->n_segments + k];
      if (isnan(v))
        continue;
      t += v;
      seg_total[k] += v;
      seg_present[k] = 1;
      any = 1;
    }
    if (!any)
      continue;
    grand += t;
    if (isnan(hi) || t > hi)
      hi = t, hi_row = r;
    if (isnan(lo) || t < lo)
      lo = t, lo_row = r;
  }
  if (isnan(hi)) {
    jv_strbuf_addf(&b, " geen gegevens.");
    return jv_strbuf_detach(&b);
  }
  char v1[48], v2[48], v3[48];
  jv_strbuf_addf(&b, " hoogste totaal %s (%s), laagste %s (%s); samen %s", c->row[hi_row],
                 jv_format_decimal(hi, c->decimals, v1, sizeof(v1)), c->row[lo_row],
                 jv_format_decimal(lo, c->decimals, v2, sizeof(v2)),
                 jv_format_decimal(grand, c->decimals, v3, sizeof(v3)));
  /* segments, largest first */
  int done[JV_CHART_MAX_SEGMENTS] = {0};
  const char *sep = ": ";
  for (size_t n = 0; n < nseg; n++) {
    long best = -1;
    for (size_t k = 0; k < nseg; k++)
      if (seg_present[k] && !done[k] && (best < 0 || seg_total[k] > seg_total[best]))
        best = (long)k;
    if (best < 0)
      break;
    done[best] = 1;
    jv_strbuf_addf(&b, "%s%s %s", sep, c->segment[best],
                   jv_format_decimal(seg_total[best], c->decimals, v1, sizeof(v1)));
    sep = ", ";
  }
  jv_strbuf_addf(&b, ".");
  return jv_strbuf_detach(&b);
}

/* ---- key figures ---- */

char *jv_keyfigure_chart_alt(const jv_keyfigure_chart *c)
{
  jv_strbuf b = {0};
  jv_strbuf_addf(&b, "%s:", title_or(&c->text, "Kerncijfers"));
  for (size_t i = 0; i < c->n; i++) {
    const jv_keyfigure *k = &c->item[i];
    jv_strbuf_addf(&b, "%s %s %s", i ? ";" : "", k->value, k->label);
    if (k->detail[0])
      jv_strbuf_addf(&b, " (%s%s%s)", k->detail, k->detail_label[0] ? " " : "", k->detail_label);
    if (k->period[0])
      jv_strbuf_addf(&b, " in %s", k->period);
  }
  jv_strbuf_addf(&b, ".");
  return jv_strbuf_detach(&b);
}

size_t jv_keyfigure_from_series(jv_keyfigure_chart *kc, const jv_series *main,
                                const jv_series *detail, const char *label, size_t n_years)
{
  kc->n = 0;
  if (n_years > JV_CHART_MAX_KEYFIGURES)
    n_years = JV_CHART_MAX_KEYFIGURES;
  for (size_t i = main->n_years; i-- > 0 && kc->n < n_years;) {
    const jv_series_point *p = &main->points[i];
    if (p->kind != JV_VAL_COUNT)
      continue;
    jv_keyfigure *k = &kc->item[kc->n++];
    jv_schoolyear y = {main->first_year + (int)i};
    jv_chart_format_value(main, p->value, k->value, sizeof(k->value));
    k->detail[0] = '\0';
    k->detail_label[0] = '\0';
    double dv;
    if (detail && jv_series_value(detail, y, &dv))
      jv_chart_format_value(detail, dv, k->detail, sizeof(k->detail));
    snprintf(k->label, sizeof(k->label), "%s", label ? label : main->short_label);
    jv_schoolyear_format(y, k->period, sizeof(k->period));
  }
  return kc->n;
}
