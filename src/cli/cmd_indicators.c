/* cmd_indicators.c - `jaarverslag indicators`: the indicator catalogue. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "model/indicator.h"
#include "util/error.h"

int jv_cmd_indicators(int argc, char **argv)
{
  static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    if (c == 'h') {
      printf("Usage: jaarverslag indicators\n\n"
             "Lists every indicator: its name (as used in CSV headers, templates and\n"
             "options), its group and its Dutch label, tab-separated.\n");
      return 0;
    }
    fprintf(stderr, "Usage: jaarverslag indicators\n");
    return JV_EUSAGE;
  }
  if (optind < argc) {
    fprintf(stderr, "jaarverslag indicators: unexpected argument '%s'\n", argv[optind]);
    return JV_EUSAGE;
  }
  for (int i = 0; i < JV_IND_COUNT; i++)
    printf("%s\t%s\t%s\n", jv_indicator_name((jv_indicator)i), jv_indicator_group((jv_indicator)i),
           jv_indicator_label((jv_indicator)i));
  return 0;
}
