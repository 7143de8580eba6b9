/* map_run.c - `jaarverslag map` after option parsing: which data directory,
 * prepare, write the file and/or the --explain lines. */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/dataset_read.h"
#include "pipeline/map_job_int.h"
#include "render/atomic_file.h"
#include "render/draw_cairo.h"
#include "render/fonts.h"
#include "render/scene_paint.h"
#include "render/pdf_render.h"

static int has_regio(const char *dir)
{
  char p[PATH_MAX];
  struct stat st;
  if (snprintf(p, sizeof(p), "%s/regio.csv", dir) >= (int)sizeof(p))
    return 0;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The last (latest school year) subdirectory of dir that holds regio.csv. */
static int latest_year_dir(const char *dir, char *out, size_t size)
{
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  char best[256] = "";
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    char p[PATH_MAX];
    if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof(best))
      continue;
    snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
    if (has_regio(p) && strcmp(e->d_name, best) > 0)
      snprintf(best, sizeof(best), "%s", e->d_name);
  }
  closedir(d);
  if (!best[0])
    return 0;
  return snprintf(out, size, "%s/%s", dir, best) < (int)size;
}

/* --year without --data: the one bundled region that has that year. */
static jv_status bundled_for_year(const jv_env *env, const char *year, char *out, size_t size,
                                  jv_error *err)
{
  char data[PATH_MAX];
  snprintf(data, sizeof(data), "%s/data", env->home);
  DIR *d = opendir(data);
  if (!d)
    return jv_error_set(err, JV_ENOINPUT, data, 0, 0, "no bundled data directory");
  char *found[64];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && n < 64) {
    char p[PATH_MAX];
    if (e->d_name[0] == '.')
      continue;
    if (snprintf(p, sizeof(p), "%s/%s/%s", data, e->d_name, year) < (int)sizeof(p) && has_regio(p))
      found[n++] = strdup(e->d_name);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++)
    if (!found[i]) {
      for (size_t k = 0; k < n; k++)
        free(found[k]);
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    }
  qsort(found, n, sizeof(*found), cmp_str);
  jv_status st = JV_OK;
  if (n == 0) {
    st = jv_error_set(err, JV_ENOINPUT, data, 0, 0,
                      "no bundled data for school year %s; give --data DIR", year);
  } else if (n > 1) {
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "several bundled data sets for %s (%s, %s%s); choose one with --data "
                      "%s/data/NAME",
                      year, found[0], found[1], n > 2 ? ", ..." : "", env->home);
  } else {
    snprintf(out, size, "%s/%s/%s", data, found[0], year);
  }
  for (size_t i = 0; i < n; i++)
    free(found[i]);
  return st;
}

static jv_status resolve_data_dir(const jv_env *env, const jv_map_job_opts *o, char *out,
                                  size_t size, jv_error *err)
{
  if (!o->data_dir) {
    if (o->year)
      return bundled_for_year(env, o->year, out, size, err);
    snprintf(out, size, "%s", env->default_data);
    return JV_OK;
  }
  if (has_regio(o->data_dir)) {
    snprintf(out, size, "%s", o->data_dir);
    return JV_OK;
  }
  if (o->year) {
    snprintf(out, size, "%s/%s", o->data_dir, o->year);
    if (!has_regio(out))
      return jv_error_set(err, JV_ENOINPUT, out, 0, 0,
                          "no data for %s here (expected a directory with regio.csv)", o->year);
    return JV_OK;
  }
  if (!latest_year_dir(o->data_dir, out, size))
    return jv_error_set(err, JV_ENOINPUT, o->data_dir, 0, 0,
                        "not a data directory: no regio.csv in it or in a school-year "
                        "subdirectory");
  return JV_OK;
}

typedef struct {
  const jv_map_prepared *m;
  double unit; /* output units per point: pixels for PNG */
} probe_ctx;

static void print_anchor(void *ctx, size_t shape, double x, double y)
{
  const probe_ctx *p = ctx;
  const jv_geo_shape *s = &p->m->geo->shapes[shape];
  printf("%s\t%s\t%.1f\t%.1f\n", s->code, s->name, x * p->unit, y * p->unit);
}

/* A PDF goes through the tagged report writer, as a one-page figure. */
static jv_status write_map_pdf(const jv_map_prepared *m, const jv_map_job_opts *o,
                               const jv_fonts *fonts, double w, double h, const jv_scene *scene,
                               const char *alt, jv_error *err)
{
  long long date;
  jv_status st = jv_job_source_date(&date, err);
  if (st != JV_OK)
    return st;
  jv_figure fig = {.width = w, .height = h, .alt = (char *)alt};
  jv_pdf_meta meta = {jv_map_prepared_title(m), NULL, NULL, NULL, "nl-NL", date, NULL};
  return jv_pdf_render_figure(&fig, scene, &meta, fonts, o->output, err);
}

static jv_status write_map(const jv_env *env, const jv_map_prepared *m, const jv_map_job_opts *o,
                           jv_error *err)
{
  jv_surface_kind kind;
  if (jv_surface_kind_from_path(o->output, &kind) != 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "-o %s: the name must end in .png, .svg or .pdf", o->output);
  jv_fonts *fonts;
  jv_status st = jv_fonts_new(&fonts, env->fonts, err);
  if (st != JV_OK)
    return st;
  double w = o->width > 0 ? o->width : 500;
  double margin = 12;
  jv_measure me = jv_job_measure(fonts);
  double h = jv_map_prepared_height(m, &me, w - 2 * margin) + 2 * margin;
  double dpi = o->dpi > 0 ? o->dpi : 150;
  probe_ctx pc = {m, kind == JV_SURFACE_PNG ? dpi / 72.0 : 1.0};
  jv_scene scene;
  jv_scene_init(&scene);
  st = jv_map_prepared_lay_out(m, &me, margin, margin, w - 2 * margin, h - 2 * margin, &scene,
                               o->debug_points ? print_anchor : NULL, &pc, err);
  char *alt = st == JV_OK ? jv_map_prepared_alt(m) : NULL;
  if (st == JV_OK && !alt)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_draw_cairo *c = NULL;
  if (st == JV_OK && kind == JV_SURFACE_PDF && !o->debug_points) {
    st = write_map_pdf(m, o, fonts, w, h, &scene, alt, err);
  } else if (st == JV_OK) {
    st = jv_draw_cairo_open(&c, kind, o->output, w, h, dpi, fonts, err);
    if (st == JV_OK) {
      jv_draw_cairo_set_text(c, jv_map_prepared_title(m), alt);
      st = jv_scene_paint(jv_draw_cairo_draw(c), &scene, err);
    }
    if (st == JV_OK)
      st = jv_draw_cairo_finish(c, err);
  }
  jv_draw_cairo_free(c);
  free(alt);
  jv_scene_free(&scene);
  jv_fonts_free(fonts);
  return st;
}

jv_status jv_map_job(const jv_env *env, const jv_map_job_opts *o, jv_diags *warn, jv_error *err)
{
  char dir[PATH_MAX];
  /* an output that is a FIFO, device or directory is refused before any work */
  jv_status st = o->output ? jv_atomic_check_target(o->output, err) : JV_OK;
  if (st == JV_OK)
    st = resolve_data_dir(env, o, dir, sizeof(dir), err);
  if (st != JV_OK)
    return st;
  jv_dataset ds;
  st = jv_dataset_read_dir(&ds, dir, env->gemeenten, err);
  if (st != JV_OK)
    return st;
  if (o->year) {
    jv_schoolyear want;
    char have[16];
    jv_schoolyear_format(ds.year, have, sizeof(have));
    if (jv_schoolyear_parse(o->year, &want) != 0)
      st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "--year %s: expected a school year such as "
                        "2014-2015",
                        o->year);
    else if (want.start != ds.year.start)
      st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "--year %s, but %s/regio.csv is for %s",
                        o->year, dir, have);
  }
  /* like the report: a region regios.csv does not define is what the data
   * covers (--national for the whole country) */
  jv_map_opts mo = o->map;
  mo.data_region = true;
  mo.data_dir = dir;
  jv_map_prepared *m = NULL;
  if (st == JV_OK && (st = jv_map_prepare(&m, env, &ds, &mo, warn, err)) == JV_EDATA &&
      !err->loc.file[0]) /* a column the data lacks: name the data directory */
    snprintf(err->loc.file, sizeof(err->loc.file), "%s", dir);
  if (st == JV_OK && o->output)
    st = write_map(env, m, o, err);
  if (st == JV_OK && o->explain)
    jv_map_prepared_explain(m, o->explain_all, stdout);
  jv_map_prepared_free(m);
  jv_dataset_free(&ds);
  return st;
}
