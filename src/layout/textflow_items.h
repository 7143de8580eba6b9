/* textflow_items.h - a paragraph as boxes, glue and penalties (private).
 * Owns the item list the line breaker works on: measured word fragments,
 * word spaces and the places inside words where a line may end. */
#ifndef JV_LAYOUT_TEXTFLOW_ITEMS_H
#define JV_LAYOUT_TEXTFLOW_ITEMS_H

#include "layout/textflow.h"

typedef enum {
  JV_TF_BOX,    /* a fragment of a word within one run */
  JV_TF_GLUE,   /* a word space; a line may end here (the space is dropped) */
  JV_TF_PENALTY /* a line may end here inside a word */
} jv_tf_kind;

typedef struct {
  jv_tf_kind kind;
  jv_textflow_end brk;    /* PENALTY: HYPHEN, EXPLICIT or FORCED */
  jv_font_style style;    /* BOX, GLUE; PENALTY: style of its hyphen */
  size_t run, start, end; /* BOX: its bytes; GLUE: the first whitespace byte */
  double width;           /* BOX, GLUE; PENALTY: the hyphen's width if broken */
  bool simple;            /* GLUE: a single ' ' byte in text */
} jv_tf_item;

typedef struct {
  jv_tf_item *items;
  size_t n, cap;
  double space; /* width of a regular space: the unit of stretch and shrink */
} jv_tf_items;

/* Fills out (zeroed by the caller) from the runs; runs must be valid UTF-8.
 * Free with jv_textflow__items_free, also after a failure (JV_EINTERNAL,
 * out of memory). */
jv_status jv_textflow__items(jv_tf_items *out, const jv_textflow_run *runs, size_t n_runs,
                             const jv_measure *m, const jv_textflow_opts *opts, jv_error *err);
void jv_textflow__items_free(jv_tf_items *it);

#endif
