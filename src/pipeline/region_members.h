/* region_members.h - which municipalities a region has in each indeling year.
 * Owns where they come from (codes given, a project's gemeenten.csv or
 * assets/geo/regios.csv) and mapping them through the herindelingen. */
#ifndef JV_PIPELINE_REGION_MEMBERS_H
#define JV_PIPELINE_REGION_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/gemeenten.h"
#include "pipeline/job.h"

#define JV_REGION_MAX_YEARS 64

typedef struct {
  char code[8];
  int year; /* indeling */
} jv_region_year_member;

typedef struct {
  jv_region_year_member *items; /* owned: the region's municipalities in some indeling years */
  size_t n;
  int years[JV_REGION_MAX_YEARS]; /* every indeling year the program has a list for */
  size_t n_years;
  jv_gemeenten list; /* owned: the municipality list of the indeling asked for */
} jv_region_members;

/* The members of regio in every indeling year, in particular `indeling`:
 * from codes ("GM0482,GM0505,...", the members in `indeling`) when given,
 * else from project_dir/gemeenten.csv (project_dir may be NULL), else from
 * env's assets/geo/regios.csv; years these do not list are filled from the
 * nearest year they do, mapped through the herindelingen (a merger's new
 * municipality replaces the old ones). `what` names the school year in
 * messages ("--schooljaar 2019-2020"). On success the caller owns *out
 * (jv_region_members_free). JV_EUSAGE when there is no list for indeling or
 * the region is unknown, JV_EDATA for a code not in the indeling (naming
 * its successor). */
jv_status jv_region_members_resolve(jv_region_members *out, const jv_env *env, const char *regio,
                                    const char *codes, const char *project_dir, int indeling,
                                    const char *what, jv_error *err);
void jv_region_members_free(jv_region_members *m);

bool jv_region_members_has(const jv_region_members *m, const char *code, int year);

/* The members in the indeling asked for (m->list's year), in alphabetical
 * order of their CBS names: *out is a malloc'ed array of *n pointers into
 * m->list (the caller frees the array). JV_EINTERNAL when out of memory. */
jv_status jv_region_members_sorted(const jv_region_members *m, const jv_gemeente ***out, size_t *n,
                                   jv_error *err);
/* Whether any member is known in that indeling year. */
bool jv_region_members_has_year(const jv_region_members *m, int year);

#endif
