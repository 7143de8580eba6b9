/* match.c - data rows to shapes by CBS code, else by normalised name. */
#include "stats/match.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* ASCII spelling of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A),
 * enough for every Dutch and Frisian municipality name. */
static const char *const fold_latin[0x180 - 0xC0] = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e",  "e", "e", "e", "i",  "i",  "i", "i", "d", "n",
    "o", "o", "o",  "o",  "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", "",  "o",  "u",  "u", "u", "u",  "y",  "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d",  "d", "e", "e", "e",  "e",  "e", "e", "e", "e",
    "e", "e", "g",  "g",  "g", "g", "g",  "g",  "g",  "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j",  "j", "k", "k", "k",  "l",  "l", "l", "l", "l",
    "l", "l", "l",  "l",  "l", "n", "n",  "n",  "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r",  "r", "s", "s", "s",  "s",  "s", "s", "s", "s",
    "t", "t", "t",  "t",  "t", "t", "u",  "u",  "u",  "u", "u", "u", "u",  "u",  "u", "u", "u", "u",
    "w", "w", "y",  "y",  "y", "z", "z",  "z",  "z",  "z", "z", "s",
};

/* Official name and the name people (and the ministry's tables) use. */
static const char *const aliases[][2] = {
    {"sgravenhage", "denhaag"},
    {"shertogenbosch", "denbosch"},
};

void jv_match_name_key(const char *name, char *out, size_t size)
{
  size_t o = 0;
  const char *p = name ? name : "";
  while (*p && o + 1 < size) {
    uint32_t cp;
    if (jv_utf8_next(&p, &cp) != 0)
      continue; /* an invalid byte cannot tell names apart */
    const char *add = NULL;
    char one[2] = {0, 0};
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z')
        one[0] = (char)(cp - 'A' + 'a');
      else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        one[0] = (char)cp;
      add = one; /* everything else (apostrophe, hyphen, space, dot) drops */
    } else if (cp >= 0xC0 && cp < 0x180) {
      add = fold_latin[cp - 0xC0];
    }
    for (; add && *add && o + 1 < size; add++)
      out[o++] = *add;
  }
  out[o] = '\0';
  for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
    if (strcmp(out, aliases[i][0]) == 0)
      snprintf(out, size, "%s", aliases[i][1]);
}

int jv_match_same_name(const char *a, const char *b)
{
  char ka[256], kb[256];
  jv_match_name_key(a, ka, sizeof(ka));
  jv_match_name_key(b, kb, sizeof(kb));
  return ka[0] && strcmp(ka, kb) == 0;
}

void jv_match_free(jv_match *m)
{
  free(m->shape_of_row);
  free(m->row_of_shape);
  memset(m, 0, sizeof(*m));
}

/* The input location of a row: where its first value came from. */
static const jv_srcpos *row_loc(const jv_municipality *m)
{
  for (int i = 0; i < JV_IND_COUNT; i++)
    if (m->where[i].file)
      return &m->where[i];
  return NULL;
}

static void warn_row(jv_diags *warn, const jv_municipality *m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void warn_row(jv_diags *warn, const jv_municipality *m, const char *fmt, ...)
{
  if (!warn)
    return;
  char buf[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  const jv_srcpos *l = row_loc(m);
  jv_diags_add(warn, l ? l->file : NULL, l ? l->line : 0, 0, "%s", buf);
}

jv_status jv_match_build(jv_match *out, const jv_geo *geo, const jv_dataset *ds, jv_diags *warn,
                         jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->n_rows = ds->n_munis;
  out->n_shapes = geo->n_shapes;
  out->shape_of_row = malloc((ds->n_munis + 1) * sizeof(long));
  out->row_of_shape = malloc((geo->n_shapes + 1) * sizeof(long));
  char(*keys)[256] = malloc((geo->n_shapes + 1) * sizeof(*keys));
  if (!out->shape_of_row || !out->row_of_shape || !keys) {
    free(keys);
    jv_match_free(out);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t r = 0; r < ds->n_munis; r++)
    out->shape_of_row[r] = -1;
  for (size_t s = 0; s < geo->n_shapes; s++) {
    out->row_of_shape[s] = -1;
    jv_match_name_key(geo->shapes[s].name, keys[s], sizeof(keys[s]));
  }
  /* codes first, so a name match can never take a shape a code claims */
  for (size_t r = 0; r < ds->n_munis; r++) {
    const jv_municipality *m = &ds->munis[r];
    long s = jv_geo_find_code(geo, m->code);
    if (s < 0)
      continue;
    if (out->row_of_shape[s] >= 0) {
      warn_row(warn, m,
               "%s %s: the same CBS code appears twice in the data; this row is not "
               "drawn",
               m->code, m->name);
      continue;
    }
    out->shape_of_row[r] = s;
    out->row_of_shape[s] = (long)r;
    if (!jv_match_same_name(m->name, geo->shapes[s].name))
      warn_row(warn, m,
               "%s: named \"%s\" in the data but \"%s\" in the boundaries; matched by "
               "code",
               m->code, m->name, geo->shapes[s].name);
  }
  for (size_t r = 0; r < ds->n_munis; r++) {
    const jv_municipality *m = &ds->munis[r];
    if (out->shape_of_row[r] >= 0)
      continue;
    char key[256];
    jv_match_name_key(m->name, key, sizeof(key));
    long found = -1;
    for (size_t s = 0; s < geo->n_shapes && key[0]; s++)
      if (out->row_of_shape[s] < 0 && strcmp(keys[s], key) == 0) {
        found = (long)s;
        break;
      }
    if (found < 0) {
      warn_row(warn, m,
               "%s %s: no municipality with this code or name in the boundaries; "
               "not drawn",
               m->code[0] ? m->code : "(no code)", m->name);
      continue;
    }
    out->shape_of_row[r] = found;
    out->row_of_shape[found] = (long)r;
    if (m->code[0]) {
      out->by_name++;
      warn_row(warn, m, "%s %s: code not in the boundaries; matched by name", m->code, m->name);
    }
  }
  free(keys);
  return JV_OK;
}
