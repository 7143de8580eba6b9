/* dataset_read.c - a data directory into a jv_dataset: which files, and how
 * they must agree (same municipalities, each indicator once). */
#include "input/dataset_read.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/corrections.h"
#include "input/gemeenten.h"
#include "input/indicator_file.h"
#include "input/regio_read.h"
#include "input/xlsx_read.h"
#include "util/diag.h"
#include "util/grow.h"

typedef struct {
  jv_dataset *ds;
  const jv_gemeenten *geo;
  jv_diags *errs;                   /* every data error of the run */
  jv_diags *warns;                  /* NULL: warnings not wanted */
  bool geo_ok;                      /* the indeling's list is loaded: rows can be checked */
  bool first_lost;                  /* the first file lost rows to errors */
  char first_base[256];             /* the file that set the municipality list */
  int *first_line;                  /* per municipality: its line in that file */
  char ind_base[JV_IND_COUNT][256]; /* which file gave each indicator */
  jv_loc ind_at[JV_IND_COUNT];      /* and where its column is */
} merge_state;

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An Excel workbook; "~$name.xlsx" is the lock file Excel keeps beside an open one. */
static int is_workbook(const char *name)
{
  size_t n = strlen(name);
  return name[0] != '.' && strncmp(name, "~$", 2) != 0 && n > 5 &&
         strcasecmp(name + n - 5, ".xlsx") == 0;
}

static int is_data_file(const char *name)
{
  size_t n = strlen(name);
  return (name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0 &&
          strcasecmp(name, "regio.csv") != 0) ||
         is_workbook(name);
}

/* The data files of dir, sorted by name so that results never depend on
 * the order readdir happens to return. */
static jv_status list_files(const char *dir, char ***out, size_t *n_out, jv_error *err)
{
  DIR *d = opendir(dir);
  if (!d)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "cannot read the data directory: %s",
                        strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  jv_status st = JV_OK;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!is_data_file(e->d_name))
      continue;
    if (jv_grow((void **)&names, &cap, n + 1, sizeof(*names), 16) != 0) {
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
      break;
    }
    if (!(names[n] = strdup(e->d_name))) {
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
      break;
    }
    n++;
  }
  closedir(d);
  if (st == JV_OK && n == 0)
    st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0,
                      "no data files: expected CSV files such as leerplichtigen.csv and "
                      "verzuim.csv beside regio.csv, or an .xlsx workbook (see "
                      "data/README.md)");
  if (st != JV_OK) {
    for (size_t i = 0; i < n; i++)
      free(names[i]);
    free(names);
    return st;
  }
  qsort(names, n, sizeof(*names), cmp_str);
  *out = names;
  *n_out = n;
  return JV_OK;
}

bool jv_dataset_dir_probe(const char *dir)
{
  char path[PATH_MAX];
  struct stat sb;
  if (snprintf(path, sizeof(path), "%s/regio.csv", dir) < (int)sizeof(path) &&
      stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
    return true;
  DIR *d = opendir(dir);
  bool found = false;
  struct dirent *e;
  while (d && !found && (e = readdir(d)) != NULL)
    found =
        is_workbook(e->d_name) && fstatat(dirfd(d), e->d_name, &sb, 0) == 0 && S_ISREG(sb.st_mode);
  if (d)
    closedir(d);
  return found;
}

/* An indicator may come from one file only: two would silently disagree.
 * JV_EDATA when the file claims one already taken (the errors are in m->errs). */
static jv_status claim_columns(merge_state *m, const jv_indicator_file *f, jv_error *err)
{
  const jv_csv_row *h = &f->table.rows[f->header];
  size_t n_err = m->errs->count;
  for (size_t k = 0; k < f->n_ind; k++) {
    jv_indicator ind = f->inds[k];
    const jv_csv_field *col = &h->fields[f->ind_col[k]];
    if (m->ind_base[ind][0]) {
      if (jv_diags_add(m->errs, f->table.name, col->line, col->column,
                       "indicator '%s' is also in %s (line %d, column %d): give each "
                       "indicator in one file only",
                       jv_indicator_name(ind), m->ind_base[ind], m->ind_at[ind].line,
                       m->ind_at[ind].column))
        return jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
      continue;
    }
    snprintf(m->ind_base[ind], sizeof(m->ind_base[ind]), "%s", f->base);
    m->ind_at[ind] = (jv_loc){.line = col->line, .column = col->column};
    snprintf(m->ind_at[ind].file, sizeof(m->ind_at[ind].file), "%s", f->table.name);
    m->ds->has_indicator[ind] = true;
  }
  return m->errs->count > n_err ? JV_EDATA : JV_OK;
}

static void put_values(jv_municipality *dst, const jv_indicator_file *f,
                       const jv_indicator_row *row, const char *file)
{
  for (size_t k = 0; k < f->n_ind; k++) {
    jv_indicator ind = f->inds[k];
    const jv_csv_field *cell = &row->src->fields[f->ind_col[k]];
    dst->values[ind] = row->values[k];
    dst->where[ind] = (jv_srcpos){.file = file, .line = cell->line, .column = cell->column};
  }
}

/* The first file sets the municipalities; every later one must list the
 * same ones, so that no figure silently goes missing. */
static jv_status merge_rows(merge_state *m, const jv_indicator_file *f, int first, jv_error *err)
{
  jv_dataset *ds = m->ds;
  const char *file = jv_dataset_file(ds, f->table.name);
  if (!file)
    return jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  if (first) {
    snprintf(m->first_base, sizeof(m->first_base), "%s", f->base);
    m->first_line = calloc(f->n_rows + 1, sizeof(int));
    if (!m->first_line)
      return jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  }
  char *seen = calloc(ds->n_munis + f->n_rows + 1, 1);
  if (!seen)
    return jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  jv_status st = JV_OK;
  for (size_t r = 0; r < f->n_rows && st == JV_OK; r++) {
    const jv_indicator_row *row = &f->rows[r];
    if (row->bad) { /* its error is recorded; the municipality is still listed */
      size_t at;
      if (first && row->gm && jv_dataset_find_code(ds, row->gm->code) < 0) {
        if (jv_dataset_add(ds, row->gm->code, row->name, &at) != JV_OK)
          st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
        else
          m->first_line[at] = row->src->line;
      }
      long idx = row->gm ? jv_dataset_find_code(ds, row->gm->code) : -1;
      if (idx >= 0)
        seen[idx] = 1;
      continue;
    }
    if (row->is_total) {
      if (!ds->total.name && !(ds->total.name = strdup(ds->region_name ? ds->region_name : "")))
        st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
      ds->has_total = true;
      put_values(&ds->total, f, row, file);
      continue;
    }
    long idx = jv_dataset_find_code(ds, row->gm->code);
    if (first) {
      size_t at;
      st = jv_dataset_add(ds, row->gm->code, row->name, &at);
      if (st != JV_OK) {
        st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
        break;
      }
      idx = (long)at;
      m->first_line[at] = row->src->line;
    } else if (idx < 0) {
      const jv_csv_field *code = &row->src->fields[f->has_code ? f->col_code : f->col_name];
      if (!m->first_lost && jv_diags_add(m->errs, f->table.name, code->line, code->column,
                                         "%s (%s) is not in %s: every data file must list the same "
                                         "municipalities",
                                         row->gm->code, row->name, m->first_base))
        st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
      continue;
    }
    seen[idx] = 1;
    put_values(&ds->munis[idx], f, row, file);
  }
  const jv_csv_row *h = &f->table.rows[f->header];
  const jv_csv_field *code_col = &h->fields[f->has_code ? f->col_code : f->col_name];
  for (size_t i = 0; i < ds->n_munis && st == JV_OK && f->n_lost == 0; i++) {
    if (!seen[i] &&
        jv_diags_add(m->errs, f->table.name, code_col->line, code_col->column,
                     "no row for %s (%s), which %s lists on line %d: every data "
                     "file must list the same municipalities",
                     ds->munis[i].code, ds->munis[i].name, m->first_base, m->first_line[i]))
      st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  }
  if (first)
    m->first_lost = f->n_lost > 0;
  if (st == JV_OK && first && ds->n_munis == 0 && f->n_lost == 0 &&
      jv_diags_add(m->errs, f->table.name, h->line + 1, 1,
                   "no municipality rows: expected rows such as GM0505,Dordrecht,..."))
    st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  free(seen);
  return st;
}

/* Every per-1.000 figure divides by leerplichtigen_5_17. */
static jv_status check_required(const merge_state *m, const char *dir, jv_error *err)
{
  if (m->ds->has_indicator[JV_IND_LPL_5_17])
    return JV_OK;
  const char *why = "no column leerplichtigen_5_17 in any data file: every per-1.000 figure "
                    "divides by it; add it (as in leerplichtigen.csv)";
  /* point past the other leerplichtigen columns, where it would go */
  const jv_loc *at = NULL;
  for (int ind = JV_IND_LPL_5_15; ind <= JV_IND_LPL_16_17; ind++)
    if (m->ind_base[ind][0] && (!at || m->ind_at[ind].column > at->column))
      at = &m->ind_at[ind];
  if (at)
    return jv_error_set(err, JV_EDATA, at->file, at->line, at->column + 1, "%s", why);
  return jv_error_set(err, JV_EDATA, dir, 0, 0, "%s", why);
}

/* A municipality with 0 leerplichtigen and some count: its rates are undefined. */
static jv_status check_zero_base(const merge_state *m, jv_error *err)
{
  const jv_dataset *ds = m->ds;
  for (size_t i = 0; i < ds->n_munis; i++) {
    const jv_municipality *mu = &ds->munis[i];
    jv_value base = mu->values[JV_IND_LPL_5_17];
    if (base.kind != JV_VAL_COUNT || base.count != 0)
      continue;
    for (int ind = 0; ind < JV_IND_COUNT; ind++) {
      if (ind == JV_IND_LPL_5_15 || ind == JV_IND_LPL_16_17 || ind == JV_IND_LPL_5_17 ||
          !ds->has_indicator[ind] || mu->values[ind].kind != JV_VAL_COUNT ||
          mu->values[ind].count == 0)
        continue;
      const jv_srcpos *at = &mu->where[JV_IND_LPL_5_17];
      if (jv_diags_add(m->errs, at->file, at->line, at->column,
                       "%s has 0 leerplichtigen_5_17 but %s is %lld: a figure per 1.000 "
                       "leerplichtigen is then undefined; give the number of leerplichtigen",
                       mu->name, jv_indicator_name((jv_indicator)ind), mu->values[ind].count))
        return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
      break;
    }
  }
  return JV_OK;
}

/* One data file (or sheet) as opened with status st: checked and merged. */
static jv_status use_file(merge_state *m, jv_status st, jv_indicator_file *f, int first,
                          bool *skipped, jv_error *err)
{
  if (st == JV_EDATA) { /* its errors are recorded; the other files are still read */
    *skipped = true;
    return JV_OK;
  }
  if (st != JV_OK)
    return st;
  if (f->table.encoding == JV_ENC_CP1252 && m->warns &&
      jv_diags_add(m->warns, f->table.name, 0, 0,
                   "not UTF-8: read as Windows-1252 (what Excel writes as \"CSV\"); save as "
                   "\"CSV UTF-8\" to be sure of letters such as \u00eb"))
    st = jv_error_set(err, JV_EINTERNAL, f->table.name, 0, 0, "out of memory");
  if (st == JV_OK && (st = claim_columns(m, f, err)) == JV_EDATA) {
    *skipped = true; /* its rows would only repeat the conflict */
    jv_indicator_file_free(f);
    return JV_OK;
  }
  const char *region = m->ds->region_name ? m->ds->region_name : "";
  if (st == JV_OK)
    st = jv_indicator_file_read_rows(f, m->geo_ok ? m->geo : NULL, region, m->errs, m->warns, err);
  if (!m->geo_ok) { /* no indeling to check the rows against: their values only */
    *skipped = true;
    jv_indicator_file_free(f);
    return st;
  }
  if (st == JV_OK)
    st = merge_rows(m, f, first, err);
  jv_indicator_file_free(f);
  return st;
}

/* Every sheet of a workbook but regio is a data file. */
static jv_status read_workbook(merge_state *m, const char *path, bool *any, bool *skipped,
                               jv_error *err)
{
  jv_xlsx_book book;
  jv_status st = jv_xlsx_read(&book, path, NULL, m->errs, err);
  if (st == JV_EDATA) {
    *skipped = true;
    return jv_diags_take(m->errs, st, err);
  }
  for (size_t k = 0; k < book.n && st == JV_OK; k++) {
    if (strcasecmp(book.sheets[k].sheet, "regio") == 0)
      continue;
    jv_indicator_file f;
    bool lost = false;
    st = use_file(m, jv_indicator_file_from_table(&f, &book.sheets[k].table, m->errs, err), &f,
                  !*any, &lost, err);
    *any = *any || !lost;
    *skipped = *skipped || lost;
  }
  jv_xlsx_book_free(&book);
  return st;
}

static jv_status read_files(merge_state *m, const char *dir, jv_error *err)
{
  char **names = NULL;
  size_t n = 0;
  bool skipped = false, any = false;
  jv_status st = list_files(dir, &names, &n, err);
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >= (int)sizeof(path)) {
      st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
      break;
    }
    if (is_workbook(names[i])) {
      st = read_workbook(m, path, &any, &skipped, err);
      continue;
    }
    jv_indicator_file f;
    bool lost = false;
    st = use_file(m, jv_indicator_file_open(&f, path, m->errs, err), &f, !any, &lost, err);
    any = any || !lost;
    skipped = skipped || lost;
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  if (st != JV_OK || skipped) /* a skipped file may hold what the checks miss */
    return st;
  st = check_required(m, dir, err);
  if (st == JV_EDATA)
    st = jv_diags_take(m->errs, st, err);
  if (st == JV_OK && m->errs->count == 0)
    st = check_zero_base(m, err);
  return st;
}

/* regio.csv, or without it the sheet regio of the first workbook that has
 * one (its cell errors are reported when the data sheets are read). */
static jv_status read_regio(merge_state *m, const char *d, jv_loc *indeling_at, jv_error *err)
{
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/regio.csv", d);
  struct stat sb;
  char **names = NULL;
  size_t n = 0;
  jv_error lerr;
  if (stat(path, &sb) == 0 || list_files(d, &names, &n, &lerr) != JV_OK)
    return jv_regio_read(m->ds, indeling_at, path, m->errs, err);
  jv_status st = JV_ENOINPUT;
  for (size_t i = 0; i < n && st == JV_ENOINPUT; i++) {
    char book_path[PATH_MAX];
    snprintf(book_path, sizeof(book_path), "%s/%s", d, names[i]);
    jv_xlsx_book book;
    jv_diags scratch;
    jv_diags_init(&scratch);
    if (is_workbook(names[i]) &&
        jv_xlsx_read(&book, book_path, "regio", &scratch, &lerr) == JV_OK) {
      for (size_t k = 0; k < book.n && st == JV_ENOINPUT; k++)
        if (strcasecmp(book.sheets[k].sheet, "regio") == 0)
          st = jv_regio_read_table(m->ds, indeling_at, &book.sheets[k].table, m->errs, err);
      jv_xlsx_book_free(&book);
    }
    jv_diags_free(&scratch);
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return st == JV_ENOINPUT ? jv_regio_read(m->ds, indeling_at, path, m->errs, err) : st;
}

/* The indeling's municipality list; its errors (a broken install) are
 * added to errs; a missing list is an error at the indeling. */
static jv_status load_gemeenten(jv_gemeenten *geo, const char *gemeenten_dir, int year,
                                const jv_loc *indeling_at, jv_diags *errs, jv_error *err)
{
  jv_status st = jv_gemeenten_load_all(geo, gemeenten_dir, year, errs, err);
  if (st != JV_ENOINPUT)
    return st;
  int years[64];
  size_t n = jv_gemeenten_years(gemeenten_dir, years, 64);
  if (n == 0)
    return st; /* the program's own assets are missing: keep ENOINPUT */
  char list[256] = "";
  for (size_t i = 0; i < n && i < 64; i++) {
    size_t len = strlen(list);
    snprintf(list + len, sizeof(list) - len, "%s%d", i ? ", " : "", years[i]);
  }
  return jv_error_set(err, JV_EDATA, indeling_at->file, indeling_at->line, indeling_at->column,
                      "no municipality list for the CBS indeling %d: expected one of %s", year,
                      list);
}

/* The codes follow the list of 1 January in the school year (2018 for
 * 2017-2018); the list of the year it starts in is accepted too. */
static jv_status check_indeling_fits(const jv_dataset *ds, const jv_loc *at, jv_error *err)
{
  int y = ds->boundary_year, s = ds->year.start;
  if (y == s || y == s + 1)
    return JV_OK;
  char sy[16];
  jv_schoolyear_format(ds->year, sy, sizeof(sy));
  return jv_error_set(err, JV_EDATA, at->file, at->line, at->column,
                      "indeling %d does not fit the school year %s: expected %d (the "
                      "municipalities of 1 January %d) or %d; data on older codes is "
                      "recomputed by the report itself from the project's earlier years",
                      y, sy, s + 1, s + 1, s);
}

jv_status jv_dataset_read_dir(jv_dataset *out, const char *dir, const char *gemeenten_dir,
                              jv_error *err)
{
  return jv_dataset_read_dir_all(out, dir, gemeenten_dir, NULL, NULL, err);
}

/* st with its data error in errs: already there when errs grew past
 * n_before (a reader that records each of its errors), else added now. */
static jv_status recorded(jv_diags *errs, size_t n_before, jv_status st, const jv_error *e)
{
  if (st == JV_EDATA && errs->count + errs->dropped > n_before)
    return JV_OK;
  return jv_diags_take(errs, st, e);
}

/* The run's steps; every data error goes to m->errs. What cannot be checked
 * for an error found earlier is left out: without a usable indeling (or its
 * municipality list) the data files' headers and values are checked but not
 * their municipalities, and the corrections are read only when those could
 * be. */
static jv_status read_all(merge_state *m, jv_gemeenten *geo, const char *d,
                          const char *gemeenten_dir, jv_error *err)
{
  jv_loc indeling_at = {.line = 0};
  size_t n = m->errs->count + m->errs->dropped;
  jv_status st = recorded(m->errs, n, read_regio(m, d, &indeling_at, err), err);
  if (st == JV_OK && m->ds->boundary_year) {
    n = m->errs->count + m->errs->dropped;
    st = load_gemeenten(geo, gemeenten_dir, m->ds->boundary_year, &indeling_at, m->errs, err);
    m->geo_ok = st == JV_OK;
    st = recorded(m->errs, n, st, err);
  }
  if (st == JV_OK && m->geo_ok && m->ds->year.start &&
      (st = check_indeling_fits(m->ds, &indeling_at, err)) == JV_EDATA) {
    m->geo_ok = false; /* every row checked against the wrong list: only a cascade */
    st = jv_diags_take(m->errs, st, err);
  }
  if (st == JV_OK)
    st = read_files(m, d, err);
  if (st == JV_OK && m->geo_ok) { /* correcties/ is applied here so report, check and batch
                                     agree; only to a dataset without errors */
    n = m->errs->count + m->errs->dropped;
    st = jv_corrections_apply_dir(m->ds, d, geo, n == 0, m->errs, err);
    st = recorded(m->errs, n, st, err);
  }
  return st;
}

jv_status jv_dataset_read_dir_all(jv_dataset *out, const char *dir, const char *gemeenten_dir,
                                  jv_diags *errors, jv_diags *warnings, jv_error *err)
{
  jv_dataset_init(out);
  char d[PATH_MAX];
  size_t len = strlen(dir);
  while (len > 1 && dir[len - 1] == '/')
    len--; /* "data/" and "data" give the same messages */
  if (len >= sizeof(d) - 32)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
  memcpy(d, dir, len);
  d[len] = '\0';
  struct stat sb;
  if (stat(d, &sb) != 0 || !S_ISDIR(sb.st_mode))
    return jv_error_set(err, JV_ENOINPUT, d, 0, 0, "no such data directory");

  jv_diags own;
  jv_diags_init(&own);
  jv_diags *errs = errors ? errors : &own;
  size_t n_before = errs->count;
  jv_gemeenten geo = {0};
  merge_state m = {.ds = out, .geo = &geo, .errs = errs, .warns = warnings};
  jv_status st = read_all(&m, &geo, d, gemeenten_dir, err);
  jv_gemeenten_free(&geo);
  free(m.first_line);
  if (st == JV_OK && errs->count > n_before) {
    st = jv_diags_sort(errs);
    st = st ? jv_error_set(err, st, d, 0, 0, "out of memory") : jv_diags_first_error(errs, err);
  }
  jv_diags_free(&own);
  if (st == JV_OK && warnings && jv_diags_sort(warnings))
    st = jv_error_set(err, JV_EINTERNAL, d, 0, 0, "out of memory");
  if (st != JV_OK)
    jv_dataset_free(out);
  return st;
}
