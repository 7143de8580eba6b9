/* paths.c - locating the program's own files. */
#include "input/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef JV_SOURCE_DATADIR
#define JV_SOURCE_DATADIR "."
#endif
#ifndef JV_INSTALL_DATADIR
#define JV_INSTALL_DATADIR "/usr/local/share/jaarverslag"
#endif

static int has_fonts(const char *home)
{
  char p[PATH_MAX];
  struct stat st;
  if (snprintf(p, sizeof(p), "%s/assets/fonts", home) >= (int)sizeof(p))
    return 0;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int copy_if(char *buf, size_t size, const char *cand)
{
  if (!cand || !*cand || !has_fonts(cand))
    return 0;
  return snprintf(buf, size, "%s", cand) < (int)size;
}

jv_status jv_paths_home(char *buf, size_t size, jv_error *err)
{
  const char *env = getenv("JAARVERSLAG_HOME");
  if (env && *env) {
    if (copy_if(buf, size, env))
      return JV_OK;
    return jv_error_set(err, JV_ENOINPUT, env, 0, 0,
                        "JAARVERSLAG_HOME does not contain assets/fonts");
  }
  /* relocatable install: <prefix>/bin/jaarverslag -> <prefix>/share/jaarverslag */
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char cand[PATH_MAX + 32];
      snprintf(cand, sizeof(cand), "%s/../share/jaarverslag", exe);
      if (copy_if(buf, size, cand))
        return JV_OK;
    }
  }
  if (copy_if(buf, size, JV_INSTALL_DATADIR) || copy_if(buf, size, JV_SOURCE_DATADIR))
    return JV_OK;
  return jv_error_set(err, JV_ENOINPUT, NULL, 0, 0,
                      "cannot find the program's assets (set JAARVERSLAG_HOME to the "
                      "directory holding assets/, templates/ and data/)");
}

jv_status jv_paths_join(char *buf, size_t size, const char *a, const char *b, jv_error *err)
{
  if (snprintf(buf, size, "%s/%s", a, b) >= (int)size)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "path too long: %s/%s", a, b);
  return JV_OK;
}
