/* figure.c - figure ownership. */
#include "layout/figure.h"

#include <stdio.h>
#include <stdlib.h>

void jv_figure_free(jv_figure *f)
{
  if (!f)
    return;
  if (f->free_ctx)
    f->free_ctx(f->ctx);
  free(f->caption);
  free(f->alt);
  free(f);
}

jv_status jv_figure_lay_out(const jv_figure *f, const jv_measure *m, double w, double h,
                            jv_scene **out, jv_error *err)
{
  *out = malloc(sizeof(**out));
  if (!*out)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_scene_init(*out);
  jv_status st = f->lay_out(f->ctx, m, w, h, *out, err);
  if (st != JV_OK) {
    if (err && f->caption) {
      char msg[sizeof(err->msg)];
      snprintf(msg, sizeof(msg), "%s", err->msg);
      snprintf(err->msg, sizeof(err->msg), "figure '%s': %s", f->caption, msg);
    }
    jv_scene_free(*out);
    free(*out);
    *out = NULL;
  }
  return st;
}
