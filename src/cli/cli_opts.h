/* cli_opts.h - a subcommand's options as a table, parsed with getopt_long.
 * Owns -h/--help, the usage text on wrong use and the positional rule. */
#ifndef JV_CLI_CLI_OPTS_H
#define JV_CLI_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
  JV_OPT_TEXT, /* takes a value: target is a const char ** */
  JV_OPT_FLAG  /* no value: target is an int *, set to 1 */
} jv_opt_kind;

typedef struct {
  const char *name; /* the long name, "regio" for --regio */
  char letter;      /* the short name, 'r' for -r; 0: none */
  jv_opt_kind kind;
  void *target;
} jv_cli_opt;

/* A subcommand's name and help text (usage prints it on out). */
typedef struct {
  const char *name; /* "init" */
  void (*usage)(FILE *out);
} jv_cli_cmd;

/* Parses argv (argv[0] is the command) against the n options and -h/--help.
 * Returns -1 when the command is to run, its positional arguments from
 * argv[*first_arg]; otherwise the exit status to return: 0 after --help
 * (the help on stdout), 64 after a wrong option (the help on stderr). */
int jv_cli_parse(const jv_cli_cmd *cmd, int argc, char **argv, const jv_cli_opt *opts, size_t n,
                 int *first_arg);

/* For commands without positional arguments: 64 with "jaarverslag CMD:
 * unexpected argument 'X'" and the help on stderr when argv[first_arg]
 * exists, else -1 (the command is to run). */
int jv_cli_no_arguments(const jv_cli_cmd *cmd, int argc, char **argv, int first_arg);

/* 64 with "jaarverslag CMD: MESSAGE" and the help on stderr. */
int jv_cli_usage_help(const jv_cli_cmd *cmd, const char *message);

#endif
