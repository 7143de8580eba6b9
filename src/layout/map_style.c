/* map_style.c - class colours of the choropleth maps. */
#include "layout/map_style.h"

#include <math.h>

/* Yellow - orange - red - brown; lightness falls monotonically along it. */
static const unsigned ramp[] = {0xffe38f, 0xfeb24c, 0xf7843a, 0xe2581f, 0xb8301a, 0x6e170d};
#define N_RAMP (sizeof(ramp) / sizeof(ramp[0]))
#define L_LIGHT 91.0
#define L_DARK 27.0

static double lin(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double jv_map_lightness(jv_rgb c)
{
  double y = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  double f = y > 0.008856 ? cbrt(y) : 7.787 * y + 16.0 / 116.0;
  return 116.0 * f - 16.0;
}

static jv_rgb ramp_at(double t) /* t in [0, 1] along the ramp */
{
  double pos = t * (double)(N_RAMP - 1);
  size_t i = (size_t)floor(pos);
  if (i >= N_RAMP - 1)
    return jv_rgb_hex(ramp[N_RAMP - 1]);
  double f = pos - (double)i;
  jv_rgb a = jv_rgb_hex(ramp[i]), b = jv_rgb_hex(ramp[i + 1]);
  jv_rgb c = {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
  return c;
}

/* The point of the ramp with lightness L (bisection: lightness decreases
 * along the ramp). */
static jv_rgb ramp_with_lightness(double target)
{
  double lo = 0, hi = 1;
  for (int i = 0; i < 40; i++) {
    double mid = (lo + hi) / 2;
    if (jv_map_lightness(ramp_at(mid)) > target)
      lo = mid;
    else
      hi = mid;
  }
  return ramp_at((lo + hi) / 2);
}

jv_rgb jv_map_class_fill(const jv_buckets *b, int cls)
{
  int n = (int)jv_buckets_rate_classes(b);
  if (cls == jv_buckets_nonresponse_class(b))
    return jv_rgb_hex(JV_MAP_NONRESPONSE_RGB);
  if (cls < 0 || cls >= n)
    return jv_rgb_hex(JV_MAP_NODATA_RGB);
  double t = n > 1 ? (double)cls / (double)(n - 1) : 0.5;
  return ramp_with_lightness(L_LIGHT - t * (L_LIGHT - L_DARK));
}

bool jv_map_class_hatched(const jv_buckets *b, int cls)
{
  return cls == jv_buckets_nonresponse_class(b);
}
