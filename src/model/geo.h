/* geo.h - municipality shapes in RD New metres (x east, y north).
 * Owns jv_geo: shapes (code, name, polygons of closed rings, bbox) and, when
 * read from TopoJSON, the shared arcs each ring is made of. No I/O. */
#ifndef JV_MODEL_GEO_H
#define JV_MODEL_GEO_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  double x, y;
} jv_point;

typedef struct {
  double minx, miny, maxx, maxy; /* empty when minx > maxx */
} jv_bbox;

/* A closed ring: pts[0] equals pts[n - 1]. When the geometry came from
 * TopoJSON, arcs lists the arcs it was built from (i, or ~i = -i - 1 for
 * arc i reversed), so a renderer can stroke each shared border once. */
typedef struct {
  jv_point *pts;
  size_t n;
  int32_t *arcs; /* NULL without topology */
  size_t n_arcs;
} jv_ring;

/* rings[0] is the outer ring, the rest are holes. */
typedef struct {
  jv_ring *rings;
  size_t n_rings;
} jv_polygon;

typedef struct {
  char code[8]; /* CBS code "GM0505", or "" when the source had none */
  char *name;   /* UTF-8 */
  jv_polygon *polys;
  size_t n_polys;
  jv_bbox bbox;
} jv_geo_shape;

/* A decoded TopoJSON arc: a polyline in RD metres. */
typedef struct {
  jv_point *pts;
  size_t n;
} jv_arc;

typedef struct {
  jv_geo_shape *shapes;
  size_t n_shapes;
  jv_arc *arcs; /* NULL (n_arcs 0) for GeoJSON */
  size_t n_arcs;
  jv_bbox bbox;     /* of all shapes */
  int year;         /* boundary year (CBS indeling) when known, else 0 */
  char source[512]; /* file it was read from, for messages */
} jv_geo;

/* Empties g; jv_geo_free releases everything g owns (g itself is not freed). */
void jv_geo_init(jv_geo *g);
void jv_geo_free(jv_geo *g);

jv_bbox jv_bbox_empty(void);
void jv_bbox_add(jv_bbox *b, jv_point p);
void jv_bbox_union(jv_bbox *b, const jv_bbox *o);
int jv_bbox_intersects(const jv_bbox *a, const jv_bbox *b);

/* Recomputes every shape's bbox and g->bbox from the ring points. */
void jv_geo_update_bboxes(jv_geo *g);

/* Index of the shape with this CBS code, or -1. */
long jv_geo_find_code(const jv_geo *g, const char *code);

/* Arc index of a ring arc reference (handles ~i) and whether it is reversed. */
static inline size_t jv_arc_index(int32_t ref)
{
  return ref < 0 ? (size_t)~ref : (size_t)ref;
}
static inline int jv_arc_reversed(int32_t ref)
{
  return ref < 0;
}

#endif
