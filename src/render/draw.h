/* draw.h - the one small drawing interface that charts and maps draw through.
 * Owns the jv_draw handle and its operations; backends (draw_cairo.c for
 * PNG/SVG/PDF files, draw_hpdf.c for vectors inside the libharu report)
 * implement jv_draw_ops. Coordinates are points, origin top-left, y down;
 * text y is the baseline. */
#ifndef JV_RENDER_DRAW_H
#define JV_RENDER_DRAW_H

#include "layout/scene.h" /* jv_align, jv_fill_rule */
#include "render/fonts.h"
#include "util/color.h"

typedef struct {
  void (*move_to)(void *ctx, double x, double y);
  void (*line_to)(void *ctx, double x, double y);
  void (*curve_to)(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3);
  void (*close_path)(void *ctx);
  void (*set_rgb)(void *ctx, jv_rgb c);
  void (*set_line_width)(void *ctx, double w);
  /* Colour, line width, dash, save/restore and text only while no path is
   * being built (PDF forbids them inside a path; draw_cairo reports it). */
  /* on == 0 means a solid line */
  void (*set_dash)(void *ctx, double on, double off);
  /* fill / stroke consume the current path */
  void (*fill)(void *ctx, jv_fill_rule rule);
  void (*stroke)(void *ctx);
  /* clip to the current path (consumed); undone by restore */
  void (*clip)(void *ctx, jv_fill_rule rule);
  void (*save)(void *ctx);
  void (*restore)(void *ctx);
  /* UTF-8 text at baseline (x, y), aligned on x, rotated by angle degrees
   * counter-clockwise about (x, y). */
  void (*text)(void *ctx, double x, double y, const char *utf8, jv_font_style style, double size,
               jv_align align, double angle);
} jv_draw_ops;

typedef struct jv_draw {
  const jv_draw_ops *ops;
  void *ctx;
  const jv_fonts *fonts; /* for measuring text; same files in every backend */
} jv_draw;

static inline void jv_draw_move_to(jv_draw *d, double x, double y)
{
  d->ops->move_to(d->ctx, x, y);
}
static inline void jv_draw_line_to(jv_draw *d, double x, double y)
{
  d->ops->line_to(d->ctx, x, y);
}
static inline void jv_draw_curve_to(jv_draw *d, double x1, double y1, double x2, double y2,
                                    double x3, double y3)
{
  d->ops->curve_to(d->ctx, x1, y1, x2, y2, x3, y3);
}
static inline void jv_draw_close(jv_draw *d)
{
  d->ops->close_path(d->ctx);
}
static inline void jv_draw_rgb(jv_draw *d, jv_rgb c)
{
  d->ops->set_rgb(d->ctx, c);
}
static inline void jv_draw_line_width(jv_draw *d, double w)
{
  d->ops->set_line_width(d->ctx, w);
}
static inline void jv_draw_dash(jv_draw *d, double on, double off)
{
  d->ops->set_dash(d->ctx, on, off);
}
static inline void jv_draw_fill(jv_draw *d, jv_fill_rule r)
{
  d->ops->fill(d->ctx, r);
}
static inline void jv_draw_stroke(jv_draw *d)
{
  d->ops->stroke(d->ctx);
}
static inline void jv_draw_clip(jv_draw *d, jv_fill_rule r)
{
  d->ops->clip(d->ctx, r);
}
static inline void jv_draw_save(jv_draw *d)
{
  d->ops->save(d->ctx);
}
static inline void jv_draw_restore(jv_draw *d)
{
  d->ops->restore(d->ctx);
}
static inline void jv_draw_text(jv_draw *d, double x, double y, const char *s, jv_font_style st,
                                double size, jv_align al)
{
  d->ops->text(d->ctx, x, y, s, st, size, al, 0.0);
}
/* Text rotated by angle degrees counter-clockwise about its anchor (x, y). */
static inline void jv_draw_text_rotated(jv_draw *d, double x, double y, const char *s,
                                        jv_font_style st, double size, jv_align al, double angle)
{
  d->ops->text(d->ctx, x, y, s, st, size, al, angle);
}

#endif
