/* cli_opts.c - the option table of a subcommand through getopt_long. */
#include "cli/cli_opts.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

/* getopt_long's codes for options without a short name: past every char. */
#define LONG_ONLY 256

int jv_cli_parse(const jv_cli_cmd *cmd, int argc, char **argv, const jv_cli_opt *opts, size_t n,
                 int *first_arg)
{
  struct option *lo = calloc(n + 2, sizeof(*lo));
  char *shorts = calloc(2 * n + 2, 1);
  if (!lo || !shorts) {
    free(lo);
    free(shorts);
    fprintf(stderr, "jaarverslag %s: out of memory\n", cmd->name);
    return JV_EINTERNAL;
  }
  size_t ns = 0;
  for (size_t i = 0; i < n; i++) {
    int has_arg = opts[i].kind == JV_OPT_TEXT ? required_argument : no_argument;
    lo[i] = (struct option){opts[i].name, has_arg, NULL,
                            opts[i].letter ? opts[i].letter : LONG_ONLY + (int)i};
    if (opts[i].letter) {
      shorts[ns++] = opts[i].letter;
      if (has_arg == required_argument)
        shorts[ns++] = ':';
    }
  }
  lo[n] = (struct option){"help", no_argument, NULL, 'h'};
  shorts[ns] = 'h';
  int status = -1, c;
  while (status < 0 && (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
    size_t i = 0;
    while (i < n && c != (opts[i].letter ? opts[i].letter : LONG_ONLY + (int)i))
      i++;
    if (c == 'h') {
      cmd->usage(stdout);
      status = 0;
    } else if (i == n) { /* getopt said what was wrong */
      cmd->usage(stderr);
      status = JV_EUSAGE;
    } else if (opts[i].kind == JV_OPT_TEXT)
      *(const char **)opts[i].target = optarg;
    else
      *(int *)opts[i].target = 1;
  }
  free(lo);
  free(shorts);
  *first_arg = optind;
  return status;
}

int jv_cli_no_arguments(const jv_cli_cmd *cmd, int argc, char **argv, int first_arg)
{
  if (first_arg >= argc)
    return -1;
  fprintf(stderr, "jaarverslag %s: unexpected argument '%s'\n", cmd->name, argv[first_arg]);
  cmd->usage(stderr);
  return JV_EUSAGE;
}

int jv_cli_usage_help(const jv_cli_cmd *cmd, const char *message)
{
  fprintf(stderr, "jaarverslag %s: %s\n", cmd->name, message);
  cmd->usage(stderr);
  return JV_EUSAGE;
}
