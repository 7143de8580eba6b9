/* figure.h - a figure (chart, map, key figure) as layout sees it: a box of a
 * given size with a paint callback, a caption and a text alternative.
 * Layout never paints; the renderers call paint with their jv_draw. */
#ifndef JV_LAYOUT_FIGURE_H
#define JV_LAYOUT_FIGURE_H

#include "util/error.h"

struct jv_draw;

typedef struct jv_figure {
  double width, height; /* points */
  /* paints into d with (0,0) at the figure's top-left corner */
  void (*paint)(void *ctx, struct jv_draw *d, double width, double height);
  void *ctx;
  void (*free_ctx)(void *ctx); /* may be NULL */
  /* may be NULL; after paint, non-zero with err filled if painting failed */
  int (*failed)(void *ctx, jv_error *err);
  char *caption; /* owned, may be NULL */
  char *alt;     /* owned text alternative generated from the data */
} jv_figure;

/* Frees the figure's strings and context and the figure itself. */
void jv_figure_free(jv_figure *f);

#endif
