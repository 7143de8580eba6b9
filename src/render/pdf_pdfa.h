/* pdf_pdfa.h - what makes the libharu document PDF/A-2a and PDF/UA-1 besides its tags.
 * Owns the XMP packet, the sRGB output intent, the repaired ToUnicode and shared font
 * streams, the 1.7 header and the content-derived trailer /ID. */
#ifndef JV_RENDER_PDF_PDFA_H
#define JV_RENDER_PDF_PDFA_H

#include <hpdf.h>
#include <stddef.h>

#include "util/error.h"

/* The ICC profile embedded as the sRGB output intent (Debian package colord-data). */
#define JV_PDFA_SRGB_ICC "/usr/share/color/icc/colord/sRGB.icc"

typedef struct {
  const char *title, *author, *subject, *keywords, *creator, *lang;
  long long date; /* seconds since the epoch; < 0: no dates */
  const char *icc_path;
} jv_pdfa_info;

/* Adds the XMP metadata stream, the output intent and the ID placeholder, and raises the
 * header to PDF 1.7. Call after the Info dictionary is filled, before saving. */
jv_status jv_pdfa_prepare(HPDF_Doc pdf, const jv_pdfa_info *info, jv_error *err);

/* Replaces libharu's ToUnicode CMaps (a cidrange, not a ToUnicode map) by one valid
 * identity bfrange map shared by every font (with the UTF-8 encoder a CID is the BMP code
 * point), sets CIDSystemInfo Ordering to Identity and shares identical CIDToGIDMaps.
 * fonts[i] may be NULL. */
jv_status jv_pdfa_fix_fonts(HPDF_Doc pdf, HPDF_Font *fonts, size_t n, jv_error *err);

/* Fills the trailer /ID placeholder in the saved file buf (n bytes) with a digest of the
 * whole file, so the same content gives the same bytes. -1 if no placeholder is found. */
int jv_pdfa_set_id(unsigned char *buf, size_t n);

#endif
