/* strbuf.h - a growable string built with printf-style appends.
 * Owns its buffer until detached; after an allocation failure it stays
 * failed and further appends are ignored, so callers check once at the end. */
#ifndef JV_UTIL_STRBUF_H
#define JV_UTIL_STRBUF_H

#include <stddef.h>

typedef struct {
  char *s;
  size_t len, cap;
  int failed;
} jv_strbuf; /* zero-initialise: jv_strbuf b = {0}; */

void jv_strbuf_addf(jv_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends name as item k (from 0) of a Dutch list of count items (see
 * jv_text_list_sep): "a", "a en b", "a, b en c". */
void jv_strbuf_list_add(jv_strbuf *b, size_t k, size_t count, const char *name);
/* Hands the string to the caller (free it): "" when nothing was added, NULL
 * after a failure. */
char *jv_strbuf_detach(jv_strbuf *b);
/* The same, but NULL also when nothing was added. */
char *jv_strbuf_take(jv_strbuf *b);

#endif
