/* atomic_file.c - temporary file (O_TMPFILE + linkat, or mkstemp) + rename. */
#define _GNU_SOURCE /* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW */
#include "render/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *kind_of(mode_t m)
{
  return S_ISDIR(m)    ? "a directory"
         : S_ISFIFO(m) ? "a FIFO (named pipe)"
         : S_ISCHR(m)  ? "a character device"
         : S_ISBLK(m)  ? "a block device"
         : S_ISSOCK(m) ? "a socket"
                       : "not a regular file";
}

jv_status jv_atomic_check_target(const char *target, jv_error *err)
{
  struct stat st;
  if (stat(target, &st) != 0)
    return JV_OK; /* absent (or unreachable: creating it will say why) */
  if (S_ISREG(st.st_mode))
    return JV_OK;
  return jv_error_set(err, JV_ECANTCREAT, target, 0, 0,
                      "the output is %s; give a regular file or a new name", kind_of(st.st_mode));
}

jv_status jv_atomic_write_error(const char *target, int errnum, jv_error *err)
{
  if (errnum == ENOSPC || errnum == EDQUOT)
    return jv_error_set(err, JV_EIO, target, 0, 0,
                        "cannot write output: the disk is full (%s); the old file is kept",
                        strerror(errnum));
  if (errnum == EFBIG)
    return jv_error_set(err, JV_EIO, target, 0, 0,
                        "cannot write output: the file size limit was reached (ulimit -f); the "
                        "old file is kept");
  return jv_error_set(err, JV_EIO, target, 0, 0, "cannot write output: %s",
                      errnum ? strerror(errnum) : "write error");
}

/* Splits target into its directory ("." when none) and the ".<name>." prefix
 * of its temporary files. */
static int split(const char *target, char *dir, size_t dsize, char *prefix, size_t psize)
{
  const char *slash = strrchr(target, '/');
  const char *name = slash ? slash + 1 : target;
  int dirlen = slash ? (int)(slash - target) : 0;
  if (slash && dirlen == 0)
    dirlen = 1; /* "/name": the root */
  if (snprintf(dir, dsize, "%.*s", slash ? dirlen : 1, slash ? target : ".") >= (int)dsize)
    return -1;
  return snprintf(prefix, psize, ".%s.", name) >= (int)psize ? -1 : 0;
}

/* Removes "<dir>/.<name>.XXXXXX" files a killed run left, once they are older
 * than JV_ATOMIC_STALE_SECONDS (a younger one may belong to a run still going). */
static void sweep_stale(const char *dir, const char *prefix)
{
  DIR *d = opendir(dir);
  if (!d)
    return;
  size_t plen = strlen(prefix);
  time_t now = time(NULL);
  struct dirent *e;
  while ((e = readdir(d))) {
    const char *n = e->d_name;
    if (strncmp(n, prefix, plen) != 0 || strlen(n + plen) != 6)
      continue;
    int ok = 1;
    for (const char *p = n + plen; *p && ok; p++)
      ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
    struct stat st;
    if (ok && fstatat(dirfd(d), n, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
        st.st_mtime < now - JV_ATOMIC_STALE_SECONDS)
      unlinkat(dirfd(d), n, 0);
  }
  closedir(d);
}

static jv_status open_fp(jv_atomic_file *af, int fd, const char *target, jv_error *err)
{
  /* the file is created 0600; an output is an ordinary document */
  mode_t um = umask(0);
  umask(um);
  fchmod(fd, 0666 & ~um);
  af->fp = fdopen(fd, "wb");
  if (af->fp)
    return JV_OK;
  int saved = errno;
  close(fd);
  if (af->tmp[0])
    unlink(af->tmp);
  af->tmp[0] = '\0';
  return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "cannot open output: %s", strerror(saved));
}

jv_status jv_atomic_open(jv_atomic_file *af, const char *target, jv_error *err)
{
  memset(af, 0, sizeof(*af));
  if (snprintf(af->target, sizeof(af->target), "%s", target) >= (int)sizeof(af->target))
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path too long");
  const char *slash = strrchr(target, '/');
  if (!*(slash ? slash + 1 : target))
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path names a directory");
  jv_status st = jv_atomic_check_target(target, err);
  if (st)
    return st;
  char dir[4096], prefix[1024];
  if (split(target, dir, sizeof(dir), prefix, sizeof(prefix)) != 0)
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path too long");
  /* what killed runs (or earlier versions) left under this name goes first */
  sweep_stale(dir, prefix);
#ifdef O_TMPFILE
  int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    af->unnamed = 1;
    return open_fp(af, fd, target, err);
  }
#endif
  /* no O_TMPFILE on this file system: a named file */
  if (snprintf(af->tmp, sizeof(af->tmp), "%s/%sXXXXXX", dir, prefix) >= (int)sizeof(af->tmp)) {
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "output path too long");
  }
  int tfd = mkstemp(af->tmp);
  if (tfd < 0) {
    af->tmp[0] = '\0';
    return jv_error_set(err, JV_ECANTCREAT, target, 0, 0, "cannot create output: %s",
                        strerror(errno));
  }
  return open_fp(af, tfd, target, err);
}

/* Gives the unnamed file a temporary name beside the target (linkat cannot
 * replace an existing file, rename can). */
static int name_unnamed(jv_atomic_file *af)
{
  char dir[4096], prefix[1024], proc[64];
  if (split(af->target, dir, sizeof(dir), prefix, sizeof(prefix)) != 0)
    return ENAMETOOLONG;
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fileno(af->fp));
  static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned long seed = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL);
  for (int attempt = 0; attempt < 100; attempt++) {
    char suffix[7];
    unsigned long v = seed + (unsigned long)attempt * 40503u;
    for (int i = 0; i < 6; i++, v /= 62)
      suffix[i] = digits[v % 62];
    suffix[6] = '\0';
    if (snprintf(af->tmp, sizeof(af->tmp), "%s/%s%s", dir, prefix, suffix) >= (int)sizeof(af->tmp))
      return ENAMETOOLONG;
    if (linkat(AT_FDCWD, proc, AT_FDCWD, af->tmp, AT_SYMLINK_FOLLOW) == 0)
      return 0;
    if (errno != EEXIST) {
      af->tmp[0] = '\0';
      return errno;
    }
  }
  af->tmp[0] = '\0';
  return EEXIST;
}

jv_status jv_atomic_commit(jv_atomic_file *af, jv_error *err)
{
  if (!af->fp)
    return jv_error_set(err, JV_EINTERNAL, af->target, 0, 0, "output is not open");
  int bad = fflush(af->fp) != 0 || ferror(af->fp);
  int saved = bad ? errno : 0;
  if (!bad && fsync(fileno(af->fp)) != 0 && errno != EINVAL)
    bad = 1, saved = errno;
  if (bad) {
    jv_atomic_abort(af);
    return jv_atomic_write_error(af->target, saved, err);
  }
  if (af->unnamed && (saved = name_unnamed(af)) != 0) {
    jv_atomic_abort(af);
    return jv_error_set(err, JV_ECANTCREAT, af->target, 0, 0, "cannot create output: %s",
                        strerror(saved));
  }
  if (fclose(af->fp) != 0) {
    saved = errno;
    af->fp = NULL;
    jv_atomic_abort(af);
    return jv_atomic_write_error(af->target, saved, err);
  }
  af->fp = NULL;
  if (rename(af->tmp, af->target) != 0) {
    saved = errno;
    jv_atomic_abort(af);
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
    fclose(af->fp); /* an unnamed file vanishes here */
    af->fp = NULL;
  }
  if (af->tmp[0]) {
    unlink(af->tmp);
    af->tmp[0] = '\0';
  }
}
