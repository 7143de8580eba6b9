/* batch.h - `jaarverslag batch`: every report and annex of one or more
 * project directories that is out of date, rebuilt in parallel child
 * processes.
 * Owns the run: plan, up-to-date decision (input fingerprints against the
 * manifest), scheduling, progress lines, interruption. See docs/batch.md. */
#ifndef JV_PIPELINE_BATCH_H
#define JV_PIPELINE_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "pipeline/job.h"
#include "stats/buckets.h"
#include "util/error.h"

typedef struct {
  const char *const *projects; /* each a project folder (<schooljaar>/ data directories)
                                * or a folder of them (<regio>/<schooljaar>/) */
  size_t n_projects;           /* at least one */
  const char *outdir;          /* NULL: PROJECT/out of the only project (created when
                                * missing); required for more than one */
  int jobs;                    /* outputs built at once; <= 0: the number of online CPUs */
  const jv_buckets *buckets;   /* map classes of the annex; NULL: 0,1,2,3,5 */
  FILE *progress;              /* progress and summary lines; NULL: stdout */
  const char *template_path;   /* NULL: each region's own (<regio>/sjabloon/jaarverslag.md,
                                * then the program's templates/<regio>/), else the default */
} jv_batch_opts;

typedef struct {
  size_t total;     /* outputs in the project */
  size_t built;     /* rebuilt in this run */
  size_t current;   /* already up to date */
  size_t failed;    /* failed (their previous file, if any, is untouched) */
  size_t skipped;   /* not started because the run was interrupted */
  bool interrupted; /* SIGINT or SIGTERM arrived */
  double seconds;   /* wall time */
} jv_batch_summary;

/* Builds every out-of-date output of the project. Each output is written to
 * a temporary file beside its target and renamed on success; the manifest
 * (OUTDIR/manifest.tsv) is rewritten atomically after every completed
 * output, so an interruption at any point leaves old outputs and manifest
 * consistent and the next run finishes the work.
 *
 * SIGINT/SIGTERM during the run: no new output is started, running ones are
 * terminated, their temporary files removed, the manifest written; returns
 * with sum->interrupted set (the CLI exits 130).
 *
 * Returns JV_OK when every output is built or current. When outputs failed,
 * returns the status of the first failed one in plan order (65 data, 66
 * missing input, 73/74 cannot write, 70 crashed), with err describing the
 * run; the failures' own messages went to stderr. Before any build:
 * JV_ENOINPUT/JV_EDATA for an unusable project (nothing is built then: the
 * national annex would lack its municipalities), JV_EUSAGE for two
 * projects of the same name or several without outdir, JV_ECANTCREAT when
 * OUTDIR cannot be created or locked (another batch is writing to it). */
jv_status jv_batch_run(const jv_env *env, const jv_batch_opts *o, jv_batch_summary *sum,
                       jv_error *err);

#endif
