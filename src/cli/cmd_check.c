/* cmd_check.c - placeholder until the check command lands. */
#include <stdio.h>

#include "cli/commands.h"
#include "util/error.h"

int jv_cmd_check(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  fprintf(stderr, "jaarverslag check: not implemented yet\n");
  return JV_EINTERNAL;
}
