/* Unit tests for the TopoJSON/GeoJSON reader: delta decoding and transform,
 * reversed arcs, ring closure, holes, MultiPolygon, properties, errors, the
 * boundary year, label points. */
#define _XOPEN_SOURCE 700 /* mkdtemp, truncate */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/geo_read.h"
#include "stats/geom.h"

/* Two unit squares L and R share the arc 0 (x = 2); C is a square with a
 * square hole plus a triangle whose ring is left open. Quantized units,
 * scaled by (10, 100) and moved by (101000, 402000), into RD New. */
static const char topo[] =
    "{\"type\":\"Topology\",\"transform\":{\"scale\":[10,100],\"translate\":[101000,402000]},"
    "\"arcs\":["
    "[[2,0],[0,2]],"                       /* 0: (2,0)->(2,2), shared */
    "[[2,2],[-2,0],[0,-2],[2,0]],"         /* 1: (2,2)->(0,2)->(0,0)->(2,0) */
    "[[2,0],[2,0],[0,2],[-2,0]],"          /* 2: (2,0)->(4,0)->(4,2)->(2,2) */
    "[[10,10],[6,0],[0,6],[-6,0],[0,-6]]," /* 3: closed outer ring */
    "[[12,12],[0,2],[2,0],[0,-2],[-2,0]]," /* 4: closed hole */
    "[[20,20],[2,0],[-1,2]]"               /* 5: open triangle */
    "],\"objects\":{\"gemeente_2016\":{\"type\":\"GeometryCollection\",\"geometries\":["
    "{\"type\":\"Polygon\",\"arcs\":[[0,1]],"
    "\"properties\":{\"statcode\":\"GM0001\",\"statnaam\":\"Links\"}},"
    "{\"type\":\"Polygon\",\"arcs\":[[2,-1]],"
    "\"properties\":{\"statcode\":\"GM0002\",\"statnaam\":\"R\xc3\xa9"
    "chts\"}},"
    "{\"type\":\"MultiPolygon\",\"arcs\":[[[3],[4]],[[5]]],"
    "\"properties\":{\"code\":3,\"name\":\"'s-Gravenhage\"}},"
    "{\"type\":null}"
    "]}}}";

static jv_geo read_ok(const char *text)
{
  jv_geo g;
  jv_error err;
  jv_diags warn;
  jv_geo_init(&g);
  jv_error_clear(&err);
  jv_diags_init(&warn);
  jv_status st = jv_geo_read_buffer(&g, text, strlen(text), "t.json", &warn, &err);
  if (st != JV_OK)
    fail_msg("read failed: %s", err.msg);
  jv_diags_free(&warn);
  return g;
}

static void assert_pt(jv_point p, double x, double y)
{
  assert_true(fabs(p.x - x) < 1e-9);
  assert_true(fabs(p.y - y) < 1e-9);
}

static void test_arcs_delta_and_transform(void **state)
{
  (void)state;
  jv_geo g = read_ok(topo);
  assert_int_equal(g.n_arcs, 6);
  assert_int_equal(g.arcs[0].n, 2);
  assert_pt(g.arcs[0].pts[0], 101020, 402000);
  assert_pt(g.arcs[0].pts[1], 101020, 402200);
  /* running sums: (2,2) (0,2) (0,0) (2,0) */
  assert_int_equal(g.arcs[1].n, 4);
  assert_pt(g.arcs[1].pts[1], 101000, 402200);
  assert_pt(g.arcs[1].pts[3], 101020, 402000);
  assert_int_equal(g.year, 2016);
  jv_geo_free(&g);
}

static void test_rings_reversed_arc_and_closure(void **state)
{
  (void)state;
  jv_geo g = read_ok(topo);
  assert_int_equal(g.n_shapes, 3); /* the null geometry is skipped */
  const jv_geo_shape *l = &g.shapes[0], *r = &g.shapes[1];
  assert_string_equal(l->code, "GM0001");
  assert_string_equal(r->name, "R\xc3\xa9"
                               "chts");
  /* L = arc 0 then arc 1 without its repeated first point: 5 points, closed */
  const jv_ring *rl = &l->polys[0].rings[0];
  assert_int_equal(rl->n, 5);
  assert_pt(rl->pts[0], 101020, 402000);
  assert_pt(rl->pts[1], 101020, 402200);
  assert_pt(rl->pts[2], 101000, 402200);
  assert_pt(rl->pts[4], 101020, 402000);
  /* R = arc 2 then arc 0 reversed (~0 = -1): ends going down x = 2 */
  const jv_ring *rr = &r->polys[0].rings[0];
  assert_int_equal(rr->n_arcs, 2);
  assert_int_equal(rr->arcs[1], -1);
  assert_int_equal(jv_arc_index(rr->arcs[1]), 0);
  assert_true(jv_arc_reversed(rr->arcs[1]));
  assert_int_equal(rr->n, 5);
  assert_pt(rr->pts[3], 101020, 402200);
  assert_pt(rr->pts[4], 101020, 402000); /* = pts[0]: closed by the reversed arc */
  assert_pt(rr->pts[0], 101020, 402000);
  /* bbox of both squares */
  assert_true(l->bbox.minx == 101000 && l->bbox.maxx == 101020);
  assert_true(r->bbox.minx == 101020 && r->bbox.maxx == 101040);
  jv_geo_free(&g);
}

static void test_multipolygon_hole_and_open_ring(void **state)
{
  (void)state;
  jv_geo g = read_ok(topo);
  const jv_geo_shape *c = &g.shapes[2];
  assert_string_equal(c->code, "GM0003"); /* integer code property */
  assert_string_equal(c->name, "'s-Gravenhage");
  assert_int_equal(c->n_polys, 2);
  assert_int_equal(c->polys[0].n_rings, 2);
  /* 60 x 600 square minus a 20 x 200 hole */
  assert_true(fabs(jv_geom_polygon_area(&c->polys[0]) - 32000.0) < 1e-6);
  /* the open triangle was closed: 3 corners + the first again */
  const jv_ring *t = &c->polys[1].rings[0];
  assert_int_equal(t->n, 4);
  assert_pt(t->pts[3], t->pts[0].x, t->pts[0].y);
  /* the hole is not inside, the frame around it is */
  jv_point in_hole = {101130, 403300}, in_frame = {101105, 403050};
  assert_false(jv_geom_in_shape(c, in_hole));
  assert_true(jv_geom_in_shape(c, in_frame));
  /* the label point lies in the polygon, outside the hole */
  double d;
  jv_point lp = jv_geom_label_point(c, 0.5, &d);
  assert_true(jv_geom_in_shape(c, lp));
  assert_true(d > 0);
  jv_geo_free(&g);
}

static void test_geojson(void **state)
{
  (void)state;
  const char *gj =
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"code\":\"GM0505\",\"name\":\"Dordrecht\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100000,420000],[110000,420000],"
      "[110000,430000],[100000,430000]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM1900\",\"statnaam\":"
      "\"S\xc3\xba"
      "dwest-Frysl\xc3\xa2n\"},\"geometry\":{\"type\":\"MultiPolygon\","
      "\"coordinates\":[[[[150000,550000],[160000,550000],[160000,560000],[150000,550000]]],"
      "[[[170000,550000],[171000,550000],[171000,551000],[170000,550000]]]]}}]}";
  jv_geo g = read_ok(gj);
  assert_int_equal(g.n_arcs, 0); /* no topology */
  assert_int_equal(g.n_shapes, 2);
  assert_string_equal(g.shapes[0].code, "GM0505");
  assert_int_equal(g.shapes[0].polys[0].rings[0].n, 5); /* closed by the reader */
  assert_null(g.shapes[0].polys[0].rings[0].arcs);
  assert_int_equal(g.shapes[1].n_polys, 2);
  assert_true(g.bbox.minx == 100000 && g.bbox.maxx == 171000);
  jv_geo_free(&g);
}

static jv_status read_status(const char *text, jv_error *err)
{
  jv_geo g;
  jv_geo_init(&g);
  jv_error_clear(err);
  jv_status st = jv_geo_read_buffer(&g, text, strlen(text), "bad.json", NULL, err);
  assert_int_equal(g.n_shapes, 0); /* left empty on failure */
  jv_geo_free(&g);
  return st;
}

static void test_errors(void **state)
{
  (void)state;
  jv_error err;
  /* syntax error: located */
  assert_int_equal(read_status("{\"type\":\"Topology\",\n\"arcs\":[,]}", &err), JV_EDATA);
  assert_int_equal(err.loc.line, 2);
  assert_true(err.loc.column > 0);
  /* an arc index beyond the arcs */
  assert_int_equal(read_status("{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[0,1]]],"
                               "\"objects\":{\"g\":{\"type\":\"Polygon\",\"arcs\":[[0,7]]}}}",
                               &err),
                   JV_EDATA);
  assert_non_null(strstr(err.msg, "arc 7 does not exist"));
  /* an arc of one position */
  assert_int_equal(read_status("{\"type\":\"Topology\",\"arcs\":[[[0,0]]],\"objects\":{}}", &err),
                   JV_EDATA);
  assert_non_null(strstr(err.msg, "arcs[0]"));
  /* WGS84 degrees instead of RD metres */
  assert_int_equal(read_status("{\"type\":\"Feature\",\"properties\":{\"code\":\"GM0505\"},"
                               "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[4.6,51.8],"
                               "[4.7,51.8],[4.7,51.9],[4.6,51.8]]]}}",
                               &err),
                   JV_EDATA);
  assert_non_null(strstr(err.msg, "RD New"));
  /* neither format */
  assert_int_equal(read_status("{\"type\":\"Point\"}", &err), JV_EDATA);
  /* a code too long for CBS */
  assert_int_equal(read_status("{\"type\":\"Feature\",\"properties\":{\"code\":\"GM05050505\"},"
                               "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100000,"
                               "400000],[100100,400000],[100100,400100],[100000,400000]]]}}",
                               &err),
                   JV_EDATA);
}

static void test_degenerate_ring_warned(void **state)
{
  (void)state;
  const char *gj = "{\"type\":\"FeatureCollection\",\"features\":["
                   "{\"type\":\"Feature\",\"properties\":{\"code\":\"GM0001\",\"name\":\"A\"},"
                   "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100000,400000],"
                   "[100100,400000],[100100,400100]],[[100010,400010],[100020,400010]]]}}]}";
  jv_geo g;
  jv_error err;
  jv_diags warn;
  jv_geo_init(&g);
  jv_diags_init(&warn);
  assert_int_equal(jv_geo_read_buffer(&g, gj, strlen(gj), "d.json", &warn, &err), JV_OK);
  assert_int_equal(g.shapes[0].polys[0].n_rings, 1); /* the 2-point hole is dropped */
  assert_int_equal(warn.count, 1);
  assert_non_null(strstr(warn.items[0].msg, "degenerate"));
  jv_diags_free(&warn);
  jv_geo_free(&g);
}

static void test_pick_year(void **state)
{
  (void)state;
  static const int years[] = {2015, 2017, 2018, 2020};
  jv_schoolyear sy;
  static const struct {
    int start, want;
  } cases[] = {{2014, 2015}, {2015, 2015}, {2016, 2017}, {2017, 2018},
               {2018, 2018}, {2019, 2020}, {2023, 2020}, {2013, -1}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    sy.start = cases[i].start;
    assert_int_equal(jv_geo_pick_year(sy, years, 4), cases[i].want);
  }
}

static void test_bundled_boundaries(void **state)
{
  (void)state;
  int years[16];
  size_t n;
  jv_error err;
  assert_int_equal(jv_geo_bundled_years(years, 16, &n, &err), JV_OK);
  assert_int_equal(n, 11); /* every indeling 2015 to 2025 */
  assert_int_equal(years[0], 2015);
  assert_int_equal(years[10], 2025);
  static const struct {
    int year;
    size_t shapes;
  } want[] = {{2015, 393}, {2016, 390}, {2017, 388}, {2018, 380}, {2019, 355}, {2020, 355},
              {2021, 352}, {2022, 345}, {2023, 342}, {2024, 342}, {2025, 342}};
  for (size_t i = 0; i < 11; i++) {
    jv_geo g;
    jv_geo_init(&g);
    assert_int_equal(jv_geo_read_bundled(&g, want[i].year, NULL, &err), JV_OK);
    assert_int_equal(g.n_shapes, want[i].shapes);
    assert_int_equal(g.year, want[i].year);
    /* every ring closed, every shape's label point inside it */
    for (size_t s = 0; s < g.n_shapes; s++) {
      const jv_geo_shape *sh = &g.shapes[s];
      assert_true(sh->n_polys > 0);
      for (size_t p = 0; p < sh->n_polys; p++)
        for (size_t r = 0; r < sh->polys[p].n_rings; r++) {
          const jv_ring *ring = &sh->polys[p].rings[r];
          assert_true(ring->n >= 4);
          assert_pt(ring->pts[ring->n - 1], ring->pts[0].x, ring->pts[0].y);
        }
      assert_true(jv_geom_in_shape(sh, jv_geom_label_point(sh, 10, NULL)));
    }
    /* RD New: inside the Netherlands' box */
    assert_true(g.bbox.minx > 0 && g.bbox.maxx < 300000);
    assert_true(g.bbox.miny > 300000 && g.bbox.maxy < 625000);
    jv_geo_free(&g);
  }
  jv_geo g;
  jv_geo_init(&g);
  assert_int_equal(jv_geo_read_bundled(&g, 2014, NULL, &err), JV_ENOINPUT);
}

/* A topology whose one ring uses its arc `reps` times. */
static char *amplified(size_t arc_points, size_t reps)
{
  size_t cap = arc_points * 8 + reps * 3 + 512;
  char *t = malloc(cap), *p = t;
  p += sprintf(p, "{\"type\":\"Topology\",\"transform\":{\"scale\":[1,1],\"translate\":"
                  "[100000,400000]},\"arcs\":[[[0,0]");
  for (size_t i = 1; i < arc_points; i++)
    p += sprintf(p, ",[%d,%d]", i % 2 ? 1 : 0, i % 2 ? 0 : 1);
  p += sprintf(p, "]],\"objects\":{\"g\":{\"type\":\"Polygon\",\"properties\":"
                  "{\"statcode\":\"GM0505\",\"statnaam\":\"Dordrecht\"},\"arcs\":[[0");
  for (size_t i = 1; i < reps; i++)
    p += sprintf(p, ",0");
  sprintf(p, "]]}}}");
  return t;
}

/* Work stays proportional to the file: rings cannot repeat arcs without end,
 * points must be finite and in RD New (degrees get a hint), each error names
 * the feature. */
static void test_hostile_geometry(void **state)
{
  (void)state;
  jv_error err;
  char *t = amplified(1001, 1000); /* ~10 KB expanding to a million points */
  assert_int_equal(read_status(t, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "GM0505 Dordrecht"));
  assert_non_null(strstr(err.msg, "are arcs repeated?"));
  free(t);
  t = amplified(50, 4); /* a few repetitions of a small arc are fine */
  jv_geo g = read_ok(t);
  jv_geo_free(&g);
  free(t);

  static const char *const bad[][2] = {
      {"{\"type\":\"Topology\",\"transform\":{\"scale\":[1e300,1e300],\"translate\":[0,0]},"
       "\"arcs\":[[[1,1],[1,0],[0,1],[-1,0]]],\"objects\":{\"g\":{\"type\":\"Polygon\","
       "\"properties\":{\"code\":\"GM0001\"},\"arcs\":[[0]]}}}",
       "outside RD New"},
      {"{\"type\":\"Topology\",\"transform\":{\"scale\":[1e300,1e300],\"translate\":[0,0]},"
       "\"arcs\":[[[1e10,1e10],[1,0],[0,1],[-1,0]]],\"objects\":{\"g\":{\"type\":\"Polygon\","
       "\"properties\":{\"code\":\"GM0001\"},\"arcs\":[[0]]}}}",
       "not a finite number"},
      {"{\"type\":\"Feature\",\"properties\":{\"code\":\"GM0002\"},\"geometry\":{\"type\":"
       "\"Polygon\",\"coordinates\":[[[-1e308,1e308],[0,1e308],[0,0],[-1e308,1e308]]]}}",
       "outside RD New"},
      {"{\"type\":\"Feature\",\"properties\":{\"code\":\"GM0003\"},\"geometry\":{\"type\":"
       "\"Polygon\",\"coordinates\":[[[1e300,1e300],[1e300,2e300],[2e300,1e300],[1e300,1e300]]]}}",
       "outside RD New"},
      {"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
       "{\"code\":\"GM0004\",\"name\":\"Vier\"},\"geometry\":{\"type\":\"Polygon\","
       "\"coordinates\":[[[4.6,51.8],[4.7,51.8],[4.7,51.9],[4.6,51.8]]]}}]}",
       "features[0].geometry.coordinates[0] (GM0004 Vier): (4.6, 51.8) looks like degrees (WGS84)"},
  };
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    assert_int_equal(read_status(bad[i][0], &err), JV_EDATA);
    if (!strstr(err.msg, bad[i][1]))
      fail_msg("case %zu: '%s' lacks '%s'", i, err.msg, bad[i][1]);
    assert_string_equal(err.loc.file, "bad.json");
  }
}

/* Only regular files are read, and only up to JV_GEO_MAX_BYTES. */
static void test_file_kinds(void **state)
{
  (void)state;
  char dir[] = "/tmp/jv_geo_test.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[128];
  jv_geo g;
  jv_error err;
  jv_geo_init(&g);
  assert_int_equal(jv_geo_read_file(&g, dir, NULL, &err), JV_ENOINPUT);
  assert_non_null(strstr(err.msg, "not a regular file"));
  snprintf(path, sizeof(path), "%s/fifo.json", dir);
  assert_int_equal(mkfifo(path, 0600), 0);
  assert_int_equal(jv_geo_read_file(&g, path, NULL, &err), JV_ENOINPUT); /* does not block */
  unlink(path);
  assert_int_equal(jv_geo_read_file(&g, "/dev/zero", NULL, &err), JV_ENOINPUT);
  snprintf(path, sizeof(path), "%s/huge.json", dir);
  FILE *fp = fopen(path, "w");
  assert_non_null(fp);
  fclose(fp);
  assert_int_equal(truncate(path, (off_t)JV_GEO_MAX_BYTES + 1), 0); /* sparse: no disk used */
  assert_int_equal(jv_geo_read_file(&g, path, NULL, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "at most 33554432 bytes (32 MB)"));
  unlink(path);
  rmdir(dir);
  assert_int_equal(g.n_shapes, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_arcs_delta_and_transform),
      cmocka_unit_test(test_rings_reversed_arc_and_closure),
      cmocka_unit_test(test_multipolygon_hole_and_open_ring),
      cmocka_unit_test(test_geojson),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_degenerate_ring_warned),
      cmocka_unit_test(test_pick_year),
      cmocka_unit_test(test_bundled_boundaries),
      cmocka_unit_test(test_hostile_geometry),
      cmocka_unit_test(test_file_kinds),
  };
  return cmocka_run_group_tests_name("geo_read", tests, NULL, NULL);
}
