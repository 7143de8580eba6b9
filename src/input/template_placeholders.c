/* template_placeholders.c - every {name} in a template's text must be a
 * known placeholder: checked once the whole template is read. */
#include <stdio.h>
#include <string.h>

#include "input/template_internal.h"
#include "model/placeholder.h"

jv_status jv_template__check_text(const char *text, const char *file, int line, int column,
                                  const char *what, jv_error *err)
{
  size_t len;
  int which;
  const char *p = text ? jv_placeholder_next(text, &len, &which) : NULL;
  for (; p; p = jv_placeholder_next(p + len, &len, &which))
    if (which < 0)
      return jv_error_set(err, JV_EDATA, file, line, column,
                          "unknown placeholder %.*s in %s: known are %s", (int)len, p, what,
                          JV_PLACEHOLDER_LIST);
  return JV_OK;
}

jv_status jv_template__check_placeholders(const jv_tpl *t, jv_error *err)
{
  for (size_t i = 0; i < t->n_nodes; i++) {
    const jv_tpl_node *n = &t->nodes[i];
    jv_status st = JV_OK;
    for (size_t r = 0; r < n->n_runs && !st; r++)
      st = jv_template__check_text(n->runs[r].text, n->file, n->line, 0, "the text", err);
    if (!st)
      st = jv_template__check_text(n->attribution, n->file, n->line, 0, "bron", err);
    for (size_t a = 0; a < n->n_args && !st; a++)
      st = jv_template__check_text(n->args[a].value, n->file, n->line, n->args[a].column,
                                   n->args[a].key, err);
    if (st)
      return st;
  }
  return JV_OK;
}
