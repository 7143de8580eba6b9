/* regio_read.h - regio.csv: which region, school year and CBS indeling.
 * Owns the veld,waarde format of that file and its checks. */
#ifndef JV_INPUT_REGIO_READ_H
#define JV_INPUT_REGIO_READ_H

#include "input/csv_table.h"
#include "model/model.h"
#include "util/error.h"

/* Reads path (columns veld,waarde; rows regio, schooljaar, indeling and
 * optionally regiocode) into ds->region_name, region_code, year and
 * boundary_year. *indeling_at receives the location of the indeling value,
 * for errors found later (no list for that year). JV_ENOINPUT when the file
 * is missing. JV_EDATA when anything is malformed: every problem of the
 * file is added to errs (may be NULL), located, and err holds the first;
 * the fields read well are set all the same (boundary_year stays 0 when
 * the indeling is unusable, region_name NULL when regio is). */
jv_status jv_regio_read(jv_dataset *ds, jv_loc *indeling_at, const char *path, jv_diags *errs,
                        jv_error *err);

/* The same for a table already read (a workbook's sheet regio); t stays the
 * caller's. */
jv_status jv_regio_read_table(jv_dataset *ds, jv_loc *indeling_at, const jv_csv_table *t,
                              jv_diags *errs, jv_error *err);

#endif
