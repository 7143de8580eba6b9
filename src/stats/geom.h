/* geom.h - plane geometry on municipality shapes (RD metres): areas,
 * point-in-shape, distance to the boundary, a shape's label point. Pure. */
#ifndef JV_STATS_GEOM_H
#define JV_STATS_GEOM_H

#include "model/geo.h"

/* Area of a polygon (outer ring minus holes), always >= 0. */
double jv_geom_polygon_area(const jv_polygon *p);

/* 1 when pt lies inside the polygon (even-odd over all its rings). */
int jv_geom_in_polygon(const jv_polygon *p, jv_point pt);
/* 1 when pt lies inside any polygon of the shape. */
int jv_geom_in_shape(const jv_geo_shape *s, jv_point pt);

/* Distance from pt to the nearest ring edge of the polygon, positive inside,
 * negative outside. */
double jv_geom_signed_distance(const jv_polygon *p, jv_point pt);

/* Index of the shape's polygon with the largest area (0 for a single one);
 * -1 when the shape has no polygons. */
long jv_geom_largest_polygon(const jv_geo_shape *s);

/* The pole of inaccessibility of the shape's largest polygon: the interior
 * point farthest from its boundary (holes included), found to within
 * precision metres (polylabel algorithm). A good place for a name, unlike the
 * centroid, which may lie outside a crescent-shaped municipality. Returns
 * the point and, in *dist (may be NULL), its distance to the boundary. A
 * shape without polygons gives the centre of its bbox and *dist 0. */
jv_point jv_geom_label_point(const jv_geo_shape *s, double precision, double *dist);

#endif
