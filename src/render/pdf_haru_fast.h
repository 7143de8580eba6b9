/* pdf_haru_fast.h - faster definitions of libharu's byte helpers and glyph
 * lookup that the program supplies in libharu's place (same results), and
 * the cmap check the glyph lookup relies on. */
#ifndef JV_RENDER_PDF_HARU_FAST_H
#define JV_RENDER_PDF_HARU_FAST_H

#include <hpdf.h>

/* 1 when the cmap of the TrueType font def can be searched by halves:
 * format 0, or format 4 with end codes in ascending order (as the TrueType
 * spec requires of every font); 0 else. pdf_render refuses a font for which
 * it is 0, so the halving search finds what libharu's linear one finds. */
int jv_pdf_cmap_sorted(HPDF_FontDef def);

#endif
