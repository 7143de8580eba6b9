/* grow.c - doubling growth of caller-owned arrays. */
#include "util/grow.h"

#include <stdint.h>
#include <stdlib.h>

int jv_grow(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
  if (need <= *cap)
    return 0;
  size_t c = *cap ? *cap : (first ? first : 1);
  while (c < need) {
    if (c > SIZE_MAX / 2 / (elem ? elem : 1))
      return -1;
    c *= 2;
  }
  void *q = realloc(*p, c * elem);
  if (!q)
    return -1;
  *p = q;
  *cap = c;
  return 0;
}
