/* gemeenten.c - reading the municipality lists and comparing names. */
#include "input/gemeenten.h"

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/csv_table.h"
#include "input/herindeling_read.h"
#include "util/diag.h"
#include "util/utf8.h"

static size_t put_utf8(char *out, uint32_t cp)
{
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static int is_space_cp(uint32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F;
}

char *jv_gemeenten_normalize(const char *name)
{
  size_t len = strlen(name);
  /* folding never lengthens: every replacement encodes in as few bytes */
  char *out = malloc(len + 1);
  if (!out)
    return NULL;
  size_t o = 0;
  int pending_space = 0;
  const char *p = name;
  while (*p) {
    uint32_t cp;
    jv_utf8_next(&p, &cp); /* invalid bytes become U+FFFD: never equal to a real name */
    if (is_space_cp(cp)) {
      pending_space = o > 0;
      continue;
    }
    if (cp >= 'A' && cp <= 'Z')
      cp += 'a' - 'A';
    else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
      cp += 0x20;
    else if (cp == 0x2018 || cp == 0x2019 || cp == 0x60 || cp == 0xB4)
      cp = '\'';
    if (pending_space)
      out[o++] = ' ';
    pending_space = 0;
    if (cp == 0xFFFD) {
      out[o++] = '?';
      continue;
    }
    o += put_utf8(out + o, cp);
  }
  out[o] = '\0';
  return out;
}

void jv_gemeenten_free(jv_gemeenten *g)
{
  if (!g)
    return;
  for (size_t i = 0; i < g->n; i++) {
    free(g->items[i].name);
    free(g->items[i].norm);
  }
  free(g->items);
  for (size_t i = 0; i < 2 * g->n_alias; i++)
    free(g->alias_pairs[i]);
  free(g->alias_pairs);
  jv_herindelingen_free(&g->changes);
  memset(g, 0, sizeof(*g));
}

/* Both columns of a two-column list, checked to be present. */
static jv_status two_fields(const jv_csv_table *t, size_t r, const char *what, jv_error *err)
{
  const jv_csv_row *row = &t->rows[r];
  if (row->n_fields < 2)
    return jv_error_set(err, JV_EDATA, t->name, row->line, (int)row->n_fields + 1,
                        "expected two fields (%s)", what);
  return JV_OK;
}

/* Every malformed row of the list goes to errs (err: the first). */
static jv_status load_list(jv_gemeenten *g, const char *path, jv_diags *errs, jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  g->items = calloc(t.n_rows, sizeof(*g->items));
  if (!g->items) {
    jv_csv_table_free(&t);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  jv_error first;
  jv_error_clear(&first);
  for (size_t r = 1; r < t.n_rows && st == JV_OK; r++) {
    jv_error e;
    jv_status bad = two_fields(&t, r, "cbs_code,gemeente", &e);
    const jv_csv_field *code = &t.rows[r].fields[0];
    if (!bad && (strlen(code->text) != 6 || strncmp(code->text, "GM", 2) != 0))
      bad =
          jv_error_set(&e, JV_EDATA, path, code->line, code->column,
                       "'%s' is not a CBS municipality code: expected GM and 4 digits", code->text);
    if (bad) {
      if (!first.status)
        first = e;
      if (errs && jv_diags_take(errs, bad, &e) != JV_OK)
        st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
      continue;
    }
    const jv_csv_field *name = &t.rows[r].fields[1];
    jv_gemeente *m = &g->items[g->n];
    memcpy(m->code, code->text, 7);
    m->name = strdup(name->text);
    m->norm = jv_gemeenten_normalize(name->text);
    g->n++;
    if (!m->name || !m->norm)
      st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  jv_csv_table_free(&t);
  if (st == JV_OK && first.status) {
    *err = first;
    st = JV_EDATA;
  }
  return st;
}

static jv_status load_aliases(jv_gemeenten *g, const char *path, jv_error *err)
{
  FILE *probe = fopen(path, "rb");
  if (!probe)
    return JV_OK; /* the alias list is optional */
  fclose(probe);
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  g->alias_pairs = calloc(2 * t.n_rows, sizeof(char *));
  if (!g->alias_pairs) {
    jv_csv_table_free(&t);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  for (size_t r = 1; r < t.n_rows && st == JV_OK; r++) {
    st = two_fields(&t, r, "gemeente,alias", err);
    if (st != JV_OK)
      break;
    char **pair = &g->alias_pairs[2 * g->n_alias];
    pair[0] = jv_gemeenten_normalize(t.rows[r].fields[0].text);
    pair[1] = jv_gemeenten_normalize(t.rows[r].fields[1].text);
    g->n_alias++;
    if (!pair[0] || !pair[1])
      st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  jv_csv_table_free(&t);
  return st;
}

jv_status jv_gemeenten_load(jv_gemeenten *out, const char *dir, int year, jv_error *err)
{
  return jv_gemeenten_load_all(out, dir, year, NULL, err);
}

jv_status jv_gemeenten_load_all(jv_gemeenten *out, const char *dir, int year, jv_diags *errs,
                                jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->year = year;
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/gemeenten_%d.csv", dir, year);
  FILE *probe = fopen(path, "rb");
  if (!probe)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0,
                        "no municipality list for the CBS indeling %d", year);
  fclose(probe);
  jv_status st = load_list(out, path, errs, err);
  if (st == JV_OK) {
    snprintf(path, sizeof(path), "%s/aliassen.csv", dir);
    st = load_aliases(out, path, err);
  }
  if (st == JV_OK) {
    snprintf(path, sizeof(path), "%s/herindelingen.csv", dir);
    FILE *f = fopen(path, "rb");
    if (f) { /* optional: only messages use it */
      fclose(f);
      st = jv_herindelingen_read(&out->changes, path, err);
    }
  }
  if (st != JV_OK)
    jv_gemeenten_free(out);
  return st;
}

static int cmp_int(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

size_t jv_gemeenten_years(const char *dir, int *years, size_t max)
{
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    int y;
    char tail[8];
    if (sscanf(e->d_name, "gemeenten_%4d%7s", &y, tail) == 2 && strcmp(tail, ".csv") == 0) {
      if (n < max)
        years[n] = y;
      n++;
    }
  }
  closedir(d);
  qsort(years, n < max ? n : max, sizeof(int), cmp_int);
  return n;
}

const jv_gemeente *jv_gemeenten_find_code(const jv_gemeenten *g, const char *code)
{
  for (size_t i = 0; i < g->n; i++)
    if (strcmp(g->items[i].code, code) == 0)
      return &g->items[i];
  return NULL;
}

static bool norm_matches(const jv_gemeenten *g, const jv_gemeente *m, const char *norm)
{
  if (strcmp(m->norm, norm) == 0)
    return true;
  for (size_t i = 0; i < g->n_alias; i++) {
    const char *a = g->alias_pairs[2 * i], *b = g->alias_pairs[2 * i + 1];
    if ((strcmp(a, m->norm) == 0 && strcmp(b, norm) == 0) ||
        (strcmp(b, m->norm) == 0 && strcmp(a, norm) == 0))
      return true;
  }
  return false;
}

bool jv_gemeenten_name_matches(const jv_gemeenten *g, const jv_gemeente *m, const char *name)
{
  char *norm = jv_gemeenten_normalize(name);
  bool ok = norm && norm_matches(g, m, norm);
  free(norm);
  return ok;
}

const jv_gemeente *jv_gemeenten_find_name(const jv_gemeenten *g, const char *name)
{
  char *norm = jv_gemeenten_normalize(name);
  const jv_gemeente *found = NULL;
  /* the official names first: one pass, no alias for each of them */
  for (size_t i = 0; norm && i < g->n && !found; i++)
    if (strcmp(g->items[i].norm, norm) == 0)
      found = &g->items[i];
  for (size_t i = 0; norm && i < g->n && !found; i++)
    if (norm_matches(g, &g->items[i], norm))
      found = &g->items[i];
  free(norm);
  return found;
}

void jv_gemeenten_code_hint(const jv_gemeenten *g, const char *code, char *buf, size_t size)
{
  buf[0] = '\0';
  char fate[600];
  if (jv_herindelingen_describe_fate(&g->changes, code, 0, g->year, fate, sizeof(fate))) {
    snprintf(buf, size,
             "; %s: use the code of the indeling %d, or set indeling in regio.csv to "
             "the year the data follows",
             fate, g->year);
    return;
  }
  const jv_herindeling *o = jv_herindelingen_origin(&g->changes, code, g->year, 9999);
  if (o) {
    char when[32];
    jv_herindeling_date_text(o->date, when, sizeof(when));
    snprintf(buf, size,
             "; %s %s bestaat pas sinds %s (indeling %d): set indeling in regio.csv "
             "to %d or later",
             o->new_code, o->new_name, when, o->new_year, o->new_year);
  }
}
