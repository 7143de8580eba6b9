/* cmd_check.c - `jaarverslag check`: validate a data directory, print the
 * cross-check warnings and a one-line summary. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "pipeline/job.h"
#include "model/correction.h"
#include "model/model.h"
#include "stats/checks.h"
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
  jv_dataset ds;
  jv_diags errors, diags;
  jv_diags_init(&errors);
  jv_diags_init(&diags);
  jv_status st = jv_env_init(&env, &err);
  if (st == JV_OK)
    st = jv_job_load_all(&env, data, &ds, &errors, &diags, &err);
  if (st != JV_OK) {
    if (errors.count > 0) /* every error of the input, the first among them */
      jv_diags_print_capped(&errors, stderr, "error", JV_DIAG_MAX);
    else
      jv_error_print(&err, stderr);
    jv_diags_free(&errors);
    jv_diags_free(&diags);
    return st;
  }
  st = jv_checks_run(&ds, &diags);
  if (st == JV_OK)
    st = jv_diags_sort(&diags);
  if (st != JV_OK) {
    fprintf(stderr, "jaarverslag check: out of memory\n");
  } else {
    jv_diags_print_capped(&diags, stderr, "warning", JV_DIAG_MAX);
    size_t n_ind = 0;
    for (int i = 0; i < JV_IND_COUNT; i++)
      n_ind += ds.has_indicator[i];
    printf("%zu %s, %zu %s, %zu %s", ds.n_munis, ds.n_munis == 1 ? "gemeente" : "gemeenten", n_ind,
           n_ind == 1 ? "indicator" : "indicatoren", diags.count,
           diags.count == 1 ? "waarschuwing" : "waarschuwingen");
    size_t n_corr = ds.corrections ? ds.corrections->n : 0; /* applied from correcties/ */
    if (n_corr > 0)
      printf(", %zu %s", n_corr, n_corr == 1 ? "correctie" : "correcties");
    printf("\n");
  }
  jv_diags_free(&errors);
  jv_diags_free(&diags);
  jv_dataset_free(&ds);
  return st;
}
