/* Unit tests for the map layout on the real 2018 boundaries: the 17
 * municipalities of Zuid-Holland Zuid get one label each, no two labels
 * overlap, none leaves the map or covers the legend, and the projection
 * keeps RD metres square. Text is measured with a fixed-width fake. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_read.h"
#include "layout/map_layout.h"
#include "stats/geom.h"
#include "util/utf8.h"
#include "test_measure.h"

static const char *const zhz[] = {"GM0482", "GM0585", "GM0611", "GM0505", "GM0689", "GM0512",
                                  "GM0523", "GM0531", "GM0588", "GM0545", "GM1927", "GM0584",
                                  "GM0590", "GM0610", "GM0617", "GM0707", "GM0642"};

static const test_widths fake_em = {0.55, 0.55, 0};

typedef struct {
  jv_geo geo;
  jv_map_data data;
} fixture;

static int setup(void **state)
{
  fixture *f = calloc(1, sizeof(*f));
  jv_error err;
  jv_geo_init(&f->geo);
  if (jv_geo_read_bundled(&f->geo, 2018, NULL, &err) != JV_OK)
    return -1;
  f->data.n = f->geo.n_shapes;
  f->data.items = calloc(f->geo.n_shapes, sizeof(*f->data.items));
  jv_buckets_default(&f->data.buckets);
  for (size_t i = 0; i < sizeof(zhz) / sizeof(zhz[0]); i++) {
    long s = jv_geo_find_code(&f->geo, zhz[i]);
    if (s < 0)
      return -1;
    f->data.items[s].focus = true;
    f->data.items[s].cls = (int)(i % 6); /* light and dark neighbours side by side */
    f->data.class_count[i % 6]++;
    f->data.n_focus++;
  }
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  fixture *f = *state;
  free(f->data.items);
  jv_geo_free(&f->geo);
  free(f);
  return 0;
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

static void check_layout(fixture *f, double w, double h)
{
  jv_measure m = {test_fake_width, (void *)&fake_em};
  jv_map_layout_in in;
  memset(&in, 0, sizeof(in));
  in.geo = &f->geo;
  in.data = &f->data;
  in.measure = &m;
  in.regional = true;
  in.labels = true;
  in.title = "Leerplichttelling 2018: Vrijstelling artikel 5 onder a 2017-2018 naar gemeenten";
  in.source = "Bron grenzen: CBS/Kadaster (PDOK)";
  for (int c = 0; c < JV_BUCKETS_MAX_CLASSES; c++)
    in.class_lightness[c] = 91.0 - 13.0 * c;
  in.faint_lightness = 95;
  if (h <= 0)
    h = jv_map_layout_natural_height(&in, w);
  jv_map_layout l;
  jv_error err;
  assert_int_equal(jv_map_layout_compute(&l, &in, 10, 20, w, h, &err), JV_OK);
  /* square metres: the view has the map's aspect ratio */
  assert_true(fabs((l.view.maxx - l.view.minx) * l.scale - l.map.w) < 1e-6);
  assert_true(fabs((l.view.maxy - l.view.miny) * l.scale - l.map.h) < 1e-6);
  assert_true(within(l.map, l.frame));
  assert_true(within(l.legend, l.frame));
  /* every focus shape is wholly visible */
  for (size_t s = 0; s < f->geo.n_shapes; s++)
    if (f->data.items[s].focus) {
      const jv_bbox *b = &f->geo.shapes[s].bbox;
      assert_true(b->minx >= l.view.minx && b->maxx <= l.view.maxx);
      assert_true(b->miny >= l.view.miny && b->maxy <= l.view.maxy);
    }
  assert_int_equal(l.n_labels, 17);
  for (size_t i = 0; i < l.n_labels; i++) {
    const jv_map_label *a = &l.labels[i];
    assert_true(f->data.items[a->shape].focus);
    assert_true(within(a->box, l.map));
    assert_false(overlap(a->box, l.legend));
    assert_true(a->size >= 5.0 && a->size <= 7.0);
    /* the anchor is inside the shape it names */
    jv_point g = {l.view.minx + (a->ax - l.map.x) / l.scale,
                  l.view.maxy - (a->ay - l.map.y) / l.scale};
    assert_true(jv_geom_in_shape(&f->geo.shapes[a->shape], g));
    for (size_t k = i + 1; k < l.n_labels; k++) {
      assert_int_not_equal(a->shape, l.labels[k].shape);
      if (overlap(a->box, l.labels[k].box))
        fail_msg("labels of %s and %s overlap", f->geo.shapes[a->shape].name,
                 f->geo.shapes[l.labels[k].shape].name);
    }
  }
  jv_map_layout_free(&l);
}

static void test_labels_natural_size(void **state) { check_layout(*state, 476, 0); }
static void test_labels_report_frame(void **state) { check_layout(*state, 420, 300); }
static void test_labels_tall_frame(void **state) { check_layout(*state, 300, 420); }

static void test_frame_too_small(void **state)
{
  fixture *f = *state;
  jv_measure m = {test_fake_width, (void *)&fake_em};
  jv_map_layout_in in;
  memset(&in, 0, sizeof(in));
  in.geo = &f->geo;
  in.data = &f->data;
  in.measure = &m;
  jv_map_layout l;
  jv_error err;
  assert_int_equal(jv_map_layout_compute(&l, &in, 0, 0, 60, 40, &err), JV_EUSAGE);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_labels_natural_size),
      cmocka_unit_test(test_labels_report_frame),
      cmocka_unit_test(test_labels_tall_frame),
      cmocka_unit_test(test_frame_too_small),
  };
  return cmocka_run_group_tests_name("map_layout", tests, setup, teardown);
}
