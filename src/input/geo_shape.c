/* geo_shape.c - shape-building helpers shared by the TopoJSON and GeoJSON
 * decoders: feature properties, merging by code, ring closure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"
#include "input/geo_read.h"

size_t jv_geo__point_cap(size_t len)
{
  size_t cap = (size_t)((double)len * JV_GEO_POINTS_PER_BYTE) + JV_GEO_POINTS_EXTRA;
  return cap < JV_GEO_MAX_POINTS ? cap : JV_GEO_MAX_POINTS;
}

jv_status jv_geo__take_points(size_t n, const jv_geo_shape *sh, const char *where, jv_geo_ctx *c)
{
  if (n <= c->points_left) {
    c->points_left -= n;
    return JV_OK;
  }
  return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                      "%s (%s %s): a ring of %zu points takes the file past %zu ring points, "
                      "the most a file of %zu bytes may hold (at most %u in any file; are arcs "
                      "repeated?)",
                      where, sh->code, sh->name, n, jv_geo__point_cap(c->file_bytes), c->file_bytes,
                      JV_GEO_MAX_POINTS);
}

jv_status jv_geo__check_ring(const jv_ring *r, const jv_geo_shape *sh, const char *where,
                             jv_geo_ctx *c)
{
  for (size_t i = 0; i < r->n; i++) {
    jv_point p = r->pts[i];
    if (!isfinite(p.x) || !isfinite(p.y))
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s (%s %s): point %zu is not a finite number", where, sh->code, sh->name,
                          i);
    if (fabs(p.x) <= 180.0 && fabs(p.y) <= 90.0)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s (%s %s): (%g, %g) looks like degrees (WGS84); expected RD New "
                          "metres (EPSG:28992): convert with ogr2ogr -t_srs EPSG:28992",
                          where, sh->code, sh->name, p.x, p.y);
    if (p.x < JV_GEO_RD_MIN_X || p.x > JV_GEO_RD_MAX_X || p.y < JV_GEO_RD_MIN_Y ||
        p.y > JV_GEO_RD_MAX_Y)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s (%s %s): (%g, %g) lies outside RD New over the Netherlands (x "
                          "-7.000 to 300.000, y 289.000 to 629.000 m)",
                          where, sh->code, sh->name, p.x, p.y);
  }
  return JV_OK;
}

jv_status jv_geo__oom(jv_geo_ctx *c)
{
  return jv_error_set(c->err, JV_EINTERNAL, c->file, 0, 0, "out of memory");
}

static const char *first_string(json_t *props, const char *a, const char *b)
{
  const char *s = json_string_value(json_object_get(props, a));
  return s ? s : json_string_value(json_object_get(props, b));
}

jv_status jv_geo__props(json_t *props, char code[8], const char **name, const char *where,
                        jv_geo_ctx *c)
{
  code[0] = '\0';
  *name = "";
  if (!json_is_object(props))
    return JV_OK;
  const char *n = first_string(props, "statnaam", "name");
  if (n)
    *name = n;
  json_t *jc = json_object_get(props, "statcode");
  if (!jc)
    jc = json_object_get(props, "code");
  if (json_is_integer(jc)) {
    json_int_t v = json_integer_value(jc);
    if (v < 0 || v > 9999)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s: municipality code %" JSON_INTEGER_FORMAT " out of range", where, v);
    snprintf(code, 8, "GM%04d", (int)v);
  } else if (json_is_string(jc)) {
    const char *s = json_string_value(jc);
    if (strlen(s) > 7)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s: municipality code \"%s\" is longer than 7 characters", where, s);
    snprintf(code, 8, "%s", s);
  }
  return JV_OK;
}

jv_status jv_geo__shape_for(jv_geo *g, const char *code, const char *name, jv_geo_shape **out,
                            jv_geo_ctx *c)
{
  long found = jv_geo_find_code(g, code);
  if (found >= 0) {
    *out = &g->shapes[found];
    return JV_OK;
  }
  jv_geo_shape *s = realloc(g->shapes, (g->n_shapes + 1) * sizeof(*s));
  if (!s)
    return jv_geo__oom(c);
  g->shapes = s;
  jv_geo_shape *sh = &s[g->n_shapes];
  memset(sh, 0, sizeof(*sh));
  snprintf(sh->code, sizeof(sh->code), "%s", code);
  sh->name = strdup(name);
  if (!sh->name)
    return jv_geo__oom(c);
  sh->bbox = jv_bbox_empty();
  g->n_shapes++;
  *out = sh;
  return JV_OK;
}

void jv_geo__ring_free(jv_ring *r)
{
  free(r->pts);
  free(r->arcs);
  memset(r, 0, sizeof(*r));
}

jv_status jv_geo__add_polygon(jv_geo_shape *sh, jv_ring *rings, size_t n, jv_geo_ctx *c)
{
  jv_polygon *p = realloc(sh->polys, (sh->n_polys + 1) * sizeof(*p));
  if (!p) {
    for (size_t i = 0; i < n; i++)
      jv_geo__ring_free(&rings[i]);
    free(rings);
    return jv_geo__oom(c);
  }
  sh->polys = p;
  p[sh->n_polys].rings = rings;
  p[sh->n_polys].n_rings = n;
  sh->n_polys++;
  return JV_OK;
}

/* Closes a ring (appends pts[0] when the last point differs) and checks it
 * has at least 4 points; 1 when usable, 0 when degenerate, -1 when out of
 * memory. */
static int close_ring(jv_ring *r)
{
  if (r->n == 0)
    return 0;
  jv_point a = r->pts[0], z = r->pts[r->n - 1];
  if (a.x != z.x || a.y != z.y) {
    jv_point *p = realloc(r->pts, (r->n + 1) * sizeof(*p));
    if (!p)
      return -1;
    r->pts = p;
    r->pts[r->n++] = a;
  }
  /* a triangle is the smallest area: 3 corners plus the closing point */
  return r->n >= 4;
}

/* Closes ring r (where names it) and keeps it (*keep = 1), or frees it with a
 * warning when it has fewer than 3 corners (*keep = 0). JV_EINTERNAL (r
 * freed) when out of memory. */
static jv_status keep_ring(jv_ring *r, const jv_geo_shape *sh, const char *where, jv_geo_ctx *c,
                           int *keep)
{
  int ok = close_ring(r);
  *keep = ok > 0;
  if (ok > 0)
    return JV_OK;
  jv_geo__ring_free(r);
  if (ok < 0)
    return jv_geo__oom(c);
  if (c->warn)
    jv_diags_add(c->warn, c->file, 0, 0,
                 "%s (%s): degenerate ring with fewer than 3 corners ignored", where, sh->name);
  return JV_OK;
}

jv_status jv_geo__begin(jv_geo *g, const char *type, json_t *props, const char *where,
                        jv_geo_ctx *c, jv_geo_shape **out, int *multi)
{
  *out = NULL;
  *multi = type && strcmp(type, "MultiPolygon") == 0;
  if (!type || (!*multi && strcmp(type, "Polygon") != 0)) {
    if (c->warn)
      jv_diags_add(c->warn, c->file, 0, 0, "%s: geometry type %s ignored (not a polygon)", where,
                   type ? type : "null");
    return JV_OK;
  }
  char code[8];
  const char *name;
  jv_status st = jv_geo__props(props, code, &name, where, c);
  if (st != JV_OK)
    return st;
  if (!code[0] && c->warn)
    jv_diags_add(c->warn, c->file, 0, 0,
                 "%s (%s): no statcode or code property; matched by name only", where,
                 name[0] ? name : "unnamed");
  return jv_geo__shape_for(g, code, name, out, c);
}

/* The end of reading a polygon's rings: when reading went well and kept
 * rings remain, appends them as a polygon (taking ownership), else frees
 * them. Returns st or the append's status. */
static jv_status finish_polygon(jv_geo_shape *sh, jv_ring *rings, size_t kept, jv_status st,
                                jv_geo_ctx *c)
{
  if (st != JV_OK || kept == 0) {
    for (size_t i = 0; i < kept; i++)
      jv_geo__ring_free(&rings[i]);
    free(rings);
    return st;
  }
  return jv_geo__add_polygon(sh, rings, kept, c);
}

jv_status jv_geo__read_polygon(jv_geo_shape *sh, json_t *rings, const char *where,
                               jv_geo_ring_fn read_ring, const void *arg, jv_geo_ctx *c)
{
  size_t n = json_array_size(rings);
  if (!json_is_array(rings))
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s: a polygon must be an array of rings",
                        where);
  if (n == 0)
    return JV_OK; /* an empty polygon is allowed by the spec and draws nothing */
  jv_ring *out = calloc(n, sizeof(*out));
  if (!out)
    return jv_geo__oom(c);
  size_t kept = 0;
  jv_status st = JV_OK;
  for (size_t i = 0; i < n; i++) {
    char w[300];
    snprintf(w, sizeof(w), "%s[%zu]", where, i);
    st = read_ring(arg, sh, json_array_get(rings, i), &out[kept], w, c);
    if (st != JV_OK)
      break;
    int keep;
    if ((st = keep_ring(&out[kept], sh, w, c, &keep)) != JV_OK)
      break;
    if (!keep && i == 0)
      break; /* without its outer ring a polygon has no area */
    kept += (size_t)keep;
  }
  return finish_polygon(sh, out, kept, st, c);
}
