/* template_read.h - reading a report template (Markdown + directives).
 * Owns the template format described in templates/README.md: front matter,
 * the Markdown subset, the ::directives and the containment of includes. */
#ifndef JV_INPUT_TEMPLATE_READ_H
#define JV_INPUT_TEMPLATE_READ_H

#include <stddef.h>

#include "model/template.h"
#include "util/error.h"

/* Largest template file (each include counts on its own). */
#define JV_TPL_MAX_BYTES (4u * 1024u * 1024u)
/* Deepest chain of ::voeg-in includes. */
#define JV_TPL_MAX_INCLUDE_DEPTH 8

/* Reads the template at path; its directory is the template directory that
 * includes and the logo must stay inside. *out (initialised by this call)
 * belongs to the caller, jv_tpl_free; on failure it is left empty.
 * JV_ENOINPUT when path cannot be opened, JV_EIO on a read error, JV_EDATA
 * with file:line[:column] (the file where the problem is, also inside an
 * include) for anything the format rejects. */
jv_status jv_template_read(jv_tpl *out, const char *path, jv_error *err);

/* The same from memory: name is used in messages, dir is the template
 * directory (includes and logo resolve against it; it must exist). For
 * tests and fuzzing. */
jv_status jv_template_parse(jv_tpl *out, const char *name, const char *buf, size_t len,
                            const char *dir, jv_error *err);

#endif
