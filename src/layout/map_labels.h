/* map_labels.h - placing municipality names on a laid-out map without
 * overlap. Owns the placement rules: at the shape's pole of inaccessibility,
 * then nudged, then shrunk, then beside the shape with a leader line. */
#ifndef JV_LAYOUT_MAP_LABELS_H
#define JV_LAYOUT_MAP_LABELS_H

#include "layout/map_layout.h"

/* Fills l->labels for every focus shape of in->data; l's frame, map, view,
 * scale and legend must be set. Labels avoid each other, the legend and the
 * map edge. JV_EINTERNAL on out of memory. */
jv_status jv_map_labels_place(jv_map_layout *l, const jv_map_layout_in *in, jv_error *err);

/* The label font size the placement starts from. */
#define JV_MAP_LABEL_SIZE 7.0

#endif
