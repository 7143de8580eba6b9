/* series_catalogue.h - the names of the multi-year series and their labels.
 * Owns the stable snake_case names used in series CSV files and in
 * `jaarverslag chart --indicator`; a name not listed here is refused. */
#ifndef JV_MODEL_SERIES_CATALOGUE_H
#define JV_MODEL_SERIES_CATALOGUE_H

#include <stddef.h>

#include "model/series.h"

typedef struct {
  const char *name;        /* "absoluut_verzuim" */
  const char *label;       /* "Absoluut verzuimers" */
  const char *short_label; /* legend text inside its group: "BO en SBO" */
  const char *group;       /* series drawn together: "absoluut_naar_onderwijs" */
  jv_series_unit unit;
} jv_series_info;

/* The entry for name, or NULL when the name is unknown. */
const jv_series_info *jv_series_info_find(const char *name);
/* Title of a group of series ("Vrijstellingen naar grond"), or NULL. */
const char *jv_series_group_label(const char *group);
/* All entries, for listings and messages. */
size_t jv_series_info_count(void);
const jv_series_info *jv_series_info_at(size_t i);

#endif
