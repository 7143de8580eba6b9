/* cmd_indicators.c - `jaarverslag indicators`: the indicator and series
 * catalogues. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "model/indicator.h"
#include "model/series_catalogue.h"
#include "util/error.h"

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag indicators [--series]\n\n"
               "Lists every indicator: its name (as used in CSV headers, templates and\n"
               "options), its group and its Dutch label, tab-separated.\n\n"
               "  -s, --series  list the multi-year series instead (names for series\n"
               "                files, ::grafiek reeks= and ::kerncijfer reeks=)\n"
               "  -h, --help    show this help\n");
}

int jv_cmd_indicators(int argc, char **argv)
{
  static const struct option opts[] = {
      {"series", no_argument, NULL, 's'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
  int c, series = 0;
  while ((c = getopt_long(argc, argv, "sh", opts, NULL)) != -1) {
    if (c == 's') {
      series = 1;
    } else if (c == 'h') {
      usage(stdout);
      return 0;
    } else {
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "jaarverslag indicators: unexpected argument '%s'\n", argv[optind]);
    return JV_EUSAGE;
  }
  if (series) {
    for (size_t i = 0; i < jv_series_info_count(); i++) {
      const jv_series_info *s = jv_series_info_at(i);
      printf("%s\t%s\t%s\n", s->name, s->group, s->label);
    }
    return 0;
  }
  for (int i = 0; i < JV_IND_COUNT; i++)
    printf("%s\t%s\t%s\n", jv_indicator_name((jv_indicator)i), jv_indicator_group((jv_indicator)i),
           jv_indicator_label((jv_indicator)i));
  return 0;
}
