/* cairo_pen.c - each jv_draw operation as the cairo calls that do it;
 * text is measured with the same FreeType widths as layout (unhinted
 * outlines and metrics) and aligned on them. */
#include "render/cairo_pen.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <string.h>

#include "util/utf8.h"

#define JV_PI 3.14159265358979323846

jv_status jv_cairo_fonts_init(jv_cairo_fonts *f, const jv_fonts *fonts, jv_error *err)
{
  memset(f, 0, sizeof(*f));
  f->fonts = fonts;
  if (pthread_mutex_init(&f->text, NULL) != 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot create a lock");
  f->text_init = 1;
  /* Unhinted outlines and metrics: glyph advances then equal the FreeType
   * font-unit widths that layout measured with jv_fonts_text_width. */
  f->options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(f->options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(f->options, CAIRO_HINT_STYLE_NONE);
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    f->face[i] = cairo_ft_font_face_create_for_ft_face(
        (FT_Face)jv_fonts_ft_face(fonts, (jv_font_style)i), 0);
    if (cairo_font_face_status(f->face[i]) != CAIRO_STATUS_SUCCESS)
      return jv_error_set(err, JV_EINTERNAL, jv_fonts_path(fonts, (jv_font_style)i), 0, 0,
                          "cairo cannot use this font");
  }
  return JV_OK;
}

void jv_cairo_fonts_free(jv_cairo_fonts *f)
{
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    if (f->face[i])
      cairo_font_face_destroy(f->face[i]);
  if (f->options)
    cairo_font_options_destroy(f->options);
  if (f->text_init)
    pthread_mutex_destroy(&f->text);
  memset(f, 0, sizeof(*f));
}

static void note_misuse(jv_cairo_pen *p, const char *what)
{
  if (p->path_open && !p->misuse)
    p->misuse = what;
}

static void op_move_to(void *ctx, double x, double y)
{
  jv_cairo_pen *p = ctx;
  p->path_open = 1;
  cairo_move_to(p->cr, x, y);
}

static void op_line_to(void *ctx, double x, double y)
{
  jv_cairo_pen *p = ctx;
  p->path_open = 1;
  cairo_line_to(p->cr, x, y);
}

static void op_curve_to(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3)
{
  jv_cairo_pen *p = ctx;
  p->path_open = 1;
  cairo_curve_to(p->cr, x1, y1, x2, y2, x3, y3);
}

static void op_close(void *ctx)
{
  cairo_close_path(((jv_cairo_pen *)ctx)->cr);
}

static void op_set_rgb(void *ctx, jv_rgb col)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "colour set inside an open path");
  cairo_set_source_rgb(p->cr, col.r, col.g, col.b);
}

static void op_set_line_width(void *ctx, double w)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "line width set inside an open path");
  cairo_set_line_width(p->cr, w);
}

static void op_set_dash(void *ctx, double on, double off)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "dash set inside an open path");
  if (on <= 0) {
    cairo_set_dash(p->cr, NULL, 0, 0);
  } else {
    double d[2] = {on, off > 0 ? off : on};
    cairo_set_dash(p->cr, d, 2, 0);
  }
}

static cairo_fill_rule_t rule_of(jv_fill_rule r)
{
  return r == JV_FILL_EVENODD ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING;
}

static void op_fill(void *ctx, jv_fill_rule r)
{
  jv_cairo_pen *p = ctx;
  cairo_set_fill_rule(p->cr, rule_of(r));
  cairo_fill(p->cr);
  p->path_open = 0;
}

static void op_stroke(void *ctx)
{
  jv_cairo_pen *p = ctx;
  cairo_stroke(p->cr);
  p->path_open = 0;
}

static void op_clip(void *ctx, jv_fill_rule r)
{
  jv_cairo_pen *p = ctx;
  cairo_set_fill_rule(p->cr, rule_of(r));
  cairo_clip(p->cr);
  p->path_open = 0;
}

static void op_save(void *ctx)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "save inside an open path");
  cairo_save(p->cr);
}

static void op_restore(void *ctx)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "restore inside an open path");
  cairo_restore(p->cr);
}

static void op_text(void *ctx, double x, double y, const char *utf8, jv_font_style style,
                    double size, jv_align align, double angle)
{
  jv_cairo_pen *p = ctx;
  note_misuse(p, "text inside an open path");
  if (!utf8 || !*utf8 || style < 0 || style >= JV_FONT_STYLE_COUNT)
    return;
  /* invalid UTF-8 would put the cairo context into a sticky error state */
  if (jv_utf8_invalid_at(utf8, strlen(utf8)) >= 0) {
    if (!p->misuse)
      p->misuse = "text is not valid UTF-8";
    return;
  }
  pthread_mutex_lock(&p->fonts->text);
  double w = jv_fonts_text_width(p->fonts->fonts, style, size, utf8);
  double off = align == JV_ALIGN_RIGHT ? -w : align == JV_ALIGN_CENTER ? -w / 2 : 0;
  cairo_t *cr = p->cr;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  if (angle != 0)
    cairo_rotate(cr, -angle * JV_PI / 180.0); /* y is down: counter-clockwise is negative */
  cairo_set_font_face(cr, p->fonts->face[style]);
  cairo_set_font_size(cr, size);
  cairo_set_font_options(cr, p->fonts->options);
  cairo_move_to(cr, off, 0);
  cairo_show_text(cr, utf8);
  cairo_new_path(cr); /* show_text leaves a current point behind */
  cairo_restore(cr);
  pthread_mutex_unlock(&p->fonts->text);
}

static const jv_draw_ops cairo_ops = {op_move_to, op_line_to,        op_curve_to, op_close,
                                      op_set_rgb, op_set_line_width, op_set_dash, op_fill,
                                      op_stroke,  op_clip,           op_save,     op_restore,
                                      op_text};

void jv_cairo_pen_init(jv_cairo_pen *p, cairo_t *cr, jv_cairo_fonts *f)
{
  memset(p, 0, sizeof(*p));
  p->draw.ops = &cairo_ops;
  p->draw.ctx = p;
  p->draw.fonts = f->fonts;
  p->cr = cr;
  p->fonts = f;
}

void jv_cairo_pen_start(jv_cairo_pen *p, cairo_t *cr)
{
  p->cr = cr;
  p->path_open = 0;
}
