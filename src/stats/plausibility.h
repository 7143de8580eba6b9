/* plausibility.h - figures that are possible but unlikely, as warnings.
 * Pure: reads a jv_dataset, adds located warnings. Owns the limits used. */
#ifndef JV_STATS_PLAUSIBILITY_H
#define JV_STATS_PLAUSIBILITY_H

#include "model/model.h"
#include "util/error.h"

/* Above this many leerplichtigen_5_17 a municipality is implausible: the
 * largest (Amsterdam) has about 110.000. */
#define JV_PLAUSIBLE_MAX_LPL 200000LL
/* A count above this many per 1.000 leerplichtigen is implausible. */
#define JV_PLAUSIBLE_MAX_PER_1000 100

/* Adds a warning, located at the value and naming the municipality, for
 * every count larger than the municipality's leerplichtigen_5_17, every
 * count above JV_PLAUSIBLE_MAX_PER_1000 per 1.000 of them, and every
 * leerplichtigen_5_17 above JV_PLAUSIBLE_MAX_LPL. The leerplichtigen columns
 * themselves are not counted against it. JV_EINTERNAL only when out of memory. */
jv_status jv_plausibility_run(const jv_dataset *ds, jv_diags *out);

/* Change from the earlier year that is implausible: leerplichtigen_5_17 by
 * more than JV_PLAUSIBLE_LPL_CHANGE percent, a count by more than a factor
 * JV_PLAUSIBLE_FACTOR (when either year has at least JV_PLAUSIBLE_MIN_CASES). */
#define JV_PLAUSIBLE_LPL_CHANGE 20
#define JV_PLAUSIBLE_FACTOR 3
#define JV_PLAUSIBLE_MIN_CASES 10

/* Adds a warning, located at the current value, for every such change
 * between cur and prev, the earlier year with cur's municipalities in the
 * same order (stats/recompute.h; missing values are skipped). */
jv_status jv_plausibility_compare(const jv_dataset *cur, const jv_dataset *prev, jv_diags *out);

#endif
