/* cmd_check.c - `jaarverslag check`: validate a data directory, print the
 * cross-check warnings and a one-line summary. */
#include <stdio.h>

#include "cli/cli_opts.h"
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

typedef struct {
  const char *data;
  jv_diags *errors;
} check_opts;

static jv_status run(const jv_env *env, void *opts, jv_error *err)
{
  check_opts *o = opts;
  return jv_check_job(env, o->data, o->errors, stderr, stdout, err);
}

int jv_cmd_check(int argc, char **argv)
{
  static const jv_cli_cmd cmd = {"check", usage};
  jv_diags errors;
  jv_diags_init(&errors);
  check_opts o = {.data = NULL, .errors = &errors};
  const jv_cli_opt opts[] = {{"data", 'd', JV_OPT_TEXT, &o.data}};
  int first, rc = jv_cli_parse(&cmd, argc, argv, opts, sizeof(opts) / sizeof(opts[0]), &first);
  if (rc < 0)
    rc = jv_cli_no_arguments(&cmd, argc, argv, first);
  if (rc >= 0)
    return rc;
  jv_status st = jv_cli_run(run, &o, &errors);
  jv_diags_free(&errors);
  return (int)st;
}
