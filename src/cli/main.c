/* main.c - entry point: global options and subcommand dispatch. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "util/error.h"

#ifndef JV_VERSION
#define JV_VERSION "0"
#endif

typedef struct {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

static const command commands[] = {
    {"init", jv_cmd_init, "make a project folder, or add a school year to it"},
    {"invoer", jv_cmd_invoer, "write the Excel workbook an office fills in"},
    {"report", jv_cmd_report, "write the annual report PDF"},
    {"check", jv_cmd_check, "validate a data directory and print warnings"},
    {"indicators", jv_cmd_indicators, "list indicator names and their Dutch labels"},
    {"chart", jv_cmd_chart, "draw one chart as PNG, SVG or PDF"},
    {"map", jv_cmd_map, "draw a municipality map as PNG, SVG or PDF"},
    {"batch", jv_cmd_batch, "rebuild the out-of-date reports and maps of a project"},
};

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag [--help] [--version] <command> [options]\n\n"
               "Turns a year of Leerplicht counts into the annual report of a regional\n"
               "LVS office and into municipality maps.\n\nCommands:\n");
  for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
    fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nRun 'jaarverslag <command> --help' for the options of a command.\n");
}

int main(int argc, char **argv)
{
  static const struct option opts[] = {
      {"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0}};
  /* past `ulimit -f` a write fails with EFBIG, reported as such with the old
   * output kept, instead of SIGXFSZ killing the run mid-file */
  signal(SIGXFSZ, SIG_IGN);
  int c;
  /* '+' stops at the first non-option: the command name */
  while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
    switch (c) {
    case 'h':
      usage(stdout);
      return 0;
    case 'V':
      printf("jaarverslag %s\n", JV_VERSION);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind >= argc) {
    usage(stderr);
    return JV_EUSAGE;
  }
  const char *name = argv[optind];
  for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
    if (strcmp(commands[i].name, name) == 0) {
      int sub_argc = argc - optind;
      char **sub_argv = argv + optind;
      optind = 0; /* reset getopt for the subcommand (glibc: 0 re-initialises) */
      return commands[i].run(sub_argc, sub_argv);
    }
  }
  fprintf(stderr, "jaarverslag: unknown command '%s'\n", name);
  usage(stderr);
  return JV_EUSAGE;
}
