/* cli_util.h - what every subcommand says on wrong use or failure, and how
 * it runs its job. Owns the wording of usage errors and failure output. */
#ifndef JV_CLI_CLI_UTIL_H
#define JV_CLI_CLI_UTIL_H

#include "pipeline/job.h"
#include "util/diag.h"
#include "util/error.h"

/* Prints "jaarverslag CMD: <fmt with arg>" and a pointer to CMD --help on
 * stderr; returns JV_EUSAGE (64). */
int jv_cli_usage_error(const char *cmd, const char *fmt, const char *arg);

/* A pipeline job as the CLI runs it: opts is the command's own options. */
typedef jv_status (*jv_cli_job)(const jv_env *env, void *opts, jv_error *err);

/* Locates the program's files (jv_env_init), runs job with opts and, when
 * either fails, prints why on stderr: every collected input error in errors
 * (sorted, capped at JV_DIAG_MAX) when there are any (errors may be NULL),
 * else the one error of the failure. Returns the status, the command's exit
 * status. */
jv_status jv_cli_run(jv_cli_job job, void *opts, const jv_diags *errors);

#endif
