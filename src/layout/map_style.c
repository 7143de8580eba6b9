/* map_style.c - class colours of the choropleth maps. */
#include "layout/map_style.h"

#include <math.h>

/* The ramp is a path in CIE LCh (lightness, chroma, hue in degrees): pale
 * yellow, orange, red, wine. Lightness falls in equal steps and the hue turns
 * with it, so neighbouring classes differ in lightness and in hue (at least
 * ΔE 15 for up to 7 classes) and the order holds in greyscale and for
 * red-green colour-blind readers. */
static const double path[][3] = {{96, 40, 100}, {80, 75, 75}, {62, 80, 50},
                                 {45, 75, 30},  {32, 60, 15}, {20, 40, -10}};
#define N_PATH (sizeof(path) / sizeof(path[0]))
#define PI 3.14159265358979323846

static double lin(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double gam(double c)
{
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055;
}

double jv_map_lightness(jv_rgb c)
{
  double y = 0.2126729 * lin(c.r) + 0.7151522 * lin(c.g) + 0.0721750 * lin(c.b);
  double f = y > 0.008856 ? cbrt(y) : 7.787 * y + 16.0 / 116.0;
  return 116.0 * f - 16.0;
}

static double finv(double t)
{
  return t * t * t > 0.008856 ? t * t * t : (t - 16.0 / 116.0) / 7.787;
}

/* sRGB of an LCh colour (D65); returns 0 when it lies outside the gamut. */
static int from_lch(double l, double c, double h, jv_rgb *out)
{
  double a = c * cos(h * PI / 180), b = c * sin(h * PI / 180);
  double fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - b / 200;
  double x = 0.95047 * finv(fx), y = finv(fy), z = 1.08883 * finv(fz);
  double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  if (r < -1e-9 || g < -1e-9 || bl < -1e-9 || r > 1 + 1e-9 || g > 1 + 1e-9 || bl > 1 + 1e-9)
    return 0;
  /* as painted: 8 bits per channel */
  out->r = round(gam(fmin(fmax(r, 0), 1)) * 255) / 255;
  out->g = round(gam(fmin(fmax(g, 0), 1)) * 255) / 255;
  out->b = round(gam(fmin(fmax(bl, 0), 1)) * 255) / 255;
  return 1;
}

jv_rgb jv_map_ramp(size_t n, size_t i)
{
  double t = n > 1 ? (double)i / (double)(n - 1) : 0.5;
  double k = t * (double)(N_PATH - 1);
  size_t j = (size_t)floor(k);
  if (j > N_PATH - 2)
    j = N_PATH - 2;
  double u = k - (double)j, lch[3];
  for (int c = 0; c < 3; c++)
    lch[c] = path[j][c] + (path[j + 1][c] - path[j][c]) * u;
  jv_rgb out = {0, 0, 0};
  /* less chroma until it can be shown (hue and lightness kept) */
  for (double c = lch[1]; c >= 0; c -= 0.5)
    if (from_lch(lch[0], c, lch[2], &out))
      return out;
  from_lch(lch[0], 0, lch[2], &out);
  return out;
}

jv_rgb jv_map_class_fill(const jv_buckets *b, int cls)
{
  int n = (int)jv_buckets_rate_classes(b);
  if (cls == jv_buckets_nonresponse_class(b))
    return jv_rgb_hex(JV_MAP_NONRESPONSE_RGB);
  if (cls < 0 || cls >= n)
    return jv_rgb_hex(JV_MAP_NODATA_RGB);
  return jv_map_ramp((size_t)n, (size_t)cls);
}

bool jv_map_class_hatched(const jv_buckets *b, int cls)
{
  return cls == jv_buckets_nonresponse_class(b);
}
