/* cli_util.h - what every subcommand says on wrong use.
 * Owns the wording of usage errors; returns the sysexits usage status. */
#ifndef JV_CLI_CLI_UTIL_H
#define JV_CLI_CLI_UTIL_H

/* Prints "jaarverslag CMD: <fmt with arg>" and a pointer to CMD --help on
 * stderr; returns JV_EUSAGE (64). */
int jv_cli_usage_error(const char *cmd, const char *fmt, const char *arg);

#endif
