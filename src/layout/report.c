/* report.c - the chapters and tables of the annual report. */
#include "layout/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/format.h"
#include "stats/rates.h"

#define CELL 48

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static int has_all(const jv_dataset *ds, const jv_indicator *ind, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!ds->has_indicator[ind[i]])
      return 0;
  return 1;
}

static jv_status new_table(size_t n_cols, const char *title, const jv_dataset *ds,
                           jv_table **out, jv_error *err)
{
  jv_table *t = malloc(sizeof(*t));
  if (!t)
    return oom(err);
  jv_status st = jv_table_init(t, n_cols, title, err);
  if (st) {
    free(t);
    return st;
  }
  char year[16], source[256];
  jv_schoolyear_format(ds->year, year, sizeof(year));
  snprintf(source, sizeof(source), "Bron: registratie Leerplicht %s, schooljaar %s.",
           ds->region_name ? ds->region_name : "", year);
  if (jv_table_set_header(t, 0, "Gemeente") || jv_table_set_source(t, source)) {
    jv_table_free(t);
    free(t);
    return oom(err);
  }
  *out = t;
  return JV_OK;
}

static void drop(jv_table *t)
{
  jv_table_free(t);
  free(t);
}

jv_status jv_report_count_table(const jv_dataset *ds, const char *title,
                                const jv_indicator *indicators, const char *const *headers,
                                size_t n, jv_table **out, jv_error *err)
{
  jv_table *t;
  jv_status st = new_table(n + 1, title, ds, &t, err);
  if (st)
    return st;
  for (size_t c = 0; c < n; c++)
    if (jv_table_set_header(t, c + 1, headers[c]))
      goto fail;
  char buf[16][CELL];
  const char *cells[17];
  for (size_t r = 0; r <= ds->n_munis; r++) {
    int total = r == ds->n_munis;
    cells[0] = total ? ds->region_name : ds->munis[r].name;
    for (size_t c = 0; c < n && c < 16; c++) {
      jv_value v = total ? jv_stats_total(ds, indicators[c]) : ds->munis[r].values[indicators[c]];
      cells[c + 1] = jv_format_value(v, buf[c], CELL);
    }
    if (jv_table_add_row(t, total ? JV_ROW_TOTAL : JV_ROW_BODY, cells))
      goto fail;
  }
  *out = t;
  return JV_OK;
fail:
  drop(t);
  return oom(err);
}

jv_status jv_report_rate_table(const jv_dataset *ds, const char *title, jv_indicator ind,
                               const char *count_header, const char *rate_header,
                               jv_table **out, jv_error *err)
{
  static const jv_indicator base[3] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17};
  static const char *const base_hdr[3] = {"Totaal\n5 t/m 15 jaar", "16 en\n17 jaar",
                                          "5 t/m 17\njaar"};
  jv_table *t;
  jv_status st = new_table(7, title, ds, &t, err);
  if (st)
    return st;
  for (int c = 0; c < 3; c++)
    if (jv_table_set_header(t, (size_t)c + 1, base_hdr[c]))
      goto fail;
  if (jv_table_set_header(t, 4, count_header) || jv_table_set_header(t, 5, rate_header) ||
      jv_table_set_header(t, 6, "Regio-\ngemiddelde"))
    goto fail;
  t->emphasis[5] = true;
  jv_rate region;
  jv_stats_region_rate(ds, ind, JV_IND_LPL_5_17, &region);
  char buf[6][CELL];
  const char *cells[7];
  for (size_t r = 0; r <= ds->n_munis; r++) {
    int total = r == ds->n_munis;
    const jv_municipality *m = total ? NULL : &ds->munis[r];
    cells[0] = total ? ds->region_name : m->name;
    for (int c = 0; c < 3; c++) {
      jv_value v = total ? jv_stats_total(ds, base[c]) : m->values[base[c]];
      cells[c + 1] = jv_format_value(v, buf[c], CELL);
    }
    jv_value count = total ? jv_stats_total(ds, ind) : m->values[ind];
    jv_value lpl = total ? jv_stats_total(ds, JV_IND_LPL_5_17) : m->values[JV_IND_LPL_5_17];
    jv_rate rate;
    jv_rate_per_1000(count, lpl, &rate);
    cells[4] = jv_format_value(count, buf[3], CELL);
    cells[5] = jv_format_rate(&rate, buf[4], CELL);
    cells[6] = jv_format_rate(&region, buf[5], CELL);
    if (jv_table_add_row(t, total ? JV_ROW_TOTAL : JV_ROW_BODY, cells))
      goto fail;
  }
  *out = t;
  return JV_OK;
fail:
  drop(t);
  return oom(err);
}

/* ---- the chapters ------------------------------------------------------ */

static const jv_indicator ONDERWIJS_REL[6] = {JV_IND_REL_BO_SBO,   JV_IND_REL_VO,
                                              JV_IND_REL_VSO,      JV_IND_REL_BEROEPS,
                                              JV_IND_REL_ONBEKEND, JV_IND_REL_GEEN};
static const jv_indicator ONDERWIJS_PV[6] = {JV_IND_PV_BO_SBO,   JV_IND_PV_VO,
                                             JV_IND_PV_VSO,      JV_IND_PV_BEROEPS,
                                             JV_IND_PV_ONBEKEND, JV_IND_PV_GEEN};
static const char *const ONDERWIJS_HDR[6] = {"BO en SBO",        "VO",
                                             "(V)SO",            "Beroeps-\nonderwijs",
                                             "Onderwijs\nonbekend", "Geen\nonderwijs"};
static const jv_indicator VRIJ[6] = {JV_IND_VRIJ_5A, JV_IND_VRIJ_5B, JV_IND_VRIJ_5C,
                                     JV_IND_VRIJ_15, JV_IND_VERV_3A, JV_IND_VERV_3B};
static const char *const VRIJ_HDR[6] = {"Artikel 5\nonder a", "Artikel 5\nonder b",
                                        "Artikel 5\nonder c", "Artikel\n15",
                                        "Artikel\n3a",        "Artikel\n3b"};
static const jv_indicator TZ[6] = {JV_IND_TZ_AANVANG,  JV_IND_TZ_NIEUW,    JV_IND_TZ_OPGELOST,
                                   JV_IND_TZ_18JAAR,   JV_IND_TZ_VERHUISD, JV_IND_TZ_ACTUEEL};

typedef struct {
  jv_doc *doc;
  const jv_dataset *ds;
  char year[16];
  int table_no;
  jv_error *err;
} composer;

static jv_status add_table(composer *c, jv_status st, jv_table *t)
{
  if (st)
    return st;
  return jv_doc_table(c->doc, t) ? oom(c->err) : JV_OK;
}

static void title_of(composer *c, char *buf, size_t size, const char *what)
{
  snprintf(buf, size, "Tabel %d. %s, %s", ++c->table_no, what, c->year);
}

static jv_status chapter_absoluut(composer *c)
{
  static const jv_indicator need[] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17,
                                      JV_IND_ABSOLUUT};
  if (!has_all(c->ds, need, 4))
    return JV_OK;
  char title[256];
  jv_status st = jv_doc_heading(c->doc, 1, "1. Leerplicht en absoluut verzuim");
  st = st ? st
          : jv_doc_paragraph(c->doc,
                             "Een jongere die leerplichtig is maar bij geen enkele school staat "
                             "ingeschreven en geen vrijstelling heeft, is een absoluut verzuimer. "
                             "De tabel zet het aantal absoluut verzuimers per gemeente af tegen het "
                             "aantal leerplichtigen van 5 tot en met 17 jaar, zodat gemeenten van "
                             "verschillende omvang te vergelijken zijn met het regiogemiddelde.",
                             JV_FONT_REGULAR);
  if (st)
    return oom(c->err);
  title_of(c, title, sizeof(title), "Absoluut verzuimers per 1.000 leerplichtigen");
  jv_table *t = NULL;
  st = jv_report_rate_table(c->ds, title, JV_IND_ABSOLUUT, "Absoluut\nverzuimers\n(totaal)",
                            "Absoluut\nverzuimers\nper 1.000", &t, c->err);
  return add_table(c, st, t);
}

static jv_status chapter_relatief(composer *c)
{
  char title[256];
  jv_table *t = NULL;
  jv_status st = JV_OK;
  int any = has_all(c->ds, ONDERWIJS_REL, 6) || c->ds->has_indicator[JV_IND_RELATIEF] ||
            has_all(c->ds, ONDERWIJS_PV, 6);
  if (!any)
    return JV_OK;
  if (jv_doc_heading(c->doc, 1, "2. Relatief verzuim en processen-verbaal") ||
      jv_doc_paragraph(c->doc,
                       "Van relatief verzuim is sprake als een leerling wel staat ingeschreven "
                       "maar zonder geldige reden lessen mist. Scholen melden dit verzuim via "
                       "het verzuimloket van DUO, waarna de leerplichtambtenaar met leerling en "
                       "ouders in gesprek gaat. Luxe verzuim, extra vakantie buiten de "
                       "schoolvakanties, valt hier ook onder.",
                       JV_FONT_REGULAR))
    return oom(c->err);
  if (has_all(c->ds, ONDERWIJS_REL, 6)) {
    title_of(c, title, sizeof(title), "Relatief verzuimers per gemeente naar onderwijssoort");
    st = jv_report_count_table(c->ds, title, ONDERWIJS_REL, ONDERWIJS_HDR, 6, &t, c->err);
    st = add_table(c, st, t);
    if (st)
      return st;
  }
  static const jv_indicator need[] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17,
                                      JV_IND_RELATIEF};
  if (has_all(c->ds, need, 4)) {
    title_of(c, title, sizeof(title), "Relatief verzuimers per 1.000 leerplichtigen");
    st = jv_report_rate_table(c->ds, title, JV_IND_RELATIEF, "Relatief\nverzuimers\n(totaal)",
                              "Relatief\nverzuimers\nper 1.000", &t, c->err);
    st = add_table(c, st, t);
    if (st)
      return st;
  }
  if (has_all(c->ds, ONDERWIJS_PV, 6)) {
    if (jv_doc_heading(c->doc, 2, "Processen-verbaal") ||
        jv_doc_paragraph(c->doc,
                         "Als gesprekken en afspraken het verzuim niet stoppen, kan de "
                         "leerplichtambtenaar proces-verbaal opmaken – het laatste "
                         "middel, want het doel blijft dat de leerling weer naar school gaat. "
                         "De officier van justitie beslist daarna over de afdoening, vaak met "
                         "een leerstraf of hulpverlening in een verplicht kader (‘drang "
                         "en dwang’). Het college coördineert dit samen met "
                         "het Openbaar Ministerie en de Raad voor de Kinderbescherming.",
                         JV_FONT_REGULAR))
      return oom(c->err);
    title_of(c, title, sizeof(title), "Processen-verbaal naar onderwijssoort");
    st = jv_report_count_table(c->ds, title, ONDERWIJS_PV, ONDERWIJS_HDR, 6, &t, c->err);
    st = add_table(c, st, t);
  }
  return st;
}

static jv_status chapter_vrijstellingen(composer *c)
{
  static const char *const tz_hdr[6] = {
      "Aanvang\nschooljaar", "Nieuwe\ngevallen", "Opgelost", "18 jaar\ngeworden",
      "Verhuisd/\noverleden", "Actueel\n(einde\nschooljaar)"};
  char title[256];
  jv_table *t = NULL;
  jv_status st = JV_OK;
  int vrij = has_all(c->ds, VRIJ, 6), tz = has_all(c->ds, TZ, 6);
  if (!vrij && !tz)
    return JV_OK;
  if (jv_doc_heading(c->doc, 1, "3. Vrijstellingen en thuiszitters") ||
      jv_doc_paragraph(c->doc,
                       "De Leerplichtwet kent een beperkt aantal vrijstellingen: van inschrijving "
                       "(artikel 5), vanwege ander onderwijs (artikel 15) en vervangende "
                       "leerplicht (artikelen 3a en 3b). Bij elke aanvraag weegt LVS de reden af "
                       "tegen het belang van onderwijs voor het kind.",
                       JV_FONT_REGULAR))
    return oom(c->err);
  if (vrij) {
    title_of(c, title, sizeof(title), "Vervangende leerplicht en vrijstellingen per gemeente");
    st = jv_report_count_table(c->ds, title, VRIJ, VRIJ_HDR, 6, &t, c->err);
    st = add_table(c, st, t);
    if (st)
      return st;
  }
  if (tz) {
    if (jv_doc_heading(c->doc, 2, "Thuiszitters") ||
        jv_doc_paragraph(c->doc,
                         "Een thuiszitter is een leerplichtige jongere die vier weken of langer "
                         "niet naar school gaat zonder dat daar een vrijstelling voor is. De "
                         "tabel volgt de gevallen door het schooljaar: wie er bij de start was, "
                         "wie erbij kwam en hoe elk geval eindigde.",
                         JV_FONT_REGULAR))
      return oom(c->err);
    title_of(c, title, sizeof(title), "Thuiszitters per gemeente");
    st = jv_report_count_table(c->ds, title, TZ, tz_hdr, 6, &t, c->err);
    st = add_table(c, st, t);
  }
  return st;
}

jv_status jv_report_compose(const jv_dataset *ds, jv_doc *doc, jv_error *err)
{
  composer c = {.doc = doc, .ds = ds, .err = err};
  jv_schoolyear_format(ds->year, c.year, sizeof(c.year));
  char title[256], subject[256];
  snprintf(title, sizeof(title), "Jaarverslag Leerplicht en Voortijdig Schoolverlaten %s",
           c.year);
  snprintf(subject, sizeof(subject), "Leerplicht, verzuim, vrijstellingen en thuiszitters in %s, schooljaar %s",
           ds->region_name, c.year);
  char author[256];
  snprintf(author, sizeof(author), "Leerplicht en Voortijdig Schoolverlaten %s", ds->region_name);
  if (jv_doc_set_meta(doc, title, subject, author) ||
      jv_doc_cover(doc, "Jaarverslag", ds->region_name, c.year) || jv_doc_toc(doc, "Inhoud"))
    return oom(err);
  jv_status st = chapter_absoluut(&c);
  st = st ? st : chapter_relatief(&c);
  st = st ? st : chapter_vrijstellingen(&c);
  return st;
}
