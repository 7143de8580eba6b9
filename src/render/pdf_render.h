/* pdf_render.h - writing laid-out pages as a PDF with libharu.
 * Owns the libharu document for the duration of one call: embedded subset
 * TrueType fonts (UTF-8), vectors, figures through the libharu jv_draw
 * backend, outline, internal links, metadata; output written atomically. */
#ifndef JV_RENDER_PDF_RENDER_H
#define JV_RENDER_PDF_RENDER_H

#include "layout/page.h"
#include "render/fonts.h"
#include "util/error.h"

typedef struct {
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *lang; /* BCP 47 language of the text; NULL: "nl-NL" */
  /* seconds since the epoch for CreationDate/ModDate; < 0 writes no dates
   * (the caller takes it from SOURCE_DATE_EPOCH for reproducible output) */
  long long date;
  const char *icc_path; /* sRGB output intent profile; NULL: JV_PDFA_SRGB_ICC */
} jv_pdf_meta;

/* Renders pages to path (replaced only after complete success). */
jv_status jv_pdf_render(const jv_pages *pages, const jv_pdf_meta *meta, const jv_fonts *fonts,
                        const char *path, jv_error *err);

/* Writes one figure alone as a one-page PDF of the figure's size (a standalone map or
 * chart): the same tags, metadata and archive conditions as the report. scene is the
 * figure laid out in that size (borrowed); fig gives caption and text alternative. */
jv_status jv_pdf_render_figure(const jv_figure *fig, const jv_scene *scene, const jv_pdf_meta *meta,
                               const jv_fonts *fonts, const char *path, jv_error *err);

#endif
