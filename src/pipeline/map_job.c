/* map_job.c - preparing a map: boundaries for the school year, matching,
 * region focus, classification, titles. */
#include "pipeline/map_job.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/geo_read.h"
#include "input/region_read.h"
#include "pipeline/map_job_int.h"
#include "stats/match.h"
#include "stats/rates.h"

void jv_map_prepared_free(jv_map_prepared *m)
{
  if (!m)
    return;
  jv_map_data_free(&m->data);
  jv_map_topology_free(&m->topology);
  jv_match_free(&m->match);
  jv_geo_free(&m->own_geo);
  free(m->title);
  free(m->subtitle);
  free(m->source);
  if (m->recomputed)
    jv_recomputed_free(m->recomputed);
  free(m->recomputed);
  free(m);
}

static jv_status check_indicator(const jv_dataset *ds, jv_indicator ind, jv_error *err)
{
  char year[16];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  if (strcmp(jv_indicator_group(ind), "leerplichtigen") == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%s is the denominator of every map; choose a count such as "
                        "vrijstelling_5a or absoluut_verzuim",
                        jv_indicator_name(ind));
  if (!ds->has_indicator[ind])
    return jv_error_set(err, JV_EDATA, NULL, 0, 0,
                        "the data of %s %s has no column %s (see 'jaarverslag indicators')",
                        ds->region_name ? ds->region_name : "?", year, jv_indicator_name(ind));
  if (!ds->has_indicator[jv_rate_base(ind, JV_UNIT_PER_1000)])
    return jv_error_set(err, JV_EDATA, NULL, 0, 0,
                        "the data of %s %s has no column leerplichtigen_5_17, so no rate per "
                        "1.000 can be computed",
                        ds->region_name ? ds->region_name : "?", year);
  return JV_OK;
}

static jv_status load_geometry(jv_map_prepared *m, const jv_dataset *ds, const jv_map_opts *o,
                               jv_diags *warn, jv_error *err)
{
  jv_geo_init(&m->own_geo);
  m->geo = &m->own_geo;
  if (o->geometry) {
    m->bundled = false;
    return jv_geo_read_file(m->geo, o->geometry, warn, err);
  }
  m->bundled = true;
  int year = o->boundary_year;
  if (year == 0) {
    int years[64];
    size_t n;
    jv_status st = jv_geo_bundled_years(years, 64, &n, err);
    if (st != JV_OK)
      return st;
    year = jv_geo_pick_year(ds->year, years, n);
    if (year < 0) {
      char sy[16];
      jv_schoolyear_format(ds->year, sy, sizeof(sy));
      return jv_error_set(err, JV_ENOINPUT, NULL, 0, 0,
                          "no bundled boundaries for school year %s or earlier (have %d-%d); use "
                          "--boundary-year or --geometry",
                          sy, n ? years[0] : 0, n ? years[n - 1] : 0);
    }
  }
  jv_geo_cache *cache = o->cache;
  for (size_t i = 0; cache && i < cache->n; i++)
    if (cache->year[i] == year) {
      m->geo = cache->geo[i];
      return JV_OK;
    }
  jv_status st = jv_geo_read_bundled(m->geo, year, warn, err);
  if (st == JV_OK && cache && cache->n < JV_GEO_CACHE_MAX) {
    jv_geo *g = malloc(sizeof(*g));
    if (g) { /* the cache takes the boundaries over; m borrows them */
      *g = m->own_geo;
      jv_geo_init(&m->own_geo);
      cache->year[cache->n] = year;
      cache->geo[cache->n++] = g;
      m->geo = g;
    }
  }
  if (st == JV_OK && ds->boundary_year && m->geo->year && ds->boundary_year > m->geo->year &&
      warn) /* an older indeling is recomputed (jv_map__recompute); a later one cannot be */
    jv_diags_add(warn, NULL, 0, 0,
                 "the data uses the CBS indeling %d, the map the boundaries of %d; "
                 "municipalities are matched by code, then by name",
                 ds->boundary_year, m->geo->year);
  return st;
}

/* Marks the focus shapes; sets m->regional and m->region. */
static jv_status choose_focus(jv_map_prepared *m, const jv_env *env, const jv_dataset *ds,
                              const jv_map_opts *o, bool *focus, jv_diags *warn, jv_error *err)
{
  const char *want = o->region ? o->region : ds->region_name;
  m->regional = false;
  if (o->national || !want)
    return JV_OK;
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/assets/geo/regios.csv", env->home);
  if (o->data_dir) { /* a project's own list of its municipalities comes first */
    char own[PATH_MAX];
    struct stat sb;
    if (snprintf(own, sizeof(own), "%s/../gemeenten.csv", o->data_dir) < (int)sizeof(own) &&
        stat(own, &sb) == 0)
      snprintf(path, sizeof(path), "%s", own);
  }
  jv_regions regs;
  jv_error rerr;
  jv_status st = jv_regions_read(&regs, path, &rerr);
  if (st == JV_ENOINPUT) {
    memset(&regs, 0, sizeof(regs)); /* no definitions bundled: only the data's region */
  } else if (st != JV_OK) {
    *err = rerr;
    return st;
  }
  size_t members = 0;
  for (size_t i = 0; i < regs.n; i++) {
    const jv_region_member *r = &regs.items[i];
    if (r->indeling != m->geo->year || !jv_match_same_name(r->regio, want))
      continue;
    members++;
    snprintf(m->region, sizeof(m->region), "%s", r->regio);
    long s = jv_geo_find_code(m->geo, r->code);
    if (s >= 0)
      focus[s] = true;
    else if (warn)
      jv_diags_add(warn, regs.file, r->line, 3, "%s %s: not in the boundaries of %d", r->code,
                   r->gemeente, m->geo->year);
  }
  jv_regions_free(&regs);
  if (members > 0) {
    m->regional = true;
    return JV_OK;
  }
  if (!o->region && !o->data_region)
    return JV_OK; /* the data's region is not a mapped area (G4 en G32): national */
  if (!o->region || (ds->region_name && jv_match_same_name(o->region, ds->region_name))) {
    /* no definition: the region is what the data covers */
    for (size_t r = 0; r < m->match.n_rows; r++)
      if (m->match.shape_of_row[r] >= 0)
        focus[m->match.shape_of_row[r]] = true;
    snprintf(m->region, sizeof(m->region), "%s", ds->region_name);
    m->regional = true;
    return JV_OK;
  }
  return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "unknown region '%s' for the boundaries of %d: neither in "
                      "assets/geo/regios.csv nor the region of the data ('%s'); or use "
                      "--national",
                      o->region, m->geo->year, ds->region_name ? ds->region_name : "");
}

/* Rows that are in the data but have no rate (n.b., nvt, no leerplichtigen)
 * are drawn as geen gegevens; say which, or the reader sees only grey. */
static void warn_no_rate(const jv_map_prepared *m, jv_diags *warn)
{
  char names[512] = "";
  size_t n = 0, len = 0;
  for (size_t s = 0; s < m->data.n; s++) {
    const jv_map_item *it = &m->data.items[s];
    if (!it->focus || it->row < 0 || it->rate.kind == JV_VAL_COUNT ||
        it->rate.kind == JV_VAL_NONRESPONSE)
      continue;
    if (n < 8 && len < sizeof(names))
      len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s", n ? ", " : "",
                              m->geo->shapes[s].name);
    n++;
  }
  if (n > 0)
    jv_diags_add(warn, NULL, 0, 0,
                 "%zu municipalities have no rate for %s (n.b., nvt or no leerplichtigen): %s%s; "
                 "drawn as geen gegevens",
                 n, jv_indicator_name(m->ind), names, n > 8 ? ", ..." : "");
}

jv_status jv_map_buckets_parse(jv_buckets *out, const char *text, jv_error *err)
{
  return jv_buckets_parse(out, text, err);
}

int jv_map_wording_parse(const char *text, bool *letter)
{
  jv_buckets b;
  jv_buckets_default(&b);
  if (jv_buckets_wording(&b, text) != 0)
    return -1;
  *letter = b.letter;
  return 0;
}

void jv_map_small_default(jv_small_numbers *out)
{
  jv_small_numbers_default(out);
}

int jv_map_small_mark_parse(jv_small_numbers *o, const char *text)
{
  return jv_small_numbers_mark(o, text);
}

jv_status jv_map_prepare(jv_map_prepared **out, const jv_env *env, const jv_dataset *ds,
                         const jv_map_opts *o, jv_diags *warn, jv_error *err)
{
  *out = NULL;
  jv_status st = check_indicator(ds, o->ind, err);
  if (st != JV_OK)
    return st;
  jv_map_prepared *m = calloc(1, sizeof(*m));
  if (!m)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  m->ds = ds;
  m->ind = o->ind;
  jv_buckets def;
  jv_buckets_default(&def);
  jv_buckets b_used = o->buckets ? *o->buckets : def;
  b_used.letter = o->letter_labels || b_used.letter;
  const jv_buckets *b = &b_used;
  bool *focus = NULL;
  st = load_geometry(m, ds, o, warn, err);
  if (st == JV_OK) /* older data on later boundaries: summed onto them */
    st = jv_map__recompute(m, env, warn, err);
  int from_indeling = ds->boundary_year;
  ds = m->ds;
  if (st == JV_OK)
    st = jv_map_topology_build(&m->topology, m->geo, JV_MAP_TOPOLOGY_QUANTUM, err);
  if (st == JV_OK)
    st = jv_match_build(&m->match, m->geo, ds, warn, err);
  if (st == JV_OK) {
    focus = calloc(m->geo->n_shapes + 1, sizeof(*focus));
    if (!focus)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  if (st == JV_OK)
    st = choose_focus(m, env, ds, o, focus, warn, err);
  if (st == JV_OK)
    st = jv_map_data_build(&m->data, m->geo, ds, &m->match, o->ind,
                           jv_rate_base(o->ind, JV_UNIT_PER_1000), b, m->regional ? focus : NULL,
                           m->regional ? warn : NULL, err);
  free(focus);
  if (st == JV_OK)
    jv_map_data_flag(&m->data, o->small);
  if (st == JV_OK && !m->regional && warn) {
    size_t none = 0;
    for (size_t s = 0; s < m->data.n; s++)
      none += m->data.items[s].row < 0;
    /* a GeoJSON file carries no boundary year: name the file instead */
    if (none > 0 && m->geo->year > 0)
      jv_diags_add(warn, NULL, 0, 0,
                   "%zu of %zu municipalities of %d are not in the data; drawn as geen gegevens",
                   none, m->data.n_focus, m->geo->year);
    else if (none > 0)
      jv_diags_add(warn, m->geo->source, 0, 0,
                   "%zu of %zu municipalities in these boundaries are not in the data; drawn as "
                   "geen gegevens",
                   none, m->data.n_focus);
  }
  if (st == JV_OK && warn)
    warn_no_rate(m, warn);
  if (st == JV_OK)
    st = jv_map__texts(m, o, err);
  if (st == JV_OK)
    st = jv_map__recompute_note(m, from_indeling, err);
  if (st != JV_OK) {
    jv_map_prepared_free(m);
    return st;
  }
  *out = m;
  return JV_OK;
}

const char *jv_map_prepared_title(const jv_map_prepared *m)
{
  return m->title;
}

static void layout_in(const jv_map_prepared *m, const jv_measure *me, bool with_title,
                      jv_map_layout_in *in)
{
  jv_map_scene_in(in, m->geo, &m->data, me);
  in->topology = &m->topology;
  in->regional = m->regional;
  in->labels = m->regional;
  in->title = with_title ? m->title : NULL;
  in->subtitle = with_title ? m->subtitle : NULL;
  in->source = m->source;
}

static jv_status lay_out(const jv_map_prepared *m, const jv_measure *me, bool with_title, double x,
                         double y, double w, double h, jv_scene *out,
                         void (*on_anchor)(void *ctx, size_t shape, double x, double y), void *ctx,
                         jv_error *err)
{
  jv_map_layout_in in;
  layout_in(m, me, with_title, &in);
  jv_map_layout l;
  jv_status st = jv_map_layout_compute(&l, &in, x, y, w, h, err);
  if (st != JV_OK)
    return st;
  st = jv_map_scene(out, &l, &in, err);
  for (size_t s = 0; st == JV_OK && on_anchor && s < m->geo->n_shapes; s++) {
    if (!m->data.items[s].focus)
      continue;
    double ax, ay;
    jv_map_layout_anchor(&l, m->geo, s, &ax, &ay);
    on_anchor(ctx, s, ax, ay);
  }
  jv_map_layout_free(&l);
  return st;
}

jv_status jv_map_prepared_lay_out(const jv_map_prepared *m, const jv_measure *me, double x,
                                  double y, double w, double h, jv_scene *out,
                                  void (*on_anchor)(void *ctx, size_t shape, double x, double y),
                                  void *ctx, jv_error *err)
{
  return lay_out(m, me, true, x, y, w, h, out, on_anchor, ctx, err);
}

double jv_map_prepared_height(const jv_map_prepared *m, const jv_measure *me, double w)
{
  jv_map_layout_in in;
  layout_in(m, me, true, &in);
  return jv_map_layout_natural_height(&in, w);
}

static jv_status figure_lay_out(void *ctx, const jv_measure *me, double w, double h, jv_scene *out,
                                jv_error *err)
{
  return lay_out(ctx, me, false, 0, 0, w, h, out, NULL, NULL, err);
}

static void figure_free_ctx(void *ctx)
{
  jv_map_prepared_free(ctx);
}

jv_status jv_map_figure_new(jv_figure **out, jv_map_prepared *m, const jv_fonts *fonts, double w,
                            jv_error *err)
{
  *out = NULL;
  jv_figure *f = calloc(1, sizeof(*f));
  if (!f) {
    jv_map_prepared_free(m);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  jv_measure me = jv_job_measure(fonts);
  jv_map_layout_in in;
  layout_in(m, &me, false, &in);
  f->width = w;
  f->height = jv_map_layout_natural_height(&in, w);
  f->lay_out = figure_lay_out;
  f->ctx = m;
  f->free_ctx = figure_free_ctx;
  f->caption = strdup(m->title);
  f->alt = jv_map_prepared_alt(m);
  if (!f->caption || !f->alt) {
    jv_figure_free(f);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  *out = f;
  return JV_OK;
}

void jv_geo_cache_init(jv_geo_cache *c)
{
  memset(c, 0, sizeof(*c));
}

void jv_geo_cache_free(jv_geo_cache *c)
{
  for (size_t i = 0; i < c->n; i++) {
    jv_geo_free(c->geo[i]);
    free(c->geo[i]);
  }
  memset(c, 0, sizeof(*c));
}
