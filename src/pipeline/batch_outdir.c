/* batch_outdir.c - the output directory of a batch: creating it, locking it
 * against a second batch, and sweeping temporary files a killed writer left. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/batch_int.h"

jv_status jv_batch__make_outdir(const char *path, jv_error *err)
{
  char p[PATH_MAX];
  if (snprintf(p, sizeof(p), "%s", path) >= (int)sizeof(p))
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "path too long");
  for (char *s = p + 1;; s++) {
    if (*s != '/' && *s != '\0')
      continue;
    char c = *s;
    *s = '\0';
    if (mkdir(p, 0777) != 0 && errno != EEXIST)
      return jv_error_set(err, JV_ECANTCREAT, p, 0, 0, "cannot create the output directory: %s",
                          strerror(errno));
    *s = c;
    if (!c)
      break;
  }
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "not a directory");
  return JV_OK;
}

/* Two batches writing one directory would interleave their manifests. The
 * lock is an fcntl lock: released by the kernel however the run ends, and
 * not inherited by the children. */
jv_status jv_batch__lock_outdir(const char *outdir, int *fd_out, jv_error *err)
{
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/.batch.lock", outdir);
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0)
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "cannot create the lock file: %s",
                        strerror(errno));
  struct flock fl;
  memset(&fl, 0, sizeof(fl));
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  if (fcntl(fd, F_SETLK, &fl) != 0) {
    int saved = errno;
    close(fd);
    return jv_error_set(err, JV_ECANTCREAT, outdir, 0, 0,
                        "another jaarverslag batch is writing here (%s); wait for it to end",
                        strerror(saved));
  }
  *fd_out = fd;
  return JV_OK;
}

/* Removes temporary files of target ("." name "." and six characters, as
 * render/atomic_file.c makes them) that a killed writer left behind. Only
 * called while no child writes that target. */
void jv_batch__remove_temporaries(const char *outdir, const char *file)
{
  DIR *d = opendir(outdir);
  if (!d)
    return;
  size_t n = strlen(file);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *s = e->d_name;
    if (s[0] == '.' && strncmp(s + 1, file, n) == 0 && s[n + 1] == '.' && strlen(s + n + 2) == 6) {
      char p[PATH_MAX];
      if (snprintf(p, sizeof(p), "%s/%s", outdir, s) < (int)sizeof(p))
        unlink(p);
    }
  }
  closedir(d);
}
