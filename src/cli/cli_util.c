/* cli_util.c - usage errors. */
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

void jv_cli_print_failure(const jv_diags *errors, const jv_error *err)
{
  if (errors->count > 0) /* every error of the input, the first among them */
    jv_diags_print_capped(errors, stderr, "error", JV_DIAG_MAX);
  else
    jv_error_print(err, stderr);
}
