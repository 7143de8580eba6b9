/* suggest.c - edit distance for "did you mean" messages. */
#include "util/suggest.h"

#include <ctype.h>
#include <string.h>

#define MAX_LEN 255

size_t jv_suggest_distance(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  if (la > MAX_LEN || lb > MAX_LEN)
    return (size_t)-1 / 2;
  /* one row of the dynamic-programming table is enough */
  size_t row[MAX_LEN + 1];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
      size_t best = diag + (same ? 0 : 1);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *jv_suggest_closest(const char *word, const char *const *candidates, size_t n)
{
  size_t limit = strlen(word) / 3;
  if (limit < 2)
    limit = 2;
  const char *best = NULL;
  size_t best_d = limit + 1;
  for (size_t i = 0; i < n; i++) {
    size_t d = jv_suggest_distance(word, candidates[i]);
    if (d < best_d) {
      best = candidates[i];
      best_d = d;
    }
  }
  return best;
}
