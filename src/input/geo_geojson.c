/* geo_geojson.c - decoding GeoJSON Polygon/MultiPolygon features in RD New
 * metres. GeoJSON has no topology: shared borders exist once per side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"

static jv_status read_ring(json_t *coords, jv_ring *r, const char *where, jv_geo_ctx *c)
{
  memset(r, 0, sizeof(*r));
  size_t n = json_array_size(coords);
  if (!json_is_array(coords) || n == 0)
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s: a ring must be an array of positions",
                        where);
  r->pts = malloc((n + 1) * sizeof(*r->pts));
  if (!r->pts)
    return jv_geo__oom(c);
  for (size_t i = 0; i < n; i++) {
    json_t *pos = json_array_get(coords, i);
    json_t *jx = json_array_get(pos, 0), *jy = json_array_get(pos, 1);
    if (!json_is_number(jx) || !json_is_number(jy)) {
      jv_geo__ring_free(r);
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s[%zu]: a position needs 2 numbers",
                          where, i);
    }
    r->pts[r->n].x = json_number_value(jx);
    r->pts[r->n].y = json_number_value(jy);
    r->n++;
  }
  return JV_OK;
}

/* A jv_geo_ring_fn: the positions of a ring, counted and checked. */
static jv_status take_ring(const void *arg, const jv_geo_shape *sh, json_t *ring, jv_ring *r,
                           const char *where, jv_geo_ctx *c)
{
  (void)arg;
  jv_status st = jv_geo__take_points(json_array_size(ring), sh, where, c);
  if (st == JV_OK)
    st = read_ring(ring, r, where, c);
  if (st != JV_OK)
    return st;
  if ((st = jv_geo__check_ring(r, sh, where, c)) != JV_OK)
    jv_geo__ring_free(r);
  return st;
}

static jv_status add_feature(jv_geo *g, json_t *f, const char *where, jv_geo_ctx *c)
{
  json_t *geom = json_object_get(f, "geometry");
  const char *type = json_string_value(json_object_get(geom, "type"));
  int multi;
  jv_geo_shape *sh;
  jv_status st = jv_geo__begin(g, type, json_object_get(f, "properties"), where, c, &sh, &multi);
  if (st != JV_OK || !sh)
    return st;
  json_t *coords = json_object_get(geom, "coordinates");
  if (!json_is_array(coords))
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s: \"coordinates\" must be an array",
                        where);
  char w[300];
  if (!multi) {
    snprintf(w, sizeof(w), "%s.geometry.coordinates", where);
    return jv_geo__read_polygon(sh, coords, w, take_ring, NULL, c);
  }
  for (size_t i = 0; i < json_array_size(coords) && st == JV_OK; i++) {
    snprintf(w, sizeof(w), "%s.geometry.coordinates[%zu]", where, i);
    st = jv_geo__read_polygon(sh, json_array_get(coords, i), w, take_ring, NULL, c);
  }
  return st;
}

jv_status jv_geo__from_geojson(jv_geo *g, json_t *root, jv_geo_ctx *c)
{
  const char *type = json_string_value(json_object_get(root, "type"));
  jv_status st;
  if (strcmp(type, "Feature") == 0) {
    st = add_feature(g, root, "feature", c);
  } else {
    json_t *features = json_object_get(root, "features");
    if (!json_is_array(features))
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "\"features\" must be an array");
    st = JV_OK;
    for (size_t i = 0; i < json_array_size(features) && st == JV_OK; i++) {
      char w[64];
      snprintf(w, sizeof(w), "features[%zu]", i);
      st = add_feature(g, json_array_get(features, i), w, c);
    }
  }
  return st;
}
