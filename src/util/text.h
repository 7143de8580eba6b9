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

/* A file-name slug of src: letters with diacritics spelt in ASCII
 * (Súdwest-Fryslân gives sudwest-fryslan), lower case, every other run of
 * characters one '-', none at either end. dst always NUL-terminated. */
void jv_ascii_slug(char *dst, size_t size, const char *src);

/* What goes before item k (from 0) of a Dutch list of count items: "" before
 * the first, " en " before the last, ", " between ("a", "a en b", "a, b en c"). */
const char *jv_text_list_sep(size_t k, size_t count);

/* Appends name to the Dutch list in buf as item k (from 0) of count:
 * "a", "a en b", "a, b en c". buf stays NUL-terminated within size. */
void jv_text_list_add(char *buf, size_t size, size_t k, size_t count, const char *name);

#endif
