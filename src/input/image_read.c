/* image_read.c - PNG through libpng and JPEG through libjpeg, each with a
 * setjmp error handler; both read from a bounded in-memory copy. */
#include "input/image_read.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* jpeglib.h needs stdio.h and stddef.h first */
#include <jpeglib.h>
#include <png.h>

static jv_status fail(char *why, size_t size, jv_status st, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static jv_status fail(char *why, size_t size, jv_status st, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, size, fmt, ap);
  va_end(ap);
  return st;
}

/* The whole file, refused when it is not a regular file or too large. */
static jv_status slurp(const char *path, unsigned char **data, size_t *len, char *why, size_t size)
{
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return fail(why, size, JV_ENOINPUT, "cannot open: %s", strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return fail(why, size, JV_ENOINPUT, "not a regular file");
  }
  if (st.st_size > (off_t)JV_IMAGE_MAX_BYTES) {
    close(fd);
    return fail(why, size, JV_EDATA, "%lld bytes; an image may have at most %u MB",
                (long long)st.st_size, JV_IMAGE_MAX_BYTES >> 20);
  }
  size_t want = (size_t)st.st_size, got = 0;
  unsigned char *buf = malloc(want ? want : 1);
  if (!buf) {
    close(fd);
    return fail(why, size, JV_EINTERNAL, "out of memory");
  }
  while (got < want) {
    ssize_t n = read(fd, buf + got, want - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  close(fd);
  *data = buf;
  *len = got;
  return JV_OK;
}

static jv_image *new_image(unsigned w, unsigned h, int with_alpha)
{
  jv_image *img = calloc(1, sizeof(*img));
  if (!img)
    return NULL;
  img->width = w, img->height = h;
  img->rgb = malloc((size_t)w * h * 3);
  img->alpha = with_alpha ? malloc((size_t)w * h) : NULL;
  if (!img->rgb || (with_alpha && !img->alpha)) {
    jv_image_free(img);
    return NULL;
  }
  return img;
}

static jv_status too_large(char *why, size_t size, unsigned long w, unsigned long h)
{
  return fail(why, size, JV_EDATA, "%lux%lu pixels; a logo may have at most %u pixels", w, h,
              JV_IMAGE_MAX_PIXELS);
}

typedef struct {
  const unsigned char *data;
  size_t len, pos;
  char msg[200];
} png_src;

static void png_fatal(png_structp p, png_const_charp msg)
{
  png_src *src = png_get_error_ptr(p);
  snprintf(src->msg, sizeof(src->msg), "%s", msg);
  png_longjmp(p, 1);
}

static void png_quiet(png_structp p, png_const_charp msg)
{
  (void)p, (void)msg; /* warnings (an odd ancillary chunk) do not stop a logo */
}

static void png_feed(png_structp p, png_bytep out, size_t n)
{
  png_src *src = png_get_io_ptr(p);
  if (n > src->len - src->pos)
    png_error(p, "the file ends too early (truncated)");
  memcpy(out, src->data + src->pos, n);
  src->pos += n;
}

/* libpng's own API under setjmp: its simplified API loses the alpha of
 * interlaced 16-bit images (libpng 1.6.39), so the transforms are spelt out. */
static jv_status read_png(const unsigned char *data, size_t len, jv_image **out, char *why,
                          size_t size)
{
  png_src src = {data, len, 0, ""};
  png_structp p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_fatal, png_quiet);
  png_infop info = p ? png_create_info_struct(p) : NULL;
  if (!info) {
    png_destroy_read_struct(&p, NULL, NULL);
    return fail(why, size, JV_EINTERNAL, "out of memory");
  }
  /* volatile: assigned between setjmp and a possible longjmp */
  unsigned char *volatile rgba = NULL;
  png_bytep *volatile rows = NULL;
  jv_status volatile st = JV_EDATA;
  if (setjmp(png_jmpbuf(p))) {
    png_destroy_read_struct(&p, &info, NULL);
    free(rgba);
    free(rows);
    if (st == JV_EINTERNAL)
      return fail(why, size, st, "out of memory");
    return fail(why, size, st, "corrupt PNG image (libpng: %s)", src.msg);
  }
  png_set_read_fn(p, &src, png_feed);
  png_read_info(p, info);
  png_uint_32 w = png_get_image_width(p, info), h = png_get_image_height(p, info);
  if ((unsigned long)w * h > JV_IMAGE_MAX_PIXELS) {
    png_destroy_read_struct(&p, &info, NULL);
    return too_large(why, size, w, h);
  }
  /* every bit depth, palette and grey level becomes 8-bit RGBA */
  png_set_expand(p);
  if (png_get_valid(p, info, PNG_INFO_tRNS))
    png_set_tRNS_to_alpha(p);
  png_set_scale_16(p);
  png_set_gray_to_rgb(p);
  png_set_filler(p, 0xFF, PNG_FILLER_AFTER);
  png_set_interlace_handling(p);
  png_read_update_info(p, info);
  if (png_get_rowbytes(p, info) != (size_t)w * 4) {
    snprintf(src.msg, sizeof(src.msg), "unexpected pixel layout");
    png_longjmp(p, 1);
  }
  size_t n = (size_t)w * h;
  rgba = malloc(n * 4);
  rows = malloc(h * sizeof(*rows));
  if (!rgba || !rows) {
    st = JV_EINTERNAL;
    png_longjmp(p, 1);
  }
  for (png_uint_32 y = 0; y < h; y++)
    rows[y] = rgba + (size_t)y * w * 4;
  png_read_image(p, rows);
  png_read_end(p, NULL);
  png_destroy_read_struct(&p, &info, NULL);
  free(rows);
  int opaque = 1;
  for (size_t i = 0; i < n && opaque; i++)
    opaque = rgba[i * 4 + 3] == 255;
  jv_image *img = new_image(w, h, !opaque);
  if (!img) {
    free(rgba);
    return fail(why, size, JV_EINTERNAL, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    memcpy(img->rgb + i * 3, rgba + i * 4, 3);
    if (img->alpha)
      img->alpha[i] = rgba[i * 4 + 3];
  }
  free(rgba);
  *out = img;
  return JV_OK;
}

typedef struct {
  struct jpeg_error_mgr pub;
  jmp_buf jump;
  char msg[JMSG_LENGTH_MAX];
} jpeg_err;

static void jpeg_fatal(j_common_ptr cinfo)
{
  jpeg_err *e = (jpeg_err *)cinfo->err;
  e->pub.format_message(cinfo, e->msg);
  longjmp(e->jump, 1);
}

/* A warning (premature end of data, a corrupt segment) means a damaged file:
 * refuse it instead of drawing grey stripes. Trace messages are dropped. */
static void jpeg_message(j_common_ptr cinfo, int level)
{
  if (level < 0)
    jpeg_fatal(cinfo);
}

static jv_status read_jpeg(const unsigned char *data, size_t len, jv_image **out, char *why,
                           size_t size)
{
  struct jpeg_decompress_struct ci;
  jpeg_err je;
  /* volatile: assigned between setjmp and a possible longjmp */
  jv_image *volatile img = NULL;
  ci.err = jpeg_std_error(&je.pub);
  je.pub.error_exit = jpeg_fatal;
  je.pub.emit_message = jpeg_message;
  je.msg[0] = '\0';
  if (setjmp(je.jump)) {
    jpeg_destroy_decompress(&ci);
    jv_image_free(img);
    return fail(why, size, JV_EDATA, "corrupt JPEG image (libjpeg: %s)", je.msg);
  }
  jpeg_create_decompress(&ci);
  jpeg_mem_src(&ci, data, (unsigned long)len);
  jpeg_read_header(&ci, TRUE);
  if (ci.jpeg_color_space == JCS_CMYK || ci.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&ci);
    return fail(why, size, JV_EDATA, "a CMYK JPEG is not supported; save the logo as RGB");
  }
  if ((unsigned long)ci.image_width * ci.image_height > JV_IMAGE_MAX_PIXELS) {
    unsigned long w = ci.image_width, h = ci.image_height;
    jpeg_destroy_decompress(&ci);
    return too_large(why, size, w, h);
  }
  ci.out_color_space = JCS_RGB;
  jpeg_start_decompress(&ci);
  img = new_image(ci.output_width, ci.output_height, 0);
  if (!img) {
    jpeg_destroy_decompress(&ci);
    return fail(why, size, JV_EINTERNAL, "out of memory");
  }
  while (ci.output_scanline < ci.output_height) {
    JSAMPROW row = img->rgb + (size_t)ci.output_scanline * ci.output_width * 3;
    jpeg_read_scanlines(&ci, &row, 1);
  }
  jpeg_finish_decompress(&ci);
  jpeg_destroy_decompress(&ci);
  *out = img;
  return JV_OK;
}

jv_status jv_image_read(const char *path, jv_image **out, char *why, size_t why_size)
{
  static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  unsigned char *data = NULL;
  size_t len = 0;
  *out = NULL;
  jv_status st = slurp(path, &data, &len, why, why_size);
  if (st)
    return st;
  if (len >= 8 && memcmp(data, png_sig, 8) == 0)
    st = read_png(data, len, out, why, why_size);
  else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    st = read_jpeg(data, len, out, why, why_size);
  else
    st = fail(why, why_size, JV_EDATA, "not a PNG or JPEG image");
  free(data);
  return st;
}
