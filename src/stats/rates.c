/* rates.c - per-1,000 rates and totals. */
#include "stats/rates.h"

#include <string.h>

void jv_rate_per_1000_ll(long long count, long long base, jv_rate *out)
{
  memset(out, 0, sizeof(*out));
  out->count = count;
  out->base = base;
  if (base <= 0 || count < 0) {
    out->kind = JV_VAL_UNKNOWN;
    return;
  }
  out->kind = JV_VAL_COUNT;
  out->value = (double)count * 1000.0 / (double)base;
  /* tenths = round(count * 10000 / base), half away from zero, in integers so
   * that 0,05 boundaries round exactly as the printed tables do */
  long long num = count * 10000;
  out->tenths = (2 * num + base) / (2 * base);
}

void jv_rate_per_1000(jv_value count, jv_value base, jv_rate *out)
{
  if (count.kind != JV_VAL_COUNT || base.kind != JV_VAL_COUNT) {
    memset(out, 0, sizeof(*out));
    out->kind = count.kind != JV_VAL_COUNT ? count.kind : base.kind;
    if (out->kind == JV_VAL_NVT && count.kind == JV_VAL_COUNT)
      out->kind = JV_VAL_UNKNOWN; /* a count over a not-applicable base */
    return;
  }
  jv_rate_per_1000_ll(count.count, base.count, out);
}

jv_value jv_stats_total(const jv_dataset *ds, jv_indicator ind)
{
  jv_value total = {JV_VAL_MISSING, 0};
  int any_unknown = 0, any_present = 0, any_count = 0;
  long long sum = 0;
  for (size_t i = 0; i < ds->n_munis; i++) {
    jv_value v = ds->munis[i].values[ind];
    switch (v.kind) {
    case JV_VAL_COUNT:
      sum += v.count;
      any_present = any_count = 1;
      break;
    case JV_VAL_NVT:
      any_present = 1;
      break;
    case JV_VAL_UNKNOWN:
    case JV_VAL_NONRESPONSE:
      any_unknown = 1;
      break;
    case JV_VAL_MISSING:
      break;
    }
  }
  if (any_unknown) {
    total.kind = JV_VAL_UNKNOWN;
  } else if (any_present && !any_count) {
    total.kind = JV_VAL_NVT; /* nothing to add up: not applicable, not zero */
  } else if (any_present) {
    total.kind = JV_VAL_COUNT;
    total.count = sum;
  }
  return total;
}

void jv_stats_region_rate(const jv_dataset *ds, jv_indicator ind, jv_indicator base, jv_rate *out)
{
  jv_rate_per_1000(jv_stats_total(ds, ind), jv_stats_total(ds, base), out);
}

jv_indicator jv_rate_base(jv_indicator ind, jv_unit unit)
{
  if (unit == JV_UNIT_COUNT || ind == JV_IND_LPL_5_17)
    return ind;
  if (unit == JV_UNIT_PERCENT && ind == JV_IND_ABSOLUUT_3M)
    return JV_IND_ABSOLUUT;
  if (unit == JV_UNIT_PERCENT && ind == JV_IND_LANGDURIG_3M)
    return JV_IND_LANGDURIG;
  return JV_IND_LPL_5_17;
}
