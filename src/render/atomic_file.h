/* atomic_file.h - replacing an output file only after complete success.
 * Owns a temporary file next to the target; commit renames it over the
 * target, abort (or free without commit) removes it. */
#ifndef JV_RENDER_ATOMIC_FILE_H
#define JV_RENDER_ATOMIC_FILE_H

#include <stdio.h>

#include "util/error.h"

typedef struct {
  char target[4096];
  char tmp[4096];
  FILE *fp; /* open for writing; NULL after commit/abort */
  int committed;
} jv_atomic_file;

/* Creates "<dir>/.<name>.XXXXXX" beside target. JV_ECANTCREAT on failure. */
jv_status jv_atomic_open(jv_atomic_file *af, const char *target, jv_error *err);
/* Flushes, fsyncs, closes and renames over target. JV_EIO/JV_ECANTCREAT. */
jv_status jv_atomic_commit(jv_atomic_file *af, jv_error *err);
/* Closes and removes the temporary file; safe to call twice. */
void jv_atomic_abort(jv_atomic_file *af);

#endif
