/* Unit tests for the border network from coordinates: synthetic squares
 * (shared side split differently on each side, holes, cuts) and the bundled
 * 2020 CBS file, whose 42 borders stored as two one-sided arcs must come out
 * as inner borders, each segment once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_read.h"
#include "layout/map_topology.h"

static jv_geo read_text(const char *text)
{
  jv_geo g;
  jv_error err;
  jv_geo_init(&g);
  jv_error_clear(&err);
  if (jv_geo_read_buffer(&g, text, strlen(text), "t.json", NULL, &err) != JV_OK)
    fail_msg("read failed: %s", err.msg);
  return g;
}

static jv_map_topology build(const jv_geo *g)
{
  jv_map_topology t;
  jv_error err;
  jv_error_clear(&err);
  if (jv_map_topology_build(&t, g, JV_MAP_TOPOLOGY_QUANTUM, &err) != JV_OK)
    fail_msg("topology failed: %s", err.msg);
  return t;
}

/* Segments of the topology with these two sides (b = -1: one side). */
static size_t segments_between(const jv_map_topology *t, long a, long b)
{
  size_t n = 0;
  for (size_t i = 0; i < t->n_borders; i++)
    if (t->borders[i].a == a && t->borders[i].b == b)
      n += t->borders[i].n - 1;
  return n;
}

#define FC(features) "{\"type\":\"FeatureCollection\",\"features\":[" features "]}"
#define SQUARE(code, coords)                                                                       \
  "{\"type\":\"Feature\",\"properties\":{\"code\":\"" code "\",\"name\":\"" code "\"},"            \
  "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" coords "]}}"

/* L = [100000,400002]x[100000,400002] and R = [100002,400004]x[100000,400002] (in km) share x = 2,
 * both through (2, 1), in opposite directions and from different ring starts: one shared border of
 * two segments, the rest outline. GeoJSON: no arcs at all. */
static void test_two_squares(void **state)
{
  (void)state;
  jv_geo g =
      read_text(FC(SQUARE("GM0001", "[[100000,400000],[102000,400000],[102000,401000],[102000,"
                                    "402000],[100000,402000],[100000,400000]]") "," SQUARE(
          "GM0002", "[[102000,400000],[104000,400000],[104000,402000],[102000,402000],[102000,"
                    "401000],[102000,400000]]")));
  jv_map_topology t = build(&g);
  assert_int_equal(segments_between(&t, 0, 1), 2);  /* both halves of x = 2 */
  assert_int_equal(segments_between(&t, 0, -1), 3); /* L: bottom, top, left */
  assert_int_equal(segments_between(&t, 1, -1), 3);
  assert_int_equal(t.n_segments, 8);
  /* each border a run: x = 2 is one polyline of 3 points, not two */
  size_t shared = 0;
  for (size_t i = 0; i < t.n_borders; i++)
    if (t.borders[i].b == 1) {
      shared++;
      assert_int_equal(t.borders[i].n, 3);
    }
  assert_int_equal(shared, 1);
  bool focus[2] = {true, false};
  for (size_t i = 0; i < t.n_borders; i++) {
    jv_map_border_kind k = jv_map_topology_kind(&t.borders[i], focus);
    if (t.borders[i].a == 0)
      assert_int_equal(k, JV_MAP_BORDER_OUTLINE);
    else
      assert_int_equal(k, JV_MAP_BORDER_FAINT);
    assert_int_equal(jv_map_topology_kind(&t.borders[i], NULL),
                     t.borders[i].b >= 0 ? JV_MAP_BORDER_INNER : JV_MAP_BORDER_OUTLINE);
  }
  jv_map_topology_free(&t);
  jv_geo_free(&g);
}

/* An enclave: E fills the hole of O. The hole's ring and E's ring are the same
 * border; points 0.3 m off still meet on the 1 m grid. */
static void test_enclave_and_grid(void **state)
{
  (void)state;
  jv_geo g = read_text(FC(
      SQUARE("GM0001",
             "[[100000,400000],[109000,400000],[109000,409000],[100000,409000],[100000,400000]],"
             "[[103000,403000],[103000,406000],[106000,406000],[106000,403000],"
             "[103000,403000]]") "," SQUARE("GM0002",
                                            "[[103000.3,403000],[106000,402999.8],[106000,406000],"
                                            "[103000,406000.2],[103000.3,403000]]")));
  jv_map_topology t = build(&g);
  assert_int_equal(segments_between(&t, 0, 1), 4);
  assert_int_equal(segments_between(&t, 1, -1), 0);
  assert_int_equal(segments_between(&t, 0, -1), 4);
  jv_map_topology_free(&t);
  jv_geo_free(&g);
}

/* A ring that runs out and back along the same line (a cut) draws no line. */
static void test_cut_is_no_border(void **state)
{
  (void)state;
  jv_geo g = read_text(
      FC(SQUARE("GM0001", "[[100000,400000],[104000,400000],[104000,404000],[102000,404000],["
                          "102000,402000],[102000,404000],[100000,404000],[100000,400000]]")));
  jv_map_topology t = build(&g);
  assert_int_equal(segments_between(&t, 0, -1), 5);
  assert_int_equal(t.n_segments, 5);
  jv_map_topology_free(&t);
  assert_int_equal(jv_map_topology_build(&t, &g, 0, NULL), JV_EUSAGE);
  jv_geo_free(&g);
}

/* Arcs used by exactly one ring. */
static unsigned *arc_uses(const jv_geo *g, long *owner)
{
  unsigned *uses = calloc(g->n_arcs + 1, sizeof(*uses));
  assert_non_null(uses);
  for (size_t s = 0; s < g->n_shapes; s++)
    for (size_t p = 0; p < g->shapes[s].n_polys; p++)
      for (size_t r = 0; r < g->shapes[s].polys[p].n_rings; r++) {
        const jv_ring *ring = &g->shapes[s].polys[p].rings[r];
        for (size_t k = 0; k < ring->n_arcs; k++) {
          size_t a = jv_arc_index(ring->arcs[k]);
          uses[a]++;
          owner[a] = (long)s;
        }
      }
  return uses;
}

static int same_reversed(const jv_arc *x, const jv_arc *y)
{
  if (x->n != y->n)
    return 0;
  for (size_t i = 0; i < x->n; i++)
    if (x->pts[i].x != y->pts[x->n - 1 - i].x || x->pts[i].y != y->pts[x->n - 1 - i].y)
      return 0;
  return 1;
}

/* How the topology stores the segment p-q: the sides of each border that
 * holds it, counted per kind on a national map. */
static void count_kinds(const jv_map_topology *t, jv_point p, jv_point q, long a, long b,
                        size_t *inner, size_t *outline, size_t *wrong_sides)
{
  for (size_t i = 0; i < t->n_borders; i++) {
    const jv_map_border *bd = &t->borders[i];
    for (size_t k = 0; k + 1 < bd->n; k++) {
      jv_point u = t->pts[bd->first + k], v = t->pts[bd->first + k + 1];
      int hit = (u.x == p.x && u.y == p.y && v.x == q.x && v.y == q.y) ||
                (u.x == q.x && u.y == q.y && v.x == p.x && v.y == p.y);
      if (!hit)
        continue;
      if (jv_map_topology_kind(bd, NULL) == JV_MAP_BORDER_INNER)
        (*inner)++;
      else
        (*outline)++;
      if (bd->a != (a < b ? a : b) || bd->b != (a < b ? b : a))
        (*wrong_sides)++;
    }
  }
}

static void test_bundled_2020_one_sided_arcs(void **state)
{
  (void)state;
  jv_geo g;
  jv_error err;
  jv_geo_init(&g);
  jv_error_clear(&err);
  if (jv_geo_read_bundled(&g, 2020, NULL, &err) != JV_OK)
    fail_msg("%s", err.msg);
  jv_map_topology t = build(&g);
  long *owner = calloc(g.n_arcs + 1, sizeof(*owner));
  assert_non_null(owner);
  unsigned *uses = arc_uses(&g, owner);
  /* the known pairs: two arcs, each used by one municipality, of the same
   * points in opposite directions */
  size_t pairs = 0, segs = 0, inner = 0, outline = 0, wrong = 0;
  for (size_t i = 0; i < g.n_arcs; i++) {
    if (uses[i] != 1)
      continue;
    for (size_t j = i + 1; j < g.n_arcs; j++) {
      if (uses[j] != 1 || owner[i] == owner[j] || !same_reversed(&g.arcs[i], &g.arcs[j]))
        continue;
      pairs++;
      for (size_t k = 0; k + 1 < g.arcs[i].n; k++) {
        segs++;
        count_kinds(&t, g.arcs[i].pts[k], g.arcs[i].pts[k + 1], owner[i], owner[j], &inner,
                    &outline, &wrong);
      }
    }
  }
  assert_int_equal(pairs, 42);
  assert_int_equal(outline, 0);  /* no inner border drawn with the outer stroke */
  assert_int_equal(inner, segs); /* every segment drawn, and once */
  assert_int_equal(wrong, 0);
  /* every segment of every ring is in exactly one border, or shared by two
   * rings: the network is about half of all ring segments */
  size_t ring_segs = 0;
  for (size_t s = 0; s < g.n_shapes; s++)
    for (size_t p = 0; p < g.shapes[s].n_polys; p++)
      for (size_t r = 0; r < g.shapes[s].polys[p].n_rings; r++)
        ring_segs += g.shapes[s].polys[p].rings[r].n - 1;
  size_t shared = 0, single = 0;
  for (size_t i = 0; i < t.n_borders; i++) {
    if (t.borders[i].b >= 0)
      shared += t.borders[i].n - 1;
    else
      single += t.borders[i].n - 1;
  }
  assert_int_equal(shared + single, t.n_segments);
  assert_int_equal(2 * shared + single, ring_segs);
  free(uses);
  free(owner);
  jv_map_topology_free(&t);
  jv_geo_free(&g);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_two_squares),
      cmocka_unit_test(test_enclave_and_grid),
      cmocka_unit_test(test_cut_is_no_border),
      cmocka_unit_test(test_bundled_2020_one_sided_arcs),
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
