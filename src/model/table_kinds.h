/* table_kinds.h - the report's table kinds as plain data: the soort= names
 * of ::tabel, their Dutch default titles, columns, headers and units.
 * Owns the catalogue; the reader checks names against it, the report builds
 * from it, stats/rates.h decides every rate's denominator. */
#ifndef JV_MODEL_TABLE_KINDS_H
#define JV_MODEL_TABLE_KINDS_H

#include <stddef.h>

#include "model/indicator.h"

/* What the figures of a column are. */
typedef enum { JV_UNIT_COUNT, JV_UNIT_PER_1000, JV_UNIT_PERCENT } jv_unit;

typedef enum {
  JV_TABLE_RATE,     /* leerplichtigen 5-15, 16-17, 5-17, the count, its rate, the region's */
  JV_TABLE_COLUMNS,  /* fixed indicator columns, in unit */
  JV_TABLE_OVERVIEW, /* the template lists the indicators (indicatoren=, eenheid=) */
} jv_table_form;

#define JV_TABLE_KIND_MAX_COLUMNS 6

typedef struct {
  const char *name;  /* soort= */
  const char *title; /* when the directive has no titel */
  jv_table_form form;
  jv_unit unit; /* COLUMNS */
  size_t n;     /* RATE: 1 (the counted indicator), COLUMNS: the columns */
  jv_indicator ind[JV_TABLE_KIND_MAX_COLUMNS];
  /* RATE: the count's and the rate's header; COLUMNS: one per column */
  const char *header[JV_TABLE_KIND_MAX_COLUMNS];
} jv_table_kind;

/* Every kind, in the order the documentation lists them. */
const jv_table_kind *jv_table_kinds(size_t *n);
/* The kind called name, or NULL. */
const jv_table_kind *jv_table_kind_find(const char *name);
/* The unit called name in eenheid= ("aantal", "per_1000", "procent"); -1
 * when name is none of them. */
int jv_unit_from_name(const char *name, jv_unit *out);

#endif
