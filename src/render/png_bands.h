/* png_bands.h - painting and encoding a PNG's bands on several threads:
 * each worker paints the next band into its own buffer and encodes it with
 * its own coder; the bands are put into the writer in order, so the file is
 * the same whatever the number of workers and however the work falls.
 * Owns the threads and the bands in flight. */
#ifndef JV_RENDER_PNG_BANDS_H
#define JV_RENDER_PNG_BANDS_H

#include <stddef.h>
#include <stdint.h>

#include "render/png_write.h"

#define JV_PNG_BANDS_MAX_WORKERS 8

/* Paints the rows rows from y0 into worker's own buffer and points *px
 * (*stride bytes a row) at them; JV_OK or an error (err filled). Called
 * for one band at a time per worker, for different workers at once. */
typedef jv_status (*jv_band_paint)(void *ctx, int worker, int y0, int rows, const uint32_t **px,
                                   size_t *stride, jv_error *err);

/* The bands y0 = 0, band_rows, ... below height painted and encoded by
 * workers workers (at most JV_PNG_BANDS_MAX_WORKERS; the calling thread
 * is worker 0; fewer when threads cannot be started) and put into w in order. The error of the
 * first band (from the top) that failed is returned; bands after it are not put. */
jv_status jv_png_bands_run(jv_png_writer *w, int height, int band_rows, int workers,
                           jv_band_paint paint, void *ctx, jv_error *err);

#endif
