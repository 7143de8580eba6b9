/* test_geom.c - the one-pass signed distance (with its pruning of far
 * edges) gives exactly, bit for bit, what measuring every edge and then
 * testing the side gives, on every municipality of 2018 and 2020, at points
 * inside, outside and on the edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "input/geo_read.h"
#include "stats/geom.h"

/* The plain definition: nearest of all edges, side by jv_geom_in_polygon. */
static double reference(const jv_polygon *p, jv_point pt)
{
  double best = DBL_MAX;
  for (size_t k = 0; k < p->n_rings; k++) {
    const jv_ring *r = &p->rings[k];
    for (size_t i = 0; i + 1 < r->n; i++) {
      jv_point a = r->pts[i], b = r->pts[i + 1];
      double x = a.x, y = a.y, dx = b.x - x, dy = b.y - y;
      if (dx != 0 || dy != 0) {
        double t = ((pt.x - x) * dx + (pt.y - y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
          x = b.x;
          y = b.y;
        } else if (t > 0) {
          x += dx * t;
          y += dy * t;
        }
      }
      dx = pt.x - x;
      dy = pt.y - y;
      if (dx * dx + dy * dy < best)
        best = dx * dx + dy * dy;
    }
  }
  if (best == DBL_MAX)
    return 0;
  return jv_geom_in_polygon(p, pt) ? sqrt(best) : -sqrt(best);
}

static void same_everywhere(int year)
{
  jv_geo g;
  jv_error err;
  jv_geo_init(&g);
  assert_int_equal(jv_geo_read_bundled(&g, year, NULL, &err), JV_OK);
  size_t n = 0, inside = 0;
  for (size_t s = 0; s < g.n_shapes; s++) {
    const jv_geo_shape *sh = &g.shapes[s];
    for (size_t p = 0; p < sh->n_polys; p++) {
      const jv_polygon *poly = &sh->polys[p];
      jv_point pts[64];
      size_t m = 0;
      /* a 7 x 7 grid over the bbox and a margin around it */
      double w = sh->bbox.maxx - sh->bbox.minx, h = sh->bbox.maxy - sh->bbox.miny;
      for (int i = 0; i < 7; i++)
        for (int j = 0; j < 7; j++)
          pts[m++] = (jv_point){sh->bbox.minx - w / 4 + w * 1.5 * i / 6,
                                sh->bbox.miny - h / 4 + h * 1.5 * j / 6};
      /* ring vertices and edge midpoints: distance 0 or nearly */
      const jv_ring *r = &poly->rings[0];
      for (size_t k = 0; k + 1 < r->n && m < 64; k += r->n / 8 + 1) {
        pts[m++] = r->pts[k];
        if (m < 64)
          pts[m++] =
              (jv_point){(r->pts[k].x + r->pts[k + 1].x) / 2, (r->pts[k].y + r->pts[k + 1].y) / 2};
      }
      for (size_t k = 0; k < m; k++) {
        double got = jv_geom_signed_distance(poly, pts[k]), want = reference(poly, pts[k]);
        if (memcmp(&got, &want, sizeof(got)) != 0)
          fail_msg("%s polygon %zu at (%.17g, %.17g): %.17g, want %.17g", sh->name, p, pts[k].x,
                   pts[k].y, got, want);
        n++;
        inside += want > 0;
      }
    }
  }
  assert_true(n > 20000);
  assert_true(inside > n / 10);
  jv_geo_free(&g);
}

static void test_signed_distance_2018(void **state)
{
  (void)state;
  same_everywhere(2018);
}

static void test_signed_distance_2020(void **state)
{
  (void)state;
  same_everywhere(2020);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_signed_distance_2018),
      cmocka_unit_test(test_signed_distance_2020),
  };
  return cmocka_run_group_tests_name("geom", tests, NULL, NULL);
}
