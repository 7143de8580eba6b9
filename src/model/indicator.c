/* indicator.c - the indicator catalogue table. */
#include "model/indicator.h"

#include <string.h>

typedef struct {
  const char *name, *label, *group;
} entry;

static const entry table[JV_IND_COUNT] = {
#define JV_X_ROW(e, n, l, g) {n, l, g},
    JV_INDICATORS(JV_X_ROW)
#undef JV_X_ROW
};

const char *jv_indicator_name(jv_indicator ind)
{
  return table[ind].name;
}
const char *jv_indicator_label(jv_indicator ind)
{
  return table[ind].label;
}
const char *jv_indicator_group(jv_indicator ind)
{
  return table[ind].group;
}

int jv_indicator_from_name(const char *name, jv_indicator *out)
{
  for (int i = 0; i < JV_IND_COUNT; i++) {
    if (strcmp(table[i].name, name) == 0) {
      *out = (jv_indicator)i;
      return 0;
    }
  }
  return -1;
}
