/* png_write.c - a band is encoded on its own (jv_png_writer_encode): its
 * rows as palette indices into its own colour table, while the image may
 * still have at most 256 colours, and always as its part of the RGB
 * deflate stream. Bands are put in order: their colour tables merge into
 * the image's palette (first appearance order, as one pass over the rows
 * would give); the 257th colour makes the image RGB, and from then on each
 * band's compressed rows are written as they come, so memory stays
 * bounded. A palette image goes through libpng (zlib level 3) at finish.
 * RGB rows (filter None, what bench/ measured fastest for flat-coloured
 * maps) are compressed here by ISA-L's igzip and handed to libpng as IDAT
 * chunks: each band a raw deflate stream of its own ended by a full flush
 * (byte-aligned, no match reaching back into the band before), the last
 * one by the final block; they join into one zlib stream whose header and
 * adler32 are written here. igzip level 1 took a fifth of zlib level 1's
 * time on a 300-dpi national map's rows (4 against 23 ms, 2 cores), for
 * 5% more bytes (733,418 against 695,090). */
#include "render/png_write.h"

#include <errno.h>
#include <isa-l/igzip_lib.h>
#include <png.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "render/atomic_file.h"
#include "util/grow.h"

#define JV_PNG_IGZIP_LEVEL 1        /* a map's 20 MB of rows: speed first */
#define JV_PNG_ZLIB_LEVEL_PALETTE 3 /* small files: as before */
#define JV_PNG_HASH 1024            /* open-addressing slots for <= 256 colours */
#define JV_PNG_BATCH (1u << 18)     /* bytes of rows given to igzip at a time */
#define JV_PNG_IDAT 65536           /* bytes of one IDAT chunk */

/* Colours to palette indices: open addressing, at most 256 colours. */
typedef struct {
  uint32_t key[JV_PNG_HASH]; /* colour | 1 << 24 when used */
  unsigned char slot[JV_PNG_HASH];
} colour_hash;

struct jv_png_writer {
  FILE *fp;
  const char *path;
  int width, height, done; /* rows put */
  double dpi;
  png_structp png;
  png_infop info;
  int errnum;             /* errno of a failed write */
  char msg[128];          /* libpng's message for any other failure */
  int rgb;                /* more than 256 colours: writing RGB bands as they come */
  atomic_int not_palette; /* known to have more than 256 colours */
  /* palette: the image's colours so far, and the bands put while it may
   * still be a palette image (their indices in index, their RGB in z) */
  unsigned char *index; /* width * height */
  uint32_t colour[256];
  int n_colours;
  colour_hash hash;
  jv_png_band *held;
  size_t n_held, cap_held;
  /* RGB: the IDAT chunk being filled, the adler32 of the rows put */
  unsigned char *out;
  size_t out_n;
  uLong adler;
  jv_png_coder *own; /* jv_png_writer_rows' coder */
};

struct jv_png_coder {
  struct isal_zstream z;
  unsigned char *level_buf; /* igzip's for its level */
  int width, batch_rows;
  unsigned char *rows; /* batch_rows filtered RGB rows (filter byte first) */
  colour_hash hash;    /* the band's colours */
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
    p->out = malloc(JV_PNG_IDAT);
    p->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, p, on_error, on_warning);
    if (p->png)
      p->info = png_create_info_struct(p->png);
  }
  if (!p || !p->index || !p->out || !p->info) {
    jv_png_writer_free(p);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  p->fp = fp;
  p->path = path;
  p->width = width;
  p->height = height;
  p->dpi = dpi;
  atomic_init(&p->not_palette, 0);
  p->out[0] = 0x78, p->out[1] = 0x01; /* zlib header: 32 KiB window, fastest */
  p->out_n = 2;
  p->adler = adler32(0L, Z_NULL, 0);
  *out = p;
  return JV_OK;
}

void jv_png_band_free(jv_png_band *b)
{
  free(b->z);
  b->z = NULL;
  b->z_n = b->z_cap = 0;
}

void jv_png_writer_free(jv_png_writer *p)
{
  if (!p)
    return;
  if (p->png)
    png_destroy_write_struct(&p->png, p->info ? &p->info : NULL);
  for (size_t i = 0; i < p->n_held; i++)
    jv_png_band_free(&p->held[i]);
  free(p->held);
  free(p->index);
  free(p->out);
  jv_png_coder_free(p->own);
  free(p);
}

/* Bytes of one filtered RGB row. */
static size_t row_bytes(int width)
{
  return (size_t)width * 3 + 1;
}

jv_status jv_png_coder_new(jv_png_coder **out, const jv_png_writer *p, jv_error *err)
{
  jv_png_coder *c = calloc(1, sizeof(*c));
  *out = NULL;
  if (c) {
    c->width = p->width;
    size_t k = JV_PNG_BATCH / row_bytes(p->width);
    c->batch_rows = k ? (int)k : 1;
    c->rows = malloc(row_bytes(p->width) * (size_t)c->batch_rows);
    c->level_buf = malloc(ISAL_DEF_LVL1_DEFAULT);
  }
  if (!c || !c->rows || !c->level_buf) {
    jv_png_coder_free(c);
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "out of memory");
  }
  *out = c;
  return JV_OK;
}

void jv_png_coder_free(jv_png_coder *c)
{
  if (!c)
    return;
  free(c->rows);
  free(c->level_buf);
  free(c);
}

/* Compresses n bytes into b with c->z's flush and end_of_stream set;
 * 0, or -1 out of memory or igzip failed. */
static int deflate_bytes(jv_png_coder *c, jv_png_band *b, unsigned char *in, size_t n)
{
  c->z.next_in = in;
  c->z.avail_in = (uint32_t)n;
  for (;;) {
    if (b->z_cap - b->z_n < 4096 &&
        jv_grow((void **)&b->z, &b->z_cap, b->z_n + 4096, 1, 1u << 16) != 0)
      return -1;
    c->z.next_out = b->z + b->z_n;
    c->z.avail_out = (uint32_t)(b->z_cap - b->z_n);
    int r = isal_deflate(&c->z);
    b->z_n = b->z_cap - c->z.avail_out;
    if (r != COMP_OK)
      return -1;
    if (c->z.avail_out == 0) /* more may be pending */
      continue;
    /* room left: all input taken and the flush done */
    return c->z.avail_in == 0 && (!c->z.end_of_stream || c->z.internal_state.state == ZSTATE_END)
               ? 0
               : -1;
  }
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
  return isal_adler32(a, buf, n);
}

/* One row of pixels as a filtered RGB row at row. */
static void rgb_row(const jv_png_coder *c, const uint32_t *px, unsigned char *row)
{
  row[0] = 0; /* filter None */
  unsigned char *o = row + 1;
  int x = 0;
#ifdef JV_PNG_SSSE3
  if (__builtin_cpu_supports("ssse3")) {
    x = rgb_ssse3(px, o, c->width);
    o += 3 * x;
  }
#endif
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* four pixels (0xAARRGGBB) at a time into three words of R G B bytes */
  for (; x + 4 <= c->width; x += 4, o += 12) {
    uint32_t a = __builtin_bswap32(px[x]) >> 8, b = __builtin_bswap32(px[x + 1]) >> 8;
    uint32_t d = __builtin_bswap32(px[x + 2]) >> 8, e = __builtin_bswap32(px[x + 3]) >> 8;
    uint32_t w[3] = {a | b << 24, b >> 8 | d << 16, d >> 16 | e << 8};
    memcpy(o, w, sizeof(w));
  }
#endif
  for (; x < c->width; x++, o += 3) {
    uint32_t v = px[x];
    o[0] = (unsigned char)(v >> 16), o[1] = (unsigned char)(v >> 8), o[2] = (unsigned char)v;
  }
}

/* The index of colour v (0xRRGGBB) in table/colour of *n, adding it; -1
 * when 256 are there already. */
static int lookup(colour_hash *h, uint32_t *colour, int *n, uint32_t v)
{
  uint32_t at = (v * 2654435761u) >> 22; /* 10 bits: JV_PNG_HASH */
  for (;; at = (at + 1) & (JV_PNG_HASH - 1)) {
    if (h->key[at] == (v | 1u << 24))
      return h->slot[at];
    if (!h->key[at])
      break;
  }
  if (*n == 256)
    return -1;
  h->key[at] = v | 1u << 24;
  h->slot[at] = (unsigned char)*n;
  colour[*n] = v;
  return (*n)++;
}

/* The band's rows as indices into its colours, in p->index; b->n_colours
 * -1 when it has more than 256 (the image then has too). */
static void index_rows(jv_png_writer *p, jv_png_coder *c, const uint32_t *pixels, size_t stride,
                       jv_png_band *b)
{
  memset(c->hash.key, 0, sizeof(c->hash.key));
  b->n_colours = 0;
  for (int r = 0; r < b->rows; r++) {
    const uint32_t *px = (const uint32_t *)((const unsigned char *)pixels + (size_t)r * stride);
    unsigned char *o = p->index + (size_t)(b->y0 + r) * (size_t)p->width;
    uint32_t last = 0xffffffffu;
    int li = 0;
    for (int x = 0; x < p->width; x++) {
      /* runs of the last colour 8 pixels at a time (most of a map); none
       * before the first colour (last > 0xffffff) */
      while (last <= 0xffffffu && x + 8 <= p->width &&
             !(((px[x] ^ last) | (px[x + 1] ^ last) | (px[x + 2] ^ last) | (px[x + 3] ^ last) |
                (px[x + 4] ^ last) | (px[x + 5] ^ last) | (px[x + 6] ^ last) | (px[x + 7] ^ last)) &
               0xffffffu)) {
        memset(o + x, li, 8);
        x += 8;
      }
      if (x == p->width)
        break;
      uint32_t v = px[x] & 0xffffffu;
      if (v != last) {
        li = lookup(&c->hash, b->colour, &b->n_colours, v);
        if (li < 0) {
          b->n_colours = -1;
          atomic_store(&p->not_palette, 1); /* other bands can stop indexing */
          return;
        }
        last = v;
      }
      o[x] = (unsigned char)li;
    }
  }
}

jv_status jv_png_writer_encode(jv_png_writer *p, jv_png_coder *c, int y0, const uint32_t *pixels,
                               size_t stride, int n, jv_png_band *b, jv_error *err)
{
  if (n <= 0 || y0 < 0 || y0 + n > p->height || c->width != p->width)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "PNG rows beyond the image");
  b->y0 = y0;
  b->rows = n;
  b->z_n = 0;
  b->n_colours = -1;
  if (!atomic_load(&p->not_palette))
    index_rows(p, c, pixels, stride, b);
  /* a deflate stream of its own, ended on a byte by a full flush */
  isal_deflate_init(&c->z);
  c->z.level = JV_PNG_IGZIP_LEVEL;
  c->z.level_buf = c->level_buf;
  c->z.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
  size_t len = row_bytes(p->width);
  uint32_t adler = 1;
  int bad = 0;
  for (int r = 0; r < n && !bad; r += c->batch_rows) {
    int k = n - r < c->batch_rows ? n - r : c->batch_rows;
    for (int i = 0; i < k; i++)
      rgb_row(c, (const uint32_t *)((const unsigned char *)pixels + (size_t)(r + i) * stride),
              c->rows + (size_t)i * len);
    adler = jv_png_adler32(adler, c->rows, len * (size_t)k);
    int last = r + k == n;
    c->z.flush = last ? FULL_FLUSH : NO_FLUSH;
    c->z.end_of_stream = last && y0 + n == p->height;
    bad = deflate_bytes(c, b, c->rows, len * (size_t)k);
  }
  if (bad)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "out of memory compressing PNG rows");
  b->adler = adler;
  b->raw_n = len * (size_t)n;
  return JV_OK;
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
}

/* A band's compressed rows into the IDAT chunks, each written when full. */
static void write_band(jv_png_writer *p, jv_png_band *b)
{
  for (size_t at = 0; at < b->z_n;) {
    size_t k = b->z_n - at < JV_PNG_IDAT - p->out_n ? b->z_n - at : JV_PNG_IDAT - p->out_n;
    memcpy(p->out + p->out_n, b->z + at, k);
    p->out_n += k;
    at += k;
    if (p->out_n == JV_PNG_IDAT) {
      png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, JV_PNG_IDAT);
      p->out_n = 0;
    }
  }
  p->adler = adler32_combine(p->adler, b->adler, (z_off_t)b->raw_n);
  jv_png_band_free(b);
}

/* The band's colours into the image's palette (b->map); 0 when that makes
 * more than 256. */
static int merge_colours(jv_png_writer *p, jv_png_band *b)
{
  for (int i = 0; i < b->n_colours; i++) {
    int k = lookup(&p->hash, p->colour, &p->n_colours, b->colour[i]);
    if (k < 0)
      return 0;
    b->map[i] = (unsigned char)k;
  }
  return 1;
}

jv_status jv_png_writer_put(jv_png_writer *p, jv_png_band *b, jv_error *err)
{
  if (b->y0 != p->done || b->rows <= 0 || b->y0 + b->rows > p->height)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "PNG band out of order");
  if (setjmp(png_jmpbuf(p->png)))
    return failed(p, err);
  if (!p->rgb && b->n_colours >= 0 && merge_colours(p, b)) {
    if (jv_grow((void **)&p->held, &p->cap_held, p->n_held + 1, sizeof(*p->held), 16) != 0)
      return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "out of memory");
    p->held[p->n_held++] = *b; /* its z is held now */
    b->z = NULL;
    b->z_n = b->z_cap = 0;
    p->done += b->rows;
    return JV_OK;
  }
  if (!p->rgb) { /* the 257th colour: an RGB image, with the bands held so far */
    atomic_store(&p->not_palette, 1);
    p->rgb = 1;
    write_header(p, 0);
    for (size_t i = 0; i < p->n_held; i++)
      write_band(p, &p->held[i]);
    p->n_held = 0;
  }
  write_band(p, b);
  p->done += b->rows;
  return JV_OK;
}

jv_status jv_png_writer_rows(jv_png_writer *p, const uint32_t *pixels, size_t stride, int n,
                             jv_error *err)
{
  jv_status st = p->own ? JV_OK : jv_png_coder_new(&p->own, p, err);
  jv_png_band b = {0};
  if (st == JV_OK)
    st = jv_png_writer_encode(p, p->own, p->done, pixels, stride, n, &b, err);
  if (st == JV_OK)
    st = jv_png_writer_put(p, &b, err);
  jv_png_band_free(&b);
  return st;
}

/* The held bands' indices into the image's palette. */
static void remap_held(jv_png_writer *p)
{
  for (size_t i = 0; i < p->n_held; i++) {
    const jv_png_band *b = &p->held[i];
    int same = 1;
    for (int k = 0; k < b->n_colours && same; k++)
      same = b->map[k] == k;
    if (same)
      continue;
    unsigned char *o = p->index + (size_t)b->y0 * (size_t)p->width;
    for (size_t k = 0, n = (size_t)b->rows * (size_t)p->width; k < n; k++)
      o[k] = b->map[o[k]];
  }
}

jv_status jv_png_writer_finish(jv_png_writer *p, jv_error *err)
{
  if (p->done != p->height)
    return jv_error_set(err, JV_EINTERNAL, p->path, 0, 0, "PNG has %d of %d rows", p->done,
                        p->height);
  if (setjmp(png_jmpbuf(p->png)))
    return failed(p, err);
  if (p->rgb) { /* the adler32 ends the last IDAT chunk, or makes one */
    unsigned char a[4] = {(unsigned char)(p->adler >> 24), (unsigned char)(p->adler >> 16),
                          (unsigned char)(p->adler >> 8), (unsigned char)p->adler};
    if (p->out_n + 4 > JV_PNG_IDAT) {
      png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, p->out_n);
      p->out_n = 0;
    }
    memcpy(p->out + p->out_n, a, 4);
    png_write_chunk(p->png, (png_const_bytep) "IDAT", p->out, p->out_n + 4);
    png_write_chunk(p->png, (png_const_bytep) "IEND", NULL, 0);
    return JV_OK;
  }
  remap_held(p);
  write_header(p, 1);
  for (int y = 0; y < p->height; y++)
    png_write_row(p->png, p->index + (size_t)y * p->width);
  png_write_end(p->png, p->info);
  return JV_OK;
}
