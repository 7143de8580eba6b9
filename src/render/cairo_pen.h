/* cairo_pen.h - the jv_draw operations on one cairo context. A pen is what
 * one thread draws with (its context, whether a path is open, the first
 * misuse); the font faces it draws text with are shared between pens, and
 * text is drawn one pen at a time. */
#ifndef JV_RENDER_CAIRO_PEN_H
#define JV_RENDER_CAIRO_PEN_H

#include <cairo.h>
#include <pthread.h>

#include "render/draw.h"

/* cairo font faces over the fonts' FreeType faces, shared by pens. */
typedef struct {
  cairo_font_face_t *face[JV_FONT_STYLE_COUNT];
  cairo_font_options_t *options;
  const jv_fonts *fonts; /* not owned */
  /* FreeType faces are not safe to use from two threads at once, and both
   * cairo and jv_fonts_text_width use them: one pen's text at a time */
  pthread_mutex_t text;
  int text_init;
} jv_cairo_fonts;

/* Faces for fonts (which must outlive f); free with jv_cairo_fonts_free,
 * also after a failure. */
jv_status jv_cairo_fonts_init(jv_cairo_fonts *f, const jv_fonts *fonts, jv_error *err);
void jv_cairo_fonts_free(jv_cairo_fonts *f);

typedef struct {
  jv_draw draw; /* ops on this pen */
  cairo_t *cr;  /* not owned */
  jv_cairo_fonts *fonts;
  /* A state change or text while a path is being built works in cairo but
   * not in PDF (libharu refuses it), so it is a bug in the caller that the
   * backend reports at finish: tests through PNG catch it for the report. */
  int path_open;
  const char *misuse; /* the first one, NULL if none */
} jv_cairo_pen;

/* A pen drawing on cr (may be NULL until jv_cairo_pen_start) with f. */
void jv_cairo_pen_init(jv_cairo_pen *p, cairo_t *cr, jv_cairo_fonts *f);

/* Draws on cr from now on, no path open. */
void jv_cairo_pen_start(jv_cairo_pen *p, cairo_t *cr);

#endif
