/* job.h - the pipeline driver: input -> model -> stats -> layout -> render.
 * Owns the sequence of one command's work (locating the program's files,
 * reading a data directory, writing the report), so the CLI only parses
 * arguments and maps statuses to exit codes. */
#ifndef JV_PIPELINE_JOB_H
#define JV_PIPELINE_JOB_H

#include <stddef.h>
#include <stdio.h>

#include "layout/doc.h"
#include "layout/measure.h"
#include "layout/paginate.h"
#include "model/model.h"
#include "model/series.h"
#include "render/fonts.h"
#include "util/error.h"

/* The program's files, resolved once. */
typedef struct {
  char home[2048];             /* holds assets/, templates/, data/ */
  char fonts[2200];            /* assets/fonts */
  char gemeenten[2200];        /* assets/gemeenten */
  char default_data[2200];     /* data/zuid-holland-zuid/2017-2018 */
  char hyphen_dic[2200];       /* Dutch hyphenation patterns (hyphen-nl) */
  char default_template[2200]; /* templates/zuid-holland-zuid/jaarverslag.md */
} jv_env;

jv_status jv_env_init(jv_env *env, jv_error *err);

/* Text widths measured with fonts, for every layout step (borrows fonts). */
jv_measure jv_job_measure(const jv_fonts *fonts);

/* Reads and validates a data directory (NULL: the bundled default). */
jv_status jv_job_load(const jv_env *env, const char *data_dir, jv_dataset *out, jv_error *err);

/* Adds the series a report of data_dir draws on to set: the national series
 * bundled with the program and, when present, the region's own reeksen.csv
 * beside its year directories (data_dir/../reeksen.csv, a project's). A
 * missing file is no error; a malformed one is. */
jv_status jv_job_load_series(const jv_env *env, const char *data_dir, jv_series_set *set,
                             jv_error *err);
/* The same, with every data error added to errors and the reading warnings
 * to warnings (either may be NULL); see jv_dataset_read_dir_all. */
jv_status jv_job_load_all(const jv_env *env, const char *data_dir, jv_dataset *out,
                          jv_diags *errors, jv_diags *warnings, jv_error *err);

/* "jaarverslag-zuid-holland-zuid-2017-2018.pdf" for a dataset. */
void jv_job_default_output(const jv_dataset *ds, char *buf, size_t size);

typedef struct {
  const char *data_dir;      /* NULL: bundled default */
  const char *output;        /* NULL: default name in the current directory */
  int no_charts;             /* tables and text only */
  const char *template_path; /* NULL: the bundled Zuid-Holland Zuid template */
  FILE *outline_text;        /* non-NULL: print the structure here instead of a PDF */
  FILE *warnings;            /* non-NULL: the run's warnings are printed here */
  jv_diags *errors;          /* non-NULL: every data error of the input is added here */
  FILE *page_map;            /* non-NULL: the page map is printed here (the PDF is written) */
  /* results, set on success */
  char written[4096]; /* the output path */
  size_t pages;
} jv_report_opts;

/* SOURCE_DATE_EPOCH as seconds in *out, -1 when unset (then no dates are
 * written, so output is reproducible either way). JV_EUSAGE when malformed. */
jv_status jv_job_source_date(long long *out, jv_error *err);

/* Lays doc out with style (Dutch hyphenation, the document title in the
 * running header, running_right beside it) and writes it to path as a PDF,
 * replacing path only on success; *pages (may be NULL) gets the page count;
 * page_map (may be NULL) gets the page map (layout/page_map.h).
 * fonts and doc must outlive the call. */
jv_status jv_job_write_pdf(const jv_env *env, const jv_doc *doc, jv_page_style *style,
                           const jv_fonts *fonts, const char *running_right, const char *keywords,
                           const char *path, size_t *pages, FILE *page_map, jv_error *err);

/* Writes the report PDF. On any error nothing is written and an existing
 * output is left untouched. */
jv_status jv_job_report(const jv_env *env, jv_report_opts *opts, jv_error *err);

#endif
