/* suggest.h - "did you mean" for misspelt names.
 * Owns nothing: a case-insensitive edit distance and a closest-candidate pick. */
#ifndef JV_UTIL_SUGGEST_H
#define JV_UTIL_SUGGEST_H

#include <stddef.h>

/* Levenshtein distance between a and b, ASCII case-insensitive, counted in
 * bytes; strings longer than 255 bytes give a large distance. */
size_t jv_suggest_distance(const char *a, const char *b);

/* The candidate closest to word, or NULL when none is within a third of the
 * word's length (at least 2 edits) - beyond that a suggestion misleads.
 * Ties go to the earlier candidate. The result points into candidates. */
const char *jv_suggest_closest(const char *word, const char *const *candidates, size_t n);

#endif
