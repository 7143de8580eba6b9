/* map_scene.h - a laid-out choropleth (layout/map_layout.h) turned into the
 * scene render paints: class fills, hatching, shared borders stroked once
 * (TopoJSON arcs), labels with leader lines, legend with counts, scale bar,
 * title and source. Owns nothing beyond what it adds to the scene. */
#ifndef JV_LAYOUT_MAP_SCENE_H
#define JV_LAYOUT_MAP_SCENE_H

#include "layout/map_layout.h"
#include "layout/scene.h"

/* Fills in with geo, data and measure and the palette's lightness of every
 * class (layout/map_style.h), everything else off: set regional, labels,
 * title, subtitle and source after. */
void jv_map_scene_in(jv_map_layout_in *in, const jv_geo *geo, const jv_map_data *data,
                     const jv_measure *m);

/* Adds the map l, laid out from in by jv_map_layout_compute, to s.
 * JV_EINTERNAL when out of memory. */
jv_status jv_map_scene(jv_scene *s, const jv_map_layout *l, const jv_map_layout_in *in,
                       jv_error *err);

#endif
