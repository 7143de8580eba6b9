/* scene_paint.c - checking and replaying a scene's operations. */
#include "render/scene_paint.h"

static const unsigned char n_nums[] = {
    [JV_SCENE_MOVE] = 2,   [JV_SCENE_LINE] = 2,       [JV_SCENE_CURVE] = 6, [JV_SCENE_CLOSE] = 0,
    [JV_SCENE_RGB] = 3,    [JV_SCENE_LINE_WIDTH] = 1, [JV_SCENE_DASH] = 2,  [JV_SCENE_FILL] = 0,
    [JV_SCENE_STROKE] = 0, [JV_SCENE_CLIP] = 0,       [JV_SCENE_SAVE] = 0,  [JV_SCENE_RESTORE] = 0,
    [JV_SCENE_TEXT] = 4};

static jv_status bad(jv_error *err, size_t i, const char *what)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "figure operation %zu: %s", i, what);
}

static jv_status check(const jv_scene *s, jv_error *err)
{
  jv_status st = jv_scene_status(s, err);
  if (st)
    return st;
  int in_path = 0;
  size_t depth = 0;
  for (size_t i = 0; i < s->n_op; i++) {
    const jv_scene_op *op = &s->op[i];
    if (op->kind > JV_SCENE_TEXT)
      return bad(err, i, "unknown operation");
    if ((size_t)op->num + n_nums[op->kind] > s->n_num)
      return bad(err, i, "numbers out of range");
    switch (op->kind) {
    case JV_SCENE_MOVE:
      in_path = 1;
      break;
    case JV_SCENE_LINE:
    case JV_SCENE_CURVE:
    case JV_SCENE_CLOSE:
      if (!in_path)
        return bad(err, i, "path segment without a start point");
      break;
    case JV_SCENE_FILL:
    case JV_SCENE_STROKE:
    case JV_SCENE_CLIP:
      in_path = 0;
      break;
    default:
      if (in_path)
        return bad(err, i, "state or text change inside a path");
      if (op->kind == JV_SCENE_SAVE)
        depth++;
      else if (op->kind == JV_SCENE_RESTORE && depth-- == 0)
        return bad(err, i, "restore without save");
      else if (op->kind == JV_SCENE_TEXT &&
               (op->text >= s->n_text || op->style >= JV_FONT_STYLE_COUNT ||
                op->mode > JV_ALIGN_RIGHT))
        return bad(err, i, "text out of range");
      break;
    }
  }
  if (in_path)
    return bad(err, s->n_op, "path left open at the end");
  if (depth)
    return bad(err, s->n_op, "save without restore");
  if (s->n_text && s->text[s->n_text - 1] != '\0')
    return bad(err, s->n_op, "text not terminated");
  return JV_OK;
}

jv_status jv_scene_paint(jv_draw *d, const jv_scene *s, jv_error *err)
{
  jv_status st = check(s, err);
  if (st)
    return st;
  for (size_t i = 0; i < s->n_op; i++) {
    const jv_scene_op *op = &s->op[i];
    const double *v = s->num + op->num;
    switch ((jv_scene_kind)op->kind) {
    case JV_SCENE_MOVE:
      jv_draw_move_to(d, v[0], v[1]);
      break;
    case JV_SCENE_LINE:
      jv_draw_line_to(d, v[0], v[1]);
      break;
    case JV_SCENE_CURVE:
      jv_draw_curve_to(d, v[0], v[1], v[2], v[3], v[4], v[5]);
      break;
    case JV_SCENE_CLOSE:
      jv_draw_close(d);
      break;
    case JV_SCENE_RGB:
      jv_draw_rgb(d, (jv_rgb){v[0], v[1], v[2]});
      break;
    case JV_SCENE_LINE_WIDTH:
      jv_draw_line_width(d, v[0]);
      break;
    case JV_SCENE_DASH:
      jv_draw_dash(d, v[0], v[1]);
      break;
    case JV_SCENE_FILL:
      jv_draw_fill(d, (jv_fill_rule)op->mode);
      break;
    case JV_SCENE_STROKE:
      jv_draw_stroke(d);
      break;
    case JV_SCENE_CLIP:
      jv_draw_clip(d, (jv_fill_rule)op->mode);
      break;
    case JV_SCENE_SAVE:
      jv_draw_save(d);
      break;
    case JV_SCENE_RESTORE:
      jv_draw_restore(d);
      break;
    case JV_SCENE_TEXT:
      jv_draw_text_rotated(d, v[0], v[1], s->text + op->text, (jv_font_style)op->style, v[2],
                           (jv_align)op->mode, v[3]);
      break;
    }
  }
  return JV_OK;
}
