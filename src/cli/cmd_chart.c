/* cmd_chart.c - `jaarverslag chart`: one chart as a PNG, SVG or PDF file.
 * Argument parsing and exit codes only; the work is pipeline/chart_job.c. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/chart_job.h"
#include "util/error.h"

static const char *const kind_names[] = {"trend", "comparison", "stacked", "keyfigure"};

typedef jv_chart_job_opts options;

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag chart --kind KIND --indicator NAME -o FILE [options]\n\n"
               "Draws one chart as FILE.png, FILE.svg or FILE.pdf (by extension).\n\n"
               "Kinds:\n"
               "  trend       series over school years (bars; --lines for lines). NAME is a\n"
               "              series, a comma-separated list or a group (vrijstellingen, ...)\n"
               "  comparison  per municipality per 1.000 leerplichtigen, with the regional\n"
               "              average as a dashed line. NAME is an indicator of the data\n"
               "              directory, e.g. absoluut_verzuim\n"
               "  stacked     per municipality by onderwijssoort. NAME is relatief or\n"
               "              processen_verbaal\n"
               "  keyfigure   the latest figures of a series or group large, e.g. vsv\n\n"
               "Options:\n"
               "  -k, --kind KIND        trend, comparison, stacked or keyfigure\n"
               "  -i, --indicator NAME   what to chart (see above and data/README.md)\n"
               "  -o, --output FILE      the file to write (.png, .svg or .pdf)\n"
               "  -d, --data DIR         per-year data directory (default: the bundled\n"
               "                         data/zuid-holland-zuid/2017-2018); for trend and\n"
               "                         keyfigure the series a report of DIR uses: the\n"
               "                         national ones and DIR/../reeksen.csv of its project\n"
               "  -s, --series FILE      series file for trend and keyfigure; repeatable;\n"
               "                         replaces those of --data (default: the bundled\n"
               "                         data/nationaal/series.csv and\n"
               "                         data/zuid-holland-zuid/reeksen.csv)\n"
               "  -W, --width PT         width in points (default 480)\n"
               "  -H, --height PT        height in points (default 300)\n"
               "      --dpi N            PNG resolution (default 144; 72 = 1 pixel per point)\n"
               "      --lines            trend: lines with markers instead of bars\n"
               "      --sorted           comparison: highest rate first\n"
               "      --years N          keyfigure: how many school years (default 3)\n"
               "      --title TEXT       replace the title\n"
               "      --source TEXT      replace the source line (after \"Bron: \")\n"
               "      --alt              print the chart's text alternative on stdout\n"
               "      --geometry         print the bars' boxes (points) on stdout, for tests\n"
               "  -h, --help             show this help\n\n"
               "Exit status: 0 written, 64 wrong usage, 65 malformed data, 66 missing input,\n"
               "73 output cannot be created.\n");
}

static int usage_error(const char *fmt, const char *arg)
{
  return jv_cli_usage_error("chart", fmt, arg);
}

/* A positive number within [lo, hi]; -1 when the text is not one. */
static double parse_number(const char *s, double lo, double hi)
{
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || !(v >= lo && v <= hi))
    return -1;
  return v;
}

static int parse_options(options *o, int argc, char **argv)
{
  enum { O_DPI = 256, O_LINES, O_SORTED, O_YEARS, O_TITLE, O_SOURCE, O_ALT, O_GEOMETRY };
  static const struct option opts[] = {{"kind", required_argument, NULL, 'k'},
                                       {"indicator", required_argument, NULL, 'i'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"data", required_argument, NULL, 'd'},
                                       {"series", required_argument, NULL, 's'},
                                       {"width", required_argument, NULL, 'W'},
                                       {"height", required_argument, NULL, 'H'},
                                       {"dpi", required_argument, NULL, O_DPI},
                                       {"lines", no_argument, NULL, O_LINES},
                                       {"sorted", no_argument, NULL, O_SORTED},
                                       {"years", required_argument, NULL, O_YEARS},
                                       {"title", required_argument, NULL, O_TITLE},
                                       {"source", required_argument, NULL, O_SOURCE},
                                       {"alt", no_argument, NULL, O_ALT},
                                       {"geometry", no_argument, NULL, O_GEOMETRY},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  memset(o, 0, sizeof(*o));
  o->kind = K_NONE;
  o->width = 480;
  o->height = 300;
  o->dpi = 144;
  o->years = 3;
  int c;
  while ((c = getopt_long(argc, argv, "k:i:o:d:s:W:H:h", opts, NULL)) != -1) {
    switch (c) {
    case 'k': {
      int k = 0;
      while (k < K_NONE && strcmp(kind_names[k], optarg) != 0)
        k++;
      if (k == K_NONE)
        return usage_error("unknown kind '%s': use trend, comparison, stacked or keyfigure",
                           optarg);
      o->kind = (jv_chart_kind)k;
      break;
    }
    case 'i':
      o->indicator = optarg;
      break;
    case 'o':
      o->output = optarg;
      break;
    case 'd':
      o->data = optarg;
      break;
    case 's':
      if (o->n_series == JV_CHART_MAX_SERIES_FILES)
        return usage_error("too many --series files (at most %s)", "8");
      o->series[o->n_series++] = optarg;
      break;
    case 'W':
    case 'H': {
      double v = parse_number(optarg, 72, 5000);
      if (v < 0)
        return usage_error("size '%s': give points between 72 and 5000", optarg);
      if (c == 'W')
        o->width = v;
      else
        o->height = v;
      break;
    }
    case O_DPI:
      if ((o->dpi = parse_number(optarg, 10, 1200)) < 0)
        return usage_error("--dpi '%s': give a number between 10 and 1200", optarg);
      break;
    case O_YEARS: {
      double v = parse_number(optarg, 1, JV_CHART_MAX_KEYFIGURES);
      if (v < 0 || v != floor(v))
        return usage_error("--years '%s': give a whole number from 1 to 6", optarg);
      o->years = (long)v;
      break;
    }
    case O_LINES:
      o->lines = 1;
      break;
    case O_SORTED:
      o->sorted = 1;
      break;
    case O_TITLE:
      o->title = optarg;
      break;
    case O_SOURCE:
      o->source = optarg;
      break;
    case O_ALT:
      o->alt = 1;
      break;
    case O_GEOMETRY:
      o->geometry = 1;
      break;
    case 'h':
      usage(stdout);
      return -1;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc)
    return usage_error("unexpected argument '%s'", argv[optind]);
  if (o->kind == K_NONE)
    return usage_error("%s", "missing --kind (trend, comparison, stacked or keyfigure)");
  if (!o->indicator)
    return usage_error("%s", "missing --indicator NAME");
  if (!o->output)
    return usage_error("%s", "missing -o FILE (.png, .svg or .pdf)");
  if (!jv_chart_job_output_ok(o->output))
    return usage_error("output '%s': the name must end in .png, .svg or .pdf", o->output);
  if ((o->kind == K_COMPARISON || o->kind == K_STACKED) && o->n_series)
    return usage_error("--series is for trend and keyfigure charts; %s reads --data",
                       kind_names[o->kind]);
  return 0;
}

int jv_cmd_chart(int argc, char **argv)
{
  options o;
  int rc = parse_options(&o, argc, argv);
  if (rc)
    return rc < 0 ? 0 : rc;
  jv_env env;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_env_init(&env, &err);
  if (st == JV_OK)
    st = jv_chart_job(&env, &o, stdout, &err);
  if (st != JV_OK) {
    fprintf(stderr, "jaarverslag chart: ");
    jv_error_print(&err, stderr);
    if (st == JV_EUSAGE)
      fprintf(stderr, "Run 'jaarverslag chart --help' for the options.\n");
  }
  return st;
}
