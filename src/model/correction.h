/* correction.h - corrected figures a municipality sent after its first return.
 * Owns jv_correction (one figure set to a new value, with date and reason)
 * and jv_correction_set, and applying a set to a jv_dataset. No I/O:
 * src/input/corrections.c reads the files. */
#ifndef JV_MODEL_CORRECTION_H
#define JV_MODEL_CORRECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

/* A calendar date; 0 in every field means none. */
typedef struct {
  int year, month, day;
} jv_date;

/* Parses "2018-10-01" (exactly YYYY-MM-DD, a real calendar day, year 1900 to
 * 2200). Returns 0 or -1. */
int jv_date_parse(const char *s, jv_date *out);
/* Dutch short notation, "1-10-2018", into buf (at least 12 bytes). */
void jv_date_format(jv_date d, char *buf, size_t size);
/* <0, 0, >0 like strcmp. */
int jv_date_cmp(jv_date a, jv_date b);

typedef struct {
  char code[8];       /* CBS code of the municipality */
  jv_indicator ind;   /* the figure */
  jv_value value;     /* what it is set to */
  jv_value old_value; /* what it was before; set by jv_correction_apply */
  jv_date date;       /* when the municipality sent it */
  char *reason;       /* owned UTF-8, never empty */
  jv_loc where;       /* the cell in the correction file */
} jv_correction;

typedef struct jv_correction_set {
  jv_correction *items; /* owned */
  size_t n, cap;
} jv_correction_set;

void jv_correction_set_init(jv_correction_set *s);
/* Frees the items and their reasons; the set is empty afterwards. */
void jv_correction_set_free(jv_correction_set *s);
/* Appends a copy of c (reason copied). JV_EINTERNAL when out of memory. */
jv_status jv_correction_set_add(jv_correction_set *s, const jv_correction *c);

/* Applies s to ds. A correction sets a value, it never adds: applying the
 * same set twice, or a set holding the same correction twice, gives the
 * same figures. Corrections are applied in date order (then file, line,
 * column), so a later date wins. Afterwards s holds only the corrections
 * that changed a figure, each with old_value filled in, in that order; the
 * corrected values' where[] points at the correction cells, and a region
 * total row given in the data is adjusted by the same difference, so it
 * still cross-checks.
 * JV_EDATA (located at the later one) when a municipality is not in ds,
 * when ds has no column for the figure, or when two corrections of one
 * figure with the same date disagree: with errs NULL at the first, else
 * after every correction, each refused one added to errs (err holds the
 * first). On failure ds may be partly changed. */
jv_status jv_correction_apply(jv_dataset *ds, jv_correction_set *s, jv_diags *errs, jv_error *err);

#endif
