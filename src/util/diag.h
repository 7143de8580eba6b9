/* diag.h - the error and warning lists of one run: collected, sorted by
 * place, printed at most JV_DIAG_MAX at a time. Owns the text form of a place. */
#ifndef JV_UTIL_DIAG_H
#define JV_UTIL_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util/error.h"

/* How many errors (or warnings) one run prints before "and N more". */
#define JV_DIAG_MAX 100

/* A place as text: "file:line:column", or for a worksheet (a file name
 * ending in '!', such as "gegevens.xlsx:verzuim!") the cell, "gegevens.xlsx:
 * verzuim!C7" (a whole row: "...!7:7"). Unknown parts are left out; empty
 * when there is no file. */
void jv_loc_format(const jv_loc *loc, char *buf, size_t size);

/* Moves a data error into a list: when st is JV_EDATA, e is added to errs
 * and JV_OK returned so the caller carries on; any other status (and
 * JV_EINTERNAL when out of memory) is returned as is. */
jv_status jv_diags_take(jv_diags *errs, jv_status st, const jv_error *e);

/* Sorts by file name, then line, then column; equal places keep their order. */
jv_status jv_diags_sort(jv_diags *d);

/* Prints the first max items as "place: kind: message", then "and N more
 * <kind>s" when there are more. kind is "error" or "warning". */
void jv_diags_print_capped(const jv_diags *d, FILE *out, const char *kind, size_t max);

/* Sets err to the first item of a non-empty, sorted list (status JV_EDATA). */
jv_status jv_diags_first_error(const jv_diags *d, jv_error *err);

/* Sets err to the first in place order (as jv_diags_sort orders them) of
 * the items from index from on, from < count, unsorted (status JV_EDATA). */
jv_status jv_diags_first_since(const jv_diags *d, size_t from, jv_error *err);

#endif
