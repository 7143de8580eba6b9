/* ticks.h - axis arithmetic for charts: "nice" tick values and linear and
 * band scales. Pure computation on doubles; labels use stats/format.h. */
#ifndef JV_STATS_TICKS_H
#define JV_STATS_TICKS_H

#include <stdbool.h>
#include <stddef.h>

#define JV_TICKS_MAX 32

typedef struct {
  double lo, hi; /* the axis range: the first and last tick */
  double step;   /* 1, 2, 2,5 or 5 times a power of ten */
  int decimals;  /* decimals a label needs to show step exactly */
  size_t count;  /* number of ticks, 2..JV_TICKS_MAX */
  double value[JV_TICKS_MAX];
} jv_ticks;

/* Nice ticks covering [min, max] with about target intervals (clamped to
 * 1..20); min and max may come in either order. The range is widened to
 * whole steps (0..72.732 with 5 -> 0, 20.000, ..., 80.000). integer forces
 * a step of at least 1 (for counts). A degenerate range (min == max) is
 * widened to [0, 1] at zero, else to include zero and the value. NaN or
 * infinite input counts as 0; values are clamped to +-1e15. */
void jv_ticks_nice(double min, double max, int target, bool integer, jv_ticks *out);

/* Label of tick i in Dutch notation with the ticks' decimals ("2,5",
 * "80.000"). Returns buf. */
char *jv_ticks_label(const jv_ticks *t, size_t i, char *buf, size_t size);

/* A linear map from a data interval to a drawing interval (either may be
 * reversed, e.g. a y axis growing upward on a y-down page). */
typedef struct {
  double d0, d1; /* data */
  double r0, r1; /* range, in points */
} jv_scale;

jv_scale jv_scale_linear(double d0, double d1, double r0, double r1);
/* Maps v; a zero-width domain maps everything to r0. */
double jv_scale_map(const jv_scale *s, double v);

/* n equal bands over [r0, r1] with inner padding as a fraction (0..0,9) of
 * each band's slot; the outer gaps are half an inner gap. */
typedef struct {
  double r0, slot, width, offset;
  size_t n;
} jv_band;

jv_band jv_band_make(size_t n, double r0, double r1, double padding);
/* Left edge of band i; its width is b->width. */
double jv_band_start(const jv_band *b, size_t i);
/* Centre of band i. */
double jv_band_center(const jv_band *b, size_t i);

#endif
