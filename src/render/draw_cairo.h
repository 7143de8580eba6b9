/* draw_cairo.h - the cairo backend of jv_draw: standalone PNG, SVG and PDF.
 * Owns a cairo surface and context; output is written atomically (temporary
 * file in the target directory, renamed on jv_draw_cairo_finish). */
#ifndef JV_RENDER_DRAW_CAIRO_H
#define JV_RENDER_DRAW_CAIRO_H

#include "render/draw.h"

typedef enum { JV_SURFACE_PNG, JV_SURFACE_SVG, JV_SURFACE_PDF } jv_surface_kind;

typedef struct jv_draw_cairo jv_draw_cairo;

/* Picks the kind from a file name's extension (.png/.svg/.pdf); -1 if none. */
int jv_surface_kind_from_path(const char *path, jv_surface_kind *out);

/* Opens a drawing of width x height points for path. dpi applies to PNG
 * (72 = one pixel per point). The caller frees *out with jv_draw_cairo_free. */
jv_status jv_draw_cairo_open(jv_draw_cairo **out, jv_surface_kind kind, const char *path,
                             double width, double height, double dpi, const jv_fonts *fonts,
                             jv_error *err);
/* The drawing handle (owned by c). */
jv_draw *jv_draw_cairo_draw(jv_draw_cairo *c);
/* PNG only: rasterise rows pixel rows at a time (default: what fits in
 * 2 MiB); for tests, the pixels do not depend on it. */
void jv_draw_cairo_set_band_rows(jv_draw_cairo *c, int rows);
/* Title and text alternative of the drawing: SVG <title>/<desc>, PDF Title. Copied. */
void jv_draw_cairo_set_text(jv_draw_cairo *c, const char *title, const char *desc);
/* Finishes the surface and renames the temporary file over path. */
jv_status jv_draw_cairo_finish(jv_draw_cairo *c, jv_error *err);
/* Frees c; removes the temporary file if finish did not succeed. */
void jv_draw_cairo_free(jv_draw_cairo *c);

#endif
