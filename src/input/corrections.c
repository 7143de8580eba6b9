/* corrections.c - reading and checking correction files, and applying the
 * ones of a data directory. */
#include "input/corrections.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/csv_table.h"
#include "input/value_parse.h"
#include "util/diag.h"
#include "util/grow.h"
#include "util/suggest.h"
#include "util/text.h"

typedef struct {
  const jv_csv_table *t;
  size_t col_code, col_name, col_date, col_reason; /* 0-based */
  size_t n_ind;
  jv_indicator inds[JV_IND_COUNT];
  size_t ind_col[JV_IND_COUNT];
  jv_diags *errs; /* every problem of the file */
  jv_status st;   /* JV_EINTERNAL once out of memory */
} header;

static void mark(bool *bad)
{
  if (bad)
    *bad = true;
}

/* Records an error at a field of the file; bad (may be NULL) is set. */
#define CORR_ERR(h, bad, fld_line, fld_col, ...)                                                   \
  do {                                                                                             \
    mark(bad);                                                                                     \
    if (jv_diags_add((h)->errs, (h)->t->name, (fld_line), (fld_col), __VA_ARGS__))                 \
      (h)->st = JV_EINTERNAL;                                                                      \
  } while (0)

/* Reports an unknown column; returns the name it probably meant, or NULL. */
static const char *unknown_column(header *h, const jv_csv_field *f, const char *name)
{
  const char *cands[JV_IND_COUNT + 4] = {"cbs_code", "gemeente", "datum", "reden"};
  size_t n = 4;
  for (int i = 0; i < JV_IND_COUNT; i++)
    cands[n++] = jv_indicator_name((jv_indicator)i);
  const char *near = jv_suggest_closest(name, cands, n);
  CORR_ERR(h, NULL, f->line, f->column,
           "unknown column '%s': a correction file has cbs_code, gemeente, datum, reden and "
           "indicator names%s%s%s",
           f->text, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
  return near;
}

/* Every problem of the header goes to h->errs; false when there was one
 * (the rows are then not read: their columns are not known for sure). */
static bool read_header(header *h, const jv_csv_table *t)
{
  const jv_csv_row *row = &t->rows[0];
  static const char *const fixed[4] = {"cbs_code", "gemeente", "datum", "reden"};
  int at[4] = {0}; /* 1-based column of each fixed name, 0 = absent */
  int ind_at[JV_IND_COUNT] = {0};
  size_t *fixed_col[4] = {&h->col_code, &h->col_name, &h->col_date, &h->col_reason};
  bool bad = false;
  const char *meant[4] = {NULL}; /* what misspelt columns probably meant */
  size_t n_meant = 0;
  for (size_t i = 0; i < row->n_fields; i++) {
    jv_csv_field *f = &row->fields[i];
    char *name = jv_trim_inplace(f->text);
    for (char *p = name; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    if (!name[0]) {
      CORR_ERR(h, &bad, f->line, f->column,
               "empty column name: every column needs a name (cbs_code, gemeente, datum, reden "
               "or an indicator name)");
      continue;
    }
    int *slot = NULL;
    jv_indicator ind = JV_IND_COUNT;
    for (int k = 0; k < 4 && !slot; k++)
      if (strcmp(name, fixed[k]) == 0) {
        slot = &at[k];
        *fixed_col[k] = i;
      }
    if (!slot && jv_indicator_from_name(name, &ind) == 0)
      slot = &ind_at[ind];
    if (!slot) {
      bad = true;
      const char *near = unknown_column(h, f, name);
      if (near && n_meant < 4)
        meant[n_meant++] = near;
      continue;
    }
    if (*slot) {
      CORR_ERR(h, &bad, f->line, f->column,
               "column '%s' appears twice in the header (also column %d)", name, *slot);
      continue;
    }
    *slot = f->column;
    if (ind != JV_IND_COUNT) {
      h->inds[h->n_ind] = ind;
      h->ind_col[h->n_ind++] = i;
    }
  }
  for (int k = 0; k < 4; k++) {
    bool misspelt = false; /* already said: "did you mean" */
    for (size_t j = 0; j < n_meant; j++)
      misspelt = misspelt || strcmp(meant[j], fixed[k]) == 0;
    if (!at[k] && !misspelt)
      CORR_ERR(h, &bad, row->line, 1,
               "no column %s in the header: a correction file has the columns cbs_code, "
               "gemeente, datum, reden and the indicators it corrects",
               fixed[k]);
  }
  jv_indicator meant_ind;
  bool ind_misspelt = false;
  for (size_t j = 0; j < n_meant; j++)
    ind_misspelt = ind_misspelt || jv_indicator_from_name(meant[j], &meant_ind) == 0;
  if (h->n_ind == 0 && !ind_misspelt)
    CORR_ERR(h, &bad, row->line, (int)row->n_fields + 1,
             "no indicator columns: name the figures to correct, such as absoluut_verzuim "
             "('jaarverslag indicators' lists them)");
  return !bad;
}

/* The municipality of a row: a listed code whose name matches; NULL (its
 * error recorded) otherwise. */
static const jv_gemeente *row_municipality(header *h, const jv_csv_row *r, const jv_gemeenten *geo)
{
  const jv_csv_field *code = &r->fields[h->col_code];
  const jv_csv_field *name = &r->fields[h->col_name];
  const char *c = jv_trim_inplace(code->text), *n = jv_trim_inplace(name->text);
  if (!c[0] || strcasecmp(c, "totaal") == 0) {
    CORR_ERR(h, NULL, code->line, code->column,
             "%s: a correction names a municipality (GM and 4 digits); region totals are "
             "computed from the municipalities",
             c[0] ? "'totaal'" : "empty cbs_code");
    return NULL;
  }
  if (!jv_cbs_code_valid(c)) {
    CORR_ERR(h, NULL, code->line, code->column,
             "'%s' is not a CBS municipality code: expected GM and 4 digits, such as GM0505", c);
    return NULL;
  }
  const jv_gemeente *gm = jv_gemeenten_find_code(geo, c);
  if (!gm) {
    const jv_gemeente *by_name = jv_gemeenten_find_name(geo, n);
    char hint[160] = "";
    if (by_name)
      snprintf(hint, sizeof(hint), "; '%s' is %s there", by_name->name, by_name->code);
    CORR_ERR(h, NULL, code->line, code->column,
             "unknown municipality %s: not in the CBS indeling %d (regio.csv)%s", c, geo->year,
             hint);
    return NULL;
  }
  if (!n[0]) {
    CORR_ERR(h, NULL, name->line, name->column, "empty gemeente: expected '%s' for %s", gm->name,
             gm->code);
    return NULL;
  }
  if (!jv_gemeenten_name_matches(geo, gm, n)) {
    CORR_ERR(h, NULL, name->line, name->column,
             "gemeente '%s' does not match %s, which is '%s' in the CBS indeling %d: correct the "
             "name or the code",
             n, gm->code, gm->name, geo->year);
    return NULL;
  }
  return gm;
}

static void loc_of(jv_loc *at, const char *file, const jv_csv_field *f)
{
  *at = (jv_loc){.line = f->line, .column = f->column};
  snprintf(at->file, sizeof(at->file), "%s", file);
}

/* A row's figures; each bad one is recorded. Appended to out only when the
 * whole row is good. */
static void read_row(header *h, const jv_csv_row *r, const jv_gemeenten *geo,
                     jv_correction_set *out)
{
  const char *file = h->t->name;
  const jv_csv_row *hdr = &h->t->rows[0];
  if (r->n_fields < hdr->n_fields) {
    CORR_ERR(h, NULL, r->line, (int)r->n_fields + 1,
             "the row ends after %zu fields but the header has %zu: no value for '%s'", r->n_fields,
             hdr->n_fields, hdr->fields[r->n_fields].text);
    return;
  }
  const jv_gemeente *gm = row_municipality(h, r, geo);
  bool bad = gm == NULL;
  jv_correction c[JV_IND_COUNT];
  memset(c, 0, sizeof(c));
  jv_date date = {0};
  const jv_csv_field *dcell = &r->fields[h->col_date];
  const char *d = jv_trim_inplace(dcell->text);
  if (jv_date_parse(d, &date) != 0)
    CORR_ERR(h, &bad, dcell->line, dcell->column,
             "'%s' is not a date: expected the day the correction was sent as YYYY-MM-DD, such "
             "as 2018-10-01",
             d);
  const jv_csv_field *reason = &r->fields[h->col_reason];
  char *why = jv_trim_inplace(reason->text);
  if (!why[0])
    CORR_ERR(h, &bad, reason->line, reason->column,
             "empty reden: say why the figure changed (for example 'dubbeltelling "
             "verwijderd'); the report lists it");
  size_t given = 0;
  for (size_t k = 0; k < h->n_ind && h->st == JV_OK; k++) {
    const jv_csv_field *cell = &r->fields[h->ind_col[k]];
    if (!jv_trim_inplace(cell->text)[0])
      continue; /* this figure is not corrected */
    jv_correction *ck = &c[given++];
    loc_of(&ck->where, file, cell);
    ck->ind = h->inds[k];
    jv_error e;
    jv_error_clear(&e);
    jv_status st = jv_value_parse(&ck->value, cell->text, &ck->where, &e);
    if (st == JV_EDATA)
      bad = true;
    if (jv_diags_take(h->errs, st, &e) != JV_OK)
      h->st = JV_EINTERNAL;
  }
  if (given == 0) {
    const jv_csv_field *first = &r->fields[h->ind_col[0]];
    CORR_ERR(h, &bad, first->line, first->column,
             "nothing to correct for %s (%s): fill in at least one figure; empty cells leave a "
             "figure as it was",
             gm ? gm->code : "this row", gm ? gm->name : r->fields[h->col_name].text);
  }
  for (size_t k = 0; k < given && !bad && h->st == JV_OK; k++) {
    snprintf(c[k].code, sizeof(c[k].code), "%s", gm->code);
    c[k].date = date;
    c[k].reason = why;
    if (jv_correction_set_add(out, &c[k]) != JV_OK)
      h->st = JV_EINTERNAL;
  }
}

/* The first error added to errs since n_before, in place order, into err. */
static jv_status first_since(jv_diags *errs, size_t n_before, const char *file, jv_error *err)
{
  if (errs->count <= n_before)
    return jv_error_set(err, JV_EDATA, file, 0, 0, "malformed (see the errors above)");
  return jv_diags_first_since(errs, n_before, err);
}

jv_status jv_corrections_read_file(jv_correction_set *out, const char *path,
                                   const jv_gemeenten *geo, jv_diags *errs, jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  jv_diags own;
  jv_diags_init(&own);
  header h = {.t = &t, .errs = errs ? errs : &own, .st = JV_OK};
  size_t n_before = h.errs->count, dropped = h.errs->dropped;
  if (read_header(&h, &t))
    for (size_t r = 1; r < t.n_rows && h.st == JV_OK; r++)
      read_row(&h, &t.rows[r], geo, out);
  if (h.st != JV_OK)
    st = jv_error_set(err, h.st, path, 0, 0, "out of memory");
  else if (h.errs->count > n_before || h.errs->dropped > dropped)
    st = first_since(h.errs, n_before, path, err);
  jv_diags_free(&own);
  jv_csv_table_free(&t);
  return st;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_correction_file(const char *name)
{
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* The correction files of dir, sorted so that results never depend on the
 * order readdir returns them in. */
static jv_status list_files(const char *dir, char ***out, size_t *n_out, jv_error *err)
{
  *out = NULL;
  *n_out = 0;
  DIR *d = opendir(dir);
  if (!d)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "cannot read the corrections directory: %s",
                        strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  jv_status st = JV_OK;
  struct dirent *e;
  while (st == JV_OK && (e = readdir(d)) != NULL) {
    if (!is_correction_file(e->d_name))
      continue;
    if (jv_grow((void **)&names, &cap, n + 1, sizeof(*names), 8) != 0) {
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
      break;
    }
    if (!(names[n] = strdup(e->d_name)))
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
    else
      n++;
  }
  closedir(d);
  if (n > 1)
    qsort(names, n, sizeof(*names), cmp_str);
  *out = names;
  *n_out = n;
  return st;
}

jv_status jv_corrections_apply_dir(jv_dataset *ds, const char *data_dir, const jv_gemeenten *geo,
                                   bool apply, jv_diags *errs, jv_error *err)
{
  char dir[PATH_MAX];
  if (snprintf(dir, sizeof(dir), "%s/%s", data_dir, JV_CORRECTIONS_DIR) >= (int)sizeof(dir))
    return jv_error_set(err, JV_ENOINPUT, data_dir, 0, 0, "path too long");
  struct stat sb;
  if (stat(dir, &sb) != 0)
    return JV_OK; /* no corrections: the figures as delivered */
  if (!S_ISDIR(sb.st_mode))
    return jv_error_set(err, JV_EDATA, dir, 0, 0,
                        "expected a directory of correction files (*.csv), found a file");
  char **names;
  size_t n;
  jv_correction_set *set = calloc(1, sizeof(*set));
  if (!set)
    return jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  jv_diags own;
  jv_diags_init(&own);
  jv_diags *list = errs ? errs : &own;
  size_t n_before = list->count, dropped = list->dropped;
  jv_status st = list_files(dir, &names, &n, err);
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >= (int)sizeof(path))
      st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
    else if ((st = jv_corrections_read_file(set, path, geo, list, err)) == JV_EDATA)
      st = JV_OK; /* recorded in list: the next file is still read */
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  bool failed = list->count > n_before || list->dropped > dropped;
  if (st == JV_OK && apply && !failed) {
    st = jv_correction_apply(ds, set, list, err);
    failed = st == JV_EDATA;
  }
  if (st == JV_OK && failed)
    st = first_since(list, n_before, dir, err);
  jv_diags_free(&own);
  if (st == JV_OK && apply && set->n > 0 && !ds->corrections) {
    ds->corrections = set;
    return JV_OK;
  }
  for (size_t i = 0; i < set->n && st == JV_OK && apply; i++) /* applied once more */
    if (jv_correction_set_add(ds->corrections, &set->items[i]) != JV_OK)
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  jv_correction_set_free(set);
  free(set);
  return st;
}
