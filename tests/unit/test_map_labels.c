/* Unit tests for the names on regional maps, measured against the polygons
 * (brute force over every ring, independent of the spatial index) on four
 * regions: Zuid-Holland Zuid 2018 (17) and 2020 (11), and two synthetic ones
 * of 2020: Haaglanden and Leiden (small Voorschoten and Oegstgeest next to
 * big neighbours) and Friesland (islands, and the Afsluitdijk sliver of
 * Súdwest-Fryslân). For each: every municipality named once; a name inside
 * its own shape crosses no border and is at least 6 pt; a name outside has a
 * leader, crosses no border of the region, lies in none of its municipalities
 * and could not have been inside at 6 pt; no two names overlap, none covers
 * the legend or leaves the map, no leader crosses a name or another leader;
 * the map shows every polygon of the region, none under the legend. Text is
 * measured with the report's own font (Liberation Sans). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_read.h"
#include "layout/map_index.h"
#include "layout/map_labels.h"
#include "layout/map_layout.h"
#include "render/fonts.h"
#include "stats/geom.h"
#include "test_measure.h"

static const char *const zhz2018[] = {"GM0482", "GM0585", "GM0611", "GM0505", "GM0689", "GM0512",
                                      "GM0523", "GM0531", "GM0588", "GM0545", "GM1927", "GM0584",
                                      "GM0590", "GM0610", "GM0617", "GM0707", "GM0642", NULL};
static const char *const zhz2020[] = {"GM0482", "GM0505", "GM0512", "GM0523", "GM0531", "GM1963",
                                      "GM1978", "GM0590", "GM0610", "GM0642", "GM1961", NULL};
static const char *const haaglanden[] = {"GM0518", "GM1783", "GM0603", "GM0503", "GM1916",
                                         "GM0626", "GM0579", "GM0546", "GM0629", "GM0637",
                                         "GM1926", "GM1842", "GM0547", "GM0537", NULL};
static const char *const friesland[] = {"GM0059", "GM0060", "GM1891", "GM1940", "GM0072",
                                        "GM0074", "GM0080", "GM1970", "GM0085", "GM0086",
                                        "GM0088", "GM0090", "GM1900", "GM0093", "GM0737",
                                        "GM0096", "GM1949", "GM0098", NULL};

static jv_fonts *fonts;

static int setup(void **state)
{
  (void)state;
  char dir[1024];
  const char *home = getenv("JAARVERSLAG_HOME");
  snprintf(dir, sizeof(dir), "%s/assets/fonts", home ? home : ".");
  jv_error err;
  return jv_fonts_new(&fonts, dir, &err) == JV_OK ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  jv_fonts_free(fonts);
  return 0;
}

typedef struct {
  jv_geo geo;
  jv_map_data data;
  jv_map_layout l;
  jv_map_layout_in in;
  jv_measure m;
} map;

static jv_point to_geo(const jv_map_layout *l, double x, double y)
{
  jv_point p = {l->view.minx + (x - l->map.x) / l->scale, l->view.maxy - (y - l->map.y) / l->scale};
  return p;
}

static int overlap(jv_map_rect a, jv_map_rect b)
{
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int within(jv_map_rect in, jv_map_rect out)
{
  return in.x >= out.x - 1e-9 && in.y >= out.y - 1e-9 && in.x + in.w <= out.x + out.w + 1e-9 &&
         in.y + in.h <= out.y + out.h + 1e-9;
}

/* Ring segments of the shapes (focus only when focus_only) touching box r
 * (points), by brute force over the rings of shapes whose box meets r. */
static size_t ring_hits(const map *mp, jv_map_rect r, int focus_only)
{
  const jv_map_layout *l = &mp->l;
  jv_point a = to_geo(l, r.x, r.y + r.h), b = to_geo(l, r.x + r.w, r.y);
  jv_bbox rb = {a.x, a.y, b.x, b.y};
  size_t n = 0;
  for (size_t s = 0; s < mp->geo.n_shapes; s++) {
    const jv_geo_shape *sh = &mp->geo.shapes[s];
    if ((focus_only && !mp->data.items[s].focus) || !jv_bbox_intersects(&rb, &sh->bbox))
      continue;
    for (size_t p = 0; p < sh->n_polys; p++)
      for (size_t k = 0; k < sh->polys[p].n_rings; k++) {
        const jv_ring *ring = &sh->polys[p].rings[k];
        for (size_t i = 0; i + 1 < ring->n; i++)
          n += (size_t)jv_map_segment_touches(
              jv_map_px(l, ring->pts[i].x), jv_map_py(l, ring->pts[i].y),
              jv_map_px(l, ring->pts[i + 1].x), jv_map_py(l, ring->pts[i + 1].y), r);
      }
  }
  return n;
}

static long shape_at(const map *mp, double x, double y)
{
  jv_point p = to_geo(&mp->l, x, y);
  for (size_t s = 0; s < mp->geo.n_shapes; s++)
    if (jv_geom_in_shape(&mp->geo.shapes[s], p))
      return (long)s;
  return -1;
}

/* Could a 6-pt name of shape s have gone inside it, free of borders, the
 * legend and the other names? A grid search of its own. */
static int fits_inside(const map *mp, size_t s, size_t self)
{
  const jv_map_layout *l = &mp->l;
  const jv_bbox *b = &mp->geo.shapes[s].bbox;
  double w = test_font_width(fonts, JV_FONT_REGULAR, JV_MAP_LABEL_MIN, mp->geo.shapes[s].name);
  double h = JV_MAP_LABEL_MIN * 0.94;
  if (mp->data.items[s].uncertain && mp->data.small.mark == JV_SMALL_DOT)
    w += 1.5 + 2 * JV_MAP_MARK_R;
  double x0 = jv_map_px(l, b->minx), x1 = jv_map_px(l, b->maxx);
  double y0 = jv_map_py(l, b->maxy), y1 = jv_map_py(l, b->miny);
  for (double y = y0; y <= y1; y += 1.0)
    for (double x = x0; x <= x1; x += 1.0) {
      jv_map_rect r = {x - w / 2, y - h / 2, w, h};
      jv_map_rect inner = {l->map.x + 2, l->map.y + 2, l->map.w - 4, l->map.h - 4};
      if (!within(r, inner) || overlap(r, l->legend) || shape_at(mp, x, y) != (long)s ||
          ring_hits(mp, r, 0) > 0)
        continue;
      int blocked = 0;
      for (size_t i = 0; i < l->n_labels && !blocked; i++)
        blocked = i != self && overlap(r, l->labels[i].box);
      if (!blocked)
        return 1;
    }
  return 0;
}

static void leader(const jv_map_label *lb, double *x, double *y)
{
  *x = fmin(fmax(lb->ax, lb->box.x), lb->box.x + lb->box.w);
  *y = fmin(fmax(lb->ay, lb->box.y), lb->box.y + lb->box.h);
}

static void check_region(int year, const char *const *codes, double w, double h)
{
  map *mp = calloc(1, sizeof(*mp));
  assert_non_null(mp);
  jv_error err;
  jv_geo_init(&mp->geo);
  if (jv_geo_read_bundled(&mp->geo, year, NULL, &err) != JV_OK)
    fail_msg("%s", err.msg);
  mp->data.n = mp->geo.n_shapes;
  mp->data.items = calloc(mp->geo.n_shapes, sizeof(*mp->data.items));
  jv_buckets_default(&mp->data.buckets);
  jv_small_numbers_default(&mp->data.small);
  size_t n_codes = 0;
  for (size_t i = 0; codes[i]; i++, n_codes++) {
    long s = jv_geo_find_code(&mp->geo, codes[i]);
    if (s < 0)
      fail_msg("%s not in %d", codes[i], year);
    jv_map_item *it = &mp->data.items[s];
    it->focus = true;
    it->cls = (int)(i % 6);     /* light and dark side by side */
    it->uncertain = i % 3 == 0; /* some names carry the dot */
    mp->data.n_uncertain += it->uncertain;
    mp->data.class_count[it->cls]++;
    mp->data.n_focus++;
  }
  mp->m.width = test_font_width;
  mp->m.ctx = fonts;
  jv_map_layout_in *in = &mp->in;
  in->geo = &mp->geo;
  in->data = &mp->data;
  in->measure = &mp->m;
  in->regional = true;
  in->labels = true;
  for (int c = 0; c < JV_BUCKETS_MAX_CLASSES; c++)
    in->class_lightness[c] = 91.0 - 13.0 * c;
  in->faint_lightness = 95;
  if (h <= 0)
    h = jv_map_layout_natural_height(in, w);
  jv_map_layout *l = &mp->l;
  assert_int_equal(jv_map_layout_compute(l, in, 0, 0, w, h, &err), JV_OK);
  /* the frame holds every polygon of the region; none is under the legend */
  for (size_t s = 0; s < mp->geo.n_shapes; s++) {
    if (!mp->data.items[s].focus)
      continue;
    const jv_geo_shape *sh = &mp->geo.shapes[s];
    for (size_t p = 0; p < sh->n_polys; p++) {
      const jv_ring *ring = &sh->polys[p].rings[0];
      for (size_t i = 0; i < ring->n; i++) {
        double x = jv_map_px(l, ring->pts[i].x), y = jv_map_py(l, ring->pts[i].y);
        if (x < l->map.x || x > l->map.x + l->map.w || y < l->map.y || y > l->map.y + l->map.h)
          fail_msg("%s: a polygon leaves the map", sh->name);
      }
    }
  }
  if (ring_hits(mp, l->legend, 1) > 0)
    fail_msg("the legend covers part of the region");
  assert_int_equal(l->n_labels, n_codes);
  size_t outside = 0;
  if (getenv("JV_DEBUG_LABELS"))
    for (size_t i = 0; i < l->n_labels; i++)
      fprintf(stderr, "%s in=%d leader=%d box %.1f %.1f %.1f %.1f anchor %.1f %.1f\n",
              mp->geo.shapes[l->labels[i].shape].name, l->labels[i].inside, l->labels[i].leader,
              l->labels[i].box.x, l->labels[i].box.y, l->labels[i].box.w, l->labels[i].box.h,
              l->labels[i].ax, l->labels[i].ay);
  for (size_t i = 0; i < l->n_labels; i++) {
    const jv_map_label *a = &l->labels[i];
    const char *name = mp->geo.shapes[a->shape].name;
    assert_true(mp->data.items[a->shape].focus);
    if (!within(a->box, l->map) || overlap(a->box, l->legend))
      fail_msg("%s: off the map or on the legend", name);
    if (a->size < JV_MAP_LABEL_MIN)
      fail_msg("%s: %.1f pt", name, a->size);
    assert_int_equal(a->mark, mp->data.items[a->shape].uncertain);
    if (a->inside) {
      assert_false(a->leader);
      if (ring_hits(mp, a->box, 0) > 0)
        fail_msg("%s: the name crosses a border", name);
      if (shape_at(mp, a->box.x + a->box.w / 2, a->box.y + a->box.h / 2) != (long)a->shape)
        fail_msg("%s: the name is not in its shape", name);
    } else {
      outside++;
      assert_true(a->leader);
      if (ring_hits(mp, a->box, 1) > 0)
        fail_msg("%s: the name outside crosses a border of the region", name);
      long u = shape_at(mp, a->box.x + a->box.w / 2, a->box.y + a->box.h / 2);
      if (u >= 0 && mp->data.items[u].focus)
        fail_msg("%s: the name lies in %s", name, mp->geo.shapes[u].name);
      if (fits_inside(mp, a->shape, i))
        fail_msg("%s: went outside but fits inside at %.0f pt", name, JV_MAP_LABEL_MIN);
    }
    double ex, ey;
    leader(a, &ex, &ey);
    for (size_t k = 0; k < l->n_labels; k++) {
      const jv_map_label *b = &l->labels[k];
      if (k == i)
        continue;
      assert_int_not_equal(a->shape, b->shape);
      if (overlap(a->box, b->box))
        fail_msg("%s and %s overlap", name, mp->geo.shapes[b->shape].name);
      if (a->leader && jv_map_segment_touches(a->ax, a->ay, ex, ey, b->box))
        fail_msg("the leader of %s crosses %s", name, mp->geo.shapes[b->shape].name);
      double fx, fy;
      leader(b, &fx, &fy);
      if (a->leader && b->leader &&
          jv_map_index_segments_cross(a->ax, a->ay, ex, ey, b->ax, b->ay, fx, fy))
        fail_msg("the leaders of %s and %s cross", name, mp->geo.shapes[b->shape].name);
    }
  }
  print_message("%d: %zu names, %zu outside with a leader\n", year, l->n_labels, outside);
  jv_map_layout_free(l);
  free(mp->data.items);
  jv_geo_free(&mp->geo);
  free(mp);
}

/* 450 pt: the report's text width; 500 pt: a standalone map file. */
static void test_zhz_2018(void **state)
{
  (void)state;
  check_region(2018, zhz2018, 450, 0);
  check_region(2018, zhz2018, 500, 0);
}

static void test_zhz_2020(void **state)
{
  (void)state;
  check_region(2020, zhz2020, 450, 0);
  check_region(2020, zhz2020, 500, 0);
}

static void test_haaglanden(void **state)
{
  (void)state;
  check_region(2020, haaglanden, 450, 0);
  check_region(2020, haaglanden, 500, 0);
}

static void test_friesland(void **state)
{
  (void)state;
  check_region(2020, friesland, 450, 0);
  check_region(2020, friesland, 500, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_zhz_2018),
      cmocka_unit_test(test_zhz_2020),
      cmocka_unit_test(test_haaglanden),
      cmocka_unit_test(test_friesland),
  };
  return cmocka_run_group_tests_name("map_labels", tests, setup, teardown);
}
