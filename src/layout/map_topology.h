/* map_topology.h - the border network of a set of shapes, found from the coordinates
 * (not from TopoJSON arcs): each border once, with the shapes on either side. Pure.
 * Owns jv_map_topology: polylines of quantised ring segments, each with its two sides. */
#ifndef JV_LAYOUT_MAP_TOPOLOGY_H
#define JV_LAYOUT_MAP_TOPOLOGY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/geo.h"
#include "util/error.h"

/* A run of consecutive ring segments with the same shapes on both sides:
 * pts[first .. first + n - 1] of the topology. b is -1 when nothing lies on
 * the other side (a coast, or the edge of the data). */
typedef struct {
  size_t first, n; /* n >= 2 */
  long a, b;       /* shape indices; a >= 0, a < b unless b is -1 */
  jv_bbox bbox;
} jv_map_border;

typedef struct {
  jv_map_border *borders;
  size_t n_borders;
  jv_point *pts; /* the borders' points, in ring order of the first shape walked */
  size_t n_pts;
  size_t n_segments; /* distinct segments: every one in exactly one border */
} jv_map_topology;

/* Two ring segments are the same border when their end points are equal
 * after rounding to a grid of quantum metres (whatever arcs they came from),
 * in either direction. A segment two rings of one shape share (a cut) is no
 * border and left out; a segment of more than two shapes goes to the first
 * two. The caller frees out with jv_map_topology_free. JV_EINTERNAL on out of
 * memory, JV_EUSAGE for a quantum <= 0. */
jv_status jv_map_topology_build(jv_map_topology *out, const jv_geo *g, double quantum,
                                jv_error *err);
void jv_map_topology_free(jv_map_topology *t);

/* How a border is stroked on a map with these shapes in focus (focus NULL:
 * all): between two focus shapes it is an inner border, between a focus
 * shape and anything else (a neighbour, the sea) the outline, else faint. */
typedef enum { JV_MAP_BORDER_FAINT, JV_MAP_BORDER_INNER, JV_MAP_BORDER_OUTLINE } jv_map_border_kind;
jv_map_border_kind jv_map_topology_kind(const jv_map_border *b, const bool *focus);

/* The default grid: one metre, far below a printed line at 600 dpi. */
#define JV_MAP_TOPOLOGY_QUANTUM 1.0

#endif
