/* map_recompute.c - a map of data on an older CBS indeling, drawn on later
 * boundaries: the data summed onto the boundaries' municipalities first
 * (stats/recompute), never one part's rate painted on a merged whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/gemeenten.h"
#include "input/herindeling_read.h"
#include "pipeline/map_job_int.h"
#include "util/strbuf.h"

/* The municipalities of the boundaries' indeling that hold one of ds's. */
static jv_status targets(jv_dataset *out, const jv_dataset *ds, const jv_gemeenten *g,
                         const jv_herindelingen *h, jv_error *err)
{
  jv_dataset_init(out);
  out->year = ds->year;
  out->boundary_year = g->year;
  for (size_t i = 0; i < g->n; i++) {
    jv_herindeling_part *p;
    size_t np;
    if (jv_herindelingen_parts(h, g->items[i].code, g->items[i].name, ds->boundary_year, g->year,
                               &p, &np))
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    bool in = false;
    for (size_t k = 0; k < np && !in; k++)
      in = jv_dataset_find_code(ds, p[k].code) >= 0;
    free(p);
    size_t idx;
    if (in && jv_dataset_add(out, g->items[i].code, g->items[i].name, &idx))
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  return JV_OK;
}

jv_status jv_map__recompute(jv_map_prepared *m, const jv_env *env, jv_diags *warn, jv_error *err)
{
  const jv_dataset *ds = m->ds;
  if (!ds->boundary_year || !m->geo->year || ds->boundary_year >= m->geo->year)
    return JV_OK;
  char path[4400];
  snprintf(path, sizeof(path), "%s/herindelingen.csv", env->gemeenten);
  jv_herindelingen h;
  jv_status st = jv_herindelingen_read(&h, path, err);
  if (st)
    return st;
  jv_gemeenten g;
  st = jv_gemeenten_load(&g, env->gemeenten, m->geo->year, err);
  jv_dataset target;
  jv_dataset_init(&target);
  if (!st)
    st = targets(&target, ds, &g, &h, err);
  if (!st && !(m->recomputed = calloc(1, sizeof(*m->recomputed))))
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (!st)
    st = jv_recompute(m->recomputed, ds, &target, &h, err);
  if (st) {
    free(m->recomputed);
    m->recomputed = NULL;
  } else {
    m->recomputed->ds.has_total = false;
    for (size_t i = 0; warn && i < m->recomputed->ds.n_munis; i++)
      if (m->recomputed->note[i])
        jv_diags_add(warn, NULL, 0, 0, "%s; drawn as geen gegevens", m->recomputed->note[i]);
    m->ds = &m->recomputed->ds;
  }
  jv_dataset_free(&target);
  jv_gemeenten_free(&g);
  jv_herindelingen_free(&h);
  return st;
}

jv_status jv_map__recompute_note(jv_map_prepared *m, int from_indeling, jv_error *err)
{
  if (!m->recomputed || !m->source)
    return JV_OK;
  char ys[16];
  jv_schoolyear_format(m->ds->year, ys, sizeof(ys));
  jv_strbuf b = {0};
  jv_strbuf_addf(&b, "%s Gegevens %s (indeling %d) omgerekend naar de gemeentelijke indeling %d.",
                 m->source, ys, from_indeling, m->geo->year);
  char *s = jv_strbuf_detach(&b);
  if (!s)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  free(m->source);
  m->source = s;
  return JV_OK;
}
