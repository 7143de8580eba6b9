/* chart_data.c - building chart descriptions from datasets and series. */
#include "layout/chart_data.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/series_catalogue.h"
#include "stats/rates.h"
#include "util/text.h"

static void region_year(const jv_dataset *ds, char *buf, size_t size)
{
  char year[16];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(buf, size, "%s, schooljaar %s", ds->region_name ? ds->region_name : "Regio", year);
}

jv_status jv_comparison_from_dataset(jv_comparison_data *d, const jv_dataset *ds, jv_indicator ind,
                                     jv_error *err)
{
  memset(d, 0, sizeof(*d));
  if (strcmp(jv_indicator_group(ind), "leerplichtigen") == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%s is the base of the rates, not something to compare per 1.000",
                        jv_indicator_name(ind));
  if (!ds->has_indicator[ind])
    return jv_error_set(err, JV_EDATA, NULL, 0, 0,
                        "the data has no column %s (see 'jaarverslag indicators')",
                        jv_indicator_name(ind));
  if (ds->n_munis > JV_CHART_MAX_ROWS)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%zu municipalities: a comparison chart shows at most %d", ds->n_munis,
                        JV_CHART_MAX_ROWS);
  jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
  for (size_t i = 0; i < ds->n_munis; i++) {
    jv_rate r;
    jv_rate_per_1000(ds->munis[i].values[ind], ds->munis[i].values[den], &r);
    d->names[i] = ds->munis[i].name;
    /* the tables print tenths: bars and labels show the same figure */
    d->values[i] = r.kind == JV_VAL_COUNT ? (double)r.tenths / 10.0 : NAN;
  }
  jv_rate reg;
  jv_stats_region_rate(ds, ind, den, &reg);
  snprintf(d->title, sizeof(d->title), "%s per 1.000 leerplichtigen", jv_indicator_label(ind));
  region_year(ds, d->subtitle, sizeof(d->subtitle));
  snprintf(d->source, sizeof(d->source), "leerplichtgegevens %s",
           ds->region_name ? ds->region_name : "regio");
  snprintf(d->axis_label, sizeof(d->axis_label), "per 1.000 leerplichtigen van 5 t/m 17 jaar");
  jv_comparison_chart *c = &d->chart;
  c->text.title = d->title;
  c->text.subtitle = d->subtitle;
  c->text.source = d->source;
  c->n = ds->n_munis;
  c->name = d->names;
  c->value = d->values;
  c->decimals = 1;
  c->reference = reg.kind == JV_VAL_COUNT ? (double)reg.tenths / 10.0 : NAN;
  c->reference_label = "Regio";
  c->axis_label = d->axis_label;
  return JV_OK;
}

/* "Relatief verzuim beroepsonderwijs" in a group whose labels all start
 * with "Relatief verzuim " -> "Beroepsonderwijs". */
static void segment_label(char *out, size_t size, const char *label, const char *prefix)
{
  size_t n = strlen(prefix);
  const char *s = strncmp(label, prefix, n) == 0 && label[n] ? label + n : label;
  snprintf(out, size, "%s", s);
  if (islower((unsigned char)out[0]))
    out[0] = (char)toupper((unsigned char)out[0]);
}

jv_status jv_stacked_from_dataset(jv_stacked_data *d, const jv_dataset *ds, const char *group,
                                  jv_error *err)
{
  memset(d, 0, sizeof(*d));
  const char *prefix, *title;
  if (strcmp(group, "relatief") == 0) {
    prefix = "Relatief verzuim ";
    title = "Relatief verzuimers naar onderwijssoort";
  } else if (strcmp(group, "processen_verbaal") == 0) {
    prefix = "Processen-verbaal ";
    title = "Processen-verbaal naar onderwijssoort";
  } else {
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "no stacked chart for '%s': use relatief or processen_verbaal", group);
  }
  if (ds->n_munis > JV_CHART_MAX_ROWS)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%zu municipalities: a stacked chart shows at most %d", ds->n_munis,
                        JV_CHART_MAX_ROWS);
  jv_indicator ind[JV_CHART_MAX_SEGMENTS];
  size_t n = 0;
  for (int i = 0; i < JV_IND_COUNT && n < JV_CHART_MAX_SEGMENTS; i++) {
    if (strcmp(jv_indicator_group((jv_indicator)i), group) != 0 || !ds->has_indicator[i])
      continue;
    ind[n] = (jv_indicator)i;
    segment_label(d->segment_text[n], sizeof(d->segment_text[n]),
                  jv_indicator_label((jv_indicator)i), prefix);
    d->segments[n] = d->segment_text[n];
    n++;
  }
  if (n == 0)
    return jv_error_set(err, JV_EDATA, NULL, 0, 0, "the data has no columns of group %s", group);
  for (size_t r = 0; r < ds->n_munis; r++) {
    d->rows[r] = ds->munis[r].name;
    for (size_t k = 0; k < n; k++) {
      jv_value v = ds->munis[r].values[ind[k]];
      d->values[r * n + k] = v.kind == JV_VAL_COUNT ? (double)v.count : NAN;
    }
  }
  snprintf(d->title, sizeof(d->title), "%s", title);
  region_year(ds, d->subtitle, sizeof(d->subtitle));
  snprintf(d->source, sizeof(d->source), "leerplichtgegevens %s",
           ds->region_name ? ds->region_name : "regio");
  jv_stacked_chart *c = &d->chart;
  c->text.title = d->title;
  c->text.subtitle = d->subtitle;
  c->text.source = d->source;
  c->n_rows = ds->n_munis;
  c->n_segments = n;
  c->row = d->rows;
  c->segment = d->segments;
  c->value = d->values;
  c->decimals = 0;
  c->totals = true;
  return JV_OK;
}

static void lower_first(char *s)
{
  if (isupper((unsigned char)s[0]) && islower((unsigned char)s[1]))
    s[0] = (char)tolower((unsigned char)s[0]);
}

/* Resolves spec into series of set: a group, a name or "a,b,c". Where a
 * series and a group share a name ("vsv"), prefer_name picks the series. */
static jv_status pick_series(const jv_series_set *set, const char *spec, int prefer_name,
                             const jv_series **out, size_t *n, const char **group_label,
                             jv_error *err)
{
  *n = 0;
  *group_label = prefer_name && jv_series_info_find(spec) ? NULL : jv_series_group_label(spec);
  if (*group_label) {
    for (size_t i = 0; i < jv_series_info_count(); i++) {
      const jv_series_info *info = jv_series_info_at(i);
      if (strcmp(info->group, spec) != 0)
        continue;
      const jv_series *s = jv_series_set_find(set, info->name);
      if (s && *n < JV_CHART_MAX_SERIES)
        out[(*n)++] = s;
    }
    if (*n == 0)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "the series files hold no series of group %s",
                          spec);
    return JV_OK;
  }
  const char *p = spec;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char name[96];
    snprintf(name, sizeof(name), "%.*s", (int)(len < sizeof(name) ? len : sizeof(name) - 1), p);
    if (!jv_series_info_find(name))
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "unknown series '%s' (see data/README.md for names and groups)", name);
    const jv_series *s = jv_series_set_find(set, name);
    if (!s)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "the series files hold no series %s", name);
    if (*n == JV_CHART_MAX_SERIES)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "at most %d series in one chart",
                          JV_CHART_MAX_SERIES);
    out[(*n)++] = s;
    p = e ? e + 1 : p + len;
  }
  if (*n == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "no series named");
  return JV_OK;
}

/* Whether one of the "; "-separated entries of list is a prefix of src. */
static int has_prefix_of(const char *list, const char *src)
{
  const char *p = list;
  while (*p) {
    const char *e = strstr(p, "; ");
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len && strncmp(src, p, len) == 0)
      return 1;
    p = e ? e + 2 : p + len;
  }
  return 0;
}

/* "a; b; c": the distinct sources of the series' figures, in order. */
static void collect_sources(char *out, size_t size, const jv_series *const *s, size_t n)
{
  out[0] = '\0';
  for (size_t k = 0; k < n; k++) {
    for (size_t i = 0; i < s[k]->n_years; i++) {
      const char *src = s[k]->points[i].source;
      /* "..., tabel 2 (MBO)" adds nothing to "..., tabel 2" on a chart */
      if (!src || has_prefix_of(out, src))
        continue;
      size_t l = strlen(out);
      snprintf(out + l, size - l, "%s%s", l ? "; " : "", src);
    }
  }
}

jv_status jv_trend_from_series(jv_trend_data *d, const jv_series_set *set, const char *spec,
                               jv_trend_style style, jv_error *err)
{
  const jv_series *picked[JV_CHART_MAX_SERIES];
  size_t n;
  const char *group_label;
  jv_status s = pick_series(set, spec, 1, picked, &n, &group_label, err);
  if (s)
    return s;
  return jv_trend_from_list(d, picked, n, group_label, style, err);
}

jv_status jv_trend_from_list(jv_trend_data *d, const jv_series *const *list, size_t n,
                             const char *group_label, jv_trend_style style, jv_error *err)
{
  memset(d, 0, sizeof(*d));
  jv_trend_chart *c = &d->chart;
  if (n == 0 || n > JV_CHART_MAX_SERIES)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "a trend chart needs 1 to %d series",
                        JV_CHART_MAX_SERIES);
  for (size_t k = 0; k < n; k++)
    c->series[k] = list[k];
  c->n_series = n;
  for (size_t k = 1; k < c->n_series; k++)
    if (c->series[k]->unit != c->series[0]->unit)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "%s and %s have different units: chart them separately",
                          c->series[0]->name, c->series[k]->name);
  if (c->n_series == 1 || group_label) {
    snprintf(d->title, sizeof(d->title), "%s",
             c->n_series == 1 ? c->series[0]->label : group_label);
  } else {
    /* "Absoluut verzuimers, langdurig relatief verzuimers en thuiszitters ..." */
    for (size_t k = 0; k < c->n_series; k++) {
      char lab[160];
      snprintf(lab, sizeof(lab), "%s", c->series[k]->label);
      if (k)
        lower_first(lab);
      jv_text_list_add(d->title, sizeof(d->title), k, c->n_series, lab);
    }
  }
  collect_sources(d->source, sizeof(d->source), c->series, c->n_series);
  c->text.title = d->title;
  c->text.source = d->source[0] ? d->source : NULL;
  c->style = style;
  c->value_labels = true;
  return JV_OK;
}

void jv_trend_note_end(jv_trend_data *d, jv_schoolyear until)
{
  jv_schoolyear last = {0}, y;
  int any = 0;
  for (size_t k = 0; k < d->chart.n_series; k++)
    if (jv_series_last(d->chart.series[k], &y) && (!any || y.start > last.start))
      last = y, any = 1;
  if (!any || last.start >= until.start)
    return;
  char year[16];
  jv_schoolyear_format(last, year, sizeof(year));
  snprintf(d->subtitle, sizeof(d->subtitle), "Cijfers tot en met %s", year);
  d->chart.text.subtitle = d->subtitle;
}

jv_status jv_keyfigure_from_series_set(jv_keyfigure_data *d, const jv_series_set *set,
                                       const char *spec, size_t n_years, jv_error *err)
{
  memset(d, 0, sizeof(*d));
  const jv_series *s[JV_CHART_MAX_SERIES];
  size_t n;
  const char *group_label;
  jv_status st = pick_series(set, spec, 0, s, &n, &group_label, err);
  if (st)
    return st;
  const jv_series *main = NULL, *detail = NULL;
  for (size_t k = 0; k < n; k++) {
    if (!main && s[k]->unit == JV_SERIES_COUNT)
      main = s[k];
    else if (!detail)
      detail = s[k];
  }
  if (!main)
    main = s[0];
  if (detail == main)
    detail = NULL;
  char label[96];
  snprintf(label, sizeof(label), "%s", main->short_label);
  lower_first(label);
  if (jv_keyfigure_from_series(&d->chart, main, detail, label, n_years) == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "series %s has no figures", main->name);
  if (detail && detail->unit != JV_SERIES_PERCENT) {
    /* a count as detail needs its own words: "86 begeleide risicoleerlingen" */
    char what[96];
    snprintf(what, sizeof(what), "%s", detail->short_label);
    lower_first(what);
    for (size_t i = 0; i < d->chart.n; i++)
      if (d->chart.item[i].detail[0])
        snprintf(d->chart.item[i].detail_label, sizeof(d->chart.item[i].detail_label), "%s", what);
  }
  snprintf(d->title, sizeof(d->title), "%s", group_label ? group_label : main->label);
  const jv_series *both[2] = {main, detail};
  collect_sources(d->source, sizeof(d->source), both, detail ? 2 : 1);
  d->chart.text.title = d->title;
  d->chart.text.source = d->source[0] ? d->source : NULL;
  return JV_OK;
}
