/* draw_hpdf.h - the libharu backend of jv_draw: vectors and real text drawn
 * straight into a page of the report. Owns only its small state; the page,
 * document and fonts belong to the caller. */
#ifndef JV_RENDER_DRAW_HPDF_H
#define JV_RENDER_DRAW_HPDF_H

#include <hpdf.h>

#include "render/draw.h"

typedef struct {
  jv_draw draw; /* hand &h->draw to chart and map code */
  HPDF_Page page;
  HPDF_Font font[JV_FONT_STYLE_COUNT]; /* loaded from jv_fonts_path files */
  /* optional: loads a style on first use when font[style] is NULL (embedding
   * a TrueType font is costly in libharu, so unused styles are skipped) */
  HPDF_Font (*load_font)(void *ctx, jv_font_style style);
  void *load_ctx;
  double origin_x;   /* page x (points from left) of drawing x = 0 */
  double origin_top; /* page y (points from bottom) of drawing y = 0 */
  int path_open;
} jv_draw_hpdf;

/* Prepares h to draw on page with the drawing's (0,0) at page point
 * (origin_x, origin_top) (PDF coordinates, y up). */
void jv_draw_hpdf_init(jv_draw_hpdf *h, HPDF_Page page, HPDF_Font font[JV_FONT_STYLE_COUNT],
                       const jv_fonts *fonts, double origin_x, double origin_top);

#endif
