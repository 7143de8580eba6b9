/* recompute.h - an earlier school year's figures on a later CBS indeling.
 * Owns jv_recomputed: counts summed over the municipalities that merged
 * (never apportioned), and which municipalities are not comparable and why. */
#ifndef JV_STATS_RECOMPUTE_H
#define JV_STATS_RECOMPUTE_H

#include <stdbool.h>

#include "model/herindeling.h"
#include "model/model.h"

typedef struct {
  /* the earlier year with the report year's municipalities (same order,
   * codes and names); a value is the sum over the municipalities it was
   * made of, and JV_VAL_MISSING where it is not comparable */
  jv_dataset ds;
  char **note;       /* per municipality: NULL, or why it is not comparable (owned) */
  char **reason;     /* per municipality: NULL, or that note's reason alone, "Vianen
                      * hoorde toen niet bij Zuid-Holland Zuid" (owned) */
  bool *summed;      /* per municipality: its figure is a sum over several earlier ones */
  size_t n_notes;    /* how many municipalities have a note */
  bool any_summed;   /* some figure was recomputed */
  int from_indeling; /* the earlier year's indeling */
  /* owned, NULL when nothing was recomputed, else what the region's figure
   * of ds is, for every table and chart that shows it: "2017-2018 omgerekend
   * naar de gemeentelijke indeling 2020[, zonder Vijfheerenlanden (Vianen
   * hoorde toen niet bij Zuid-Holland Zuid)]" */
  char *region_note;
} jv_recomputed;

/* Recomputes earlier onto the municipalities of current. A municipality of
 * current is comparable when every municipality it was made of (h, from
 * earlier's indeling to current's) is whole and in earlier; its values are
 * then their sums: counts add, nvt adds nothing, n.b. or non-respons makes
 * the sum n.b. Otherwise its values are missing and note[i] names the part
 * that was split or that earlier does not hold. The region's figure of the
 * earlier year on current's area is then jv_stats_total or
 * jv_stats_region_rate of out->ds: the sum over the comparable
 * municipalities only (a not comparable one adds to neither count nor base).
 * out is initialised here; free with jv_recomputed_free. JV_EINTERNAL when
 * out of memory. */
jv_status jv_recompute(jv_recomputed *out, const jv_dataset *earlier, const jv_dataset *current,
                       const jv_herindelingen *h, jv_error *err);
void jv_recomputed_free(jv_recomputed *r);

/* The region notes of the recomputed years recs[0..n), each said once: the
 * years whose notes differ only in the year share one ("2015-2016 en
 * 2016-2017 omgerekend naar de gemeentelijke indeling 2020, zonder ..."),
 * the years in order, groups by their first year, separated by "; ".
 * *out is malloc'ed, NULL when no year has a note. JV_EINTERNAL when out of
 * memory. */
jv_status jv_recomputed_notes(const jv_recomputed *const *recs, size_t n, char **out,
                              jv_error *err);

/* The sum of two values as totals add them (see jv_stats_total). */
jv_value jv_value_sum(jv_value a, jv_value b);

#endif
