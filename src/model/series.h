/* series.h - multi-year series: one figure per school year, for trend charts.
 * Owns jv_series (a named series with gaps) and jv_series_set. Plain data, no
 * I/O: src/input/series_read.c fills them from data/.../series CSV files. */
#ifndef JV_MODEL_SERIES_H
#define JV_MODEL_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

typedef enum {
  JV_SERIES_COUNT = 0, /* whole numbers: "6.714" */
  JV_SERIES_PERCENT    /* a percentage with decimals: "1,6%" */
} jv_series_unit;

/* One school year of a series. A year that the input does not mention is a
 * gap (JV_VAL_MISSING), never a zero. */
typedef struct {
  jv_value_kind kind; /* JV_VAL_COUNT when value holds a figure (also for %) */
  double value;
  char *source; /* owned, "bron" of the figure; NULL for a gap */
  jv_loc where; /* input location, for messages */
} jv_series_point;

typedef struct {
  char *name;        /* owned, stable snake_case name */
  char *label;       /* owned, Dutch label for titles and legends */
  char *short_label; /* owned, shorter legend text inside a group */
  jv_series_unit unit;
  int decimals;   /* decimals to show: 0 for counts */
  int first_year; /* points[0] is school year first_year-(first_year+1) */
  size_t n_years;
  jv_series_point *points; /* owned, n_years */
} jv_series;

/* jv_series_init empties s; jv_series_free releases what it owns. */
void jv_series_init(jv_series *s);
void jv_series_free(jv_series *s);

/* Sets name and labels (copied). JV_EINTERNAL when out of memory. */
jv_status jv_series_name(jv_series *s, const char *name, const char *label, const char *short_label,
                         jv_series_unit unit);

/* Stores the figure of school year y, widening the year range as needed
 * (years in between become gaps). kind is JV_VAL_COUNT for a figure or a
 * non-count kind (n.b. ...) with value ignored. source is copied (may be
 * NULL); where may be NULL. JV_EINTERNAL when out of memory. */
jv_status jv_series_put(jv_series *s, jv_schoolyear y, jv_value_kind kind, double value,
                        const char *source, const jv_loc *where);

/* The point of year y, or NULL when y is outside the series' range. */
const jv_series_point *jv_series_at(const jv_series *s, jv_schoolyear y);
/* True and *out set when year y has a figure; false for a gap. */
bool jv_series_value(const jv_series *s, jv_schoolyear y, double *out);
/* Last school year with a figure; false when the series has none. */
bool jv_series_last(const jv_series *s, jv_schoolyear *out);

/* A set of series, as read from one or more files. */
typedef struct {
  jv_series *items; /* owned */
  size_t count;
  size_t cap;
} jv_series_set;

void jv_series_set_init(jv_series_set *set);
void jv_series_set_free(jv_series_set *set);
/* The series with this name, or NULL. */
jv_series *jv_series_set_find(const jv_series_set *set, const char *name);
/* Appends an empty series named name (labels copied) and returns it through
 * *out (owned by set; valid until the next add). JV_EINTERNAL on OOM. */
jv_status jv_series_set_add(jv_series_set *set, const char *name, const char *label,
                            const char *short_label, jv_series_unit unit, jv_series **out);

#endif
