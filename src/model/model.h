/* model.h - plain data for one region and school year.
 * Owns jv_value (a count or n.b./nvt/non-respons/missing), jv_municipality
 * and jv_dataset. No I/O: src/input fills these, src/stats reads them. */
#ifndef JV_MODEL_MODEL_H
#define JV_MODEL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/indicator.h"
#include "util/error.h"

typedef enum {
  JV_VAL_MISSING = 0, /* not in the data at all: "geen gegevens" */
  JV_VAL_COUNT,       /* a count, in .count */
  JV_VAL_UNKNOWN,     /* "n.b.": asked, not known */
  JV_VAL_NVT,         /* "nvt": not applicable here */
  JV_VAL_NONRESPONSE  /* "non-respons": the municipality did not report */
} jv_value_kind;

typedef struct {
  jv_value_kind kind;
  long long count; /* meaningful only when kind == JV_VAL_COUNT */
} jv_value;

static inline jv_value jv_value_count(long long n)
{
  jv_value v = {JV_VAL_COUNT, n};
  return v;
}
static inline bool jv_value_is_count(jv_value v)
{
  return v.kind == JV_VAL_COUNT;
}

/* A school year by its first calendar year: 2017 is "2017-2018". */
typedef struct {
  int start;
} jv_schoolyear;

/* Writes "2017-2018" into buf (at least 10 bytes). */
void jv_schoolyear_format(jv_schoolyear y, char *buf, size_t size);
/* Parses "2017-2018" (or "2017/2018"); returns 0 or -1. */
int jv_schoolyear_parse(const char *s, jv_schoolyear *out);

/* Where a value came from. file points into the dataset's file list
 * (jv_dataset_file), so a location costs a pointer and two ints. */
typedef struct {
  const char *file; /* NULL: unknown */
  int line, column;
} jv_srcpos;

typedef struct {
  char code[8]; /* CBS code, "GM0505" */
  char *name;   /* owned, UTF-8 */
  jv_value values[JV_IND_COUNT];
  jv_srcpos where[JV_IND_COUNT]; /* input location of each value, for messages */
} jv_municipality;

typedef struct {
  char *region_name; /* owned, e.g. "Zuid-Holland Zuid" */
  char *region_code; /* owned, may be NULL */
  jv_schoolyear year;
  int boundary_year;      /* CBS indeling of the codes, e.g. 2018 */
  jv_municipality *munis; /* owned array, in input order */
  size_t n_munis;
  bool has_total;                   /* a region-total row was given (cross-check only) */
  jv_municipality total;            /* that row; name owned */
  bool has_indicator[JV_IND_COUNT]; /* some input column provided it */
  char **files;                     /* owned names of the input files, for jv_srcpos */
  size_t n_files;
  /* owned, NULL when none: the corrections applied to these values
   * (model/correction.h), for the report's list */
  struct jv_correction_set *corrections;
} jv_dataset;

void jv_dataset_init(jv_dataset *ds);
void jv_dataset_free(jv_dataset *ds);

/* Appends a municipality (name copied). Returns its index via *out_index.
 * JV_EINTERNAL on out of memory. */
jv_status jv_dataset_add(jv_dataset *ds, const char *code, const char *name, size_t *out_index);
/* The dataset's own copy of an input file name (added once), for
 * jv_srcpos.file; NULL when out of memory. */
const char *jv_dataset_file(jv_dataset *ds, const char *name);

/* True for a CBS municipality code of the form GM0505 (not checked against
 * any year's list). */
bool jv_cbs_code_valid(const char *s);

/* Index of the municipality with this CBS code, or -1. */
long jv_dataset_find_code(const jv_dataset *ds, const char *code);

#endif
