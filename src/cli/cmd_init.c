/* cmd_init.c - `jaarverslag init`: options to jv_job_init. */
#include <stdio.h>

#include "cli/cli_opts.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/init_job.h"

static void usage(FILE *out)
{
  fprintf(out,
          "Usage: jaarverslag init DIR --regio NAME --schooljaar YYYY-YYYY\n"
          "                        [--gemeenten GM0482,GM0505,...] [--organisatie TEXT]\n"
          "                        [--werkmap]\n\n"
          "Makes DIR a project folder of the region (or adds a school year to it): project.csv,\n"
          "gemeenten.csv, sjabloon/ (a copy of the report template to edit), LEESMIJ.md and\n"
          "DIR/YYYY-YYYY/ with regio.csv and every data file pre-filled with the codes and\n"
          "names of that year's municipalities and empty count cells. An existing file is\n"
          "never changed.\n\n"
          "  -r, --regio NAME        the region; its municipalities come from --gemeenten,\n"
          "                          DIR/gemeenten.csv or the program's assets/geo/regios.csv,\n"
          "                          mapped through the herindelingen to the year's indeling\n"
          "  -s, --schooljaar YEAR   the school year to add, such as 2019-2020\n"
          "  -g, --gemeenten CODES   the year's municipalities, CBS codes separated by commas\n"
          "      --organisatie TEXT  the office's name as the texts use it, {organisatie}\n"
          "                          (default: LVS)\n"
          "      --werkmap           write the year's figures as one Excel workbook,\n"
          "                          DIR/YYYY-YYYY/gegevens.xlsx (the one 'jaarverslag\n"
          "                          invoer' makes, with a sheet regio), instead of\n"
          "                          regio.csv and the CSV data files\n"
          "  -h, --help              show this help\n");
}

static jv_status run(const jv_env *env, void *opts, jv_error *err)
{
  return jv_job_init(env, opts, err);
}

int jv_cmd_init(int argc, char **argv)
{
  static const jv_cli_cmd cmd = {"init", usage};
  jv_init_opts io = {.report = stdout};
  const jv_cli_opt opts[] = {{"regio", 'r', JV_OPT_TEXT, &io.regio},
                             {"schooljaar", 's', JV_OPT_TEXT, &io.schooljaar},
                             {"gemeenten", 'g', JV_OPT_TEXT, &io.gemeenten},
                             {"organisatie", 0, JV_OPT_TEXT, &io.organisatie},
                             {"werkmap", 0, JV_OPT_FLAG, &io.werkmap}};
  int first, rc = jv_cli_parse(&cmd, argc, argv, opts, sizeof(opts) / sizeof(opts[0]), &first);
  if (rc >= 0)
    return rc;
  if (first + 1 != argc)
    return jv_cli_usage_error("init", "expected one project folder DIR%s", "");
  io.dir = argv[first];
  if (!io.regio || !io.schooljaar)
    return jv_cli_usage_error("init", "--regio and --schooljaar are required%s", "");
  return (int)jv_cli_run(run, &io, NULL);
}
