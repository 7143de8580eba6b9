/* Unit tests for render/png_bands.c and the band encoding of
 * render/png_write.c: bands painted and encoded on 1, 2 or 3 workers give
 * the file one thread gives band by band; a palette image's file does not
 * depend on the bands at all; an RGB image's bands join into one zlib
 * stream of exactly its rows, also when the 257th colour appears only in a
 * later band; a failing paint stops the run with the
 * first failing band's error; a failing write (a full disk) reaches the
 * caller from whichever worker put the band. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "render/png_bands.h"

enum { W = 397, H = 211 };

typedef struct {
  uint32_t (*colour)(int x, int y);
  uint32_t *buf[JV_PNG_BANDS_MAX_WORKERS];
  int rows;           /* band height */
  int fail_at;        /* y0 of the band whose paint fails, -1 none */
  atomic_int painted; /* bands painted */
} painter;

/* many colours: RGB from the first row */
static uint32_t noise(int x, int y)
{
  return (uint32_t)(x * 2654435761u ^ y * 40503u) & 0xffffffu;
}

/* 12 colours in blocks, each band seeing them in another order */
static uint32_t blocks(int x, int y)
{
  return ((uint32_t)(x / 9 + y / 5 * 7) % 12 + 1) * 0x0d1f07u;
}

/* blocks down to row 150, then many colours: the 257th in a later band */
static uint32_t blocks_then_noise(int x, int y)
{
  return y < 150 ? blocks(x, y) : noise(x, y);
}

static jv_status paint(void *ctx, int worker, int y0, int rows, const uint32_t **px, size_t *stride,
                       jv_error *err)
{
  painter *p = ctx;
  if (y0 == p->fail_at)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "paint failed at %d", y0);
  for (int y = 0; y < rows; y++)
    for (int x = 0; x < W; x++)
      p->buf[worker][y * W + x] = 0xff000000u | p->colour(x, y0 + y);
  atomic_fetch_add(&p->painted, 1);
  *px = p->buf[worker];
  *stride = W * 4;
  return JV_OK;
}

static void painter_init(painter *p, uint32_t (*colour)(int, int), int rows, int fail_at)
{
  memset(p, 0, sizeof(*p));
  p->colour = colour;
  p->rows = rows;
  p->fail_at = fail_at;
  atomic_init(&p->painted, 0);
  for (int i = 0; i < JV_PNG_BANDS_MAX_WORKERS; i++) {
    p->buf[i] = calloc((size_t)W * (size_t)rows, 4);
    assert_non_null(p->buf[i]);
  }
}

static void painter_free(painter *p)
{
  for (int i = 0; i < JV_PNG_BANDS_MAX_WORKERS; i++)
    free(p->buf[i]);
}

/* The PNG of the image in bands of rows: through jv_png_bands_run on
 * workers workers, or (workers 0) band by band here with
 * jv_png_writer_rows; returns its bytes. */
static unsigned char *encode(uint32_t (*colour)(int, int), int rows, int workers, size_t *n)
{
  char *data = NULL;
  FILE *fp = open_memstream(&data, n);
  assert_non_null(fp);
  jv_png_writer *w;
  jv_error err;
  assert_int_equal(jv_png_writer_new(&w, fp, "t.png", W, H, 96, &err), JV_OK);
  painter p;
  painter_init(&p, colour, rows, -1);
  if (workers) {
    assert_int_equal(jv_png_bands_run(w, H, rows, workers, paint, &p, &err), JV_OK);
  } else {
    for (int y0 = 0; y0 < H; y0 += rows) {
      int n_rows = H - y0 < rows ? H - y0 : rows;
      const uint32_t *px = NULL;
      size_t stride = 0;
      assert_int_equal(paint(&p, 0, y0, n_rows, &px, &stride, &err), JV_OK);
      assert_int_equal(jv_png_writer_rows(w, px, stride, n_rows, &err), JV_OK);
    }
  }
  assert_int_equal(atomic_load(&p.painted), (H + rows - 1) / rows);
  assert_int_equal(jv_png_writer_finish(w, &err), JV_OK);
  jv_png_writer_free(w);
  fclose(fp);
  painter_free(&p);
  return (unsigned char *)data;
}

static void assert_same(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
  assert_int_equal(na, nb);
  assert_memory_equal(a, b, na);
}

/* The colour type byte of IHDR: 2 truecolour, 3 palette. */
static int colour_type(const unsigned char *png)
{
  return png[8 + 8 + 9];
}

static void test_same_file_any_workers(void **state)
{
  (void)state;
  static const int rows[] = {1, 7, 50, 211, 300};
  uint32_t (*const colours[])(int, int) = {noise, blocks, blocks_then_noise};
  for (size_t c = 0; c < 3; c++)
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
      size_t a;
      unsigned char *one = encode(colours[c], rows[i], 0, &a);
      assert_true(a > 100);
      assert_int_equal(colour_type(one), colours[c] == blocks ? 3 : 2);
      for (int workers = 1; workers <= 3; workers++) {
        size_t b;
        unsigned char *got = encode(colours[c], rows[i], workers, &b);
        assert_same(one, a, got, b);
        free(got);
      }
      free(one);
    }
}

/* A palette image is the same file however it is cut into bands (their
 * colour tables merged into one palette in order of first appearance). */
static void test_palette_file_whatever_the_bands(void **state)
{
  (void)state;
  size_t a;
  unsigned char *whole = encode(blocks, H, 0, &a);
  static const int rows[] = {1, 5, 13, 100};
  for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
    size_t b;
    unsigned char *got = encode(blocks, rows[i], 2, &b);
    assert_same(whole, a, got, b);
    free(got);
  }
  free(whole);
}

/* The IDAT chunks of an RGB file joined: one zlib stream (adler32 checked
 * by inflate) of exactly the filtered rows, for a palette turned RGB in a
 * later band, bands of 7 rows on 3 workers. */
static void test_rgb_stream_is_the_rows(void **state)
{
  (void)state;
  size_t n;
  unsigned char *png = encode(blocks_then_noise, 7, 3, &n);
  assert_int_equal(colour_type(png), 2);
  size_t z_n = 0, row = 3 * (size_t)W + 1;
  unsigned char *z = malloc(n), *raw = malloc(row * H + 1);
  assert_non_null(z);
  assert_non_null(raw);
  for (size_t at = 8; at + 12 <= n;) {
    size_t len = (size_t)png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
    if (memcmp(png + at + 4, "IDAT", 4) == 0) {
      memcpy(z + z_n, png + at + 8, len);
      z_n += len;
    }
    at += 12 + len;
  }
  z_stream s;
  memset(&s, 0, sizeof(s));
  assert_int_equal(inflateInit(&s), Z_OK);
  s.next_in = z;
  s.avail_in = (uInt)z_n;
  s.next_out = raw;
  s.avail_out = (uInt)(row * H + 1);
  assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
  assert_int_equal(s.avail_in, 0);
  assert_int_equal(s.total_out, row * H);
  for (int y = 0; y < H; y++) {
    const unsigned char *r = raw + (size_t)y * row;
    assert_int_equal(r[0], 0); /* filter None */
    for (int x = 0; x < W; x++) {
      uint32_t c = blocks_then_noise(x, y);
      assert_int_equal(r[1 + 3 * x], c >> 16 & 0xff);
      assert_int_equal(r[2 + 3 * x], c >> 8 & 0xff);
      assert_int_equal(r[3 + 3 * x], c & 0xff);
    }
  }
  inflateEnd(&s);
  free(z);
  free(raw);
  free(png);
}

static void test_paint_error_stops(void **state)
{
  (void)state;
  for (int workers = 1; workers <= 3; workers++) {
    char *data = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&data, &n);
    assert_non_null(fp);
    jv_png_writer *w;
    jv_error err;
    assert_int_equal(jv_png_writer_new(&w, fp, "t.png", W, H, 96, &err), JV_OK);
    painter p;
    painter_init(&p, noise, 10, 60);
    assert_int_equal(jv_png_bands_run(w, H, 10, workers, paint, &p, &err), JV_EINTERNAL);
    assert_string_equal(err.msg, "paint failed at 60");
    /* the six bands above it, and at most one more per other worker */
    assert_true(atomic_load(&p.painted) >= 6);
    assert_true(atomic_load(&p.painted) <= 6 + workers - 1);
    jv_png_writer_free(w);
    fclose(fp);
    free(data);
    painter_free(&p);
  }
}

static void test_write_error_reaches_the_caller(void **state)
{
  (void)state;
  FILE *fp = fopen("/dev/full", "wb");
  if (!fp)
    skip();
  setvbuf(fp, NULL, _IONBF, 0);
  jv_png_writer *w;
  jv_error err;
  assert_int_equal(jv_png_writer_new(&w, fp, "full.png", W, H, 96, &err), JV_OK);
  painter p;
  painter_init(&p, noise, 10, -1);
  jv_status st = jv_png_bands_run(w, H, 10, 2, paint, &p, &err);
  if (st == JV_OK)
    st = jv_png_writer_finish(w, &err);
  assert_int_equal(st, JV_EIO);
  assert_non_null(strstr(err.msg, "disk is full"));
  jv_png_writer_free(w);
  fclose(fp);
  painter_free(&p);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_same_file_any_workers),
      cmocka_unit_test(test_palette_file_whatever_the_bands),
      cmocka_unit_test(test_rgb_stream_is_the_rows),
      cmocka_unit_test(test_paint_error_stops),
      cmocka_unit_test(test_write_error_reaches_the_caller),
  };
  return cmocka_run_group_tests_name("png_bands", tests, NULL, NULL);
}
