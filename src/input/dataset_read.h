/* dataset_read.h - a data directory (regio.csv + one CSV per indicator group)
 * read and validated into a jv_dataset. Owns the directory layout, the header
 * and row rules, and how the files must agree; see data/README.md. */
#ifndef JV_INPUT_DATASET_READ_H
#define JV_INPUT_DATASET_READ_H

#include <stdbool.h>

#include "model/model.h"
#include "util/error.h"

/* Reads dir/regio.csv, then every other dir/<name>.csv in byte order of the
 * names (hidden files skipped). Each such file has the columns cbs_code,
 * gemeente and one or more indicator names (see `jaarverslag indicators`);
 * together the files must list the same municipalities, each indicator in
 * one file only, and leerplichtigen_5_17 somewhere. Codes are checked
 * against gemeenten_dir/gemeenten_<indeling>.csv (gemeenten_dir is normally
 * <home>/assets/gemeenten). A row with cbs_code 'totaal' or empty and the
 * region's name is the region total, kept in out->total for cross-checks.
 *
 * out is initialised here; on success the caller owns it (jv_dataset_free),
 * munis in the order of the first file, names as written there, every value's
 * location in where[], has_indicator set for every column read. On failure
 * out is left empty and err holds file:line:column and what was expected:
 * Afterwards the correction files in dir/correcties/ (input/corrections.h)
 * are applied, and out->corrections lists the figures they changed.
 * JV_ENOINPUT for a missing directory, regio.csv or municipality list,
 * JV_EDATA for malformed data, JV_EIO/JV_EINTERNAL otherwise. */
jv_status jv_dataset_read_dir(jv_dataset *out, const char *dir, const char *gemeenten_dir,
                              jv_error *err);

/* The same, reporting every data error of the run: each is added to errors
 * (sorted by file, line and column; may be NULL), err holds the first and
 * the status is JV_EDATA. Warnings about what was read (an encoding
 * assumed, a name read in its CBS spelling) are added to warnings (may be
 * NULL). A file whose header is unusable is skipped after its errors, so
 * the other files still get checked. */
jv_status jv_dataset_read_dir_all(jv_dataset *out, const char *dir, const char *gemeenten_dir,
                                  jv_diags *errors, jv_diags *warnings, jv_error *err);

/* Whether dir holds a data directory's figures: a regular file regio.csv, or
 * an Excel workbook (a regular .xlsx file; its sheet regio stands for
 * regio.csv). A directory of either name does not count. */
bool jv_dataset_dir_probe(const char *dir);

#endif
