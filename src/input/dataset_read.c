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

typedef struct {
  jv_dataset *ds;
  const jv_gemeenten *geo;
  char first_base[256];             /* the file that set the municipality list */
  int *first_line;                  /* per municipality: its line in that file */
  char ind_base[JV_IND_COUNT][256]; /* which file gave each indicator */
  jv_loc ind_at[JV_IND_COUNT];      /* and where its column is */
} merge_state;

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_data_file(const char *name)
{
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0 &&
         strcasecmp(name, "regio.csv") != 0;
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
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      char **nn = realloc(names, cap * sizeof(*nn));
      if (!nn) {
        st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
        break;
      }
      names = nn;
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
                      "verzuim.csv beside regio.csv (see data/README.md)");
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

/* An indicator may come from one file only: two would silently disagree. */
static jv_status claim_columns(merge_state *m, const jv_indicator_file *f, jv_error *err)
{
  const jv_csv_row *h = &f->table.rows[0];
  for (size_t k = 0; k < f->n_ind; k++) {
    jv_indicator ind = f->inds[k];
    const jv_csv_field *col = &h->fields[f->ind_col[k]];
    if (m->ind_base[ind][0])
      return jv_error_set(err, JV_EDATA, f->table.name, col->line, col->column,
                          "indicator '%s' is also in %s (line %d, column %d): give each "
                          "indicator in one file only",
                          jv_indicator_name(ind), m->ind_base[ind], m->ind_at[ind].line,
                          m->ind_at[ind].column);
    snprintf(m->ind_base[ind], sizeof(m->ind_base[ind]), "%s", f->base);
    m->ind_at[ind] = (jv_loc){.line = col->line, .column = col->column};
    snprintf(m->ind_at[ind].file, sizeof(m->ind_at[ind].file), "%s", f->table.name);
    m->ds->has_indicator[ind] = true;
  }
  return JV_OK;
}

static void put_values(jv_municipality *dst, const jv_indicator_file *f,
                       const jv_indicator_row *row, const char *file)
{
  for (size_t k = 0; k < f->n_ind; k++) {
    jv_indicator ind = f->inds[k];
    const jv_csv_field *cell = &row->src->fields[f->ind_col[k]];
    dst->values[ind] = row->values[ind];
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
    if (row->is_total) {
      if (!ds->total.name && !(ds->total.name = strdup(ds->region_name)))
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
      const jv_csv_field *code = &row->src->fields[f->col_code];
      st = jv_error_set(err, JV_EDATA, f->table.name, code->line, code->column,
                        "%s (%s) is not in %s: every data file must list the same "
                        "municipalities",
                        row->gm->code, row->name, m->first_base);
      break;
    }
    seen[idx] = 1;
    put_values(&ds->munis[idx], f, row, file);
  }
  const jv_csv_field *code_col = &f->table.rows[0].fields[f->col_code];
  for (size_t i = 0; i < ds->n_munis && st == JV_OK; i++) {
    if (!seen[i])
      st = jv_error_set(err, JV_EDATA, f->table.name, code_col->line, code_col->column,
                        "no row for %s (%s), which %s lists on line %d: every data file "
                        "must list the same municipalities",
                        ds->munis[i].code, ds->munis[i].name, m->first_base, m->first_line[i]);
  }
  if (st == JV_OK && first && ds->n_munis == 0)
    st = jv_error_set(err, JV_EDATA, f->table.name, f->table.rows[0].line + 1, 1,
                      "no municipality rows: expected rows such as GM0505,Dordrecht,...");
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

static jv_status read_files(merge_state *m, const char *dir, jv_error *err)
{
  char **names = NULL;
  size_t n = 0;
  jv_status st = list_files(dir, &names, &n, err);
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >= (int)sizeof(path)) {
      st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
      break;
    }
    jv_indicator_file f;
    st = jv_indicator_file_open(&f, path, err);
    if (st != JV_OK)
      break;
    st = claim_columns(m, &f, err);
    if (st == JV_OK)
      st = jv_indicator_file_read_rows(&f, m->geo, m->ds->region_name, err);
    if (st == JV_OK)
      st = merge_rows(m, &f, i == 0, err);
    jv_indicator_file_free(&f);
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return st == JV_OK ? check_required(m, dir, err) : st;
}

static jv_status load_gemeenten(jv_gemeenten *geo, const char *gemeenten_dir, int year,
                                const jv_loc *indeling_at, jv_error *err)
{
  jv_status st = jv_gemeenten_load(geo, gemeenten_dir, year, err);
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

  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/regio.csv", d);
  jv_loc indeling_at = {.line = 0};
  jv_gemeenten geo = {0};
  merge_state m = {.ds = out, .geo = &geo};
  jv_status st = jv_regio_read(out, &indeling_at, path, err);
  if (st == JV_OK)
    st = load_gemeenten(&geo, gemeenten_dir, out->boundary_year, &indeling_at, err);
  if (st == JV_OK)
    st = check_indeling_fits(out, &indeling_at, err);
  if (st == JV_OK)
    st = read_files(&m, d, err);
  if (st == JV_OK) /* correcties/ is applied here so report, check and batch agree */
    st = jv_corrections_apply_dir(out, d, &geo, err);
  jv_gemeenten_free(&geo);
  free(m.first_line);
  if (st != JV_OK)
    jv_dataset_free(out);
  return st;
}
