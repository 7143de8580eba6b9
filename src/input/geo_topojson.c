/* geo_topojson.c - decoding a TopoJSON Topology: quantized, delta-encoded
 * arcs, rings as lists of arc references (~i = arc i reversed). The arcs are
 * kept in the model so shared borders can be stroked once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"

typedef struct {
  double sx, sy, tx, ty;
  int quantized; /* a transform was given: positions are delta-encoded integers */
} xform;

static jv_status read_transform(json_t *root, xform *t, jv_geo_ctx *c)
{
  memset(t, 0, sizeof(*t));
  t->sx = t->sy = 1.0;
  json_t *tr = json_object_get(root, "transform");
  if (!tr)
    return JV_OK;
  json_t *s = json_object_get(tr, "scale"), *o = json_object_get(tr, "translate");
  if (!json_is_array(s) || !json_is_array(o) || json_array_size(s) < 2 || json_array_size(o) < 2 ||
      !json_is_number(json_array_get(s, 0)) || !json_is_number(json_array_get(s, 1)) ||
      !json_is_number(json_array_get(o, 0)) || !json_is_number(json_array_get(o, 1)))
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                        "transform: needs \"scale\" and \"translate\" arrays of 2 numbers");
  t->sx = json_number_value(json_array_get(s, 0));
  t->sy = json_number_value(json_array_get(s, 1));
  t->tx = json_number_value(json_array_get(o, 0));
  t->ty = json_number_value(json_array_get(o, 1));
  if (t->sx == 0.0 || t->sy == 0.0)
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "transform: scale must not be 0");
  t->quantized = 1;
  return JV_OK;
}

/* A position read as (x, y): the running sums of the deltas when quantized
 * (*qx, *qy), through the transform. */
static jv_point placed(const xform *t, double x, double y, double *qx, double *qy)
{
  if (t->quantized) {
    *qx += x;
    *qy += y;
    x = *qx;
    y = *qy;
  }
  return (jv_point){x * t->sx + t->tx, y * t->sy + t->ty};
}

static jv_status new_arc(jv_arc *a, size_t np, jv_geo_ctx *c)
{
  a->pts = malloc(np * sizeof(*a->pts));
  if (!a->pts)
    return jv_geo__oom(c);
  a->n = np;
  return JV_OK;
}

static jv_status decode_arcs(jv_geo *g, json_t *arcs, const xform *t, jv_geo_ctx *c)
{
  if (!json_is_array(arcs))
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "\"arcs\" must be an array");
  size_t n = json_array_size(arcs);
  g->arcs = calloc(n ? n : 1, sizeof(*g->arcs));
  if (!g->arcs)
    return jv_geo__oom(c);
  g->n_arcs = n;
  for (size_t i = 0; i < n; i++) {
    json_t *arc = json_array_get(arcs, i);
    size_t np = json_array_size(arc);
    if (!json_is_array(arc) || np < 2)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "arcs[%zu]: an arc needs at least 2 positions", i);
    jv_arc *a = &g->arcs[i];
    if (new_arc(a, np, c) != JV_OK)
      return JV_EINTERNAL;
    double qx = 0, qy = 0;
    for (size_t j = 0; j < np; j++) {
      json_t *pos = json_array_get(arc, j);
      json_t *jx = json_array_get(pos, 0), *jy = json_array_get(pos, 1);
      if (!json_is_number(jx) || !json_is_number(jy))
        return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                            "arcs[%zu][%zu]: a position needs 2 numbers", i, j);
      a->pts[j] = placed(t, json_number_value(jx), json_number_value(jy), &qx, &qy);
    }
  }
  return JV_OK;
}

/* The same from the integers read by geo_arcs.c (a JSON integer's number
 * value is the integer as a double, as above). */
static jv_status decode_qarcs(jv_geo *g, const jv_geo_qarcs *q, const xform *t, jv_geo_ctx *c)
{
  g->arcs = calloc(q->n_arcs ? q->n_arcs : 1, sizeof(*g->arcs));
  if (!g->arcs)
    return jv_geo__oom(c);
  g->n_arcs = q->n_arcs;
  for (size_t i = 0; i < q->n_arcs; i++) {
    size_t np = q->first[i + 1] - q->first[i];
    const long long *xy = q->xy + 2 * q->first[i];
    jv_arc *a = &g->arcs[i];
    if (new_arc(a, np, c) != JV_OK)
      return JV_EINTERNAL;
    double qx = 0, qy = 0;
    for (size_t j = 0; j < np; j++)
      a->pts[j] = placed(t, (double)xy[2 * j], (double)xy[2 * j + 1], &qx, &qy);
  }
  return JV_OK;
}

/* Concatenates the referenced arcs; each arc after the first starts where the
 * previous one ended, so its first point is dropped. */
static jv_status build_ring(const jv_geo *g, const jv_geo_shape *sh, json_t *refs, jv_ring *r,
                            const char *where, jv_geo_ctx *c)
{
  memset(r, 0, sizeof(*r));
  size_t nrefs = json_array_size(refs);
  if (!json_is_array(refs) || nrefs == 0)
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                        "%s: a ring must be a non-empty array of arc indexes", where);
  size_t total = 0;
  for (size_t k = 0; k < nrefs; k++) {
    json_t *jr = json_array_get(refs, k);
    if (!json_is_integer(jr))
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s[%zu]: arc index must be an integer",
                          where, k);
    json_int_t ref = json_integer_value(jr);
    json_int_t idx = ref < 0 ? ~ref : ref;
    if (idx >= (json_int_t)g->n_arcs)
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0,
                          "%s[%zu]: arc %" JSON_INTEGER_FORMAT " does not exist (%zu arcs)", where,
                          k, ref, g->n_arcs);
    total += g->arcs[idx].n;
    /* an arc referenced 10.000 times must not become a 10^8-point ring */
    if (total > c->points_left)
      return jv_geo__take_points(total, sh, where, c);
  }
  jv_status st = jv_geo__take_points(total, sh, where, c);
  if (st != JV_OK)
    return st;
  r->arcs = malloc(nrefs * sizeof(*r->arcs));
  r->pts = malloc((total + 1) * sizeof(*r->pts)); /* + 1 for closing the ring */
  if (!r->arcs || !r->pts) {
    jv_geo__ring_free(r);
    return jv_geo__oom(c);
  }
  r->n_arcs = nrefs;
  for (size_t k = 0; k < nrefs; k++) {
    int32_t ref = (int32_t)json_integer_value(json_array_get(refs, k));
    const jv_arc *a = &g->arcs[jv_arc_index(ref)];
    r->arcs[k] = ref;
    for (size_t j = 0; j < a->n; j++) {
      jv_point p = jv_arc_reversed(ref) ? a->pts[a->n - 1 - j] : a->pts[j];
      if (j == 0 && r->n > 0 && p.x == r->pts[r->n - 1].x && p.y == r->pts[r->n - 1].y)
        continue;
      r->pts[r->n++] = p;
    }
  }
  st = jv_geo__check_ring(r, sh, where, c);
  if (st != JV_OK)
    jv_geo__ring_free(r);
  return st;
}

/* build_ring as a jv_geo_ring_fn (arg is the jv_geo). */
static jv_status arc_ring(const void *arg, const jv_geo_shape *sh, json_t *refs, jv_ring *r,
                          const char *where, jv_geo_ctx *c)
{
  return build_ring(arg, sh, refs, r, where, c);
}

static jv_status add_geometry(jv_geo *g, json_t *geom, const char *where, jv_geo_ctx *c)
{
  const char *type = json_string_value(json_object_get(geom, "type"));
  if (type && strcmp(type, "GeometryCollection") == 0) {
    json_t *list = json_object_get(geom, "geometries");
    if (!json_is_array(list))
      return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s: \"geometries\" must be an array",
                          where);
    for (size_t i = 0; i < json_array_size(list); i++) {
      char w[300];
      snprintf(w, sizeof(w), "%s.geometries[%zu]", where, i);
      jv_status st = add_geometry(g, json_array_get(list, i), w, c);
      if (st != JV_OK)
        return st;
    }
    return JV_OK;
  }
  int multi;
  jv_geo_shape *sh;
  jv_status st = jv_geo__begin(g, type, json_object_get(geom, "properties"), where, c, &sh, &multi);
  if (st != JV_OK || !sh)
    return st;
  json_t *arcs = json_object_get(geom, "arcs");
  if (!json_is_array(arcs))
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "%s: \"arcs\" must be an array", where);
  char w[300];
  if (!multi) {
    snprintf(w, sizeof(w), "%s.arcs", where);
    return jv_geo__read_polygon(sh, arcs, w, arc_ring, g, c);
  }
  for (size_t i = 0; i < json_array_size(arcs) && st == JV_OK; i++) {
    snprintf(w, sizeof(w), "%s.arcs[%zu]", where, i);
    st = jv_geo__read_polygon(sh, json_array_get(arcs, i), w, arc_ring, g, c);
  }
  return st;
}

/* "gemeente_2018" -> 2018; the CBS indeling is in the object's name. */
static int year_from_name(const char *key)
{
  const char *u = strrchr(key, '_');
  int y;
  if (u && sscanf(u + 1, "%4d", &y) == 1 && y > 1800 && y < 2200)
    return y;
  return 0;
}

jv_status jv_geo__from_topojson(jv_geo *g, json_t *root, jv_geo_ctx *c)
{
  xform t;
  jv_status st = read_transform(root, &t, c);
  if (st == JV_OK)
    st = c->qarcs ? decode_qarcs(g, c->qarcs, &t, c)
                  : decode_arcs(g, json_object_get(root, "arcs"), &t, c);
  if (st != JV_OK)
    return st;
  json_t *objects = json_object_get(root, "objects");
  if (!json_is_object(objects) || json_object_size(objects) == 0)
    return jv_error_set(c->err, JV_EDATA, c->file, 0, 0, "\"objects\" must be a non-empty object");
  /* a topology may hold several layers: take the municipalities */
  const char *key, *pick = NULL;
  json_t *val;
  json_object_foreach(objects, key, val)
  {
    if (!pick || (strncmp(key, "gemeente", 8) == 0 && strncmp(pick, "gemeente", 8) != 0))
      pick = key;
  }
  if (json_object_size(objects) > 1 && c->warn)
    jv_diags_add(c->warn, c->file, 0, 0, "several objects in the topology; using \"%s\"", pick);
  char w[300];
  snprintf(w, sizeof(w), "objects.%s", pick);
  st = add_geometry(g, json_object_get(objects, pick), w, c);
  if (st == JV_OK)
    g->year = year_from_name(pick);
  return st;
}
