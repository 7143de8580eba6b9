/* region_members.c - a region's municipalities per indeling year, through
 * the herindelingen. */
#include "pipeline/region_members.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/herindeling_read.h"
#include "input/region_read.h"

typedef struct {
  const jv_env *env;
  jv_region_members *m;
  jv_herindelingen changes;
  jv_error *err;
} resolve_ctx;

static jv_status oom(resolve_ctx *c)
{
  return jv_error_set(c->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

bool jv_region_members_has(const jv_region_members *m, const char *code, int year)
{
  for (size_t i = 0; i < m->n; i++)
    if (m->items[i].year == year && strcmp(m->items[i].code, code) == 0)
      return true;
  return false;
}

bool jv_region_members_has_year(const jv_region_members *m, int year)
{
  for (size_t i = 0; i < m->n; i++)
    if (m->items[i].year == year)
      return true;
  return false;
}

static jv_status add_member(resolve_ctx *c, const char *code, int year)
{
  jv_region_members *m = c->m;
  if (jv_region_members_has(m, code, year))
    return JV_OK;
  jv_region_year_member *n = realloc(m->items, (m->n + 1) * sizeof(*n));
  if (!n)
    return oom(c);
  m->items = n;
  snprintf(n[m->n].code, sizeof(n[0].code), "%s", code);
  n[m->n++].year = year;
  return JV_OK;
}

/* The region in indeling `to` from its members in `from`: every
 * municipality of `to` that holds one of them (forward), or every one of
 * `to` that is part of one of them (backward). */
static jv_status map_year(resolve_ctx *c, int from, int to)
{
  jv_gemeenten g;
  jv_status st = jv_gemeenten_load(&g, c->env->gemeenten, to, c->err);
  if (st)
    return st;
  const jv_region_members *m = c->m;
  size_t n0 = m->n;
  for (size_t i = 0; i < g.n && !st; i++) {
    int in = 0;
    if (from < to) {
      jv_herindeling_part *p;
      size_t np;
      if (jv_herindelingen_parts(&c->changes, g.items[i].code, g.items[i].name, from, to, &p,
                                 &np)) {
        st = oom(c);
        break;
      }
      for (size_t k = 0; k < np && !in; k++)
        in = jv_region_members_has(m, p[k].code, from);
      free(p);
    } else {
      for (size_t k0 = 0; k0 < n0 && !in; k0++) {
        if (m->items[k0].year != from)
          continue;
        jv_herindeling_part *p;
        size_t np;
        if (jv_herindelingen_parts(&c->changes, m->items[k0].code, "", to, from, &p, &np)) {
          st = oom(c);
          break;
        }
        for (size_t k = 0; k < np && !in; k++)
          in = strcmp(p[k].code, g.items[i].code) == 0;
        free(p);
      }
    }
    if (in && !st)
      st = add_member(c, g.items[i].code, to);
  }
  jv_gemeenten_free(&g);
  return st;
}

/* Fills every indeling year from the nearest known one (later years from
 * the latest earlier one, earlier years from the first later one). */
static jv_status fill_years(resolve_ctx *c)
{
  const jv_region_members *m = c->m;
  jv_status st = JV_OK;
  for (size_t i = 0; i < m->n_years && !st; i++) {
    int y = m->years[i], from = 0;
    if (jv_region_members_has_year(m, y))
      continue;
    for (size_t k = 0; k < m->n_years; k++)
      if (m->years[k] < y && jv_region_members_has_year(m, m->years[k]))
        from = m->years[k];
    for (size_t k = m->n_years; !from && k-- > 0;)
      if (m->years[k] > y && jv_region_members_has_year(m, m->years[k]))
        from = m->years[k];
    if (from)
      st = map_year(c, from, y);
  }
  return st;
}

/* Reads the members from a regio,indeling,cbs_code,gemeente file. */
static jv_status members_from_file(resolve_ctx *c, const char *path, const char *regio, int *found)
{
  jv_regions r;
  jv_status st = jv_regions_read(&r, path, c->err);
  *found = 0;
  if (st == JV_ENOINPUT) {
    jv_error_clear(c->err);
    return JV_OK;
  }
  for (size_t i = 0; i < r.n && !st; i++)
    if (strcasecmp(r.items[i].regio, regio) == 0) {
      *found = 1;
      st = add_member(c, r.items[i].code, r.items[i].indeling);
    }
  jv_regions_free(&r);
  return st;
}

static jv_status members_from_codes(resolve_ctx *c, const char *p, int year)
{
  const jv_gemeenten *g = &c->m->list;
  while (*p) {
    char code[16];
    size_t len = strcspn(p, ", ");
    snprintf(code, sizeof(code), "%.*s", (int)(len < 15 ? len : 15), p);
    p += len;
    p += strspn(p, ", ");
    if (!code[0])
      continue;
    if (!jv_gemeenten_find_code(g, code)) {
      char hint[800];
      jv_gemeenten_code_hint(g, code, hint, sizeof(hint));
      return jv_error_set(c->err, JV_EDATA, NULL, 0, 0,
                          "--gemeenten: %s is not a municipality in the CBS indeling %d%s", code,
                          year, hint);
    }
    jv_status st = add_member(c, code, year);
    if (st)
      return st;
  }
  return JV_OK;
}

jv_status jv_region_members_resolve(jv_region_members *out, const jv_env *env, const char *regio,
                                    const char *codes, const char *project_dir, int indeling,
                                    const char *what, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  resolve_ctx c = {.env = env, .m = out, .err = err};
  jv_herindelingen_init(&c.changes);
  out->n_years = jv_gemeenten_years(env->gemeenten, out->years, JV_REGION_MAX_YEARS);
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/herindelingen.csv", env->gemeenten);
  jv_status st = jv_herindelingen_read(&c.changes, path, err);
  if (!st)
    st = jv_gemeenten_load(&out->list, env->gemeenten, indeling, err);
  if (st == JV_ENOINPUT)
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "%s: the program has no municipality list for the indeling %d", what,
                      indeling);
  int found = 0;
  if (!st && codes) {
    st = members_from_codes(&c, codes, indeling);
    found = 1;
  }
  if (!st && !found && project_dir) {
    snprintf(path, sizeof(path), "%s/gemeenten.csv", project_dir);
    st = members_from_file(&c, path, regio, &found);
  }
  if (!st && !found) {
    snprintf(path, sizeof(path), "%s/assets/geo/regios.csv", env->home);
    st = members_from_file(&c, path, regio, &found);
    if (!st && !found)
      st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "region '%s' is not known to the program (assets/geo/regios.csv): "
                        "give its municipalities with --gemeenten GM0482,GM0505,...",
                        regio);
  }
  if (!st)
    st = fill_years(&c);
  if (!st && !jv_region_members_has_year(out, indeling))
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "no municipalities of '%s' in the indeling %d: give them with --gemeenten",
                      regio, indeling);
  jv_herindelingen_free(&c.changes);
  if (st)
    jv_region_members_free(out);
  return st;
}

void jv_region_members_free(jv_region_members *m)
{
  free(m->items);
  jv_gemeenten_free(&m->list);
  memset(m, 0, sizeof(*m));
}

static int cmp_name(const void *a, const void *b)
{
  return strcasecmp((*(const jv_gemeente *const *)a)->name, (*(const jv_gemeente *const *)b)->name);
}

jv_status jv_region_members_sorted(const jv_region_members *m, const jv_gemeente ***out, size_t *n,
                                   jv_error *err)
{
  const jv_gemeenten *g = &m->list;
  const jv_gemeente **v = calloc(g->n + 1, sizeof(*v));
  *out = v;
  *n = 0;
  if (!v)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i < g->n; i++)
    if (jv_region_members_has(m, g->items[i].code, g->year))
      v[(*n)++] = &g->items[i];
  qsort(v, *n, sizeof(*v), cmp_name);
  return JV_OK;
}
