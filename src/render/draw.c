/* draw.c - helpers shared by every drawing backend. */
#include "render/draw.h"

void jv_draw_rect(jv_draw *d, double x, double y, double w, double h)
{
  jv_draw_move_to(d, x, y);
  jv_draw_line_to(d, x + w, y);
  jv_draw_line_to(d, x + w, y + h);
  jv_draw_line_to(d, x, y + h);
  jv_draw_close(d);
}
