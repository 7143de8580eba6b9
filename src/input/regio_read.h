/* regio_read.h - regio.csv: which region, school year and CBS indeling.
 * Owns the veld,waarde format of that file and its checks. */
#ifndef JV_INPUT_REGIO_READ_H
#define JV_INPUT_REGIO_READ_H

#include "model/model.h"
#include "util/error.h"

/* Reads path (columns veld,waarde; rows regio, schooljaar, indeling and
 * optionally regiocode) into ds->region_name, region_code, year and
 * boundary_year. *indeling_at receives the location of the indeling value,
 * for errors found later (no list for that year). JV_ENOINPUT when the file
 * is missing, JV_EDATA with a located message for anything malformed. */
jv_status jv_regio_read(jv_dataset *ds, jv_loc *indeling_at, const char *path, jv_error *err);

#endif
