/* indicator_file.h - one data file of a data directory (cbs_code and/or
 * gemeente, indicator columns), checked on its own. Owns the header and row
 * rules; how the files must agree with each other is dataset_read's concern. */
#ifndef JV_INPUT_INDICATOR_FILE_H
#define JV_INPUT_INDICATOR_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "input/csv_table.h"
#include "input/gemeenten.h"
#include "model/model.h"
#include "util/error.h"

typedef struct {
  const jv_csv_row *src; /* the row in the table */
  bool is_total;         /* the region-total row */
  bool bad;              /* an error was recorded for it: values unusable */
  const jv_gemeente *gm; /* the listed municipality; NULL for the total */
  const char *name;      /* the gemeente cell, trimmed (points into the table) */
  jv_value *values;      /* n_ind values: values[k] is inds[k] (in row_values) */
} jv_indicator_row;

typedef struct {
  jv_csv_table table;        /* owned */
  const char *base;          /* file name without directory, points into table.name */
  size_t header;             /* index of the header row (title rows above it) */
  bool has_code;             /* a cbs_code column (else municipalities by name) */
  size_t col_code, col_name; /* 0-based field indices; col_code only with has_code */
  size_t n_ind;
  jv_indicator inds[JV_IND_COUNT]; /* the indicator columns, in header order */
  size_t ind_col[JV_IND_COUNT];    /* their field indices */
  jv_indicator_row *rows;          /* owned; filled by jv_indicator_file_read_rows */
  jv_value *row_values;            /* owned: n_ind per table row, what rows[].values point into
                                    * (a row's values cost the file's columns, not every
                                    * indicator: memory stays a few times the file's size) */
  size_t n_rows;
  size_t n_lost; /* rows left out because their municipality is unknown */
} jv_indicator_file;

/* Reads path, finds its header (title rows above it are skipped when exactly
 * one of the first rows names cbs_code or gemeente) and checks it: gemeente
 * present once, cbs_code at most once, every other column a known indicator
 * name, given once. Data errors are added to errs and give JV_EDATA (the
 * file cannot be read further); other failures are in err. On success the
 * caller owns *out (jv_indicator_file_free); otherwise it is left empty. */
jv_status jv_indicator_file_open(jv_indicator_file *out, const char *path, jv_diags *errs,
                                 jv_error *err);

/* The same for a table already read (a worksheet); takes *t over. */
jv_status jv_indicator_file_from_table(jv_indicator_file *out, jv_csv_table *t, jv_diags *errs,
                                       jv_error *err);

/* Checks and converts every row, adding each problem to errs (and spellings
 * accepted as near misses to warns, which may be NULL): a listed code
 * (GMdddd, any case) whose name matches, or with no cbs_code column a name
 * found in the indeling (input/name_match.h); or the region total (cbs_code
 * 'totaal' or empty, gemeente the region's name, 'totaal' or a name starting
 * with 'Totaal'); every indicator cell a value (jv_value_parse); no
 * municipality and no total twice. geo->year names the indeling in
 * messages. With geo NULL (no usable indeling) only each row's width and
 * values are checked and no row is kept (n_rows stays 0). Returns JV_OK
 * unless out of memory. */
jv_status jv_indicator_file_read_rows(jv_indicator_file *f, const jv_gemeenten *geo,
                                      const char *region_name, jv_diags *errs, jv_diags *warns,
                                      jv_error *err);

void jv_indicator_file_free(jv_indicator_file *f);

#endif
