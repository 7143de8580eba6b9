/* png_bands.c - workers take bands in order of y under one lock, paint and
 * encode them outside it, and put every band that is next in line: the one
 * that finishes the band the file waits for writes it (and any finished
 * bands after it). Painting was the longest part of a 300-dpi national map
 * and encoding the next (bench/); on two cores both halve. */
#include "render/png_bands.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  pthread_mutex_t mu;
  jv_png_writer *w;
  int height, band_rows, n_bands;
  jv_band_paint paint;
  void *ctx;
  int next;            /* the next band to take */
  int put;             /* the next band to put */
  jv_png_band *band;   /* n_bands */
  unsigned char *done; /* n_bands: encoded, waiting to be put */
  int failed;          /* the first band that failed; n_bands: none */
  jv_status st;
  jv_error err;
} pool;

typedef struct {
  pool *pl;
  int id;
} worker;

/* Under the lock: band b failed with st (err); the first such band wins. */
static void fail(pool *pl, int b, jv_status st, const jv_error *err)
{
  if (b < pl->failed) {
    pl->failed = b;
    pl->st = st;
    pl->err = *err;
  }
}

/* Under the lock: puts the bands that are next in line and encoded. */
static void put_ready(pool *pl)
{
  jv_error err;
  while (pl->put < pl->failed && pl->put < pl->n_bands && pl->done[pl->put]) {
    jv_status st = jv_png_writer_put(pl->w, &pl->band[pl->put], &err);
    if (st != JV_OK)
      fail(pl, pl->put, st, &err);
    else
      pl->put++;
  }
}

static void *work(void *arg)
{
  const worker *me = arg;
  pool *pl = me->pl;
  jv_png_coder *coder;
  jv_error err;
  jv_status st = jv_png_coder_new(&coder, pl->w, &err);
  pthread_mutex_lock(&pl->mu);
  if (st != JV_OK)
    fail(pl, pl->next, st, &err);
  while (st == JV_OK && pl->next < pl->failed && pl->next < pl->n_bands) {
    int b = pl->next++;
    pthread_mutex_unlock(&pl->mu);
    int y0 = b * pl->band_rows;
    int rows = pl->height - y0 < pl->band_rows ? pl->height - y0 : pl->band_rows;
    const uint32_t *px = NULL;
    size_t stride = 0;
    st = pl->paint(pl->ctx, me->id, y0, rows, &px, &stride, &err);
    if (st == JV_OK)
      st = jv_png_writer_encode(pl->w, coder, y0, px, stride, rows, &pl->band[b], &err);
    pthread_mutex_lock(&pl->mu);
    if (st != JV_OK) {
      fail(pl, b, st, &err);
    } else {
      pl->done[b] = 1;
      put_ready(pl);
    }
  }
  pthread_mutex_unlock(&pl->mu);
  jv_png_coder_free(coder);
  return NULL;
}

jv_status jv_png_bands_run(jv_png_writer *w, int height, int band_rows, int workers,
                           jv_band_paint paint, void *ctx, jv_error *err)
{
  if (height <= 0 || band_rows <= 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "no PNG rows to paint");
  pool pl;
  memset(&pl, 0, sizeof(pl));
  pl.w = w;
  pl.height = height;
  pl.band_rows = band_rows;
  pl.n_bands = (height - 1) / band_rows + 1;
  pl.paint = paint;
  pl.ctx = ctx;
  pl.failed = pl.n_bands;
  pl.band = calloc((size_t)pl.n_bands, sizeof(*pl.band));
  pl.done = calloc((size_t)pl.n_bands, 1);
  if (!pl.band || !pl.done || pthread_mutex_init(&pl.mu, NULL) != 0) {
    free(pl.band);
    free(pl.done);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  if (workers > pl.n_bands)
    workers = pl.n_bands;
  if (workers > JV_PNG_BANDS_MAX_WORKERS)
    workers = JV_PNG_BANDS_MAX_WORKERS;
  if (workers < 1)
    workers = 1;
  worker me[JV_PNG_BANDS_MAX_WORKERS];
  pthread_t t[JV_PNG_BANDS_MAX_WORKERS];
  int started = 0;
  for (int i = 0; i < workers; i++)
    me[i] = (worker){&pl, i};
  /* worker 0 is this thread; a thread that cannot start leaves its bands
   * to the others */
  for (int i = 1; i < workers; i++)
    if (pthread_create(&t[started + 1], NULL, work, &me[started + 1]) == 0)
      started++;
  work(&me[0]);
  for (int i = 1; i <= started; i++)
    pthread_join(t[i], NULL);
  for (int i = 0; i < pl.n_bands; i++)
    jv_png_band_free(&pl.band[i]);
  free(pl.band);
  free(pl.done);
  pthread_mutex_destroy(&pl.mu);
  if (pl.failed < pl.n_bands) {
    if (err)
      *err = pl.err;
    return pl.st;
  }
  return JV_OK;
}
