/* batch_manifest.h - what a batch run built: per output its file, the
 * fingerprint of every input it was built from and of the file written.
 * Owns jv_manifest and its text form (manifest.tsv next to the outputs),
 * parsed with located errors and written atomically. */
#ifndef JV_PIPELINE_BATCH_MANIFEST_H
#define JV_PIPELINE_BATCH_MANIFEST_H

#include <stddef.h>

#include "input/file_hash.h"
#include "util/error.h"

#define JV_MANIFEST_NAME "manifest.tsv"
#define JV_MANIFEST_MAGIC "# jaarverslag batch manifest 1"

typedef struct {
  char *id;         /* owned: "zuid-holland-zuid/2017-2018", "bijlage/2017-2018" */
  char *file;       /* owned: file name in the output directory */
  jv_digest inputs; /* fingerprint of everything it was built from */
  jv_digest output; /* SHA-256 of the file as written */
} jv_manifest_entry;

typedef struct {
  jv_manifest_entry *items; /* owned, sorted by id */
  size_t n, cap;
} jv_manifest;

void jv_manifest_init(jv_manifest *m);
void jv_manifest_free(jv_manifest *m);

/* Parses the text form:
 *   # jaarverslag batch manifest 1          (first line, required)
 *   # comment lines and blank lines          (ignored)
 *   <id> TAB <file> TAB <inputs hex> TAB <output hex>
 * ids unique, file a plain name (no '/', not hidden), digests 64 hex digits.
 * JV_EDATA with name:line:column on anything else; *out is initialised here
 * and, on failure, left empty. */
jv_status jv_manifest_parse(jv_manifest *out, const char *name, const char *buf, size_t len,
                            jv_error *err);

/* Reads path; a missing file is an empty manifest (JV_OK). */
jv_status jv_manifest_read(jv_manifest *out, const char *path, jv_error *err);

/* The text form, entries by id; the caller frees it. NULL when out of memory. */
char *jv_manifest_format(const jv_manifest *m);

/* Writes the text form to path through a temporary file in the same
 * directory, renamed over path: a reader sees the old or the new manifest,
 * never a part. JV_ECANTCREAT/JV_EIO on failure (path left as it was). */
jv_status jv_manifest_write(const jv_manifest *m, const char *path, jv_error *err);

/* The entry with this id, or NULL. */
const jv_manifest_entry *jv_manifest_find(const jv_manifest *m, const char *id);

/* Adds or replaces the entry of id. JV_EINTERNAL when out of memory. */
jv_status jv_manifest_set(jv_manifest *m, const char *id, const char *file, const jv_digest *inputs,
                          const jv_digest *output);

#endif
