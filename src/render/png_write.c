/* png_write.c - while the image has at most 256 colours its rows are kept as
 * palette indices (1 byte a pixel); the 257th colour starts an RGB image,
 * the rows held so far expanded into it, and every row from then on is
 * streamed, so memory stays bounded. A palette image goes through libpng
 * (zlib level 3). RGB rows (filter None, what bench/ measured fastest for
 * flat-coloured maps) are compressed here and handed to libpng as IDAT
 * chunks: zlib level 1 in pieces of whole rows of at most JV_PNG_PIECE
 * bytes, each ended by a full flush (byte-aligned, hash chains cleared,
 * the window restarted), in one raw deflate stream (zlib header and adler32
 * kept here).
 * Within 64 KiB zlib never slides its window, and sliding its hash chains
 * (slide_hash) was 24% of a 300-dpi national map's cycles, more than the
 * rest of zlib (perf). The cost: no match reaches back over a piece's
 * start, 655,700 -> 695,294 bytes at 300 dpi (+6%), for 77 -> 67 ms wall and
 * 87 -> 76 ms CPU (paired medians). (Holding the image whole for
 * libdeflate, as before, took fewer instructions but more time and 16 MiB
 * more memory.) */
#include "render/png_write.h"

#include <errno.h>
#include <libdeflate.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "render/atomic_file.h"

#define JV_PNG_ZLIB_LEVEL_RGB 1     /* a map's 20 MB of rows: speed first */
#define JV_PNG_ZLIB_LEVEL_PALETTE 3 /* small files: as before */
#define JV_PNG_HASH 1024            /* open-addressing slots for <= 256 colours */
#define JV_PNG_PIECE 65000          /* < 64 KiB - 262: zlib's window never slides */
#define JV_PNG_IDAT 65536           /* bytes of one IDAT chunk */

struct jv_png_writer {
  FILE *fp;
  const char *path;
  int width, height, done; /* rows received */
  double dpi;
  png_structp png;
  png_infop info;
  int errnum;    /* errno of a failed write */
  char msg[128]; /* libpng's message for any other failure */
  int started;   /* header written */
  int rgb;       /* more than 256 colours: streaming RGB rows */
  /* palette mode */
  unsigned char *index; /* width * height */
  uint32_t colour[256];
  int n_colours;
  uint32_t key[JV_PNG_HASH]; /* colour | 1 << 24 when used */
  unsigned char slot[JV_PNG_HASH];
  unsigned char *row; /* filter byte and one RGB row */
  /* RGB mode: the zlib stream of the IDAT chunks */
  z_stream z;
  int z_open;         /* deflateInit2 succeeded */
  size_t piece;       /* bytes given to the current raw deflate stream */
  uLong adler;        /* of all filtered rows */
  unsigned char *out; /* JV_PNG_IDAT bytes: the chunk being filled */
  uint32_t *line;     /* one row of pixels, expanded from indices */
};

static void on_error(png_structp png, png_const_charp msg)
{
  jv_png_writer *p = png_get_error_ptr(png);
  if (p && !p->msg[0])
    snprintf(p->msg, sizeof(p->msg), "%s", msg);
  png_longjmp(png, 1);
}

static void on_write(png_structp png, png_bytep data, size_t len)
{
  jv_png_writer *p = png_get_io_ptr(png);
  errno = 0;
  if (fwrite(data, 1, len, p->fp) != len) {
    p->errnum = errno ? errno : EIO;
    png_error(png, "write error");
  }
}

static void on_flush(png_structp png)
{
  (void)png;
}

/* The error after libpng gave up (longjmp). */
static jv_status failed(const jv_png_writer *p, jv_error *err)
{
  if (p->errnum)
    return jv_atomic_write_error(p->path, p->errnum, err);
  return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "libpng: %s", p->msg);
}

static void on_warning(png_structp png, png_const_charp msg)
{
  (void)png;
  (void)msg;
}

jv_status jv_png_writer_new(jv_png_writer **out, FILE *fp, const char *path, int width, int height,
                            double dpi, jv_error *err)
{
  *out = NULL;
  jv_png_writer *p = calloc(1, sizeof(*p));
  if (p) {
    p->index = malloc((size_t)width * (size_t)height);
    p->row = malloc((size_t)width * 3 + 1);
    p->line = malloc((size_t)width * sizeof(uint32_t));
    p->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, p, on_error, on_warning);
    if (p->png)
      p->info = png_create_info_struct(p->png);
  }
  if (!p || !p->index || !p->row || !p->line || !p->info) {
    jv_png_writer_free(p);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  p->fp = fp;
  p->path = path;
  p->width = width;
  p->height = height;
  p->dpi = dpi;
  *out = p;
  return JV_OK;
}

void jv_png_writer_free(jv_png_writer *p)
{
  if (!p)
    return;
  if (p->png)
    png_destroy_write_struct(&p->png, p->info ? &p->info : NULL);
  if (p->z_open)
    deflateEnd(&p->z);
  free(p->index);
  free(p->row);
  free(p->line);
  free(p->out);
  free(p);
}

/* Header chunks; called inside the setjmp of the caller. */
static void write_header(jv_png_writer *p, int palette)
{
  png_set_write_fn(p->png, p, on_write, on_flush);
  png_set_filter(p->png, 0, PNG_FILTER_NONE);
  png_set_compression_level(p->png, JV_PNG_ZLIB_LEVEL_PALETTE);
  png_set_IHDR(p->png, p->info, (png_uint_32)p->width, (png_uint_32)p->height, 8,
               palette ? PNG_COLOR_TYPE_PALETTE : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (palette) {
    png_color pal[256];
    for (int i = 0; i < p->n_colours; i++) {
      pal[i].red = (png_byte)(p->colour[i] >> 16);
      pal[i].green = (png_byte)(p->colour[i] >> 8);
      pal[i].blue = (png_byte)p->colour[i];
    }
    png_set_PLTE(p->png, p->info, pal, p->n_colours > 0 ? p->n_colours : 1);
  }
  /* pixels per metre, so viewers and print dialogs see the requested dpi */
  png_uint_32 ppm = (png_uint_32)(p->dpi / 0.0254 + 0.5);
  png_set_pHYs(p->png, p->info, ppm, ppm, PNG_RESOLUTION_METER);
  png_write_info(p->png, p->info);
  p->started = 1;
  if (palette)
    return;
  p->out = malloc(JV_PNG_IDAT);
  if (!p->out || deflateInit2(&p->z, JV_PNG_ZLIB_LEVEL_RGB, Z_DEFLATED, -MAX_WBITS, 8,
                              Z_DEFAULT_STRATEGY) != Z_OK)
    png_error(p->png, "out of memory");
  p->z_open = 1;
  p->out[0] = 0x78, p->out[1] = 0x01; /* zlib header: 32 KiB window, fastest */
  p->z.next_out = p->out + 2;
  p->z.avail_out = JV_PNG_IDAT - 2;
  p->adler = adler32(0L, Z_NULL, 0);
}

/* Compresses n bytes (n = 0: ends the current piece by flush, Z_FULL_FLUSH
 * or Z_FINISH), writing every IDAT chunk that fills. */
static void deflate_bytes(jv_png_writer *p, const unsigned char *in, size_t n, int flush)
{
  p->z.next_in = (Bytef *)(uintptr_t)in;
  p->z.avail_in = (uInt)n;
  for (;;) {
    int r = deflate(&p->z, flush);
    if (r == Z_STREAM_ERROR)
      png_error(p->png, "zlib failed");
    if (p->z.avail_out == 0) { /* more may be pending */
      png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, JV_PNG_IDAT);
      p->z.next_out = p->out;
      p->z.avail_out = JV_PNG_IDAT;
      continue;
    }
    /* room left: all input taken and the flush done */
    if (flush != Z_FINISH || r == Z_STREAM_END)
      return;
    png_error(p->png, "zlib did not finish");
  }
}

/* One filtered row (p->row, 1 + 3 * width bytes) into the zlib stream. */
static void deflate_row(jv_png_writer *p)
{
  size_t n = (size_t)p->width * 3 + 1;
  if (p->piece && p->piece + n > JV_PNG_PIECE) {
    /* zlib's full flush: a sync flush that also forgets the matches, so the
     * next piece starts the window afresh */
    deflate_bytes(p, NULL, 0, Z_FULL_FLUSH);
    p->piece = 0;
  }
  p->adler = jv_png_adler32((uint32_t)p->adler, p->row, n);
  deflate_bytes(p, p->row, n, Z_NO_FLUSH);
  p->piece += n;
}

/* The last piece, the adler32, the last IDAT and IEND. */
static void finish_rgb(jv_png_writer *p)
{
  deflate_bytes(p, NULL, 0, Z_FINISH);
  unsigned char a[4] = {(unsigned char)(p->adler >> 24), (unsigned char)(p->adler >> 16),
                        (unsigned char)(p->adler >> 8), (unsigned char)p->adler};
  size_t used = JV_PNG_IDAT - p->z.avail_out;
  if (used + 4 > JV_PNG_IDAT) {
    png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, used);
    used = 0;
  }
  memcpy(p->out + used, a, 4);
  png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, used + 4);
  png_write_chunk(p->png, (png_const_bytep) "IEND", NULL, 0);
}

/* The palette index of colour c (0xRRGGBB), adding it; -1 when full. */
static int lookup(jv_png_writer *p, uint32_t c)
{
  uint32_t h = (c * 2654435761u) >> 22; /* 10 bits: JV_PNG_HASH */
  for (;; h = (h + 1) & (JV_PNG_HASH - 1)) {
    if (p->key[h] == (c | 1u << 24))
      return p->slot[h];
    if (!p->key[h])
      break;
  }
  if (p->n_colours == 256)
    return -1;
  p->key[h] = c | 1u << 24;
  p->slot[h] = (unsigned char)p->n_colours;
  p->colour[p->n_colours] = c;
  return p->n_colours++;
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define JV_PNG_SSSE3 1
/* Four pixels at a time by one byte shuffle (SSSE3, which every x86-64
 * processor of the last fifteen years has; checked before use). Each store
 * writes 16 bytes of which 12 count, so it stops 6 pixels before the end. */
__attribute__((target("ssse3"))) static int rgb_ssse3(const uint32_t *px, unsigned char *o, int w)
{
  const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  int x = 0;
  for (; x + 6 <= w; x += 4)
    _mm_storeu_si128(
        (__m128i *)(void *)(o + 3 * x),
        _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(px + x)), order));
  return x;
}

#endif

uint32_t jv_png_adler32(uint32_t a, const unsigned char *buf, size_t n)
{
  return libdeflate_adler32(a, buf, n);
}

static void put_rgb_row(jv_png_writer *p, const uint32_t *px)
{
  p->row[0] = 0; /* filter None */
  unsigned char *o = p->row + 1;
  int x = 0;
#ifdef JV_PNG_SSSE3
  if (__builtin_cpu_supports("ssse3")) {
    x = rgb_ssse3(px, o, p->width);
    o += 3 * x;
  }
#endif
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* four pixels (0xAARRGGBB) at a time into three words of R G B bytes */
  for (; x + 4 <= p->width; x += 4, o += 12) {
    uint32_t a = __builtin_bswap32(px[x]) >> 8, b = __builtin_bswap32(px[x + 1]) >> 8;
    uint32_t c = __builtin_bswap32(px[x + 2]) >> 8, d = __builtin_bswap32(px[x + 3]) >> 8;
    uint32_t w[3] = {a | b << 24, b >> 8 | c << 16, c >> 16 | d << 8};
    memcpy(o, w, sizeof(w));
  }
#endif
  for (; x < p->width; x++, o += 3) {
    uint32_t c = px[x];
    o[0] = (unsigned char)(c >> 16), o[1] = (unsigned char)(c >> 8), o[2] = (unsigned char)c;
  }
  deflate_row(p);
}

/* From palette to RGB: the header, then every row held so far, expanded. */
static void switch_to_rgb(jv_png_writer *p)
{
  write_header(p, 0);
  uint32_t *line = p->line;
  for (int y = 0; y < p->done; y++) {
    const unsigned char *in = p->index + (size_t)y * p->width;
    for (int x = 0; x < p->width; x++)
      line[x] = p->colour[in[x]];
    put_rgb_row(p, line);
  }
  free(p->index);
  p->index = NULL;
  p->rgb = 1;
}

jv_status jv_png_writer_rows(jv_png_writer *p, const uint32_t *pixels, size_t stride, int n,
                             jv_error *err)
{
  if (n < 0 || p->done + n > p->height)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "PNG rows beyond the image");
  if (setjmp(png_jmpbuf(p->png)))
    return failed(p, err);
  for (int r = 0; r < n; r++) {
    const uint32_t *px = (const uint32_t *)((const unsigned char *)pixels + (size_t)r * stride);
    if (!p->rgb) {
      unsigned char *o = p->index + (size_t)p->done * p->width;
      uint32_t last = 0xffffffffu;
      int li = 0, x = 0;
      for (; x < p->width; x++) {
        /* runs of the last colour 8 pixels at a time (most of a map); none
         * before the first colour (last > 0xffffff) */
        while (
            last <= 0xffffffu && x + 8 <= p->width &&
            !(((px[x] ^ last) | (px[x + 1] ^ last) | (px[x + 2] ^ last) | (px[x + 3] ^ last) |
               (px[x + 4] ^ last) | (px[x + 5] ^ last) | (px[x + 6] ^ last) | (px[x + 7] ^ last)) &
              0xffffffu)) {
          memset(o + x, li, 8);
          x += 8;
        }
        if (x == p->width)
          break;
        uint32_t c = px[x] & 0xffffffu;
        if (c != last) {
          li = lookup(p, c);
          if (li < 0)
            break;
          last = c;
        }
        o[x] = (unsigned char)li;
      }
      if (x < p->width)
        switch_to_rgb(p);
    }
    if (p->rgb)
      put_rgb_row(p, px);
    p->done++;
  }
  return JV_OK;
}

jv_status jv_png_writer_finish(jv_png_writer *p, jv_error *err)
{
  if (p->done != p->height)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "PNG has %d of %d rows", p->done,
                        p->height);
  if (setjmp(png_jmpbuf(p->png)))
    return failed(p, err);
  if (p->rgb) {
    finish_rgb(p);
    return JV_OK;
  }
  write_header(p, 1);
  for (int y = 0; y < p->height; y++)
    png_write_row(p->png, p->index + (size_t)y * p->width);
  png_write_end(p->png, p->info);
  return JV_OK;
}
