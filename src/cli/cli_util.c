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
