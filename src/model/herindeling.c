/* herindeling.c - municipal changes between indeling years: compositions
 * (backwards) and fates (forwards), and the Dutch sentence on a fate. */
#include "model/herindeling.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

void jv_herindelingen_init(jv_herindelingen *h)
{
  h->items = NULL;
  h->n = 0;
}

void jv_herindelingen_free(jv_herindelingen *h)
{
  for (size_t i = 0; i < h->n; i++) {
    free(h->items[i].old_name);
    free(h->items[i].new_name);
  }
  free(h->items);
  jv_herindelingen_init(h);
}

jv_status jv_herindelingen_add(jv_herindelingen *h, const jv_herindeling *row)
{
  jv_herindeling *n = realloc(h->items, (h->n + 1) * sizeof(*n));
  if (!n)
    return JV_EINTERNAL;
  h->items = n;
  jv_herindeling *r = &h->items[h->n];
  *r = *row;
  r->old_name = strdup(row->old_name ? row->old_name : "");
  r->new_name = strdup(row->new_name ? row->new_name : "");
  if (!r->old_name || !r->new_name) {
    free(r->old_name);
    free(r->new_name);
    return JV_EINTERNAL;
  }
  h->n++;
  return JV_OK;
}

int jv_herindeling_kind_parse(const char *s, jv_herindeling_kind *out)
{
  static const char *const names[] = {"samenvoeging", "splitsing", "naamswijziging",
                                      "grenscorrectie"};
  for (int k = 0; k < 4; k++)
    if (strcmp(s, names[k]) == 0) {
      *out = (jv_herindeling_kind)k;
      return 0;
    }
  return -1;
}

/* Adds a part, or marks an existing one partial when it comes in again. */
static jv_status add_part(jv_herindeling_part **v, size_t *n, const char *code, const char *name,
                          bool whole)
{
  for (size_t i = 0; i < *n; i++)
    if (strcmp((*v)[i].code, code) == 0) {
      (*v)[i].whole = (*v)[i].whole && whole;
      return JV_OK;
    }
  jv_herindeling_part *nv = realloc(*v, (*n + 1) * sizeof(*nv));
  if (!nv)
    return JV_EINTERNAL;
  *v = nv;
  snprintf(nv[*n].code, sizeof(nv[*n].code), "%s", code);
  nv[*n].name = name;
  nv[*n].whole = whole;
  (*n)++;
  return JV_OK;
}

/* The latest indeling year of a change after `after` and not after `upto`
 * (0: none). */
static int latest_step(const jv_herindelingen *h, int after, int upto)
{
  int best = 0;
  for (size_t i = 0; i < h->n; i++)
    if (h->items[i].new_year > after && h->items[i].new_year <= upto && h->items[i].new_year > best)
      best = h->items[i].new_year;
  return best;
}

jv_status jv_herindelingen_parts(const jv_herindelingen *h, const char *code, const char *name,
                                 int from, int to, jv_herindeling_part **out, size_t *n)
{
  jv_herindeling_part *cur = NULL;
  size_t nc = 0;
  *out = NULL;
  *n = 0;
  if (add_part(&cur, &nc, code, name, true) != JV_OK)
    return JV_EINTERNAL;
  for (int y = latest_step(h, from, to); y; y = latest_step(h, from, y - 1)) {
    jv_herindeling_part *next = NULL;
    size_t nn = 0;
    for (size_t p = 0; p < nc; p++) {
      bool changed = false;
      for (size_t i = 0; i < h->n; i++) {
        const jv_herindeling *r = &h->items[i];
        if (r->new_year != y || r->kind == JV_HER_BORDER || strcmp(r->new_code, cur[p].code) != 0)
          continue;
        changed = true;
        if (add_part(&next, &nn, r->old_code, r->old_name,
                     cur[p].whole && r->kind != JV_HER_SPLIT) != JV_OK)
          goto oom;
      }
      if (!changed && add_part(&next, &nn, cur[p].code, cur[p].name, cur[p].whole) != JV_OK)
        goto oom;
      continue;
    oom:
      free(next);
      free(cur);
      return JV_EINTERNAL;
    }
    free(cur);
    cur = next;
    nc = nn;
  }
  *out = cur;
  *n = nc;
  return JV_OK;
}

const jv_herindeling *jv_herindelingen_fate(const jv_herindelingen *h, const char *code, int from,
                                            int to)
{
  const jv_herindeling *best = NULL;
  for (size_t i = 0; i < h->n; i++) {
    const jv_herindeling *r = &h->items[i];
    if (r->kind == JV_HER_BORDER || r->new_year <= from || r->new_year > to ||
        strcmp(r->old_code, code) != 0 || strcmp(r->new_code, code) == 0)
      continue;
    if (!best || r->new_year < best->new_year)
      best = r;
  }
  return best;
}

const jv_herindeling *jv_herindelingen_origin(const jv_herindelingen *h, const char *code,
                                              int before, int upto)
{
  for (size_t i = 0; i < h->n; i++) {
    const jv_herindeling *r = &h->items[i];
    if (r->kind != JV_HER_BORDER && r->new_year > before && r->new_year <= upto &&
        strcmp(r->new_code, code) == 0 && strcmp(r->old_code, code) != 0) {
      bool existed = false;
      for (size_t j = 0; j < h->n; j++)
        if (h->items[j].new_year == r->new_year && strcmp(h->items[j].old_code, code) == 0)
          existed = true;
      if (!existed)
        return r;
    }
  }
  return NULL;
}

void jv_herindeling_date_text(const char *date, char *buf, size_t size)
{
  static const char *const months[] = {"januari",   "februari", "maart",    "april",
                                       "mei",       "juni",     "juli",     "augustus",
                                       "september", "oktober",  "november", "december"};
  int y = 0, m = 0, d = 0;
  if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
    snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
  else
    snprintf(buf, size, "%s", date);
}

/* Appends printf output to buf at *len, never past size. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
  if (*len >= size)
    return;
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(buf + *len, size - *len, fmt, ap);
  va_end(ap);
  if (k > 0)
    *len = *len + (size_t)k < size ? *len + (size_t)k : size - 1;
}

bool jv_herindelingen_describe_fate(const jv_herindelingen *h, const char *code, int from, int to,
                                    char *buf, size_t size)
{
  const jv_herindeling *r = jv_herindelingen_fate(h, code, from, to);
  if (!r || size == 0)
    return false;
  size_t len = 0;
  buf[0] = '\0';
  for (int depth = 0; r && depth < 16; depth++) {
    char when[32];
    jv_herindeling_date_text(r->date, when, sizeof(when));
    if (depth)
      append(buf, size, &len, "; ");
    if (r->kind == JV_HER_SPLIT) {
      append(buf, size, &len, "%s %s is per %s verdeeld over ", r->old_code, r->old_name, when);
      size_t count = 0, k = 0;
      for (size_t i = 0; i < h->n; i++)
        if (h->items[i].kind == JV_HER_SPLIT && h->items[i].new_year == r->new_year &&
            strcmp(h->items[i].old_code, code) == 0)
          count++;
      for (size_t i = 0; i < h->n; i++) {
        const jv_herindeling *s = &h->items[i];
        if (s->kind != JV_HER_SPLIT || s->new_year != r->new_year || strcmp(s->old_code, code))
          continue;
        append(buf, size, &len, "%s%s %s", jv_text_list_sep(k++, count), s->new_code, s->new_name);
      }
      return true; /* the parts' later fates are theirs */
    }
    if (r->kind == JV_HER_RENAME)
      append(buf, size, &len, "%s %s heet per %s %s %s", r->old_code, r->old_name, when,
             r->new_code, r->new_name);
    else
      append(buf, size, &len, "%s %s is per %s opgegaan in %s %s", r->old_code, r->old_name, when,
             r->new_code, r->new_name);
    code = r->new_code;
    r = jv_herindelingen_fate(h, code, r->new_year, to);
  }
  return true;
}
