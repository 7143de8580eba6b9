/* cmd_report.c - `jaarverslag report`: options to jv_job_report. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/job.h"
#include "util/diag.h"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag report [--data DIR] [-o FILE]\n\n"
               "Writes the annual report PDF of one region and school year.\n\n"
               "  -d, --data DIR     data directory (default: the bundled Zuid-Holland Zuid\n"
               "                     2017-2018 data)\n"
               "  -o, --output FILE  output PDF (default: jaarverslag-<regio>-<schooljaar>.pdf\n"
               "                     in the current directory); replaced only on success\n"
               "      --no-charts    tables and text only, no charts or maps\n"
               "  -t, --template FILE  report template (Markdown; default: the bundled\n"
               "                     templates/zuid-holland-zuid/jaarverslag.md)\n"
               "      --outline-text print the report's structure (headings, paragraphs,\n"
               "                     tables with header cells, figures with their text\n"
               "                     alternatives) instead of writing the PDF\n"
               "      --pages        also print the page map: per page its blocks, how\n"
               "                     full it is and why a page was left under 60%%\n"
               "  -h, --help         show this help\n\n"
               "SOURCE_DATE_EPOCH, when set, fixes the dates inside the PDF.\n");
}

int jv_cmd_report(int argc, char **argv)
{
  static const struct option opts[] = {
      {"data", required_argument, NULL, 'd'},   {"output", required_argument, NULL, 'o'},
      {"no-charts", no_argument, NULL, 'n'},    {"template", required_argument, NULL, 't'},
      {"outline-text", no_argument, NULL, 'O'}, {"pages", no_argument, NULL, 'P'},
      {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
  jv_diags errors;
  jv_diags_init(&errors);
  jv_report_opts ro = {.warnings = stderr, .errors = &errors};
  int c;
  while ((c = getopt_long(argc, argv, "d:o:t:h", opts, NULL)) != -1) {
    switch (c) {
    case 'd':
      ro.data_dir = optarg;
      break;
    case 'o':
      ro.output = optarg;
      break;
    case 'n':
      ro.no_charts = 1;
      break;
    case 't':
      ro.template_path = optarg;
      break;
    case 'O':
      ro.outline_text = stdout;
      break;
    case 'P':
      ro.page_map = stdout;
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
    fprintf(stderr, "jaarverslag report: unexpected argument '%s'\n", argv[optind]);
    usage(stderr);
    return JV_EUSAGE;
  }
  jv_env env;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_env_init(&env, &err);
  if (!st)
    st = jv_job_report(&env, &ro, &err);
  if (st)
    jv_cli_print_failure(&errors, &err);
  else if (!ro.outline_text)
    printf("%s: %zu pagina's\n", ro.written, ro.pages);
  jv_diags_free(&errors);
  return (int)st;
}
