/* Unit tests for the grids of layout/map_index.c, against brute force on a
 * national map (2020) and a regional one (Zuid-Holland Zuid 2018, zoomed, so
 * shapes leave the view): the shape at a point is the first in shape order
 * whose box holds it and whose polygons contain it, at points spread over
 * the whole map and beyond its edge; the names near a box are at least
 * every remembered name whose grown box meets it, each once, and a hit
 * stops the search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_read.h"
#include "layout/map_index.h"
#include "layout/map_layout.h"
#include "render/fonts.h"
#include "stats/geom.h"
#include "test_measure.h"

static const char *const zhz2018[] = {"GM0482", "GM0585", "GM0611", "GM0505", "GM0689", "GM0512",
                                      "GM0523", "GM0531", "GM0588", "GM0545", "GM1927", "GM0584",
                                      "GM0590", "GM0610", "GM0617", "GM0707", "GM0642", NULL};

typedef struct {
  jv_fonts *fonts;
  jv_geo geo;
  jv_map_data data;
  jv_map_layout l;
  jv_map_layout_in in;
  jv_measure m;
  jv_map_topology t;
  jv_map_index ix;
} map;

static map *map_new(int year, const char *const *codes)
{
  map *mp = calloc(1, sizeof(*mp));
  assert_non_null(mp);
  char dir[1024];
  const char *home = getenv("JAARVERSLAG_HOME");
  snprintf(dir, sizeof(dir), "%s/assets/fonts", home ? home : ".");
  jv_error err;
  assert_int_equal(jv_fonts_new(&mp->fonts, dir, &err), JV_OK);
  jv_geo_init(&mp->geo);
  if (jv_geo_read_bundled(&mp->geo, year, NULL, &err) != JV_OK)
    fail_msg("%s", err.msg);
  mp->data.n = mp->geo.n_shapes;
  mp->data.items = calloc(mp->geo.n_shapes, sizeof(*mp->data.items));
  jv_buckets_default(&mp->data.buckets);
  jv_small_numbers_default(&mp->data.small);
  for (size_t s = 0; s < mp->geo.n_shapes; s++) {
    bool focus = !codes;
    for (size_t i = 0; codes && codes[i]; i++)
      focus = focus || strcmp(mp->geo.shapes[s].code, codes[i]) == 0;
    mp->data.items[s].focus = focus;
    mp->data.items[s].cls = (int)(s % 6);
    mp->data.class_count[s % 6] += focus;
    mp->data.n_focus += focus;
  }
  mp->m.width = test_font_width;
  mp->m.ctx = mp->fonts;
  mp->in.geo = &mp->geo;
  mp->in.data = &mp->data;
  mp->in.measure = &mp->m;
  mp->in.regional = codes != NULL;
  assert_int_equal(jv_map_layout_compute(&mp->l, &mp->in, 0, 0, 450, 560, &err), JV_OK);
  assert_int_equal(jv_map_topology_build(&mp->t, &mp->geo, JV_MAP_TOPOLOGY_QUANTUM, &err), JV_OK);
  assert_int_equal(jv_map_index_build(&mp->ix, &mp->l, &mp->in, &mp->t, &err), JV_OK);
  return mp;
}

static void map_free(map *mp)
{
  jv_map_index_free(&mp->ix);
  jv_map_topology_free(&mp->t);
  jv_map_layout_free(&mp->l);
  free(mp->data.items);
  jv_geo_free(&mp->geo);
  jv_fonts_free(mp->fonts);
  free(mp);
}

/* The first shape in order whose box (in points) holds (x, y) and whose
 * polygons contain it: every shape tried. */
static long brute_shape_at(const map *mp, double x, double y)
{
  const jv_map_layout *l = &mp->l;
  jv_point p = {l->view.minx + (x - l->map.x) / l->scale, l->view.maxy - (y - l->map.y) / l->scale};
  for (size_t s = 0; s < mp->geo.n_shapes; s++) {
    jv_map_rect b = mp->ix.shape_box[s];
    if (b.w < 0 || x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h)
      continue;
    if (jv_geom_in_shape(&mp->geo.shapes[s], p))
      return (long)s;
  }
  return -1;
}

static void check_shape_at(const map *mp, double step, size_t *hits)
{
  const jv_map_layout *l = &mp->l;
  for (double y = l->map.y - 20; y <= l->map.y + l->map.h + 20; y += step)
    for (double x = l->map.x - 20; x <= l->map.x + l->map.w + 20; x += step) {
      long want = brute_shape_at(mp, x, y), got = jv_map_index_shape_at(&mp->ix, x, y);
      if (want != got)
        fail_msg("at (%.2f, %.2f): %ld, brute force %ld", x, y, got, want);
      *hits += want >= 0;
    }
  /* each shape's own box corners, where rounding decides */
  for (size_t s = 0; s < mp->geo.n_shapes; s++) {
    jv_map_rect b = mp->ix.shape_box[s];
    if (b.w < 0)
      continue;
    double xs[2] = {b.x, b.x + b.w}, ys[2] = {b.y, b.y + b.h};
    for (int i = 0; i < 4; i++)
      assert_int_equal(jv_map_index_shape_at(&mp->ix, xs[i & 1], ys[i >> 1]),
                       brute_shape_at(mp, xs[i & 1], ys[i >> 1]));
  }
}

static void test_shape_at_national(void **state)
{
  (void)state;
  map *mp = map_new(2020, NULL);
  size_t hits = 0;
  check_shape_at(mp, 2.3, &hits);
  assert_true(hits > 10000); /* most points are on land */
  map_free(mp);
}

static void test_shape_at_regional(void **state)
{
  (void)state;
  map *mp = map_new(2018, zhz2018);
  size_t hits = 0;
  check_shape_at(mp, 1.9, &hits);
  assert_true(hits > 10000);
  size_t hidden = 0; /* the zoom leaves shapes out of view */
  for (size_t s = 0; s < mp->geo.n_shapes; s++)
    hidden += mp->ix.shape_box[s].w < 0;
  assert_true(hidden > 100);
  map_free(mp);
}

typedef struct {
  unsigned char *seen;
  size_t visits;
  long stop_at;
} visit_log;

static int on_label(void *arg, size_t label)
{
  visit_log *v = arg;
  if (v->seen[label])
    fail_msg("label %zu visited twice", label);
  v->seen[label] = 1;
  v->visits++;
  return (long)label == v->stop_at;
}

static double rnd(unsigned *state)
{
  *state = *state * 1103515245u + 12345u;
  return (double)((*state >> 8) & 0xFFFF) / 65536.0;
}

static void test_labels_near(void **state)
{
  (void)state;
  map *mp = map_new(2018, zhz2018);
  const jv_map_layout *l = &mp->l;
  enum { N = 300 };
  const double pad = 2.5;
  jv_map_rect boxes[N];
  unsigned r = 7;
  jv_error err;
  assert_int_equal(jv_map_index_any_label(&mp->ix, l->map, on_label, NULL), 0); /* none yet */
  for (size_t i = 0; i < N; i++) {
    /* names, and now and then a long leader's box, some off the map */
    double w = i % 10 == 0 ? 150 * rnd(&r) : 10 + 40 * rnd(&r);
    double h = i % 10 == 0 ? 150 * rnd(&r) : 6 + 3 * rnd(&r);
    boxes[i] = (jv_map_rect){l->map.x - 30 + (l->map.w + 60) * rnd(&r),
                             l->map.y - 30 + (l->map.h + 60) * rnd(&r), w, h};
    assert_int_equal(jv_map_index_add_label(&mp->ix, i, N, boxes[i], pad, &err), JV_OK);
  }
  assert_int_not_equal(jv_map_index_add_label(&mp->ix, N, N, boxes[0], pad, &err), JV_OK);
  unsigned char seen[N];
  size_t met = 0;
  for (int q = 0; q < 3000; q++) {
    jv_map_rect box = {l->map.x - 30 + (l->map.w + 60) * rnd(&r),
                       l->map.y - 30 + (l->map.h + 60) * rnd(&r), 60 * rnd(&r), 12 * rnd(&r)};
    memset(seen, 0, sizeof(seen));
    visit_log v = {seen, 0, -1};
    assert_int_equal(jv_map_index_any_label(&mp->ix, box, on_label, &v), 0);
    long last_met = -1;
    for (size_t i = 0; i < N; i++) {
      jv_map_rect b = boxes[i];
      int meets = box.x <= b.x + b.w + pad && b.x - pad <= box.x + box.w &&
                  box.y <= b.y + b.h + pad && b.y - pad <= box.y + box.h;
      if (meets && !seen[i])
        fail_msg("query %d: label %zu meets the box but was not visited", q, i);
      if (meets)
        last_met = (long)i;
      met += (size_t)meets;
    }
    assert_true(v.visits < N / 4); /* the grid looks only near the box */
    if (last_met >= 0) {           /* a hit ends the search with 1 */
      memset(seen, 0, sizeof(seen));
      visit_log w = {seen, 0, last_met};
      assert_int_equal(jv_map_index_any_label(&mp->ix, box, on_label, &w), 1);
      assert_true(seen[last_met]);
    }
  }
  assert_true(met > 300);
  map_free(mp);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shape_at_national),
      cmocka_unit_test(test_shape_at_regional),
      cmocka_unit_test(test_labels_near),
  };
  return cmocka_run_group_tests_name("map_index", tests, NULL, NULL);
}
