/* map_style.h - the look of a choropleth: one sequential palette (light to
 * dark, evenly spaced in lightness so it reads in greyscale), hatched grey
 * for non-respons, white for geen gegevens, line colours and widths. */
#ifndef JV_LAYOUT_MAP_STYLE_H
#define JV_LAYOUT_MAP_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include "stats/buckets.h"
#include "util/color.h"

/* Fill colour of a legend class: rate classes take jv_map_ramp, non-respons
 * light grey (hatched), geen gegevens white. */
jv_rgb jv_map_class_fill(const jv_buckets *b, int cls);

/* Colour i of a sequential ramp of n colours (8-bit sRGB values), from pale
 * yellow (CIE L* 96) to dark wine (L* 20), lightness in equal steps and the
 * hue turning from yellow to red: for n <= 7 neighbours differ by at least
 * ΔE*ab 15, and the order holds in greyscale and under deuteranopia. */
jv_rgb jv_map_ramp(size_t n, size_t i);

/* Whether the class is drawn hatched over its fill (non-respons). */
bool jv_map_class_hatched(const jv_buckets *b, int cls);

/* CIE L* (0..100) of an sRGB colour. */
double jv_map_lightness(jv_rgb c);

#define JV_MAP_HATCH_RGB 0x6e6e6e
#define JV_MAP_NONRESPONSE_RGB 0xdcdcdc
#define JV_MAP_NODATA_RGB 0xffffff
#define JV_MAP_FAINT_FILL_RGB 0xf1f1f1
#define JV_MAP_FAINT_LINE_RGB 0xc4c4c4
#define JV_MAP_BORDER_RGB 0x7a7a7a
#define JV_MAP_OUTLINE_RGB 0x2b2b2b
#define JV_MAP_TEXT_RGB 0x1a1a1a
#define JV_MAP_SOURCE_RGB 0x595959

#endif
