/* placeholder.c - finding {name} placeholders in text. */
#include "model/placeholder.h"

#include <string.h>

const char JV_PLACEHOLDER_LIST[] = "{regio}, {schooljaar}, {organisatie}, {vorig_schooljaar}";

static const char *const names[JV_PH_COUNT] = {"regio", "schooljaar", "organisatie",
                                               "vorig_schooljaar"};

const char *jv_placeholder_next(const char *s, size_t *len, int *which)
{
  for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
    size_t n = 0;
    while ((p[1 + n] >= 'a' && p[1 + n] <= 'z') || p[1 + n] == '_')
      n++;
    if (n == 0 || p[1 + n] != '}')
      continue; /* a brace that is no placeholder: text */
    *len = n + 2;
    *which = -1;
    for (int k = 0; k < JV_PH_COUNT; k++)
      if (strlen(names[k]) == n && strncmp(names[k], p + 1, n) == 0)
        *which = k;
    return p;
  }
  return NULL;
}
