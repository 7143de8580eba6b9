/* Unit tests for PNG output: the band-by-band rasteriser and the libpng
 * encoder give the pixels of one full-size cairo surface written by cairo's
 * own PNG writer; palette when few colours, RGB otherwise; pHYs = the dpi. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input/paths.h"
#include "render/draw_cairo.h"
#include "render/png_write.h"

#include "fonts_fixture.h"

/* A map-like drawing: many antialiased polygons and strokes with joins that
 * cross band edges, a clipped hatch, dashes, text upright and rotated. */
static void scene(jv_draw *d)
{
  unsigned seed = 12345;
  for (int i = 0; i < 60; i++) {
    double cx = 10 + (seed = seed * 1103515245u + 12345u) % 180;
    double cy = 10 + (seed = seed * 1103515245u + 12345u) % 130;
    jv_draw_rgb(d, (jv_rgb){(i % 7) / 7.0, (i % 5) / 5.0, (i % 3) / 3.0});
    for (int k = 0; k < 7; k++) {
      double a = k * 2 * 3.14159265 / 7, r = 4 + (seed = seed * 1103515245u + 12345u) % 19;
      if (k == 0)
        jv_draw_move_to(d, cx + r * cos(a), cy + r * sin(a));
      else
        jv_draw_line_to(d, cx + r * cos(a), cy + r * sin(a));
    }
    jv_draw_close(d);
    jv_draw_fill(d, i % 2 ? JV_FILL_EVENODD : JV_FILL_WINDING);
  }
  jv_draw_rgb(d, (jv_rgb){0.2, 0.2, 0.2});
  jv_draw_line_width(d, 0.37);
  for (int i = 0; i < 40; i++) {
    jv_draw_move_to(d, 3.3 * i, 0.7 * i);
    jv_draw_line_to(d, 200 - 2.1 * i, 40 + 2.6 * i);
    jv_draw_line_to(d, 5 + 4.4 * i, 150 - 1.9 * i);
  }
  jv_draw_stroke(d);
  jv_draw_save(d);
  jv_draw_move_to(d, 40.3, 30.7);
  jv_draw_line_to(d, 130.5, 30.7);
  jv_draw_line_to(d, 130.5, 101.6);
  jv_draw_line_to(d, 40.3, 101.6);
  jv_draw_close(d);
  jv_draw_clip(d, JV_FILL_WINDING);
  jv_draw_rgb(d, (jv_rgb){0.5, 0.1, 0.1});
  jv_draw_line_width(d, 0.5);
  for (double t = -80; t < 120; t += 2.5) {
    jv_draw_move_to(d, 40 + t, 110);
    jv_draw_line_to(d, 40 + t + 80, 30);
  }
  jv_draw_stroke(d);
  jv_draw_restore(d);
  jv_draw_dash(d, 3, 1.5);
  jv_draw_line_width(d, 1.2);
  jv_draw_move_to(d, 5, 140);
  jv_draw_curve_to(d, 60, 20, 120, 160, 195, 12);
  jv_draw_stroke(d);
  jv_draw_dash(d, 0, 0);
  jv_draw_rgb(d, (jv_rgb){0, 0, 0});
  jv_draw_text(d, 100, 75, "Hoeksche Waard 1,7", JV_FONT_BOLD, 9.5, JV_ALIGN_CENTER);
  jv_draw_text_rotated(d, 20, 120, "2017-2018", JV_FONT_ITALIC, 7, JV_ALIGN_LEFT, 33);
}

/* The reference: the same operations straight on one full-size surface. */
typedef struct {
  cairo_t *cr;
  cairo_font_face_t *face[JV_FONT_STYLE_COUNT];
  cairo_font_options_t *opt;
  const jv_fonts *fonts;
} ref;

static void r_move(void *c, double x, double y)
{
  cairo_move_to(((ref *)c)->cr, x, y);
}
static void r_line(void *c, double x, double y)
{
  cairo_line_to(((ref *)c)->cr, x, y);
}
static void r_curve(void *c, double a, double b, double e, double f, double g, double h)
{
  cairo_curve_to(((ref *)c)->cr, a, b, e, f, g, h);
}
static void r_close(void *c)
{
  cairo_close_path(((ref *)c)->cr);
}
static void r_rgb(void *c, jv_rgb col)
{
  cairo_set_source_rgb(((ref *)c)->cr, col.r, col.g, col.b);
}
static void r_width(void *c, double w)
{
  cairo_set_line_width(((ref *)c)->cr, w);
}
static void r_dash(void *c, double on, double off)
{
  double d[2] = {on, off > 0 ? off : on};
  cairo_set_dash(((ref *)c)->cr, on > 0 ? d : NULL, on > 0 ? 2 : 0, 0);
}
static cairo_fill_rule_t r_rule(jv_fill_rule r)
{
  return r == JV_FILL_EVENODD ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING;
}
static void r_fill(void *c, jv_fill_rule r)
{
  cairo_set_fill_rule(((ref *)c)->cr, r_rule(r));
  cairo_fill(((ref *)c)->cr);
}
static void r_stroke(void *c)
{
  cairo_stroke(((ref *)c)->cr);
}
static void r_clip(void *c, jv_fill_rule r)
{
  cairo_set_fill_rule(((ref *)c)->cr, r_rule(r));
  cairo_clip(((ref *)c)->cr);
}
static void r_save(void *c)
{
  cairo_save(((ref *)c)->cr);
}
static void r_restore(void *c)
{
  cairo_restore(((ref *)c)->cr);
}
static void r_text(void *c, double x, double y, const char *s, jv_font_style st, double size,
                   jv_align al, double angle)
{
  ref *R = c;
  double w = jv_fonts_text_width(R->fonts, st, size, s);
  cairo_save(R->cr);
  cairo_translate(R->cr, x, y);
  cairo_rotate(R->cr, -angle * 3.14159265358979323846 / 180.0);
  cairo_set_font_face(R->cr, R->face[st]);
  cairo_set_font_size(R->cr, size);
  cairo_set_font_options(R->cr, R->opt);
  cairo_move_to(R->cr, al == JV_ALIGN_RIGHT ? -w : al == JV_ALIGN_CENTER ? -w / 2 : 0, 0);
  cairo_show_text(R->cr, s);
  cairo_new_path(R->cr);
  cairo_restore(R->cr);
}

static const jv_draw_ops ref_ops = {r_move, r_line,   r_curve, r_close, r_rgb,     r_width, r_dash,
                                    r_fill, r_stroke, r_clip,  r_save,  r_restore, r_text};

static void write_reference(const fixture *f, const char *path, double w, double h, double dpi)
{
  double s = dpi / 72.0;
  cairo_surface_t *img =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)ceil(w * s), (int)ceil(h * s));
  ref R = {cairo_create(img), {0}, cairo_font_options_create(), f->fonts};
  cairo_font_options_set_hint_metrics(R.opt, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(R.opt, CAIRO_HINT_STYLE_NONE);
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    R.face[i] = cairo_ft_font_face_create_for_ft_face(
        (FT_Face)jv_fonts_ft_face(f->fonts, (jv_font_style)i), 0);
  cairo_scale(R.cr, s, s);
  cairo_set_source_rgb(R.cr, 1, 1, 1);
  cairo_paint(R.cr);
  cairo_set_source_rgb(R.cr, 0, 0, 0);
  cairo_set_line_width(R.cr, 1.0);
  jv_draw d = {&ref_ops, &R, f->fonts};
  scene(&d);
  assert_int_equal(cairo_surface_write_to_png(img, path), CAIRO_STATUS_SUCCESS);
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    cairo_font_face_destroy(R.face[i]);
  cairo_font_options_destroy(R.opt);
  cairo_destroy(R.cr);
  cairo_surface_destroy(img);
}

/* Number of pixels whose colour differs between two PNG files (decoded by
 * cairo's reader, so whatever colour type each file has). */
static long pixel_diff(const char *a, const char *b)
{
  cairo_surface_t *sa = cairo_image_surface_create_from_png(a);
  cairo_surface_t *sb = cairo_image_surface_create_from_png(b);
  assert_int_equal(cairo_surface_status(sa), CAIRO_STATUS_SUCCESS);
  assert_int_equal(cairo_surface_status(sb), CAIRO_STATUS_SUCCESS);
  int w = cairo_image_surface_get_width(sa), h = cairo_image_surface_get_height(sa);
  assert_int_equal(w, cairo_image_surface_get_width(sb));
  assert_int_equal(h, cairo_image_surface_get_height(sb));
  long diff = 0;
  for (int y = 0; y < h; y++) {
    const uint32_t *ra = (const uint32_t *)(cairo_image_surface_get_data(sa) +
                                            y * cairo_image_surface_get_stride(sa));
    const uint32_t *rb = (const uint32_t *)(cairo_image_surface_get_data(sb) +
                                            y * cairo_image_surface_get_stride(sb));
    for (int x = 0; x < w; x++)
      diff += (ra[x] | 0xff000000u) != (rb[x] | 0xff000000u);
  }
  cairo_surface_destroy(sa);
  cairo_surface_destroy(sb);
  return diff;
}

static void write_banded(const fixture *f, const char *path, double dpi, int rows)
{
  jv_draw_cairo *c;
  jv_error err;
  assert_int_equal(jv_draw_cairo_open(&c, JV_SURFACE_PNG, path, 200, 150, dpi, f->fonts, &err),
                   JV_OK);
  if (rows > 0)
    jv_draw_cairo_set_band_rows(c, rows);
  scene(jv_draw_cairo_draw(c));
  if (jv_draw_cairo_finish(c, &err) != JV_OK)
    fail_msg("%s", err.msg);
  jv_draw_cairo_free(c);
}

/* Bands of 1, 7 and 64 rows and the default give exactly the pixels of the
 * full-size surface that cairo itself writes, at two resolutions. */
static void test_bands_match_full_surface(void **state)
{
  fixture *f = *state;
  static const double dpis[] = {150, 217};
  static const int rows[] = {1, 7, 64, 0};
  for (size_t i = 0; i < 2; i++) {
    char want[512], got[512];
    snprintf(want, sizeof(want), "%s/ref.png", f->dir);
    write_reference(f, want, 200, 150, dpis[i]);
    for (size_t k = 0; k < 4; k++) {
      snprintf(got, sizeof(got), "%s/band%d.png", f->dir, rows[k]);
      write_banded(f, got, dpis[i], rows[k]);
      long diff = pixel_diff(want, got);
      if (diff)
        fail_msg("%ld pixels differ at %g dpi, bands of %d rows", diff, dpis[i], rows[k]);
    }
  }
}

static unsigned char *slurp(const char *path, size_t *n)
{
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  unsigned char *buf = malloc(1 << 22);
  assert_non_null(buf);
  *n = fread(buf, 1, 1 << 22, fp);
  fclose(fp);
  return buf;
}

/* The body of the first chunk of this type, NULL if none. */
static const unsigned char *chunk(const unsigned char *png, size_t n, const char *type)
{
  for (size_t at = 8; at + 12 <= n;) {
    size_t len = (size_t)png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
    if (memcmp(png + at + 4, type, 4) == 0)
      return png + at + 8;
    at += 12 + len;
  }
  return NULL;
}

static uint32_t be32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Writes a w x h image, colours(x, y) given, through jv_png_writer in bands
 * of 5 rows, and the same pixels through cairo's writer as the reference. */
static void encode_both(const fixture *f, const char *got, const char *want, int w, int h,
                        uint32_t (*colour)(int, int), double dpi)
{
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  uint32_t *px = (uint32_t *)cairo_image_surface_get_data(img);
  size_t stride = (size_t)cairo_image_surface_get_stride(img);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      ((uint32_t *)((unsigned char *)px + y * stride))[x] = 0xff000000u | colour(x, y);
  cairo_surface_mark_dirty(img);
  assert_int_equal(cairo_surface_write_to_png(img, want), CAIRO_STATUS_SUCCESS);
  FILE *fp = fopen(got, "wb");
  assert_non_null(fp);
  jv_png_writer *pw;
  jv_error err;
  assert_int_equal(jv_png_writer_new(&pw, fp, got, w, h, dpi, &err), JV_OK);
  for (int y = 0; y < h; y += 5)
    assert_int_equal(jv_png_writer_rows(pw, (const uint32_t *)((unsigned char *)px + y * stride),
                                        stride, h - y < 5 ? h - y : 5, &err),
                     JV_OK);
  assert_int_equal(jv_png_writer_finish(pw, &err), JV_OK);
  jv_png_writer_free(pw);
  assert_int_equal(fclose(fp), 0);
  cairo_surface_destroy(img);
}

/* 200 colours in flat blocks, as a chart or a map without antialiasing */
static uint32_t few_colours(int x, int y)
{
  uint32_t h = ((uint32_t)(x / 17) * 2654435761u) ^ ((uint32_t)(y / 13) * 40503u);
  return (h >> 7) % 200 * 0x010305u & 0xffffffu;
}

/* 300 colours, the 257th first appearing in row 23 (mid-band). */
static uint32_t many_colours(int x, int y)
{
  return y < 23 ? 0xffffffu - (uint32_t)(x % 250) : (uint32_t)(x + y) * 0x00a1b3u % 300 * 0x3a1u;
}

static void test_palette_when_at_most_256_colours(void **state)
{
  fixture *f = *state;
  char got[512], want[512];
  snprintf(got, sizeof(got), "%s/pal.png", f->dir);
  snprintf(want, sizeof(want), "%s/pal_ref.png", f->dir);
  encode_both(f, got, want, 641, 397, few_colours, 300);
  assert_int_equal(pixel_diff(want, got), 0);
  size_t n, m;
  unsigned char *png = slurp(got, &n), *ref_png = slurp(want, &m);
  const unsigned char *ihdr = chunk(png, n, "IHDR");
  assert_non_null(ihdr);
  assert_int_equal(ihdr[8], 8); /* bit depth */
  assert_int_equal(ihdr[9], 3); /* colour type: palette */
  assert_non_null(chunk(png, n, "PLTE"));
  assert_true(n < m); /* smaller than cairo's RGB file */
  free(png);
  free(ref_png);
}

/* Streamed (libpng), the same pixels as cairo's own writer, as truecolour
 * with the dpi in pHYs. */
static void test_rgb_when_more_colours(void **state)
{
  fixture *f = *state;
  {
    char got[512], want[512];
    snprintf(got, sizeof(got), "%s/rgb.png", f->dir);
    snprintf(want, sizeof(want), "%s/rgb_ref.png", f->dir);
    encode_both(f, got, want, 320, 61, many_colours, 96);
    assert_int_equal(pixel_diff(want, got), 0);
    size_t n;
    unsigned char *png = slurp(got, &n);
    const unsigned char *ihdr = chunk(png, n, "IHDR");
    assert_non_null(ihdr);
    assert_int_equal(ihdr[9], 2); /* truecolour */
    assert_null(chunk(png, n, "PLTE"));
    const unsigned char *phys = chunk(png, n, "pHYs");
    assert_non_null(phys);
    assert_int_equal(be32(phys), 3780);
    free(png);
  }
}

/* Noise: incompressible, so the zlib stream spans several IDAT chunks. */
static uint32_t noise(int x, int y)
{
  uint32_t h = (uint32_t)x * 2654435761u ^ (uint32_t)y * 40503u * 2246822519u;
  return (h ^ h >> 13) * 3266489917u >> 8;
}

/* Flat blocks with antialiased-like edges, like a map at 300 dpi. */
static uint32_t blocks(int x, int y)
{
  return (x + y) % 97 == 0 ? (uint32_t)(x * 7 + y) % 400 * 0x10101u
                           : (uint32_t)(x / 40 + y / 30) % 5 * 0x203040u;
}

/* The RGB zlib stream is one raw deflate stream per band of rows, each
 * ended by a full flush (png_write.c): many bands of 5 rows, rows wider
 * than what igzip is given at a time (3 rows of 23000 pixels), and
 * output over several IDAT chunks still decode (libpng checks the CRCs and
 * zlib the adler32) to the same pixels. */
static void test_rgb_bands_decode(void **state)
{
  fixture *f = *state;
  static const struct {
    int w, h;
    uint32_t (*colour)(int, int);
  } c[] = {{1500, 300, noise}, {1500, 400, blocks}, {23000, 4, noise}, {21667, 6, blocks}};
  for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
    char got[512], want[512];
    snprintf(got, sizeof(got), "%s/piece%zu.png", f->dir, i);
    snprintf(want, sizeof(want), "%s/piece%zu_ref.png", f->dir, i);
    encode_both(f, got, want, c[i].w, c[i].h, c[i].colour, 96);
    long diff = pixel_diff(want, got);
    if (diff)
      fail_msg("%ld pixels differ in case %zu", diff, i);
  }
  char got[512];
  snprintf(got, sizeof(got), "%s/piece0.png", f->dir);
  size_t n, idat = 0;
  unsigned char *png = slurp(got, &n);
  for (size_t at = 8; at + 12 <= n; at += 12 + be32(png + at))
    idat += memcmp(png + at + 4, "IDAT", 4) == 0;
  assert_true(idat > 1);
  free(png);
}

/* jv_png_adler32 is zlib's adler32: random and all-0xff bytes (the largest
 * sums), lengths around the 16-byte blocks and the 4096-byte reductions,
 * start values up to 65520 in both halves, and chained calls. */
static void test_adler32_is_zlibs(void **state)
{
  (void)state;
  enum { N = 70000 };
  unsigned char *buf = malloc(N);
  assert_non_null(buf);
  uint32_t r = 12345;
  for (int fill = 0; fill < 2; fill++) {
    for (size_t i = 0; i < N; i++)
      buf[i] = fill ? 0xff : (unsigned char)((r = r * 1103515245u + 12345u) >> 23);
    static const size_t lens[] = {0,    1,    15,   16,   17,   255,   4095, 4096,
                                  4097, 5552, 5553, 8192, 8209, 65000, N};
    static const uint32_t starts[] = {1, 0, 0xfff0fff0u, 65520u << 16 | 65520u};
    for (size_t l = 0; l < sizeof(lens) / sizeof(lens[0]); l++)
      for (size_t k = 0; k < 4; k++) {
        uint32_t want = (uint32_t)adler32(starts[k], buf, (uInt)lens[l]);
        uint32_t got = jv_png_adler32(starts[k], buf, lens[l]);
        if (got != want)
          fail_msg("adler32 of %zu bytes from %08x: %08x, zlib %08x", lens[l], starts[k], got,
                   want);
      }
    uint32_t a = 1;
    for (size_t at = 0; at < N; at += 6253)
      a = jv_png_adler32(a, buf + at, N - at < 6253 ? N - at : 6253);
    assert_int_equal(a, (uint32_t)adler32(1, buf, N));
  }
  free(buf);
}

/* pHYs in pixels per metre: 300 dpi = 11811, 96 dpi = 3780; unit metre. */
static void test_phys_is_the_dpi(void **state)
{
  fixture *f = *state;
  static const double dpi[] = {300, 96};
  static const uint32_t ppm[] = {11811, 3780};
  for (int i = 0; i < 2; i++) {
    char got[512];
    snprintf(got, sizeof(got), "%s/dpi.png", f->dir);
    write_banded(f, got, dpi[i], 0);
    size_t n;
    unsigned char *png = slurp(got, &n);
    const unsigned char *phys = chunk(png, n, "pHYs");
    assert_non_null(phys);
    assert_int_equal(be32(phys), ppm[i]);
    assert_int_equal(be32(phys + 4), ppm[i]);
    assert_int_equal(phys[8], 1);
    free(png);
  }
}

/* A full disk is reported as such (JV_EIO), by the rows or by finish, for
 * a palette image and for an RGB one. */
static void test_full_disk(void **state)
{
  (void)state;
  enum { W = 320, H = 61 };
  static uint32_t px[W * H];
  for (int rgb = 0; rgb < 2; rgb++) {
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++)
        px[y * W + x] = rgb ? many_colours(x, y) : few_colours(x, y);
    FILE *fp = fopen("/dev/full", "wb");
    if (!fp)
      skip();
    setvbuf(fp, NULL, _IONBF, 0);
    jv_png_writer *pw;
    jv_error err;
    assert_int_equal(jv_png_writer_new(&pw, fp, "full.png", W, H, 96, &err), JV_OK);
    jv_status st = jv_png_writer_rows(pw, px, W * 4, H, &err);
    if (st == JV_OK)
      st = jv_png_writer_finish(pw, &err);
    assert_int_equal(st, JV_EIO);
    assert_non_null(strstr(err.msg, "disk is full"));
    jv_png_writer_free(pw);
    fclose(fp);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bands_match_full_surface),
      cmocka_unit_test(test_palette_when_at_most_256_colours),
      cmocka_unit_test(test_rgb_when_more_colours),
      cmocka_unit_test(test_rgb_bands_decode),
      cmocka_unit_test(test_adler32_is_zlibs),
      cmocka_unit_test(test_phys_is_the_dpi),
      cmocka_unit_test(test_full_disk),
  };
  return cmocka_run_group_tests_name("png_write", tests, setup, teardown);
}
