/* atomic_file.c - temporary file + rename. */
#include "render/atomic_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

jv_status jv_atomic_open(jv_atomic_file *af, const char *target, jv_error *err)
{
  memset(af, 0, sizeof(*af));
  if (snprintf(af->target, sizeof(af->target), "%s", target) >= (int)sizeof(af->target))
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path too long");
  const char *slash = strrchr(target, '/');
  int dirlen = slash ? (int)(slash - target) : 0;
  const char *name = slash ? slash + 1 : target;
  if (!*name)
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path names a directory");
  if (snprintf(af->tmp, sizeof(af->tmp), "%.*s%s.%s.XXXXXX", dirlen, target, slash ? "/" : "",
               name) >= (int)sizeof(af->tmp))
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path too long");
  int fd = mkstemp(af->tmp);
  if (fd < 0) {
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "cannot create output: %s",
                        strerror(errno));
  }
  /* mkstemp creates 0600; an output is an ordinary document */
  mode_t um = umask(0);
  umask(um);
  fchmod(fd, 0666 & ~um);
  af->fp = fdopen(fd, "wb");
  if (!af->fp) {
    close(fd);
    unlink(af->tmp);
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "cannot open output: %s",
                        strerror(errno));
  }
  return JV_OK;
}

jv_status jv_atomic_commit(jv_atomic_file *af, jv_error *err)
{
  if (!af->fp)
    return jv_error_set(err, JV_EINTERNAL, af->target, 0, 0, "output is not open");
  int bad = fflush(af->fp) != 0 || ferror(af->fp);
  int saved = errno;
  if (!bad && fsync(fileno(af->fp)) != 0 && errno != EINVAL)
    bad = 1, saved = errno;
  if (fclose(af->fp) != 0 && !bad)
    bad = 1, saved = errno;
  af->fp = NULL;
  if (bad) {
    unlink(af->tmp);
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_EIO, af->target, 0, 0, "cannot write output: %s", strerror(saved));
  }
  if (rename(af->tmp, af->target) != 0) {
    saved = errno;
    unlink(af->tmp);
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_ECANTCREAT, af->target, 0, 0, "cannot replace output: %s",
                        strerror(saved));
  }
  af->tmp[0] = '\0';
  af->committed = 1;
  return JV_OK;
}

void jv_atomic_abort(jv_atomic_file *af)
{
  if (af->fp) {
    fclose(af->fp);
    af->fp = NULL;
  }
  if (af->tmp[0]) {
    unlink(af->tmp);
    af->tmp[0] = '\0';
  }
}
