/* map.h - painting a choropleth municipality map through jv_draw: class
 * fills, hatching, shared borders stroked once (stats/topology), labels,
 * legend with counts, scale bar, title and source. Same drawing for the
 * standalone PNG/SVG/PDF and for the report (libharu backend). */
#ifndef JV_RENDER_MAP_H
#define JV_RENDER_MAP_H

#include <stdbool.h>

#include "model/geo.h"
#include "render/draw.h"
#include "layout/map_layout.h"
#include "layout/map_topology.h"

typedef struct {
  const jv_geo *geo;
  const jv_map_data *data;         /* built for geo */
  const jv_map_topology *topology; /* the borders of geo */
  bool regional;                   /* zoom to the focus shapes, others faint */
  bool labels;                     /* name the focus shapes */
  const char *title;               /* each may be NULL */
  const char *subtitle;
  const char *source;
  /* When set, called once per focus shape with its label point (the pole of
   * inaccessibility of its largest polygon) in points of d: lets tests and
   * debugging check the colour painted there. */
  void (*on_anchor)(void *ctx, size_t shape, double x, double y);
  void *anchor_ctx;
} jv_map_spec;

/* Paints the map into the rectangle (x, y, w, h), in points of d. JV_EUSAGE
 * when the rectangle is too small for map and legend, JV_EINTERNAL on out of
 * memory. Nothing is owned or kept. */
jv_status jv_map_draw(jv_draw *d, const jv_map_spec *spec, double x, double y, double w, double h,
                      jv_error *err);

/* The height that suits a map of width w (standalone files). */
double jv_map_natural_height(const jv_map_spec *spec, const jv_fonts *fonts, double w);

#endif
