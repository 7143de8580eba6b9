/* compose.c - chapters of the default annual report. */
#include "pipeline/compose.h"

#include <stdio.h>
#include <string.h>

#include "layout/report.h"
#include "pipeline/chart_figures.h"

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
static const char *const TZ_HDR[6] = {"Aanvang\nschooljaar", "Nieuwe\ngevallen",
                                      "Opgelost",            "18 jaar\ngeworden",
                                      "Verhuisd/\noverleden", "Actueel\n(einde\nschooljaar)"};

typedef struct {
  const jv_compose_opts *o;
  jv_doc *doc;
  char year[16];
  int table_no;
  jv_error *err;
} composer;

static jv_status oom(composer *c) { return jv_error_set(c->err, JV_EINTERNAL, NULL, 0, 0, "out of memory"); }

static int has_all(const jv_dataset *ds, const jv_indicator *ind, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!ds->has_indicator[ind[i]])
      return 0;
  return 1;
}

static void title_of(composer *c, char *buf, size_t size, const char *what)
{
  snprintf(buf, size, "Tabel %d. %s, %s", ++c->table_no, what, c->year);
}

static jv_status text(composer *c, const char *s)
{
  return jv_doc_paragraph(c->doc, s, JV_FONT_REGULAR) ? oom(c) : JV_OK;
}

static jv_status heading(composer *c, int level, const char *s)
{
  return jv_doc_heading(c->doc, level, s) ? oom(c) : JV_OK;
}

static jv_status count_table(composer *c, const char *what, const jv_indicator *ind,
                             const char *const *hdr)
{
  char title[256];
  jv_table *t = NULL;
  title_of(c, title, sizeof(title), what);
  jv_status st = jv_report_count_table(c->o->ds, title, ind, hdr, 6, &t, c->err);
  return st ? st : jv_doc_table(c->doc, t) ? oom(c) : JV_OK;
}

static jv_status rate_table(composer *c, const char *what, jv_indicator ind, const char *count_h,
                            const char *rate_h)
{
  char title[256];
  jv_table *t = NULL;
  title_of(c, title, sizeof(title), what);
  jv_status st = jv_report_rate_table(c->o->ds, title, ind, count_h, rate_h, &t, c->err);
  return st ? st : jv_doc_table(c->doc, t) ? oom(c) : JV_OK;
}

static jv_status add_figure(composer *c, jv_status st, jv_figure *f)
{
  if (st)
    return st;
  return jv_doc_figure(c->doc, f) ? oom(c) : JV_OK;
}

static jv_status comparison(composer *c, jv_indicator ind)
{
  if (!c->o->charts)
    return JV_OK;
  jv_figure *f = NULL;
  double h = 110 + 13.0 * (double)c->o->ds->n_munis;
  jv_status st = jv_figure_comparison(&f, c->o->ds, ind, c->o->width, h, c->err);
  return add_figure(c, st, f);
}

static jv_status stacked(composer *c, const char *group)
{
  if (!c->o->charts)
    return JV_OK;
  jv_figure *f = NULL;
  double h = 120 + 13.0 * (double)c->o->ds->n_munis;
  jv_status st = jv_figure_stacked(&f, c->o->ds, group, c->o->width, h, c->err);
  return add_figure(c, st, f);
}

/* A national or regional series chart; left out when the series is absent. */
static jv_status trend(composer *c, const char *spec, jv_trend_style style)
{
  if (!c->o->charts || !c->o->series)
    return JV_OK;
  jv_figure *f = NULL;
  jv_error ignored;
  if (jv_figure_trend(&f, c->o->series, spec, style, c->o->width, 230, &ignored))
    return JV_OK;
  return add_figure(c, JV_OK, f);
}

static jv_status keyfigure(composer *c, const char *spec)
{
  if (!c->o->charts || !c->o->series)
    return JV_OK;
  jv_figure *f = NULL;
  jv_error ignored;
  if (jv_figure_keyfigure(&f, c->o->series, spec, 3, c->o->width, 150, &ignored))
    return JV_OK;
  return add_figure(c, JV_OK, f);
}

static jv_status map(composer *c, jv_indicator ind)
{
  if (!c->o->charts || !c->o->add_map)
    return JV_OK;
  return c->o->add_map(c->o->map_ctx, c->doc, ind, c->err);
}

#define TRY(x)                                                                                     \
  do {                                                                                             \
    jv_status st_ = (x);                                                                           \
    if (st_)                                                                                       \
      return st_;                                                                                  \
  } while (0)

static jv_status chapter_absoluut(composer *c)
{
  static const jv_indicator need[] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17,
                                      JV_IND_ABSOLUUT};
  if (!has_all(c->o->ds, need, 4))
    return JV_OK;
  TRY(heading(c, 1, "1. Leerplicht en absoluut verzuim"));
  TRY(text(c, "Een jongere die leerplichtig is maar bij geen enkele school staat ingeschreven en "
              "geen vrijstelling heeft, is een absoluut verzuimer. De tabel zet het aantal "
              "absoluut verzuimers per gemeente af tegen het aantal leerplichtigen van 5 tot en "
              "met 17 jaar, zodat gemeenten van verschillende omvang te vergelijken zijn met het "
              "regiogemiddelde."));
  TRY(rate_table(c, "Absoluut verzuimers per 1.000 leerplichtigen", JV_IND_ABSOLUUT,
                 "Absoluut\nverzuimers\n(totaal)", "Absoluut\nverzuimers\nper 1.000"));
  TRY(comparison(c, JV_IND_ABSOLUUT));
  TRY(map(c, JV_IND_ABSOLUUT));
  if (c->o->charts && c->o->series && jv_series_set_find(c->o->series, "absoluut_verzuim")) {
    TRY(heading(c, 2, "Landelijk beeld"));
    TRY(text(c, "Ter vergelijking het landelijke aantal absoluut verzuimers over de afgelopen "
                "schooljaren, zoals de minister dat jaarlijks aan de Tweede Kamer meldt."));
    TRY(trend(c, "absoluut_verzuim", JV_TREND_BARS));
  }
  return JV_OK;
}

static jv_status chapter_relatief(composer *c)
{
  const jv_dataset *ds = c->o->ds;
  int any = has_all(ds, ONDERWIJS_REL, 6) || ds->has_indicator[JV_IND_RELATIEF] ||
            has_all(ds, ONDERWIJS_PV, 6);
  if (!any)
    return JV_OK;
  TRY(heading(c, 1, "2. Relatief verzuim en processen-verbaal"));
  TRY(text(c, "Van relatief verzuim is sprake als een leerling wel staat ingeschreven maar zonder "
              "geldige reden lessen mist. Scholen melden dit verzuim via het verzuimloket van "
              "DUO, waarna de leerplichtambtenaar met leerling en ouders in gesprek gaat. Luxe "
              "verzuim, extra vakantie buiten de schoolvakanties, valt hier ook onder."));
  if (has_all(ds, ONDERWIJS_REL, 6)) {
    TRY(count_table(c, "Relatief verzuimers per gemeente naar onderwijssoort", ONDERWIJS_REL,
                    ONDERWIJS_HDR));
    TRY(stacked(c, "relatief"));
  }
  static const jv_indicator need[] = {JV_IND_LPL_5_15, JV_IND_LPL_16_17, JV_IND_LPL_5_17,
                                      JV_IND_RELATIEF};
  if (has_all(ds, need, 4)) {
    TRY(rate_table(c, "Relatief verzuimers per 1.000 leerplichtigen", JV_IND_RELATIEF,
                   "Relatief\nverzuimers\n(totaal)", "Relatief\nverzuimers\nper 1.000"));
    TRY(comparison(c, JV_IND_RELATIEF));
    TRY(map(c, JV_IND_RELATIEF));
  }
  if (c->o->charts && c->o->series && jv_series_set_find(c->o->series, "relatief_verzuim")) {
    TRY(heading(c, 2, "Landelijk beeld relatief en luxe verzuim"));
    TRY(text(c, "Het landelijke aantal meldingen van relatief en luxe verzuim over de afgelopen "
                "schooljaren."));
    TRY(trend(c, "relatief_luxe", JV_TREND_LINES));
  }
  if (has_all(ds, ONDERWIJS_PV, 6)) {
    TRY(heading(c, 2, "Processen-verbaal"));
    TRY(text(c, "Als gesprekken en afspraken het verzuim niet stoppen, kan de "
                "leerplichtambtenaar proces-verbaal opmaken\xC2\xA0– het laatste middel, want het "
                "doel blijft dat de leerling weer naar school gaat. De officier van justitie "
                "beslist daarna over de afdoening, vaak met een leerstraf of hulpverlening in "
                "een verplicht kader (‘drang en dwang’). Het college coördineert dit samen met "
                "het Openbaar Ministerie en de Raad voor de Kinderbescherming."));
    TRY(count_table(c, "Processen-verbaal naar onderwijssoort", ONDERWIJS_PV, ONDERWIJS_HDR));
    TRY(trend(c, "processen_verbaal", JV_TREND_BARS));
  }
  return JV_OK;
}

static jv_status chapter_vrijstellingen(composer *c)
{
  const jv_dataset *ds = c->o->ds;
  int vrij = has_all(ds, VRIJ, 6), tz = has_all(ds, TZ, 6);
  if (!vrij && !tz)
    return JV_OK;
  TRY(heading(c, 1, "3. Vrijstellingen en thuiszitters"));
  TRY(text(c, "De Leerplichtwet kent een beperkt aantal vrijstellingen: van inschrijving "
              "(artikel 5), vanwege ander onderwijs (artikel 15) en vervangende leerplicht "
              "(artikelen 3a en 3b). Bij elke aanvraag weegt LVS de reden af tegen het belang "
              "van onderwijs voor het kind."));
  if (vrij) {
    TRY(count_table(c, "Vervangende leerplicht en vrijstellingen per gemeente", VRIJ, VRIJ_HDR));
    TRY(map(c, JV_IND_VRIJ_5A));
    TRY(trend(c, "vrijstellingen", JV_TREND_BARS));
  }
  if (tz) {
    TRY(heading(c, 2, "Thuiszitters"));
    TRY(text(c, "Een thuiszitter is een leerplichtige jongere die vier weken of langer niet naar "
                "school gaat zonder dat daar een vrijstelling voor is. De tabel volgt de "
                "gevallen door het schooljaar: wie er bij de start was, wie erbij kwam en hoe "
                "elk geval eindigde."));
    TRY(count_table(c, "Thuiszitters per gemeente", TZ, TZ_HDR));
    TRY(trend(c, "thuiszitters_3m", JV_TREND_BARS));
  }
  return JV_OK;
}

static jv_status chapter_vsv(composer *c)
{
  const jv_series_set *s = c->o->series;
  if (!c->o->charts || !s || !jv_series_set_find(s, "vsv"))
    return JV_OK;
  TRY(heading(c, 1, "4. Voortijdig schoolverlaten"));
  TRY(text(c, "Een voortijdig schoolverlater is een jongere tussen 12 en 23 jaar die het "
              "onderwijs verlaat zonder startkwalificatie: een diploma havo, vwo of mbo op ten "
              "minste niveau 2. De cijfers over een schooljaar komen pas in het voorjaar daarna "
              "beschikbaar; daarom toont dit hoofdstuk de laatste drie bekende jaren."));
  TRY(keyfigure(c, "vsv"));
  if (jv_series_set_find(s, "overstap_leerlingen")) {
    TRY(heading(c, 2, "Overstap van vo naar mbo"));
    TRY(text(c, "Bij de overstap van voortgezet onderwijs naar mbo is het risico op uitval het "
                "grootst. Scholen en LVS volgen de overstappers en begeleiden de leerlingen bij "
                "wie dat risico hoog is."));
    TRY(keyfigure(c, "overstap"));
  }
  return JV_OK;
}

jv_status jv_compose_report(const jv_compose_opts *o, jv_doc *doc, jv_error *err)
{
  composer c = {.o = o, .doc = doc, .err = err};
  const jv_dataset *ds = o->ds;
  jv_schoolyear_format(ds->year, c.year, sizeof(c.year));
  char title[256], subject[256], author[256];
  snprintf(title, sizeof(title), "Jaarverslag Leerplicht en Voortijdig Schoolverlaten %s",
           c.year);
  snprintf(subject, sizeof(subject),
           "Leerplicht, verzuim, vrijstellingen en thuiszitters in %s, schooljaar %s",
           ds->region_name, c.year);
  snprintf(author, sizeof(author), "Leerplicht en Voortijdig Schoolverlaten %s",
           ds->region_name);
  if (jv_doc_set_meta(doc, title, subject, author) ||
      jv_doc_cover(doc, "Jaarverslag", ds->region_name, c.year) || jv_doc_toc(doc, "Inhoud"))
    return oom(&c);
  TRY(chapter_absoluut(&c));
  TRY(chapter_relatief(&c));
  TRY(chapter_vrijstellingen(&c));
  TRY(chapter_vsv(&c));
  return JV_OK;
}
