/* scene_paint.h - painting a laid-out figure (layout/scene.h) through
 * jv_draw, the same for the report PDF and for PNG/SVG/PDF files. Owns
 * nothing: it checks the scene, then replays it. */
#ifndef JV_RENDER_SCENE_PAINT_H
#define JV_RENDER_SCENE_PAINT_H

#include "layout/scene.h"
#include "render/draw.h"

/* Paints s into d. The scene is checked first
 * (known operations, numbers and text in range, no colour or text change
 * inside a path, save and restore paired): JV_EINTERNAL with the operation's
 * index in err, and nothing painted, when it is not sound; likewise when the
 * scene lost an operation to lack of memory. */
jv_status jv_scene_paint(jv_draw *d, const jv_scene *s, jv_error *err);

#endif
