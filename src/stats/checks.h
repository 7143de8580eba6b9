/* checks.h - cross-checks between the figures of a dataset.
 * Pure: reads a jv_dataset, adds located warnings to a jv_diags. Owns the
 * list of identities the figures of a Leerplicht report should satisfy. */
#ifndef JV_STATS_CHECKS_H
#define JV_STATS_CHECKS_H

#include "model/model.h"
#include "util/error.h"

/* Adds a warning for every identity the data breaks, located at the value
 * that would need changing and naming the municipality:
 *   leerplichtigen_5_15 + leerplichtigen_16_17 = leerplichtigen_5_17
 *   relatief_bo_sbo + _vo + _vso + _beroeps + _onbekend + _geen = relatief_verzuim
 *   thuiszitters_aanvang + _nieuw - _opgelost - _18_jaar - _verhuisd = _actueel
 *   absoluut_verzuim_3m <= absoluut_verzuim,
 *   langdurig_relatief_verzuim_3m <= langdurig_relatief_verzuim,
 *   thuiszitters_3m <= thuiszitters_aanvang + thuiszitters_nieuw
 *   a region-total row equals the sum of its municipalities, per indicator.
 * A check runs only when the dataset has all of its indicators and, for
 * the row at hand, all its values are counts or nvt (nvt adds nothing);
 * n.b., non-respons and missing values make it skip. The region total's
 * own value must be a count. Then the plausibility warnings of
 * stats/plausibility.h. Returns JV_EINTERNAL only when out of memory. */
jv_status jv_checks_run(const jv_dataset *ds, jv_diags *out);

#endif
