/* scene.h - a figure (chart or map) laid out to the last detail: the plain
 * list of path, colour and text operations that render/scene_paint replays.
 * Owns jv_scene (its operations, numbers and text); layout builds it, render
 * only paints it. Coordinates are points from the figure's top-left, y down;
 * text y is the baseline. */
#ifndef JV_LAYOUT_SCENE_H
#define JV_LAYOUT_SCENE_H

#include <stddef.h>
#include <stdint.h>

#include "layout/font_style.h"
#include "util/color.h"
#include "util/error.h"

typedef enum { JV_ALIGN_LEFT, JV_ALIGN_CENTER, JV_ALIGN_RIGHT } jv_align;
typedef enum { JV_FILL_WINDING, JV_FILL_EVENODD } jv_fill_rule;

typedef enum {
  JV_SCENE_MOVE,       /* x y */
  JV_SCENE_LINE,       /* x y */
  JV_SCENE_CURVE,      /* x1 y1 x2 y2 x3 y3 */
  JV_SCENE_CLOSE,      /* - */
  JV_SCENE_RGB,        /* r g b */
  JV_SCENE_LINE_WIDTH, /* w */
  JV_SCENE_DASH,       /* on off (on == 0: solid) */
  JV_SCENE_FILL,       /* rule; consumes the path */
  JV_SCENE_STROKE,     /* consumes the path */
  JV_SCENE_CLIP,       /* rule; consumes the path, undone by RESTORE */
  JV_SCENE_SAVE,
  JV_SCENE_RESTORE,
  JV_SCENE_TEXT /* x y size angle; style, align, text */
} jv_scene_kind;

typedef struct {
  uint8_t kind;  /* jv_scene_kind */
  uint8_t style; /* TEXT: jv_font_style */
  uint8_t mode;  /* TEXT: jv_align; FILL, CLIP: jv_fill_rule */
  uint32_t num;  /* first of the operation's numbers in jv_scene.num */
  uint32_t text; /* TEXT: offset of its NUL-terminated UTF-8 in jv_scene.text */
} jv_scene_op;

typedef struct {
  jv_scene_op *op;
  size_t n_op, cap_op;
  double *num;
  size_t n_num, cap_num;
  char *text;
  size_t n_text, cap_text;
  int oom; /* an operation could not be stored; jv_scene_status reports it */
} jv_scene;

void jv_scene_init(jv_scene *s);
void jv_scene_free(jv_scene *s);
/* dst (initialised, empty) becomes a copy of src; JV_EINTERNAL (err filled)
 * when out of memory, dst then empty. */
jv_status jv_scene_copy(jv_scene *dst, const jv_scene *src, jv_error *err);
/* JV_OK, or JV_EINTERNAL (out of memory) when an operation was lost. */
jv_status jv_scene_status(const jv_scene *s, jv_error *err);
/* Number k of operation op (as stored, see jv_scene_kind). */
static inline double jv_scene_num(const jv_scene *s, const jv_scene_op *op, size_t k)
{
  return s->num[op->num + k];
}

/* Builders, in the order the operations are to be painted. Colour, width,
 * dash, clip, save, restore and text only while no path is being built. */
void jv_scene_move_to(jv_scene *s, double x, double y);
void jv_scene_line_to(jv_scene *s, double x, double y);
void jv_scene_curve_to(jv_scene *s, double x1, double y1, double x2, double y2, double x3,
                       double y3);
void jv_scene_close(jv_scene *s);
void jv_scene_rect(jv_scene *s, double x, double y, double w, double h);
void jv_scene_rgb(jv_scene *s, jv_rgb c);
void jv_scene_line_width(jv_scene *s, double w);
void jv_scene_dash(jv_scene *s, double on, double off);
void jv_scene_fill(jv_scene *s, jv_fill_rule rule);
void jv_scene_stroke(jv_scene *s);
void jv_scene_clip(jv_scene *s, jv_fill_rule rule);
void jv_scene_save(jv_scene *s);
void jv_scene_restore(jv_scene *s);
/* UTF-8 text at baseline (x, y), aligned on x, rotated by angle degrees
 * counter-clockwise about (x, y); the text is copied. */
void jv_scene_text(jv_scene *s, double x, double y, const char *utf8, jv_font_style style,
                   double size, jv_align align, double angle);

#endif
