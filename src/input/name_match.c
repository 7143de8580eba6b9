/* name_match.c - loose municipality names: folding and lookup. */
#include "input/name_match.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/suggest.h"
#include "util/text.h"

void jv_name_loose(const char *name, char *buf, size_t size)
{
  jv_ascii_slug(buf, size, name); /* util/text.h: "'s-Gravenhage" -> "s-gravenhage" */
}

/* The loose form without a trailing province abbreviation ("bergen-nh" ->
 * "bergen", "hengelo-o" -> "hengelo"); the form itself when it has none. */
static void strip_province(char *s)
{
  static const char *const prov[] = {"nh", "zh", "nb", "l",  "li", "lb", "o",  "ov", "gld", "gl",
                                     "g",  "u",  "ut", "fr", "f",  "gr", "dr", "z",  "ze",  "fl"};
  char *sp = strrchr(s, '-');
  if (!sp)
    return;
  for (size_t i = 0; i < sizeof(prov) / sizeof(prov[0]); i++)
    if (strcmp(sp + 1, prov[i]) == 0) {
      *sp = '\0';
      return;
    }
}

typedef struct {
  char full[256];
  char base[256];
} loose_key;

static void key_of(const char *name, loose_key *k)
{
  jv_name_loose(name, k->full, sizeof(k->full));
  memcpy(k->base, k->full, sizeof(k->base));
  strip_province(k->base);
}

/* Whether the name's key equals m's or an alias of m's, on the full form
 * (base = 0) or without province (base = 1). */
static bool key_matches(const jv_gemeenten *g, const jv_gemeente *m, const loose_key *k, int base)
{
  loose_key mk;
  key_of(m->name, &mk);
  if (strcmp(base ? mk.base : mk.full, base ? k->base : k->full) == 0)
    return true;
  for (size_t i = 0; i < g->n_alias; i++) {
    const char *a = g->alias_pairs[2 * i], *b = g->alias_pairs[2 * i + 1];
    if (strcmp(a, m->norm) != 0 && strcmp(b, m->norm) != 0)
      continue;
    loose_key ak;
    key_of(strcmp(a, m->norm) == 0 ? b : a, &ak);
    if (strcmp(base ? ak.base : ak.full, base ? k->base : k->full) == 0)
      return true;
  }
  return false;
}

bool jv_name_loose_matches(const jv_gemeenten *g, const jv_gemeente *m, const char *name)
{
  loose_key k;
  key_of(name, &k);
  return k.full[0] && (key_matches(g, m, &k, 0) || key_matches(g, m, &k, 1));
}

static void add_cand(jv_name_hit *out, const jv_gemeente *m)
{
  if (out->n_cands < JV_NAME_MAX_CANDS)
    out->cands[out->n_cands++] = m;
}

int jv_name_match(const jv_gemeenten *g, const char *name, jv_name_hit *out)
{
  memset(out, 0, sizeof(*out));
  if ((out->gm = jv_gemeenten_find_name(g, name)) != NULL) {
    out->kind = JV_NAME_EXACT;
    return 0;
  }
  loose_key k;
  key_of(name, &k);
  for (int base = 0; base < 2 && k.full[0]; base++) {
    size_t hits = 0;
    for (size_t i = 0; i < g->n; i++)
      if (key_matches(g, &g->items[i], &k, base)) {
        hits++;
        out->gm = &g->items[i];
        add_cand(out, &g->items[i]);
      }
    if (hits == 1) {
      out->kind = JV_NAME_LOOSE;
      out->n_cands = 0;
      return 0;
    }
    if (hits > 1) {
      out->kind = JV_NAME_AMBIGUOUS;
      out->gm = NULL;
      return 0;
    }
  }
  /* unknown: the nearest loose forms, closest first */
  out->kind = JV_NAME_UNKNOWN;
  out->gm = NULL;
  size_t limit = strlen(k.full) / 3 < 2 ? 2 : strlen(k.full) / 3;
  for (size_t d = 0; d <= limit && out->n_cands < JV_NAME_MAX_CANDS; d++)
    for (size_t i = 0; i < g->n && out->n_cands < JV_NAME_MAX_CANDS; i++) {
      loose_key mk;
      key_of(g->items[i].name, &mk);
      if (jv_suggest_distance(k.full, mk.full) == d)
        add_cand(out, &g->items[i]);
    }
  return 0;
}

void jv_name_cands_text(const jv_name_hit *hit, char *buf, size_t size)
{
  size_t o = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < hit->n_cands && o < size; i++) {
    const char *sep = i == 0 ? "" : i + 1 == hit->n_cands ? " or " : ", ";
    int n =
        snprintf(buf + o, size - o, "%s'%s' (%s)", sep, hit->cands[i]->name, hit->cands[i]->code);
    if (n < 0)
      break;
    o += (size_t)n;
  }
}
