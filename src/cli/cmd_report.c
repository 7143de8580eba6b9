/* cmd_report.c - `jaarverslag report`: options to jv_job_report. */
#include <stdio.h>

#include "cli/cli_opts.h"
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

static jv_status run(const jv_env *env, void *opts, jv_error *err)
{
  return jv_job_report(env, opts, err);
}

int jv_cmd_report(int argc, char **argv)
{
  static const jv_cli_cmd cmd = {"report", usage};
  jv_diags errors;
  jv_diags_init(&errors);
  jv_report_opts ro = {.warnings = stderr, .errors = &errors};
  int outline = 0, pages = 0;
  const jv_cli_opt opts[] = {{"data", 'd', JV_OPT_TEXT, &ro.data_dir},
                             {"output", 'o', JV_OPT_TEXT, &ro.output},
                             {"no-charts", 0, JV_OPT_FLAG, &ro.no_charts},
                             {"template", 't', JV_OPT_TEXT, &ro.template_path},
                             {"outline-text", 0, JV_OPT_FLAG, &outline},
                             {"pages", 0, JV_OPT_FLAG, &pages}};
  int first, rc = jv_cli_parse(&cmd, argc, argv, opts, sizeof(opts) / sizeof(opts[0]), &first);
  if (rc < 0)
    rc = jv_cli_no_arguments(&cmd, argc, argv, first);
  if (rc >= 0)
    return rc;
  ro.outline_text = outline ? stdout : NULL;
  ro.page_map = pages ? stdout : NULL;
  jv_status st = jv_cli_run(run, &ro, &errors);
  if (!st && !ro.outline_text)
    printf("%s: %zu pagina's\n", ro.written, ro.pages);
  jv_diags_free(&errors);
  return (int)st;
}
