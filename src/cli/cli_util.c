/* cli_util.c - usage errors, failures and running a job. */
#include "cli/cli_util.h"

#include <stdio.h>

#include "util/error.h"

int jv_cli_usage_error(const char *cmd, const char *fmt, const char *arg)
{
  fprintf(stderr, "jaarverslag %s: ", cmd);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nRun 'jaarverslag %s --help' for the options.\n", cmd);
  return JV_EUSAGE;
}

/* Why a job failed, on stderr: every collected input error (sorted, capped
 * at JV_DIAG_MAX) when there are any (errors may be NULL), else the one
 * error err holds. */
static void print_failure(const jv_diags *errors, const jv_error *err)
{
  if (errors && errors->count > 0) /* every error of the input, the first among them */
    jv_diags_print_capped(errors, stderr, "error", JV_DIAG_MAX);
  else
    jv_error_print(err, stderr);
}

jv_status jv_cli_run(jv_cli_job job, void *opts, const jv_diags *errors)
{
  jv_env env;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_env_init(&env, &err);
  if (st == JV_OK)
    st = job(&env, opts, &err);
  if (st != JV_OK)
    print_failure(errors, &err);
  return st;
}
