/* text.h - small string helpers shared by the readers.
 * Pure functions on caller-owned buffers. */
#ifndef JV_UTIL_TEXT_H
#define JV_UTIL_TEXT_H

#include <stddef.h>

/* Copies src without leading and trailing white space into dst (size
 * bytes, always NUL-terminated, truncated when too long). */
void jv_trim_copy(char *dst, size_t size, const char *src);

/* Removes leading and trailing white space from s in place; returns s. */
char *jv_trim_inplace(char *s);

#endif
