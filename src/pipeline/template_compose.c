/* template_compose.c - template nodes to layout blocks. */
#include "pipeline/template_compose.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "layout/chart_layout.h"
#include "layout/report.h"
#include "layout/report_compare.h"
#include "model/placeholder.h"
#include "pipeline/chart_figures.h"
#include "pipeline/template_compose_int.h"
#include "stats/format.h"
#include "util/strbuf.h"
#include "stats/rates.h"

jv_status jv_compose__oom(composer *c)
{
  return jv_error_set(c->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

/* An error at a template node (and the column of key, when given). */
jv_status jv_compose__at(composer *c, const jv_tpl_node *n, const char *key, const char *fmt, ...)
{
  const jv_tpl_arg *arg = key ? jv_tpl_arg_find(n, key) : NULL;
  char msg[sizeof(c->err->msg)];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  return jv_error_set(c->err, JV_EDATA, n->file, n->line, arg ? arg->column : 0, "%s", msg);
}

/* Text with the placeholders ({regio}, {schooljaar}, {organisatie},
 * {vorig_schooljaar}; model/placeholder.h) filled in from the data and the
 * project, so one template serves every region and year. Unknown names were
 * refused when the template was read; other braces stay text. Returns a
 * malloc'd string or NULL when out of memory. */
char *jv_compose__fill(const composer *c, const char *in)
{
  const jv_history *h = c->o->history;
  char prev[16];
  if (h && h->prev)
    jv_schoolyear_format(h->prev->ds.year, prev, sizeof(prev));
  else
    jv_schoolyear_format((jv_schoolyear){c->o->ds->year.start - 1}, prev, sizeof(prev));
  const char *org = h && h->project.settings.organisatie ? h->project.settings.organisatie : "LVS";
  const char *value[JV_PH_COUNT] = {c->o->ds->region_name ? c->o->ds->region_name : "", c->year,
                                    org, prev};
  jv_strbuf b = {0};
  const char *p = in;
  size_t len;
  int which;
  for (const char *q = jv_placeholder_next(p, &len, &which); q;
       q = jv_placeholder_next(p, &len, &which)) {
    jv_strbuf_addf(&b, "%.*s%.*s", (int)(q - p), p, which < 0 ? (int)len : 0, q);
    if (which >= 0)
      jv_strbuf_addf(&b, "%s", value[which]);
    p = q + len;
  }
  jv_strbuf_addf(&b, "%s", p);
  return jv_strbuf_detach(&b);
}

/* Adds a node's runs: as a new paragraph (start != 0) or to the block just
 * added (a list item or quote). */
static jv_status add_runs(composer *c, const jv_tpl_node *n, int start)
{
  for (size_t i = 0; i < n->n_runs; i++) {
    jv_font_style st = (jv_font_style)n->runs[i].style;
    char *text = jv_compose__fill(c, n->runs[i].text);
    if (!text)
      return jv_compose__oom(c);
    jv_status s =
        (i == 0 && start) ? jv_doc_paragraph(c->doc, text, st) : jv_doc_run(c->doc, text, st);
    free(text);
    if (s)
      return jv_compose__oom(c);
  }
  return JV_OK;
}

static jv_status runs_into(composer *c, const jv_tpl_node *n, int append)
{
  return add_runs(c, n, !append);
}

static jv_status runs_after(composer *c, const jv_tpl_node *n)
{
  return add_runs(c, n, 0);
}

/* A block left out because its data is missing this year: not an error
 * (the template is right, the year lacks the figures); jv_compose_template
 * turns it into JV_OK after the located warning. */

jv_status jv_compose__skip(composer *c, const jv_tpl_node *n, const char *why, const char *what)
{
  if (c->o->warn && jv_diags_add(c->o->warn, n->file, n->line, 0, "::%s left out: %s%s",
                                 jv_tpl_directive_name(n->directive), why, what))
    return jv_compose__oom(c);
  return SKIPPED;
}

/* Every indicator a directive needs must be in the data, or it is left out. */
static jv_status require_data(composer *c, const jv_tpl_node *n, const jv_indicator *ind, size_t k)
{
  for (size_t i = 0; i < k; i++)
    if (!c->o->ds->has_indicator[ind[i]])
      return jv_compose__skip(c, n, "the data of this year has no ", jv_indicator_name(ind[i]));
  return JV_OK;
}

/* A table's columns and, for rates, each column's denominator. */
static jv_status require_columns(composer *c, const jv_tpl_node *n, const jv_indicator *ind,
                                 size_t k, jv_unit unit)
{
  jv_status st = require_data(c, n, ind, k);
  for (size_t i = 0; !st && i < k; i++) {
    jv_indicator den = jv_rate_base(ind[i], unit);
    st = require_data(c, n, &den, 1);
  }
  return st;
}

static jv_status add_table(composer *c, jv_status st, jv_table *t)
{
  if (st)
    return st;
  return jv_doc_table(c->doc, t) ? jv_compose__oom(c) : JV_OK;
}

/* A per-1,000 table, compared with the year before when the project has it. */
static jv_status rate_table(composer *c, const jv_tpl_node *n, const jv_table_kind *k,
                            const char *title)
{
  static const jv_indicator shown[3] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17};
  jv_indicator ri = k->ind[0];
  jv_status st;
  if ((st = require_data(c, n, shown, 3)) || (st = require_columns(c, n, &ri, 1, k->unit)))
    return st;
  const jv_dataset *ds = c->o->ds;
  jv_table *t = NULL;
  jv_history *hist = c->o->history;
  const jv_recomputed *prev = hist ? hist->prev : NULL;
  jv_indicator den = jv_rate_base(ri, k->unit);
  if (!prev || !prev->ds.has_indicator[ri] || !prev->ds.has_indicator[den]) {
    st = jv_report_kind_table(ds, title, k, &t, c->err);
    return add_table(c, st, t);
  }
  /* the table carries the comparison's footnotes, on the page of its last rows */
  st = jv_report_rate_table_compared(ds, prev, title, ri, k->header[0], k->header[1], &t, c->err);
  return add_table(c, st, t);
}

/* soort=overzicht: the template's own columns, unit and decimals. */
static jv_status overview_table(composer *c, const jv_tpl_node *n, const char *title)
{
  jv_indicator list[15];
  int decimals[15];
  const int *dec = NULL;
  const char *p = jv_tpl_value(n, "indicatoren");
  char name[64];
  size_t k = 0;
  while (p && k < 15 && jv_tpl_list_next(&p, name, sizeof(name)) == 0)
    if (jv_indicator_from_name(name, &list[k]) == 0)
      k++;
  const char *d = jv_tpl_value(n, "decimalen");
  if (d) {
    size_t nd = 0;
    char num[16];
    while (nd < 15 && jv_tpl_list_next(&d, num, sizeof(num)) == 0) {
      char *endp;
      long v = strtol(num, &endp, 10);
      if (*endp || v < 0 || v > 4)
        return jv_compose__at(c, n, "decimalen",
                              "decimalen: '%s' is not a number of decimals (0 to 4)", num);
      decimals[nd++] = (int)v;
    }
    if (nd != k)
      return jv_compose__at(c, n, "decimalen",
                            "decimalen: give one number per column of indicatoren");
    dec = decimals;
  }
  jv_unit unit = JV_UNIT_COUNT;
  const char *e = jv_tpl_value(n, "eenheid");
  if (e && jv_unit_from_name(e, &unit))
    return jv_compose__at(c, n, "eenheid", "eenheid: unknown unit '%s'", e);
  jv_status st = require_columns(c, n, list, k, unit);
  if (st)
    return st;
  jv_table *t = NULL;
  st = jv_report_overview_table(c->o->ds, title, list, NULL, dec, k, unit, &t, c->err);
  return add_table(c, st, t);
}

static jv_status table(composer *c, const jv_tpl_node *n)
{
  const char *name = jv_tpl_value(n, "soort");
  const jv_table_kind *k = jv_table_kind_find(name);
  if (!k)
    return jv_compose__at(c, n, "soort", "unknown table kind '%s'", name ? name : "");
  const char *own = jv_tpl_value(n, "titel");
  char *what = jv_compose__fill(c, own ? own : k->title); /* placeholders in titles too */
  if (!what)
    return jv_compose__oom(c);
  char title[300];
  snprintf(title, sizeof(title), "Tabel %d. %s, %s", ++c->table_no, what, c->year);
  free(what);
  if (k->form == JV_TABLE_RATE)
    return rate_table(c, n, k, title);
  if (k->form == JV_TABLE_OVERVIEW)
    return overview_table(c, n, title);
  jv_status st = require_columns(c, n, k->ind, k->n, k->unit);
  if (st)
    return st;
  jv_table *t = NULL;
  st = jv_report_kind_table(c->o->ds, title, k, &t, c->err);
  return add_table(c, st, t);
}

static jv_status add_figure(composer *c, const jv_tpl_node *n, jv_status st, jv_figure *f)
{
  if (st) {
    /* the chart's own reason, placed at the directive */
    char why[sizeof(c->err->msg)];
    snprintf(why, sizeof(why), "%s", c->err->msg);
    return jv_compose__at(c, n, NULL, "::%s: %s", jv_tpl_directive_name(n->directive), why);
  }
  const char *title = jv_tpl_value(n, "titel");
  if (title) {
    char *filled = jv_compose__fill(c, title);
    if (!filled) {
      jv_figure_free(f);
      return jv_compose__oom(c);
    }
    jv_figure_chart_title(f, filled);
    free(filled);
  }
  return jv_doc_figure(c->doc, f) ? jv_compose__oom(c) : JV_OK;
}

static jv_status chart(composer *c, const jv_tpl_node *n)
{
  const char *kind = jv_tpl_value(n, "soort");
  const jv_dataset *ds = c->o->ds;
  double w = c->o->width;
  jv_figure *f = NULL;
  jv_status st;
  jv_indicator ind;
  if (!strcmp(kind, "trend") && jv_tpl_value(n, "indicator")) {
    /* the region's own figures, one per school year of the project */
    if (jv_indicator_from_name(jv_tpl_value(n, "indicator"), &ind))
      return jv_compose__at(c, n, "indicator", "::grafiek: unknown indicator");
    const char *e = jv_tpl_value(n, "eenheid");
    bool per_1000 = !e || !strcmp(e, "per_1000");
    jv_history *h = c->o->history;
    const jv_series *s = NULL;
    if (!h || h->n_years < 2)
      return jv_compose__skip(c, n, "a trend needs two or more school years in the project folder",
                              "");
    if ((st = jv_history_trend(h, ind, per_1000, &s, c->err)))
      return st;
    if (!jv_series_last(s, &(jv_schoolyear){0})) { /* no year has a figure: nothing to chart */
      char what[160];
      jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
      snprintf(what, sizeof(what), "'%s'%s%s%s (expected in the data of at least one year)",
               jv_indicator_name(ind), per_1000 ? " with '" : "",
               per_1000 ? jv_indicator_name(den) : "", per_1000 ? "'" : "");
      return jv_compose__skip(c, n, "no school year of the project has figures of ", what);
    }
    st = jv_figure_trend_of(&f, s, JV_TREND_BARS, w, JV_TREND_CHART_HEIGHT, c->err);
    return add_figure(c, n, st, f);
  }
  if (!strcmp(kind, "trend")) {
    if (!c->o->series)
      return jv_compose__skip(c, n, "no series files (reeksen.csv)", "");
    const char *spec = jv_tpl_value(n, "reeks");
    st = jv_figure_trend(&f, c->o->series, spec, JV_TREND_BARS, w, JV_TREND_CHART_HEIGHT, c->err);
    if (st == JV_EUSAGE) /* the names were checked when reading: the series are missing */
      return jv_compose__skip(c, n, "", c->err->msg);
    if (!st)
      jv_figure_trend_until(f, ds->year);
    return add_figure(c, n, st, f);
  }
  if (strcmp(kind, "trend") && ds->n_munis > JV_CHART_MAX_ROWS) {
    /* a bar per municipality stops being readable long before this; the
     * tables still hold every figure */
    if (c->o->warn)
      jv_diags_add(c->o->warn, n->file, n->line, 0,
                   "::grafiek soort=%s left out: %zu municipalities, at most %d fit one chart",
                   kind, ds->n_munis, JV_CHART_MAX_ROWS);
    return JV_OK;
  }
  if (!strcmp(kind, "vergelijking")) {
    const char *name = jv_tpl_value(n, "indicator");
    if (!name || jv_indicator_from_name(name, &ind))
      return jv_compose__at(c, n, "indicator", "::grafiek soort=vergelijking needs indicator=");
    if ((st = require_data(c, n, &ind, 1)))
      return st;
    st = jv_figure_comparison(&f, ds, ind, w, jv_comparison_chart_height(ds->n_munis), c->err);
    return add_figure(c, n, st, f);
  }
  /* gestapeld: the group of the first indicator listed */
  const char *p = jv_tpl_value(n, "indicatoren");
  char name[64];
  const char *group = "relatief";
  if (p && jv_tpl_list_next(&p, name, sizeof(name)) == 0 && jv_indicator_from_name(name, &ind) == 0)
    group = jv_indicator_group(ind);
  st = jv_figure_stacked(&f, ds, group, w, jv_stacked_chart_height(ds->n_munis), c->err);
  return add_figure(c, n, st, f);
}

static jv_status map(composer *c, const jv_tpl_node *n)
{
  if (!c->o->add_map)
    return JV_OK;
  jv_indicator ind;
  const char *name = jv_tpl_value(n, "indicator");
  if (!name || jv_indicator_from_name(name, &ind))
    return jv_compose__at(c, n, "indicator", "::kaart needs a known indicator=, not '%s'",
                          name ? name : "");
  const char *region = jv_tpl_value(n, "regio");
  int national = region && !strcmp(region, "nederland");
  char *title = jv_tpl_value(n, "titel") ? jv_compose__fill(c, jv_tpl_value(n, "titel")) : NULL;
  if (jv_tpl_value(n, "titel") && !title)
    return jv_compose__oom(c);
  jv_tpl_map tm = {ind,
                   national,
                   title,
                   jv_tpl_value(n, "klassen"),
                   jv_tpl_value(n, "labels"),
                   jv_tpl_value(n, "kleine-aantallen"),
                   jv_tpl_value(n, "kleine-aantallen-onder")};
  jv_status st = c->o->add_map(c->o->map_ctx, c->doc, &tm, c->err);
  free(title);
  if (st && st != JV_EINTERNAL) {
    char why[sizeof(c->err->msg)];
    snprintf(why, sizeof(why), "%s", c->err->msg);
    return jv_compose__at(c, n, NULL, "::kaart: %s", why);
  }
  return st;
}

static jv_status directive(composer *c, const jv_tpl_node *n)
{
  const jv_tpl_meta *m = &c->o->tpl->meta;
  switch (n->directive) {
  case JV_DIR_OMSLAG: {
    const char *t = jv_tpl_value(n, "titel");
    char *ft = jv_compose__fill(c, t ? t : m->titel);
    char *sub =
        jv_tpl_value(n, "ondertitel") ? jv_compose__fill(c, jv_tpl_value(n, "ondertitel")) : NULL;
    int bad = !ft || (jv_tpl_value(n, "ondertitel") && !sub) ||
              jv_doc_cover(c->doc, ft, sub, c->o->ds->region_name, c->year);
    free(ft);
    free(sub);
    if (bad)
      return jv_compose__oom(c);
    if (m->logo_image) {
      const jv_image *li = m->logo_image;
      /* pixels at 150 dpi, the resolution a print logo is made for */
      if (jv_doc_cover_logo(c->doc, li, li->width * 72.0 / 150.0, li->height * 72.0 / 150.0))
        return jv_compose__oom(c);
    }
    return JV_OK;
  }
  case JV_DIR_INHOUD: {
    const char *t = jv_tpl_value(n, "titel");
    return jv_doc_toc(c->doc, t ? t : "Inhoud") ? jv_compose__oom(c) : JV_OK;
  }
  case JV_DIR_TABEL:
    return table(c, n);
  case JV_DIR_GRAFIEK:
    return c->o->charts ? chart(c, n) : JV_OK;
  case JV_DIR_KAART:
    return c->o->charts ? map(c, n) : JV_OK;
  case JV_DIR_KOLOMMEN:
    return jv_doc_columns_begin(c->doc) ? jv_compose__oom(c) : JV_OK;
  case JV_DIR_EINDE_KOLOMMEN:
    return jv_doc_columns_end(c->doc) ? jv_compose__oom(c) : JV_OK;
  case JV_DIR_BIJ_FIGUUR:
    c->skip_text = !c->o->charts;
    return JV_OK;
  case JV_DIR_KERNCIJFER:
  case JV_DIR_COUNT:
    break;
  }
  return JV_OK;
}

jv_status jv_compose_template(const jv_tpl_compose_opts *o, jv_doc *doc, jv_error *err)
{
  composer c = {.o = o, .doc = doc, .err = err};
  const jv_tpl *tpl = o->tpl;
  const jv_dataset *ds = o->ds;
  jv_schoolyear_format(ds->year, c.year, sizeof(c.year));
  char title[300], subject[300];
  char *titel = jv_compose__fill(&c, tpl->meta.titel);
  if (!titel)
    return jv_compose__oom(&c);
  /* a titel that names its school year itself gets no second one */
  size_t pl;
  int which = -1;
  for (const char *q = jv_placeholder_next(tpl->meta.titel, &pl, &which);
       q && which != JV_PH_SCHOOLJAAR; q = jv_placeholder_next(q + pl, &pl, &which))
    ;
  if (which == JV_PH_SCHOOLJAAR)
    snprintf(title, sizeof(title), "%s", titel);
  else
    snprintf(title, sizeof(title), "%s %s", titel, c.year);
  snprintf(subject, sizeof(subject), "%s, %s, schooljaar %s", titel, ds->region_name, c.year);
  free(titel);
  char *author = jv_compose__fill(&c, tpl->meta.auteur ? tpl->meta.auteur : ds->region_name);
  jv_status ms = !author || jv_doc_set_meta(doc, title, subject, author) ? JV_EINTERNAL : JV_OK;
  free(author);
  if (ms)
    return jv_compose__oom(&c);
  char *regio = tpl->meta.regio ? jv_compose__fill(&c, tpl->meta.regio) : NULL;
  if (tpl->meta.regio && !regio)
    return jv_compose__oom(&c);
  if (o->warn && regio && ds->region_name && strcmp(regio, ds->region_name))
    jv_diags_add(o->warn, tpl->files[0], 0, 0,
                 "the template is written for %s, the data is of %s; texts that name the region "
                 "should use {regio}",
                 regio, ds->region_name);
  free(regio);
  if (o->warn && tpl->meta.has_schooljaar && tpl->meta.year.start != ds->year.start)
    jv_diags_add(o->warn, tpl->files[0], 0, 0, "the template says schooljaar %s, the data is of %s",
                 tpl->meta.schooljaar, c.year);
  jv_status st = JV_OK;
  for (size_t i = 0; !st && i < tpl->n_nodes; i++) {
    const jv_tpl_node *n = &tpl->nodes[i];
    char buf[512];
    if (c.skip_text) { /* a paragraph, quote or whole list that speaks of the figures */
      int text =
          n->kind == JV_TPL_PARAGRAPH || n->kind == JV_TPL_QUOTE || n->kind == JV_TPL_LIST_ITEM;
      int more = n->kind == JV_TPL_LIST_ITEM && i + 1 < tpl->n_nodes &&
                 tpl->nodes[i + 1].kind == JV_TPL_LIST_ITEM;
      if (!text || !more)
        c.skip_text = 0;
      if (text)
        continue;
    }
    switch (n->kind) {
    case JV_TPL_HEADING: {
      char *text = jv_compose__fill(&c, jv_tpl_node_text(n, buf, sizeof(buf)));
      st = !text || jv_doc_heading(doc, n->level, text) ? jv_compose__oom(&c) : JV_OK;
      free(text);
      break;
    }
    case JV_TPL_PARAGRAPH:
      st = runs_into(&c, n, 0);
      break;
    case JV_TPL_LIST_ITEM:
      st = jv_doc_list_item(doc, n->item.ordered, n->item.number, n->item.depth, n->continued)
               ? jv_compose__oom(&c)
               : runs_after(&c, n);
      break;
    case JV_TPL_QUOTE:
      if (n->continued && doc->n_blocks && doc->blocks[doc->n_blocks - 1].kind == JV_BLK_QUOTE) {
        st = jv_doc_run(doc, " ", JV_FONT_REGULAR) ? jv_compose__oom(&c) : runs_after(&c, n);
        break;
      }
      {
        char *who = n->attribution ? jv_compose__fill(&c, n->attribution) : NULL;
        st = (n->attribution && !who) || jv_doc_quote(doc, who) ? jv_compose__oom(&c)
                                                                : runs_after(&c, n);
        free(who);
      }
      break;
    case JV_TPL_PAGEBREAK:
      st = jv_doc_pagebreak(doc) ? jv_compose__oom(&c) : JV_OK;
      break;
    case JV_TPL_DIRECTIVE:
      if (n->directive == JV_DIR_KERNCIJFER) {
        size_t used = 1;
        st = jv_compose__keyfigures(&c, n, tpl->n_nodes - i, &used);
        i += used - 1;
      } else {
        st = directive(&c, n);
      }
      if (st == SKIPPED)
        st = JV_OK;
      break;
    }
  }
  return st;
}
