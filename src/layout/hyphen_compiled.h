/* hyphen_compiled.h - the Dutch patterns as a libhyphen state machine in
 * static data, made at build time by tools/hyph_compile.c from hyphen-nl. */
#ifndef JV_LAYOUT_HYPHEN_COMPILED_H
#define JV_LAYOUT_HYPHEN_COMPILED_H

#include <hyphen.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  HyphenDict *dict; /* NULL: the build found no pattern file */
  size_t size;      /* of the file it was made from */
  uint64_t fnv1a;   /* 64-bit FNV-1a hash of that file's bytes */
} jv_hyph_compiled;

/* From JV_HYPHEN_NL_DEBIAN_PATH (or what the build was told). */
extern const jv_hyph_compiled jv_hyph_compiled_nl;

#endif
