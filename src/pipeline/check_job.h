/* check_job.h - everything `jaarverslag check` does after parsing: read and
 * validate a data directory, run the cross-checks, report them. */
#ifndef JV_PIPELINE_CHECK_JOB_H
#define JV_PIPELINE_CHECK_JOB_H

#include <stdio.h>

#include "pipeline/job.h"
#include "util/error.h"

/* Reads data (NULL: the bundled default), prints every warning of reading
 * and cross-checking (file:line:column: warning: ..., sorted, at most
 * JV_DIAG_MAX) on warn and one summary line ("18 gemeenten, 9 indicatoren,
 * 0 waarschuwingen") on out. Warnings do not fail the check; malformed or
 * missing data does (status and err, and every data error in errors). */
jv_status jv_check_job(const jv_env *env, const char *data, jv_diags *errors, FILE *warn, FILE *out,
                       jv_error *err);

#endif
