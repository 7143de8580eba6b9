/* Unit tests for render/pdf_haru_fast.c: the program's definitions of
 * libharu's byte helpers and glyph lookup give libharu's results, and they
 * are the definitions the dynamic linker binds (dlsym finds the
 * executable's, so libharu's calls through its PLT land there too). Glyph
 * ids of all 65,536 BMP codes in the four bundled fonts are checked against
 * FreeType's cmap lookup and against libharu 2.3's linear search (written
 * out below); a cmap whose end codes do not ascend is reported. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dlfcn.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf_haru_fast.h"

/* libharu 2.3's HPDF_TTFontDef_GetGlyphid (format 4 part): the first
 * segment whose end is not below the code, searched one by one. */
static HPDF_UINT16 linear_glyphid(HPDF_FontDef def, HPDF_UINT16 u)
{
  const HPDF_TTF_CmapRange *cm = &((HPDF_TTFontDefAttr)def->attr)->cmap;
  HPDF_UINT n = cm->seg_count_x2 / 2u, i = 0;
  while (i < n && u > cm->end_count[i])
    i++;
  if (cm->start_count[i] > u)
    return 0;
  if (cm->id_range_offset[i] == 0)
    return (HPDF_UINT16)(u + cm->id_delta[i]);
  HPDF_UINT idx = cm->id_range_offset[i] / 2u + (u - cm->start_count[i]) - (n - i);
  if (idx > cm->glyph_id_array_count)
    return 0;
  return (HPDF_UINT16)(cm->glyph_id_array[idx] + cm->id_delta[i]);
}

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
  (void)u;
  fail_msg("libharu error 0x%04X (%u)", (unsigned)e, (unsigned)d);
}

static void test_glyph_ids_of_the_bundled_fonts(void **state)
{
  (void)state;
  static const char *const files[] = {"Regular", "Bold", "Italic", "BoldItalic"};
  const char *home = getenv("JAARVERSLAG_HOME");
  FT_Library lib;
  assert_int_equal(FT_Init_FreeType(&lib), 0);
  for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
    char path[1024];
    snprintf(path, sizeof(path), "%s/assets/fonts/LiberationSans-%s.ttf", home ? home : ".",
             files[f]);
    HPDF_Doc pdf = HPDF_New(on_error, NULL);
    assert_non_null(pdf);
    const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    assert_non_null(name);
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    assert_non_null(def);
    assert_int_equal(jv_pdf_cmap_sorted(def), 1);
    FT_Face face;
    assert_int_equal(FT_New_Face(lib, path, 0, &face), 0);
    size_t found = 0;
    for (unsigned u = 0; u < 0x10000; u++) {
      unsigned fast = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u);
      unsigned ft = (unsigned)FT_Get_Char_Index(face, u);
      unsigned lin = linear_glyphid(def, (HPDF_UINT16)u);
      if (fast != ft || fast != lin)
        fail_msg("%s U+%04X: %u, FreeType %u, linear %u", files[f], u, fast, ft, lin);
      found += fast != 0;
    }
    assert_true(found > 2000); /* Latin, Greek, Cyrillic and more */
    FT_Done_Face(face);
    HPDF_Free(pdf);
  }
  FT_Done_FreeType(lib);
}

static void test_bound_in_libharus_place(void **state)
{
  (void)state;
  assert_ptr_equal(dlsym(RTLD_DEFAULT, "HPDF_MemSet"), (void *)HPDF_MemSet);
  assert_ptr_equal(dlsym(RTLD_DEFAULT, "HPDF_MemCpy"), (void *)HPDF_MemCpy);
  assert_ptr_equal(dlsym(RTLD_DEFAULT, "HPDF_StrLen"), (void *)HPDF_StrLen);
  assert_ptr_equal(dlsym(RTLD_DEFAULT, "HPDF_StrCpy"), (void *)HPDF_StrCpy);
  assert_ptr_equal(dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_GetGlyphid"),
                   (void *)HPDF_TTFontDef_GetGlyphid);
  /* and libharu's own copies are others (so the test can tell) */
  void *lib = dlopen("libhpdf.so.2.3.0", RTLD_LAZY | RTLD_NOLOAD);
  if (!lib)
    lib = dlopen("libhpdf-2.3.0.so", RTLD_LAZY | RTLD_NOLOAD);
  assert_non_null(lib);
  void *theirs = dlsym(lib, "HPDF_MemSet");
  assert_non_null(theirs);
  Dl_info info;
  assert_int_not_equal(dladdr(theirs, &info), 0);
  assert_non_null(strstr(info.dli_fname, "hpdf"));
  dlclose(lib);
}

static void test_byte_helpers(void **state)
{
  (void)state;
  HPDF_BYTE buf[16];
  assert_ptr_equal(HPDF_MemSet(buf, 'x', 10), buf + 10);
  assert_memory_equal(buf, "xxxxxxxxxx", 10);
  assert_ptr_equal(HPDF_MemSet(buf, 'y', 0), buf);
  memcpy(buf, "abcdef", 7);
  assert_ptr_equal(HPDF_MemCpy(buf + 8, buf, 3), buf + 11);
  assert_memory_equal(buf + 8, "abc", 3);
  /* into an overlap ahead: byte by byte forwards repeats the first byte */
  assert_ptr_equal(HPDF_MemCpy(buf + 1, buf, 4), buf + 5);
  assert_memory_equal(buf, "aaaaaf", 6);
  memcpy(buf, "abcdef", 7);
  assert_ptr_equal(HPDF_MemCpy(buf, buf + 1, 4), buf + 4); /* overlap behind: a move */
  assert_memory_equal(buf, "bcdeef", 6);
  assert_ptr_equal(HPDF_MemCpy(buf, buf + 1, 0), buf);
  assert_int_equal(HPDF_StrLen("hello", -1), 5);
  assert_int_equal(HPDF_StrLen("hello", 3), 3);
  assert_int_equal(HPDF_StrLen("hello", 0), 0);
  assert_int_equal(HPDF_StrLen("hi", 9), 2);
  assert_int_equal(HPDF_StrLen(NULL, 9), 0);
  char s[8];
  assert_ptr_equal(HPDF_StrCpy(s, "hello", s + 3), (HPDF_BYTE *)s + 3);
  assert_string_equal(s, "hel");
  assert_ptr_equal(HPDF_StrCpy(s, "hi", s + 7), (HPDF_BYTE *)s + 2);
  assert_string_equal(s, "hi");
  assert_ptr_equal(HPDF_StrCpy(s, NULL, s + 7), (HPDF_BYTE *)s);
  assert_string_equal(s, "");
  assert_ptr_equal(HPDF_StrCpy(s + 4, "abc", s + 4), (HPDF_BYTE *)s + 4);
  assert_string_equal(s + 4, "");
}

static void test_cmap_order(void **state)
{
  (void)state;
  HPDF_UINT16 ends[3] = {10, 5, 0xFFFF};
  HPDF_TTFontDefAttr_Rec attr;
  memset(&attr, 0, sizeof(attr));
  attr.cmap.format = 4;
  attr.cmap.seg_count_x2 = 6;
  attr.cmap.end_count = ends;
  struct _HPDF_FontDef_Rec def;
  memset(&def, 0, sizeof(def));
  def.attr = &attr;
  assert_int_equal(jv_pdf_cmap_sorted(&def), 0);
  ends[1] = 10; /* equal ends: still ascending enough for the search */
  assert_int_equal(jv_pdf_cmap_sorted(&def), 1);
  ends[1] = 20;
  assert_int_equal(jv_pdf_cmap_sorted(&def), 1);
  ends[2] = 19;
  assert_int_equal(jv_pdf_cmap_sorted(&def), 0);
  attr.cmap.format = 0;
  assert_int_equal(jv_pdf_cmap_sorted(&def), 1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_glyph_ids_of_the_bundled_fonts),
      cmocka_unit_test(test_bound_in_libharus_place),
      cmocka_unit_test(test_byte_helpers),
      cmocka_unit_test(test_cmap_order),
  };
  return cmocka_run_group_tests_name("pdf_haru_fast", tests, NULL, NULL);
}
