/* history.h - what a report knows of its project's earlier school years.
 * Owns loading them (with the herindelingen), each one recomputed onto the
 * report year's indeling at most once per report, and regional trend series. */
#ifndef JV_PIPELINE_HISTORY_H
#define JV_PIPELINE_HISTORY_H

#include <stdbool.h>

#include "input/project_years.h"
#include "model/herindeling.h"
#include "model/series.h"
#include "stats/recompute.h"

typedef struct {
  jv_project_years project;  /* the earlier years as read, and project.csv */
  jv_herindelingen changes;  /* assets/gemeenten/herindelingen.csv */
  const jv_recomputed *prev; /* the most recent earlier year on the report year's
                              * indeling (borrowed from rec), NULL when none */
  const jv_dataset **years;  /* owned array: earlier years then the report year */
  size_t n_years;
  /* owned, allocated on first use: rec[i] is years[i] (i < n_years - 1)
   * recomputed onto the report year's indeling once n_recomputed[i] > 0,
   * which counts the jv_recompute calls that made it (so 1 at most) */
  jv_recomputed *rec;
  unsigned *n_recomputed;
  jv_series *trends[32]; /* regional series of jv_history_trend, each owned and malloc'ed
                          * (figures keep pointers to them) */
  size_t n_trends;
} jv_history;

void jv_history_init(jv_history *h);
void jv_history_free(jv_history *h);

/* Reads the project around data_dir (see jv_project_years_read) up to ds's
 * school year, the herindelingen from gemeenten_dir, and recomputes the
 * most recent earlier year onto ds's indeling. ds must outlive h. */
jv_status jv_history_load(jv_history *h, const char *data_dir, const jv_dataset *ds,
                          const char *gemeenten_dir, jv_diags *warn, jv_error *err);

/* earlier (one of h->years but the last) recomputed onto the report year's
 * indeling and municipalities (jv_recompute); the first call for a year
 * computes it, later ones return the same one. Owned by h. JV_EUSAGE when
 * earlier is not an earlier year of h; JV_EINTERNAL when out of memory. */
jv_status jv_history_recomputed(jv_history *h, const jv_dataset *earlier, const jv_recomputed **out,
                                jv_error *err);

/* The region's series of ind over every year of h (per 1,000 leerplichtigen
 * when per_1000, else the region total), each year from its own data; a
 * year without the indicator is a gap; earlier years by
 * jv_history_recomputed. Owned by h; JV_EUSAGE after 32. */
jv_status jv_history_trend(jv_history *h, jv_indicator ind, bool per_1000, const jv_series **out,
                           jv_error *err);

#endif
