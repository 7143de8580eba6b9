/* figure.h - a figure (chart, map, key figure) as the document holds it: a
 * box of a given size, a caption, a text alternative, and how to lay it out
 * once pagination knows its box. Owns jv_figure; its layout is a jv_scene
 * (layout/scene.h) that the page keeps and render only paints. */
#ifndef JV_LAYOUT_FIGURE_H
#define JV_LAYOUT_FIGURE_H

#include "layout/measure.h"
#include "layout/scene.h"
#include "util/error.h"

typedef struct jv_figure {
  double width, height; /* points: the size it asks for */
  /* Lays the figure out in a box of w x h points with (0,0) at its top-left
   * corner, adding every bar, line, label and formatted number to out. A
   * status other than JV_OK (err filled) fails the document. */
  jv_status (*lay_out)(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                       jv_error *err);
  void *ctx;
  void (*free_ctx)(void *ctx); /* may be NULL */
  char *caption;               /* owned, may be NULL */
  char *alt;                   /* owned text alternative generated from the data */
  struct jv_figure_memo *memo; /* owned, may be NULL: the last layout, see below */
} jv_figure;

/* Frees the figure's strings and context and the figure itself. */
void jv_figure_free(jv_figure *f);

/* Lays f out in w x h into *out (a new scene, freed with jv_scene_free and
 * free). A failure names the figure by its caption. Pagination lays a figure
 * out again in every pass, mostly in the same box: the last layout is kept
 * (f->memo, freed by jv_figure_free) and copied when w, h and m are the
 * same (lay_out must depend only on them and ctx); without a measure (m
 * NULL) nothing is kept. */
jv_status jv_figure_lay_out(const jv_figure *f, const jv_measure *m, double w, double h,
                            jv_scene **out, jv_error *err);

/* Drops the kept layout: for whoever changes ctx after a layout. */
void jv_figure_forget(jv_figure *f);

#endif
