/* job.c - running the report pipeline. */
#include "pipeline/job.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/dataset_read.h"
#include "input/paths.h"
#include "layout/doc.h"
#include "layout/hyphen.h"
#include "layout/paginate.h"
#include "input/series_read.h"
#include "pipeline/compose.h"
#include "render/fonts.h"
#include "render/pdf_render.h"

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
  const char *dic = getenv("JAARVERSLAG_HYPHEN_DIC");
  snprintf(env->hyphen_dic, sizeof(env->hyphen_dic), "%s",
           dic && *dic ? dic : JV_HYPHEN_NL_DEBIAN_PATH);
  return JV_OK;
}

jv_status jv_job_load(const jv_env *env, const char *data_dir, jv_dataset *out, jv_error *err)
{
  return jv_dataset_read_dir(out, data_dir ? data_dir : env->default_data, env->gemeenten, err);
}

void jv_job_default_output(const jv_dataset *ds, char *buf, size_t size)
{
  char slug[256];
  size_t o = 0;
  int dash = 0;
  for (const char *p = ds->region_name ? ds->region_name : "regio"; *p && o + 2 < sizeof(slug);
       p++) {
    unsigned char ch = (unsigned char)*p;
    if (isalnum(ch) && ch < 0x80) {
      slug[o++] = (char)tolower(ch);
      dash = 0;
    } else if (!dash && o > 0) {
      slug[o++] = '-';
      dash = 1;
    }
  }
  while (o > 0 && slug[o - 1] == '-')
    o--;
  slug[o] = '\0';
  char year[16];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(buf, size, "jaarverslag-%s-%s.pdf", slug, year);
}

static double measure_fonts(void *ctx, jv_font_style style, double size, const char *s)
{
  return jv_fonts_text_width(ctx, style, size, s);
}

/* SOURCE_DATE_EPOCH fixes the document dates; without it none are written,
 * so output is reproducible either way. */
static jv_status source_date(long long *out, jv_error *err)
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

/* The series the report's charts draw on: the national series bundled with
 * the program and, when present, the region's own reeksen.csv beside its
 * year directories. A missing file is no error; a malformed one is. */
static jv_status load_series(const jv_env *env, const char *data_dir, jv_series_set *set,
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

jv_status jv_job_report(const jv_env *env, const jv_report_opts *opts, jv_error *err)
{
  jv_dataset ds;
  jv_doc doc;
  jv_pages pages;
  jv_fonts *fonts = NULL;
  jv_hyphenator *hyph = NULL;
  jv_page_style style;
  jv_dataset_init(&ds);
  jv_doc_init(&doc);
  jv_page_style_default(&style);
  jv_pages_init(&pages, style.width, style.height);
  jv_series_set series;
  jv_series_set_init(&series);
  const char *data_dir = opts->data_dir ? opts->data_dir : env->default_data;
  long long date;
  jv_status st = source_date(&date, err);
  if (!st)
    st = jv_job_load(env, data_dir, &ds, err);
  if (!st && !opts->no_charts)
    st = load_series(env, data_dir, &series, err);
  if (!st) {
    jv_compose_opts co = {.ds = &ds,
                          .series = &series,
                          .width = style.width - style.margin_left - style.margin_right,
                          .charts = !opts->no_charts};
    st = jv_compose_report(&co, &doc, err);
  }
  if (!st)
    st = jv_fonts_new(&fonts, env->fonts, err);
  if (!st)
    st = jv_hyphenator_new(&hyph, env->hyphen_dic, err);
  if (!st) {
    jv_measure m = {measure_fonts, fonts};
    char right[300];
    snprintf(right, sizeof(right), "%s", ds.region_name);
    style.running_title = doc.title;
    style.running_right = right;
    style.hyph = hyph;
    st = jv_paginate(&doc, &style, &m, &pages, err);
  }
  if (!st) {
    char out[4096];
    if (opts->output)
      snprintf(out, sizeof(out), "%s", opts->output);
    else
      jv_job_default_output(&ds, out, sizeof(out));
    jv_pdf_meta meta = {doc.title, doc.author, doc.subject,
                        "leerplicht, verzuim, jaarverslag", date};
    st = jv_pdf_render(&pages, &meta, fonts, out, err);
  }
  jv_pages_free(&pages);
  jv_hyphenator_free(hyph);
  jv_fonts_free(fonts);
  jv_doc_free(&doc);
  jv_series_set_free(&series);
  jv_dataset_free(&ds);
  return st;
}
