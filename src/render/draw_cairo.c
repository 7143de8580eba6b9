/* draw_cairo.c - jv_draw on a cairo surface written to PNG, SVG or PDF.
 * Everything is written through a jv_atomic_file so a failed drawing never
 * replaces an existing output. A PNG is drawn into a display list first and
 * rasterised band by band (no full-size image in memory), bands painted and
 * encoded on as many threads as there are processors (png_bands.c), each
 * with its own band buffer and pen: the same cairo calls, offset by whole
 * pixels, so the same pixels as one full-size surface. */
#include "render/draw_cairo.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "render/atomic_file.h"
#include "render/cairo_pen.h"
#include "render/draw_record.h"
#include "render/png_bands.h"
#include "render/png_write.h"
#include "util/grow.h"

#define JV_BAND_BYTES (2u << 20) /* pixels of one PNG band, one per worker (bench/) */
#define JV_PNG_WORKERS 4         /* at most, and no more than the processors */

struct jv_draw_cairo {
  jv_surface_kind kind;
  cairo_surface_t *surface; /* SVG, PDF */
  cairo_t *cr;
  jv_cairo_fonts fonts;
  jv_cairo_pen pen; /* SVG, PDF */
  jv_atomic_file out;
  /* PNG: the recorded drawing, the image size in pixels, and per worker a
   * band buffer and a pen */
  jv_draw_record *rec;
  int px_w, px_h, band_rows, workers;
  double scale, dpi;
  cairo_surface_t *band[JV_PNG_WORKERS];
  jv_cairo_pen band_pen[JV_PNG_WORKERS];
  int write_failed; /* set by the stream callback, errno of the failed write */
  int finished;
  char *title, *desc; /* owned; SVG <title>/<desc>, PDF Title */
  /* SVG is collected here so the title and description go in after <svg> */
  unsigned char *mem;
  size_t mem_n, mem_cap;
};

int jv_surface_kind_from_path(const char *path, jv_surface_kind *out)
{
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash))
    return -1;
  static const struct {
    const char *ext;
    jv_surface_kind kind;
  } exts[] = {{".png", JV_SURFACE_PNG}, {".svg", JV_SURFACE_SVG}, {".pdf", JV_SURFACE_PDF}};
  for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
    const char *a = dot, *b = exts[i].ext;
    while (*a && *b && (*a | 0x20) == *b)
      a++, b++;
    if (!*a && !*b) {
      *out = exts[i].kind;
      return 0;
    }
  }
  return -1;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
  jv_draw_cairo *c = closure;
  if (!c->out.fp) /* aborted: cairo_surface_finish in free writes nothing */
    return CAIRO_STATUS_WRITE_ERROR;
  if (c->kind == JV_SURFACE_SVG) {
    if (jv_grow((void **)&c->mem, &c->mem_cap, c->mem_n + len, 1, 65536) != 0) {
      c->write_failed = 1;
      return CAIRO_STATUS_WRITE_ERROR;
    }
    memcpy(c->mem + c->mem_n, data, len);
    c->mem_n += len;
    return CAIRO_STATUS_SUCCESS;
  }
  if (fwrite(data, 1, len, c->out.fp) != len) {
    c->write_failed = errno ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF creation date from SOURCE_DATE_EPOCH, so two runs are identical. */
static void set_pdf_dates(cairo_surface_t *s)
{
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (!sde || !*sde) { /* an empty date makes cairo write none */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    return;
  }
  char *end;
  errno = 0;
  long long t = strtoll(sde, &end, 10);
  if (errno || *end || t < 0)
    return;
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm))
    return;
  char buf[32];
  strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, buf);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, buf);
}

jv_status jv_draw_cairo_open(jv_draw_cairo **out, jv_surface_kind kind, const char *path,
                             double width, double height, double dpi, const jv_fonts *fonts,
                             jv_error *err)
{
  *out = NULL;
  if (!(width > 0 && height > 0 && width < 1e5 && height < 1e5))
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "drawing size %gx%g pt is out of range", width,
                        height);
  if (kind == JV_SURFACE_PNG && !(dpi >= 10 && dpi <= 2400))
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "resolution %g dpi is out of range", dpi);
  double scale = kind == JV_SURFACE_PNG ? dpi / 72.0 : 1.0;
  if (kind == JV_SURFACE_PNG && (width * scale > 20000 || height * scale > 20000))
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "image of %.0fx%.0f pixels is too large",
                        width * scale, height * scale);

  jv_draw_cairo *c = calloc(1, sizeof(*c));
  if (!c)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  c->kind = kind;
  jv_status st = jv_atomic_open(&c->out, path, err);
  if (st) {
    free(c);
    return st;
  }
  st = jv_cairo_fonts_init(&c->fonts, fonts, err);
  if (st != JV_OK) {
    jv_draw_cairo_free(c);
    return st;
  }
  if (kind == JV_SURFACE_PNG) { /* recorded now, painted band by band at finish */
    c->px_w = (int)ceil(width * scale);
    c->px_h = (int)ceil(height * scale);
    c->scale = scale;
    c->dpi = dpi;
    if (jv_draw_record_new(&c->rec, fonts, err) != JV_OK) {
      jv_draw_cairo_free(c);
      return JV_EINTERNAL;
    }
    *out = c;
    return JV_OK;
  }
  if (kind == JV_SURFACE_SVG) {
    c->surface = cairo_svg_surface_create_for_stream(write_stream, c, width, height);
    if (cairo_surface_status(c->surface) == CAIRO_STATUS_SUCCESS)
      cairo_svg_surface_set_document_unit(c->surface, CAIRO_SVG_UNIT_PT);
  } else {
    c->surface = cairo_pdf_surface_create_for_stream(write_stream, c, width, height);
    if (cairo_surface_status(c->surface) == CAIRO_STATUS_SUCCESS)
      set_pdf_dates(c->surface);
  }
  c->cr = cairo_create(c->surface);
  if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
    jv_error_set(err, JV_EINTERNAL, path, 0, 0, "cannot create drawing: %s",
                 cairo_status_to_string(cairo_status(c->cr)));
    jv_draw_cairo_free(c);
    return JV_EINTERNAL;
  }
  cairo_set_source_rgb(c->cr, 0, 0, 0);
  cairo_set_line_width(c->cr, 1.0);
  jv_cairo_pen_init(&c->pen, c->cr, &c->fonts);
  *out = c;
  return JV_OK;
}

jv_draw *jv_draw_cairo_draw(jv_draw_cairo *c)
{
  return c->rec ? jv_draw_record_draw(c->rec) : &c->pen.draw;
}

void jv_draw_cairo_set_band_rows(jv_draw_cairo *c, int rows)
{
  if (c->rec && rows >= 1)
    c->band_rows = rows;
}

/* Rasterises the rows rows from y0 of the recorded drawing with worker's
 * band buffer and pen: the page's white, then every recorded operation
 * that can reach them, through the cairo ops. */
static jv_status paint_band(void *ctx, int worker, int y0, int rows, const uint32_t **px,
                            size_t *stride, jv_error *err)
{
  jv_draw_cairo *c = ctx;
  cairo_surface_t *surface = c->band[worker];
  jv_cairo_pen *pen = &c->band_pen[worker];
  cairo_surface_set_device_offset(surface, 0, -y0);
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, c->scale, c->scale);
  /* an opaque page: viewers would otherwise show transparency as black */
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.0);
  jv_cairo_pen_start(pen, cr);
  /* paths that cannot reach the band's rows (2 pixels of room) are left out */
  jv_draw_record_replay_band(c->rec, &pen->draw, (y0 - 2) / c->scale, (y0 + rows + 2) / c->scale);
  cairo_status_t cs = cairo_status(cr);
  cairo_destroy(cr);
  pen->cr = NULL;
  cairo_surface_flush(surface);
  if (pen->misuse)
    return jv_error_set(err, JV_EINTERNAL, c->out.target, 0, 0, "drawing error: %s", pen->misuse);
  if (cs != CAIRO_STATUS_SUCCESS)
    return jv_error_set(err, JV_EINTERNAL, c->out.target, 0, 0, "cairo: %s",
                        cairo_status_to_string(cs));
  *px = (const uint32_t *)(const void *)cairo_image_surface_get_data(surface);
  *stride = (size_t)cairo_image_surface_get_stride(surface);
  return JV_OK;
}

/* Band height and workers, and a band buffer and pen per worker: as many
 * workers as processors, up to JV_PNG_WORKERS and the number of bands. */
static jv_status start_bands(jv_draw_cairo *c, jv_error *err)
{
  if (!c->band_rows) { /* what fits in JV_BAND_BYTES */
    c->band_rows = (int)(JV_BAND_BYTES / ((unsigned)c->px_w * 4u));
    if (c->band_rows < 1)
      c->band_rows = 1;
  }
  int band_h = c->band_rows < c->px_h ? c->band_rows : c->px_h;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  int bands = (c->px_h - 1) / c->band_rows + 1;
  c->workers = cpus < 1 ? 1 : cpus < JV_PNG_WORKERS ? (int)cpus : JV_PNG_WORKERS;
  if (c->workers > bands)
    c->workers = bands;
  for (int i = 0; i < c->workers; i++) {
    c->band[i] = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, c->px_w, band_h);
    if (cairo_surface_status(c->band[i]) != CAIRO_STATUS_SUCCESS)
      return jv_error_set(err, JV_EINTERNAL, c->out.target, 0, 0,
                          "out of memory for the PNG bands");
    jv_cairo_pen_init(&c->band_pen[i], NULL, &c->fonts);
  }
  return JV_OK;
}

static jv_status write_png(jv_draw_cairo *c, jv_error *err)
{
  const char *path = c->out.target;
  jv_status st = jv_draw_record_status(c->rec, err);
  jv_png_writer *w = NULL;
  if (st == JV_OK)
    st = jv_png_writer_new(&w, c->out.fp, path, c->px_w, c->px_h, c->dpi, err);
  if (st == JV_OK)
    st = start_bands(c, err);
  if (st == JV_OK)
    st = jv_png_bands_run(w, c->px_h, c->band_rows, c->workers, paint_band, c, err);
  if (st == JV_OK)
    st = jv_png_writer_finish(w, err);
  jv_png_writer_free(w);
  if (st == JV_OK)
    st = jv_atomic_commit(&c->out, err);
  else
    jv_atomic_abort(&c->out);
  if (st == JV_OK)
    c->finished = 1;
  return st;
}

static void put_xml(FILE *fp, const char *s)
{
  for (; *s; s++)
    if (*s == '<')
      fputs("&lt;", fp);
    else if (*s == '>')
      fputs("&gt;", fp);
    else if (*s == '&')
      fputs("&amp;", fp);
    else
      fputc(*s, fp);
}

/* The collected SVG with <title> and <desc> as the first children of <svg>,
 * where screen readers and browsers look for them. */
static int write_svg(jv_draw_cairo *c)
{
  size_t at = 0;
  for (size_t i = 0; i + 4 <= c->mem_n; i++)
    if (memcmp(c->mem + i, "<svg", 4) == 0) {
      for (at = i; at < c->mem_n && c->mem[at] != '>'; at++)
        ;
      at = at < c->mem_n ? at + 1 : 0;
      break;
    }
  FILE *fp = c->out.fp;
  fwrite(c->mem, 1, at, fp);
  if (at && c->title) {
    fputs("\n<title>", fp);
    put_xml(fp, c->title);
    fputs("</title>", fp);
  }
  if (at && c->desc) {
    fputs("\n<desc>", fp);
    put_xml(fp, c->desc);
    fputs("</desc>", fp);
  }
  fwrite(c->mem + at, 1, c->mem_n - at, fp);
  return ferror(fp) ? -1 : 0;
}

void jv_draw_cairo_set_text(jv_draw_cairo *c, const char *title, const char *desc)
{
  free(c->title);
  free(c->desc);
  c->title = title ? strdup(title) : NULL;
  c->desc = desc ? strdup(desc) : NULL;
  if (c->kind == JV_SURFACE_PDF && c->title)
    cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_TITLE, c->title);
}

jv_status jv_draw_cairo_finish(jv_draw_cairo *c, jv_error *err)
{
  const char *path = c->out.target;
  if (c->rec)
    return write_png(c, err);
  if (c->pen.misuse) {
    jv_atomic_abort(&c->out);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "drawing error: %s", c->pen.misuse);
  }
  cairo_status_t cs = cairo_status(c->cr);
  cairo_surface_finish(c->surface);
  if (cs == CAIRO_STATUS_SUCCESS)
    cs = cairo_surface_status(c->surface);
  if (cs == CAIRO_STATUS_SUCCESS && c->kind == JV_SURFACE_SVG && write_svg(c) != 0)
    c->write_failed = 1;
  if (cs != CAIRO_STATUS_SUCCESS || c->write_failed) {
    jv_atomic_abort(&c->out);
    if (c->write_failed || cs == CAIRO_STATUS_WRITE_ERROR)
      return jv_atomic_write_error(path, c->write_failed, err);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "cairo: %s", cairo_status_to_string(cs));
  }
  jv_status st = jv_atomic_commit(&c->out, err);
  if (st == JV_OK)
    c->finished = 1;
  return st;
}

void jv_draw_cairo_free(jv_draw_cairo *c)
{
  if (!c)
    return;
  /* abort first: finishing an unfinished surface then writes nothing */
  if (!c->finished)
    jv_atomic_abort(&c->out);
  if (c->cr)
    cairo_destroy(c->cr);
  if (c->surface)
    cairo_surface_destroy(c->surface);
  for (int i = 0; i < c->workers; i++)
    if (c->band[i])
      cairo_surface_destroy(c->band[i]);
  jv_draw_record_free(c->rec);
  jv_cairo_fonts_free(&c->fonts);
  free(c->title);
  free(c->desc);
  free(c->mem);
  free(c);
}
