/* herindeling.h - municipal changes between CBS indeling years (mergers,
 * splits, renames) and what they imply. Owns jv_herindelingen: which old
 * municipalities make up a new one, and where a code that is gone went. */
#ifndef JV_MODEL_HERINDELING_H
#define JV_MODEL_HERINDELING_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

typedef enum {
  JV_HER_MERGER, /* "samenvoeging": the old one went wholly into the new one */
  JV_HER_SPLIT,  /* "splitsing": the old one was divided; this row is one part */
  JV_HER_RENAME, /* "naamswijziging": same area, another code or name */
  JV_HER_BORDER  /* "grenscorrectie": a minor part moved; counts are not recomputed */
} jv_herindeling_kind;

typedef struct {
  char date[11]; /* "2019-01-01": the day the change took effect */
  jv_herindeling_kind kind;
  int old_year, new_year; /* the indeling years on either side */
  char old_code[8], new_code[8];
  char *old_name, *new_name; /* owned */
  double share;              /* of the old municipality's area lying in the new one */
} jv_herindeling;

typedef struct {
  jv_herindeling *items; /* owned, in the order added */
  size_t n;
} jv_herindelingen;

/* One municipality of an earlier indeling inside one of a later indeling. */
typedef struct {
  char code[8];
  const char *name; /* points into the jv_herindelingen, or the caller's name */
  bool whole;       /* false: only a part of it (it was split) */
} jv_herindeling_part;

void jv_herindelingen_init(jv_herindelingen *h);
void jv_herindelingen_free(jv_herindelingen *h);
/* Appends a copy of row (names copied). JV_EINTERNAL when out of memory. */
jv_status jv_herindelingen_add(jv_herindelingen *h, const jv_herindeling *row);

/* Parses "samenvoeging", "splitsing", "naamswijziging", "grenscorrectie";
 * returns 0 or -1. */
int jv_herindeling_kind_parse(const char *s, jv_herindeling_kind *out);

/* The municipalities of indeling `from` that make up code (named name) of
 * indeling `to` (from <= to), following every change in between backwards;
 * border corrections are passed over. *out is malloc'ed (caller frees) and
 * holds *n parts (at least one: code itself when nothing changed). */
jv_status jv_herindelingen_parts(const jv_herindelingen *h, const char *code, const char *name,
                                 int from, int to, jv_herindeling_part **out, size_t *n);

/* The first change (not a border correction) that code, a municipality of
 * indeling `from` or earlier, underwent up to indeling `to`; NULL when none.
 * For a split the first of its rows. */
const jv_herindeling *jv_herindelingen_fate(const jv_herindelingen *h, const char *code, int from,
                                            int to);

/* The change by which code came into being after indeling `before` and up
 * to indeling `upto` (it is the new_code of a row with new_year in that
 * range and no old row of that code); NULL when none. */
const jv_herindeling *jv_herindelingen_origin(const jv_herindelingen *h, const char *code,
                                              int before, int upto);

/* Writes a Dutch sentence on what became of code from indeling `from` up to
 * `to`, following later changes of its successor too: "GM0585 Binnenmaas is
 * per 1 januari 2019 opgegaan in GM1963 Hoeksche Waard". Returns false (and
 * writes nothing) when code did not change in that range. */
bool jv_herindelingen_describe_fate(const jv_herindelingen *h, const char *code, int from, int to,
                                    char *buf, size_t size);

/* "1 januari 2019" for "2019-01-01" (buf at least 24 bytes). */
void jv_herindeling_date_text(const char *date, char *buf, size_t size);

#endif
