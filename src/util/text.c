/* text.c - string helpers. */
#include "util/text.h"

#include <ctype.h>
#include <string.h>

void jv_trim_copy(char *dst, size_t size, const char *src)
{
  while (isspace((unsigned char)*src))
    src++;
  size_t n = strlen(src);
  while (n > 0 && isspace((unsigned char)src[n - 1]))
    n--;
  if (n >= size)
    n = size - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

char *jv_trim_inplace(char *s)
{
  size_t n = strlen(s), start = 0;
  while (start < n && isspace((unsigned char)s[start]))
    start++;
  while (n > start && isspace((unsigned char)s[n - 1]))
    n--;
  memmove(s, s + start, n - start);
  s[n - start] = '\0';
  return s;
}
