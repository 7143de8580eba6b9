/* template_placeholders.c - every {name} in a template's text must be a
 * known placeholder: checked for each file once it is read, while its lines
 * are at hand to locate an unknown one by line and column. */
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

/* Where the source of a node that starts on line `line` of f spells the
 * placeholder ph (len bytes, braces included): its first occurrence on that
 * line or after. A paragraph's text is joined from several lines and its
 * inline markup is gone, so the node alone only knows its first line. */
static void locate(const tpl_file *f, int line, const char *ph, size_t len, int *out_line,
                   int *out_col)
{
  *out_line = line;
  *out_col = 0;
  for (int l = line; l <= f->n_lines; l++) {
    size_t n;
    const char *s = jv_template__line(f, l, &n);
    for (size_t off = 0; off + len <= n; off++)
      if (memcmp(s + off, ph, len) == 0) {
        *out_line = l;
        *out_col = jv_template__column(s, off);
        return;
      }
  }
}

/* The first unknown placeholder of text, located in f from line on. */
static jv_status check_located(const tpl_file *f, const char *text, int line, const char *what,
                               jv_error *err)
{
  size_t len;
  int which;
  const char *p = text ? jv_placeholder_next(text, &len, &which) : NULL;
  for (; p; p = jv_placeholder_next(p + len, &len, &which))
    if (which < 0) {
      int l, col;
      locate(f, line, p, len, &l, &col);
      return jv_template__check_text(p, f->name, l, col, what, err);
    }
  return JV_OK;
}

jv_status jv_template__check_placeholders(const jv_tpl *t, size_t first, const tpl_file *f,
                                          jv_error *err)
{
  for (size_t i = first; i < t->n_nodes; i++) {
    const jv_tpl_node *n = &t->nodes[i];
    if (n->file != f->name)
      continue; /* an included file's: checked when it was read */
    jv_status st = JV_OK;
    for (size_t r = 0; r < n->n_runs && !st; r++)
      st = check_located(f, n->runs[r].text, n->line, "the text", err);
    if (!st)
      st = check_located(f, n->attribution, n->line, "bron", err);
    for (size_t a = 0; a < n->n_args && !st; a++)
      st = jv_template__check_text(n->args[a].value, n->file, n->line, n->args[a].column,
                                   n->args[a].key, err);
    if (st)
      return st;
  }
  return JV_OK;
}
