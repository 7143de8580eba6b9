/* project_scan.h - the project directories of a batch: which region and
 * school-year data directories they hold (PROJECT/<regio>/<schooljaar>/
 * regio.csv, or PROJECT/<schooljaar>/ of one project folder), and which
 * files of a directory are inputs. Owns that layout; see
 * docs/batch.md. */
#ifndef JV_INPUT_PROJECT_SCAN_H
#define JV_INPUT_PROJECT_SCAN_H

#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

typedef struct {
  char *region;    /* owned: the region's directory name, "zuid-holland-zuid" */
  char *year_name; /* owned: the school-year directory name, "2017-2018" */
  jv_schoolyear year;
  char *dir; /* owned: root/region/year_name */
} jv_project_unit;

typedef struct {
  char *root;             /* owned, without trailing '/' */
  jv_project_unit *units; /* owned, sorted by region, then year */
  size_t n;
} jv_project;

/* Scans root. A region is a non-hidden subdirectory holding at least one
 * school-year directory (named like 2017-2018) with a regio.csv or an
 * .xlsx workbook (jv_dataset_dir_probe); other
 * subdirectories (out/, series files) are passed over, and so is skip (the
 * output directory, compared by device and inode; may be NULL or absent).
 * JV_ENOINPUT when root is not a directory or holds no data directory;
 * JV_EDATA when a directory with figures is not named like a school year,
 * when a region directory holds regio.csv itself, or when a name contains a
 * tab or newline. On success the caller frees *out with jv_project_free. */
jv_status jv_project_scan(jv_project *out, const char *root, const char *skip, jv_error *err);
void jv_project_free(jv_project *p);

/* Scans each of roots[0..n) as jv_project_scan does (one project folder, or
 * a folder of them) into one project, units sorted by region, then year;
 * out->root is roots[0]. A region name (a project's folder name) must be
 * unique over all roots, since outputs are named after it: JV_EUSAGE naming
 * both folders otherwise. The first root that cannot be scanned gives its
 * error, and nothing is returned. */
jv_status jv_project_scan_many(jv_project *out, const char *const *roots, size_t n,
                               const char *skip, jv_error *err);

/* The input files of a data directory, as paths relative to dir in byte
 * order: every non-hidden regular file in it and in its correcties/. */
jv_status jv_project_data_inputs(const char *dir, char ***out, size_t *n, jv_error *err);

/* Every non-hidden regular file under dir, recursively, relative paths in
 * byte order. A missing dir gives no files. */
jv_status jv_project_files_under(const char *dir, char ***out, size_t *n, jv_error *err);

/* Frees an array of n strings and the array. */
void jv_project_strv_free(char **v, size_t n);

#endif
