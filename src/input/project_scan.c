/* project_scan.c - walking a batch project directory. Names are sorted
 * everywhere so that plans, hashes and manifests never depend on the order
 * readdir returns entries in. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "input/project_scan.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/corrections.h"
#include "input/dataset_read.h"
#include "util/grow.h"
#include "util/text.h"

typedef struct {
  char **v;
  size_t n, cap;
} strv;

static int strv_push(strv *s, const char *text)
{
  if (jv_grow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v), 16) != 0)
    return -1;
  if (!(s->v[s->n] = strdup(text)))
    return -1;
  s->n++;
  return 0;
}

void jv_project_strv_free(char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void strv_sort(strv *s)
{
  if (s->n > 1)
    qsort(s->v, s->n, sizeof(*s->v), cmp_str);
}

static bool is_dir(const char *p)
{
  struct stat sb;
  return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool is_file(const char *p)
{
  struct stat sb;
  return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Non-hidden entries of dir, sorted; want_dirs picks directories or
 * regular files. A missing dir gives none. */
static jv_status entries(const char *dir, bool want_dirs, strv *out, jv_error *err)
{
  DIR *d = opendir(dir);
  if (!d)
    return errno == ENOENT
               ? JV_OK
               : jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "cannot read: %s", strerror(errno));
  struct dirent *e;
  jv_status st = JV_OK;
  while (st == JV_OK && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char p[PATH_MAX];
    if (snprintf(p, sizeof(p), "%s/%s", dir, e->d_name) >= (int)sizeof(p))
      st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
    else if ((want_dirs ? is_dir(p) : is_file(p)) && strv_push(out, e->d_name) != 0)
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  }
  closedir(d);
  strv_sort(out);
  return st;
}

static bool bad_name(const char *s)
{
  return strpbrk(s, "\t\n\r") != NULL;
}

void jv_project_free(jv_project *p)
{
  for (size_t i = 0; i < p->n; i++) {
    free(p->units[i].region);
    free(p->units[i].year_name);
    free(p->units[i].dir);
  }
  free(p->units);
  free(p->root);
  memset(p, 0, sizeof(*p));
}

static jv_status add_unit(jv_project *p, size_t *cap, const char *region, const char *year_name,
                          jv_schoolyear y, const char *dir, jv_error *err)
{
  if (jv_grow((void **)&p->units, cap, p->n + 1, sizeof(*p->units), 16) != 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_project_unit *u = &p->units[p->n];
  u->region = strdup(region);
  u->year_name = strdup(year_name);
  u->dir = strdup(dir);
  u->year = y;
  p->n++;
  if (!u->region || !u->year_name || !u->dir)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  return JV_OK;
}

static bool same_file(const char *a, const struct stat *b)
{
  struct stat sa;
  return b && stat(a, &sa) == 0 && sa.st_dev == b->st_dev && sa.st_ino == b->st_ino;
}

/* The school-year directories of one region directory (p->root/name, or
 * p->root itself when single: a project folder given on its own). */
static jv_status scan_region(jv_project *p, size_t *cap, const char *name, bool single,
                             jv_error *err)
{
  char rdir[PATH_MAX], probe[PATH_MAX];
  if (single)
    snprintf(rdir, sizeof(rdir), "%s", p->root);
  else
    snprintf(rdir, sizeof(rdir), "%s/%s", p->root, name);
  if (snprintf(probe, sizeof(probe), "%s/regio.csv", rdir) < (int)sizeof(probe) && is_file(probe))
    return jv_error_set(err, JV_EDATA, rdir, 0, 0,
                        "a data directory directly under the project: put it in a school-year "
                        "directory, %s/<schooljaar>/ such as %s/2017-2018/ (see docs/batch.md)",
                        name, name);
  strv years = {0};
  jv_status st = entries(rdir, true, &years, err);
  for (size_t i = 0; i < years.n && st == JV_OK; i++) {
    char ydir[PATH_MAX];
    if (snprintf(ydir, sizeof(ydir), "%s/%s", rdir, years.v[i]) >= (int)sizeof(ydir)) {
      st = jv_error_set(err, JV_ENOINPUT, rdir, 0, 0, "path too long");
      break;
    }
    if (!jv_dataset_dir_probe(ydir)) /* regio.csv, or a workbook (init --werkmap) */
      continue;
    jv_schoolyear y = {0};
    char want[16] = "";
    if (jv_schoolyear_parse(years.v[i], &y) == 0)
      jv_schoolyear_format(y, want, sizeof(want));
    if (strcmp(want, years.v[i]) != 0) /* also refuses 2017/2018: no '/' in a name */
      st = jv_error_set(err, JV_EDATA, ydir, 0, 0,
                        "a data directory in a project is named after its school year, such "
                        "as 2017-2018");
    else if (bad_name(name))
      st = jv_error_set(err, JV_EDATA, rdir, 0, 0,
                        "a region directory name may not contain a tab or line break");
    else
      st = add_unit(p, cap, name, years.v[i], y, ydir, err);
  }
  jv_project_strv_free(years.v, years.n);
  return st;
}

jv_status jv_project_scan(jv_project *out, const char *root, const char *skip, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  size_t len = strlen(root);
  while (len > 1 && root[len - 1] == '/')
    len--;
  if (!(out->root = strndup(root, len)))
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (!is_dir(out->root)) {
    jv_status st = jv_error_set(err, JV_ENOINPUT, out->root, 0, 0, "no such project directory");
    jv_project_free(out);
    return st;
  }
  struct stat skip_sb;
  bool have_skip = skip && stat(skip, &skip_sb) == 0;
  strv regions = {0};
  size_t cap = 0;
  char probe[PATH_MAX];
  snprintf(probe, sizeof(probe), "%s/project.csv", out->root);
  if (is_file(probe)) { /* one project folder (jaarverslag init): its years directly */
    const char *base = strrchr(out->root, '/');
    base = base && base[1] ? base + 1 : out->root;
    char name[256];
    jv_ascii_slug(name, sizeof(name), base);
    jv_status st = scan_region(out, &cap, name[0] ? name : "project", true, err);
    if (st == JV_OK && out->n == 0)
      st = jv_error_set(err, JV_ENOINPUT, out->root, 0, 0,
                        "no school years in this project: add one with jaarverslag init");
    if (st != JV_OK)
      jv_project_free(out);
    return st;
  }
  jv_status st = entries(out->root, true, &regions, err);
  for (size_t i = 0; i < regions.n && st == JV_OK; i++) {
    char rdir[PATH_MAX];
    if (snprintf(rdir, sizeof(rdir), "%s/%s", out->root, regions.v[i]) >= (int)sizeof(rdir))
      st = jv_error_set(err, JV_ENOINPUT, out->root, 0, 0, "path too long");
    else if (!same_file(rdir, have_skip ? &skip_sb : NULL))
      st = scan_region(out, &cap, regions.v[i], false, err);
  }
  jv_project_strv_free(regions.v, regions.n);
  if (st == JV_OK && out->n == 0)
    st = jv_error_set(err, JV_ENOINPUT, out->root, 0, 0,
                      "no data directories: expected <regio>/<schooljaar>/regio.csv (or an .xlsx "
                      "workbook), such as zuid-holland-zuid/2017-2018/regio.csv (see "
                      "docs/batch.md)");
  if (st != JV_OK)
    jv_project_free(out);
  return st;
}

static int cmp_unit(const void *a, const void *b)
{
  const jv_project_unit *x = a, *y = b;
  int c = strcmp(x->region, y->region);
  return c ? c : (x->year.start > y->year.start) - (x->year.start < y->year.start);
}

/* The folder of a unit's region: its year folder's parent. */
static void region_dir(const jv_project_unit *u, char *buf, size_t size)
{
  snprintf(buf, size, "%s", u->dir);
  char *cut = strrchr(buf, '/');
  if (cut)
    *cut = '\0';
}

/* Moves the units of part to the end of out. */
static jv_status take_units(jv_project *out, size_t *cap, jv_project *part, jv_error *err)
{
  if (jv_grow((void **)&out->units, cap, out->n + part->n, sizeof(*out->units), 16) != 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  memcpy(out->units + out->n, part->units, part->n * sizeof(*part->units));
  out->n += part->n;
  part->n = 0;
  return JV_OK;
}

jv_status jv_project_scan_many(jv_project *out, const char *const *roots, size_t n,
                               const char *skip, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  if (n == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "no project directory given");
  size_t cap = 0;
  jv_status st = JV_OK;
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    jv_project part;
    st = jv_project_scan(&part, roots[i], skip, err);
    if (st == JV_OK && i == 0) {
      out->root = part.root;
      part.root = NULL;
    }
    if (st == JV_OK)
      st = take_units(out, &cap, &part, err);
    jv_project_free(&part);
  }
  if (st == JV_OK && out->n > 1)
    qsort(out->units, out->n, sizeof(*out->units), cmp_unit);
  for (size_t i = 1; i < out->n && st == JV_OK; i++) {
    const jv_project_unit *u = &out->units[i - 1], *v = &out->units[i];
    if (strcmp(u->region, v->region) != 0)
      continue;
    char a[PATH_MAX], b[PATH_MAX], ra[PATH_MAX], rb[PATH_MAX];
    region_dir(u, a, sizeof(a));
    region_dir(v, b, sizeof(b));
    bool same = realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
    if (same && u->year.start == v->year.start)
      st = jv_error_set(err, JV_EUSAGE, b, 0, 0, "project '%s' given more than once", v->region);
    else if (!same)
      st = jv_error_set(err, JV_EUSAGE, b, 0, 0,
                        "two projects named '%s' (%s and %s): their outputs would have the same "
                        "names; rename one folder, or give each its own batch run and -o",
                        v->region, a, b);
  }
  if (st != JV_OK)
    jv_project_free(out);
  return st;
}

/* What jaarverslag itself writes (reports, maps, charts, a batch manifest):
 * never an input, so that `batch -o` into a data directory does not make
 * every output stale on the next run. Nor is the owner file Excel keeps
 * beside an open workbook (~$gegevens.xlsx), which no job reads. */
static bool is_output_name(const char *name)
{
  static const char *const ext[] = {".pdf", ".png", ".svg"};
  size_t n = strlen(name);
  if (strncmp(name, "~$", 2) == 0)
    return true;
  for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
    if (n > 4 && strcasecmp(name + n - 4, ext[i]) == 0)
      return true;
  return strcmp(name, "manifest.tsv") == 0;
}

jv_status jv_project_data_inputs(const char *dir, char ***out, size_t *n, jv_error *err)
{
  strv files = {0}, corr = {0};
  char cdir[PATH_MAX];
  jv_status st = entries(dir, false, &files, err);
  size_t kept = 0;
  for (size_t i = 0; i < files.n; i++) {
    if (is_output_name(files.v[i]))
      free(files.v[i]);
    else
      files.v[kept++] = files.v[i];
  }
  files.n = kept;
  if (st == JV_OK &&
      snprintf(cdir, sizeof(cdir), "%s/%s", dir, JV_CORRECTIONS_DIR) >= (int)sizeof(cdir))
    st = jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "path too long");
  if (st == JV_OK)
    st = entries(cdir, false, &corr, err);
  for (size_t i = 0; i < corr.n && st == JV_OK; i++) {
    char rel[PATH_MAX];
    snprintf(rel, sizeof(rel), "%s/%s", JV_CORRECTIONS_DIR, corr.v[i]);
    if (strv_push(&files, rel) != 0)
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  }
  jv_project_strv_free(corr.v, corr.n);
  if (st != JV_OK) {
    jv_project_strv_free(files.v, files.n);
    return st;
  }
  strv_sort(&files);
  *out = files.v;
  *n = files.n;
  return JV_OK;
}

static jv_status walk(const char *base, const char *rel, strv *out, jv_error *err)
{
  char dir[PATH_MAX];
  if (snprintf(dir, sizeof(dir), "%s%s%s", base, rel[0] ? "/" : "", rel) >= (int)sizeof(dir))
    return jv_error_set(err, JV_ENOINPUT, base, 0, 0, "path too long");
  strv files = {0}, dirs = {0};
  jv_status st = entries(dir, false, &files, err);
  if (st == JV_OK)
    st = entries(dir, true, &dirs, err);
  for (size_t i = 0; i < files.n && st == JV_OK; i++) {
    char p[PATH_MAX];
    snprintf(p, sizeof(p), "%s%s%s", rel, rel[0] ? "/" : "", files.v[i]);
    if (strv_push(out, p) != 0)
      st = jv_error_set(err, JV_EINTERNAL, dir, 0, 0, "out of memory");
  }
  for (size_t i = 0; i < dirs.n && st == JV_OK; i++) {
    char p[PATH_MAX];
    snprintf(p, sizeof(p), "%s%s%s", rel, rel[0] ? "/" : "", dirs.v[i]);
    st = walk(base, p, out, err);
  }
  jv_project_strv_free(files.v, files.n);
  jv_project_strv_free(dirs.v, dirs.n);
  return st;
}

jv_status jv_project_files_under(const char *dir, char ***out, size_t *n, jv_error *err)
{
  strv files = {0};
  jv_status st = walk(dir, "", &files, err);
  if (st != JV_OK) {
    jv_project_strv_free(files.v, files.n);
    return st;
  }
  strv_sort(&files);
  *out = files.v;
  *n = files.n;
  return JV_OK;
}
