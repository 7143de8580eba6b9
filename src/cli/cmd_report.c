/* cmd_report.c - placeholder until the report command lands. */
#include <stdio.h>

#include "cli/commands.h"
#include "util/error.h"

int jv_cmd_report(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  fprintf(stderr, "jaarverslag report: not implemented yet\n");
  return JV_EINTERNAL;
}
