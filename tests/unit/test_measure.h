/* test_measure.h - text widths for the unit tests: a fixed-width fake (so
 * geometry is predictable) and the real fonts. Shared by every test that
 * lays text out; include after the jaarverslag headers it needs. */
#ifndef JV_TEST_MEASURE_H
#define JV_TEST_MEASURE_H

#include <string.h>

#include "layout/measure.h"
#include "render/fonts.h"
#include "util/utf8.h"

/* Ems per character of the fake: regular and bold (italic counts as
 * regular), per byte or per code point. */
typedef struct {
  double regular, bold;
  int per_byte;
} test_widths;

/* ctx is a const test_widths *. */
static inline double test_fake_width(void *ctx, jv_font_style st, double size, const char *s)
{
  const test_widths *w = ctx;
  double per = (st == JV_FONT_BOLD || st == JV_FONT_BOLD_ITALIC) ? w->bold : w->regular;
  double n = w->per_byte ? (double)strlen(s) : (double)jv_utf8_length(s);
  return per * size * n;
}

/* ctx is a const jv_fonts *. */
static inline double test_font_width(void *ctx, jv_font_style st, double size, const char *s)
{
  return jv_fonts_text_width(ctx, st, size, s);
}

#endif
