/* pdf_fonttrim.c - the embedded TrueType programs and widths cut to the glyphs used. */
#include "render/pdf_fonttrim.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static unsigned be16(const unsigned char *p)
{
  return (unsigned)p[0] << 8 | p[1];
}
static void put32(unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static uint32_t checksum(const unsigned char *p, size_t n)
{
  uint32_t s = 0;
  for (size_t i = 0; i < n; i += 4) {
    unsigned char w[4] = {0, 0, 0, 0};
    memcpy(w, p + i, n - i < 4 ? n - i : 4);
    s += be32(w);
  }
  return s;
}

unsigned char *jv_pdf_stream_bytes(HPDF_Stream s, size_t *n)
{
  *n = 0;
  HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
  size_t total = 0;
  for (HPDF_UINT i = 0; i < count; i++) {
    HPDF_UINT len = 0;
    HPDF_MemStream_GetBufPtr(s, i, &len);
    total += len;
  }
  unsigned char *out = malloc(total ? total : 1);
  for (HPDF_UINT i = 0; out && i < count; i++) {
    HPDF_UINT len = 0;
    HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
    memcpy(out + *n, p, len);
    *n += len;
  }
  return out;
}

/* The font program with a glyph-name-free 'post' (format 3) and the advance
 * widths of unused glyphs zeroed: libharu keeps all glyph slots and names.
 * Glyph ids stay as they are, so the CIDToGIDMap still holds. Returns the new
 * size, or 0 when the program is not a TrueType file this understands. */
static size_t trim_program(unsigned char *f, size_t n, const HPDF_BYTE *used, unsigned hmetrics,
                           unsigned char **out)
{
  if (n < 12)
    return 0;
  unsigned nt = be16(f + 4);
  if (12 + 16 * (size_t)nt > n)
    return 0;
  size_t cap = n + 64;
  unsigned char *o = calloc(1, cap);
  if (!o)
    return 0;
  memcpy(o, f, 12 + 16 * (size_t)nt);
  size_t at = 12 + 16 * (size_t)nt, head_at = 0;
  for (unsigned i = 0; i < nt; i++) {
    unsigned char *rec = o + 12 + 16 * i;
    uint32_t off = be32(rec + 8), len = be32(rec + 12);
    if (off > n || len > n - off) {
      free(o);
      return 0;
    }
    const unsigned char *src = f + off;
    unsigned char *dst = o + at;
    if (memcmp(rec, "post", 4) == 0 && len >= 32) {
      memcpy(dst, src, 32);
      put32(dst, 0x00030000); /* version 3: no glyph names */
      len = 32;
    } else {
      memcpy(dst, src, len);
    }
    if (memcmp(rec, "hmtx", 4) == 0)
      for (unsigned g = 1; g < hmetrics && 4u * g + 4 <= len; g++)
        if (!used[g])
          dst[4 * g] = dst[4 * g + 1] = 0; /* advance; the bearing stays */
    if (memcmp(rec, "head", 4) == 0 && len >= 12) {
      head_at = at;
      put32(dst + 8, 0);
    }
    put32(rec + 4, checksum(dst, len));
    put32(rec + 8, (uint32_t)at);
    put32(rec + 12, len);
    at += (len + 3) & ~(size_t)3;
  }
  if (head_at) /* the whole file sums to 0xB1B0AFBA */
    put32(o + head_at + 8, 0xB1B0AFBAu - checksum(o, at));
  *out = o;
  return at;
}

/* Widths of the CIDs whose glyph is used: [c [w ...] ...] for those that
 * differ from the default width. */
static HPDF_Array used_widths(HPDF_MMgr mm, HPDF_FontDef def, const unsigned char *map,
                              size_t n_cids, const HPDF_BYTE *used, unsigned glyphs, int dw)
{
  HPDF_Array w = HPDF_Array_New(mm);
  HPDF_Array run = NULL;
  size_t last = (size_t)-2;
  for (size_t cid = 1; w && cid < n_cids; cid++) {
    unsigned gid = be16(map + 2 * cid);
    if (gid == 0 || gid >= glyphs || !used[gid])
      continue;
    HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(def, (HPDF_UINT16)gid);
    if (width == dw)
      continue;
    if (cid != last + 1 || !run) {
      run = HPDF_Array_New(mm);
      if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)cid) != HPDF_OK ||
          HPDF_Array_Add(w, run) != HPDF_OK)
        return NULL;
    }
    if (HPDF_Array_AddNumber(run, width) != HPDF_OK)
      return NULL;
    last = cid;
  }
  return w;
}

jv_status jv_pdf_fonttrim(HPDF_Font font, jv_error *err)
{
  HPDF_FontAttr fa = font->attr;
  HPDF_FontDef def = fa->fontdef;
  HPDF_TTFontDefAttr ta = def->attr;
  if (!fa->descendant_font || !ta->embedding || !ta->glyph_tbl.flgs || !fa->map_stream)
    return JV_OK;
  /* libharu builds the descriptor and font program when it writes the font;
   * building them now is kept (it checks for an existing descriptor) */
  if (font->before_write_fn && font->before_write_fn(font) != HPDF_OK)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "libharu cannot prepare the font");
  HPDF_Dict fd = HPDF_Dict_GetItem(fa->descendant_font, "FontDescriptor", HPDF_OCLASS_DICT);
  HPDF_Dict ff = fd ? HPDF_Dict_GetItem(fd, "FontFile2", HPDF_OCLASS_DICT) : NULL;
  if (!ff)
    return JV_OK;
  size_t n, nmap;
  unsigned char *prog = jv_pdf_stream_bytes(ff->stream, &n);
  unsigned char *map = jv_pdf_stream_bytes(fa->map_stream->stream, &nmap);
  unsigned char *small = NULL;
  size_t m = prog && map ? trim_program(prog, n, ta->glyph_tbl.flgs, ta->num_h_metric, &small) : 0;
  HPDF_STATUS s = prog && map ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
  if (m > 0) {
    HPDF_MemStream_FreeData(ff->stream);
    s |= HPDF_Stream_Write(ff->stream, small, (HPDF_UINT)m);
    s |= HPDF_Dict_AddNumber(ff, "Length1", (HPDF_UINT32)m);
  }
  if (map && s == HPDF_OK) {
    HPDF_Array w = used_widths(def->mmgr, def, map, nmap / 2, ta->glyph_tbl.flgs, ta->num_glyphs,
                               def->missing_width);
    s |= w ? HPDF_Dict_Add(fa->descendant_font, "W", w) : HPDF_FAILD_TO_ALLOC_MEM;
  }
  free(prog);
  free(map);
  free(small);
  if (s != HPDF_OK)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot trim the embedded font");
  return JV_OK;
}
