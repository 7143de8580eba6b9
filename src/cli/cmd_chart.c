/* cmd_chart.c - placeholder until the chart command lands. */
#include <stdio.h>

#include "cli/commands.h"
#include "util/error.h"

int jv_cmd_chart(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  fprintf(stderr, "jaarverslag chart: not implemented yet\n");
  return JV_EINTERNAL;
}
