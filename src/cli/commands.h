/* commands.h - the subcommands of the jaarverslag binary.
 * Each takes argc/argv after the command name (argv[0] is the command) and
 * returns a sysexits.h exit status. Argument parsing and exit codes only. */
#ifndef JV_CLI_COMMANDS_H
#define JV_CLI_COMMANDS_H

int jv_cmd_report(int argc, char **argv);
int jv_cmd_check(int argc, char **argv);
int jv_cmd_indicators(int argc, char **argv);
int jv_cmd_chart(int argc, char **argv);
int jv_cmd_map(int argc, char **argv);
int jv_cmd_batch(int argc, char **argv);
int jv_cmd_init(int argc, char **argv);
int jv_cmd_invoer(int argc, char **argv);

#endif
