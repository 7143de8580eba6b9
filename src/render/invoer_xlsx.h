/* invoer_xlsx.h - the workbook an office fills in (libxlsxwriter): one sheet
 * per indicator group, the region's municipalities, and a regio sheet. */
#ifndef JV_RENDER_INVOER_XLSX_H
#define JV_RENDER_INVOER_XLSX_H

#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

typedef struct {
  const char *code; /* "GM0505" */
  const char *name; /* the CBS name of the indeling */
} jv_invoer_muni;

typedef struct {
  const char *regio;
  jv_schoolyear year;
  int indeling;
  const jv_invoer_muni *munis; /* in the order of the sheets' rows */
  size_t n_munis;
  long long date; /* the workbook's creation time (SOURCE_DATE_EPOCH), -1: none */
} jv_invoer;

/* Writes path: a sheet per indicator group (as `jaarverslag indicators`
 * lists them) with the header cbs_code, gemeente and the group's indicator
 * names, each with its Dutch label as a comment, a row per municipality
 * (code as text, name), the figure cells validated to a whole number >= 0
 * or n.b., nvt, non-respons; and a sheet regio (veld, waarde: regio,
 * schooljaar, indeling). path is replaced only when the whole workbook is
 * written (a temporary file beside it is renamed). JV_ECANTCREAT when it
 * cannot be written. */
jv_status jv_invoer_xlsx_write(const jv_invoer *in, const char *path, jv_error *err);

#endif
