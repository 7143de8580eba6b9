/* cmd_map.c - placeholder until the map command lands. */
#include <stdio.h>

#include "cli/commands.h"
#include "util/error.h"

int jv_cmd_map(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  fprintf(stderr, "jaarverslag map: not implemented yet\n");
  return JV_EINTERNAL;
}
