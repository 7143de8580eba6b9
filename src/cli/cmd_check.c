/* cmd_check.c - `jaarverslag check`: validate a data directory, print the
 * cross-check warnings and a one-line summary. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/check_job.h"
#include "util/diag.h"
#include "util/error.h"

#define DEFAULT_DATA "data/zuid-holland-zuid/2017-2018"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag check [--data DIR]\n\n"
               "Reads a data directory (regio.csv and one CSV file per indicator group),\n"
               "validates every file and prints the figures that do not add up as warnings\n"
               "(file:line:column: warning: ...) on stderr, then one summary line on stdout.\n\n"
               "Options:\n"
               "  -d, --data DIR  the data directory (default: the bundled\n"
               "                  " DEFAULT_DATA ")\n"
               "  -h, --help      show this help\n\n"
               "Exit status: 0 valid (warnings allowed), 65 malformed data, 66 missing\n"
               "directory or file, 64 wrong usage. The data format is described in\n"
               "data/README.md.\n");
}

int jv_cmd_check(int argc, char **argv)
{
  static const struct option opts[] = {
      {"data", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
  const char *data = NULL;
  int c;
  while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
    switch (c) {
    case 'd':
      data = optarg;
      break;
    case 'h':
      usage(stdout);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "jaarverslag check: unexpected argument '%s'\n", argv[optind]);
    usage(stderr);
    return JV_EUSAGE;
  }

  jv_error err;
  jv_error_clear(&err);
  jv_env env;
  jv_diags errors;
  jv_diags_init(&errors);
  jv_status st = jv_env_init(&env, &err);
  if (st == JV_OK)
    st = jv_check_job(&env, data, &errors, stderr, stdout, &err);
  if (st != JV_OK)
    jv_cli_print_failure(&errors, &err);
  jv_diags_free(&errors);
  return st;
}
