/* batch_annex.c - the national annex of one school year: like the bijlage
 * of the ministry letter, maps of langdurig relatief verzuim, absoluut
 * verzuim and vrijstelling artikel 5 onder a per 1.000 leerplichtigen, over
 * every municipality the project's regions deliver for that year. One PDF,
 * laid out and rendered like the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/dataset_read.h"
#include "layout/doc.h"
#include "layout/paginate.h"
#include "pipeline/batch_int.h"
#include "model/correction.h"
#include "pipeline/map_job.h"
#include "render/fonts.h"

/* In the order of the letter's bijlage (2014-2015). */
static const jv_indicator ANNEX_MAPS[3] = {JV_IND_LANGDURIG, JV_IND_ABSOLUUT, JV_IND_VRIJ_5A};

#define SYNTHETIC_PREFIX "Synthetische"

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

/* Adds the municipalities of part to all; a municipality in two regions
 * would be counted twice on the map, so that is an error. done[0..n_done)
 * are the regions merged before, to name the other one. */
static jv_status merge(jv_dataset *all, const jv_dataset *part, const char *part_dir,
                       const jv_dataset *done, size_t n_done, jv_error *err)
{
  if (all->boundary_year && part->boundary_year != all->boundary_year)
    return jv_error_set(err, JV_EDATA, part_dir, 0, 0,
                        "uses the CBS indeling %d, other regions of this school year %d: one "
                        "national map needs one indeling",
                        part->boundary_year, all->boundary_year);
  all->boundary_year = part->boundary_year;
  for (int i = 0; i < JV_IND_COUNT; i++)
    all->has_indicator[i] = all->has_indicator[i] || part->has_indicator[i];
  for (size_t k = 0; k < part->n_munis; k++) {
    const jv_municipality *m = &part->munis[k];
    if (jv_dataset_find_code(all, m->code) >= 0) {
      const char *other = "another region";
      for (size_t r = 0; r < n_done; r++)
        if (jv_dataset_find_code(&done[r], m->code) >= 0)
          other = done[r].region_name;
      return jv_error_set(err, JV_EDATA, part_dir, 0, 0,
                          "%s (%s) is also in the data of %s: each municipality belongs to "
                          "one region",
                          m->code, m->name, other);
    }
    size_t at;
    if (jv_dataset_add(all, m->code, m->name, &at) != JV_OK)
      return oom(err);
    memcpy(all->munis[at].values, m->values, sizeof(m->values));
    for (int i = 0; i < JV_IND_COUNT; i++) { /* all keeps its own file names */
      all->munis[at].where[i] = m->where[i];
      if (m->where[i].file &&
          !(all->munis[at].where[i].file = jv_dataset_file(all, m->where[i].file)))
        return oom(err);
    }
  }
  return JV_OK;
}

/* Every region's data of the year, corrections applied, as one dataset.
 * regions receives the datasets (owned by the caller) so that names stay
 * valid; *synthetic tells whether every region is labelled synthetic. */
static jv_status load_all(const jv_env *env, const jv_batch_plan *p, jv_schoolyear year,
                          jv_dataset *all, jv_dataset *regions, size_t *n_regions, bool *synthetic,
                          jv_error *err)
{
  jv_status st = JV_OK;
  *n_regions = 0;
  *synthetic = true;
  for (size_t u = 0; u < p->project.n && st == JV_OK; u++) {
    const jv_project_unit *unit = &p->project.units[u];
    if (unit->year.start != year.start)
      continue;
    jv_dataset *ds = &regions[(*n_regions)++];
    st = jv_dataset_read_dir(ds, unit->dir, env->gemeenten, err);
    if (st != JV_OK)
      break;
    if (ds->year.start != year.start) {
      char have[16];
      jv_schoolyear_format(ds->year, have, sizeof(have));
      st = jv_error_set(err, JV_EDATA, unit->dir, 0, 0,
                        "the data (regio.csv, or a workbook's sheet regio) gives school year %s, "
                        "the directory is named %s",
                        have, unit->year_name);
      break;
    }
    if (strncmp(ds->region_name, SYNTHETIC_PREFIX, strlen(SYNTHETIC_PREFIX)) != 0)
      *synthetic = false;
    st = merge(all, ds, unit->dir, regions, *n_regions - 1, err);
  }
  return st;
}

static jv_status compose(const jv_env *env, const jv_batch_plan *p, const jv_dataset *all,
                         const jv_dataset *regions, size_t n_regions, bool synthetic,
                         const jv_fonts *fonts, double width, jv_doc *doc, jv_error *err)
{
  size_t n_corrections = 0;
  for (size_t i = 0; i < n_regions; i++)
    n_corrections += regions[i].corrections ? regions[i].corrections->n : 0;
  char year[16], title[256], text[768];
  jv_schoolyear_format(all->year, year, sizeof(year));
  snprintf(title, sizeof(title), "Bijlage: verzuim per gemeente, schooljaar %s", year);
  if (jv_doc_set_meta(doc, title, "Kaarten per gemeente bij de verzuimcijfers",
                      "jaarverslag batch") ||
      jv_doc_heading(doc, 1, title))
    return oom(err);
  snprintf(text, sizeof(text),
           "De kaarten tonen per gemeente het aantal langdurig relatief verzuimers, absoluut "
           "verzuimers en vrijstellingen op grond van artikel 5 onder a, per 1.000 "
           "leerplichtigen van 5 tot en met 17 jaar. Ze zijn gemaakt uit de cijfers van %zu "
           "%s (%zu gemeenten)%s. Enkel op "
           "basis van de kaarten kan niet geconcludeerd worden of een gemeente het goed of "
           "slecht doet: bij kleine gemeenten geeft een enkele leerling al een andere kleur.",
           n_regions, n_regions == 1 ? "regio" : "regio's", all->n_munis,
           n_corrections ? ", met de correcties die gemeenten hebben nagestuurd" : "");
  if (jv_doc_paragraph(doc, text, JV_FONT_REGULAR))
    return oom(err);
  if (synthetic &&
      jv_doc_paragraph(doc,
                       "Let op: dit zijn synthetische cijfers, gemaakt om het programma te "
                       "testen (scripts/synthetic_project.py). Ze beschrijven geen echte "
                       "gemeente.",
                       JV_FONT_BOLD))
    return oom(err);
  for (size_t i = 0; i < 3; i++) {
    if (!all->has_indicator[ANNEX_MAPS[i]])
      continue;
    jv_map_opts mo = {.ind = ANNEX_MAPS[i], .national = true, .buckets = &p->buckets};
    jv_map_prepared *m = NULL;
    jv_diags warn;
    jv_diags_init(&warn);
    jv_status st = jv_map_prepare(&m, env, all, &mo, &warn, err);
    /* uncovered municipalities show as geen gegevens; the map says how many */
    jv_diags_free(&warn);
    jv_figure *fig = NULL;
    if (st == JV_OK)
      st = jv_map_figure_new(&fig, m, fonts, width, err);
    if (st == JV_OK && (jv_doc_pagebreak(doc) || jv_doc_figure(doc, fig)))
      st = oom(err);
    if (st != JV_OK)
      return st;
  }
  return JV_OK;
}

jv_status jv_batch__annex(const jv_env *env, const jv_batch_plan *p, const jv_batch_output *out,
                          jv_error *err)
{
  size_t n_units = p->project.n;
  jv_dataset all, *regions = calloc(n_units + 1, sizeof(*regions));
  if (!regions)
    return oom(err);
  jv_dataset_init(&all);
  all.year = out->year;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_page_style style;
  jv_page_style_default(&style);
  jv_fonts *fonts = NULL;
  size_t n_regions = 0;
  bool synthetic = false;
  long long date;
  char year[16], name[96];
  jv_schoolyear_format(out->year, year, sizeof(year));
  jv_status st = jv_job_source_date(&date, err); /* a bad value fails before any work */
  if (st == JV_OK)
    st = load_all(env, p, out->year, &all, regions, &n_regions, &synthetic, err);
  if (st == JV_OK) {
    snprintf(name, sizeof(name), "%zu %s%s", n_regions, n_regions == 1 ? "regio" : "regio's",
             synthetic ? " (synthetische gegevens)" : "");
    if (!(all.region_name = strdup(name)))
      st = oom(err);
  }
  if (st == JV_OK)
    st = jv_fonts_new(&fonts, env->fonts, err);
  if (st == JV_OK)
    st = compose(env, p, &all, regions, n_regions, synthetic, fonts,
                 style.width - style.margin_left - style.margin_right, &doc, err);
  if (st == JV_OK) {
    char right[64];
    snprintf(right, sizeof(right), "Bijlage %s", year);
    st = jv_job_write_pdf(env, &doc, &style, fonts, right, "leerplicht, verzuim, kaarten",
                          out->path, NULL, NULL, err);
  }
  jv_doc_free(&doc); /* the maps point into all: free them first */
  jv_fonts_free(fonts);
  jv_dataset_free(&all);
  for (size_t i = 0; i < n_regions; i++)
    jv_dataset_free(&regions[i]);
  free(regions);
  return st;
}
