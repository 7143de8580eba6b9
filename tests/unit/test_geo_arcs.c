/* Unit tests for the TopoJSON arcs read from the text (input/geo_arcs.c):
 * every bundled boundary file (2015-2025) gives exactly the shapes, rings
 * and points (bit for bit) of the all-jansson path (forced by a top-level
 * key with an escape, which the fast path leaves alone); the fast path
 * takes plain integer arcs and leaves everything else to jansson, so the
 * errors stay those of jansson's path, with their line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"
#include "input/geo_read.h"

static char *slurp(const char *path, size_t *n)
{
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  fseek(fp, 0, SEEK_END);
  long len = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  char *b = malloc((size_t)len + 64);
  assert_non_null(b);
  assert_int_equal(fread(b, 1, (size_t)len, fp), (size_t)len);
  fclose(fp);
  *n = (size_t)len;
  return b;
}

static void assert_geo_equal(const jv_geo *a, const jv_geo *b)
{
  assert_int_equal(a->n_shapes, b->n_shapes);
  assert_int_equal(a->n_arcs, b->n_arcs);
  assert_int_equal(a->year, b->year);
  for (size_t i = 0; i < a->n_arcs; i++) {
    assert_int_equal(a->arcs[i].n, b->arcs[i].n);
    assert_memory_equal(a->arcs[i].pts, b->arcs[i].pts, a->arcs[i].n * sizeof(jv_point));
  }
  for (size_t s = 0; s < a->n_shapes; s++) {
    const jv_geo_shape *x = &a->shapes[s], *y = &b->shapes[s];
    assert_string_equal(x->code, y->code);
    assert_string_equal(x->name, y->name);
    assert_int_equal(x->n_polys, y->n_polys);
    for (size_t p = 0; p < x->n_polys; p++) {
      assert_int_equal(x->polys[p].n_rings, y->polys[p].n_rings);
      for (size_t r = 0; r < x->polys[p].n_rings; r++) {
        const jv_ring *u = &x->polys[p].rings[r], *v = &y->polys[p].rings[r];
        assert_int_equal(u->n, v->n);
        assert_memory_equal(u->pts, v->pts, u->n * sizeof(jv_point));
      }
    }
  }
}

static void test_bundled_files_read_the_same(void **state)
{
  (void)state;
  const char *home = getenv("JAARVERSLAG_HOME");
  int files = 0;
  for (int year = 2015; year <= 2025; year++) {
    char path[1024];
    snprintf(path, sizeof(path), "%s/assets/geo/gemeente_%d.topojson", home ? home : ".", year);
    FILE *probe = fopen(path, "rb");
    if (!probe)
      continue;
    fclose(probe);
    files++;
    size_t n;
    char *text = slurp(path, &n);
    size_t vs, ve;
    assert_int_equal(jv_geo__find_arcs(text, n, &vs, &ve), 1);
    jv_geo_qarcs q;
    assert_int_equal(jv_geo__parse_arcs(text + vs, ve - vs, &q), 0); /* the fast path applies */
    assert_true(q.n_arcs > 500);
    jv_geo__qarcs_free(&q);
    /* the same text behind a key the fast path leaves alone */
    char *slow = malloc(n + 32);
    assert_non_null(slow);
    char *brace = memchr(text, '{', n);
    assert_non_null(brace);
    size_t at = (size_t)(brace - text) + 1;
    memcpy(slow, text, at);
    static const char key[] = "\"\\u0078\": 1, ";
    memcpy(slow + at, key, sizeof(key) - 1);
    memcpy(slow + at + sizeof(key) - 1, text + at, n - at);
    size_t sn = n + sizeof(key) - 1;
    assert_int_equal(jv_geo__find_arcs(slow, sn, &vs, &ve), 0);
    jv_geo a, b;
    jv_error err;
    jv_geo_init(&a);
    jv_geo_init(&b);
    assert_int_equal(jv_geo_read_buffer(&a, text, n, "fast.json", NULL, &err), JV_OK);
    assert_int_equal(jv_geo_read_buffer(&b, slow, sn, "slow.json", NULL, &err), JV_OK);
    assert_geo_equal(&a, &b);
    jv_geo_free(&a);
    jv_geo_free(&b);
    free(slow);
    free(text);
  }
  assert_true(files >= 6);
}

static const char *HEAD =
    "{\"type\":\"Topology\",\"transform\":{\"scale\":[1,1],\"translate\":[0,0]},"
    "\"objects\":{\"gemeente_2020\":{\"type\":\"GeometryCollection\","
    "\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":"
    "{\"statcode\":\"GM0505\",\"statnaam\":\"Dordrecht\"}}]}},\n\"arcs\":";

/* The error (or JV_OK) of reading HEAD + arcs + "}". */
static jv_status read_with_arcs(const char *arcs, jv_error *err, int *fast)
{
  char text[4096];
  snprintf(text, sizeof(text), "%s%s}", HEAD, arcs);
  size_t vs, ve;
  jv_geo_qarcs q;
  *fast = jv_geo__find_arcs(text, strlen(text), &vs, &ve) == 1 &&
          jv_geo__parse_arcs(text + vs, ve - vs, &q) == 0;
  if (*fast)
    jv_geo__qarcs_free(&q);
  jv_geo g;
  jv_geo_init(&g);
  jv_status st = jv_geo_read_buffer(&g, text, strlen(text), "t.json", NULL, err);
  jv_geo_free(&g);
  return st;
}

static void test_plain_arcs_only(void **state)
{
  (void)state;
  jv_error err;
  int fast;
  const char *square = "[[[100000,400000],[1000,0],[0,1000],[-1000,0],[0,-1000]]]";
  assert_int_equal(read_with_arcs(square, &err, &fast), JV_OK);
  assert_true(fast);
  /* spaces and newlines between the numbers are plain too */
  assert_int_equal(
      read_with_arcs("[ [ [100000, 400000] ,\n [1000, 0], [0,1000], [-1000,0], [0,-1000] ] ]", &err,
                     &fast),
      JV_OK);
  assert_true(fast);
  /* a real number, an exponent, three coordinates: jansson's path, same result */
  assert_int_equal(
      read_with_arcs("[[[100000.0,400000],[1000,0],[0,1000],[-1000,0],[0,-1000]]]", &err, &fast),
      JV_OK);
  assert_false(fast);
  assert_int_equal(
      read_with_arcs("[[[1e5,400000],[1000,0],[0,1000],[-1000,0],[0,-1000]]]", &err, &fast), JV_OK);
  assert_false(fast);
  assert_int_equal(
      read_with_arcs("[[[100000,400000,7],[1000,0],[0,1000],[-1000,0],[0,-1000]]]", &err, &fast),
      JV_OK);
  assert_false(fast);
  /* errors as before: a short arc, a bad number with its line and column */
  assert_int_equal(read_with_arcs("[[[100000,400000]]]", &err, &fast), JV_EDATA);
  assert_false(fast);
  assert_non_null(strstr(err.msg, "arcs[0]: an arc needs at least 2 positions"));
  assert_int_equal(read_with_arcs("[[[100000,400000],[01,0]]]", &err, &fast), JV_EDATA);
  assert_false(fast);
  assert_non_null(strstr(err.msg, "invalid JSON"));
  assert_int_equal(err.loc.line, 2);
  assert_true(err.loc.column > 20);
  assert_int_equal(read_with_arcs("[[[100000,400000],[1234567890123456789012,0]]]", &err, &fast),
                   JV_EDATA);
  assert_false(fast);
}

static void test_where_the_arcs_are(void **state)
{
  (void)state;
  size_t vs, ve;
  const char *t =
      "{\"a\":\"arcs\\\"]\",\"b\":[{\"arcs\":1}], \"arcs\" : [[[1,2],[3,4]]] , \"c\":-1.5}";
  assert_int_equal(jv_geo__find_arcs(t, strlen(t), &vs, &ve), 1);
  assert_int_equal(ve - vs, strlen("[[[1,2],[3,4]]]"));
  assert_memory_equal(t + vs, "[[[1,2],[3,4]]]", ve - vs);
  const char *twice = "{\"arcs\":[],\"arcs\":[]}";
  assert_int_equal(jv_geo__find_arcs(twice, strlen(twice), &vs, &ve), 0);
  const char *none = "{\"type\":\"FeatureCollection\",\"features\":[]}";
  assert_int_equal(jv_geo__find_arcs(none, strlen(none), &vs, &ve), 0);
  const char *cut = "{\"arcs\":[[[1,2],[3,4]]";
  assert_int_equal(jv_geo__find_arcs(cut, strlen(cut), &vs, &ve), 0);
  assert_int_equal(jv_geo__find_arcs("[]", 2, &vs, &ve), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bundled_files_read_the_same),
      cmocka_unit_test(test_plain_arcs_only),
      cmocka_unit_test(test_where_the_arcs_are),
  };
  return cmocka_run_group_tests_name("geo_arcs", tests, NULL, NULL);
}
