/* map_job_int.h - private to src/pipeline: the insides of jv_map_prepared,
 * shared by map_job.c (preparing), map_text.c (titles, explain, text
 * alternative) and map_run.c (the map command). */
#ifndef JV_PIPELINE_MAP_JOB_INT_H
#define JV_PIPELINE_MAP_JOB_INT_H

#include "pipeline/map_job.h"
#include "stats/recompute.h"
#include "layout/map_scene.h"
#include "stats/match.h"

struct jv_map_prepared {
  const jv_dataset *ds; /* not owned */
  jv_indicator ind;
  jv_geo *geo; /* &own_geo, or borrowed from a jv_geo_cache */
  jv_geo own_geo;
  bool bundled; /* CBS boundaries from assets/geo (credit line) */
  jv_match match;
  jv_map_data data;
  jv_map_topology topology; /* borders of geo, from its coordinates */
  bool regional;
  char region[256];                /* the region in focus, "" on a national map */
  char *title, *subtitle, *source; /* owned */
  jv_recomputed *recomputed;       /* owned: ds summed onto geo's indeling; NULL: as given */
};

/* When m->ds follows an older indeling than m->geo, sums it onto the
 * geometry's municipalities (m->ds then points to m->recomputed), with a
 * warning for each that is not comparable (drawn as geen gegevens). */
jv_status jv_map__recompute(jv_map_prepared *m, const jv_env *env, jv_diags *warn, jv_error *err);
/* Appends to the source line that the data was recomputed (when it was). */
jv_status jv_map__recompute_note(jv_map_prepared *m, int from_indeling, jv_error *err);

/* Sets title, subtitle and source line of m from its data and options. */
jv_status jv_map__texts(jv_map_prepared *m, const jv_map_opts *o, jv_error *err);

/* The footnote sentence stating the small-numbers rule (Dutch). */
const char *jv_map__small_note(const jv_small_numbers *o, char *buf, size_t size);

#endif
