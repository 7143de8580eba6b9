/* template_directive.c - the ::name{key=value ...} lines of a template.
 * Owns the directive syntax and the table of directives, their keys and
 * what each key accepts; checks names against the indicator and series
 * catalogues so a typo fails here, with its file:line:column. */
#include "input/template_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/directives.h"
#include "model/indicator.h"
#include "model/table_kinds.h"
#include "model/series_catalogue.h"
#include "util/suggest.h"

#define MAX_ARGS 12
#define MAX_NAME 32
#define MAX_VALUE 1024

typedef jv_dir_spec dir_spec;
typedef jv_dir_arg arg_spec;

typedef struct {
  char key[MAX_NAME];
  char value[MAX_VALUE];
  int column;
} raw_arg;

typedef struct {
  char name[MAX_NAME];
  raw_arg args[MAX_ARGS];
  size_t n_args;
} raw_directive;

typedef struct {
  tpl_reader *r;
  const tpl_file *f;
  int line;
  const char *s; /* the source line */
  size_t len;
} where;

static jv_status fail_at(const where *w, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records an error at byte offset off of the directive's line. */
static jv_status fail_at(const where *w, size_t off, const char *fmt, ...)
{
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  int col = jv_template__column(w->s, off < w->len ? off : w->len);
  return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, col, "%s", msg);
}

static int name_char(char c, int first)
{
  return (c >= 'a' && c <= 'z') || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
}

/* Typographic quotes, as a word processor would put them in. */
static int curly_quote_at(const char *s, size_t left)
{
  return left >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
         ((unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F);
}

static jv_status parse_value(const where *w, size_t *i, raw_arg *a)
{
  const char *s = w->s;
  size_t n = 0, start = *i;
  if (s[*i] == '"' || s[*i] == '\'') {
    char q = s[(*i)++];
    while (*i < w->len && s[*i] != q) {
      if (s[*i] == '\\' && *i + 1 < w->len && (s[*i + 1] == q || s[*i + 1] == '\\'))
        (*i)++;
      if (n + 1 >= MAX_VALUE)
        return fail_at(w, start, "value of %s is too long", a->key);
      a->value[n++] = s[(*i)++];
    }
    if (*i >= w->len)
      return fail_at(w, start, "unterminated quoted value of %s: add the closing quote", a->key);
    (*i)++;
  } else {
    if (curly_quote_at(s + *i, w->len - *i))
      return fail_at(w, start,
                     "%s= starts with a typographic quote; use straight quotes (\") around "
                     "values",
                     a->key);
    while (*i < w->len && s[*i] != ' ' && s[*i] != '\t' && s[*i] != '}') {
      if (s[*i] == '"' || s[*i] == '\'' || s[*i] == '{' || s[*i] == '=')
        return fail_at(w, *i,
                       "unexpected character in the value of %s: put values with spaces "
                       "or quotes between \"...\"",
                       a->key);
      if (n + 1 >= MAX_VALUE)
        return fail_at(w, start, "value of %s is too long", a->key);
      a->value[n++] = s[(*i)++];
    }
    if (n == 0)
      return fail_at(w, start, "missing value after %s=", a->key);
  }
  a->value[n] = '\0';
  return JV_OK;
}

static jv_status parse_line(const where *w, raw_directive *d)
{
  const char *s = w->s;
  size_t i = 0, n = 0;
  while (i < w->len && s[i] == ' ')
    i++;
  i += 2; /* "::", checked by the caller */
  size_t name_at = i;
  while (i < w->len && name_char(s[i], n == 0) && s[i] != '_') {
    if (n + 1 >= MAX_NAME)
      return fail_at(w, name_at, "directive name too long");
    d->name[n++] = s[i++];
  }
  d->name[n] = '\0';
  if (n == 0)
    return fail_at(w, name_at, "directive names are lower-case, such as ::tabel");
  if (i < w->len && s[i] == '{') {
    i++;
    for (;;) {
      while (i < w->len && (s[i] == ' ' || s[i] == '\t'))
        i++;
      if (i >= w->len)
        return fail_at(w, i, "missing '}' at the end of ::%s{...", d->name);
      if (s[i] == '}') {
        i++;
        break;
      }
      if (d->n_args == MAX_ARGS)
        return fail_at(w, i, "too many arguments");
      raw_arg *a = &d->args[d->n_args];
      a->column = jv_template__column(s, i);
      size_t k = 0, key_at = i;
      while (i < w->len && name_char(s[i], k == 0)) {
        if (k + 1 >= MAX_NAME)
          return fail_at(w, key_at, "argument name too long");
        a->key[k++] = s[i++];
      }
      a->key[k] = '\0';
      if (k == 0 || i >= w->len || s[i] != '=')
        return fail_at(w, k ? i : key_at,
                       "expected key=value inside {...} (keys are lower-case, such as "
                       "soort=trend)");
      i++;
      for (size_t j = 0; j < d->n_args; j++)
        if (strcmp(d->args[j].key, a->key) == 0)
          return fail_at(w, key_at, "%s given twice", a->key);
      jv_status st = parse_value(w, &i, a);
      if (st)
        return st;
      d->n_args++;
    }
  }
  while (i < w->len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (i < w->len)
    return fail_at(w, i,
                   "unexpected text after the directive: write ::name{key=value ...} "
                   "alone on its line");
  return JV_OK;
}

static const dir_spec *find_spec(const where *w, const char *name, jv_status *st)
{
  size_t n;
  const dir_spec *specs = jv_dir_specs(&n);
  const dir_spec *sp = jv_dir_spec_find(name);
  if (sp)
    return sp;
  const char *names[32];
  char known[512] = "";
  size_t used = 0;
  for (size_t i = 0; i < n && i < 32; i++) {
    names[i] = specs[i].name;
    used += (size_t)snprintf(known + used, used < sizeof(known) ? sizeof(known) - used : 0, "%s%s",
                             i ? ", " : "", specs[i].name);
  }
  const char *best = jv_suggest_closest(name, names, n < 32 ? n : 32);
  char hint[96] = "";
  if (best)
    snprintf(hint, sizeof(hint), " (did you mean ::%s?)", best);
  *st = fail_at(w, 0, "unknown directive ::%s%s; known: %s", name, hint, known);
  return NULL;
}

/* a->value is none of opts[0..n): the error names them and the closest. */
static jv_status bad_option(const where *w, const raw_arg *a, const char *const *opts, size_t n)
{
  char hint[96] = "";
  const char *best = jv_suggest_closest(a->value, opts, n);
  if (best)
    snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
  char msg[700];
  snprintf(msg, sizeof(msg), "%s=%s is not allowed%s; expected one of: ", a->key, a->value, hint);
  size_t used = strlen(msg);
  for (size_t i = 0; i < n && used < sizeof(msg); i++)
    used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s%s", i ? ", " : "", opts[i]);
  return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column, "%s", msg);
}

static jv_status bad_choice(const where *w, const raw_arg *a, const char *choices)
{
  char list[512];
  snprintf(list, sizeof(list), "%s", choices);
  const char *opts[16];
  size_t n = 0;
  for (char *p = list; p && n < 16;) {
    char *bar = strchr(p, '|');
    if (bar)
      *bar = '\0';
    opts[n++] = p;
    p = bar ? bar + 1 : NULL;
  }
  return bad_option(w, a, opts, n);
}

static int in_choices(const char *v, const char *choices)
{
  size_t n = strlen(v);
  for (const char *p = choices; p;) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len == n && strncmp(p, v, n) == 0)
      return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}

static jv_status bad_name(const where *w, const raw_arg *a, const char *item, int series)
{
  const char *names[64];
  size_t n = 0;
  if (series)
    for (size_t i = 0; i < jv_series_info_count() && n < 64; i++)
      names[n++] = jv_series_info_at(i)->name;
  else
    for (int i = 0; i < JV_IND_COUNT && n < 64; i++)
      names[n++] = jv_indicator_name((jv_indicator)i);
  const char *best = jv_suggest_closest(item, names, n);
  char hint[128] = "";
  if (best)
    snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
  return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column,
                      "%s=%s: unknown %s '%s'%s; `jaarverslag indicators%s` lists the names",
                      a->key, a->value, series ? "series" : "indicator", item, hint,
                      series ? " --series" : "");
}

static jv_status check_names(const where *w, const raw_arg *a, int series, int list)
{
  const char *p = a->value;
  char item[MAX_VALUE];
  int count = 0;
  if (!list) {
    jv_indicator ind;
    if (series ? jv_series_info_find(a->value) == NULL : jv_indicator_from_name(a->value, &ind))
      return bad_name(w, a, a->value, series);
    return JV_OK;
  }
  while (jv_tpl_list_next(&p, item, sizeof(item)) == 0) {
    jv_indicator ind;
    count++;
    if (series ? jv_series_info_find(item) == NULL : jv_indicator_from_name(item, &ind))
      return bad_name(w, a, item, series);
  }
  if (count == 0)
    return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column,
                        "%s= is empty: give one or more names separated by commas", a->key);
  return JV_OK;
}

static jv_status check_value(const where *w, const arg_spec *sp, const raw_arg *a)
{
  if (sp->type != JV_ARG_TEXT && !a->value[0])
    return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column, "%s= is empty",
                        a->key);
  switch (sp->type) {
  case JV_ARG_CHOICE:
    return in_choices(a->value, sp->choices) ? JV_OK : bad_choice(w, a, sp->choices);
  case JV_ARG_TABLE_KIND: {
    if (jv_table_kind_find(a->value))
      return JV_OK;
    size_t n;
    const jv_table_kind *k = jv_table_kinds(&n);
    const char *names[16];
    for (size_t i = 0; i < n && i < 16; i++)
      names[i] = k[i].name;
    return bad_option(w, a, names, n < 16 ? n : 16);
  }
  case JV_ARG_INDICATOR:
    return check_names(w, a, 0, 0);
  case JV_ARG_INDICATORS:
    return check_names(w, a, 0, 1);
  case JV_ARG_SERIES:
    return check_names(w, a, 1, 0);
  case JV_ARG_SERIES_LIST:
    return check_names(w, a, 1, 1);
  case JV_ARG_YEAR: {
    jv_schoolyear base = {2000}, y;
    if (jv_tpl_year(a->value, base, &y))
      return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column,
                          "jaar=%s: expected a school year such as 2016-2017, or 0, -1, -2 "
                          "for the report's year and the years before it",
                          a->value);
    return JV_OK;
  }
  case JV_ARG_INT: {
    char *end;
    long v = strtol(a->value, &end, 10);
    if (*end || !isdigit((unsigned char)a->value[0]) || v < sp->min || v > sp->max)
      return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column,
                          "%s=%s: expected a whole number from %d to %d", a->key, a->value, sp->min,
                          sp->max);
    return JV_OK;
  }
  default:
    return JV_OK;
  }
}

static const arg_spec *find_arg(const where *w, const dir_spec *d, const raw_arg *a, jv_status *st)
{
  const char *keys[JV_DIR_MAX_ARGS];
  size_t n = 0;
  char list[256] = "";
  for (; n < JV_DIR_MAX_ARGS && d->args[n].key; n++) {
    if (strcmp(d->args[n].key, a->key) == 0)
      return &d->args[n];
    keys[n] = d->args[n].key;
    size_t used = strlen(list);
    snprintf(list + used, sizeof(list) - used, "%s%s", n ? ", " : "", keys[n]);
  }
  const char *best = jv_suggest_closest(a->key, keys, n);
  char hint[96] = "";
  if (best)
    snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
  *st = jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, a->column,
                     "::%s has no key '%s'%s; its keys: %s", d->name, a->key, hint,
                     n ? list : "none");
  return NULL;
}

static const raw_arg *raw_find(const raw_directive *d, const char *key)
{
  for (size_t i = 0; i < d->n_args; i++)
    if (strcmp(d->args[i].key, key) == 0)
      return &d->args[i];
  return NULL;
}

static jv_status bad_combination(const where *w, const raw_directive *d, const char *what)
{
  return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, 0, "::%s %s", d->name, what);
}

/* Rules that tie keys together, beyond each key's own check. */
static jv_status check_combination(const where *w, const raw_directive *d)
{
  const raw_arg *soort = raw_find(d, "soort");
  int ind = raw_find(d, "indicator") != NULL, inds = raw_find(d, "indicatoren") != NULL;
  int reeks = raw_find(d, "reeks") != NULL;
  if (strcmp(d->name, "tabel") == 0) {
    int overzicht = strcmp(soort->value, "overzicht") == 0;
    if (overzicht && !inds)
      return bad_combination(w, d, "soort=overzicht needs indicatoren=\"a,b,...\"");
    if (!overzicht && (inds || raw_find(d, "eenheid")))
      return bad_combination(w, d, "takes indicatoren= and eenheid= only with soort=overzicht");
  } else if (strcmp(d->name, "grafiek") == 0) {
    if (strcmp(soort->value, "trend") == 0 && (reeks + ind != 1 || inds))
      return bad_combination(
          w, d,
          "soort=trend draws over the years either series (reeks=) or the region's own "
          "figures of every project year (indicator=)");
    if (strcmp(soort->value, "vergelijking") == 0 && (!ind || inds || reeks))
      return bad_combination(w, d,
                             "soort=vergelijking compares municipalities: give indicator= only");
    if (strcmp(soort->value, "gestapeld") == 0 && (ind || inds + reeks != 1))
      return bad_combination(w, d,
                             "soort=gestapeld needs either indicatoren= (per municipality) or "
                             "reeks= (per year)");
  } else if (strcmp(d->name, "kerncijfer") == 0) {
    if (ind + reeks != 1)
      return bad_combination(w, d, "needs either indicator= or reeks=");
    if (reeks && raw_find(d, "eenheid"))
      return bad_combination(w, d,
                             "takes eenheid= only with indicator= (a series has its own unit)");
  }
  return JV_OK;
}

static jv_status oom(tpl_reader *r)
{
  return jv_error_set(r->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

/* Adds the arguments to n, text values with body-text typography. */
static jv_status store_args(const where *w, const dir_spec *sp, const raw_directive *d,
                            jv_tpl_node *n)
{
  for (size_t i = 0; i < d->n_args; i++) {
    const raw_arg *a = &d->args[i];
    jv_status st;
    const arg_spec *as = find_arg(w, sp, a, &st);
    char *value = NULL;
    if (as->type == JV_ARG_TEXT) {
      jv_tpl_node tmp;
      memset(&tmp, 0, sizeof(tmp));
      st = jv_template__text_runs(w->r, w->f, w->line, a->value, &tmp);
      if (st) {
        jv_tpl_node_clear(&tmp);
        return st;
      }
      char buf[MAX_VALUE * 2];
      value = strdup(jv_tpl_node_text(&tmp, buf, sizeof(buf)));
      jv_tpl_node_clear(&tmp);
    } else {
      value = strdup(a->value);
    }
    if (!value)
      return oom(w->r);
    st = jv_tpl_node_add_arg(n, a->key, value, a->column) ? oom(w->r) : JV_OK;
    free(value);
    if (st)
      return st;
  }
  return JV_OK;
}

static jv_status columns(const where *w, const dir_spec *sp)
{
  tpl_reader *r = w->r;
  if (sp->dir == JV_DIR_KOLOMMEN) {
    if (r->cols_line)
      return jv_error_set(r->err, JV_EDATA, w->f->name, w->line, 0,
                          "::kolommen inside ::kolommen (opened at %s:%d); close it first",
                          r->cols_file, r->cols_line);
    r->cols_line = w->line;
    r->cols_file = w->f->name;
    r->cols_depth = r->depth;
  } else if (sp->dir == JV_DIR_EINDE_KOLOMMEN) {
    if (!r->cols_line)
      return jv_error_set(r->err, JV_EDATA, w->f->name, w->line, 0,
                          "::einde-kolommen without ::kolommen before it");
    if (r->cols_depth != r->depth)
      return jv_error_set(r->err, JV_EDATA, w->f->name, w->line, 0,
                          "::einde-kolommen closes ::kolommen of another file (%s:%d); open "
                          "and close columns in the same file",
                          r->cols_file, r->cols_line);
    r->cols_line = 0;
    r->cols_file = NULL;
  }
  return JV_OK;
}

static jv_status once(const where *w, const dir_spec *sp)
{
  bool *seen = sp->dir == JV_DIR_OMSLAG   ? &w->r->seen_cover
               : sp->dir == JV_DIR_INHOUD ? &w->r->seen_toc
                                          : NULL;
  if (!seen)
    return JV_OK;
  if (*seen)
    return jv_error_set(w->r->err, JV_EDATA, w->f->name, w->line, 0,
                        "::%s may appear only once in a template", sp->name);
  *seen = true;
  return JV_OK;
}

static jv_status act(const where *w, const dir_spec *sp, const raw_directive *d)
{
  tpl_reader *r = w->r;
  jv_tpl_node *n;
  jv_status st;
  switch (sp->act) {
  case JV_DIRACT_PAGE:
    return jv_tpl_append(r->tpl, JV_TPL_PAGEBREAK, w->f->name, w->line, &n) ? oom(r) : JV_OK;
  case JV_DIRACT_INCLUDE: {
    const raw_arg *a = raw_find(d, "bestand");
    return jv_template__include(r, w->f, w->line, a->column, a->value);
  }
  case JV_DIRACT_QUOTE: {
    jv_tpl_node tmp;
    memset(&tmp, 0, sizeof(tmp));
    st = jv_template__text_runs(r, w->f, w->line, raw_find(d, "tekst")->value, &tmp);
    const raw_arg *bron = raw_find(d, "bron");
    if (!st && bron) {
      jv_tpl_node b;
      memset(&b, 0, sizeof(b));
      char buf[MAX_VALUE * 2];
      st = jv_template__text_runs(r, w->f, w->line, bron->value, &b);
      if (!st && !(tmp.attribution = strdup(jv_tpl_node_text(&b, buf, sizeof(buf)))))
        st = oom(r);
      jv_tpl_node_clear(&b);
    }
    if (!st && tmp.n_runs == 0)
      st = bad_combination(w, d, "needs a non-empty tekst=");
    if (!st && jv_tpl_append(r->tpl, JV_TPL_QUOTE, w->f->name, w->line, &n))
      st = oom(r);
    if (st) {
      jv_tpl_node_clear(&tmp);
      return st;
    }
    tmp.kind = JV_TPL_QUOTE;
    tmp.file = w->f->name;
    tmp.line = w->line;
    tmp.in_columns = r->cols_line != 0;
    *n = tmp;
    return JV_OK;
  }
  case JV_DIRACT_NODE:
    break;
  }
  if ((st = once(w, sp)) != JV_OK)
    return st;
  bool inside = r->cols_line != 0;
  if ((st = columns(w, sp)) != JV_OK)
    return st;
  if (jv_tpl_append(r->tpl, JV_TPL_DIRECTIVE, w->f->name, w->line, &n))
    return oom(r);
  n->directive = sp->dir;
  n->in_columns = inside && sp->dir != JV_DIR_KOLOMMEN;
  return store_args(w, sp, d, n);
}

jv_status jv_template__directive(tpl_reader *r, const tpl_file *f, int line)
{
  where w = {r, f, line, NULL, 0};
  w.s = jv_template__line(f, line, &w.len);
  raw_directive d;
  memset(&d, 0, sizeof(d));
  jv_status st = parse_line(&w, &d);
  if (st)
    return st;
  const dir_spec *sp = find_spec(&w, d.name, &st);
  if (!sp)
    return st;
  if (!sp->in_columns && r->cols_line) {
    char what[64];
    snprintf(what, sizeof(what), "::%s", sp->name);
    if (jv_template__refuse_in_columns(r, f, line, what))
      return r->err->status;
  }
  for (size_t i = 0; i < d.n_args; i++) {
    const arg_spec *as = find_arg(&w, sp, &d.args[i], &st);
    if (!as)
      return st;
    if ((st = check_value(&w, as, &d.args[i])) != JV_OK)
      return st;
  }
  for (size_t k = 0; k < JV_DIR_MAX_ARGS && sp->args[k].key; k++)
    if (sp->args[k].required && !raw_find(&d, sp->args[k].key))
      return jv_error_set(r->err, JV_EDATA, f->name, line, 0, "::%s needs %s=", sp->name,
                          sp->args[k].key);
  if ((st = check_combination(&w, &d)) != JV_OK)
    return st;
  return act(&w, sp, &d);
}
