/* utf8.h - strict UTF-8 decoding and validation.
 * Owns nothing; pure functions used by input validation and text measuring. */
#ifndef JV_UTIL_UTF8_H
#define JV_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at *p and advances *p. Returns 0, or -1 on an
 * invalid sequence (then *p advances one byte and *cp is U+FFFD). */
int jv_utf8_next(const char **p, uint32_t *cp);
/* Returns the byte offset of the first invalid sequence in s[0..n), or -1
 * when s is valid UTF-8 (no overlongs, surrogates or values > U+10FFFF). */
long jv_utf8_invalid_at(const char *s, size_t n);
/* Number of code points in a valid NUL-terminated string. */
size_t jv_utf8_length(const char *s);

#endif
