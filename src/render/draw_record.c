/* draw_record.c - the display list: one byte per operation and its numbers
 * in a second array (a line_to costs 17 bytes), text in a string pool. */
#include "render/draw_record.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

enum {
  R_MOVE,
  R_LINE,
  R_CURVE,
  R_CLOSE,
  R_RGB,
  R_WIDTH,
  R_DASH,
  R_FILL,
  R_STROKE,
  R_CLIP,
  R_SAVE,
  R_RESTORE,
  R_TEXT
};

struct jv_draw_record {
  jv_draw draw;
  unsigned char *ops;
  size_t n_ops, cap_ops;
  double *num;
  size_t n_num, cap_num;
  char *text;
  size_t n_text, cap_text;
  int oom;
  double max_width; /* the widest line width set (cairo's default 1 included) */
};

/* An operation that builds the current path. */
static int is_path_op(int op)
{
  return op == R_MOVE || op == R_LINE || op == R_CURVE || op == R_CLOSE;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
  return jv_grow(p, cap, need, elem, 256);
}

/* Appends one operation with n numbers; 0, or -1 (and r->oom) on failure. */
static int put(jv_draw_record *r, int op, const double *v, size_t n)
{
  if (r->oom)
    return -1;
  if (grow((void **)&r->ops, &r->cap_ops, r->n_ops + 1, 1) != 0 ||
      grow((void **)&r->num, &r->cap_num, r->n_num + n, sizeof(double)) != 0) {
    r->oom = 1;
    return -1;
  }
  r->ops[r->n_ops++] = (unsigned char)op;
  if (n)
    memcpy(r->num + r->n_num, v, n * sizeof(double));
  r->n_num += n;
  return 0;
}

static void rec_move(void *ctx, double x, double y)
{
  put(ctx, R_MOVE, (double[]){x, y}, 2);
}

static void rec_line(void *ctx, double x, double y)
{
  put(ctx, R_LINE, (double[]){x, y}, 2);
}

static void rec_curve(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3)
{
  put(ctx, R_CURVE, (double[]){x1, y1, x2, y2, x3, y3}, 6);
}

static void rec_close(void *ctx)
{
  put(ctx, R_CLOSE, NULL, 0);
}

static void rec_rgb(void *ctx, jv_rgb c)
{
  put(ctx, R_RGB, (double[]){c.r, c.g, c.b}, 3);
}

static void rec_width(void *ctx, double w)
{
  jv_draw_record *r = ctx;
  if (w > r->max_width)
    r->max_width = w;
  put(ctx, R_WIDTH, &w, 1);
}

static void rec_dash(void *ctx, double on, double off)
{
  put(ctx, R_DASH, (double[]){on, off}, 2);
}

static void rec_fill(void *ctx, jv_fill_rule rule)
{
  put(ctx, R_FILL, (double[]){rule}, 1);
}

static void rec_stroke(void *ctx)
{
  put(ctx, R_STROKE, NULL, 0);
}

static void rec_clip(void *ctx, jv_fill_rule rule)
{
  put(ctx, R_CLIP, (double[]){rule}, 1);
}

static void rec_save(void *ctx)
{
  put(ctx, R_SAVE, NULL, 0);
}

static void rec_restore(void *ctx)
{
  put(ctx, R_RESTORE, NULL, 0);
}

/* The numbers of a text: x, y, style, size, align, angle, offset of the
 * string in the pool (NULL text: -1). */
static void rec_text(void *ctx, double x, double y, const char *utf8, jv_font_style style,
                     double size, jv_align align, double angle)
{
  jv_draw_record *r = ctx;
  double at = -1;
  if (utf8 && !r->oom) {
    size_t n = strlen(utf8) + 1;
    if (grow((void **)&r->text, &r->cap_text, r->n_text + n, 1) != 0) {
      r->oom = 1;
      return;
    }
    memcpy(r->text + r->n_text, utf8, n);
    at = (double)r->n_text;
    r->n_text += n;
  }
  put(r, R_TEXT, (double[]){x, y, style, size, align, angle, at}, 7);
}

static const jv_draw_ops record_ops = {rec_move,  rec_line,    rec_curve, rec_close,  rec_rgb,
                                       rec_width, rec_dash,    rec_fill,  rec_stroke, rec_clip,
                                       rec_save,  rec_restore, rec_text};

jv_status jv_draw_record_new(jv_draw_record **out, const jv_fonts *fonts, jv_error *err)
{
  *out = calloc(1, sizeof(**out));
  if (!*out)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  (*out)->draw.ops = &record_ops;
  (*out)->draw.ctx = *out;
  (*out)->draw.fonts = fonts;
  (*out)->max_width = 1.0;
  return JV_OK;
}

void jv_draw_record_free(jv_draw_record *r)
{
  if (!r)
    return;
  free(r->ops);
  free(r->num);
  free(r->text);
  free(r);
}

jv_draw *jv_draw_record_draw(jv_draw_record *r)
{
  return &r->draw;
}

jv_status jv_draw_record_status(const jv_draw_record *r, jv_error *err)
{
  if (r->oom)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory recording a drawing");
  return JV_OK;
}

/* Plays operation i with its numbers at v; returns the numbers it used. */
static size_t play(const jv_draw_record *r, size_t i, const double *v, jv_draw *to)
{
  const jv_draw_ops *o = to->ops;
  void *c = to->ctx;
  switch (r->ops[i]) {
  case R_MOVE:
    o->move_to(c, v[0], v[1]);
    return 2;
  case R_LINE:
    o->line_to(c, v[0], v[1]);
    return 2;
  case R_CURVE:
    o->curve_to(c, v[0], v[1], v[2], v[3], v[4], v[5]);
    return 6;
  case R_CLOSE:
    o->close_path(c);
    return 0;
  case R_RGB:
    o->set_rgb(c, (jv_rgb){v[0], v[1], v[2]});
    return 3;
  case R_WIDTH:
    o->set_line_width(c, v[0]);
    return 1;
  case R_DASH:
    o->set_dash(c, v[0], v[1]);
    return 2;
  case R_FILL:
    o->fill(c, (jv_fill_rule)v[0]);
    return 1;
  case R_STROKE:
    o->stroke(c);
    return 0;
  case R_CLIP:
    o->clip(c, (jv_fill_rule)v[0]);
    return 1;
  case R_SAVE:
    o->save(c);
    return 0;
  case R_RESTORE:
    o->restore(c);
    return 0;
  case R_TEXT:
    o->text(c, v[0], v[1], v[6] < 0 ? NULL : r->text + (size_t)v[6], (jv_font_style)v[2], v[3],
            (jv_align)v[4], v[5]);
    return 7;
  }
  return 0;
}

/* Numbers operation op uses. */
static size_t n_numbers(int op)
{
  return op == R_MOVE || op == R_LINE ? 2 : op == R_CURVE ? 6 : op == R_FILL ? 1 : 0;
}

/* Widens *lo..*hi to the y of the n numbers at v (x, y pairs of points and
 * control points). */
static void widen_y(const double *v, size_t n, double *lo, double *hi)
{
  for (size_t j = 1; j < n; j += 2) {
    *lo = v[j] < *lo ? v[j] : *lo;
    *hi = v[j] > *hi ? v[j] : *hi;
  }
}

/* From operation i (a move) with numbers at v: when only path operations
 * follow up to a fill or stroke, the index just after that and the path's
 * y range (of its points and control points, which hold every curve);
 * else 0. *nv is the count of numbers the run uses. */
static size_t path_run(const jv_draw_record *r, size_t i, const double *v, size_t *nv, double *miny,
                       double *maxy)
{
  size_t k = 0;
  double lo = v[1], hi = v[1];
  for (; i < r->n_ops; i++) {
    int op = r->ops[i];
    if (op == R_FILL || op == R_STROKE) {
      *nv = k + (op == R_FILL);
      *miny = lo;
      *maxy = hi;
      return i + 1;
    }
    if (!is_path_op(op))
      return 0;
    size_t n = n_numbers(op);
    widen_y(v + k, n, &lo, &hi);
    k += n;
  }
  return 0;
}

/* Plays the path run from i (a move) to end (just after its fill or
 * stroke) with its numbers at v, each subpath (a move and what follows it
 * up to the next move) only if its points, grown by m, reach top..bottom:
 * a subpath above or below the band adds no edge in the band's rows, so
 * neither coverage nor winding there changes. */
static void play_run(const jv_draw_record *r, size_t i, size_t end, const double *v, jv_draw *to,
                     double top, double bottom, double m)
{
  while (i < end) {
    if (r->ops[i] != R_MOVE) { /* the fill or stroke */
      v += play(r, i, v, to);
      i++;
      continue;
    }
    size_t k = i + 1, nv = 2;
    double lo = v[1], hi = v[1];
    for (; k < end && r->ops[k] != R_MOVE && is_path_op(r->ops[k]); k++) {
      size_t n = n_numbers(r->ops[k]);
      widen_y(v + nv, n, &lo, &hi);
      nv += n;
    }
    if (hi + m < top || lo - m > bottom) {
      v += nv;
      i = k;
      continue;
    }
    for (; i < k; i++)
      v += play(r, i, v, to);
  }
}

void jv_draw_record_replay_band(const jv_draw_record *r, jv_draw *to, double top, double bottom)
{
  /* a stroke reaches at most half its width times cairo's miter limit (10)
   * beyond its points */
  double m = 5 * r->max_width;
  const double *v = r->num;
  int open = 0; /* a path played is being built: no skipping inside it */
  for (size_t i = 0; i < r->n_ops;) {
    int op = r->ops[i];
    size_t nv = 0, end = 0;
    double lo = 0, hi = 0;
    if (op == R_MOVE && !open)
      end = path_run(r, i, v, &nv, &lo, &hi);
    if (end) { /* a whole path: left out, or played subpath by subpath */
      if (!(hi + m < top || lo - m > bottom))
        play_run(r, i, end, v, to, top, bottom, m);
      v += nv;
      i = end;
      continue;
    }
    open = is_path_op(op) ? 1 : (op == R_FILL || op == R_STROKE || op == R_CLIP ? 0 : open);
    v += play(r, i, v, to);
    i++;
  }
}
