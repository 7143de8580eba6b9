/* utf8.c - strict UTF-8 decoding. */
#include "util/utf8.h"

#include <string.h>

int jv_utf8_next(const char **pp, uint32_t *cp)
{
  const unsigned char *p = (const unsigned char *)*pp;
  uint32_t c = p[0];
  int len;
  uint32_t min;
  if (c < 0x80) {
    *cp = c;
    *pp += 1;
    return 0;
  } else if ((c & 0xE0) == 0xC0) {
    len = 2, c &= 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, c &= 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, c &= 0x07, min = 0x10000;
  } else {
    goto bad;
  }
  for (int i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80)
      goto bad;
    c = (c << 6) | (p[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    goto bad;
  *cp = c;
  *pp += len;
  return 0;
bad:
  *cp = 0xFFFD;
  *pp += 1;
  return -1;
}

long jv_utf8_invalid_at(const char *s, size_t n)
{
  const char *p = s, *end = s + n;
  while (p < end) {
    const char *start = p;
    uint32_t cp;
    /* a sequence must not run past the end of the buffer */
    unsigned char c = (unsigned char)*p;
    size_t need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if ((size_t)(end - p) < need)
      return (long)(start - s);
    if (jv_utf8_next(&p, &cp) != 0)
      return (long)(start - s);
  }
  return -1;
}

size_t jv_utf8_length(const char *s)
{
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80)
      n++;
  return n;
}
