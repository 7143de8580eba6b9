/* job.c - running the report pipeline. */
#include "pipeline/job.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/dataset_read.h"
#include "input/image_read.h"
#include "input/paths.h"
#include "layout/doc.h"
#include "layout/hyphen.h"
#include "layout/paginate.h"
#include "layout/report_corrections.h"
#include "input/series_read.h"
#include "input/template_read.h"
#include "layout/doc_outline.h"
#include "layout/page_map.h"
#include "pipeline/map_job.h"
#include "stats/checks.h"
#include "stats/plausibility.h"
#include "pipeline/template_compose.h"
#include "render/fonts.h"
#include "render/atomic_file.h"
#include "render/pdf_render.h"
#include "util/diag.h"
#include "util/text.h"

jv_status jv_env_init(jv_env *env, jv_error *err)
{
  memset(env, 0, sizeof(*env));
  jv_status st = jv_paths_home(env->home, sizeof(env->home), err);
  if (st)
    return st;
  snprintf(env->fonts, sizeof(env->fonts), "%s/assets/fonts", env->home);
  snprintf(env->gemeenten, sizeof(env->gemeenten), "%s/assets/gemeenten", env->home);
  snprintf(env->default_data, sizeof(env->default_data), "%s/data/zuid-holland-zuid/2017-2018",
           env->home);
  snprintf(env->default_template, sizeof(env->default_template),
           "%s/templates/zuid-holland-zuid/jaarverslag.md", env->home);
  const char *dic = getenv("JAARVERSLAG_HYPHEN_DIC");
  snprintf(env->hyphen_dic, sizeof(env->hyphen_dic), "%s",
           dic && *dic ? dic : JV_HYPHEN_NL_DEBIAN_PATH);
  return JV_OK;
}

jv_status jv_job_load(const jv_env *env, const char *data_dir, jv_dataset *out, jv_error *err)
{
  return jv_dataset_read_dir(out, data_dir ? data_dir : env->default_data, env->gemeenten, err);
}

jv_status jv_job_load_all(const jv_env *env, const char *data_dir, jv_dataset *out,
                          jv_diags *errors, jv_diags *warnings, jv_error *err)
{
  return jv_dataset_read_dir_all(out, data_dir ? data_dir : env->default_data, env->gemeenten,
                                 errors, warnings, err);
}

void jv_job_default_output(const jv_dataset *ds, char *buf, size_t size)
{
  char slug[256];
  jv_ascii_slug(slug, sizeof(slug), ds->region_name ? ds->region_name : "regio");
  char year[16];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(buf, size, "jaarverslag-%s-%s.pdf", slug, year);
}

static double measure_fonts(void *ctx, jv_font_style style, double size, const char *s)
{
  return jv_fonts_text_width(ctx, style, size, s);
}

jv_measure jv_job_measure(const jv_fonts *fonts)
{
  jv_measure m = {measure_fonts, (void *)fonts};
  return m;
}

jv_status jv_job_write_pdf(const jv_env *env, const jv_doc *doc, jv_page_style *style,
                           const jv_fonts *fonts, const char *running_right, const char *keywords,
                           const char *path, size_t *pages_out, FILE *page_map, jv_error *err)
{
  long long date;
  jv_hyphenator *hyph = NULL;
  jv_pages pages;
  jv_pages_init(&pages, style->width, style->height);
  jv_status st = jv_job_source_date(&date, err);
  if (!st)
    st = jv_hyphenator_new(&hyph, env->hyphen_dic, err);
  if (!st) {
    jv_measure m = jv_job_measure(fonts);
    style->running_title = doc->title;
    style->running_right = running_right;
    style->hyph = hyph;
    st = jv_paginate(doc, style, &m, &pages, err);
  }
  if (!st && page_map) {
    char *text = jv_page_map_text(&pages, doc);
    if (!text)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    else if (fputs(text, page_map) == EOF)
      st = jv_error_set(err, JV_EIO, NULL, 0, 0, "cannot write the page map");
    free(text);
  }
  if (!st) {
    jv_pdf_meta meta = {doc->title, doc->author, doc->subject, keywords, "nl-NL", date, NULL};
    st = jv_pdf_render(&pages, &meta, fonts, path, err);
  }
  if (!st && pages_out)
    *pages_out = pages.n_pages;
  jv_pages_free(&pages);
  jv_hyphenator_free(hyph);
  return st;
}

jv_status jv_job_source_date(long long *out, jv_error *err)
{
  const char *s = getenv("SOURCE_DATE_EPOCH");
  *out = -1;
  if (!s || !*s)
    return JV_OK;
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || v < 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "SOURCE_DATE_EPOCH must be a number of seconds, not '%s'", s);
  *out = v;
  return JV_OK;
}

jv_status jv_job_load_series(const jv_env *env, const char *data_dir, jv_series_set *set,
                             jv_error *err)
{
  char path[4400];
  struct stat st;
  snprintf(path, sizeof(path), "%s/data/nationaal/series.csv", env->home);
  if (stat(path, &st) == 0) {
    jv_status s = jv_series_read(set, path, err);
    if (s)
      return s;
  }
  snprintf(path, sizeof(path), "%s/../reeksen.csv", data_dir);
  if (stat(path, &st) == 0)
    return jv_series_read(set, path, err);
  return JV_OK;
}

/* What the template's ::kaart directives need to build map figures. */
typedef struct {
  const jv_env *env;
  const jv_dataset *ds;
  const jv_fonts *fonts;
  double width;
  jv_diags *warn;
  jv_geo_cache *cache;
  const char *data_dir;
} map_ctx;

static jv_status add_map(void *vctx, jv_doc *doc, const jv_tpl_map *tm, jv_error *err)
{
  map_ctx *mc = vctx;
  jv_buckets b;
  jv_small_numbers small;
  jv_small_numbers_default(&small);
  jv_map_opts o = {.ind = tm->ind,
                   .national = tm->national != 0,
                   .data_region = true,
                   .title = tm->title,
                   .small = &small,
                   .cache = mc->cache,
                   .data_dir = mc->data_dir};
  if (tm->edges) {
    jv_status bs = jv_buckets_parse(&b, tm->edges, err);
    if (bs)
      return JV_EDATA;
    o.buckets = &b;
  }
  /* the directive reader checked the choices and the integer */
  if (tm->wording)
    o.letter_labels = !strcmp(tm->wording, "letter");
  if (tm->small)
    jv_small_numbers_mark(&small, tm->small);
  if (tm->small_below)
    small.min_count = strtoll(tm->small_below, NULL, 10);
  jv_map_prepared *m = NULL;
  jv_status st = jv_map_prepare(&m, mc->env, mc->ds, &o, mc->warn, err);
  if (st)
    return st;
  jv_figure *f = NULL;
  if ((st = jv_map_figure_new(&f, m, mc->fonts, mc->width, err)))
    return st;
  return jv_doc_figure(doc, f) ? jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory")
                               : JV_OK;
}

/* The project's logo and colour (project.csv) come before the template's:
 * they are the office's, whichever template it uses. */
static jv_status project_style(const jv_history *hist, jv_tpl *tpl, jv_error *err)
{
  const jv_project_settings *ps = &hist->project.settings;
  char path[4400];
  snprintf(path, sizeof(path), "%s/project.csv", hist->project.root);
  if (ps->kleur) {
    unsigned v = 0;
    char end;
    if (ps->kleur[0] != '#' || strlen(ps->kleur) != 7 ||
        sscanf(ps->kleur + 1, "%6x%c", &v, &end) != 1)
      return jv_error_set(err, JV_EDATA, path, 0, 0,
                          "kleur '%s': expected a colour as #RRGGBB, such as #0B5F73", ps->kleur);
    tpl->meta.has_kleur = true;
    tpl->meta.kleur = v;
  }
  if (ps->logo) {
    char lp[4400], why[256] = "";
    snprintf(lp, sizeof(lp), "%s/%s", hist->project.root, ps->logo);
    jv_image *img = NULL;
    jv_status st = jv_image_read(lp, &img, why, sizeof(why));
    if (st)
      return jv_error_set(err, st, path, 0, 0, "logo '%s': %s", ps->logo, why);
    jv_image_free(tpl->meta.logo_image);
    tpl->meta.logo_image = img;
    free(tpl->meta.logo);
    tpl->meta.logo = strdup(lp);
  }
  return JV_OK;
}

/* Reads data, series and template, and composes the report's blocks. */
static jv_status compose(const jv_env *env, const jv_report_opts *opts, jv_dataset *ds,
                         jv_series_set *series, jv_tpl *tpl, jv_doc *doc, double width,
                         const jv_fonts *fonts, jv_diags *warn, jv_geo_cache *cache,
                         jv_history *hist, jv_error *err)
{
  const char *data_dir = opts->data_dir ? opts->data_dir : env->default_data;
  jv_status st = jv_job_load_all(env, data_dir, ds, opts->errors, warn, err);
  if (!st) /* the project's earlier years, for comparisons and trends */
    st = jv_history_load(hist, data_dir, ds, env->gemeenten, warn, err);
  if (!st && hist->prev && jv_plausibility_compare(ds, &hist->prev->ds, warn))
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  /* the cross-checks of `check`: a report on inconsistent data still gets
   * written, but not silently */
  if (!st && jv_checks_run(ds, warn))
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (!st && !opts->no_charts)
    st = jv_job_load_series(env, data_dir, series, err);
  /* the project's own template (sjabloon/ beside the year folders) comes
   * before the bundled one */
  char own[4400];
  struct stat sb;
  snprintf(own, sizeof(own), "%s/sjabloon/jaarverslag.md",
           hist->project.root ? hist->project.root : ".");
  const char *tpl_path = opts->template_path                                ? opts->template_path
                         : !st && hist->project.root && stat(own, &sb) == 0 ? own
                                                                            : env->default_template;
  if (!st)
    st = jv_template_read(tpl, tpl_path, err);
  if (!st && hist->project.has_settings)
    st = project_style(hist, tpl, err);
  if (!st) {
    map_ctx mc = {env, ds, fonts, width, warn, cache, data_dir};
    jv_tpl_compose_opts co = {.tpl = tpl,
                              .ds = ds,
                              .series = series,
                              .width = width,
                              .charts = !opts->no_charts,
                              .add_map = add_map,
                              .map_ctx = &mc,
                              .warn = warn,
                              .history = hist};
    st = jv_compose_template(&co, doc, err);
  }
  if (!st) /* the "Correcties" list closes every report that has corrections */
    st = jv_report_corrections(ds, doc, err);
  return st;
}

jv_status jv_job_report(const jv_env *env, jv_report_opts *opts, jv_error *err)
{
  jv_dataset ds;
  jv_doc doc;
  jv_fonts *fonts = NULL;
  jv_page_style style;
  jv_series_set series;
  jv_tpl tpl;
  jv_dataset_init(&ds);
  jv_doc_init(&doc);
  jv_series_set_init(&series);
  jv_tpl_init(&tpl);
  jv_page_style_default(&style);
  jv_diags warn;
  jv_diags_init(&warn);
  jv_geo_cache geo_cache; /* outlives doc: map figures borrow from it */
  jv_geo_cache_init(&geo_cache);
  jv_history hist; /* outlives doc: trend figures borrow its series */
  jv_history_init(&hist);
  long long date;
  jv_status st = jv_job_source_date(&date, err); /* a bad value fails before any work */
  if (!st && opts->output) /* so does an output that is a FIFO, device or directory */
    st = jv_atomic_check_target(opts->output, err);
  if (!st)
    st = jv_fonts_new(&fonts, env->fonts, err);
  if (!st)
    st = compose(env, opts, &ds, &series, &tpl, &doc,
                 style.width - style.margin_left - style.margin_right, fonts, &warn, &geo_cache,
                 &hist, err);
  if (!st && opts->outline_text) {
    char *text = jv_doc_outline_text(&doc);
    if (!text)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    else if (fputs(text, opts->outline_text) == EOF)
      st = jv_error_set(err, JV_EIO, NULL, 0, 0, "cannot write the outline");
    free(text);
    goto out;
  }
  if (!st) {
    char out[4096];
    if (opts->output)
      snprintf(out, sizeof(out), "%s", opts->output);
    else
      jv_job_default_output(&ds, out, sizeof(out));
    style.justify = tpl.meta.uitlijning == JV_TPL_JUSTIFY;
    if (tpl.meta.has_kleur)
      style.accent = jv_rgb_hex(tpl.meta.kleur);
    st = jv_job_write_pdf(env, &doc, &style, fonts, ds.region_name,
                          "leerplicht, verzuim, jaarverslag", out, &opts->pages, opts->page_map,
                          err);
    if (!st)
      snprintf(opts->written, sizeof(opts->written), "%s", out);
  }
out:
  if (opts->warnings && !jv_diags_sort(&warn))
    jv_diags_print_capped(&warn, opts->warnings, "warning", JV_DIAG_MAX);
  jv_diags_free(&warn);
  jv_fonts_free(fonts);
  jv_doc_free(&doc);
  jv_geo_cache_free(&geo_cache);
  jv_history_free(&hist);
  jv_tpl_free(&tpl);
  jv_series_set_free(&series);
  jv_dataset_free(&ds);
  return st;
}
