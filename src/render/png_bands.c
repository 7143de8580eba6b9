/* png_bands.c - two band buffers between the painting thread (the caller)
 * and an encoding thread: a buffer is painted when free, handed over
 * filled, and free again when encoded. zlib's compression of a 300-dpi map
 * then runs beside cairo's rasterising (bench/). */
#include "render/png_bands.h"

#include <pthread.h>
#include <string.h>

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  jv_png_writer *w;
  uint32_t *const *px;
  size_t stride;
  int rows[2]; /* > 0: the slot is filled with this many rows */
  int quit;    /* no more bands */
  jv_status st;
  jv_error err;
} hand;

static void *encode(void *arg)
{
  hand *h = arg;
  for (int slot = 0;; slot ^= 1) {
    pthread_mutex_lock(&h->mu);
    while (!h->rows[slot] && !h->quit)
      pthread_cond_wait(&h->cv, &h->mu);
    int rows = h->rows[slot];
    jv_status st = h->st;
    pthread_mutex_unlock(&h->mu);
    if (!rows)
      return NULL;
    jv_error err;
    if (st == JV_OK)
      st = jv_png_writer_rows(h->w, h->px[slot], h->stride, rows, &err);
    pthread_mutex_lock(&h->mu);
    if (st != JV_OK && h->st == JV_OK) {
      h->st = st;
      h->err = err;
    }
    h->rows[slot] = 0;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
  }
}

static jv_status one_thread(jv_png_writer *w, int height, int band_rows, uint32_t *const px[2],
                            size_t stride, jv_band_paint paint, void *ctx, jv_error *err)
{
  jv_status st = JV_OK;
  for (int y0 = 0; st == JV_OK && y0 < height; y0 += band_rows) {
    st = paint(ctx, 0, y0, err);
    if (st == JV_OK)
      st = jv_png_writer_rows(w, px[0], stride, height - y0 < band_rows ? height - y0 : band_rows,
                              err);
  }
  return st;
}

jv_status jv_png_bands_run(jv_png_writer *w, int height, int band_rows, uint32_t *const px[2],
                           size_t stride, jv_band_paint paint, void *ctx, jv_error *err)
{
  if (height <= band_rows) /* one band: nothing to overlap */
    return one_thread(w, height, band_rows, px, stride, paint, ctx, err);
  hand h;
  memset(&h, 0, sizeof(h));
  h.w = w;
  h.px = px;
  h.stride = stride;
  h.st = JV_OK;
  if (pthread_mutex_init(&h.mu, NULL) != 0)
    return one_thread(w, height, band_rows, px, stride, paint, ctx, err);
  if (pthread_cond_init(&h.cv, NULL) != 0) {
    pthread_mutex_destroy(&h.mu);
    return one_thread(w, height, band_rows, px, stride, paint, ctx, err);
  }
  pthread_t t;
  if (pthread_create(&t, NULL, encode, &h) != 0) {
    pthread_cond_destroy(&h.cv);
    pthread_mutex_destroy(&h.mu);
    return one_thread(w, height, band_rows, px, stride, paint, ctx, err);
  }
  jv_status st = JV_OK;
  int slot = 0;
  for (int y0 = 0; y0 < height; y0 += band_rows, slot ^= 1) {
    pthread_mutex_lock(&h.mu);
    while (h.rows[slot] && h.st == JV_OK)
      pthread_cond_wait(&h.cv, &h.mu);
    int failed = h.st != JV_OK;
    pthread_mutex_unlock(&h.mu);
    if (failed || (st = paint(ctx, slot, y0, err)) != JV_OK)
      break;
    pthread_mutex_lock(&h.mu);
    h.rows[slot] = height - y0 < band_rows ? height - y0 : band_rows;
    pthread_cond_broadcast(&h.cv);
    pthread_mutex_unlock(&h.mu);
  }
  pthread_mutex_lock(&h.mu);
  h.quit = 1;
  pthread_cond_broadcast(&h.cv);
  pthread_mutex_unlock(&h.mu);
  pthread_join(t, NULL); /* it encodes what was handed over, then ends */
  if (st == JV_OK && h.st != JV_OK) {
    st = h.st;
    if (err)
      *err = h.err;
  }
  pthread_cond_destroy(&h.cv);
  pthread_mutex_destroy(&h.mu);
  return st;
}
