/* draw_record.h - a jv_draw backend that records the operations (a display
 * list) so they can be replayed onto another jv_draw, e.g. once per band. */
#ifndef JV_RENDER_DRAW_RECORD_H
#define JV_RENDER_DRAW_RECORD_H

#include <stddef.h>

#include "render/draw.h"

typedef struct jv_draw_record jv_draw_record;

/* An empty recording that measures text with fonts (not owned). The caller
 * frees *out with jv_draw_record_free. JV_EINTERNAL on out of memory. */
jv_status jv_draw_record_new(jv_draw_record **out, const jv_fonts *fonts, jv_error *err);
void jv_draw_record_free(jv_draw_record *r);

/* The drawing handle that records into r (owned by r). */
jv_draw *jv_draw_record_draw(jv_draw_record *r);

/* JV_EINTERNAL when an operation could not be recorded (out of memory);
 * the recording then holds only the operations before it. */
jv_status jv_draw_record_status(const jv_draw_record *r, jv_error *err);

/* Plays the recorded operations, in order and with the same arguments, on
 * to, for a band of the drawing that shows only y from top to bottom (user
 * units, with room for antialiasing): a path that is filled or stroked and
 * cannot reach the band (its points, grown by what the widest stroke can
 * add, lie above or below it) is left out, so the band's pixels are those
 * of playing everything. Everything else is played. Can be called any
 * number of times. */
void jv_draw_record_replay_band(const jv_draw_record *r, jv_draw *to, double top, double bottom);

#endif
