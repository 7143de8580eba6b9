/* scene.c - storing a figure's operations: three growing arrays (operations,
 * their numbers, their text), so a map of many thousand vertices stays a
 * few allocations. */
#include "layout/scene.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

void jv_scene_init(jv_scene *s)
{
  memset(s, 0, sizeof(*s));
}

void jv_scene_free(jv_scene *s)
{
  free(s->op);
  free(s->num);
  free(s->text);
  jv_scene_init(s);
}

static void *dup_of(const void *src, size_t n, size_t sz, size_t *cap)
{
  *cap = n;
  if (!n)
    return NULL;
  void *p = malloc(n * sz);
  if (p)
    memcpy(p, src, n * sz);
  return p;
}

jv_status jv_scene_copy(jv_scene *dst, const jv_scene *src, jv_error *err)
{
  jv_scene_init(dst);
  dst->op = dup_of(src->op, src->n_op, sizeof(*src->op), &dst->cap_op);
  dst->num = dup_of(src->num, src->n_num, sizeof(*src->num), &dst->cap_num);
  dst->text = dup_of(src->text, src->n_text, 1, &dst->cap_text);
  if ((src->n_op && !dst->op) || (src->n_num && !dst->num) || (src->n_text && !dst->text)) {
    jv_scene_free(dst);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  dst->n_op = src->n_op;
  dst->n_num = src->n_num;
  dst->n_text = src->n_text;
  dst->oom = src->oom;
  return JV_OK;
}

jv_status jv_scene_status(const jv_scene *s, jv_error *err)
{
  if (s->oom)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory while laying out a figure");
  return JV_OK;
}

/* Makes room for n more elements of size sz in *buf (cap elements); the
 * scene indexes them with 32 bits. */
static int grow(void **buf, size_t *cap, size_t used, size_t n, size_t sz)
{
  if (used + n > UINT32_MAX)
    return -1;
  return jv_grow(buf, cap, used + n, sz, 64);
}

/* Appends an operation with n numbers; NULL (and s->oom) when out of memory. */
static jv_scene_op *push(jv_scene *s, jv_scene_kind kind, const double *v, size_t n)
{
  if (s->oom || grow((void **)&s->op, &s->cap_op, s->n_op, 1, sizeof(*s->op)) ||
      grow((void **)&s->num, &s->cap_num, s->n_num, n, sizeof(*s->num))) {
    s->oom = 1;
    return NULL;
  }
  jv_scene_op *op = &s->op[s->n_op++];
  memset(op, 0, sizeof(*op));
  op->kind = (uint8_t)kind;
  op->num = (uint32_t)s->n_num;
  if (n)
    memcpy(s->num + s->n_num, v, n * sizeof(*v));
  s->n_num += n;
  return op;
}

void jv_scene_move_to(jv_scene *s, double x, double y)
{
  push(s, JV_SCENE_MOVE, (double[]){x, y}, 2);
}

void jv_scene_line_to(jv_scene *s, double x, double y)
{
  push(s, JV_SCENE_LINE, (double[]){x, y}, 2);
}

void jv_scene_curve_to(jv_scene *s, double x1, double y1, double x2, double y2, double x3,
                       double y3)
{
  push(s, JV_SCENE_CURVE, (double[]){x1, y1, x2, y2, x3, y3}, 6);
}

void jv_scene_close(jv_scene *s)
{
  push(s, JV_SCENE_CLOSE, NULL, 0);
}

void jv_scene_rect(jv_scene *s, double x, double y, double w, double h)
{
  jv_scene_move_to(s, x, y);
  jv_scene_line_to(s, x + w, y);
  jv_scene_line_to(s, x + w, y + h);
  jv_scene_line_to(s, x, y + h);
  jv_scene_close(s);
}

void jv_scene_rgb(jv_scene *s, jv_rgb c)
{
  push(s, JV_SCENE_RGB, (double[]){c.r, c.g, c.b}, 3);
}

void jv_scene_line_width(jv_scene *s, double w)
{
  push(s, JV_SCENE_LINE_WIDTH, (double[]){w}, 1);
}

void jv_scene_dash(jv_scene *s, double on, double off)
{
  push(s, JV_SCENE_DASH, (double[]){on, off}, 2);
}

void jv_scene_fill(jv_scene *s, jv_fill_rule rule)
{
  jv_scene_op *op = push(s, JV_SCENE_FILL, NULL, 0);
  if (op)
    op->mode = (uint8_t)rule;
}

void jv_scene_stroke(jv_scene *s)
{
  push(s, JV_SCENE_STROKE, NULL, 0);
}

void jv_scene_clip(jv_scene *s, jv_fill_rule rule)
{
  jv_scene_op *op = push(s, JV_SCENE_CLIP, NULL, 0);
  if (op)
    op->mode = (uint8_t)rule;
}

void jv_scene_save(jv_scene *s)
{
  push(s, JV_SCENE_SAVE, NULL, 0);
}

void jv_scene_restore(jv_scene *s)
{
  push(s, JV_SCENE_RESTORE, NULL, 0);
}

void jv_scene_text(jv_scene *s, double x, double y, const char *utf8, jv_font_style style,
                   double size, jv_align align, double angle)
{
  size_t len = strlen(utf8) + 1;
  if (s->oom || grow((void **)&s->text, &s->cap_text, s->n_text, len, 1)) {
    s->oom = 1;
    return;
  }
  jv_scene_op *op = push(s, JV_SCENE_TEXT, (double[]){x, y, size, angle}, 4);
  if (!op)
    return;
  op->style = (uint8_t)style;
  op->mode = (uint8_t)align;
  op->text = (uint32_t)s->n_text;
  memcpy(s->text + s->n_text, utf8, len);
  s->n_text += len;
}
