/* figure.c - figure ownership, and the memo of its last layout. */
#include "layout/figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct jv_figure_memo {
  double w, h;
  jv_measure m;
  jv_scene scene;
};

static void memo_free(struct jv_figure_memo *memo)
{
  if (memo)
    jv_scene_free(&memo->scene);
  free(memo);
}

void jv_figure_free(jv_figure *f)
{
  if (!f)
    return;
  if (f->free_ctx)
    f->free_ctx(f->ctx);
  free(f->caption);
  free(f->alt);
  memo_free(f->memo);
  free(f);
}

/* Keeps a copy of the layout just made for the next pass; a memo that
 * cannot be made is no error. The memo is not observable state, so a const
 * figure may keep one. */
static void remember(const jv_figure *f, const jv_measure *m, double w, double h,
                     const jv_scene *scene)
{
  struct jv_figure_memo *fresh = malloc(sizeof(*fresh));
  if (!fresh || jv_scene_copy(&fresh->scene, scene, NULL) != JV_OK) {
    free(fresh);
    return;
  }
  fresh->w = w;
  fresh->h = h;
  fresh->m = *m;
  memo_free(f->memo);
  ((jv_figure *)f)->memo = fresh;
}

void jv_figure_forget(jv_figure *f)
{
  memo_free(f->memo);
  f->memo = NULL;
}

jv_status jv_figure_lay_out(const jv_figure *f, const jv_measure *m, double w, double h,
                            jv_scene **out, jv_error *err)
{
  *out = malloc(sizeof(**out));
  if (!*out)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_scene_init(*out);
  const struct jv_figure_memo *memo = f->memo;
  jv_status st;
  if (m && memo && memo->w == w && memo->h == h && memo->m.width == m->width &&
      memo->m.ctx == m->ctx) {
    st = jv_scene_copy(*out, &memo->scene, err);
  } else {
    st = f->lay_out(f->ctx, m, w, h, *out, err);
    if (st == JV_OK && m)
      remember(f, m, w, h, *out);
  }
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
