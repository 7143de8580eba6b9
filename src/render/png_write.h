/* png_write.h - PNG encoding of rendered pixels, row band by row band: an
 * 8-bit palette when the image has at most 256 colours, else RGB streamed
 * through libpng; a pHYs chunk for the resolution; filter and compression
 * level chosen by measurement. */
#ifndef JV_RENDER_PNG_WRITE_H
#define JV_RENDER_PNG_WRITE_H

#include <stdint.h>
#include <stdio.h>

#include "util/error.h"

typedef struct jv_png_writer jv_png_writer;

/* Starts a width x height image at dpi for fp (not owned; path names it in
 * errors). The caller frees *out with jv_png_writer_free. */
jv_status jv_png_writer_new(jv_png_writer **out, FILE *fp, const char *path, int width, int height,
                            double dpi, jv_error *err);
void jv_png_writer_free(jv_png_writer *p);

/* Adds the next n rows: cairo ARGB32/RGB24 pixels (native-endian 32-bit,
 * alpha ignored: callers paint an opaque background), stride bytes apart. */
jv_status jv_png_writer_rows(jv_png_writer *p, const uint32_t *pixels, size_t stride, int n,
                             jv_error *err);

/* After all height rows: writes what is still held and the end of the file.
 * JV_EIO when writing failed. */
jv_status jv_png_writer_finish(jv_png_writer *p, jv_error *err);

/* zlib's adler32(a, buf, n), by libdeflate's vectorised one: zlib's own
 * was a fifth of the encoder thread's time at 600 dpi (perf). */
uint32_t jv_png_adler32(uint32_t a, const unsigned char *buf, size_t n);

#endif
