/* map_labels.h - placing municipality names on a laid-out map without
 * overlap. Owns the placement rules: inside the shape at a readable size and
 * crossing no border, else outside the focus area with a leader line. */
#ifndef JV_LAYOUT_MAP_LABELS_H
#define JV_LAYOUT_MAP_LABELS_H

#include <math.h>

#include "layout/map_layout.h"

/* Fills l->labels for every focus shape of in->data, with the borders of t;
 * l's frame, map, view, scale and legend must be set. Labels avoid each
 * other, the legend and the map edge. JV_EINTERNAL on out of memory. */
jv_status jv_map_labels_place(jv_map_layout *l, const jv_map_layout_in *in,
                              const jv_map_topology *t, jv_error *err);

/* The leader of a name boxed r with anchor a: from a to the nearest point
 * of r. Placement checks the leader by it, and map_scene.c draws it so. */
static inline void jv_map_leader_end(jv_map_rect r, jv_point a, double *x, double *y)
{
  *x = fmin(fmax(a.x, r.x), r.x + r.w);
  *y = fmin(fmax(a.y, r.y), r.y + r.h);
}

/* The label font size the placement starts from, and the smallest a name
 * inside its shape may get (a smaller shape takes its name outside). */
#define JV_MAP_LABEL_SIZE 7.0
#define JV_MAP_LABEL_MIN 6.0
/* Radius of the small-numbers dot, points. */
#define JV_MAP_MARK_R 1.5

#endif
