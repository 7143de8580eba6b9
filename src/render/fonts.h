/* fonts.h - the report's fonts, loaded once from TrueType files.
 * Owns the FreeType faces used to measure text; every backend (libharu,
 * cairo) loads the same files, so measured widths agree everywhere. */
#ifndef JV_RENDER_FONTS_H
#define JV_RENDER_FONTS_H

#include "layout/font_style.h"
#include "util/error.h"

typedef struct jv_fonts jv_fonts;

/* Loads LiberationSans-{Regular,Bold,Italic,BoldItalic}.ttf from dir.
 * The caller frees *out with jv_fonts_free. JV_ENOINPUT if a file is
 * missing or unreadable. */
jv_status jv_fonts_new(jv_fonts **out, const char *dir, jv_error *err);
void jv_fonts_free(jv_fonts *f);

/* Path of the TrueType file for a style (owned by f). */
const char *jv_fonts_path(const jv_fonts *f, jv_font_style style);
/* Opaque FreeType face (FT_Face) for a style, owned by f; for cairo-ft. */
void *jv_fonts_ft_face(const jv_fonts *f, jv_font_style style);

/* Advance width in points of UTF-8 text at size (points); unhinted, no
 * kerning, as libharu places glyphs. */
double jv_fonts_text_width(const jv_fonts *f, jv_font_style style, double size, const char *utf8);
/* Ascent and descent (positive, points) at size. */
double jv_fonts_ascent(const jv_fonts *f, jv_font_style style, double size);
double jv_fonts_descent(const jv_fonts *f, jv_font_style style, double size);

#endif
