/* cmd_invoer.c - `jaarverslag invoer`: options to jv_job_invoer. */
#include <stdio.h>

#include "cli/cli_opts.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/invoer_job.h"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag invoer --regio NAME --schooljaar YYYY-YYYY -o FILE.xlsx\n"
               "                          [--gemeenten GM0482,GM0505,...]\n\n"
               "Writes the Excel workbook an office fills in: one sheet per indicator group\n"
               "with the region's municipalities (CBS codes and names of the school year's\n"
               "indeling), the indicator names as column headers with their Dutch labels as\n"
               "comments, cells that accept a count or n.b., nvt, non-respons, and a sheet\n"
               "regio. Put the filled workbook in a data directory: report and check read it\n"
               "as they read CSV files.\n\n"
               "  -r, --regio NAME       the region, as in assets/geo/regios.csv; its\n"
               "                         municipalities are mapped through the herindelingen\n"
               "                         to the year's indeling, as 'jaarverslag init' does\n"
               "  -g, --gemeenten CODES  the year's municipalities instead, CBS codes\n"
               "                         separated by commas\n"
               "  -s, --schooljaar YEAR  such as 2017-2018 (indeling of 1 January 2018)\n"
               "  -o, --output FILE      the workbook to write (replaced only when complete)\n"
               "  -h, --help             show this help\n");
}

static jv_status run(const jv_env *env, void *opts, jv_error *err)
{
  return jv_job_invoer(env, opts, err);
}

int jv_cmd_invoer(int argc, char **argv)
{
  static const jv_cli_cmd cmd = {"invoer", usage};
  jv_invoer_opts io = {0};
  const jv_cli_opt opts[] = {{"regio", 'r', JV_OPT_TEXT, &io.regio},
                             {"schooljaar", 's', JV_OPT_TEXT, &io.schooljaar},
                             {"gemeenten", 'g', JV_OPT_TEXT, &io.gemeenten},
                             {"output", 'o', JV_OPT_TEXT, &io.output}};
  int first, rc = jv_cli_parse(&cmd, argc, argv, opts, sizeof(opts) / sizeof(opts[0]), &first);
  if (rc < 0)
    rc = jv_cli_no_arguments(&cmd, argc, argv, first);
  if (rc >= 0)
    return rc;
  if (!io.regio || !io.schooljaar || !io.output)
    return jv_cli_usage_help(&cmd, "--regio, --schooljaar and -o are required");
  jv_status st = jv_cli_run(run, &io, NULL);
  if (!st)
    printf("%s\n", io.output);
  return (int)st;
}
