/* cmd_map.c - `jaarverslag map`: options and exit codes; the work is in
 * pipeline/map_run.c. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "model/indicator.h"
#include "model/model.h"
#include "pipeline/map_job.h"
#include "util/error.h"
#include "util/suggest.h"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag map --indicator NAME [options] -o FILE.{png,svg,pdf}\n"
               "       jaarverslag map --indicator NAME [options] --explain\n\n"
               "Draws a municipality map of NAME per 1.000 leerplichtigen (5 t/m 17 jaar),\n"
               "in the legend classes of the ministry's letters: geen, tot 1, 1 tot 2,\n"
               "2 tot 3, 3 tot 5, 5 of meer per 1.000, non-respons, geen gegevens.\n"
               "Classes use the exact rate (count * 1000 / leerplichtigen), not the rounded\n"
               "one; a rate exactly on an edge belongs to the higher class.\n\n"
               "Options:\n"
               "  -i, --indicator NAME    the count to map (see 'jaarverslag indicators')\n"
               "  -d, --data DIR          a data directory, or a folder of school-year\n"
               "                          directories (default: the bundled data; with --year\n"
               "                          the bundled data set of that year)\n"
               "  -y, --year YYYY-YYYY    the school year, e.g. 2014-2015\n"
               "  -r, --region NAME       zoom to a region (assets/geo/regios.csv or the\n"
               "                          data's own region); neighbours are drawn faint\n"
               "      --national          all municipalities of the country (default: the\n"
               "                          data's region, from regios.csv or else the\n"
               "                          municipalities of the data, as in the report)\n"
               "  -g, --geometry FILE     boundaries as GeoJSON or TopoJSON in RD New metres,\n"
               "                          properties statcode/statnaam or code/name\n"
               "      --boundary-year N   bundled CBS boundaries of year N (default: the\n"
               "                          latest not after the end of the school year)\n"
               "  -b, --buckets LIST      class edges per 1.000 (default 0,1,2,3,5)\n"
               "      --labels WORDING    legend wording: exact (default, \"5 of meer per\n"
               "                          1.000\") or letter (the ministry letter's \"meer dan 5\n"
               "                          per 1.000\", with the edge rule in the footnote)\n"
               "      --small-numbers MARK  mark municipalities whose class is uncertain\n"
               "                          (count below the threshold, or a 95 %% interval\n"
               "                          over more than one class): dot (default),\n"
               "                          outline or off\n"
               "      --small-numbers-below N  the count threshold (default 5)\n"
               "      --dpi N             PNG resolution (default 150)\n"
               "      --width PT          figure width in points (default 500)\n"
               "  -t, --title TEXT        replace the generated title\n"
               "  -e, --explain           print a header row and per municipality of the data:\n"
               "                          CBS code, name, count, leerplichtigen, rate per\n"
               "                          1.000, class, 95 %% interval, class uncertain\n"
               "                          (tab-separated)\n"
               "      --all               with --explain: every municipality of the map\n"
               "  -o, --output FILE       write the map (.png, .svg or .pdf)\n"
               "  -h, --help              show this help\n\n"
               "Exit status: 0 done (warnings on stderr), 64 wrong usage, 65 malformed\n"
               "data, 66 missing input, 73 output cannot be created.\n");
}

static int fail_usage(const char *fmt, const char *arg)
{
  return jv_cli_usage_error("map", fmt, arg);
}

static int parse_indicator(const char *s, jv_indicator *out)
{
  if (jv_indicator_from_name(s, out) == 0)
    return 0;
  const char *names[JV_IND_COUNT];
  for (int i = 0; i < JV_IND_COUNT; i++)
    names[i] = jv_indicator_name((jv_indicator)i);
  const char *near = jv_suggest_closest(s, names, JV_IND_COUNT);
  fprintf(stderr, "jaarverslag map: unknown indicator '%s'", s);
  if (near)
    fprintf(stderr, "; did you mean '%s'?", near);
  fprintf(stderr, " (list: jaarverslag indicators)\n");
  return -1;
}

static int parse_number(const char *s, double lo, double hi, double *out)
{
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || !(v >= lo && v <= hi))
    return -1;
  *out = v;
  return 0;
}

enum {
  OPT_NATIONAL = 256,
  OPT_BOUNDARY_YEAR,
  OPT_DPI,
  OPT_WIDTH,
  OPT_DEBUG_POINTS,
  OPT_LABELS,
  OPT_SMALL,
  OPT_SMALL_BELOW,
  OPT_ALL
};

int jv_cmd_map(int argc, char **argv)
{
  static const struct option opts[] = {
      {"indicator", required_argument, NULL, 'i'},
      {"data", required_argument, NULL, 'd'},
      {"year", required_argument, NULL, 'y'},
      {"region", required_argument, NULL, 'r'},
      {"national", no_argument, NULL, OPT_NATIONAL},
      {"geometry", required_argument, NULL, 'g'},
      {"boundary-year", required_argument, NULL, OPT_BOUNDARY_YEAR},
      {"buckets", required_argument, NULL, 'b'},
      {"dpi", required_argument, NULL, OPT_DPI},
      {"width", required_argument, NULL, OPT_WIDTH},
      {"title", required_argument, NULL, 't'},
      {"explain", no_argument, NULL, 'e'},
      {"all", no_argument, NULL, OPT_ALL},
      {"labels", required_argument, NULL, OPT_LABELS},
      {"small-numbers", required_argument, NULL, OPT_SMALL},
      {"small-numbers-below", required_argument, NULL, OPT_SMALL_BELOW},
      {"output", required_argument, NULL, 'o'},
      {"help", no_argument, NULL, 'h'},
      /* for tests: code, name, x, y of each label point in output units */
      {"debug-points", no_argument, NULL, OPT_DEBUG_POINTS},
      {NULL, 0, NULL, 0}};
  jv_map_job_opts o;
  memset(&o, 0, sizeof(o));
  jv_buckets buckets;
  jv_small_numbers small;
  jv_map_small_default(&small);
  o.map.small = &small;
  jv_error err;
  jv_error_clear(&err);
  const char *indicator = NULL;
  double num;
  int c;
  while ((c = getopt_long(argc, argv, "i:d:y:r:g:b:t:eo:h", opts, NULL)) != -1) {
    switch (c) {
    case 'i':
      indicator = optarg;
      break;
    case 'd':
      o.data_dir = optarg;
      break;
    case 'y': {
      jv_schoolyear sy;
      if (jv_schoolyear_parse(optarg, &sy) != 0)
        return fail_usage("--year %s: expected a school year such as 2014-2015", optarg);
      o.year = optarg;
      break;
    }
    case 'r':
      o.map.region = optarg;
      break;
    case OPT_NATIONAL:
      o.map.national = true;
      break;
    case 'g':
      o.map.geometry = optarg;
      break;
    case OPT_BOUNDARY_YEAR:
      if (parse_number(optarg, 1800, 2200, &num) != 0 || num != (int)num)
        return fail_usage("--boundary-year %s: expected a year such as 2018", optarg);
      o.map.boundary_year = (int)num;
      break;
    case 'b':
      if (jv_map_buckets_parse(&buckets, optarg, &err) != JV_OK) {
        fprintf(stderr, "jaarverslag map: %s\n", err.msg);
        return JV_EUSAGE;
      }
      o.map.buckets = &buckets;
      break;
    case OPT_DPI:
      if (parse_number(optarg, 10, 2400, &num) != 0)
        return fail_usage("--dpi %s: expected a resolution from 10 to 2400", optarg);
      o.dpi = num;
      break;
    case OPT_WIDTH:
      if (parse_number(optarg, 200, 5000, &num) != 0)
        return fail_usage("--width %s: expected 200 to 5000 points", optarg);
      o.width = num;
      break;
    case 't':
      o.map.title = optarg;
      break;
    case 'e':
      o.explain = true;
      break;
    case OPT_ALL:
      o.explain_all = true;
      break;
    case OPT_LABELS:
      if (jv_map_wording_parse(optarg, &o.map.letter_labels) != 0)
        return fail_usage("--labels %s: expected exact or letter", optarg);
      break;
    case OPT_SMALL:
      if (jv_map_small_mark_parse(&small, optarg) != 0)
        return fail_usage("--small-numbers %s: expected dot, outline or off", optarg);
      break;
    case OPT_SMALL_BELOW:
      if (parse_number(optarg, 0, 1000000, &num) != 0 || num != (long long)num)
        return fail_usage("--small-numbers-below %s: expected a whole count such as 5", optarg);
      small.min_count = (long long)num;
      break;
    case 'o':
      o.output = optarg;
      break;
    case OPT_DEBUG_POINTS:
      o.debug_points = true;
      break;
    case 'h':
      usage(stdout);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc)
    return fail_usage("unexpected argument '%s'", argv[optind]);
  if (!indicator)
    return fail_usage("%s", "--indicator NAME is required");
  if (parse_indicator(indicator, &o.map.ind) != 0)
    return JV_EUSAGE;
  if (!o.output && !o.explain)
    return fail_usage("%s", "nothing to do: give -o FILE and/or --explain");
  if (o.map.national && o.map.region)
    return fail_usage("%s", "--region and --national exclude each other");
  if (o.explain_all && !o.explain)
    return fail_usage("%s", "--all goes with --explain");
  if (o.map.geometry && o.map.boundary_year)
    return fail_usage("%s", "--geometry and --boundary-year exclude each other");

  jv_env env;
  jv_status st = jv_env_init(&env, &err);
  jv_diags warn;
  jv_diags_init(&warn);
  if (st == JV_OK)
    st = jv_map_job(&env, &o, &warn, &err);
  jv_diags_print(&warn, stderr);
  jv_diags_free(&warn);
  if (st != JV_OK) {
    jv_error_print(&err, stderr);
    return st;
  }
  return 0;
}
