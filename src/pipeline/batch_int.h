/* batch_int.h - private to src/pipeline: the batch plan (every output, its
 * target and input fingerprint), shared by batch_plan.c (scan and hash),
 * batch_annex.c (building the national annex), batch_outdir.c (the output
 * directory) and batch_run.c (running). */
#ifndef JV_PIPELINE_BATCH_INT_H
#define JV_PIPELINE_BATCH_INT_H

#include <limits.h>
#include <stdbool.h>

#include "input/file_hash.h"
#include "input/project_scan.h"
#include "pipeline/batch.h"
#include "pipeline/batch_manifest.h"

typedef enum { JV_BATCH_REPORT, JV_BATCH_ANNEX } jv_batch_kind;

typedef struct {
  jv_batch_kind kind;
  char id[600];                 /* "zuid-holland-zuid/2017-2018", "bijlage/2017-2018" */
  char file[600];               /* name in the output directory */
  char path[PATH_MAX];          /* outdir/file */
  size_t unit;                  /* JV_BATCH_REPORT: index into project.units */
  char template_path[PATH_MAX]; /* JV_BATCH_REPORT: the report template */
  jv_schoolyear year;           /* the school year */
  jv_digest inputs;             /* fingerprint of everything the output is built from */
  bool current;                 /* manifest and file on disk match: nothing to do */
} jv_batch_output;

typedef struct {
  char path[PATH_MAX];
  jv_digest digest;
} jv_batch_hashed;

typedef struct {
  jv_project project;
  char outdir[PATH_MAX];
  char manifest_path[PATH_MAX];
  jv_buckets buckets;
  jv_batch_output *outs; /* reports by id, then one annex per school year */
  size_t n;
  jv_batch_hashed *cache; /* files hashed so far: shared inputs once per run */
  size_t n_cache, cap_cache;
} jv_batch_plan;

/* Scans the project and fingerprints every output's inputs. outdir must
 * exist. The caller frees p with jv_batch__plan_free, also on failure. */
jv_status jv_batch__plan(jv_batch_plan *p, const jv_env *env, const jv_batch_opts *o,
                         const char *outdir, jv_error *err);
void jv_batch__plan_free(jv_batch_plan *p);

/* Marks outputs whose manifest entry has the same input fingerprint and
 * whose file still has the recorded content. */
void jv_batch__mark_current(jv_batch_plan *p, const jv_manifest *m);

/* SHA-256 of a file through the plan's cache. */
jv_status jv_batch__hash(jv_batch_plan *p, const char *path, jv_digest *out, jv_error *err);

/* Creates the output directory and its parents. JV_ECANTCREAT on failure. */
jv_status jv_batch__make_outdir(const char *path, jv_error *err);

/* Takes the batch lock of outdir (an fcntl lock on outdir/.batch.lock, held
 * until *fd_out is closed or the process ends). JV_ECANTCREAT when another
 * batch holds it. */
jv_status jv_batch__lock_outdir(const char *outdir, int *fd_out, jv_error *err);

/* Removes the temporary files of outdir/file left by a writer that was
 * killed; call only while nothing writes that file. */
void jv_batch__remove_temporaries(const char *outdir, const char *file);

/* Builds the national annex of out->year: the ministry letter's maps over
 * every municipality of all regions' data for that year. */
jv_status jv_batch__annex(const jv_env *env, const jv_batch_plan *p, const jv_batch_output *out,
                          jv_error *err);

#endif
