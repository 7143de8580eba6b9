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
  for (size_t i = 0; h->rec && i + 1 < h->n_years; i++)
    if (h->n_recomputed[i])
      jv_recomputed_free(&h->rec[i]);
  free(h->rec);
  free(h->n_recomputed);
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
  const jv_dataset *prev = st ? NULL : jv_project_years_previous(&h->project);
  if (prev)
    st = jv_history_recomputed(h, prev, &h->prev, err);
  if (st)
    jv_history_free(h);
  return st;
}

jv_status jv_history_recomputed(jv_history *h, const jv_dataset *earlier, const jv_recomputed **out,
                                jv_error *err)
{
  size_t i = 0;
  while (i + 1 < h->n_years && h->years[i] != earlier)
    i++;
  if (i + 1 >= h->n_years)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "not an earlier year of the report");
  if (!h->rec) { /* n_years - 1 >= 1 here */
    h->rec = calloc(h->n_years - 1, sizeof(*h->rec));
    h->n_recomputed = calloc(h->n_years - 1, sizeof(*h->n_recomputed));
    if (!h->rec || !h->n_recomputed) {
      free(h->rec);
      free(h->n_recomputed);
      h->rec = NULL;
      h->n_recomputed = NULL;
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    }
  }
  if (!h->n_recomputed[i]) {
    jv_status st = jv_recompute(&h->rec[i], earlier, h->years[h->n_years - 1], &h->changes, err);
    if (st)
      return st;
    h->n_recomputed[i]++;
  }
  *out = &h->rec[i];
  return JV_OK;
}

/* The earlier years of h that the trend shows (shown[i]) on the report
 * year's indeling and municipalities (rec[i] for h->years[i], i < n_years -
 * 1), and the note the trend's source line carries (*note, malloc'ed or
 * NULL): the recomputed years' region_notes, each said once
 * (jv_recomputed_notes: the indeling, what is left out and why). */
static jv_status recompute_years(jv_history *h, const bool *shown, const jv_recomputed **rec,
                                 char **note, jv_error *err)
{
  const jv_recomputed **used = malloc(h->n_years * sizeof(*used)); /* the shown ones, in order */
  size_t k = 0;
  jv_status st = used ? JV_OK : jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i + 1 < h->n_years && !st; i++)
    if (shown[i] && !(st = jv_history_recomputed(h, h->years[i], &rec[i], err)))
      used[k++] = rec[i];
  if (!st)
    st = jv_recomputed_notes(used, k, note, err);
  free(used);
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
  const jv_recomputed **rec = calloc(h->n_years, sizeof(*rec));
  bool *shown = calloc(h->n_years, sizeof(*shown));
  if (!s || !rec || !shown) {
    free(s);
    free(rec);
    free(shown);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
  for (size_t i = 0; i < h->n_years; i++) /* else a gap */
    shown[i] = h->years[i]->has_indicator[ind] && (!per_1000 || h->years[i]->has_indicator[den]);
  jv_series_init(s);
  h->trends[h->n_trends++] = s;
  char *note = NULL, *source = NULL;
  jv_status st = jv_series_name(s, name, label, jv_indicator_label(ind), JV_SERIES_COUNT);
  if (st)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  else
    st = recompute_years(h, shown, rec, &note, err);
  /* every point the region as it is in the report year: one source line */
  const char *region = last->region_name ? last->region_name : "";
  size_t size = strlen(region) + (note ? strlen(note) : 0) + 32;
  if (!st && !(source = malloc(size)))
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (!st)
    snprintf(source, size, "registratie Leerplicht %s%s%s", region, note ? "; " : "",
             note ? note : "");
  s->decimals = per_1000 ? 1 : 0;
  for (size_t i = 0; i < h->n_years && !st; i++) {
    if (!shown[i])
      continue;
    const jv_dataset *y = i + 1 < h->n_years ? &rec[i]->ds : last;
    jv_value_kind kind;
    double v;
    if (per_1000) { /* from the sums over the comparable municipalities */
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
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  free(rec);
  free(shown);
  free(note);
  free(source);
  if (!st)
    *out = s;
  return st;
}
