/* series.c - multi-year series with gaps. */
#include "model/series.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

void jv_series_init(jv_series *s)
{
  memset(s, 0, sizeof(*s));
}

void jv_series_free(jv_series *s)
{
  for (size_t i = 0; i < s->n_years; i++)
    free(s->points[i].source);
  free(s->points);
  free(s->name);
  free(s->label);
  free(s->short_label);
  memset(s, 0, sizeof(*s));
}

static char *dup_or_null(const char *s)
{
  return s ? strdup(s) : NULL;
}

jv_status jv_series_name(jv_series *s, const char *name, const char *label, const char *short_label,
                         jv_series_unit unit)
{
  char *n = dup_or_null(name), *l = dup_or_null(label ? label : name),
       *sl = dup_or_null(short_label ? short_label
                         : label     ? label
                                     : name);
  if ((name && !n) || !l || !sl) {
    free(n);
    free(l);
    free(sl);
    return JV_EINTERNAL;
  }
  free(s->name);
  free(s->label);
  free(s->short_label);
  s->name = n;
  s->label = l;
  s->short_label = sl;
  s->unit = unit;
  return JV_OK;
}

/* Widens the range to include year; new points are gaps. */
static jv_status cover(jv_series *s, int year)
{
  if (s->n_years == 0) {
    s->points = calloc(1, sizeof(*s->points));
    if (!s->points)
      return JV_EINTERNAL;
    s->first_year = year;
    s->n_years = 1;
    return JV_OK;
  }
  int last = s->first_year + (int)s->n_years - 1;
  if (year >= s->first_year && year <= last)
    return JV_OK;
  int lo = year < s->first_year ? year : s->first_year;
  int hi = year > last ? year : last;
  size_t n = (size_t)(hi - lo + 1);
  jv_series_point *p = calloc(n, sizeof(*p));
  if (!p)
    return JV_EINTERNAL;
  memcpy(p + (s->first_year - lo), s->points, s->n_years * sizeof(*p));
  free(s->points);
  s->points = p;
  s->first_year = lo;
  s->n_years = n;
  return JV_OK;
}

jv_status jv_series_put(jv_series *s, jv_schoolyear y, jv_value_kind kind, double value,
                        const char *source, const jv_loc *where)
{
  char *src = NULL;
  if (source && !(src = strdup(source)))
    return JV_EINTERNAL;
  if (cover(s, y.start) != JV_OK) {
    free(src);
    return JV_EINTERNAL;
  }
  jv_series_point *pt = &s->points[y.start - s->first_year];
  free(pt->source);
  pt->kind = kind;
  pt->value = kind == JV_VAL_COUNT ? value : 0.0;
  pt->source = src;
  if (where)
    pt->where = *where;
  else
    memset(&pt->where, 0, sizeof(pt->where));
  return JV_OK;
}

const jv_series_point *jv_series_at(const jv_series *s, jv_schoolyear y)
{
  if (s->n_years == 0 || y.start < s->first_year || y.start >= s->first_year + (int)s->n_years)
    return NULL;
  return &s->points[y.start - s->first_year];
}

bool jv_series_value(const jv_series *s, jv_schoolyear y, double *out)
{
  const jv_series_point *p = jv_series_at(s, y);
  if (!p || p->kind != JV_VAL_COUNT)
    return false;
  if (out)
    *out = p->value;
  return true;
}

bool jv_series_last(const jv_series *s, jv_schoolyear *out)
{
  for (size_t i = s->n_years; i-- > 0;) {
    if (s->points[i].kind == JV_VAL_COUNT) {
      out->start = s->first_year + (int)i;
      return true;
    }
  }
  return false;
}

void jv_series_set_init(jv_series_set *set)
{
  memset(set, 0, sizeof(*set));
}

void jv_series_set_free(jv_series_set *set)
{
  for (size_t i = 0; i < set->count; i++)
    jv_series_free(&set->items[i]);
  free(set->items);
  memset(set, 0, sizeof(*set));
}

jv_series *jv_series_set_find(const jv_series_set *set, const char *name)
{
  for (size_t i = 0; i < set->count; i++)
    if (set->items[i].name && strcmp(set->items[i].name, name) == 0)
      return &set->items[i];
  return NULL;
}

jv_status jv_series_set_add(jv_series_set *set, const char *name, const char *label,
                            const char *short_label, jv_series_unit unit, jv_series **out)
{
  if (jv_grow((void **)&set->items, &set->cap, set->count + 1, sizeof(*set->items), 8) != 0)
    return JV_EINTERNAL;
  jv_series *s = &set->items[set->count];
  jv_series_init(s);
  if (jv_series_name(s, name, label, short_label, unit) != JV_OK) {
    jv_series_free(s);
    return JV_EINTERNAL;
  }
  s->decimals = unit == JV_SERIES_PERCENT ? 1 : 0;
  set->count++;
  *out = s;
  return JV_OK;
}
