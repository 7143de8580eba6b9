/* geo_parse.h - private to src/input: the TopoJSON and GeoJSON decoders
 * behind geo_read.c and the shape-building helpers they share. */
#ifndef JV_INPUT_GEO_PARSE_H
#define JV_INPUT_GEO_PARSE_H

#include <jansson.h>

#include "model/geo.h"
#include "util/error.h"

/* The arcs of a quantized TopoJSON file as its integers (geo_arcs.c): arc
 * i is positions first[i] .. first[i + 1] - 1, position k at xy[2k], xy[2k + 1]. */
typedef struct {
  long long *xy;
  size_t *first; /* n_arcs + 1 */
  size_t n_arcs, n_pts;
} jv_geo_qarcs;

/* 1 with the byte range [*start, *end) of the value of the top-level
 * "arcs" member of the JSON text b (an array, the member there once, the
 * top-level keys without escapes); 0 otherwise (then leave it to jansson). */
int jv_geo__find_arcs(const char *b, size_t n, size_t *start, size_t *end);
/* Reads b[0, n) (the value found above) when it is an array of arcs of two
 * or more [integer, integer] positions: 0 and q filled (free with
 * jv_geo__qarcs_free); -1 for anything else, q then empty. */
int jv_geo__parse_arcs(const char *b, size_t n, jv_geo_qarcs *q);
void jv_geo__qarcs_free(jv_geo_qarcs *q);

typedef struct {
  const char *file; /* for messages */
  jv_diags *warn;   /* may be NULL */
  jv_error *err;
  size_t points_left; /* ring points the file may still produce (JV_GEO_POINTS_PER_BYTE) */
  size_t file_bytes;
  const jv_geo_qarcs *qarcs; /* the arcs already read, or NULL: from the JSON */
} jv_geo_ctx;

/* The ring points a file of len bytes may hold (see JV_GEO_POINTS_PER_BYTE). */
size_t jv_geo__point_cap(size_t len);

/* The ring points (after expanding TopoJSON arc references) the file may
 * hold, and whether one more ring of n points fits; an error naming the
 * ring `where` of shape sh otherwise. */
jv_status jv_geo__take_points(size_t n, const jv_geo_shape *sh, const char *where, jv_geo_ctx *c);

/* Every point of r is finite and inside RD New; degrees (WGS84) get a hint.
 * where and sh name the ring in the message. */
jv_status jv_geo__check_ring(const jv_ring *r, const jv_geo_shape *sh, const char *where,
                             jv_geo_ctx *c);

/* Both fill an initialised, empty g from a parsed document. */
jv_status jv_geo__from_topojson(jv_geo *g, json_t *root, jv_geo_ctx *c);
jv_status jv_geo__from_geojson(jv_geo *g, json_t *root, jv_geo_ctx *c);

/* Reads the code and name of a feature from its properties: statcode/statnaam
 * (CBS), else code/name. An integer code 505 becomes "GM0505". *name points
 * into props (or is ""). where names the feature in messages. */
jv_status jv_geo__props(json_t *props, char code[8], const char **name, const char *where,
                        jv_geo_ctx *c);

/* The shape with this code (features with the same code are merged, as
 * GeoJSON often splits a municipality), else a new one. */
jv_status jv_geo__shape_for(jv_geo *g, const char *code, const char *name, jv_geo_shape **out,
                            jv_geo_ctx *c);

/* The start of one feature in either format: a Polygon or MultiPolygon
 * geometry of type `type` with `props` gets its shape in *out (*multi set);
 * any other type is skipped with a warning and *out stays NULL. */
jv_status jv_geo__begin(jv_geo *g, const char *type, json_t *props, const char *where,
                        jv_geo_ctx *c, jv_geo_shape **out, int *multi);

/* Appends a polygon that takes ownership of rings[0..n). */
jv_status jv_geo__add_polygon(jv_geo_shape *sh, jv_ring *rings, size_t n, jv_geo_ctx *c);

void jv_geo__ring_free(jv_ring *r);
/* Reads one ring of shape sh from the JSON value ring into *r (where names
 * it, arg is the reader's own): JV_OK with *r filled, else an error with *r
 * freed or empty. */
typedef jv_status (*jv_geo_ring_fn)(const void *arg, const jv_geo_shape *sh, json_t *ring,
                                    jv_ring *r, const char *where, jv_geo_ctx *c);

/* Reads the polygon `rings` of sh (an array of rings, the outer one first)
 * with read_ring and appends it: a ring with fewer than 3 corners is dropped
 * with a warning, and when it is the outer ring the whole polygon is. */
jv_status jv_geo__read_polygon(jv_geo_shape *sh, json_t *rings, const char *where,
                               jv_geo_ring_fn read_ring, const void *arg, jv_geo_ctx *c);

/* "out of memory" as an error. */
jv_status jv_geo__oom(jv_geo_ctx *c);

#endif
