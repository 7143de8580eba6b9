/* ticks.c - nice tick steps (1, 2, 2,5, 5 x 10^k) and scales. */
#include "stats/ticks.h"

#include <math.h>

#include "stats/format.h"

/* The nice multipliers of a power of ten. */
static const double nice[] = {1, 2, 2.5, 5, 10};

/* The fewest decimals (0..6) that show step exactly: 2,5 -> 1, 0,25 -> 2. */
static int decimals_of(double step)
{
  for (int d = 0; d < 6; d++) {
    double scaled = step * pow(10.0, d);
    if (fabs(scaled - floor(scaled + 0.5)) < 1e-6 * scaled)
      return d;
  }
  return 6;
}

/* Charts show counts and rates: anything beyond +-1e15 is an input error
 * that should still give an axis, not an infinite loop. */
static double sane(double v)
{
  if (!isfinite(v))
    return 0.0;
  return v > 1e15 ? 1e15 : v < -1e15 ? -1e15 : v;
}

void jv_ticks_nice(double min, double max, int target, bool integer, jv_ticks *out)
{
  min = sane(min);
  max = sane(max);
  if (min > max) {
    double t = min;
    min = max;
    max = t;
  }
  if (target < 1)
    target = 1;
  if (target > 20)
    target = 20;
  if (min == max) {
    /* nothing to spread: show the value against zero */
    if (min == 0)
      max = 1;
    else if (min > 0)
      min = 0;
    else
      max = 0;
  }
  double raw = (max - min) / target;
  double mag = pow(10.0, floor(log10(raw)));
  double step = 10 * mag;
  for (size_t i = 0; i < sizeof(nice) / sizeof(nice[0]); i++) {
    if (integer && nice[i] == 2.5 && mag < 10) /* counts: no 2,5 between 2 and 5 */
      continue;
    /* a little tolerance: 0..1 in 5 wants 0,2 even if 1/5 rounds up */
    if (nice[i] * mag >= raw * (1 - 1e-9)) {
      step = nice[i] * mag;
      break;
    }
  }
  if (integer && step < 1)
    step = 1;
  /* whole steps around the data; the epsilon keeps 80 from becoming 100
   * when 80/20 comes out as 4.0000000001 */
  double first = floor(min / step + 1e-9);
  double last = ceil(max / step - 1e-9);
  if (last <= first)
    last = first + 1;
  /* a caller asking for many ticks over a huge range still gets a bounded
   * count: coarsen until it fits */
  while (last - first + 1 > JV_TICKS_MAX) {
    step *= 2;
    first = floor(min / step + 1e-9);
    last = ceil(max / step - 1e-9);
  }
  out->step = step;
  out->decimals = decimals_of(step);
  out->count = (size_t)(last - first) + 1;
  for (size_t i = 0; i < out->count; i++) {
    double v = (first + (double)i) * step;
    /* avoid -0 and 0,30000000000000004 reaching the labels */
    out->value[i] = fabs(v) < step * 1e-9 ? 0.0 : v;
  }
  out->lo = out->value[0];
  out->hi = out->value[out->count - 1];
}

char *jv_ticks_label(const jv_ticks *t, size_t i, char *buf, size_t size)
{
  if (i >= t->count) {
    if (size)
      buf[0] = '\0';
    return buf;
  }
  return jv_format_decimal(t->value[i], t->decimals, buf, size);
}

jv_scale jv_scale_linear(double d0, double d1, double r0, double r1)
{
  jv_scale s = {d0, d1, r0, r1};
  return s;
}

double jv_scale_map(const jv_scale *s, double v)
{
  double w = s->d1 - s->d0;
  if (w == 0)
    return s->r0;
  return s->r0 + (v - s->d0) / w * (s->r1 - s->r0);
}

jv_band jv_band_make(size_t n, double r0, double r1, double padding)
{
  jv_band b = {r0, 0, 0, 0, n};
  if (padding < 0)
    padding = 0;
  if (padding > 0.9)
    padding = 0.9;
  if (n == 0)
    return b;
  /* n slots, each band is (1 - padding) of its slot, centred in it */
  b.slot = (r1 - r0) / (double)n;
  b.width = b.slot * (1 - padding);
  b.offset = (b.slot - b.width) / 2;
  return b;
}

double jv_band_start(const jv_band *b, size_t i)
{
  return b->r0 + b->slot * (double)i + b->offset;
}

double jv_band_center(const jv_band *b, size_t i)
{
  return b->r0 + b->slot * ((double)i + 0.5);
}
