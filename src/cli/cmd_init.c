/* cmd_init.c - `jaarverslag init`: options to jv_job_init. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/init_job.h"

static void usage(FILE *out)
{
  fprintf(out,
          "Usage: jaarverslag init DIR --regio NAME --schooljaar YYYY-YYYY\n"
          "                        [--gemeenten GM0482,GM0505,...] [--organisatie TEXT]\n\n"
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
          "  -h, --help              show this help\n");
}

int jv_cmd_init(int argc, char **argv)
{
  static const struct option opts[] = {{"regio", required_argument, NULL, 'r'},
                                       {"schooljaar", required_argument, NULL, 's'},
                                       {"gemeenten", required_argument, NULL, 'g'},
                                       {"organisatie", required_argument, NULL, 'O'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  jv_init_opts io = {.report = stdout};
  int c;
  while ((c = getopt_long(argc, argv, "r:s:g:h", opts, NULL)) != -1) {
    switch (c) {
    case 'r':
      io.regio = optarg;
      break;
    case 's':
      io.schooljaar = optarg;
      break;
    case 'g':
      io.gemeenten = optarg;
      break;
    case 'O':
      io.organisatie = optarg;
      break;
    case 'h':
      usage(stdout);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind + 1 != argc)
    return jv_cli_usage_error("init", "expected one project folder DIR%s", "");
  io.dir = argv[optind];
  if (!io.regio || !io.schooljaar)
    return jv_cli_usage_error("init", "--regio and --schooljaar are required%s", "");
  jv_env env;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_env_init(&env, &err);
  if (!st)
    st = jv_job_init(&env, &io, &err);
  if (st)
    jv_error_print(&err, stderr);
  return (int)st;
}
