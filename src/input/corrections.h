/* corrections.h - the correction files of a data directory (correcties/ *.csv)
 * read, validated and applied. Owns their header and row rules: the columns
 * of a data file plus datum and reden, a subset of rows, empty cells for
 * figures that stay as they were; see data/README.md. */
#ifndef JV_INPUT_CORRECTIONS_H
#define JV_INPUT_CORRECTIONS_H

#include "input/gemeenten.h"
#include "model/correction.h"
#include "model/model.h"
#include "util/error.h"

/* The subdirectory of a data directory that holds correction files. */
#define JV_CORRECTIONS_DIR "correcties"

/* Reads one correction file and appends its corrections to out. Columns, in
 * any order: cbs_code, gemeente, datum (YYYY-MM-DD), reden and one or more
 * indicator names. Each row names a municipality of geo (code and matching
 * name, as in a data file), a date, a non-empty reason, and at least one
 * figure (jv_value_parse syntax); an empty figure cell means "unchanged".
 * JV_EDATA when anything is wrong: every problem of the file is added to
 * errs (may be NULL) with file:line:column, err holds the first, and only
 * the rows without a problem are appended. JV_ENOINPUT/JV_EIO when the file
 * cannot be read. The caller frees out either way. */
jv_status jv_corrections_read_file(jv_correction_set *out, const char *path,
                                   const jv_gemeenten *geo, jv_diags *errs, jv_error *err);

/* Reads every <data_dir>/correcties/ *.csv (hidden files skipped, in byte
 * order of the names; no such directory: nothing to do), each problem of
 * every file added to errs (may be NULL). When apply is set and there was
 * none, applies them to ds with jv_correction_apply (its problems too go to
 * errs); ds->corrections then holds the corrections that changed a figure
 * (NULL when none did). JV_EDATA when a problem was found, err holding the
 * first (located in its correction file); ds must then be discarded. */
jv_status jv_corrections_apply_dir(jv_dataset *ds, const char *data_dir, const jv_gemeenten *geo,
                                   bool apply, jv_diags *errs, jv_error *err);

#endif
