/* project_years.h - an office's project folder: its settings (project.csv)
 * and its school years (DIR/YYYY-YYYY/ beside each other). Owns that layout
 * and reading the years before a given one; see data/README.md. */
#ifndef JV_INPUT_PROJECT_YEARS_H
#define JV_INPUT_PROJECT_YEARS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

/* project.csv (veld,waarde): what an office owns beyond its numbers. */
typedef struct {
  char *regio, *regiocode, *organisatie, *logo, *kleur; /* owned; NULL when not given */
} jv_project_settings;

typedef struct {
  char *root;        /* owned: the folder that holds the year folders */
  bool has_settings; /* root/project.csv was there and read */
  jv_project_settings settings;
  jv_dataset *years; /* owned: the earlier school years, ascending */
  size_t n_years;
} jv_project_years;

void jv_project_years_init(jv_project_years *p);
void jv_project_years_free(jv_project_years *p);

/* data_dir is one school year of a project (normally PROJECT/2019-2020).
 * Reads PROJECT/project.csv when present and every other folder of PROJECT
 * that is named like a school year before `before`, holds a regio.csv and
 * whose regio.csv names such a year, with jv_dataset_read_dir (codes checked
 * against gemeenten_dir). A year that cannot be read is left out with a
 * warning in warn (its error, located), never silently. No earlier years is
 * no error (n_years 0). JV_EDATA (located) for a malformed project.csv;
 * JV_EINTERNAL when out of memory. out is initialised here. */
jv_status jv_project_years_read(jv_project_years *out, const char *data_dir, jv_schoolyear before,
                                const char *gemeenten_dir, jv_diags *warn, jv_error *err);

/* The most recent earlier year, or NULL when the project has none. */
const jv_dataset *jv_project_years_previous(const jv_project_years *p);
/* The earlier year y, or NULL. */
const jv_dataset *jv_project_years_find(const jv_project_years *p, jv_schoolyear y);

/* Reads a project.csv (fields regio, regiocode, organisatie, logo, kleur;
 * each at most once, all optional). JV_ENOINPUT when missing. */
jv_status jv_project_settings_read(jv_project_settings *out, const char *path, jv_error *err);
void jv_project_settings_free(jv_project_settings *s);

#endif
