/* xlsx_read.h - an Excel workbook (.xlsx) as one located table per sheet.
 * Owns reading the ZIP (libzip) and the sheet XML (expat) and what a cell may hold. */
#ifndef JV_INPUT_XLSX_READ_H
#define JV_INPUT_XLSX_READ_H

#include <stddef.h>

#include "input/csv_table.h"
#include "util/error.h"

/* Largest part of a workbook read (uncompressed): far above a national file. */
#define JV_XLSX_MAX_PART (64u * 1024u * 1024u)

typedef struct {
  char *sheet;        /* owned: the sheet's name */
  jv_csv_table table; /* its cells; table.name is "<path>:<sheet>!" so that a
                         place prints as path:sheet!C7 (util/diag.h);
                         line = row number, column = column number */
} jv_xlsx_sheet;

typedef struct {
  jv_xlsx_sheet *sheets; /* owned, in workbook order; sheets without cells left out */
  size_t n;
} jv_xlsx_book;

/* Reads every worksheet of path. A cell becomes text: a string (shared or
 * inline) as written, a whole number as its digits, a formula by its cached
 * value when that is a whole number >= 0. A date, a fraction, a boolean, an
 * error value (#DIV/0!) or a formula with another result is a data error
 * located at sheet!cell, added to errs; that field is marked refused (empty
 * text). A file that is not a readable workbook is JV_EDATA in err. On
 * success the caller owns *out (jv_xlsx_book_free). only: NULL, or the one
 * sheet wanted (case-insensitive; none is no error). */
jv_status jv_xlsx_read(jv_xlsx_book *out, const char *path, const char *only, jv_diags *errs,
                       jv_error *err);

void jv_xlsx_book_free(jv_xlsx_book *b);

#endif
