/* atomic_file.h - replacing an output file only after complete success.
 * Owns a temporary file next to the target (an unnamed O_TMPFILE where the
 * file system has them); commit puts it in the target's place, abort (or
 * free without commit) removes it. */
#ifndef JV_RENDER_ATOMIC_FILE_H
#define JV_RENDER_ATOMIC_FILE_H

#include <stdio.h>

#include "util/error.h"

typedef struct {
  char target[4096];
  char tmp[4096]; /* the named temporary file; "" while it is an unnamed O_TMPFILE */
  int unnamed;    /* the file is an O_TMPFILE: a killed run leaves nothing behind */
  FILE *fp;       /* open for writing; NULL after commit/abort */
  int committed;
} jv_atomic_file;

/* Named temporary files of an earlier, killed run older than this are removed
 * when the same target is opened again. */
#define JV_ATOMIC_STALE_SECONDS 60

/* JV_OK when target does not exist or is a regular file (a symlink counts as
 * what it points to); JV_ECANTCREAT naming the kind of file otherwise, so a
 * FIFO, device, socket or directory is refused before any work is done. */
jv_status jv_atomic_check_target(const char *target, jv_error *err);

/* Checks the target, removes stale "<dir>/.<name>.XXXXXX" files, then
 * creates the temporary file in the target's directory: an O_TMPFILE, or a
 * file of that pattern where the file system lacks them. JV_ECANTCREAT on
 * failure. */
jv_status jv_atomic_open(jv_atomic_file *af, const char *target, jv_error *err);
/* Flushes, fsyncs and renames over target. JV_EIO/JV_ECANTCREAT. */
jv_status jv_atomic_commit(jv_atomic_file *af, jv_error *err);
/* Closes and removes the temporary file; safe to call twice. */
void jv_atomic_abort(jv_atomic_file *af);

/* Records the error for a failed write of target with errno errnum as
 * JV_EIO, saying "the disk is full" (ENOSPC, EDQUOT) or "the file size
 * limit" (EFBIG) in words. Returns JV_EIO. */
jv_status jv_atomic_write_error(const char *target, int errnum, jv_error *err);

#endif
