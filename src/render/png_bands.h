/* png_bands.h - painting a PNG band by band while a second thread encodes
 * the band painted before. Owns only that hand-over (two band buffers). */
#ifndef JV_RENDER_PNG_BANDS_H
#define JV_RENDER_PNG_BANDS_H

#include <stddef.h>
#include <stdint.h>

#include "render/png_write.h"

/* Paints the band of rows from y0 into buffer slot (0 or 1); JV_OK or an
 * error (err filled). */
typedef jv_status (*jv_band_paint)(void *ctx, int slot, int y0, jv_error *err);

/* For y0 = 0, band_rows, ... below height: paint(ctx, slot, y0) on this
 * thread into px[slot] (stride bytes a row), the rows then given to w on
 * another, so painting band k + 1 overlaps encoding band k; the rows reach
 * w in order, so the file is the same as one thread's. Without a second
 * thread, one after the other. The first error stops both and is returned. */
jv_status jv_png_bands_run(jv_png_writer *w, int height, int band_rows, uint32_t *const px[2],
                           size_t stride, jv_band_paint paint, void *ctx, jv_error *err);

#endif
