/* indicator_file.h - one data file of a data directory (cbs_code, gemeente,
 * indicator columns), checked on its own. Owns the header and row rules;
 * how the files must agree with each other is dataset_read's concern. */
#ifndef JV_INPUT_INDICATOR_FILE_H
#define JV_INPUT_INDICATOR_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "input/csv_table.h"
#include "input/gemeenten.h"
#include "model/model.h"
#include "util/error.h"

typedef struct {
  const jv_csv_row *src;         /* the row in the table */
  bool is_total;                 /* the region-total row */
  const jv_gemeente *gm;         /* the listed municipality; NULL for the total */
  const char *name;              /* the gemeente cell, trimmed (points into the table) */
  jv_value values[JV_IND_COUNT]; /* only the file's indicators are set */
} jv_indicator_row;

typedef struct {
  jv_csv_table table;        /* owned */
  const char *base;          /* file name without directory, points into table.name */
  size_t col_code, col_name; /* 0-based field indices */
  size_t n_ind;
  jv_indicator inds[JV_IND_COUNT]; /* the indicator columns, in header order */
  size_t ind_col[JV_IND_COUNT];    /* their field indices */
  jv_indicator_row *rows;          /* owned; filled by jv_indicator_file_read_rows */
  size_t n_rows;
} jv_indicator_file;

/* Reads path and checks its header: cbs_code and gemeente present once,
 * every other column a known indicator name, given once. On success the
 * caller owns *out (jv_indicator_file_free); on failure it is left empty. */
jv_status jv_indicator_file_open(jv_indicator_file *out, const char *path, jv_error *err);

/* Checks and converts every row: a listed code (GMdddd) whose name matches,
 * or the region total (cbs_code 'totaal' or empty, gemeente region_name or
 * 'totaal'); every indicator cell a value (jv_value_parse); no municipality
 * and no total twice. geo->year names the indeling in messages. */
jv_status jv_indicator_file_read_rows(jv_indicator_file *f, const jv_gemeenten *geo,
                                      const char *region_name, jv_error *err);

void jv_indicator_file_free(jv_indicator_file *f);

#endif
