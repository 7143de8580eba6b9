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

#endif
