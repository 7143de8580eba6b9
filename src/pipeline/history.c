/* history.c - a project's earlier years for the report of one year. */
#include "pipeline/history.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/herindeling_read.h"
#include "stats/rates.h"

void jv_history_init(jv_history *h)
{
  memset(h, 0, sizeof(*h));
  jv_project_years_init(&h->project);
  jv_herindelingen_init(&h->changes);
}

void jv_history_free(jv_history *h)
{
  if (h->has_prev)
    jv_recomputed_free(&h->prev);
  jv_project_years_free(&h->project);
  jv_herindelingen_free(&h->changes);
  for (size_t i = 0; i < h->n_trends; i++) {
    jv_series_free(h->trends[i]);
    free(h->trends[i]);
  }
  free(h->years);
  jv_history_init(h);
}

jv_status jv_history_load(jv_history *h, const char *data_dir, const jv_dataset *ds,
                          const char *gemeenten_dir, jv_diags *warn, jv_error *err)
{
  jv_history_init(h);
  jv_status st = jv_project_years_read(&h->project, data_dir, ds->year, gemeenten_dir, warn, err);
  char path[PATH_MAX];
  struct stat sb;
  snprintf(path, sizeof(path), "%s/herindelingen.csv", gemeenten_dir);
  if (!st && stat(path, &sb) == 0)
    st = jv_herindelingen_read(&h->changes, path, err);
  const jv_dataset *prev = st ? NULL : jv_project_years_previous(&h->project);
  if (prev) {
    st = jv_recompute(&h->prev, prev, ds, &h->changes, err);
    h->has_prev = st == JV_OK;
  }
  if (!st) {
    h->n_years = h->project.n_years + 1;
    h->years = malloc(h->n_years * sizeof(*h->years));
    if (!h->years)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    for (size_t i = 0; !st && i < h->project.n_years; i++)
      h->years[i] = &h->project.years[i];
    if (!st)
      h->years[h->n_years - 1] = ds;
  }
  if (st)
    jv_history_free(h);
  return st;
}

jv_status jv_history_trend(jv_history *h, jv_indicator ind, bool per_1000, const jv_series **out,
                           jv_error *err)
{
  char name[96];
  snprintf(name, sizeof(name), "regio:%s:%s", jv_indicator_name(ind),
           per_1000 ? "per_1000" : "aantal");
  for (size_t i = 0; i < h->n_trends; i++)
    if (strcmp(h->trends[i]->name, name) == 0) {
      *out = h->trends[i];
      return JV_OK;
    }
  if (h->n_trends == sizeof(h->trends) / sizeof(h->trends[0]))
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "at most 32 regional trend series");
  const jv_dataset *last = h->years[h->n_years - 1];
  char label[300];
  snprintf(label, sizeof(label), "%s%s, %s", jv_indicator_label(ind),
           per_1000 ? " per 1.000 leerplichtigen" : "", last->region_name ? last->region_name : "");
  jv_series *s = malloc(sizeof(*s));
  if (!s)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_series_init(s);
  h->trends[h->n_trends++] = s;
  if (jv_series_name(s, name, label, jv_indicator_label(ind), JV_SERIES_COUNT))
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  s->decimals = per_1000 ? 1 : 0;
  for (size_t i = 0; i < h->n_years; i++) {
    const jv_dataset *y = h->years[i];
    jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
    if (!y->has_indicator[ind] || (per_1000 && !y->has_indicator[den]))
      continue; /* a gap */
    char source[300];
    /* an earlier year of another composition (a part now in the region was
     * not then): its figure is that of the region as it was */
    bool other = h->has_prev && h->prev.region_note;
    snprintf(source, sizeof(source), "registratie Leerplicht %s%s",
             y->region_name ? y->region_name : "",
             other ? " (eerdere jaren: de regio met de gemeenten van dat jaar)" : "");
    jv_value_kind kind;
    double v;
    if (per_1000) {
      jv_rate r;
      jv_stats_region_rate(y, ind, den, &r);
      kind = r.kind;
      v = (double)r.tenths / 10.0;
    } else {
      jv_value t = jv_stats_total(y, ind);
      kind = t.kind;
      v = (double)t.count;
    }
    if (jv_series_put(s, y->year, kind, v, source, NULL))
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  *out = s;
  return JV_OK;
}
