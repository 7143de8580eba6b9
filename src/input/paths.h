/* paths.h - where the program finds its own templates, assets and data.
 * Owns the lookup order: $JAARVERSLAG_HOME, the install prefix
 * (<prefix>/share/jaarverslag, found from /proc/self/exe), the source tree
 * the binary was built from. */
#ifndef JV_INPUT_PATHS_H
#define JV_INPUT_PATHS_H

#include <stddef.h>

#include "util/error.h"

/* Writes the home directory (which holds assets/, templates/, data/) into
 * buf. JV_ENOINPUT when none of the candidates holds assets/fonts. */
jv_status jv_paths_home(char *buf, size_t size, jv_error *err);

/* Joins home and a relative path ("assets/fonts") into buf. */
jv_status jv_paths_join(char *buf, size_t size, const char *a, const char *b, jv_error *err);

#endif
