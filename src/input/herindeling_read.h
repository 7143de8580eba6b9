/* herindeling_read.h - the bundled list of municipal changes
 * (assets/gemeenten/herindelingen.csv, made by
 * scripts/herindelingen_from_topojson.py). Owns that file's format. */
#ifndef JV_INPUT_HERINDELING_READ_H
#define JV_INPUT_HERINDELING_READ_H

#include "model/herindeling.h"
#include "util/error.h"

/* Reads path (columns datum, soort, oud_jaar, oud_code, oud_naam,
 * nieuw_jaar, nieuw_code, nieuw_naam, aandeel; in any order) into out,
 * which is initialised here. JV_ENOINPUT when the file is missing, JV_EDATA
 * (located) for a missing column or a malformed value. On failure out is
 * left empty. */
jv_status jv_herindelingen_read(jv_herindelingen *out, const char *path, jv_error *err);

#endif
