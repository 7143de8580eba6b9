/* rates.h - per-1,000 rates, region totals and the regional average.
 * Pure functions over model values; missing values (n.b., nvt, non-respons,
 * geen gegevens) propagate as such and are never read as zero. */
#ifndef JV_STATS_RATES_H
#define JV_STATS_RATES_H

#include "model/model.h"
#include "model/table_kinds.h"

typedef struct {
  jv_value_kind kind; /* JV_VAL_COUNT when the rate is defined */
  long long count;    /* numerator */
  long long base;     /* denominator (leerplichtigen) */
  double value;       /* exact rate per 1,000: count * 1000 / base */
  long long tenths;   /* rate per 1,000 in tenths, rounded half away from zero */
} jv_rate;

/* Rate per 1,000 of count over base. kind is JV_VAL_COUNT when both are
 * counts and base > 0; otherwise the count's own kind when it is not a count,
 * else the base's kind, and JV_VAL_UNKNOWN for a zero base. */
void jv_rate_per_1000(jv_value count, jv_value base, jv_rate *out);

/* The same for two plain counts. */
void jv_rate_per_1000_ll(long long count, long long base, jv_rate *out);

/* The one rule for what a rate of ind is taken of. Per 1,000: always
 * leerplichtigen 5 t/m 17 (every "per 1.000" in the report, its charts and
 * maps). A percentage: an indicator's "> 3 maanden" part is a share of the
 * indicator itself, anything else a share of leerplichtigen 5 t/m 17. A
 * count (or a rate of the denominator itself) is no rate: returns ind. */
jv_indicator jv_rate_base(jv_indicator ind, jv_unit unit);

/* Region total of an indicator: the sum of its municipalities' counts.
 * nvt contributes nothing (all-nvt gives nvt: a sum of nothing applicable);
 * any n.b. or non-respons makes the total n.b.; all missing gives missing. */
jv_value jv_stats_total(const jv_dataset *ds, jv_indicator ind);

/* Regional average per 1,000: total(ind) over total(base), which is what the
 * reports call "regio gemiddelde" (not the mean of municipal rates). */
void jv_stats_region_rate(const jv_dataset *ds, jv_indicator ind, jv_indicator base, jv_rate *out);

#endif
