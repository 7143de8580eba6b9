/* pdf_fonttrim.h - embedded fonts that hold what the document uses.
 * Owns the rewrite of a libharu TrueType font program (no glyph names, zero advances for
 * unused glyphs; libharu already empties their outlines) and of its /W widths. */
#ifndef JV_RENDER_PDF_FONTTRIM_H
#define JV_RENDER_PDF_FONTTRIM_H

#include <hpdf.h>
#include <stddef.h>

#include "util/error.h"

/* Trims an embedded UTF-8 (Type0/CIDFontType2) font after all text is drawn. */
jv_status jv_pdf_fonttrim(HPDF_Font font, jv_error *err);

/* A libharu memory stream's bytes as one malloc'd block of *n bytes (the caller frees);
 * NULL when out of memory. */
unsigned char *jv_pdf_stream_bytes(HPDF_Stream s, size_t *n);

#endif
