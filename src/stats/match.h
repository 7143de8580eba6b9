/* match.h - joining data rows to municipality shapes: by CBS code, by
 * normalised name as a fallback ('s-Gravenhage = Den Haag, Súdwest-Fryslân =
 * Sudwest Fryslan). Owns jv_match (the two index maps). Pure. */
#ifndef JV_STATS_MATCH_H
#define JV_STATS_MATCH_H

#include <stddef.h>

#include "model/geo.h"
#include "model/model.h"
#include "util/error.h"

/* Writes the comparison key of a municipality name into out: diacritics
 * folded, lower case, only letters and digits kept (apostrophes, hyphens,
 * spaces, dots dropped), and the official/colloquial pairs mapped to one key
 * ("'s-Gravenhage" and "Den Haag" -> "denhaag", "'s-Hertogenbosch" and
 * "Den Bosch" -> "denbosch"). Always NUL-terminates (size > 0). */
void jv_match_name_key(const char *name, char *out, size_t size);

/* 1 when two names have the same key. */
int jv_match_same_name(const char *a, const char *b);

typedef struct {
  long *shape_of_row; /* per dataset municipality: shape index or -1 */
  long *row_of_shape; /* per shape: dataset municipality or -1 */
  size_t n_rows, n_shapes;
  size_t by_name; /* rows matched by name because the code did not match */
} jv_match;

/* Matches every municipality of ds to a shape of geo. A code match wins;
 * a row whose code is empty or not in geo is matched by name. Every row
 * without a shape, and every row matched by name although it had a code,
 * is reported in warn (file = the row's input location when known). The
 * caller frees out with jv_match_free. JV_EINTERNAL only on out of memory. */
jv_status jv_match_build(jv_match *out, const jv_geo *geo, const jv_dataset *ds, jv_diags *warn,
                         jv_error *err);
void jv_match_free(jv_match *m);

#endif
