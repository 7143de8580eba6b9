/* series_read.h - multi-year series files (long format CSV).
 * Owns the format indicator,schooljaar,waarde,bron and its checks: known
 * series names, school years, one figure per series and year. */
#ifndef JV_INPUT_SERIES_READ_H
#define JV_INPUT_SERIES_READ_H

#include <stddef.h>

#include "model/series.h"
#include "util/error.h"

/* Parses buf[0..len) (name is used in messages) and adds its series to set;
 * a series already in set (from another file) gets the new years, and a
 * year given twice is an error. Columns, in any order: indicator (a name
 * from model/series_catalogue.h), schooljaar (2014-2015), waarde (a count
 * 6.714, or for a percentage series a decimal "1,6"; n.b./nvt/non-respons
 * make a gap that charts label) and bron (where the figure comes from, not
 * empty). JV_EDATA with file:line:column for anything else; on error set
 * keeps what it had before plus possibly partial series of this file. */
jv_status jv_series_parse(jv_series_set *set, const char *name, const char *buf, size_t len,
                          jv_error *err);

/* The same for a file. JV_ENOINPUT when it is missing. */
jv_status jv_series_read(jv_series_set *set, const char *path, jv_error *err);

#endif
