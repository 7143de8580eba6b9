/* cli_util.h - what every subcommand says on wrong use.
 * Owns the wording of usage errors; returns the sysexits usage status. */
#ifndef JV_CLI_CLI_UTIL_H
#define JV_CLI_CLI_UTIL_H

#include "util/diag.h"
#include "util/error.h"

/* Prints "jaarverslag CMD: <fmt with arg>" and a pointer to CMD --help on
 * stderr; returns JV_EUSAGE (64). */
int jv_cli_usage_error(const char *cmd, const char *fmt, const char *arg);

/* Prints why a job failed on stderr: every collected input error (sorted,
 * capped at JV_DIAG_MAX) when there are any, else the one error err holds. */
void jv_cli_print_failure(const jv_diags *errors, const jv_error *err);

#endif
