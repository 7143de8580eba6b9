/* Unit tests for render/png_bands.c: bands painted on one thread and
 * encoded on another give the file one thread gives (the rows in order),
 * for band heights that divide the image and that do not, and one band; a
 * failing paint stops the run with its error; a failing write (a full
 * disk) reaches the caller from the encoding thread. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/png_bands.h"

enum { W = 97, H = 211 };

typedef struct {
  uint32_t *buf[2];
  int rows;    /* band height */
  int fail_at; /* y0 of the band whose paint fails, -1 none */
  int painted; /* bands painted */
} painter;

static uint32_t colour(int x, int y)
{
  return (uint32_t)(x * 2654435761u ^ y * 40503u) & 0xffffffu; /* many colours: RGB */
}

static jv_status paint(void *ctx, int slot, int y0, jv_error *err)
{
  painter *p = ctx;
  if (y0 == p->fail_at)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "paint failed at %d", y0);
  for (int y = 0; y < p->rows && y0 + y < H; y++)
    for (int x = 0; x < W; x++)
      p->buf[slot][y * W + x] = 0xff000000u | colour(x, y0 + y);
  p->painted++;
  return JV_OK;
}

/* The PNG of the test image in bands of rows, through jv_png_bands_run
 * (threads) or band by band here; returns its bytes. */
static unsigned char *encode(int rows, int threads, size_t *n)
{
  char *data = NULL;
  FILE *fp = open_memstream(&data, n);
  assert_non_null(fp);
  jv_png_writer *w;
  jv_error err;
  assert_int_equal(jv_png_writer_new(&w, fp, "t.png", W, H, 96, &err), JV_OK);
  painter p = {{calloc((size_t)W * rows, 4), calloc((size_t)W * rows, 4)}, rows, -1, 0};
  assert_non_null(p.buf[0]);
  assert_non_null(p.buf[1]);
  if (threads) {
    assert_int_equal(jv_png_bands_run(w, H, rows, p.buf, W * 4, paint, &p, &err), JV_OK);
  } else {
    for (int y0 = 0; y0 < H; y0 += rows) {
      assert_int_equal(paint(&p, 0, y0, &err), JV_OK);
      assert_int_equal(jv_png_writer_rows(w, p.buf[0], W * 4, H - y0 < rows ? H - y0 : rows, &err),
                       JV_OK);
    }
  }
  assert_int_equal(p.painted, (H + rows - 1) / rows);
  assert_int_equal(jv_png_writer_finish(w, &err), JV_OK);
  jv_png_writer_free(w);
  fclose(fp);
  free(p.buf[0]);
  free(p.buf[1]);
  return (unsigned char *)data;
}

static void test_same_file_as_one_thread(void **state)
{
  (void)state;
  static const int rows[] = {1, 7, 50, 211, 300};
  for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
    size_t a, b;
    unsigned char *one = encode(rows[i], 0, &a), *two = encode(rows[i], 1, &b);
    assert_int_equal(a, b);
    assert_memory_equal(one, two, a);
    assert_true(a > 1000);
    free(one);
    free(two);
  }
}

static void test_paint_error_stops(void **state)
{
  (void)state;
  char *data = NULL;
  size_t n = 0;
  FILE *fp = open_memstream(&data, &n);
  assert_non_null(fp);
  jv_png_writer *w;
  jv_error err;
  assert_int_equal(jv_png_writer_new(&w, fp, "t.png", W, H, 96, &err), JV_OK);
  painter p = {{calloc(W * 10, 4), calloc(W * 10, 4)}, 10, 60, 0};
  assert_int_equal(jv_png_bands_run(w, H, 10, p.buf, W * 4, paint, &p, &err), JV_EINTERNAL);
  assert_string_equal(err.msg, "paint failed at 60");
  assert_int_equal(p.painted, 6);
  jv_png_writer_free(w);
  fclose(fp);
  free(data);
  free(p.buf[0]);
  free(p.buf[1]);
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
  painter p = {{calloc(W * 10, 4), calloc(W * 10, 4)}, 10, -1, 0};
  jv_status st = jv_png_bands_run(w, H, 10, p.buf, W * 4, paint, &p, &err);
  if (st == JV_OK)
    st = jv_png_writer_finish(w, &err);
  assert_int_equal(st, JV_EIO);
  assert_non_null(strstr(err.msg, "disk is full"));
  jv_png_writer_free(w);
  fclose(fp);
  free(p.buf[0]);
  free(p.buf[1]);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_same_file_as_one_thread),
      cmocka_unit_test(test_paint_error_stops),
      cmocka_unit_test(test_write_error_reaches_the_caller),
  };
  return cmocka_run_group_tests_name("png_bands", tests, NULL, NULL);
}
