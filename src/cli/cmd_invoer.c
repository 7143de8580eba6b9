/* cmd_invoer.c - `jaarverslag invoer`: options to jv_job_invoer. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "pipeline/invoer_job.h"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag invoer --regio NAME --schooljaar YYYY-YYYY -o FILE.xlsx\n\n"
               "Writes the Excel workbook an office fills in: one sheet per indicator group\n"
               "with the region's municipalities (CBS codes and names of the school year's\n"
               "indeling), the indicator names as column headers with their Dutch labels as\n"
               "comments, cells that accept a count or n.b., nvt, non-respons, and a sheet\n"
               "regio. Put the filled workbook in a data directory: report and check read it\n"
               "as they read CSV files.\n\n"
               "  -r, --regio NAME       the region, as in assets/geo/regios.csv\n"
               "  -s, --schooljaar YEAR  such as 2017-2018 (indeling of 1 January 2018)\n"
               "  -o, --output FILE      the workbook to write (replaced only when complete)\n"
               "  -h, --help             show this help\n");
}

int jv_cmd_invoer(int argc, char **argv)
{
  static const struct option opts[] = {{"regio", required_argument, NULL, 'r'},
                                       {"schooljaar", required_argument, NULL, 's'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  jv_invoer_opts io = {0};
  int c;
  while ((c = getopt_long(argc, argv, "r:s:o:h", opts, NULL)) != -1) {
    switch (c) {
    case 'r':
      io.regio = optarg;
      break;
    case 's':
      io.schooljaar = optarg;
      break;
    case 'o':
      io.output = optarg;
      break;
    case 'h':
      usage(stdout);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc || !io.regio || !io.schooljaar || !io.output) {
    fprintf(stderr, "jaarverslag invoer: %s\n",
            optind < argc ? "unexpected argument" : "--regio, --schooljaar and -o are required");
    usage(stderr);
    return JV_EUSAGE;
  }
  jv_env env;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_env_init(&env, &err);
  if (!st)
    st = jv_job_invoer(&env, &io, &err);
  if (st)
    jv_error_print(&err, stderr);
  else
    printf("%s\n", io.output);
  return (int)st;
}
