/* png_write.h - PNG encoding of rendered pixels, band by band: an 8-bit
 * palette when the image has at most 256 colours, else RGB; a pHYs chunk
 * for the resolution; filter and compression level chosen by measurement.
 * Bands are encoded independently (on several threads at once if wanted,
 * each with its own jv_png_coder) and put into the writer in order; an RGB
 * file's bytes depend on where the bands are cut, never on the threads. */
#ifndef JV_RENDER_PNG_WRITE_H
#define JV_RENDER_PNG_WRITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/error.h"

typedef struct jv_png_writer jv_png_writer;

/* One thread's encoding state: a zlib stream, a row and a colour table. */
typedef struct jv_png_coder jv_png_coder;

/* One band of rows, encoded: its part of the RGB zlib stream and, while the
 * image may still be a palette image, its colours. Start from all zeros;
 * jv_png_writer_put takes what it holds, jv_png_band_free frees a band
 * that was not put. */
typedef struct {
  int y0, rows;
  unsigned char *z; /* raw deflate of its filtered RGB rows, byte-aligned */
  size_t z_n, z_cap;
  uint32_t adler; /* adler32 of those filtered rows */
  size_t raw_n;   /* and their length */
  /* its colours (0xRRGGBB) in order of first appearance, its rows held in
   * the writer as indices into them; -1: not indexed (over 256 colours) */
  int n_colours;
  uint32_t colour[256];
  unsigned char map[256]; /* jv_png_writer_put: to the image's palette */
} jv_png_band;

/* Starts a width x height image at dpi for fp (not owned; path names it in
 * errors). The caller frees *out with jv_png_writer_free. */
jv_status jv_png_writer_new(jv_png_writer **out, FILE *fp, const char *path, int width, int height,
                            double dpi, jv_error *err);
void jv_png_writer_free(jv_png_writer *p);

/* A coder for p's rows; the caller frees *out with jv_png_coder_free. */
jv_status jv_png_coder_new(jv_png_coder **out, const jv_png_writer *p, jv_error *err);
void jv_png_coder_free(jv_png_coder *c);

/* Encodes the n rows from y0 (cairo ARGB32/RGB24 pixels, native-endian
 * 32-bit, alpha ignored: callers paint an opaque background; stride bytes
 * apart) into *b. Safe on several threads at once for different bands,
 * each with its own coder: it touches only b, c, the band's rows of p's
 * palette indices and p's atomic flag that the image has over 256 colours. */
jv_status jv_png_writer_encode(jv_png_writer *p, jv_png_coder *c, int y0, const uint32_t *pixels,
                               size_t stride, int n, jv_png_band *b, jv_error *err);

/* Adds the next band (its y0 is the first row not yet put), taking what b
 * holds; one thread at a time. Writes to the file once the image is known
 * to be RGB; JV_EIO when writing failed. */
jv_status jv_png_writer_put(jv_png_writer *p, jv_png_band *b, jv_error *err);
void jv_png_band_free(jv_png_band *b);

/* jv_png_writer_encode and jv_png_writer_put of the next n rows as one
 * band, on the calling thread. */
jv_status jv_png_writer_rows(jv_png_writer *p, const uint32_t *pixels, size_t stride, int n,
                             jv_error *err);

/* After all height rows: writes what is still held and the end of the file.
 * JV_EIO when writing failed. */
jv_status jv_png_writer_finish(jv_png_writer *p, jv_error *err);

/* zlib's adler32(a, buf, n), by ISA-L's vectorised one: zlib's own was a
 * fifth of the encoder thread's time at 600 dpi (perf). */
uint32_t jv_png_adler32(uint32_t a, const unsigned char *buf, size_t n);

#endif
