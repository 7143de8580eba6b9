/* batch_plan.c - what a batch run could build, and the fingerprint of each
 * output's inputs. The fingerprint covers file contents, never timestamps:
 * copying a project or touching a file rebuilds nothing, while any changed
 * byte of an input rebuilds exactly the outputs that read it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/geo_read.h"
#include "pipeline/batch_int.h"
#include "util/grow.h"

#ifndef JV_VERSION
#define JV_VERSION "0"
#endif

/* The name of the annex outputs; a region may not be called so. */
#define ANNEX_ID "bijlage"

/* Bumped when the fingerprint's composition changes. */
#define FINGERPRINT_FORMAT "jaarverslag-batch-inputs 1"

void jv_batch__plan_free(jv_batch_plan *p)
{
  jv_project_free(&p->project);
  free(p->outs);
  free(p->cache);
  memset(p, 0, sizeof(*p));
}

jv_status jv_batch__hash(jv_batch_plan *p, const char *path, jv_digest *out, jv_error *err)
{
  for (size_t i = 0; i < p->n_cache; i++)
    if (strcmp(p->cache[i].path, path) == 0) {
      *out = p->cache[i].digest;
      return JV_OK;
    }
  jv_status st = jv_hash_file(path, out, err);
  if (st != JV_OK)
    return st;
  if (jv_grow((void **)&p->cache, &p->cap_cache, p->n_cache + 1, sizeof(*p->cache), 64) != 0)
    return JV_OK; /* the cache only saves time */
  snprintf(p->cache[p->n_cache].path, sizeof(p->cache[0].path), "%s", path);
  p->cache[p->n_cache++].digest = *out;
  return JV_OK;
}

static void add_text(jv_hasher *h, const char *key, const char *value)
{
  jv_hasher_add_str(h, key);
  jv_hasher_add_str(h, value);
}

/* One input file: its label (stable across machines: relative to the
 * project or the program's home) and its content's digest. */
static jv_status add_file(jv_batch_plan *p, jv_hasher *h, const char *label, const char *path,
                          jv_error *err)
{
  jv_digest d;
  jv_status st = jv_batch__hash(p, path, &d, err);
  if (st != JV_OK)
    return st;
  add_text(h, "file", label);
  jv_hasher_add(h, d.bytes, sizeof(d.bytes));
  return JV_OK;
}

static jv_status add_optional(jv_batch_plan *p, jv_hasher *h, const char *label, const char *path,
                              jv_error *err)
{
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    add_text(h, "absent", label); /* appearing later must change the fingerprint */
    return JV_OK;
  }
  return add_file(p, h, label, path, err);
}

/* Hashes the files[0..n) of dir under label (owning files). */
static jv_status add_listed(jv_batch_plan *p, jv_hasher *h, const char *kind, const char *label,
                            const char *dir, char **files, size_t n, jv_error *err)
{
  jv_status st = JV_OK;
  add_text(h, kind, label);
  for (size_t i = 0; i < n && st == JV_OK; i++) {
    char path[PATH_MAX], lab[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
    snprintf(lab, sizeof(lab), "%s/%s", label, files[i]);
    st = add_file(p, h, lab, path, err);
  }
  jv_project_strv_free(files, n);
  return st;
}

/* Every file under dir (recursively); an absent dir adds none. */
static jv_status add_tree(jv_batch_plan *p, jv_hasher *h, const char *label, const char *dir,
                          jv_error *err)
{
  char **files;
  size_t n;
  jv_status st = jv_project_files_under(dir, &files, &n, err);
  return st ? st : add_listed(p, h, "tree", label, dir, files, n, err);
}

/* The files of one data directory: data files and correcties/. */
static jv_status add_data_dir(jv_batch_plan *p, jv_hasher *h, const char *label, const char *dir,
                              jv_error *err)
{
  char **files;
  size_t n;
  jv_status st = jv_project_data_inputs(dir, &files, &n, err);
  return st ? st : add_listed(p, h, "data", label, dir, files, n, err);
}

/* What every output depends on: the program itself (version and binary, so
 * a rebuilt program rebuilds everything), SOURCE_DATE_EPOCH, fonts, the municipality lists,
 * the hyphenation patterns and the boundaries the year's maps use. */
static jv_status add_common(jv_batch_plan *p, jv_hasher *h, const jv_env *env,
                            const jv_digest *program, jv_schoolyear year, jv_error *err)
{
  char path[PATH_MAX];
  jv_hasher_add_str(h, FINGERPRINT_FORMAT);
  add_text(h, "version", JV_VERSION);
  jv_hasher_add(h, program->bytes, sizeof(program->bytes));
  /* the dates written into every PDF */
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  add_text(h, "SOURCE_DATE_EPOCH", epoch ? epoch : "(unset)");
  jv_status st = add_tree(p, h, "assets/fonts", env->fonts, err);
  if (st == JV_OK)
    st = add_tree(p, h, "assets/gemeenten", env->gemeenten, err);
  if (st == JV_OK)
    st = add_optional(p, h, "hyphenation", env->hyphen_dic, err);
  int years[64];
  size_t n = 0;
  jv_error ignored;
  if (st == JV_OK && jv_geo_bundled_years(years, 64, &n, &ignored) == JV_OK) {
    int y = jv_geo_pick_year(year, years, n);
    char label[64];
    snprintf(label, sizeof(label), "assets/geo/gemeente_%d.topojson", y);
    snprintf(path, sizeof(path), "%s/%s", env->home, label);
    st = add_optional(p, h, label, path, err);
  }
  if (st == JV_OK) {
    snprintf(path, sizeof(path), "%s/assets/geo/regios.csv", env->home);
    st = add_optional(p, h, "assets/geo/regios.csv", path, err);
  }
  return st;
}

static jv_status report_inputs(jv_batch_plan *p, const jv_env *env, const jv_digest *program,
                               jv_batch_output *o, jv_error *err)
{
  const jv_project_unit *u = &p->project.units[o->unit];
  char path[PATH_MAX], label[PATH_MAX];
  jv_hasher h;
  jv_hasher_init(&h);
  add_text(&h, "report", o->id);
  jv_status st = add_common(p, &h, env, program, u->year, err);
  /* the report's charts: national series and the region's own reeksen.csv */
  if (st == JV_OK) {
    snprintf(path, sizeof(path), "%s/data/nationaal", env->home);
    st = add_tree(p, &h, "data/nationaal", path, err);
  }
  char rdir[PATH_MAX]; /* the region's folder: the year folder's parent */
  snprintf(rdir, sizeof(rdir), "%s", u->dir);
  char *cut = strrchr(rdir, '/');
  if (cut)
    *cut = '\0';
  if (st == JV_OK) {
    snprintf(path, sizeof(path), "%s/reeksen.csv", rdir);
    snprintf(label, sizeof(label), "%s/reeksen.csv", u->region);
    st = add_optional(p, &h, label, path, err);
  }
  if (st == JV_OK) { /* organisatie, logo, kleur */
    snprintf(path, sizeof(path), "%s/project.csv", rdir);
    snprintf(label, sizeof(label), "%s/project.csv", u->region);
    st = add_optional(p, &h, label, path, err);
  }
  /* the region's earlier school years: the comparisons and trends use them */
  for (size_t i = 0; i < p->project.n && st == JV_OK; i++) {
    const jv_project_unit *e = &p->project.units[i];
    if (strcmp(e->region, u->region) != 0 || e->year.start >= u->year.start)
      continue;
    snprintf(label, sizeof(label), "%s/%s", e->region, e->year_name);
    st = add_data_dir(p, &h, label, e->dir, err);
  }
  if (st == JV_OK) {
    /* the template and whatever it includes: everything in its directory */
    snprintf(path, sizeof(path), "%s", o->template_path);
    char *slash = strrchr(path, '/');
    if (slash)
      *slash = '\0';
    const char *rel = path;
    size_t home_len = strlen(env->home);
    if (strncmp(path, env->home, home_len) == 0 && path[home_len] == '/')
      rel = path + home_len + 1;
    add_text(&h, "template", o->template_path + (rel - path));
    st = add_tree(p, &h, rel, path, err);
  }
  if (st == JV_OK) {
    snprintf(label, sizeof(label), "%s/%s", u->region, u->year_name);
    st = add_data_dir(p, &h, label, u->dir, err);
  }
  jv_hasher_finish(&h, &o->inputs);
  return st;
}

static jv_status annex_inputs(jv_batch_plan *p, const jv_env *env, const jv_digest *program,
                              jv_batch_output *o, jv_error *err)
{
  char label[PATH_MAX];
  jv_hasher h;
  jv_hasher_init(&h);
  add_text(&h, "annex", o->id);
  jv_status st = add_common(p, &h, env, program, o->year, err);
  jv_hasher_add_str(&h, "buckets");
  for (size_t i = 0; i < p->buckets.n; i++)
    jv_hasher_add(&h, &p->buckets.milli[i], sizeof(p->buckets.milli[i]));
  for (size_t i = 0; i < p->project.n && st == JV_OK; i++) {
    const jv_project_unit *u = &p->project.units[i];
    if (u->year.start != o->year.start)
      continue;
    snprintf(label, sizeof(label), "%s/%s", u->region, u->year_name);
    st = add_data_dir(p, &h, label, u->dir, err);
  }
  jv_hasher_finish(&h, &o->inputs);
  return st;
}

static jv_status add_output(jv_batch_plan *p, size_t *cap, jv_batch_output **out, jv_error *err)
{
  if (jv_grow((void **)&p->outs, cap, p->n + 1, sizeof(*p->outs), 32) != 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  *out = &p->outs[p->n++];
  memset(*out, 0, sizeof(**out));
  return JV_OK;
}

static void set_target(jv_batch_plan *p, jv_batch_output *o)
{
  snprintf(o->path, sizeof(o->path), "%s/%s", p->outdir, o->file);
}

static jv_status plan_outputs(jv_batch_plan *p, const jv_env *env, const jv_batch_opts *opts,
                              jv_error *err)
{
  size_t cap = 0;
  jv_batch_output *o = NULL; /* set by add_output; NULL quiets -O3 */
  for (size_t i = 0; i < p->project.n; i++) {
    const jv_project_unit *u = &p->project.units[i];
    if (strcmp(u->region, ANNEX_ID) == 0)
      return jv_error_set(err, JV_EDATA, u->dir, 0, 0,
                          "the region name '%s' is reserved for the national annex: rename "
                          "the directory",
                          ANNEX_ID);
    jv_status st = add_output(p, &cap, &o, err);
    if (st != JV_OK)
      return st;
    o->kind = JV_BATCH_REPORT;
    o->unit = i;
    o->year = u->year;
    snprintf(o->id, sizeof(o->id), "%s/%s", u->region, u->year_name);
    snprintf(o->file, sizeof(o->file), "jaarverslag-%s-%s.pdf", u->region, u->year_name);
    set_target(p, o);
    /* --template; else the region's own (its sjabloon/, then the program's
     * templates/<regio>/); else the default */
    struct stat sb;
    snprintf(o->template_path, sizeof(o->template_path), "%s", u->dir);
    char *cut = strrchr(o->template_path, '/');
    if (cut)
      snprintf(cut, sizeof(o->template_path) - (size_t)(cut - o->template_path),
               "/sjabloon/jaarverslag.md");
    if (opts->template_path)
      snprintf(o->template_path, sizeof(o->template_path), "%s", opts->template_path);
    else if (stat(o->template_path, &sb) != 0) {
      snprintf(o->template_path, sizeof(o->template_path), "%s/templates/%s/jaarverslag.md",
               env->home, u->region);
      if (stat(o->template_path, &sb) != 0)
        snprintf(o->template_path, sizeof(o->template_path), "%s", env->default_template);
    }
  }
  /* one annex per school year (sorted by year in jv_batch__plan) */
  size_t n_reports = p->n;
  for (size_t i = 0; i < n_reports; i++) {
    jv_schoolyear y = p->outs[i].year;
    bool seen = false;
    for (size_t k = n_reports; k < p->n && !seen; k++)
      seen = p->outs[k].year.start == y.start;
    if (seen)
      continue;
    jv_status st = add_output(p, &cap, &o, err);
    if (st != JV_OK)
      return st;
    char year[16];
    jv_schoolyear_format(y, year, sizeof(year));
    o->kind = JV_BATCH_ANNEX;
    o->year = y;
    snprintf(o->id, sizeof(o->id), "%s/%s", ANNEX_ID, year);
    snprintf(o->file, sizeof(o->file), "bijlage-kaarten-%s.pdf", year);
    set_target(p, o);
  }
  return JV_OK;
}

static int cmp_annex_year(const void *a, const void *b)
{
  const jv_batch_output *x = a, *y = b;
  return (x->year.start > y->year.start) - (x->year.start < y->year.start);
}

jv_status jv_batch__plan(jv_batch_plan *p, const jv_env *env, const jv_batch_opts *o,
                         const char *outdir, jv_error *err)
{
  memset(p, 0, sizeof(*p));
  snprintf(p->outdir, sizeof(p->outdir), "%s", outdir);
  snprintf(p->manifest_path, sizeof(p->manifest_path), "%s/%s", outdir, JV_MANIFEST_NAME);
  if (o->buckets)
    p->buckets = *o->buckets;
  else
    jv_buckets_default(&p->buckets);
  jv_status st = jv_project_scan_many(&p->project, o->projects, o->n_projects, outdir, err);
  if (st == JV_OK)
    st = plan_outputs(p, env, o, err);
  if (st != JV_OK)
    return st;
  size_t first_annex = 0;
  while (first_annex < p->n && p->outs[first_annex].kind == JV_BATCH_REPORT)
    first_annex++;
  qsort(p->outs + first_annex, p->n - first_annex, sizeof(*p->outs), cmp_annex_year);
  /* the program's own bytes: a missing /proc only loses that part */
  jv_digest program;
  memset(&program, 0, sizeof(program));
  jv_error ignored;
  jv_hash_file("/proc/self/exe", &program, &ignored);
  for (size_t i = 0; i < p->n && st == JV_OK; i++)
    st = p->outs[i].kind == JV_BATCH_REPORT ? report_inputs(p, env, &program, &p->outs[i], err)
                                            : annex_inputs(p, env, &program, &p->outs[i], err);
  return st;
}

void jv_batch__mark_current(jv_batch_plan *p, const jv_manifest *m)
{
  for (size_t i = 0; i < p->n; i++) {
    jv_batch_output *o = &p->outs[i];
    const jv_manifest_entry *e = jv_manifest_find(m, o->id);
    jv_digest now;
    jv_error ignored;
    o->current = e && strcmp(e->file, o->file) == 0 && jv_digest_equal(&e->inputs, &o->inputs) &&
                 jv_hash_file(o->path, &now, &ignored) == JV_OK &&
                 jv_digest_equal(&now, &e->output);
  }
}
