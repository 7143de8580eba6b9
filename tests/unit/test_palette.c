/* Unit tests for the map palette: for 2 to 7 classes, neighbours differ by at
 * least ΔE*ab 15 and keep their order in greyscale (CIE L*) and under a
 * simulation of deuteranopia (Machado, Oliveira & Fernandes 2009, severity
 * 1); geen gegevens stays white, non-respons grey and hatched. The colour
 * science here is written out independently of render/map_style.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>

#include "layout/map_style.h"

typedef struct {
  double l, a, b;
} lab;

static double to_linear(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double f_lab(double t)
{
  return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116;
}

static lab lab_of_linear(const double rgb[3])
{
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  double fx = f_lab(x / 0.95047), fy = f_lab(y), fz = f_lab(z / 1.08883);
  lab o = {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  return o;
}

static lab lab_of(jv_rgb c)
{
  double l[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)};
  return lab_of_linear(l);
}

/* What a deuteranope sees, as a linear sRGB colour clipped to the gamut. */
static lab deuteranope(jv_rgb c)
{
  static const double m[3][3] = {{0.367322, 0.860646, -0.227968},
                                 {0.280085, 0.672501, 0.047413},
                                 {-0.011820, 0.042940, 0.968881}};
  double l[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)}, s[3];
  for (int i = 0; i < 3; i++) {
    s[i] = m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2];
    s[i] = fmin(fmax(s[i], 0), 1);
  }
  return lab_of_linear(s);
}

static double delta_e(lab x, lab y)
{
  return sqrt((x.l - y.l) * (x.l - y.l) + (x.a - y.a) * (x.a - y.a) + (x.b - y.b) * (x.b - y.b));
}

static void test_neighbours_differ(void **state)
{
  (void)state;
  for (size_t n = 2; n <= 7; n++)
    for (size_t i = 0; i + 1 < n; i++) {
      double d = delta_e(lab_of(jv_map_ramp(n, i)), lab_of(jv_map_ramp(n, i + 1)));
      if (d < 15)
        fail_msg("%zu classes: classes %zu and %zu differ by dE %.1f", n, i, i + 1, d);
    }
}

static void test_order_in_greyscale(void **state)
{
  (void)state;
  for (size_t n = 2; n <= 7; n++)
    for (size_t i = 0; i + 1 < n; i++) {
      double a = lab_of(jv_map_ramp(n, i)).l, b = lab_of(jv_map_ramp(n, i + 1)).l;
      if (!(a - b >= 8)) /* a step a photocopy keeps */
        fail_msg("%zu classes: L* %.1f then %.1f", n, a, b);
    }
}

static void test_order_for_deuteranopes(void **state)
{
  (void)state;
  for (size_t n = 2; n <= 7; n++)
    for (size_t i = 0; i + 1 < n; i++) {
      lab a = deuteranope(jv_map_ramp(n, i)), b = deuteranope(jv_map_ramp(n, i + 1));
      if (!(a.l - b.l >= 8) || delta_e(a, b) < 15)
        fail_msg("%zu classes, deuteranopia: L* %.1f then %.1f, dE %.1f", n, a.l, b.l,
                 delta_e(a, b));
    }
}

/* The letter's six rate classes plus non-respons and geen gegevens. */
static void test_special_classes(void **state)
{
  (void)state;
  jv_buckets b;
  jv_buckets_default(&b);
  jv_rgb nodata = jv_map_class_fill(&b, jv_buckets_nodata_class(&b));
  assert_true(nodata.r == 1 && nodata.g == 1 && nodata.b == 1);
  int nr = jv_buckets_nonresponse_class(&b);
  assert_true(jv_map_class_hatched(&b, nr));
  jv_rgb grey = jv_map_class_fill(&b, nr);
  assert_true(grey.r == grey.g && grey.g == grey.b);
  for (int c = 0; c < nr; c++)
    assert_false(jv_map_class_hatched(&b, c));
  /* "geen" (pale yellow) must not pass for white */
  assert_true(delta_e(lab_of(jv_map_class_fill(&b, 0)), lab_of(nodata)) >= 15);
  /* the classes the issue named: 3 tot 5 and 5 of meer */
  assert_true(delta_e(lab_of(jv_map_class_fill(&b, 4)), lab_of(jv_map_class_fill(&b, 5))) >= 15);
  assert_true(fabs(jv_map_lightness(nodata) - 100) < 0.01);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_neighbours_differ),
      cmocka_unit_test(test_order_in_greyscale),
      cmocka_unit_test(test_order_for_deuteranopes),
      cmocka_unit_test(test_special_classes),
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
