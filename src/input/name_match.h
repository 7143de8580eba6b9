/* name_match.h - a municipality named the way spreadsheets write it, found in
 * the year's indeling. Owns the loose form of a name and the candidates of a miss. */
#ifndef JV_INPUT_NAME_MATCH_H
#define JV_INPUT_NAME_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "input/gemeenten.h"

typedef enum {
  JV_NAME_EXACT,     /* the CBS name or a listed alias (case and spaces aside) */
  JV_NAME_LOOSE,     /* equal once accents, apostrophes, hyphens, dots and a
                        province suffix such as "(NH.)" are set aside */
  JV_NAME_AMBIGUOUS, /* loosely equal to more than one: see cands */
  JV_NAME_UNKNOWN    /* none: cands holds the nearest, if any is near */
} jv_name_kind;

#define JV_NAME_MAX_CANDS 3

typedef struct {
  jv_name_kind kind;
  const jv_gemeente *gm; /* EXACT and LOOSE */
  const jv_gemeente *cands[JV_NAME_MAX_CANDS];
  size_t n_cands;
} jv_name_hit;

/* The loose form (jv_ascii_slug): ASCII lower case without accents, every
 * run of other characters (spaces, apostrophes, hyphens, dots, brackets) one
 * '-'. "'s-Gravenhage" -> "s-gravenhage", "Bergen (NH.)" -> "bergen-nh".
 * Writes at most size bytes (NUL included). */
void jv_name_loose(const char *name, char *buf, size_t size);

/* Looks name up in g. Returns -1 only when out of memory. */
int jv_name_match(const jv_gemeenten *g, const char *name, jv_name_hit *out);

/* Whether name denotes m loosely (also through an alias); for a row whose
 * code is given. */
bool jv_name_loose_matches(const jv_gemeenten *g, const jv_gemeente *m, const char *name);

/* "'Bergen (NH.)' (GM0373) or 'Bergen (L.)' (GM0893)"; empty when none. */
void jv_name_cands_text(const jv_name_hit *hit, char *buf, size_t size);

#endif
