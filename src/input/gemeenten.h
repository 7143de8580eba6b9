/* gemeenten.h - the CBS municipality list of one boundary year.
 * Owns jv_gemeenten (codes and official names from assets/gemeenten/
 * gemeenten_YYYY.csv, name aliases from aliassen.csv) and name matching. */
#ifndef JV_INPUT_GEMEENTEN_H
#define JV_INPUT_GEMEENTEN_H

#include <stdbool.h>
#include <stddef.h>

#include "model/herindeling.h"
#include "util/error.h"

typedef struct {
  char code[8]; /* "GM0505" */
  char *name;   /* owned, official CBS name */
  char *norm;   /* owned, jv_gemeenten_normalize(name) */
} jv_gemeente;

typedef struct {
  int year;           /* the CBS indeling */
  jv_gemeente *items; /* owned, in file order */
  size_t n;
  char **alias_pairs; /* owned, normalized names, 2 per pair: equal names */
  size_t n_alias;
  jv_herindelingen changes; /* owned: herindelingen.csv beside the lists (empty if absent) */
} jv_gemeenten;

/* Loads <dir>/gemeenten_<year>.csv and, when present, <dir>/aliassen.csv
 * (columns gemeente,alias: two spellings of one municipality, either way
 * round) and herindelingen.csv (the changes between indeling years, for
 * messages on codes that are gone). JV_ENOINPUT when there is no list for that year. On success
 * *out belongs to the caller (jv_gemeenten_free); on failure it is left empty. */
jv_status jv_gemeenten_load(jv_gemeenten *out, const char *dir, int year, jv_error *err);
/* The same, with every malformed row of the list added to errs (JV_EDATA,
 * err holding the first; errs may be NULL). */
jv_status jv_gemeenten_load_all(jv_gemeenten *out, const char *dir, int year, jv_diags *errs,
                                jv_error *err);
void jv_gemeenten_free(jv_gemeenten *g);

/* The years for which <dir> holds a list, ascending; returns how many were
 * found (at most max are written). */
size_t jv_gemeenten_years(const char *dir, int *years, size_t max);

/* The municipality with this code, or NULL. */
const jv_gemeente *jv_gemeenten_find_code(const jv_gemeenten *g, const char *code);
/* The municipality this name (or an alias of it) denotes, or NULL. */
const jv_gemeente *jv_gemeenten_find_name(const jv_gemeenten *g, const char *name);
/* Whether name denotes m: equal after normalizing, or an alias of it. */
bool jv_gemeenten_name_matches(const jv_gemeenten *g, const jv_gemeente *m, const char *name);

/* Writes into buf a hint for a code that is not in g's indeling: where it
 * went ("; GM0585 Binnenmaas is per 1 januari 2019 opgegaan in GM1963
 * Hoeksche Waard ...") or since when it exists. Empty when nothing is known. */
void jv_gemeenten_code_hint(const jv_gemeenten *g, const char *code, char *buf, size_t size);

/* A comparable form of a name: surrounding space dropped, inner runs of
 * space (also no-break space, newlines) made one ' ', letters lower-cased
 * (ASCII and Latin-1), typographic apostrophes made '\''. Returns a
 * malloc'ed string the caller frees, or NULL when out of memory. */
char *jv_gemeenten_normalize(const char *name);

#endif
