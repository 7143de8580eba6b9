/* template.c - the template model: nodes, runs, arguments and small helpers. */
#include "model/template.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/directives.h"
#include "util/grow.h"

void jv_tpl_init(jv_tpl *t)
{
  memset(t, 0, sizeof(*t));
}

void jv_tpl_node_clear(jv_tpl_node *n)
{
  for (size_t i = 0; i < n->n_runs; i++) {
    free(n->runs[i].text);
    free(n->runs[i].url);
  }
  free(n->runs);
  for (size_t i = 0; i < n->n_args; i++) {
    free(n->args[i].key);
    free(n->args[i].value);
  }
  free(n->args);
  free(n->attribution);
  memset(n, 0, sizeof(*n));
}

void jv_tpl_free(jv_tpl *t)
{
  for (size_t i = 0; i < t->n_nodes; i++)
    jv_tpl_node_clear(&t->nodes[i]);
  free(t->nodes);
  for (size_t i = 0; i < t->n_files; i++)
    free(t->files[i]);
  free(t->files);
  free(t->dir);
  free(t->meta.titel);
  free(t->meta.regio);
  free(t->meta.schooljaar);
  free(t->meta.auteur);
  free(t->meta.logo);
  jv_image_free(t->meta.logo_image);
  memset(t, 0, sizeof(*t));
}

jv_status jv_tpl_append(jv_tpl *t, jv_tpl_kind kind, const char *file, int line, jv_tpl_node **out)
{
  if (jv_grow((void **)&t->nodes, &t->cap, t->n_nodes + 1, sizeof(*t->nodes), 32) != 0)
    return JV_EINTERNAL;
  jv_tpl_node *n = &t->nodes[t->n_nodes++];
  memset(n, 0, sizeof(*n));
  n->kind = kind;
  n->file = file;
  n->line = line;
  *out = n;
  return JV_OK;
}

jv_status jv_tpl_add_file(jv_tpl *t, const char *name, const char **out)
{
  for (size_t i = 0; i < t->n_files; i++)
    if (strcmp(t->files[i], name) == 0) {
      *out = t->files[i];
      return JV_OK;
    }
  char **files = realloc(t->files, (t->n_files + 1) * sizeof(*files));
  if (!files)
    return JV_EINTERNAL;
  t->files = files;
  char *copy = strdup(name);
  if (!copy)
    return JV_EINTERNAL;
  t->files[t->n_files++] = copy;
  *out = copy;
  return JV_OK;
}

static int same(const char *a, const char *b)
{
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

jv_status jv_tpl_node_add_run(jv_tpl_node *n, const char *text, size_t len, jv_tpl_style style,
                              const char *url)
{
  if (len == 0)
    return JV_OK;
  jv_tpl_run *last = n->n_runs ? &n->runs[n->n_runs - 1] : NULL;
  if (last && last->style == style && same(last->url, url)) {
    size_t old = strlen(last->text);
    char *grown = realloc(last->text, old + len + 1);
    if (!grown)
      return JV_EINTERNAL;
    memcpy(grown + old, text, len);
    grown[old + len] = '\0';
    last->text = grown;
    return JV_OK;
  }
  jv_tpl_run *runs = realloc(n->runs, (n->n_runs + 1) * sizeof(*runs));
  if (!runs)
    return JV_EINTERNAL;
  n->runs = runs;
  jv_tpl_run *r = &runs[n->n_runs];
  r->text = strndup(text, len);
  r->url = url ? strdup(url) : NULL;
  r->style = style;
  if (!r->text || (url && !r->url)) {
    free(r->text);
    free(r->url);
    return JV_EINTERNAL;
  }
  n->n_runs++;
  return JV_OK;
}

void jv_tpl_node_tidy(jv_tpl_node *n)
{
  int prev_space = 1; /* drops leading spaces */
  jv_tpl_run *last_text = NULL;
  for (size_t i = 0; i < n->n_runs; i++) {
    char *t = n->runs[i].text, *w = t;
    for (const char *p = t; *p; p++) {
      char c = *p == '\t' ? ' ' : *p;
      if (c == ' ' && prev_space)
        continue;
      if (c == '\n') {
        /* no space before a hard break either */
        if (w > t && w[-1] == ' ')
          w--;
        else if (w == t && last_text) {
          size_t l = strlen(last_text->text);
          if (l && last_text->text[l - 1] == ' ')
            last_text->text[l - 1] = '\0';
        }
      }
      *w++ = c;
      prev_space = c == ' ' || c == '\n';
    }
    *w = '\0';
    if (w > t)
      last_text = &n->runs[i];
  }
  if (last_text) {
    size_t l = strlen(last_text->text);
    while (l && last_text->text[l - 1] == ' ')
      last_text->text[--l] = '\0';
  }
  size_t kept = 0;
  for (size_t i = 0; i < n->n_runs; i++) {
    if (n->runs[i].text[0]) {
      n->runs[kept++] = n->runs[i];
    } else {
      free(n->runs[i].text);
      free(n->runs[i].url);
    }
  }
  n->n_runs = kept;
}

jv_status jv_tpl_node_add_arg(jv_tpl_node *n, const char *key, const char *value, int column)
{
  jv_tpl_arg *args = realloc(n->args, (n->n_args + 1) * sizeof(*args));
  if (!args)
    return JV_EINTERNAL;
  n->args = args;
  jv_tpl_arg *a = &args[n->n_args];
  a->key = strdup(key);
  a->value = strdup(value);
  a->column = column;
  if (!a->key || !a->value) {
    free(a->key);
    free(a->value);
    return JV_EINTERNAL;
  }
  n->n_args++;
  return JV_OK;
}

const jv_tpl_arg *jv_tpl_arg_find(const jv_tpl_node *n, const char *key)
{
  for (size_t i = 0; i < n->n_args; i++)
    if (strcmp(n->args[i].key, key) == 0)
      return &n->args[i];
  return NULL;
}

const char *jv_tpl_value(const jv_tpl_node *n, const char *key)
{
  const jv_tpl_arg *a = jv_tpl_arg_find(n, key);
  return a ? a->value : NULL;
}

const char *jv_tpl_directive_name(jv_tpl_directive d)
{
  size_t n;
  const jv_dir_spec *specs = jv_dir_specs(&n);
  for (size_t i = 0; i < n; i++)
    if (specs[i].act == JV_DIRACT_NODE && specs[i].dir == d)
      return specs[i].name;
  return "?";
}

int jv_tpl_year(const char *value, jv_schoolyear base, jv_schoolyear *out)
{
  if (jv_schoolyear_parse(value, out) == 0)
    return 0;
  /* an offset: "0", "-1", "-12"; no '+' because later years have no data */
  const char *p = value;
  if (*p == '-')
    p++;
  if (!isdigit((unsigned char)*p) || strlen(p) > 2)
    return -1;
  for (const char *q = p; *q; q++)
    if (!isdigit((unsigned char)*q))
      return -1;
  int off = atoi(p);
  if (value[0] != '-' && off != 0)
    return -1;
  out->start = base.start - off;
  return 0;
}

int jv_tpl_list_next(const char **p, char *buf, size_t size)
{
  const char *s = *p;
  while (*s == ' ' || *s == ',')
    s++;
  if (!*s)
    return -1;
  const char *end = strchr(s, ',');
  if (!end)
    end = s + strlen(s);
  *p = end;
  while (end > s && end[-1] == ' ')
    end--;
  size_t n = (size_t)(end - s);
  if (n >= size)
    return -1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  return 0;
}

char *jv_tpl_node_text(const jv_tpl_node *n, char *buf, size_t size)
{
  size_t used = 0;
  if (size == 0)
    return buf;
  buf[0] = '\0';
  for (size_t i = 0; i < n->n_runs; i++) {
    size_t len = strlen(n->runs[i].text);
    int cut = len > size - 1 - used;
    if (cut) {
      len = size - 1 - used;
      /* never cut a UTF-8 sequence in half */
      while (len > 0 && ((unsigned char)n->runs[i].text[len] & 0xC0) == 0x80)
        len--;
    }
    memcpy(buf + used, n->runs[i].text, len);
    used += len;
    buf[used] = '\0';
    if (cut)
      break;
  }
  return buf;
}
