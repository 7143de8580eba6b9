/* map_index.h - a spatial index of a laid-out map for label placement: the
 * border segments, the shapes' boxes and the names placed so far, in points,
 * in one uniform grid. Owns jv_map_index; answers "does this box cross a
 * border", "which shape is here" and "which placed names are near". */
#ifndef JV_LAYOUT_MAP_INDEX_H
#define JV_LAYOUT_MAP_INDEX_H

#include <stddef.h>

#include "layout/map_layout.h"
#include "layout/map_topology.h"

/* Masks of border kinds (1 << jv_map_border_kind). */
#define JV_MAP_SEG_FAINT (1u << JV_MAP_BORDER_FAINT)
#define JV_MAP_SEG_FOCUS ((1u << JV_MAP_BORDER_INNER) | (1u << JV_MAP_BORDER_OUTLINE))
#define JV_MAP_SEG_ALL (JV_MAP_SEG_FAINT | JV_MAP_SEG_FOCUS)

typedef struct {
  double x1, y1, x2, y2; /* points */
  unsigned char kind;    /* jv_map_border_kind */
} jv_map_seg;

typedef struct {
  const jv_map_layout *l;
  const jv_map_layout_in *in;
  double x0, y0, cell; /* grid origin and cell size, points */
  size_t nx, ny;
  size_t *start; /* nx * ny + 1 offsets into items */
  size_t *items; /* segment numbers per cell */
  jv_map_seg *segs;
  size_t n_segs;
  jv_map_rect *shape_box; /* per shape, points; w < 0 when not visible */
  size_t *shape_start;    /* nx * ny + 1 offsets into shape_items */
  size_t *shape_items;    /* visible shapes per cell, in shape order */
  unsigned *seen;         /* per segment: the query that last tested it */
  unsigned query;
  /* placed names: per cell a list of nodes (label number, next node + 1) */
  size_t *label_head; /* nx * ny: first node + 1, 0 for none */
  size_t (*label_node)[2];
  size_t n_nodes, cap_nodes;
  unsigned *label_seen; /* per label: the query that last visited it */
  size_t cap_labels;
  unsigned label_query;
} jv_map_index;

/* Indexes the visible borders of t on the laid-out map l (frame, view and
 * scale set). JV_EINTERNAL on out of memory. Free with jv_map_index_free. */
jv_status jv_map_index_build(jv_map_index *ix, const jv_map_layout *l, const jv_map_layout_in *in,
                             const jv_map_topology *t, jv_error *err);
void jv_map_index_free(jv_map_index *ix);

/* 1 when a border segment of a kind in mask touches the box r (crosses its
 * edge or lies inside it). */
int jv_map_index_crosses(jv_map_index *ix, jv_map_rect r, unsigned mask);

/* How many border segments of a kind in mask the segment (x1,y1)-(x2,y2)
 * crosses. */
size_t jv_map_index_crossings(jv_map_index *ix, double x1, double y1, double x2, double y2,
                              unsigned mask);

/* The shape painted at point (x, y) of the map, or -1 (paper): the first in
 * shape order whose box holds the point and whose polygons contain it. */
long jv_map_index_shape_at(const jv_map_index *ix, double x, double y);

/* Remembers placed name number label (< cap, the most names there will be)
 * near the box r grown by pad on each side; JV_EINTERNAL on out of memory. */
jv_status jv_map_index_add_label(jv_map_index *ix, size_t label, size_t cap, jv_map_rect r,
                                 double pad, jv_error *err);

/* Calls hit(arg, label) once for every remembered name whose grown box
 * meets the box r (and perhaps a few more), until hit returns nonzero;
 * returns 1 then, else 0. */
int jv_map_index_any_label(jv_map_index *ix, jv_map_rect r, int (*hit)(void *arg, size_t label),
                           void *arg);

/* 1 when segments a-b and c-d cross (touching ends do not count). */
int jv_map_index_segments_cross(double ax, double ay, double bx, double by, double cx, double cy,
                                double dx, double dy);

/* 1 when segment a-b touches the box r. */
int jv_map_segment_touches(double ax, double ay, double bx, double by, jv_map_rect r);

#endif
