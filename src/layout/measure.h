/* measure.h - how layout asks for text widths without knowing fonts.
 * Owns the jv_measure callback type; render/fonts provides the real one,
 * tests provide fixed-width fakes. */
#ifndef JV_LAYOUT_MEASURE_H
#define JV_LAYOUT_MEASURE_H

#include "layout/font_style.h"

typedef struct {
  /* width in points of UTF-8 text at size */
  double (*width)(void *ctx, jv_font_style style, double size, const char *utf8);
  void *ctx;
} jv_measure;

static inline double jv_measure_width(const jv_measure *m, jv_font_style st, double size,
                                      const char *s)
{
  return m->width(m->ctx, st, size, s);
}

#endif
