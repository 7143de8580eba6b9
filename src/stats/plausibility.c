/* plausibility.c - counts against the leerplichtigen they are part of. */
#include "stats/plausibility.h"

#include <stdio.h>

#include "stats/format.h"
#include "stats/rates.h"

static bool is_base(int ind)
{
  return ind == JV_IND_LPL_5_15 || ind == JV_IND_LPL_16_17 || ind == JV_IND_LPL_5_17;
}

static jv_status check_count(const jv_municipality *m, int ind, long long base, jv_diags *out)
{
  jv_value v = m->values[ind];
  if (v.kind != JV_VAL_COUNT || v.count == 0)
    return JV_OK;
  const jv_srcpos *at = &m->where[ind];
  char a[32], b[32], r[32];
  if (v.count > base)
    return jv_diags_add(out, at->file, at->line, at->column,
                        "%s: %s is %s, more than its %s leerplichtigen_5_17: is a figure in the "
                        "wrong row or column?",
                        m->name, jv_indicator_name((jv_indicator)ind),
                        jv_format_count(v.count, a, sizeof(a)),
                        jv_format_count(base, b, sizeof(b)));
  if (v.count * 1000 <= base * JV_PLAUSIBLE_MAX_PER_1000)
    return JV_OK;
  jv_rate rate;
  jv_rate_per_1000_ll(v.count, base, &rate);
  return jv_diags_add(out, at->file, at->line, at->column,
                      "%s: %s is %s of %s leerplichtigen_5_17, %s per 1.000: more than %d per "
                      "1.000 is implausible",
                      m->name, jv_indicator_name((jv_indicator)ind),
                      jv_format_count(v.count, a, sizeof(a)), jv_format_count(base, b, sizeof(b)),
                      jv_format_rate(&rate, r, sizeof(r)), JV_PLAUSIBLE_MAX_PER_1000);
}

jv_status jv_plausibility_run(const jv_dataset *ds, jv_diags *out)
{
  if (!ds->has_indicator[JV_IND_LPL_5_17])
    return JV_OK;
  jv_status st = JV_OK;
  for (size_t i = 0; i < ds->n_munis && st == JV_OK; i++) {
    const jv_municipality *m = &ds->munis[i];
    jv_value base = m->values[JV_IND_LPL_5_17];
    if (base.kind != JV_VAL_COUNT)
      continue;
    char a[32];
    const jv_srcpos *at = &m->where[JV_IND_LPL_5_17];
    if (base.count > JV_PLAUSIBLE_MAX_LPL)
      st = jv_diags_add(out, at->file, at->line, at->column,
                        "%s: leerplichtigen_5_17 is %s, more than any municipality has (the "
                        "largest has about 110.000)",
                        m->name, jv_format_count(base.count, a, sizeof(a)));
    if (base.count == 0) { /* with counts beside it an error of input (dataset_read) */
      if (st == JV_OK)
        st = jv_diags_add(out, at->file, at->line, at->column,
                          "%s: 0 leerplichtigen_5_17, so no figure per 1.000 for it", m->name);
      continue;
    }
    for (int ind = 0; ind < JV_IND_COUNT && st == JV_OK; ind++)
      if (ds->has_indicator[ind] && !is_base(ind))
        st = check_count(m, ind, base.count, out);
  }
  return st;
}

static jv_status compare_one(const jv_municipality *m, const jv_municipality *p, int ind,
                             const char *year, jv_diags *out)
{
  jv_value a = m->values[ind], b = p->values[ind];
  if (a.kind != JV_VAL_COUNT || b.kind != JV_VAL_COUNT)
    return JV_OK;
  const jv_srcpos *at = &m->where[ind];
  char x[32], y[32];
  if (ind == JV_IND_LPL_5_17) {
    long long diff = a.count > b.count ? a.count - b.count : b.count - a.count;
    if (b.count == 0 || diff * 100 <= b.count * JV_PLAUSIBLE_LPL_CHANGE)
      return JV_OK;
    return jv_diags_add(out, at->file, at->line, at->column,
                        "%s: leerplichtigen_5_17 is %s, %s in %s: a change of more than %d %%",
                        m->name, jv_format_count(a.count, x, sizeof(x)),
                        jv_format_count(b.count, y, sizeof(y)), year, JV_PLAUSIBLE_LPL_CHANGE);
  }
  long long hi = a.count > b.count ? a.count : b.count, lo = a.count + b.count - hi;
  if (is_base(ind) || hi < JV_PLAUSIBLE_MIN_CASES || hi <= lo * JV_PLAUSIBLE_FACTOR)
    return JV_OK;
  return jv_diags_add(out, at->file, at->line, at->column,
                      "%s: %s is %s, %s in %s: a change of more than a factor %d", m->name,
                      jv_indicator_name((jv_indicator)ind), jv_format_count(a.count, x, sizeof(x)),
                      jv_format_count(b.count, y, sizeof(y)), year, JV_PLAUSIBLE_FACTOR);
}

jv_status jv_plausibility_compare(const jv_dataset *cur, const jv_dataset *prev, jv_diags *out)
{
  char year[16];
  jv_schoolyear_format(prev->year, year, sizeof(year));
  jv_status st = JV_OK;
  for (size_t i = 0; i < cur->n_munis && i < prev->n_munis && st == JV_OK; i++)
    for (int ind = 0; ind < JV_IND_COUNT && st == JV_OK; ind++)
      if (cur->has_indicator[ind] && prev->has_indicator[ind])
        st = compare_one(&cur->munis[i], &prev->munis[i], ind, year, out);
  return st;
}
