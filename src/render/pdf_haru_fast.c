/* pdf_haru_fast.c - libharu 2.3 copies bytes one at a time in HPDF_MemSet
 * and HPDF_MemCpy (a 512-byte buffer is cleared in every page operator),
 * counts string lengths the same way, and finds a glyph id by a linear
 * search through the cmap segments, 65,536 times for every font it embeds
 * (the CIDToGIDMap) and once per character shown. Its calls to these
 * exported functions go through the PLT, so the definitions here, in the
 * executable, are the ones the dynamic linker binds them to (as
 * pdf_zlib.c's deflateInit_). Each gives exactly libharu's result, return
 * value included; the glyph search halves the segments, which finds the
 * same segment because pdf_render only embeds fonts whose end codes ascend
 * (jv_pdf_cmap_sorted). tests/unit/test_pdf_haru_fast.c checks both. */
#include "render/pdf_haru_fast.h"

#include <hpdf_fontdef.h>
#include <hpdf_utils.h>
#include <stdint.h>
#include <string.h>

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
  if (n)
    memset(s, c, n);
  return (HPDF_BYTE *)s + n;
}

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
  uintptr_t o = (uintptr_t)out, i = (uintptr_t)in;
  if (!n)
    return out;
  if (o > i && o - i < n) { /* forward byte copy into an overlap repeats bytes */
    for (HPDF_UINT k = 0; k < n; k++)
      out[k] = in[k];
  } else {
    memmove(out, in, n);
  }
  return out + n;
}

HPDF_UINT HPDF_StrLen(const char *s, HPDF_INT maxlen)
{
  if (!s)
    return 0;
  return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

HPDF_BYTE *HPDF_StrCpy(char *out, const char *in, char *eptr)
{
  if (in != NULL && eptr > out) {
    size_t n = strnlen(in, (size_t)(eptr - out));
    memcpy(out, in, n);
    out += n;
  }
  *out = 0;
  return (HPDF_BYTE *)out;
}

int jv_pdf_cmap_sorted(HPDF_FontDef def)
{
  const HPDF_TTFontDefAttr attr = def->attr;
  const HPDF_TTF_CmapRange *cm = &attr->cmap;
  if (cm->format == 0)
    return 1;
  for (HPDF_UINT i = 1; i < cm->seg_count_x2 / 2u; i++)
    if (cm->end_count[i] < cm->end_count[i - 1])
      return 0;
  return 1;
}

/* libharu's steps after the segment search, unchanged: a code below the
 * segment's start has no glyph; else the delta, or the glyph array through
 * idRangeOffset (and libharu adds the delta there too). */
HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
  const HPDF_TTFontDefAttr attr = fontdef->attr;
  const HPDF_TTF_CmapRange *cm = &attr->cmap;
  if (cm->format == 0)
    return cm->glyph_id_array[unicode & 0xFF];
  if (cm->seg_count_x2 == 0) {
    HPDF_SetError(fontdef->error, HPDF_TTF_INVALID_CMAP, 0);
    return 0;
  }
  HPDF_UINT seg_count = cm->seg_count_x2 / 2u;
  /* the first segment whose end is not below the code (seg_count if none) */
  HPDF_UINT lo = 0, hi = seg_count;
  while (lo < hi) {
    HPDF_UINT mid = lo + (hi - lo) / 2;
    if (cm->end_count[mid] >= unicode)
      hi = mid;
    else
      lo = mid + 1;
  }
  HPDF_UINT i = lo;
  if (cm->start_count[i] > unicode)
    return 0;
  if (cm->id_range_offset[i] == 0)
    return (HPDF_UINT16)(unicode + cm->id_delta[i]);
  HPDF_UINT idx = cm->id_range_offset[i] / 2u + (unicode - cm->start_count[i]) - (seg_count - i);
  if (idx > cm->glyph_id_array_count)
    return 0;
  return (HPDF_UINT16)(cm->glyph_id_array[idx] + cm->id_delta[i]);
}
