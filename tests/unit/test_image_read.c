/* Unit tests for the logo decoder: every PNG colour type, bit depth and
 * interlace becomes 8-bit RGB (+ alpha only when some pixel is transparent);
 * JPEG decodes; damaged, truncated, foreign and special files are refused
 * with a reason instead of crashing. The files are written with libpng and
 * libjpeg themselves. */
#define _XOPEN_SOURCE 700 /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* jpeglib.h needs stdio.h and stddef.h first */
#include <jpeglib.h>
#include <png.h>

/* cmocka.h needs the headers above first */
#include <cmocka.h>

#include "input/image_read.h"

#define W 7 /* odd sizes exercise Adam7's partial passes */
#define H 5

static char dir[64];

/* Writes a W x H PNG of the given type and depth; sample(x, y, c) gives the
 * value of channel c (in the file's own depth). */
static void write_png(const char *path, int color_type, int depth, int interlace,
                      unsigned (*sample)(int x, int y, int c, int depth))
{
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(p);
  assert_int_equal(setjmp(png_jmpbuf(p)), 0);
  png_init_io(p, fp);
  png_set_IHDR(p, info, W, H, depth, color_type,
               interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  int channels = color_type == PNG_COLOR_TYPE_RGB          ? 3
                 : color_type == PNG_COLOR_TYPE_RGBA       ? 4
                 : color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                                                           : 1;
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    png_color pal[4] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
    png_set_PLTE(p, info, pal, 4);
  }
  png_write_info(p, info);
  if (depth == 16)
    png_set_swap(p); /* rows below are host-order 16-bit on little-endian */
  static unsigned char rows[H][W * 8];
  png_bytep rp[H];
  for (int y = 0; y < H; y++) {
    memset(rows[y], 0, sizeof(rows[y]));
    for (int x = 0; x < W; x++)
      for (int c = 0; c < channels; c++) {
        unsigned v = sample(x, y, c, depth);
        if (depth == 16) {
          uint16_t s = (uint16_t)v;
          memcpy(rows[y] + (x * channels + c) * 2, &s, 2);
        } else if (depth == 8) {
          rows[y][x * channels + c] = (unsigned char)v;
        } else { /* packed: 1, 2 or 4 bits per pixel, one channel */
          int bit = x * depth;
          rows[y][bit / 8] |= (unsigned char)(v << (8 - depth - bit % 8));
        }
      }
    rp[y] = rows[y];
  }
  png_set_interlace_handling(p);
  png_write_image(p, rp);
  png_write_end(p, info);
  png_destroy_write_struct(&p, &info);
  fclose(fp);
}

/* red left half, blue right half; alpha 128 in row 0 */
static unsigned two_colours(int x, int y, int c, int depth)
{
  unsigned max = (1u << depth) - 1;
  if (c == 3)
    return y == 0 ? (max + 1) / 2 : max;
  int red = x < W / 2;
  return c == 0 ? (red ? max : 0) : c == 2 ? (red ? 0 : max) : 0;
}

static unsigned opaque_two(int x, int y, int c, int depth)
{
  return c == 3 ? (1u << depth) - 1 : two_colours(x, y, c, depth);
}

static unsigned palette_index(int x, int y, int c, int depth)
{
  return (unsigned)((x + y) % 4);
}

static unsigned grey_ramp(int x, int y, int c, int depth)
{
  if (c == 1)
    return x == 0 ? 0 : (1u << depth) - 1; /* column 0 transparent */
  return (unsigned)x * ((1u << depth) - 1) / (W - 1);
}

static jv_image *decode_ok(const char *path)
{
  jv_image *img = NULL;
  char why[256] = "";
  jv_status st = jv_image_read(path, &img, why, sizeof(why));
  if (st)
    fail_msg("%s: %s", path, why);
  assert_non_null(img);
  assert_int_equal(img->width, W);
  assert_int_equal(img->height, H);
  return img;
}

static const unsigned char *px(const jv_image *img, int x, int y)
{
  return img->rgb + ((size_t)y * W + x) * 3;
}

static void assert_two_colours(const jv_image *img)
{
  for (int y = 0; y < H; y++) {
    const unsigned char *l = px(img, 0, y), *r = px(img, W - 1, y);
    assert_int_equal(l[0], 255);
    assert_int_equal(l[2], 0);
    assert_int_equal(r[0], 0);
    assert_int_equal(r[2], 255);
  }
}

static void test_png_rgb_depths(void **state)
{
  char path[128];
  for (int interlace = 0; interlace < 2; interlace++)
    for (int depth = 8; depth <= 16; depth += 8) {
      snprintf(path, sizeof(path), "%s/rgb%d_%d.png", dir, depth, interlace);
      write_png(path, PNG_COLOR_TYPE_RGB, depth, interlace, opaque_two);
      jv_image *img = decode_ok(path);
      /* a 16-bit file is not two half-width copies in wrong colours */
      assert_two_colours(img);
      assert_null(img->alpha); /* opaque: no soft mask */
      jv_image_free(img);

      snprintf(path, sizeof(path), "%s/rgba%d_%d.png", dir, depth, interlace);
      write_png(path, PNG_COLOR_TYPE_RGBA, depth, interlace, two_colours);
      img = decode_ok(path);
      assert_two_colours(img);
      assert_non_null(img->alpha);
      assert_in_range(img->alpha[0], 127, 129);
      assert_int_equal(img->alpha[W * (H - 1)], 255);
      jv_image_free(img);
    }
}

static void test_png_palette_and_grey(void **state)
{
  char path[128];
  for (int depth = 2; depth <= 8; depth *= 2) {
    snprintf(path, sizeof(path), "%s/pal%d.png", dir, depth);
    write_png(path, PNG_COLOR_TYPE_PALETTE, depth, depth == 4, palette_index);
    jv_image *img = decode_ok(path);
    static const unsigned char pal[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++)
        assert_memory_equal(px(img, x, y), pal[(x + y) % 4], 3);
    jv_image_free(img);
  }
  for (int depth = 1; depth <= 16; depth *= 2) {
    snprintf(path, sizeof(path), "%s/grey%d.png", dir, depth);
    write_png(path, PNG_COLOR_TYPE_GRAY, depth, depth == 2, grey_ramp);
    jv_image *img = decode_ok(path);
    assert_int_equal(px(img, 0, 0)[0], 0);
    assert_int_equal(px(img, W - 1, 0)[1], 255);
    assert_null(img->alpha);
    jv_image_free(img);
  }
  snprintf(path, sizeof(path), "%s/greya.png", dir);
  write_png(path, PNG_COLOR_TYPE_GRAY_ALPHA, 16, 1, grey_ramp);
  jv_image *img = decode_ok(path);
  assert_non_null(img->alpha);
  assert_int_equal(img->alpha[0], 0);
  assert_int_equal(img->alpha[1], 255);
  jv_image_free(img);
}

static void write_jpeg(const char *path, J_COLOR_SPACE space, int components)
{
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  struct jpeg_compress_struct ci;
  struct jpeg_error_mgr je;
  ci.err = jpeg_std_error(&je);
  jpeg_create_compress(&ci);
  jpeg_stdio_dest(&ci, fp);
  ci.image_width = 16, ci.image_height = 8;
  ci.input_components = components;
  ci.in_color_space = space;
  jpeg_set_defaults(&ci);
  jpeg_set_quality(&ci, 95, TRUE);
  jpeg_start_compress(&ci, TRUE);
  unsigned char row[16 * 4];
  for (int x = 0; x < 16 * components; x++)
    row[x] = space == JCS_RGB ? (x % 3 == 0 ? 200 : 20) : 100;
  while (ci.next_scanline < ci.image_height) {
    JSAMPROW r = row;
    jpeg_write_scanlines(&ci, &r, 1);
  }
  jpeg_finish_compress(&ci);
  jpeg_destroy_compress(&ci);
  fclose(fp);
}

static jv_status decode_err(const char *path, const char *want)
{
  jv_image *img = (jv_image *)1;
  char why[256] = "";
  jv_status st = jv_image_read(path, &img, why, sizeof(why));
  assert_null(img);
  if (!strstr(why, want))
    fail_msg("%s: '%s' lacks '%s'", path, why, want);
  return st;
}

static void test_jpeg(void **state)
{
  char path[128];
  snprintf(path, sizeof(path), "%s/logo.jpg", dir);
  write_jpeg(path, JCS_RGB, 3);
  jv_image *img = NULL;
  char why[256] = "";
  assert_int_equal(jv_image_read(path, &img, why, sizeof(why)), JV_OK);
  assert_int_equal(img->width, 16);
  assert_int_equal(img->height, 8);
  assert_in_range(img->rgb[0], 190, 210); /* reddish, within JPEG's loss */
  assert_in_range(img->rgb[1], 10, 30);
  assert_null(img->alpha);
  jv_image_free(img);

  snprintf(path, sizeof(path), "%s/grey.jpg", dir);
  write_jpeg(path, JCS_GRAYSCALE, 1);
  assert_int_equal(jv_image_read(path, &img, why, sizeof(why)), JV_OK);
  assert_in_range(img->rgb[0], 95, 105);
  assert_int_equal(img->rgb[0], img->rgb[2]);
  jv_image_free(img);

  snprintf(path, sizeof(path), "%s/cmyk.jpg", dir);
  write_jpeg(path, JCS_CMYK, 4);
  assert_int_equal(decode_err(path, "CMYK"), JV_EDATA);
}

/* Keeps the first n bytes of src in dst, or flips byte `at` when n is 0. */
static void damage(const char *src, const char *dst, long n, long at)
{
  FILE *in = fopen(src, "rb");
  assert_non_null(in);
  static unsigned char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof(buf), in);
  fclose(in);
  if (n)
    len = (size_t)n < len ? (size_t)n : len;
  else
    buf[at] ^= 0xFF;
  FILE *out = fopen(dst, "wb");
  assert_non_null(out);
  fwrite(buf, 1, len, out);
  fclose(out);
}

static void test_damaged_files(void **state)
{
  char good[128], bad[128];
  snprintf(good, sizeof(good), "%s/good.png", dir);
  write_png(good, PNG_COLOR_TYPE_RGB, 16, 0, opaque_two);
  snprintf(bad, sizeof(bad), "%s/bad.png", dir);

  damage(good, bad, 40, 0); /* inside IDAT */
  assert_int_equal(decode_err(bad, "PNG"), JV_EDATA);
  damage(good, bad, 20, 0); /* inside IHDR */
  assert_int_equal(decode_err(bad, "PNG"), JV_EDATA);
  damage(good, bad, 0, 18); /* width's high byte: IHDR CRC fails */
  assert_int_equal(decode_err(bad, "PNG"), JV_EDATA);
  damage(good, bad, 0, 43); /* a byte of the compressed stream */
  assert_int_equal(decode_err(bad, "PNG"), JV_EDATA);

  char jpg[128];
  snprintf(jpg, sizeof(jpg), "%s/j.jpg", dir);
  write_jpeg(jpg, JCS_RGB, 3);
  damage(jpg, bad, 200, 0);
  assert_int_equal(decode_err(bad, "JPEG"), JV_EDATA);
  damage(jpg, bad, 3, 0);
  assert_int_equal(decode_err(bad, "JPEG"), JV_EDATA);

  FILE *fp = fopen(bad, "wb");
  fputs("GIF89a not a logo we draw", fp);
  fclose(fp);
  assert_int_equal(decode_err(bad, "not a PNG or JPEG"), JV_EDATA);
  fp = fopen(bad, "wb");
  fclose(fp);
  assert_int_equal(decode_err(bad, "not a PNG or JPEG"), JV_EDATA);

  assert_int_equal(decode_err(dir, "not a regular file"), JV_ENOINPUT);
  snprintf(bad, sizeof(bad), "%s/none.png", dir);
  assert_int_equal(decode_err(bad, "cannot open"), JV_ENOINPUT);
}

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

static void put_chunk(FILE *fp, const char *type, const unsigned char *data, uint32_t n)
{
  unsigned char buf[64];
  memcpy(buf, type, 4);
  if (n)
    memcpy(buf + 4, data, n);
  uint32_t crc = crc32_of(buf, n + 4);
  unsigned char be[4] = {n >> 24, n >> 16 & 0xFF, n >> 8 & 0xFF, n & 0xFF};
  unsigned char cb[4] = {crc >> 24, crc >> 16 & 0xFF, crc >> 8 & 0xFF, crc & 0xFF};
  fwrite(be, 1, 4, fp);
  fwrite(buf, 1, n + 4, fp);
  fwrite(cb, 1, 4, fp);
}

/* A header claiming 100000 x 100000 pixels is refused before any decoding. */
static void test_huge_header(void **state)
{
  char path[128];
  snprintf(path, sizeof(path), "%s/huge.png", dir);
  FILE *fp = fopen(path, "wb");
  fwrite("\x89PNG\r\n\x1a\n", 1, 8, fp);
  const unsigned char ihdr[13] = {0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0};
  put_chunk(fp, "IHDR", ihdr, 13);
  put_chunk(fp, "IDAT", (const unsigned char *)"\x78\x9c", 2);
  put_chunk(fp, "IEND", NULL, 0);
  fclose(fp);
  assert_int_equal(decode_err(path, "at most"), JV_EDATA);
}

static int setup(void **state)
{
  snprintf(dir, sizeof(dir), "/tmp/jv_image_test.XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
  char cmd[128];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  return getenv("KEEP") ? 0 : system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_png_rgb_depths), cmocka_unit_test(test_png_palette_and_grey),
      cmocka_unit_test(test_jpeg),           cmocka_unit_test(test_damaged_files),
      cmocka_unit_test(test_huge_header),
  };
  int rc = cmocka_run_group_tests(tests, setup, teardown);
  return rc;
}
