/* grow.h - room in a growing array: doubling its capacity until need
 * elements fit. Owns no memory itself; the caller's array and capacity. */
#ifndef JV_UTIL_GROW_H
#define JV_UTIL_GROW_H

#include <stddef.h>

/* Makes *p (of *cap elements of elem bytes) hold at least need elements,
 * doubling from first (or from *cap); 0, or -1 out of memory (*p kept). */
int jv_grow(void **p, size_t *cap, size_t need, size_t elem, size_t first);

#endif
