/* map_text.c - the words around a map: title, subtitle, source line, the
 * --explain lines and the text alternative, all generated from the data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/map_job_int.h"
#include "stats/format.h"
#include "util/strbuf.h"

static const char *basename_of(const char *p)
{
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

jv_status jv_map__texts(jv_map_prepared *m, const jv_map_opts *o, jv_error *err)
{
  char year[16];
  jv_schoolyear_format(m->ds->year, year, sizeof(year));
  const char *region = m->ds->region_name ? m->ds->region_name : "";
  jv_strbuf t = {0}, sub = {0}, src = {0};
  /* the letter's title: "Leerplichttelling 2015: Vrijstellingen-5A 2014-2015 naar Gemeenten" */
  if (o->title)
    jv_strbuf_addf(&t, "%s", o->title);
  else
    jv_strbuf_addf(&t, "Leerplichttelling %d: %s %s naar gemeenten", m->ds->year.start + 1,
                   jv_indicator_label(m->ind), year);
  if (m->regional)
    jv_strbuf_addf(&sub, "%s; per 1.000 leerplichtigen van 5 tot en met 17 jaar", m->region);
  else
    jv_strbuf_addf(&sub, "Per 1.000 leerplichtigen van 5 tot en met 17 jaar");
  size_t with_data = 0;
  for (size_t s = 0; s < m->data.n; s++)
    if (m->data.items[s].focus && m->data.items[s].row >= 0)
      with_data++;
  if (!m->regional && with_data < m->data.n_focus) {
    char n[32];
    jv_format_count((long long)with_data, n, sizeof(n));
    jv_strbuf_addf(&sub, "; gegevens van %s gemeenten (%s)", n, region);
  }
  jv_strbuf_addf(&src, "Bron: Leerplichttelling %s, %s.", year, region);
  if (m->bundled)
    jv_strbuf_addf(&src, " Bron grenzen: CBS/Kadaster (PDOK), gemeentelijke indeling %d.",
                   m->geo->year);
  else
    jv_strbuf_addf(&src, " Grenzen: %s.", basename_of(m->geo->source));
  if (m->data.buckets.letter) {
    char note[256];
    jv_strbuf_addf(&src, " Indeling op het exacte aantal per 1.000 (niet afgerond). %s",
                   jv_buckets_edge_note(&m->data.buckets, note, sizeof(note)));
  } else {
    jv_strbuf_addf(&src, " Indeling op het exacte aantal per 1.000 (niet afgerond); een grens "
                         "hoort bij de hogere klasse.");
  }
  if (m->data.n_uncertain > 0 && m->data.small.mark != JV_SMALL_OFF) {
    char note[256];
    jv_strbuf_addf(&src, " %s", jv_map__small_note(&m->data.small, note, sizeof(note)));
  }
  m->title = jv_strbuf_take(&t);
  m->subtitle = jv_strbuf_take(&sub);
  m->source = jv_strbuf_take(&src);
  if (!m->title || !m->subtitle || !m->source)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  return JV_OK;
}

const char *jv_map__small_note(const jv_small_numbers *o, char *buf, size_t size)
{
  char level[16];
  jv_format_decimal(o->level * 100, 0, level, sizeof(level));
  if (o->min_count > 0)
    snprintf(buf, size,
             "Kleine aantallen: minder dan %lld gevallen, of een %s%%-betrouwbaarheidsinterval "
             "(exact, Poisson) dat meer dan één klasse beslaat.",
             o->min_count, level);
  else
    snprintf(buf, size,
             "Kleine aantallen: een %s%%-betrouwbaarheidsinterval (exact, Poisson) dat meer dan "
             "één klasse beslaat.",
             level);
  return buf;
}

static jv_value base_of(const jv_map_prepared *m, const jv_map_item *it)
{
  jv_value none = {JV_VAL_MISSING, 0};
  return it->row >= 0 ? m->ds->munis[it->row].values[m->data.base] : none;
}

/* "0,2 - 6,2", or "–" without a rate. */
static char *interval_text(const jv_map_item *it, char *buf, size_t size)
{
  if (it->rate.kind != JV_VAL_COUNT || it->lo != it->lo) {
    snprintf(buf, size, "%s", jv_format_kind_label(JV_VAL_MISSING));
    return buf;
  }
  char lo[32], hi[32];
  snprintf(buf, size, "%s - %s", jv_format_decimal(it->lo, 1, lo, sizeof(lo)),
           jv_format_decimal(it->hi, 1, hi, sizeof(hi)));
  return buf;
}

void jv_map_prepared_explain(const jv_map_prepared *m, bool all, FILE *out)
{
  size_t *order;
  if (jv_map_data_order(&m->data, m->geo, &order, NULL) != JV_OK)
    return;
  char head[64];
  snprintf(head, sizeof(head), "interval_%.0f", m->data.small.level * 100);
  fprintf(out,
          "cbs_code\tgemeente\t%s\tleerplichtigen_5_17\tper_1000\tklasse\t%s\tklasse_onzeker\n",
          jv_indicator_name(m->ind), head);
  for (size_t i = 0; i < m->data.n_focus; i++) {
    size_t s = order[i];
    const jv_map_item *it = &m->data.items[s];
    if (!all && it->row < 0)
      continue;
    char count[48], base[48], rate[48], label[128], iv[80];
    jv_format_value(it->count, count, sizeof(count));
    jv_format_value(base_of(m, it), base, sizeof(base));
    jv_format_rate(&it->rate, rate, sizeof(rate));
    jv_buckets_label(&m->data.buckets, it->cls, label, sizeof(label));
    fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m->geo->shapes[s].code, m->geo->shapes[s].name,
            count, base, rate, label, interval_text(it, iv, sizeof(iv)),
            it->uncertain ? "ja" : "nee");
  }
  free(order);
}

/* Lists at most this many names per class in the text alternative. */
#define ALT_NAMES 12
/* ... and this many of the municipalities whose class is uncertain. */
#define ALT_UNCERTAIN 40

char *jv_map_prepared_alt(const jv_map_prepared *m)
{
  size_t *order;
  if (jv_map_data_order(&m->data, m->geo, &order, NULL) != JV_OK)
    return NULL;
  const jv_buckets *b = &m->data.buckets;
  jv_strbuf a = {0};
  char n[32], label[128], rate[48];
  jv_format_count((long long)m->data.n_focus, n, sizeof(n));
  jv_strbuf_addf(
      &a, "Kaart: %s. %s per 1.000 leerplichtigen van 5 tot en met 17 jaar voor %s gemeenten",
      m->title, jv_indicator_label(m->ind), n);
  if (m->regional)
    jv_strbuf_addf(&a, " in %s", m->region);
  jv_strbuf_addf(&a, ".");
  for (int c = 0; c < (int)jv_buckets_class_count(b); c++) {
    size_t k = m->data.class_count[c];
    if (k == 0)
      continue;
    jv_buckets_label(b, c, label, sizeof(label));
    jv_format_count((long long)k, n, sizeof(n));
    jv_strbuf_addf(&a, " %s: %s %s", label, n, k == 1 ? "gemeente" : "gemeenten");
    if (k <= ALT_NAMES) {
      const char *sep = " (";
      for (size_t i = 0; i < m->data.n_focus; i++) {
        const jv_map_item *it = &m->data.items[order[i]];
        if (it->cls != c)
          continue;
        jv_strbuf_addf(&a, "%s%s", sep, m->geo->shapes[order[i]].name);
        if (it->rate.kind == JV_VAL_COUNT)
          jv_strbuf_addf(&a, " %s", jv_format_rate(&it->rate, rate, sizeof(rate)));
        sep = ", ";
      }
      jv_strbuf_addf(&a, ")");
    }
    jv_strbuf_addf(&a, ".");
  }
  if (m->data.n_uncertain > 0) {
    jv_format_count((long long)m->data.n_uncertain, n, sizeof(n));
    jv_strbuf_addf(&a, " Kleine aantallen, klasse onzeker (%s %s)", n,
                   m->data.n_uncertain == 1 ? "gemeente" : "gemeenten");
    const char *sep = ": ";
    size_t named = 0;
    for (size_t i = 0; i < m->data.n_focus && named < ALT_UNCERTAIN; i++) {
      const jv_map_item *it = &m->data.items[order[i]];
      if (!it->uncertain)
        continue;
      jv_strbuf_addf(&a, "%s%s", sep, m->geo->shapes[order[i]].name);
      sep = ", ";
      named++;
    }
    if (named < m->data.n_uncertain) {
      jv_format_count((long long)(m->data.n_uncertain - named), n, sizeof(n));
      jv_strbuf_addf(&a, " en %s andere", n);
    }
    jv_strbuf_addf(&a, ".");
  }
  free(order);
  return jv_strbuf_take(&a);
}
