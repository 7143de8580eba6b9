/* xlsx_internal.h - what the two halves of the workbook reader share: the
 * parts of the package (xlsx_read.c) and the cells of one sheet (xlsx_sheet.c). */
#ifndef JV_INPUT_XLSX_INTERNAL_H
#define JV_INPUT_XLSX_INTERNAL_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

#include "input/xlsx_read.h"

/* What every sheet needs from the rest of the package. */
typedef struct {
  char **strings; /* the shared strings, owned */
  size_t n_strings;
  bool *date_style; /* per cellXfs index: a date or time format */
  size_t n_styles;
} jv_xlsx_shared;

/* A growable text buffer for character data. */
typedef struct {
  char *s;
  size_t len, cap;
  bool oom;
} jv_xlsx_text;

void jv_xlsx_text_add(jv_xlsx_text *t, const char *s, size_t n);
void jv_xlsx_text_clear(jv_xlsx_text *t);

/* The element or attribute name without its namespace prefix ("x:row" -> "row"). */
const char *jv_xlsx_local(const char *name);
/* The value of attribute local name in atts, or NULL. */
const char *jv_xlsx_attr(const char **atts, const char *name);

/* Parses part entry of za with parser p (handlers and user data set by the
 * caller). JV_ENOINPUT when the part is missing (err not set), JV_EDATA
 * (located in path) when it is not well-formed XML or too large. */
jv_status jv_xlsx_parse_part(zip_t *za, const char *entry, XML_Parser p, const char *path,
                             jv_error *err);

/* Reads the sheet part entry into *t, named name ("path:sheet!"). */
jv_status jv_xlsx_read_sheet(zip_t *za, const char *entry, const jv_xlsx_shared *sh,
                             const char *name, jv_csv_table *t, jv_diags *errs, jv_error *err);

#endif
