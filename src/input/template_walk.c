/* template_walk.c - turning the cmark tree of one template file into nodes.
 * Refuses, with a location, what the layout cannot show (code blocks, raw
 * HTML, images, headings below ###) instead of dropping it silently. */
#include "input/template_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIST_DEPTH 3

static jv_status oom(tpl_reader *r)
{
  return jv_error_set(r->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static int is_comment(const char *html)
{
  return html && strncmp(html, "<!--", 4) == 0;
}

jv_status jv_template__inlines(tpl_reader *r, const tpl_file *f, int line, cmark_node *block,
                               jv_tpl_node *n)
{
  /* an iterator, not recursion: emphasis can nest arbitrarily deep */
  cmark_iter *it = cmark_iter_new(block);
  if (!it)
    return oom(r);
  int bold = 0, italic = 0;
  const char *url = NULL;
  jv_status st = JV_OK;
  cmark_event_type ev;
  while (!st && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    int step = ev == CMARK_EVENT_ENTER ? 1 : -1;
    jv_tpl_style style = (bold > 0 ? JV_TPL_BOLD : 0) | (italic > 0 ? JV_TPL_ITALIC : 0);
    const char *lit;
    int at = cmark_node_get_start_line(node) > 0 ? cmark_node_get_start_line(node) : line;
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: /* inline code shows as plain text */
      lit = cmark_node_get_literal(node);
      if (lit && jv_tpl_node_add_run(n, lit, strlen(lit), style, url))
        st = oom(r);
      break;
    case CMARK_NODE_SOFTBREAK:
      if (jv_tpl_node_add_run(n, " ", 1, style, url))
        st = oom(r);
      break;
    case CMARK_NODE_LINEBREAK:
      if (jv_tpl_node_add_run(n, "\n", 1, style, url))
        st = oom(r);
      break;
    case CMARK_NODE_EMPH:
      italic += step;
      break;
    case CMARK_NODE_STRONG:
      bold += step;
      break;
    case CMARK_NODE_LINK:
      url = ev == CMARK_EVENT_ENTER ? cmark_node_get_url(node) : NULL;
      if (url && !*url)
        url = NULL;
      break;
    case CMARK_NODE_IMAGE:
      st = jv_error_set(r->err, JV_EDATA, f->name, at, 0,
                        "images are not supported in template text; use a logo in the "
                        "front matter or a ::grafiek/::kaart directive");
      break;
    case CMARK_NODE_HTML_INLINE:
      if (!is_comment(cmark_node_get_literal(node)))
        st = jv_error_set(r->err, JV_EDATA, f->name, at, 0,
                          "HTML is not supported in templates (only <!-- comments -->): %.40s",
                          cmark_node_get_literal(node));
      break;
    default:
      break;
    }
  }
  cmark_iter_free(it);
  return st;
}

jv_status jv_template__text_runs(tpl_reader *r, const tpl_file *f, int line, const char *value,
                                 jv_tpl_node *n)
{
  /* a leading "x " keeps values such as "1. Inleiding" or "# 3" from being
   * read as a list or heading: only the inline rules should apply */
  size_t vlen = strlen(value);
  char *src = malloc(vlen + 3);
  if (!src)
    return oom(r);
  memcpy(src, "x ", 2);
  memcpy(src + 2, value, vlen + 1);
  cmark_node *doc = cmark_parse_document(src, vlen + 2, CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
  free(src);
  if (!doc)
    return oom(r);
  jv_tpl_node tmp;
  memset(&tmp, 0, sizeof(tmp));
  cmark_node *para = cmark_node_first_child(doc);
  jv_status st = para ? jv_template__inlines(r, f, line, para, &tmp) : JV_OK;
  cmark_node_free(doc);
  if (st) {
    jv_tpl_node_clear(&tmp);
    return st;
  }
  /* drop the "x " again; a value of only spaces leaves "x" alone */
  for (size_t i = 0; i < tmp.n_runs; i++) {
    jv_tpl_run *run = &tmp.runs[i];
    const char *text = run->text;
    if (i == 0)
      text += strncmp(text, "x ", 2) == 0 ? 2 : strlen(text);
    if (jv_tpl_node_add_run(n, text, strlen(text), run->style, run->url)) {
      jv_tpl_node_clear(&tmp);
      return oom(r);
    }
  }
  jv_tpl_node_clear(&tmp);
  jv_tpl_node_tidy(n);
  return JV_OK;
}

/* Skips up to three spaces, as CommonMark allows before a block marker. */
static const char *block_start(const char *s, size_t len)
{
  size_t i = 0;
  while (i < 3 && i < len && s[i] == ' ')
    i++;
  return s + i;
}

static int starts_directive(const char *s, size_t len)
{
  const char *p = block_start(s, len);
  size_t rest = len - (size_t)(p - s);
  /* upper case counts too, so "::Tabel" is refused rather than printed */
  return rest >= 3 && p[0] == ':' && p[1] == ':' && isalpha((unsigned char)p[2]);
}

bool jv_template__refuse_in_columns(tpl_reader *r, const tpl_file *f, int line, const char *what)
{
  if (!r->cols_line)
    return false;
  jv_error_set(r->err, JV_EDATA, f->name, line, 0,
               "%s cannot stand inside ::kolommen (opened at %s:%d); close the columns "
               "with ::einde-kolommen first",
               what, r->cols_file, r->cols_line);
  return true;
}

/* Moves the runs of tmp into a new node; a block that held only comments
 * (no runs) adds nothing. */
static jv_status emit(tpl_reader *r, jv_tpl_node *tmp, jv_tpl_kind kind, const tpl_file *f,
                      int line)
{
  jv_tpl_node_tidy(tmp);
  if (tmp->n_runs == 0) {
    jv_tpl_node_clear(tmp);
    return JV_OK;
  }
  jv_tpl_node *n;
  if (jv_tpl_append(r->tpl, kind, f->name, line, &n)) {
    jv_tpl_node_clear(tmp);
    return oom(r);
  }
  tmp->kind = kind;
  tmp->file = f->name;
  tmp->line = line;
  tmp->in_columns = r->cols_line != 0;
  *n = *tmp;
  memset(tmp, 0, sizeof(*tmp));
  return JV_OK;
}

static int count_ancestors(cmark_node *node, cmark_node_type type)
{
  int n = 0;
  for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == type)
      n++;
  return n;
}

static jv_status top_paragraph(tpl_reader *r, const tpl_file *f, cmark_node *node, int line)
{
  int end = cmark_node_get_end_line(node);
  size_t len;
  const char *first = jv_template__line(f, line, &len);
  if (starts_directive(first, len)) {
    /* "::a" lines without blank lines between them form one paragraph */
    for (int l = line; l <= end; l++) {
      const char *s = jv_template__line(f, l, &len);
      if (!starts_directive(s, len))
        return jv_error_set(r->err, JV_EDATA, f->name, l, 1,
                            "text right below a directive: leave a blank line after "
                            "the directive line");
      jv_status st = jv_template__directive(r, f, l);
      if (st)
        return st;
    }
    return JV_OK;
  }
  for (int l = line + 1; l <= end; l++) {
    const char *s = jv_template__line(f, l, &len);
    if (starts_directive(s, len))
      return jv_error_set(r->err, JV_EDATA, f->name, l, 1,
                          "a directive must be a paragraph of its own: leave a blank line "
                          "before it");
  }
  jv_tpl_node tmp;
  memset(&tmp, 0, sizeof(tmp));
  jv_status st = jv_template__inlines(r, f, line, node, &tmp);
  if (st) {
    jv_tpl_node_clear(&tmp);
    return st;
  }
  return emit(r, &tmp, JV_TPL_PARAGRAPH, f, line);
}

static jv_status nested_paragraph(tpl_reader *r, const tpl_file *f, cmark_node *node, int line)
{
  cmark_node *parent = cmark_node_parent(node);
  cmark_node_type pt = cmark_node_get_type(parent);
  cmark_node *first = cmark_node_first_child(node);
  const char *lit = first ? cmark_node_get_literal(first) : NULL;
  if (lit && lit[0] == ':' && lit[1] == ':' && isalpha((unsigned char)lit[2]))
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "directives cannot stand inside a list or quote; put it at the start "
                        "of a line of its own");
  jv_tpl_node tmp;
  memset(&tmp, 0, sizeof(tmp));
  tmp.continued = cmark_node_previous(node) != NULL;
  jv_tpl_kind kind = JV_TPL_QUOTE;
  if (pt == CMARK_NODE_ITEM) {
    cmark_node *list = cmark_node_parent(parent);
    int index = 0;
    for (cmark_node *p = cmark_node_previous(parent); p; p = cmark_node_previous(p))
      index++;
    kind = JV_TPL_LIST_ITEM;
    tmp.item.ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    tmp.item.number = tmp.item.ordered ? cmark_node_get_list_start(list) + index : 0;
    tmp.item.depth = count_ancestors(node, CMARK_NODE_LIST);
  }
  jv_status st = jv_template__inlines(r, f, line, node, &tmp);
  if (st) {
    jv_tpl_node_clear(&tmp);
    return st;
  }
  return emit(r, &tmp, kind, f, line);
}

static jv_status heading(tpl_reader *r, const tpl_file *f, cmark_node *node, int line)
{
  int level = cmark_node_get_heading_level(node);
  size_t len;
  const char *s = jv_template__line(f, line, &len);
  const char *p = block_start(s, len);
  if (cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_DOCUMENT)
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "a heading cannot stand inside a list or quote");
  /* cmark does not say which heading syntax was used; the source line does */
  if ((size_t)(p - s) >= len || *p != '#')
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "text underlined with --- or === is a heading in Markdown; write "
                        "'## Title' for a heading, or leave a blank line before --- for a "
                        "page break");
  if (level > 3)
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "heading level %d: templates use #, ## and ### only", level);
  if (r->cols_line && level < 3)
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "inside ::kolommen only ### headings are allowed (opened at %s:%d)",
                        r->cols_file, r->cols_line);
  jv_tpl_node tmp;
  memset(&tmp, 0, sizeof(tmp));
  tmp.level = level;
  jv_status st = jv_template__inlines(r, f, line, node, &tmp);
  if (st) {
    jv_tpl_node_clear(&tmp);
    return st;
  }
  if (tmp.n_runs == 0)
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0, "empty heading");
  return emit(r, &tmp, JV_TPL_HEADING, f, line);
}

static jv_status block(tpl_reader *r, const tpl_file *f, cmark_node *node)
{
  int line = cmark_node_get_start_line(node);
  cmark_node *parent = cmark_node_parent(node);
  cmark_node_type pt = parent ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
  jv_tpl_node *n;
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_PARAGRAPH:
    if (pt == CMARK_NODE_DOCUMENT)
      return top_paragraph(r, f, node, line);
    return nested_paragraph(r, f, node, line);
  case CMARK_NODE_HEADING:
    return heading(r, f, node, line);
  case CMARK_NODE_BLOCK_QUOTE:
    if (pt != CMARK_NODE_DOCUMENT)
      return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                          "a quote cannot stand inside a list or another quote");
    return JV_OK;
  case CMARK_NODE_LIST:
    if (count_ancestors(node, CMARK_NODE_BLOCK_QUOTE))
      return jv_error_set(r->err, JV_EDATA, f->name, line, 0, "a quote holds text only, no lists");
    if (count_ancestors(node, CMARK_NODE_LIST) >= MAX_LIST_DEPTH)
      return jv_error_set(r->err, JV_EDATA, f->name, line, 0, "lists nest at most %d deep",
                          MAX_LIST_DEPTH);
    return JV_OK;
  case CMARK_NODE_THEMATIC_BREAK:
    if (pt != CMARK_NODE_DOCUMENT)
      return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                          "a page break (---) cannot stand inside a list or quote");
    if (jv_template__refuse_in_columns(r, f, line, "a page break (---)"))
      return r->err->status;
    return jv_tpl_append(r->tpl, JV_TPL_PAGEBREAK, f->name, line, &n) ? oom(r) : JV_OK;
  case CMARK_NODE_CODE_BLOCK:
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "code block: text indented by four spaces (or fenced with ```) is "
                        "not supported; remove the indentation");
  case CMARK_NODE_HTML_BLOCK:
    if (is_comment(cmark_node_get_literal(node)))
      return JV_OK;
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0,
                        "HTML is not supported in templates (only <!-- comments -->)");
  case CMARK_NODE_CUSTOM_BLOCK:
    return jv_error_set(r->err, JV_EDATA, f->name, line, 0, "unsupported block");
  default: /* document, list items, and the inlines handled with their block */
    return JV_OK;
  }
}

jv_status jv_template__walk(tpl_reader *r, const tpl_file *f, cmark_node *doc)
{
  cmark_iter *it = cmark_iter_new(doc);
  if (!it)
    return oom(r);
  jv_status st = JV_OK;
  cmark_event_type ev;
  while (!st && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER || type >= CMARK_NODE_FIRST_INLINE)
      continue;
    st = block(r, f, node);
  }
  cmark_iter_free(it);
  return st;
}
