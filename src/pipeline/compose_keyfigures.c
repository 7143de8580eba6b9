/* compose_keyfigures.c - ::kerncijfer panels: region totals of a year of
 * the project (an earlier year on the report year's indeling, noted under
 * the panel), or figures of the series files, each card with its own label
 * and school year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "pipeline/chart_figures.h"
#include "pipeline/history.h"
#include "layout/chart_layout.h"
#include "pipeline/template_compose_int.h"
#include "stats/format.h"
#include "stats/rates.h"
#include "stats/recompute.h"

/* The notes under a panel: the recomputed years of its cards that have one
 * (their region_notes are the words of the per-1.000 tables' note and the
 * trend's source line), one entry per card, so n is also how many cards
 * have a note (a panel holds at most JV_CHART_MAX_KEYFIGURES). */
typedef struct {
  const jv_recomputed *rec[JV_CHART_MAX_KEYFIGURES]; /* the history's */
  size_t n;
} panel_notes;

static void notes_add(panel_notes *pn, const jv_recomputed *rec)
{
  /* no region_note: nothing was recomputed */
  if (rec->region_note && pn->n < JV_CHART_MAX_KEYFIGURES)
    pn->rec[pn->n++] = rec;
}

/* "Kerncijfers 2016-2017 en 2017-2018 omgerekend naar de gemeentelijke
 * indeling 2020, zonder Vijfheerenlanden (...)." under the panel, when some
 * card is: each note once (jv_recomputed_notes), kept with the panel. */
static jv_status notes_paragraph(composer *c, const panel_notes *pn)
{
  char *notes = NULL;
  jv_status st = jv_recomputed_notes(pn->rec, pn->n, &notes, c->err);
  if (st || !notes)
    return st;
  size_t size = strlen(notes) + 32;
  char *s = malloc(size);
  if (s)
    snprintf(s, size, "%s %s.", pn->n > 1 ? "Kerncijfers" : "Kerncijfer", notes);
  st = !s || jv_doc_figure_note(c->doc, s) ? jv_compose__oom(c) : JV_OK;
  free(s);
  free(notes);
  return st;
}

/* The data set of ::kerncijfer n's school year (jaar=-1: the most recent
 * earlier year the project holds), or NULL when the project has none; *y
 * that year. */
static const jv_dataset *card_year(const composer *c, const jv_tpl_node *n, jv_schoolyear *y)
{
  const char *jaar = jv_tpl_value(n, "jaar");
  const jv_dataset *ds = c->o->ds;
  const jv_project_years *py = c->o->history ? &c->o->history->project : NULL;
  long back = jaar && jaar[0] == '-' ? strtol(jaar + 1, NULL, 10) : 0;
  if (back > 0)
    ds = py && (size_t)back <= py->n_years ? &py->years[py->n_years - (size_t)back] : NULL;
  else if (y->start != ds->year.start)
    ds = py ? jv_project_years_find(py, *y) : NULL;
  if (ds)
    *y = ds->year;
  return ds;
}

/* One card of ::kerncijfer{indicator=} n into kc, or a located warning. An
 * earlier year's figure is that year recomputed onto the report year's
 * indeling (jv_history_recomputed, as the per-1.000 tables and the trend), so a
 * report gives one figure per year; what that means goes into pn. */
static jv_status indicator_card(composer *c, const jv_tpl_node *n, jv_keyfigure_chart *kc,
                                panel_notes *pn)
{
  const char *name = jv_tpl_value(n, "indicator");
  jv_indicator ind;
  if (!name || jv_indicator_from_name(name, &ind))
    return jv_compose__at(c, n, "indicator", "::kerncijfer: mix of indicator= and reeks=");
  jv_schoolyear y;
  const char *jaar = jv_tpl_value(n, "jaar");
  if (jv_tpl_year(jaar ? jaar : "0", c->o->ds->year, &y))
    return jv_compose__at(c, n, "jaar", "::kerncijfer: bad jaar '%s'", jaar);
  const jv_dataset *ds = card_year(c, n, &y);
  char ys[16];
  jv_schoolyear_format(y, ys, sizeof(ys));
  if (!ds)
    return jv_compose__skip(c, n, "the project holds no data of school year ", ys);
  if (!ds->has_indicator[ind])
    return jv_compose__skip(c, n, "no figure of that year for ", name);
  const jv_recomputed *rec = NULL; /* the history's: once per year, however many cards */
  bool earlier = ds != c->o->ds && c->o->history;
  if (earlier) {
    jv_status st = jv_history_recomputed(c->o->history, ds, &rec, c->err);
    if (st)
      return st;
    ds = &rec->ds;
  }
  const char *e = jv_tpl_value(n, "eenheid");
  jv_indicator den = jv_rate_base(ind, JV_UNIT_PER_1000);
  int per_1000 = e && !strcmp(e, "per_1000") && ds->has_indicator[den];
  jv_value total = jv_stats_total(ds, ind);
  char *label = NULL;
  jv_status st = JV_OK;
  if (total.kind != JV_VAL_COUNT) { /* no big "n.b." card */
    char what[16];
    jv_format_value(total, what, sizeof(what));
    if (c->o->warn)
      jv_diags_add(c->o->warn, n->file, n->line, 0,
                   "::kerncijfer: the region total of '%s' in %s is %s; that card is left out",
                   name, ys, what[0] ? what : "missing");
  } else if (!(label = jv_compose__fill(c, jv_tpl_value(n, "label") ? jv_tpl_value(n, "label")
                                                                    : jv_indicator_label(ind)))) {
    st = jv_compose__oom(c);
  } else {
    if (earlier)
      notes_add(pn, rec);
    jv_keyfigure *it = &kc->item[kc->n++];
    if (per_1000) {
      jv_rate r;
      jv_stats_region_rate(ds, ind, den, &r);
      jv_format_rate(&r, it->value, sizeof(it->value));
    } else {
      jv_format_value(total, it->value, sizeof(it->value));
    }
    snprintf(it->label, sizeof(it->label), "%s%s", label, per_1000 ? " per 1.000" : "");
    snprintf(it->period, sizeof(it->period), "%s", ys);
  }
  free(label);
  return st;
}

/* Key figures of the region totals of years of the project
 * (::kerncijfer{indicator=}), the notes on recomputed years under them. */
static jv_status indicator_keyfigures(composer *c, const jv_tpl_node *nodes, size_t k)
{
  jv_keyfigure_chart kc;
  memset(&kc, 0, sizeof(kc));
  panel_notes pn = {0};
  jv_status st = JV_OK;
  for (size_t i = 0; i < k && kc.n < JV_CHART_MAX_KEYFIGURES && !st; i++)
    if ((st = indicator_card(c, &nodes[i], &kc, &pn)) == SKIPPED)
      st = JV_OK;
  jv_figure *f = NULL;
  if (!st && kc.n > 0)
    st = jv_figure_keyfigure_items(&f, &kc, c->o->width, JV_KEYFIGURE_CHART_HEIGHT, c->err);
  if (!st && f)
    st = jv_doc_figure(c->doc, f) ? jv_compose__oom(c) : notes_paragraph(c, &pn);
  return st;
}

/* Consecutive ::kerncijfer directives form one panel. With two series, the
 * second gives each year's detail ("1,5%", "86 begeleide ..."). */
jv_status jv_compose__keyfigures(composer *c, const jv_tpl_node *nodes, size_t n_nodes,
                                 size_t *used)
{
  const jv_series *main = NULL, *detail = NULL;
  const char *main_label = "", *detail_label = "";
  size_t k = 0;
  while (k < n_nodes && nodes[k].kind == JV_TPL_DIRECTIVE &&
         nodes[k].directive == JV_DIR_KERNCIJFER)
    k++;
  *used = k;
  if (!c->o->charts)
    return JV_OK;
  if (!c->o->series)
    return jv_compose__skip(c, &nodes[0], "no series files (reeksen.csv)", "");
  jv_keyfigure_chart kc;
  memset(&kc, 0, sizeof(kc));
  jv_schoolyear years[JV_CHART_MAX_KEYFIGURES];
  const jv_tpl_node *year_node[JV_CHART_MAX_KEYFIGURES];
  size_t n_years = 0;
  if (jv_tpl_value(&nodes[0], "indicator"))
    return indicator_keyfigures(c, nodes, k);
  for (size_t i = 0; i < k; i++) {
    const jv_tpl_node *n = &nodes[i];
    const char *name = jv_tpl_value(n, "reeks");
    const jv_series *s = name ? jv_series_set_find(c->o->series, name) : NULL;
    if (!s)
      return jv_compose__skip(c, n, "the series files have no series ", name ? name : "");
    jv_schoolyear y;
    const char *jaar = jv_tpl_value(n, "jaar");
    if (jv_tpl_year(jaar ? jaar : "0", c->o->ds->year, &y))
      return jv_compose__at(c, n, "jaar", "::kerncijfer: bad jaar '%s'", jaar);
    const char *label = jv_tpl_value(n, "label");
    if (!main || main == s) {
      main = s;
      main_label = label ? label : s->label;
      if (n_years < JV_CHART_MAX_KEYFIGURES) {
        year_node[n_years] = n;
        years[n_years++] = y;
      }
    } else if (!detail || detail == s) {
      detail = s;
      detail_label = label ? label : s->label;
    } else {
      return jv_compose__at(c, n, "reeks", "::kerncijfer: a panel shows at most two series ('%s')",
                            name);
    }
  }
  for (size_t i = 0; i < n_years; i++) {
    jv_keyfigure *it = &kc.item[kc.n];
    double v;
    jv_schoolyear_format(years[i], it->period, sizeof(it->period));
    if (!jv_series_value(main, years[i], &v)) {
      /* no big "n.b." card: the year is left out, and the author told */
      if (c->o->warn)
        jv_diags_add(c->o->warn, year_node[i]->file, year_node[i]->line, 0,
                     "::kerncijfer: series '%s' has no figure for %s; that card is left out",
                     main->name, it->period);
      memset(it, 0, sizeof(*it));
      continue;
    }
    kc.n++;
    snprintf(it->label, sizeof(it->label), "%s", main_label);
    jv_chart_format_value(main, v, it->value, sizeof(it->value));
    if (detail && jv_series_value(detail, years[i], &v)) {
      jv_chart_format_value(detail, v, it->detail, sizeof(it->detail));
      snprintf(it->detail_label, sizeof(it->detail_label), "%s",
               detail->unit == JV_SERIES_PERCENT ? "" : detail_label);
    }
  }
  if (kc.n == 0)
    return JV_OK; /* no year of the panel has a figure: each was warned about */
  jv_figure *f = NULL;
  jv_status st = jv_figure_keyfigure_items(&f, &kc, c->o->width, JV_KEYFIGURE_CHART_HEIGHT, c->err);
  if (st)
    return st;
  return jv_doc_figure(c->doc, f) ? jv_compose__oom(c) : JV_OK;
}
