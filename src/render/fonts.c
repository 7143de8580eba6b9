/* fonts.c - FreeType faces for measuring text. */
#include "render/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

struct jv_fonts {
  FT_Library lib;
  FT_Face face[JV_FONT_STYLE_COUNT];
  char path[JV_FONT_STYLE_COUNT][1024];
  /* advance widths of the BMP in font units, filled lazily per style in
   * blocks of 256 code points (a report uses a few blocks, not 128 KiB) */
  uint16_t *adv[JV_FONT_STYLE_COUNT][256];
};

static const char *const files[JV_FONT_STYLE_COUNT] = {
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf"};

jv_status jv_fonts_new(jv_fonts **out, const char *dir, jv_error *err)
{
  jv_fonts *f = calloc(1, sizeof(*f));
  if (!f)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (FT_Init_FreeType(&f->lib)) {
    free(f);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot initialise FreeType");
  }
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    snprintf(f->path[i], sizeof(f->path[i]), "%s/%s", dir, files[i]);
    if (FT_New_Face(f->lib, f->path[i], 0, &f->face[i])) {
      jv_error_set(err, JV_ENOINPUT, f->path[i], 0, 0,
                   "cannot load font (expected a TrueType file)");
      jv_fonts_free(f);
      return JV_ENOINPUT;
    }
  }
  *out = f;
  return JV_OK;
}

void jv_fonts_free(jv_fonts *f)
{
  if (!f)
    return;
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    if (f->face[i])
      FT_Done_Face(f->face[i]);
    for (int b = 0; b < 256; b++)
      free(f->adv[i][b]);
  }
  FT_Done_FreeType(f->lib);
  free(f);
}

const char *jv_fonts_path(const jv_fonts *f, jv_font_style style)
{
  return f->path[style];
}
void *jv_fonts_ft_face(const jv_fonts *f, jv_font_style style)
{
  return f->face[style];
}

static unsigned advance(const jv_fonts *cf, jv_font_style style, uint32_t cp)
{
  jv_fonts *f = (jv_fonts *)cf; /* the cache is not observable state */
  if (cp > 0xFFFF)
    cp = 0xFFFD;
  uint16_t **blk = &f->adv[style][cp >> 8];
  if (!*blk) {
    *blk = malloc(256 * sizeof(uint16_t));
    if (!*blk)
      return 0;
    memset(*blk, 0xFF, 256 * sizeof(uint16_t));
  }
  uint16_t *a = *blk;
  if (a[cp & 0xFF] == 0xFFFF) {
    FT_Face face = f->face[style];
    FT_UInt gi = FT_Get_Char_Index(face, cp);
    FT_Fixed v = 0;
    if (FT_Load_Glyph(face, gi, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0)
      v = face->glyph->metrics.horiAdvance;
    a[cp & 0xFF] = (uint16_t)(v > 0xFFFE ? 0xFFFE : v);
  }
  return a[cp & 0xFF];
}

double jv_fonts_text_width(const jv_fonts *f, jv_font_style style, double size, const char *utf8)
{
  double units = 0;
  const char *p = utf8;
  const uint16_t *a = f->adv[style][0]; /* code points below 256 */
  while (*p) {
    uint32_t cp = (unsigned char)*p;
    if (cp < 0x80 && a && a[cp] != 0xFFFF) { /* a known ASCII letter: no decoding, no call */
      units += a[cp];
      p++;
      continue;
    }
    if (jv_utf8_next(&p, &cp) != 0)
      break;
    units += advance(f, style, cp);
    a = f->adv[style][0];
  }
  /* libharu rounds widths to 1/1000 em; stay in font units here */
  return units * size / f->face[style]->units_per_EM;
}

double jv_fonts_ascent(const jv_fonts *f, jv_font_style style, double size)
{
  FT_Face face = f->face[style];
  return (double)face->ascender * size / face->units_per_EM;
}

double jv_fonts_descent(const jv_fonts *f, jv_font_style style, double size)
{
  FT_Face face = f->face[style];
  return -(double)face->descender * size / face->units_per_EM;
}
