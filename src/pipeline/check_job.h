/* check_job.h - everything `jaarverslag check` does after parsing: read and
 * validate a data directory, run the cross-checks, report them. */
#ifndef JV_PIPELINE_CHECK_JOB_H
#define JV_PIPELINE_CHECK_JOB_H

#include <stdio.h>

#include "pipeline/job.h"
#include "util/error.h"

/* Reads data (NULL: the bundled default), prints every cross-check warning
 * (file:line:column: warning: ...) on warn and one summary line
 * ("18 gemeenten, 9 indicatoren, 0 waarschuwingen") on out. Warnings do not
 * fail the check; malformed or missing data does (status and err). */
jv_status jv_check_job(const jv_env *env, const char *data, FILE *warn, FILE *out, jv_error *err);

#endif
