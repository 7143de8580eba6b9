/* recompute.c - summing an earlier year's municipalities onto a later
 * indeling, with a note for every municipality that cannot be compared. */
#include "stats/recompute.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

jv_value jv_value_sum(jv_value a, jv_value b)
{
  if (a.kind == JV_VAL_MISSING || b.kind == JV_VAL_MISSING)
    return (jv_value){JV_VAL_MISSING, 0};
  if (a.kind == JV_VAL_UNKNOWN || a.kind == JV_VAL_NONRESPONSE || b.kind == JV_VAL_UNKNOWN ||
      b.kind == JV_VAL_NONRESPONSE)
    return (jv_value){JV_VAL_UNKNOWN, 0};
  if (a.kind == JV_VAL_NVT)
    return b;
  if (b.kind == JV_VAL_NVT)
    return a;
  return jv_value_count(a.count + b.count);
}

void jv_recomputed_free(jv_recomputed *r)
{
  for (size_t i = 0; i < r->ds.n_munis && r->note; i++)
    free(r->note[i]);
  for (size_t i = 0; i < r->ds.n_munis && r->reason; i++)
    free(r->reason[i]);
  free(r->note);
  free(r->reason);
  free(r->summed);
  free(r->region_note);
  jv_dataset_free(&r->ds);
  memset(r, 0, sizeof(*r));
}

/* Sums the parts of municipality i, or writes the reason it cannot. */
static jv_status one(jv_recomputed *out, size_t i, const jv_dataset *earlier,
                     const jv_municipality *m, const jv_herindelingen *h, char *missing,
                     size_t msize, jv_error *err)
{
  jv_herindeling_part *parts;
  size_t np;
  int from = earlier->boundary_year, to = out->ds.boundary_year;
  if (from > to)
    from = to; /* data on a later indeling than the report's: only the same codes */
  if (jv_herindelingen_parts(h, m->code, m->name, from, to, &parts, &np))
    return oom(err);
  char split[400] = "";
  size_t n_missing = 0, n_split = 0;
  for (size_t p = 0; p < np; p++) {
    if (!parts[p].whole)
      n_split++;
    else if (jv_dataset_find_code(earlier, parts[p].code) < 0)
      n_missing++;
  }
  jv_municipality *dst = &out->ds.munis[i];
  size_t km = 0, ks = 0;
  for (size_t p = 0; p < np; p++) {
    if (!parts[p].whole)
      jv_text_list_add(split, sizeof(split), ks++, n_split, parts[p].name);
    else if (jv_dataset_find_code(earlier, parts[p].code) < 0)
      jv_text_list_add(missing, msize, km++, n_missing, parts[p].name);
  }
  char ys[16];
  jv_schoolyear_format(earlier->year, ys, sizeof(ys));
  char reason[800] = "", note[900];
  if (n_split)
    snprintf(reason, sizeof(reason),
             "%s %s na %s gesplitst over meer gemeenten (een deel wordt niet geschat)", split,
             n_split > 1 ? "zijn" : "is", ys);
  else if (n_missing)
    snprintf(reason, sizeof(reason), "%s %s toen niet bij %s", missing,
             n_missing > 1 ? "hoorden" : "hoorde",
             earlier->region_name ? earlier->region_name : "de regio");
  if (reason[0]) {
    free(parts);
    snprintf(note, sizeof(note), "%s: niet vergelijkbaar met %s, want %s", m->name, ys, reason);
    if (!(out->note[i] = strdup(note)) || !(out->reason[i] = strdup(reason)))
      return oom(err);
    out->n_notes++;
    return JV_OK; /* values stay missing */
  }
  for (size_t p = 0; p < np; p++) {
    const jv_municipality *src = &earlier->munis[jv_dataset_find_code(earlier, parts[p].code)];
    for (int k = 0; k < JV_IND_COUNT; k++)
      dst->values[k] = p == 0 ? src->values[k] : jv_value_sum(dst->values[k], src->values[k]);
  }
  out->summed[i] = np > 1 || strcmp(parts[0].code, m->code) != 0;
  out->any_summed = out->any_summed || out->summed[i];
  free(parts);
  return JV_OK;
}

jv_status jv_recompute(jv_recomputed *out, const jv_dataset *earlier, const jv_dataset *current,
                       const jv_herindelingen *h, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_dataset_init(&out->ds);
  out->from_indeling = earlier->boundary_year;
  out->ds.year = earlier->year;
  out->ds.boundary_year = current->boundary_year;
  memcpy(out->ds.has_indicator, earlier->has_indicator, sizeof(out->ds.has_indicator));
  jv_status st = JV_OK;
  if (!(out->ds.region_name = strdup(earlier->region_name ? earlier->region_name : "")))
    st = oom(err);
  out->note = calloc(current->n_munis + 1, sizeof(*out->note));
  out->reason = calloc(current->n_munis + 1, sizeof(*out->reason));
  out->summed = calloc(current->n_munis + 1, sizeof(*out->summed));
  if (!st && (!out->note || !out->reason || !out->summed))
    st = oom(err);
  char missing_all[600] = "";
  for (size_t i = 0; i < current->n_munis && !st; i++) {
    const jv_municipality *m = &current->munis[i];
    size_t idx;
    if (jv_dataset_add(&out->ds, m->code, m->name, &idx)) {
      st = oom(err);
      break;
    }
    char missing[400] = "";
    st = one(out, idx, earlier, m, h, missing, sizeof(missing), err);
    if (!st && missing[0]) {
      size_t len = strlen(missing_all);
      snprintf(missing_all + len, sizeof(missing_all) - len, "%s%s", len ? ", " : "", missing);
    }
  }
  if (!st && missing_all[0]) {
    char note[800], ys[16];
    jv_schoolyear_format(earlier->year, ys, sizeof(ys));
    snprintf(note, sizeof(note), "het regiototaal %s is dat van de gemeenten van toen, zonder %s",
             ys, missing_all);
    if (!(out->region_note = strdup(note)))
      st = oom(err);
  }
  if (st)
    jv_recomputed_free(out);
  return st;
}
