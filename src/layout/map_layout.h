/* map_layout.h - where everything of a choropleth map goes, in points: the
 * map frame and the metres it shows, title and source lines, the legend box
 * and its rows, the scale bar and the municipality name labels (placed
 * without overlap: inside the shape, nudged, shrunk, or with a leader line).
 * Owns jv_map_layout. Sizes only: layout/map_scene.c turns it into the scene
 * render paints. */
#ifndef JV_LAYOUT_MAP_LAYOUT_H
#define JV_LAYOUT_MAP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/measure.h"
#include "layout/map_topology.h"
#include "model/geo.h"
#include "stats/map_data.h"

typedef struct {
  double x, y, w, h;
} jv_map_rect;

typedef struct {
  const jv_geo *geo;
  const jv_map_data *data;
  const jv_map_topology *topology; /* borders of geo; NULL: found when needed */
  const jv_measure *measure;
  bool regional;        /* zoom to the focus shapes and draw the others faint */
  bool labels;          /* name the focus shapes */
  const char *title;    /* may be NULL (the report captions its figures) */
  const char *subtitle; /* may be NULL */
  const char *source;   /* may be NULL */
  /* CIE L* of each class's fill and of faint neighbours: labels pick dark
   * or white text from what lies under them */
  double class_lightness[JV_BUCKETS_MAX_CLASSES];
  double faint_lightness;
} jv_map_layout_in;

typedef struct {
  char *text;  /* owned */
  double x, y; /* baseline start */
  double size;
  jv_font_style style;
  int grey; /* 1 for the source line */
} jv_map_text;

typedef struct {
  int cls;        /* legend class */
  char label[64]; /* "1 tot 2", "non-respons" */
  char count[24]; /* municipalities in the class, "12" */
  jv_map_rect swatch;
  double label_x, count_x, baseline; /* count is right-aligned at count_x */
} jv_map_legend_row;

typedef struct {
  size_t shape;
  double size;     /* font size */
  double x, y;     /* baseline, text centred on x */
  double w;        /* text width */
  jv_map_rect box; /* the text's extent, for collision checks */
  bool inside;     /* the text lies inside its own shape */
  bool leader;     /* draw a line from the anchor to the box */
  bool light_text; /* white text: everything under it is dark */
  double ax, ay;   /* anchor: the shape's label point */
  bool mark;       /* small numbers: a dot after the name, at (mx, my) */
  double mx, my;
} jv_map_label;

/* A small-numbers dot where no label carries it (a map without names). */
typedef struct {
  size_t shape;
  double x, y;
} jv_map_mark;

typedef struct {
  jv_map_rect frame; /* the whole figure */
  jv_map_rect map;   /* the map area (clip) */
  jv_bbox view;      /* metres shown in map */
  double scale;      /* points per metre */
  jv_map_text *texts;
  size_t n_texts;
  jv_map_rect legend; /* box, with its padding */
  double legend_title_y, legend_text_size;
  jv_map_legend_row rows[JV_BUCKETS_MAX_CLASSES];
  size_t n_rows;
  double scalebar_x, scalebar_y, scalebar_len; /* bar length in points */
  long long scalebar_km;
  jv_map_label *labels;
  size_t n_labels;
  jv_map_mark *marks;
  size_t n_marks;
  bool small_row;          /* the legend explains the small-numbers mark */
  jv_map_legend_row small; /* its row (cls -1) */
} jv_map_layout;

/* The legend row of the small-numbers mark. */
#define JV_MAP_SMALL_LABEL "kleine aantallen: klasse onzeker"

/* Lays the map out in the frame (x, y, w, h). out is filled and owned by the
 * caller (jv_map_layout_free). JV_EINTERNAL on out of memory, JV_EUSAGE when
 * the frame is too small for legend and map. */
jv_status jv_map_layout_compute(jv_map_layout *out, const jv_map_layout_in *in, double x, double y,
                                double w, double h, jv_error *err);
void jv_map_layout_free(jv_map_layout *l);

/* A height for a figure of width w that wastes little space around a map of
 * these shapes: what a standalone map file uses. */
double jv_map_layout_natural_height(const jv_map_layout_in *in, double w);

/* Where a shape's label point (pole of inaccessibility of its largest
 * polygon) lies, in points of the laid-out map. */
void jv_map_layout_anchor(const jv_map_layout *l, const jv_geo *geo, size_t shape, double *x,
                          double *y);

/* Map coordinates: RD metres to points and back. */
static inline double jv_map_px(const jv_map_layout *l, double x)
{
  return l->map.x + (x - l->view.minx) * l->scale;
}
static inline double jv_map_py(const jv_map_layout *l, double y)
{
  return l->map.y + (l->view.maxy - y) * l->scale;
}

#endif
