/* draw_cairo.c - jv_draw on a cairo surface written to PNG, SVG or PDF.
 * Everything is written through a jv_atomic_file so a failed drawing never
 * replaces an existing output. A PNG is drawn into a display list first and
 * rasterised band by band (no full-size image in memory), each band encoded
 * as it is done: the same cairo calls, offset by whole pixels, so the same
 * pixels as one full-size surface. */
#include "render/draw_cairo.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/atomic_file.h"
#include "render/draw_record.h"
#include "render/png_bands.h"
#include "render/png_write.h"
#include "util/grow.h"
#include "util/utf8.h"

#define JV_PI 3.14159265358979323846
#define JV_BAND_BYTES (4u << 20) /* pixels of one PNG band, two of them (bench/) */

struct jv_draw_cairo {
  jv_draw draw;
  jv_surface_kind kind;
  cairo_surface_t *surface;
  cairo_surface_t *band2; /* PNG: the second band buffer (png_bands.c) */
  cairo_t *cr;
  cairo_font_face_t *face[JV_FONT_STYLE_COUNT];
  cairo_font_options_t *font_options;
  jv_atomic_file out;
  /* PNG: the recorded drawing and the image size in pixels */
  jv_draw_record *rec;
  int px_w, px_h, band_rows;
  double scale, dpi;
  int write_failed; /* set by the stream callback, errno of the failed write */
  /* A state change or text while a path is being built works in cairo but
   * not in PDF (libharu refuses it), so it is a bug in the caller that this
   * backend reports at finish: tests through PNG catch it for the report. */
  int path_open;
  const char *misuse;
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

static void note_misuse(jv_draw_cairo *c, const char *what)
{
  if (c->path_open && !c->misuse)
    c->misuse = what;
}

static void op_move_to(void *ctx, double x, double y)
{
  jv_draw_cairo *c = ctx;
  c->path_open = 1;
  cairo_move_to(c->cr, x, y);
}

static void op_line_to(void *ctx, double x, double y)
{
  jv_draw_cairo *c = ctx;
  c->path_open = 1;
  cairo_line_to(c->cr, x, y);
}

static void op_curve_to(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3)
{
  jv_draw_cairo *c = ctx;
  c->path_open = 1;
  cairo_curve_to(c->cr, x1, y1, x2, y2, x3, y3);
}

static void op_close(void *ctx)
{
  cairo_close_path(((jv_draw_cairo *)ctx)->cr);
}

static void op_set_rgb(void *ctx, jv_rgb col)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "colour set inside an open path");
  cairo_set_source_rgb(c->cr, col.r, col.g, col.b);
}

static void op_set_line_width(void *ctx, double w)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "line width set inside an open path");
  cairo_set_line_width(c->cr, w);
}

static void op_set_dash(void *ctx, double on, double off)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "dash set inside an open path");
  if (on <= 0) {
    cairo_set_dash(c->cr, NULL, 0, 0);
  } else {
    double d[2] = {on, off > 0 ? off : on};
    cairo_set_dash(c->cr, d, 2, 0);
  }
}

static cairo_fill_rule_t rule_of(jv_fill_rule r)
{
  return r == JV_FILL_EVENODD ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING;
}

static void op_fill(void *ctx, jv_fill_rule r)
{
  jv_draw_cairo *c = ctx;
  cairo_set_fill_rule(c->cr, rule_of(r));
  cairo_fill(c->cr);
  c->path_open = 0;
}

static void op_stroke(void *ctx)
{
  jv_draw_cairo *c = ctx;
  cairo_stroke(c->cr);
  c->path_open = 0;
}

static void op_clip(void *ctx, jv_fill_rule r)
{
  jv_draw_cairo *c = ctx;
  cairo_set_fill_rule(c->cr, rule_of(r));
  cairo_clip(c->cr);
  c->path_open = 0;
}

static void op_save(void *ctx)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "save inside an open path");
  cairo_save(c->cr);
}

static void op_restore(void *ctx)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "restore inside an open path");
  cairo_restore(c->cr);
}

static void op_text(void *ctx, double x, double y, const char *utf8, jv_font_style style,
                    double size, jv_align align, double angle)
{
  jv_draw_cairo *c = ctx;
  note_misuse(c, "text inside an open path");
  if (!utf8 || !*utf8 || style < 0 || style >= JV_FONT_STYLE_COUNT)
    return;
  /* invalid UTF-8 would put the cairo context into a sticky error state */
  if (jv_utf8_invalid_at(utf8, strlen(utf8)) >= 0) {
    if (!c->misuse)
      c->misuse = "text is not valid UTF-8";
    return;
  }
  double w = jv_fonts_text_width(c->draw.fonts, style, size, utf8);
  double off = align == JV_ALIGN_RIGHT ? -w : align == JV_ALIGN_CENTER ? -w / 2 : 0;
  cairo_t *cr = c->cr;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  if (angle != 0)
    cairo_rotate(cr, -angle * JV_PI / 180.0); /* y is down: counter-clockwise is negative */
  cairo_set_font_face(cr, c->face[style]);
  cairo_set_font_size(cr, size);
  cairo_set_font_options(cr, c->font_options);
  cairo_move_to(cr, off, 0);
  cairo_show_text(cr, utf8);
  cairo_new_path(cr); /* show_text leaves a current point behind */
  cairo_restore(cr);
}

static const jv_draw_ops cairo_ops = {op_move_to, op_line_to,        op_curve_to, op_close,
                                      op_set_rgb, op_set_line_width, op_set_dash, op_fill,
                                      op_stroke,  op_clip,           op_save,     op_restore,
                                      op_text};

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
  switch (kind) {
  case JV_SURFACE_PNG:
    c->px_w = (int)ceil(width * scale);
    c->px_h = (int)ceil(height * scale);
    c->scale = scale;
    c->dpi = dpi;
    c->band_rows = (int)(JV_BAND_BYTES / ((unsigned)c->px_w * 4u));
    if (c->band_rows < 1)
      c->band_rows = 1;
    /* the bands are cut from two surfaces: one painted while the other is
     * encoded */
    int band_h = c->band_rows < c->px_h ? c->band_rows : c->px_h;
    c->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, c->px_w, band_h);
    c->band2 = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, c->px_w, band_h);
    if (jv_draw_record_new(&c->rec, fonts, err) != JV_OK) {
      jv_draw_cairo_free(c);
      return JV_EINTERNAL;
    }
    break;
  case JV_SURFACE_SVG:
    c->surface = cairo_svg_surface_create_for_stream(write_stream, c, width, height);
    if (cairo_surface_status(c->surface) == CAIRO_STATUS_SUCCESS)
      cairo_svg_surface_set_document_unit(c->surface, CAIRO_SVG_UNIT_PT);
    break;
  case JV_SURFACE_PDF:
    c->surface = cairo_pdf_surface_create_for_stream(write_stream, c, width, height);
    if (cairo_surface_status(c->surface) == CAIRO_STATUS_SUCCESS)
      set_pdf_dates(c->surface);
    break;
  }
  c->cr = cairo_create(c->surface);
  if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
    jv_error_set(err, JV_EINTERNAL, path, 0, 0, "cannot create drawing: %s",
                 cairo_status_to_string(cairo_status(c->cr)));
    jv_draw_cairo_free(c);
    return JV_EINTERNAL;
  }
  /* Unhinted outlines and metrics: glyph advances then equal the FreeType
   * font-unit widths that layout measured with jv_fonts_text_width. */
  c->font_options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(c->font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(c->font_options, CAIRO_HINT_STYLE_NONE);
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    c->face[i] = cairo_ft_font_face_create_for_ft_face(
        (FT_Face)jv_fonts_ft_face(fonts, (jv_font_style)i), 0);
    if (cairo_font_face_status(c->face[i]) != CAIRO_STATUS_SUCCESS) {
      jv_error_set(err, JV_EINTERNAL, jv_fonts_path(fonts, (jv_font_style)i), 0, 0,
                   "cairo cannot use this font");
      jv_draw_cairo_free(c);
      return JV_EINTERNAL;
    }
  }
  cairo_set_source_rgb(c->cr, 0, 0, 0);
  cairo_set_line_width(c->cr, 1.0);
  c->draw.ops = &cairo_ops;
  c->draw.ctx = c;
  c->draw.fonts = fonts;
  *out = c;
  return JV_OK;
}

jv_draw *jv_draw_cairo_draw(jv_draw_cairo *c)
{
  return c->rec ? jv_draw_record_draw(c->rec) : &c->draw;
}

void jv_draw_cairo_set_band_rows(jv_draw_cairo *c, int rows)
{
  if (c->rec && rows >= 1 && rows <= c->band_rows)
    c->band_rows = rows;
}

/* Rasterises the rows from y0 of the recorded drawing into surface: the
 * page's white, then every recorded operation through the cairo ops. */
static cairo_status_t paint_band(jv_draw_cairo *c, cairo_surface_t *surface, int y0)
{
  cairo_surface_set_device_offset(surface, 0, -y0);
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, c->scale, c->scale);
  /* an opaque page: viewers would otherwise show transparency as black */
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.0);
  c->cr = cr;
  c->path_open = 0;
  /* paths that cannot reach the band's rows (2 pixels of room) are left out */
  double rows = cairo_image_surface_get_height(surface);
  jv_draw_record_replay_band(c->rec, &c->draw, (y0 - 2) / c->scale, (y0 + rows + 2) / c->scale);
  cairo_status_t cs = cairo_status(cr);
  cairo_destroy(cr);
  c->cr = NULL;
  cairo_surface_flush(surface);
  return cs;
}

/* A band for png_bands.c: painted, or the drawing's error. */
static jv_status paint_slot(void *ctx, int slot, int y0, jv_error *err)
{
  jv_draw_cairo *c = ctx;
  cairo_status_t cs = paint_band(c, slot ? c->band2 : c->surface, y0);
  if (c->misuse)
    return jv_error_set(err, JV_EINTERNAL, c->out.target, 0, 0, "drawing error: %s", c->misuse);
  if (cs != CAIRO_STATUS_SUCCESS)
    return jv_error_set(err, JV_EINTERNAL, c->out.target, 0, 0, "cairo: %s",
                        cairo_status_to_string(cs));
  return JV_OK;
}

static jv_status write_png(jv_draw_cairo *c, jv_error *err)
{
  const char *path = c->out.target;
  jv_status st = jv_draw_record_status(c->rec, err);
  jv_png_writer *w = NULL;
  cairo_destroy(c->cr); /* each band gets its own context */
  c->cr = NULL;
  if (st == JV_OK && (cairo_surface_status(c->surface) || cairo_surface_status(c->band2)))
    st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory for the PNG bands");
  if (st == JV_OK)
    st = jv_png_writer_new(&w, c->out.fp, path, c->px_w, c->px_h, c->dpi, err);
  uint32_t *px[2] = {(uint32_t *)(void *)cairo_image_surface_get_data(c->surface),
                     (uint32_t *)(void *)cairo_image_surface_get_data(c->band2)};
  size_t stride = (size_t)cairo_image_surface_get_stride(c->surface);
  if (st == JV_OK)
    st = jv_png_bands_run(w, c->px_h, c->band_rows, px, stride, paint_slot, c, err);
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
  if (c->misuse) {
    jv_atomic_abort(&c->out);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "drawing error: %s", c->misuse);
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
  if (c->band2)
    cairo_surface_destroy(c->band2);
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    if (c->face[i])
      cairo_font_face_destroy(c->face[i]);
  jv_draw_record_free(c->rec);
  if (c->font_options)
    cairo_font_options_destroy(c->font_options);
  free(c->title);
  free(c->desc);
  free(c->mem);
  free(c);
}
