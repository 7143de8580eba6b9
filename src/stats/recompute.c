/* recompute.c - summing an earlier year's municipalities onto a later
 * indeling, with a note for every municipality that cannot be compared. */
#include "stats/recompute.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
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
                     const jv_municipality *m, const jv_herindelingen *h, jv_error *err)
{
  jv_herindeling_part *parts;
  size_t np;
  int from = earlier->boundary_year, to = out->ds.boundary_year;
  if (from > to)
    from = to; /* data on a later indeling than the report's: only the same codes */
  if (jv_herindelingen_parts(h, m->code, m->name, from, to, &parts, &np))
    return oom(err);
  char split[400] = "", missing[400] = "";
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
      jv_text_list_add(missing, sizeof(missing), km++, n_missing, parts[p].name);
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

/* "2017-2018 omgerekend naar de gemeentelijke indeling 2020", then what the
 * region's figure leaves out: ", zonder Vijfheerenlanden (Vianen hoorde toen
 * niet bij Zuid-Holland Zuid)". NULL when out of memory. */
static char *region_note(const jv_recomputed *r)
{
  char ys[16];
  jv_schoolyear_format(r->ds.year, ys, sizeof(ys));
  jv_strbuf s = {0}, why = {0};
  jv_strbuf_addf(&s, "%s omgerekend naar de gemeentelijke indeling %d", ys, r->ds.boundary_year);
  if (r->n_notes)
    jv_strbuf_addf(&s, ", zonder ");
  for (size_t m = 0, j = 0; m < r->ds.n_munis; m++) {
    if (!r->note[m])
      continue;
    jv_strbuf_list_add(&s, j++, r->n_notes, r->ds.munis[m].name);
    size_t said = 0; /* a split names its part once for all its successors */
    for (size_t e = 0; e < m && !said; e++)
      said = r->reason[e] && strcmp(r->reason[e], r->reason[m]) == 0;
    if (!said)
      jv_strbuf_addf(&why, "%s%s", j > 1 ? "; " : "", r->reason[m]);
  }
  char *w = jv_strbuf_detach(&why);
  if (r->n_notes && w)
    jv_strbuf_addf(&s, " (%s)", w);
  char *note = jv_strbuf_detach(&s);
  if (!w) {
    free(note);
    note = NULL;
  }
  free(w);
  return note;
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
  for (size_t i = 0; i < current->n_munis && !st; i++) {
    const jv_municipality *m = &current->munis[i];
    size_t idx;
    if (jv_dataset_add(&out->ds, m->code, m->name, &idx)) {
      st = oom(err);
      break;
    }
    st = one(out, idx, earlier, m, h, err);
  }
  if (!st && (out->any_summed || out->n_notes) && !(out->region_note = region_note(out)))
    st = oom(err);
  if (st)
    jv_recomputed_free(out);
  return st;
}

/* region_note of r without its leading school year: "omgerekend naar ...". */
static const char *note_rest(const jv_recomputed *r)
{
  char ys[16];
  jv_schoolyear_format(r->ds.year, ys, sizeof(ys));
  size_t n = strlen(ys);
  return strncmp(r->region_note, ys, n) == 0 && r->region_note[n] == ' ' ? r->region_note + n + 1
                                                                         : r->region_note;
}

jv_status jv_recomputed_notes(const jv_recomputed *const *recs, size_t n, char **out, jv_error *err)
{
  *out = NULL;
  const jv_recomputed **y = malloc((n ? n : 1) * sizeof(*y));
  bool *done = calloc(n ? n : 1, sizeof(*done));
  if (!y || !done) {
    free(y);
    free(done);
    return oom(err);
  }
  size_t k = 0;
  for (size_t i = 0; i < n; i++) { /* the years with a note, each once, in order */
    const jv_recomputed *r = recs[i];
    size_t at = 0;
    while (at < k && y[at]->ds.year.start < r->ds.year.start)
      at++;
    if (!r->region_note || (at < k && y[at]->ds.year.start == r->ds.year.start))
      continue;
    memmove(y + at + 1, y + at, (k - at) * sizeof(*y));
    y[at] = r;
    k++;
  }
  jv_strbuf s = {0};
  for (size_t i = 0; i < k; i++) {
    if (done[i])
      continue;
    const char *rest = note_rest(y[i]);
    size_t count = 0;
    for (size_t j = i; j < k; j++)
      count += !done[j] && strcmp(note_rest(y[j]), rest) == 0;
    if (i) /* the first group starts at 0: a later one follows another */
      jv_strbuf_addf(&s, "; ");
    for (size_t j = i, m = 0; j < k; j++) {
      if (done[j] || strcmp(note_rest(y[j]), rest) != 0)
        continue;
      char ys[16];
      jv_schoolyear_format(y[j]->ds.year, ys, sizeof(ys));
      jv_strbuf_list_add(&s, m++, count, ys);
      done[j] = true;
    }
    jv_strbuf_addf(&s, "%s%s", rest == y[i]->region_note ? ": " : " ", rest);
  }
  free(y);
  free(done);
  *out = jv_strbuf_take(&s); /* NULL when no year has a note */
  return k && !*out ? oom(err) : JV_OK;
}
