/* series_read.c - reading series CSV files into jv_series_set. */
#include "input/series_read.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/csv_table.h"
#include "input/value_parse.h"
#include "model/indicator.h"
#include "model/series_catalogue.h"
#include "util/suggest.h"
#include "util/text.h"

enum { C_INDICATOR, C_SCHOOLJAAR, C_WAARDE, C_BRON, C_COUNT };
static const char *const col_names[C_COUNT] = {"indicator", "schooljaar", "waarde", "bron"};

typedef struct {
  const char *file;
  int col[C_COUNT]; /* field index of each column */
} reader;

static jv_status read_header(reader *rd, const jv_csv_row *h, jv_error *err)
{
  for (int c = 0; c < C_COUNT; c++)
    rd->col[c] = -1;
  for (size_t i = 0; i < h->n_fields; i++) {
    char name[64];
    jv_trim_copy(name, sizeof(name), h->fields[i].text);
    int c = 0;
    while (c < C_COUNT && strcasecmp(col_names[c], name) != 0)
      c++;
    if (c == C_COUNT) {
      const char *near = jv_suggest_closest(name, col_names, C_COUNT);
      return jv_error_set(err, JV_EDATA, rd->file, h->fields[i].line, h->fields[i].column,
                          "unknown column '%s'%s%s%s: a series file has the columns "
                          "indicator,schooljaar,waarde,bron",
                          name, near ? " (did you mean '" : "", near ? near : "",
                          near ? "'?)" : "");
    }
    if (rd->col[c] >= 0)
      return jv_error_set(err, JV_EDATA, rd->file, h->fields[i].line, h->fields[i].column,
                          "column '%s' appears twice", col_names[c]);
    rd->col[c] = (int)i;
  }
  for (int c = 0; c < C_COUNT; c++)
    if (rd->col[c] < 0)
      return jv_error_set(err, JV_EDATA, rd->file, h->line, 1,
                          "missing column '%s': a series file has the columns "
                          "indicator,schooljaar,waarde,bron",
                          col_names[c]);
  return JV_OK;
}

/* A percentage: digits with an optional decimal comma, "1,6" or "12". */
static int parse_decimal(const char *s, double *out, int *decimals)
{
  const char *p = s;
  double v = 0;
  int digits = 0, dec = 0;
  while (isdigit((unsigned char)*p)) {
    v = v * 10 + (*p++ - '0');
    digits++;
  }
  if (*p == ',') {
    p++;
    double scale = 0.1;
    while (isdigit((unsigned char)*p)) {
      v += (*p++ - '0') * scale;
      scale /= 10;
      dec++;
    }
    if (dec == 0)
      return -1;
  }
  if (*p != '\0' || digits == 0 || digits > 12 || dec > 6)
    return -1;
  *out = v;
  *decimals = dec;
  return 0;
}

static size_t catalogue_names(const char **names, size_t cap)
{
  size_t n = jv_series_info_count();
  if (n > cap)
    n = cap;
  for (size_t i = 0; i < n; i++)
    names[i] = jv_series_info_at(i)->name;
  return n;
}

static jv_status read_row(reader *rd, jv_series_set *set, const jv_csv_row *row, jv_error *err)
{
  const jv_csv_field *f[C_COUNT];
  for (int c = 0; c < C_COUNT; c++) {
    if ((size_t)rd->col[c] >= row->n_fields)
      return jv_error_set(err, JV_EDATA, rd->file, row->line, rd->col[c] + 1,
                          "missing %s: every row needs indicator,schooljaar,waarde,bron",
                          col_names[c]);
    f[c] = &row->fields[rd->col[c]];
  }
  char name[128], year_text[64], bron[512];
  jv_trim_copy(name, sizeof(name), f[C_INDICATOR]->text);
  jv_trim_copy(year_text, sizeof(year_text), f[C_SCHOOLJAAR]->text);
  jv_trim_copy(bron, sizeof(bron), f[C_BRON]->text);

  const jv_series_info *info = jv_series_info_find(name);
  if (!info) {
    const char *names[64];
    size_t n = catalogue_names(names, 64);
    const char *near = jv_suggest_closest(name, names, n);
    return jv_error_set(err, JV_EDATA, rd->file, f[C_INDICATOR]->line, f[C_INDICATOR]->column,
                        "unknown series '%s'%s%s%s (the names are listed in data/README.md)", name,
                        near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
  }
  jv_schoolyear y;
  if (jv_schoolyear_parse(year_text, &y) != 0)
    return jv_error_set(err, JV_EDATA, rd->file, f[C_SCHOOLJAAR]->line, f[C_SCHOOLJAAR]->column,
                        "school year '%s': expected two consecutive years such as 2016-2017",
                        year_text);
  if (!bron[0])
    return jv_error_set(err, JV_EDATA, rd->file, f[C_BRON]->line, f[C_BRON]->column,
                        "empty bron: say where the figure comes from (a letter, a table)");

  jv_loc where = {{0}, f[C_WAARDE]->line, f[C_WAARDE]->column};
  snprintf(where.file, sizeof(where.file), "%s", rd->file);
  jv_value_kind kind = JV_VAL_COUNT;
  double value = 0;
  int decimals = 0;
  char wtext[64];
  jv_trim_copy(wtext, sizeof(wtext), f[C_WAARDE]->text);
  if (info->unit == JV_SERIES_PERCENT && parse_decimal(wtext, &value, &decimals) == 0) {
    if (value > 100)
      return jv_error_set(err, JV_EDATA, rd->file, where.line, where.column,
                          "percentage %s is above 100", wtext);
  } else {
    jv_value v;
    jv_error verr;
    if (jv_value_parse(&v, f[C_WAARDE]->text, &where, &verr) != JV_OK) {
      if (info->unit == JV_SERIES_PERCENT)
        return jv_error_set(err, JV_EDATA, rd->file, where.line, where.column,
                            "waarde '%s' of percentage series %s: write a number with a "
                            "decimal comma, quoted in a comma-separated file (\"1,6\"), "
                            "or n.b.",
                            wtext, name);
      *err = verr;
      return verr.status;
    }
    kind = v.kind;
    value = (double)v.count;
  }

  jv_series *s = jv_series_set_find(set, name);
  if (!s && jv_series_set_add(set, name, info->label, info->short_label, info->unit, &s))
    return jv_error_set(err, JV_EINTERNAL, rd->file, row->line, 1, "out of memory");
  const jv_series_point *old = jv_series_at(s, y);
  if (old && old->source) {
    char yt[16];
    jv_schoolyear_format(y, yt, sizeof(yt));
    return jv_error_set(err, JV_EDATA, rd->file, f[C_SCHOOLJAAR]->line, f[C_SCHOOLJAAR]->column,
                        "%s %s is given twice (first at %s:%d); keep one figure per year "
                        "and note differences between sources in data/README.md",
                        name, yt, old->where.file, old->where.line);
  }
  if (jv_series_put(s, y, kind, value, bron, &where) != JV_OK)
    return jv_error_set(err, JV_EINTERNAL, rd->file, row->line, 1, "out of memory");
  if (decimals > s->decimals)
    s->decimals = decimals;
  return JV_OK;
}

static jv_status read_table(jv_series_set *set, const jv_csv_table *t, jv_error *err)
{
  reader rd = {t->name, {0}};
  jv_status st = read_header(&rd, &t->rows[0], err);
  for (size_t r = 1; r < t->n_rows && st == JV_OK; r++)
    st = read_row(&rd, set, &t->rows[r], err);
  if (st == JV_OK && t->n_rows < 2)
    st = jv_error_set(err, JV_EDATA, t->name, t->rows[0].line + 1, 1,
                      "no rows: a series file lists one figure per line, such as "
                      "absoluut_verzuim,2016-2017,4.565,\"OCW-brief 2018, tabel 2\"");
  return st;
}

jv_status jv_series_parse(jv_series_set *set, const char *name, const char *buf, size_t len,
                          jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_parse(&t, name, buf, len, err);
  if (st != JV_OK)
    return st;
  st = read_table(set, &t, err);
  jv_csv_table_free(&t);
  return st;
}

jv_status jv_series_read(jv_series_set *set, const char *path, jv_error *err)
{
  jv_csv_table t;
  jv_status st = jv_csv_table_read(&t, path, err);
  if (st != JV_OK)
    return st;
  st = read_table(set, &t, err);
  jv_csv_table_free(&t);
  return st;
}
