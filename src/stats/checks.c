/* checks.c - the identities between a dataset's figures. */
#include "stats/checks.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/format.h"
#include "stats/plausibility.h"

/* A term of an identity: an indicator and its sign (+1 or -1). */
typedef struct {
  jv_indicator ind;
  int sign;
} term;

/* lhs terms = rhs: one identity per row. */
typedef struct {
  const term *terms;
  size_t n_terms;
  jv_indicator rhs;
  const char *what; /* how the sum is described in a message */
} identity;

/* part <= sum(whole terms) */
typedef struct {
  jv_indicator part;
  const term *whole;
  size_t n_whole;
} bound;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const term lpl_terms[] = {{JV_IND_LPL_5_15, 1}, {JV_IND_LPL_16_17, 1}};
static const term rel_terms[] = {{JV_IND_REL_BO_SBO, 1},   {JV_IND_REL_VO, 1},
                                 {JV_IND_REL_VSO, 1},      {JV_IND_REL_BEROEPS, 1},
                                 {JV_IND_REL_ONBEKEND, 1}, {JV_IND_REL_GEEN, 1}};
static const term tz_terms[] = {{JV_IND_TZ_AANVANG, 1},
                                {JV_IND_TZ_NIEUW, 1},
                                {JV_IND_TZ_OPGELOST, -1},
                                {JV_IND_TZ_18JAAR, -1},
                                {JV_IND_TZ_VERHUISD, -1}};
static const identity identities[] = {
    {lpl_terms, N(lpl_terms), JV_IND_LPL_5_17, "5 t/m 15 + 16 en 17 jaar"},
    {rel_terms, N(rel_terms), JV_IND_RELATIEF, "the sum over onderwijssoorten"},
    {tz_terms, N(tz_terms), JV_IND_TZ_ACTUEEL, "aanvang + nieuw - opgelost - 18 jaar - verhuisd"},
};

static const term abs_whole[] = {{JV_IND_ABSOLUUT, 1}};
static const term lang_whole[] = {{JV_IND_LANGDURIG, 1}};
static const term tz_whole[] = {{JV_IND_TZ_AANVANG, 1}, {JV_IND_TZ_NIEUW, 1}};
static const bound bounds[] = {
    {JV_IND_ABSOLUUT_3M, abs_whole, N(abs_whole)},
    {JV_IND_LANGDURIG_3M, lang_whole, N(lang_whole)},
    {JV_IND_TZ_3M, tz_whole, N(tz_whole)},
};

static bool has_all(const jv_dataset *ds, const term *t, size_t n, jv_indicator extra)
{
  for (size_t i = 0; i < n; i++)
    if (!ds->has_indicator[t[i].ind])
      return false;
  return ds->has_indicator[extra];
}

/* A value's contribution to a sum; false when it has none to give. */
static bool addend(jv_value v, long long *out)
{
  if (v.kind == JV_VAL_COUNT)
    *out = v.count;
  else if (v.kind == JV_VAL_NVT)
    *out = 0;
  else
    return false;
  return true;
}

static bool sum_terms(const jv_municipality *m, const term *t, size_t n, long long *out)
{
  long long s = 0, v;
  for (size_t i = 0; i < n; i++) {
    if (!addend(m->values[t[i].ind], &v))
      return false;
    s += t[i].sign * v;
  }
  *out = s;
  return true;
}

static jv_status warn(jv_diags *out, const jv_srcpos *at, const char *who, const char *msg)
{
  return jv_diags_add(out, at->file, at->line, at->column, "%s: %s", who, msg);
}

static jv_status check_identity(const identity *id, const jv_municipality *m, jv_diags *out)
{
  long long lhs, rhs;
  if (!sum_terms(m, id->terms, id->n_terms, &lhs) || !addend(m->values[id->rhs], &rhs) ||
      m->values[id->rhs].kind != JV_VAL_COUNT || lhs == rhs)
    return JV_OK;
  char a[32], b[32], msg[512];
  snprintf(msg, sizeof(msg), "%s is %s, but %s gives %s", jv_indicator_name(id->rhs),
           jv_format_count(rhs, a, sizeof(a)), id->what, jv_format_count(lhs, b, sizeof(b)));
  return warn(out, &m->where[id->rhs], m->name, msg);
}

static jv_status check_bound(const bound *bd, const jv_municipality *m, jv_diags *out)
{
  long long whole;
  jv_value part = m->values[bd->part];
  if (part.kind != JV_VAL_COUNT || !sum_terms(m, bd->whole, bd->n_whole, &whole) ||
      part.count <= whole)
    return JV_OK;
  char a[32], b[32], msg[512];
  snprintf(msg, sizeof(msg), "%s is %s, more than the %s it is part of",
           jv_indicator_name(bd->part), jv_format_count(part.count, a, sizeof(a)),
           jv_format_count(whole, b, sizeof(b)));
  return warn(out, &m->where[bd->part], m->name, msg);
}

/* The printed total row against the sum of its municipalities. */
static jv_status check_total(const jv_dataset *ds, jv_indicator ind, jv_diags *out)
{
  jv_value given = ds->total.values[ind];
  if (given.kind != JV_VAL_COUNT)
    return JV_OK;
  long long sum = 0, v;
  for (size_t i = 0; i < ds->n_munis; i++) {
    if (!addend(ds->munis[i].values[ind], &v))
      return JV_OK;
    sum += v;
  }
  if (sum == given.count)
    return JV_OK;
  char a[32], b[32], msg[512];
  snprintf(msg, sizeof(msg), "%s is %s in the total row, but its %zu municipalities add up to %s",
           jv_indicator_name(ind), jv_format_count(given.count, a, sizeof(a)), ds->n_munis,
           jv_format_count(sum, b, sizeof(b)));
  return warn(out, &ds->total.where[ind], ds->total.name ? ds->total.name : "total", msg);
}

/* Warnings in file order read like a compiler's; the index keeps ties stable. */
typedef struct {
  jv_diag d;
  size_t index;
} sort_item;

static int cmp_item(const void *pa, const void *pb)
{
  const sort_item *a = pa, *b = pb;
  int c = strcmp(a->d.loc.file, b->d.loc.file);
  if (c == 0)
    c = (a->d.loc.line > b->d.loc.line) - (a->d.loc.line < b->d.loc.line);
  if (c == 0)
    c = (a->d.loc.column > b->d.loc.column) - (a->d.loc.column < b->d.loc.column);
  if (c == 0)
    c = (a->index > b->index) - (a->index < b->index);
  return c;
}

static jv_status sort_from(jv_diags *d, size_t from)
{
  size_t n = d->count - from;
  if (n < 2)
    return JV_OK;
  sort_item *items = malloc(n * sizeof(*items));
  if (!items)
    return JV_EINTERNAL;
  for (size_t i = 0; i < n; i++)
    items[i] = (sort_item){d->items[from + i], i};
  qsort(items, n, sizeof(*items), cmp_item);
  for (size_t i = 0; i < n; i++)
    d->items[from + i] = items[i].d;
  free(items);
  return JV_OK;
}

jv_status jv_checks_run(const jv_dataset *ds, jv_diags *out)
{
  size_t from = out->count;
  jv_status st = JV_OK;
  for (size_t i = 0; i < ds->n_munis && st == JV_OK; i++) {
    const jv_municipality *m = &ds->munis[i];
    for (size_t k = 0; k < N(identities) && st == JV_OK; k++)
      if (has_all(ds, identities[k].terms, identities[k].n_terms, identities[k].rhs))
        st = check_identity(&identities[k], m, out);
    for (size_t k = 0; k < N(bounds) && st == JV_OK; k++)
      if (has_all(ds, bounds[k].whole, bounds[k].n_whole, bounds[k].part))
        st = check_bound(&bounds[k], m, out);
  }
  if (ds->has_total) {
    /* the total row obeys the same identities as any municipality */
    for (size_t k = 0; k < N(identities) && st == JV_OK; k++)
      if (has_all(ds, identities[k].terms, identities[k].n_terms, identities[k].rhs))
        st = check_identity(&identities[k], &ds->total, out);
    for (int ind = 0; ind < JV_IND_COUNT && st == JV_OK; ind++)
      if (ds->has_indicator[ind])
        st = check_total(ds, (jv_indicator)ind, out);
  }
  if (st == JV_OK)
    st = jv_plausibility_run(ds, out);
  return st == JV_OK ? sort_from(out, from) : st;
}
