/* geo_read.h - reading municipality boundaries: TopoJSON (the bundled CBS
 * files in assets/geo, arcs kept for shared borders) and GeoJSON (--geometry).
 * Owns the choice of boundary year for a school year. Parsing uses jansson. */
#ifndef JV_INPUT_GEO_READ_H
#define JV_INPUT_GEO_READ_H

#include <stddef.h>

#include "model/geo.h"
#include "model/model.h"
#include "util/error.h"

/* Boundary files larger than this are refused before they are read. */
#define JV_GEO_MAX_BYTES (32u * 1024u * 1024u)
/* A file of n bytes may expand to at most n / 2 + 10.000 ring points: every
 * position takes more than 2 bytes and a TopoJSON arc borders at most two
 * rings, so only a file that repeats arcs over and over goes past it. */
#define JV_GEO_POINTS_PER_BYTE 0.5
#define JV_GEO_POINTS_EXTRA 10000u
/* and never more than this (the bundled CBS files hold about 4.500), which
 * keeps drawing, label placement and point-in-polygon tests to seconds */
#define JV_GEO_MAX_POINTS 1000000u
/* RD New (EPSG:28992) over the Netherlands, metres: every point must lie in
 * this box. */
#define JV_GEO_RD_MIN_X (-7000.0)
#define JV_GEO_RD_MAX_X 300000.0
#define JV_GEO_RD_MIN_Y 289000.0
#define JV_GEO_RD_MAX_Y 629000.0

/* Reads a TopoJSON Topology or a GeoJSON FeatureCollection/Feature from
 * memory; the top-level "type" decides. name is used in messages. out must
 * be initialised (jv_geo_init); on failure it is left empty. Problems that
 * do not stop reading (degenerate rings, features without a code) go to
 * warn (may be NULL). JV_EDATA for malformed input. */
jv_status jv_geo_read_buffer(jv_geo *out, const char *buf, size_t len, const char *name,
                             jv_diags *warn, jv_error *err);

/* The same from a file; JV_ENOINPUT when it cannot be opened or is not a
 * regular file (a directory, FIFO or device), JV_EDATA when it is larger
 * than JV_GEO_MAX_BYTES. */
jv_status jv_geo_read_file(jv_geo *out, const char *path, jv_diags *warn, jv_error *err);

/* The bundled boundary years (assets/geo/gemeente_YYYY.topojson under the
 * program's home), ascending, into years[0..max); *n is how many exist. */
jv_status jv_geo_bundled_years(int *years, size_t max, size_t *n, jv_error *err);

/* The boundary year for a school year: the latest of years[0..n) that is not
 * after the year the school year ends in (2014-2015 -> 2015, 2018-2019 ->
 * 2018 when 2019 is not available). -1 when every year is later. */
int jv_geo_pick_year(jv_schoolyear sy, const int *years, size_t n);

/* Reads assets/geo/gemeente_<year>.topojson. JV_ENOINPUT if not bundled. */
jv_status jv_geo_read_bundled(jv_geo *out, int year, jv_diags *warn, jv_error *err);

#endif
