/* map_job.h - the map pipeline: data directory and boundaries in, matched,
 * classified and drawn out (standalone file, --explain lines, or a figure
 * in the report). Owns jv_map_prepared: everything one map needs, ready to
 * paint any number of times. */
#ifndef JV_PIPELINE_MAP_JOB_H
#define JV_PIPELINE_MAP_JOB_H

#include <stdbool.h>
#include <stdio.h>

#include "layout/figure.h"
#include "model/geo.h"
#include "model/indicator.h"
#include "model/model.h"
#include "pipeline/job.h"
#include "layout/measure.h"
#include "layout/scene.h"
#include "stats/buckets.h"
#include "stats/map_data.h"
#include "util/error.h"

/* Bundled boundaries already read, shared by the maps of one report so the
 * TopoJSON of a year is parsed once. Maps prepared with a cache borrow from
 * it: free them (and the figures holding them) before jv_geo_cache_free. */
#define JV_GEO_CACHE_MAX 8
typedef struct {
  int year[JV_GEO_CACHE_MAX];
  jv_geo *geo[JV_GEO_CACHE_MAX]; /* owned */
  size_t n;
} jv_geo_cache;

void jv_geo_cache_init(jv_geo_cache *c);
void jv_geo_cache_free(jv_geo_cache *c);

typedef struct {
  jv_indicator ind;
  const char *region;        /* NULL: the data's region when regios.csv defines it, else national */
  bool national;             /* every municipality of the boundary year in focus */
  bool data_region;          /* a region regios.csv does not define is the area the
                                data covers (a regional report), not the country */
  const char *geometry;      /* GeoJSON/TopoJSON file; NULL: bundled CBS boundaries */
  int boundary_year;         /* 0: follows the school year */
  const jv_buckets *buckets; /* NULL: the ministry letter's 0,1,2,3,5 */
  bool letter_labels;        /* the letter's legend wording ("meer dan 5") */
  const jv_small_numbers *small; /* NULL: flag counts below 5 and uncertain classes */
  const char *title;             /* NULL: generated */
  jv_geo_cache *cache;           /* NULL: read the boundaries for this map alone */
  const char *data_dir;          /* NULL, or the data's directory: its project's gemeenten.csv
                                  * (beside it, jaarverslag init) defines the region first */
} jv_map_opts;

typedef struct jv_map_prepared jv_map_prepared;

/* Parses the --buckets option of `map` and `batch` (class edges per 1,000,
 * "0,1,2,3,5"). JV_EUSAGE with the reason in err. */
jv_status jv_map_buckets_parse(jv_buckets *out, const char *text, jv_error *err);

/* The --labels option: "letter" sets *letter, "exact" clears it; -1 for
 * anything else. */
int jv_map_wording_parse(const char *text, bool *letter);

/* The small-numbers options: the default rule, and --small-numbers
 * dot|outline|off (also stip|rand|uit); -1 for an unknown mark. */
void jv_map_small_default(jv_small_numbers *out);
int jv_map_small_mark_parse(jv_small_numbers *o, const char *text);

/* Reads the boundaries, matches ds to them, classifies every municipality.
 * Warnings (unmatched rows, region members without data) go to warn. The
 * caller frees *out with jv_map_prepared_free; ds must outlive it.
 * JV_EUSAGE for an unusable indicator or unknown region, JV_EDATA when the
 * data lacks the indicator or leerplichtigen_5_17, JV_ENOINPUT when no
 * boundaries exist for the year. */
jv_status jv_map_prepare(jv_map_prepared **out, const jv_env *env, const jv_dataset *ds,
                         const jv_map_opts *o, jv_diags *warn, jv_error *err);
void jv_map_prepared_free(jv_map_prepared *m);

/* Lays the map out, with its title, in (x, y, w, h) and adds it to out, in
 * points (a standalone file). When on_anchor is set it is called once per
 * focus shape with its label point (the pole of inaccessibility of its
 * largest polygon), so tests can check the colour painted there. */
jv_status jv_map_prepared_lay_out(const jv_map_prepared *m, const jv_measure *me, double x,
                                  double y, double w, double h, jv_scene *out,
                                  void (*on_anchor)(void *ctx, size_t shape, double x, double y),
                                  void *ctx, jv_error *err);

/* The height a map with its title of width w wants (standalone files). */
double jv_map_prepared_height(const jv_map_prepared *m, const jv_measure *me, double w);

/* A text alternative generated from the data (Dutch): what is mapped, how
 * many municipalities fall in each class and which ones. The caller frees
 * the string; NULL when out of memory. */
char *jv_map_prepared_alt(const jv_map_prepared *m);

/* The generated (or given) title. Owned by m. */
const char *jv_map_prepared_title(const jv_map_prepared *m);

/* Writes a header row and one line per focus municipality in the data (all
 * focus municipalities with all): CBS code, name, count, leerplichtigen, rate
 * per 1.000 (one decimal, Dutch notation), the legend label of its class,
 * the 95 % interval of the rate ("0,2 - 6,2") and whether the class is
 * uncertain (small numbers: "ja"/"nee"), tab-separated. */
void jv_map_prepared_explain(const jv_map_prepared *m, bool all, FILE *out);

/* A report figure of width w holding the map (without title: the report
 * captions figures); takes ownership of m, also on failure. */
jv_status jv_map_figure_new(jv_figure **out, jv_map_prepared *m, const jv_fonts *fonts, double w,
                            jv_error *err);

/* Everything `jaarverslag map` does after parsing its options. */
typedef struct {
  const char *data_dir; /* a data directory, or a folder of school-year directories */
  const char *year;     /* "2014-2015" or NULL */
  const char *output;   /* .png/.svg/.pdf; NULL: only --explain */
  double dpi;           /* PNG resolution */
  double width;         /* points; 0: 500 */
  bool explain;
  bool explain_all;  /* --all: also the municipalities without data */
  bool debug_points; /* print each focus shape's label point in output units */
  jv_map_opts map;
} jv_map_job_opts;

jv_status jv_map_job(const jv_env *env, const jv_map_job_opts *o, jv_diags *warn, jv_error *err);

#endif
