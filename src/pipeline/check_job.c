/* check_job.c - the `check` command's work: load, cross-check, summarise. */
#include "pipeline/check_job.h"

#include "model/correction.h"
#include "model/model.h"
#include "pipeline/history.h"
#include "stats/checks.h"
#include "stats/plausibility.h"
#include "util/diag.h"

static void summary(const jv_dataset *ds, const jv_diags *diags, FILE *out)
{
  size_t n_ind = 0;
  for (int i = 0; i < JV_IND_COUNT; i++)
    n_ind += ds->has_indicator[i];
  fprintf(out, "%zu %s, %zu %s, %zu %s", ds->n_munis, ds->n_munis == 1 ? "gemeente" : "gemeenten",
          n_ind, n_ind == 1 ? "indicator" : "indicatoren", diags->count + diags->dropped,
          diags->count + diags->dropped == 1 ? "waarschuwing" : "waarschuwingen");
  size_t n_corr = ds->corrections ? ds->corrections->n : 0; /* applied from correcties/ */
  if (n_corr > 0)
    fprintf(out, ", %zu %s", n_corr, n_corr == 1 ? "correctie" : "correcties");
  fprintf(out, "\n");
}

jv_status jv_check_job(const jv_env *env, const char *data, jv_diags *errors, FILE *warn, FILE *out,
                       jv_error *err)
{
  jv_dataset ds;
  jv_diags diags; /* what reading found, then the cross-checks */
  jv_diags_init(&diags);
  jv_status st = jv_job_load_all(env, data, &ds, errors, &diags, err);
  if (st != JV_OK) {
    jv_diags_free(&diags);
    return st;
  }
  /* against the project's earlier year, when it has one */
  jv_history hist;
  st = jv_history_load(&hist, data ? data : env->default_data, &ds, env->gemeenten, &diags, err);
  if (st != JV_OK) {
    jv_diags_free(&diags);
    jv_dataset_free(&ds);
    return st;
  }
  if (hist.prev)
    st = jv_plausibility_compare(&ds, &hist.prev->ds, &diags);
  jv_history_free(&hist);
  if (st == JV_OK)
    st = jv_checks_run(&ds, &diags);
  if (st == JV_OK)
    st = jv_diags_sort(&diags);
  if (st != JV_OK) {
    jv_error_set(err, st, NULL, 0, 0, "out of memory while cross-checking the data");
  } else {
    jv_diags_print_capped(&diags, warn, "warning", JV_DIAG_MAX);
    summary(&ds, &diags, out);
  }
  jv_diags_free(&diags);
  jv_dataset_free(&ds);
  return st;
}
