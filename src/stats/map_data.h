/* map_data.h - what a choropleth shows per municipality shape: the data row
 * matched to it, its rate per 1,000 and legend class, and whether it is in
 * focus (the region, or every shape on a national map). Owns jv_map_data and
 * the counts per class. Pure: built from geo, dataset, match and buckets. */
#ifndef JV_STATS_MAP_DATA_H
#define JV_STATS_MAP_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "model/geo.h"
#include "model/model.h"
#include "stats/buckets.h"
#include "stats/match.h"
#include "stats/poisson.h"
#include "stats/rates.h"

typedef struct {
  long row;       /* dataset municipality, -1 when the data does not cover it */
  jv_value count; /* the indicator's value (JV_VAL_MISSING without a row) */
  jv_rate rate;   /* count per 1,000 leerplichtigen */
  int cls;        /* legend class (jv_buckets_*) */
  bool focus;     /* drawn in colour; otherwise a faint neighbour */
  double lo, hi;  /* interval of the rate per 1,000 (jv_map_data_flag); NAN without a rate */
  bool uncertain; /* small numbers: the class may well be another */
} jv_map_item;

typedef struct {
  jv_map_item *items; /* one per shape of the geo it was built for */
  size_t n;
  jv_indicator ind;
  jv_indicator base;                          /* the denominator */
  size_t class_count[JV_BUCKETS_MAX_CLASSES]; /* focus shapes per class */
  size_t n_focus;
  size_t n_uncertain; /* focus shapes flagged by jv_map_data_flag */
  jv_buckets buckets;
  jv_small_numbers small; /* the rule the flags follow */
} jv_map_data;

/* Fills out for every shape of geo. focus[s] (NULL = all shapes) marks the
 * shapes in focus. Every focus shape without a data row is reported in warn
 * ("in the region but not in the data"). The caller frees out with
 * jv_map_data_free. JV_EINTERNAL only on out of memory. */
jv_status jv_map_data_build(jv_map_data *out, const jv_geo *geo, const jv_dataset *ds,
                            const jv_match *m, jv_indicator ind, jv_indicator base,
                            const jv_buckets *b, const bool *focus, jv_diags *warn, jv_error *err);
void jv_map_data_free(jv_map_data *d);

/* Computes each rated shape's interval (exact Poisson at o->level, per 1,000)
 * and flags it uncertain by the rule of o (NULL: the default); counts the
 * flagged focus shapes. */
void jv_map_data_flag(jv_map_data *d, const jv_small_numbers *o);

/* Focus shapes in reading order for lists and --explain: by name (case and
 * diacritics folded), then code. *out (n_focus entries) is malloc'ed, the
 * caller frees it. */
jv_status jv_map_data_order(const jv_map_data *d, const jv_geo *geo, size_t **out, jv_error *err);

#endif
