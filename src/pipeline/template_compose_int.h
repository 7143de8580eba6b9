/* template_compose_int.h - what the composer's files share.
 * Owns the composer state and its helpers (errors at a node, left-out
 * blocks, placeholder filling); only src/pipeline/template_compose*.c and
 * compose_*.c include it. */
#ifndef JV_PIPELINE_TEMPLATE_COMPOSE_INT_H
#define JV_PIPELINE_TEMPLATE_COMPOSE_INT_H

#include "pipeline/template_compose.h"

typedef struct {
  const jv_tpl_compose_opts *o;
  jv_doc *doc;
  char year[16];
  int table_no;
  int skip_text; /* ::bij-figuur without figures: leave out the next text block */
  jv_error *err;
} composer;

/* A block left out because its data is missing this year: not an error; the
 * composer turns it into JV_OK after the located warning. */
#define SKIPPED ((jv_status)1)

jv_status jv_compose__oom(composer *c);
/* An error at a template node (and the column of key, when given). */
jv_status jv_compose__at(composer *c, const jv_tpl_node *n, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* in's placeholders filled in (model/placeholder.h); malloc'ed, NULL on OOM. */
char *jv_compose__fill(const composer *c, const char *in);
/* Warns at n that it is left out (why what); returns SKIPPED (or OOM). */
jv_status jv_compose__skip(composer *c, const jv_tpl_node *n, const char *why, const char *what);
/* Consecutive ::kerncijfer nodes (from nodes[0]) as one panel; *used of them. */
jv_status jv_compose__keyfigures(composer *c, const jv_tpl_node *nodes, size_t n_nodes,
                                 size_t *used);

#endif
