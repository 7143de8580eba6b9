/* geo.c - the municipality shape container. */
#include "model/geo.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

void jv_geo_init(jv_geo *g)
{
  memset(g, 0, sizeof(*g));
  g->bbox = jv_bbox_empty();
}

void jv_geo_free(jv_geo *g)
{
  for (size_t s = 0; s < g->n_shapes; s++) {
    jv_geo_shape *sh = &g->shapes[s];
    for (size_t p = 0; p < sh->n_polys; p++) {
      for (size_t r = 0; r < sh->polys[p].n_rings; r++) {
        free(sh->polys[p].rings[r].pts);
        free(sh->polys[p].rings[r].arcs);
      }
      free(sh->polys[p].rings);
    }
    free(sh->polys);
    free(sh->name);
  }
  free(g->shapes);
  for (size_t a = 0; a < g->n_arcs; a++)
    free(g->arcs[a].pts);
  free(g->arcs);
  jv_geo_init(g);
}

jv_bbox jv_bbox_empty(void)
{
  jv_bbox b = {DBL_MAX, DBL_MAX, -DBL_MAX, -DBL_MAX};
  return b;
}

void jv_bbox_add(jv_bbox *b, jv_point p)
{
  if (p.x < b->minx)
    b->minx = p.x;
  if (p.x > b->maxx)
    b->maxx = p.x;
  if (p.y < b->miny)
    b->miny = p.y;
  if (p.y > b->maxy)
    b->maxy = p.y;
}

void jv_bbox_union(jv_bbox *b, const jv_bbox *o)
{
  if (o->minx > o->maxx)
    return;
  jv_point lo = {o->minx, o->miny}, hi = {o->maxx, o->maxy};
  jv_bbox_add(b, lo);
  jv_bbox_add(b, hi);
}

int jv_bbox_intersects(const jv_bbox *a, const jv_bbox *b)
{
  return a->minx <= b->maxx && b->minx <= a->maxx && a->miny <= b->maxy && b->miny <= a->maxy;
}

void jv_geo_update_bboxes(jv_geo *g)
{
  g->bbox = jv_bbox_empty();
  for (size_t s = 0; s < g->n_shapes; s++) {
    jv_geo_shape *sh = &g->shapes[s];
    sh->bbox = jv_bbox_empty();
    for (size_t p = 0; p < sh->n_polys; p++) {
      /* holes lie inside the outer ring, so the outer ring decides the bbox */
      if (sh->polys[p].n_rings == 0)
        continue;
      const jv_ring *r = &sh->polys[p].rings[0];
      for (size_t i = 0; i < r->n; i++)
        jv_bbox_add(&sh->bbox, r->pts[i]);
    }
    jv_bbox_union(&g->bbox, &sh->bbox);
  }
}

long jv_geo_find_code(const jv_geo *g, const char *code)
{
  if (!code || !*code)
    return -1;
  for (size_t s = 0; s < g->n_shapes; s++)
    if (strcmp(g->shapes[s].code, code) == 0)
      return (long)s;
  return -1;
}
