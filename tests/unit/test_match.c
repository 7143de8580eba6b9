/* Unit tests for matching data rows to shapes: name normalisation, code
 * first, name as fallback, warnings for what stays unmatched; and the map
 * data built from a match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "stats/map_data.h"
#include "stats/match.h"

static void test_name_keys(void **state)
{
  (void)state;
  static const char *const same[][2] = {
      {"'s-Gravenhage", "Den Haag"},
      {"\xe2\x80\x99s-Gravenhage", "den haag"},          /* typographic apostrophe */
      {"'s-Hertogenbosch", "Den Bosch"},
      {"\xe2\x80\x99S-HERTOGENBOSCH", "'s-Hertogenbosch"},
      {"S\xc3\xba" "dwest-Frysl\xc3\xa2n", "Sudwest Fryslan"},
      {"Hendrik-Ido-Ambacht", "Hendrik Ido Ambacht"},
      {"Hendrik-Ido-Ambacht", "hendrik\xe2\x80\x93ido\xe2\x80\x93" "ambacht"}, /* en dashes */
      {"Bergen (NH.)", "Bergen (NH)"},
      {"\xc4\xb2sselstein", "IJsselstein"},               /* the Dutch IJ ligature */
      {"Nuenen, Gerwen en Nederwetten", "Nuenen Gerwen en Nederwetten"},
  };
  for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++)
    if (!jv_match_same_name(same[i][0], same[i][1]))
      fail_msg("'%s' should match '%s'", same[i][0], same[i][1]);
  static const char *const differ[][2] = {
      {"Bergen (NH.)", "Bergen (L.)"},
      {"Den Haag", "Den Helder"},
      {"Hengelo", "Hengelo (Gld.)"},
      {"", ""}, /* empty names never match */
  };
  for (size_t i = 0; i < sizeof(differ) / sizeof(differ[0]); i++)
    if (jv_match_same_name(differ[i][0], differ[i][1]))
      fail_msg("'%s' should not match '%s'", differ[i][0], differ[i][1]);
  char key[64];
  jv_match_name_key("S\xc3\xba" "dwest-Frysl\xc3\xa2n", key, sizeof(key));
  assert_string_equal(key, "sudwestfryslan");
  jv_match_name_key("'s-Gravenhage", key, sizeof(key));
  assert_string_equal(key, "denhaag");
  jv_match_name_key("Amsterdam", key, 4); /* truncates, always terminated */
  assert_string_equal(key, "ams");
}

/* Three square shapes named like the CBS file. */
static void make_geo(jv_geo *g)
{
  static const struct {
    const char *code, *name;
  } s[] = {{"GM0518", "'s-Gravenhage"}, {"GM0796", "'s-Hertogenbosch"}, {"GM0505", "Dordrecht"}};
  jv_geo_init(g);
  g->shapes = calloc(3, sizeof(*g->shapes));
  g->n_shapes = 3;
  for (size_t i = 0; i < 3; i++) {
    strcpy(g->shapes[i].code, s[i].code);
    g->shapes[i].name = strdup(s[i].name);
    g->shapes[i].polys = calloc(1, sizeof(jv_polygon));
    g->shapes[i].n_polys = 1;
    jv_ring *r = calloc(1, sizeof(*r));
    r->pts = malloc(5 * sizeof(jv_point));
    double x = 100000.0 + 10000.0 * (double)i;
    jv_point p[5] = {{x, 400000}, {x + 5000, 400000}, {x + 5000, 405000}, {x, 405000}, {x, 400000}};
    memcpy(r->pts, p, sizeof(p));
    r->n = 5;
    g->shapes[i].polys[0].rings = r;
    g->shapes[i].polys[0].n_rings = 1;
  }
  strcpy(g->source, "test.topojson");
  jv_geo_update_bboxes(g);
}

static void test_match_build(void **state)
{
  (void)state;
  jv_geo g;
  make_geo(&g);
  jv_dataset ds;
  jv_dataset_init(&ds);
  size_t i;
  /* by code although named differently; by name with a wrong code; a row
   * with no shape at all */
  assert_int_equal(jv_dataset_add(&ds, "GM0518", "Den Haag", &i), JV_OK);
  assert_int_equal(jv_dataset_add(&ds, "GM9999", "Den Bosch", &i), JV_OK);
  assert_int_equal(jv_dataset_add(&ds, "GM0363", "Amsterdam", &i), JV_OK);
  for (size_t r = 0; r < ds.n_munis; r++) {
    ds.munis[r].values[JV_IND_VRIJ_5A] = jv_value_count(r == 0 ? 62 : 20);
    ds.munis[r].values[JV_IND_LPL_5_17] = jv_value_count(r == 0 ? 77249 : 21357);
    ds.munis[r].where[JV_IND_VRIJ_5A].file = jv_dataset_file(&ds, "vrijstellingen.csv");
    ds.munis[r].where[JV_IND_VRIJ_5A].line = (int)r + 2;
  }
  jv_match m;
  jv_diags warn;
  jv_error err;
  jv_diags_init(&warn);
  assert_int_equal(jv_match_build(&m, &g, &ds, &warn, &err), JV_OK);
  assert_int_equal(m.shape_of_row[0], 0);
  assert_int_equal(m.shape_of_row[1], 1);
  assert_int_equal(m.shape_of_row[2], -1);
  assert_int_equal(m.row_of_shape[2], -1);
  assert_int_equal(m.by_name, 1);
  /* Den Haag = 's-Gravenhage: no warning; Den Bosch matched by name; Amsterdam missing */
  assert_int_equal(warn.count, 2);
  assert_non_null(strstr(warn.items[0].msg, "GM9999 Den Bosch: code not in the boundaries"));
  assert_non_null(strstr(warn.items[1].msg, "Amsterdam"));
  assert_string_equal(warn.items[1].loc.file, "vrijstellingen.csv");
  assert_int_equal(warn.items[1].loc.line, 4);

  /* map data: Dordrecht is in the region but has no data */
  jv_buckets b;
  jv_buckets_default(&b);
  bool focus[3] = {true, true, true};
  jv_map_data md;
  jv_diags_free(&warn);
  jv_diags_init(&warn);
  assert_int_equal(jv_map_data_build(&md, &g, &ds, &m, JV_IND_VRIJ_5A, JV_IND_LPL_5_17, &b,
                                     focus, &warn, &err),
                   JV_OK);
  assert_int_equal(md.items[0].cls, 1);       /* 62 / 77.249 = 0,8: tot 1 */
  assert_int_equal(md.items[1].cls, 1);       /* 20 / 21.357 = 0,9: tot 1 */
  assert_int_equal(md.items[2].cls, jv_buckets_nodata_class(&b));
  assert_int_equal(md.class_count[1], 2);
  assert_int_equal(md.class_count[jv_buckets_nodata_class(&b)], 1);
  assert_int_equal(warn.count, 1);
  assert_non_null(strstr(warn.items[0].msg, "GM0505 Dordrecht: in the region but not in the data"));
  size_t *order;
  assert_int_equal(jv_map_data_order(&md, &g, &order, &err), JV_OK);
  /* by name key: denbosch, denhaag, dordrecht */
  assert_int_equal(order[0], 1);
  assert_int_equal(order[1], 0);
  assert_int_equal(order[2], 2);
  free(order);
  jv_map_data_free(&md);
  jv_diags_free(&warn);
  jv_match_free(&m);
  jv_dataset_free(&ds);
  jv_geo_free(&g);
}

static void test_duplicate_code(void **state)
{
  (void)state;
  jv_geo g;
  make_geo(&g);
  jv_dataset ds;
  jv_dataset_init(&ds);
  size_t i;
  jv_dataset_add(&ds, "GM0505", "Dordrecht", &i);
  jv_dataset_add(&ds, "GM0505", "Dordrecht", &i);
  jv_match m;
  jv_diags warn;
  jv_error err;
  jv_diags_init(&warn);
  assert_int_equal(jv_match_build(&m, &g, &ds, &warn, &err), JV_OK);
  assert_int_equal(m.shape_of_row[0], 2);
  assert_int_equal(m.shape_of_row[1], -1);
  assert_true(warn.count >= 1);
  assert_non_null(strstr(warn.items[0].msg, "twice"));
  jv_diags_free(&warn);
  jv_match_free(&m);
  jv_dataset_free(&ds);
  jv_geo_free(&g);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_name_keys),
      cmocka_unit_test(test_match_build),
      cmocka_unit_test(test_duplicate_code),
  };
  return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}
