/* table.c - table content and its size decisions. */
#include "layout/table.h"

#include <stdlib.h>
#include <string.h>

jv_status jv_table_init(jv_table *t, size_t n_cols, const char *title, jv_error *err)
{
  memset(t, 0, sizeof(*t));
  t->n_cols = n_cols;
  t->headers = calloc(n_cols, sizeof(char *));
  t->align = calloc(n_cols, sizeof(jv_cell_align));
  t->emphasis = calloc(n_cols, sizeof(bool));
  t->title = title ? strdup(title) : NULL;
  if (!t->headers || !t->align || !t->emphasis || (title && !t->title)) {
    jv_table_free(t);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t c = 1; c < n_cols; c++)
    t->align[c] = JV_CELL_RIGHT;
  return JV_OK;
}

void jv_table_free(jv_table *t)
{
  if (t->headers)
    for (size_t c = 0; c < t->n_cols; c++)
      free(t->headers[c]);
  if (t->cells)
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
      free(t->cells[i]);
  free(t->headers);
  free(t->align);
  free(t->emphasis);
  free(t->cells);
  free(t->row_kind);
  free(t->title);
  free(t->source);
  free(t->note);
  memset(t, 0, sizeof(*t));
}

static jv_status replace(char **slot, const char *text)
{
  char *copy = text ? strdup(text) : NULL;
  if (text && !copy)
    return JV_EINTERNAL;
  free(*slot);
  *slot = copy;
  return JV_OK;
}

jv_status jv_table_set_header(jv_table *t, size_t col, const char *text)
{
  return replace(&t->headers[col], text);
}

jv_status jv_table_set_source(jv_table *t, const char *text)
{
  return replace(&t->source, text);
}

jv_status jv_table_set_note(jv_table *t, const char *text)
{
  return replace(&t->note, text);
}

jv_status jv_table_add_row(jv_table *t, jv_row_kind kind, const char *const *cells)
{
  size_t n = t->n_rows + 1;
  char **nc = realloc(t->cells, n * t->n_cols * sizeof(char *));
  if (!nc)
    return JV_EINTERNAL;
  t->cells = nc;
  jv_row_kind *nk = realloc(t->row_kind, n * sizeof(jv_row_kind));
  if (!nk)
    return JV_EINTERNAL;
  t->row_kind = nk;
  char **row = &t->cells[t->n_rows * t->n_cols];
  for (size_t c = 0; c < t->n_cols; c++) {
    row[c] = strdup(cells[c] ? cells[c] : "");
    if (!row[c]) {
      while (c-- > 0)
        free(row[c]);
      return JV_EINTERNAL;
    }
  }
  t->row_kind[t->n_rows] = kind;
  t->n_rows = n;
  return JV_OK;
}

void jv_table_style_default(jv_table_style *s)
{
  s->font_size = 8.5;
  s->header_size = 7.5;
  s->title_size = 9.5;
  s->row_height = 14.0;
  s->header_line_height = 9.5;
  s->pad = 5.0;
}

/* Widest single word of a header (a header never breaks inside a word). */
static double widest_word(const jv_measure *m, double size, const char *text)
{
  double best = 0;
  const char *p = text;
  while (*p) {
    size_t len = strcspn(p, " \n");
    char word[256];
    size_t l = len < sizeof(word) - 1 ? len : sizeof(word) - 1;
    memcpy(word, p, l);
    word[l] = '\0';
    double w = jv_measure_width(m, JV_FONT_BOLD, size, word);
    if (w > best)
      best = w;
    p += len;
    while (*p == ' ' || *p == '\n')
      p++;
  }
  return best;
}

/* Greedy wrap of text in font st into lines no wider than width; '\n'
 * forces a break; a word wider than width gets a line of its own. Returns a
 * NULL-terminated array of owned strings, NULL when out of memory. */
static char **wrap_words(const jv_measure *m, jv_font_style st, double size, const char *text,
                         double width, size_t *n_out)
{
  size_t cap = 8, n = 0;
  char **lines = calloc(cap + 1, sizeof(char *));
  char cur[512] = "";
  const char *p = text ? text : "";
  int fail = 0;
  while (lines && !fail) {
    size_t len = strcspn(p, " \n");
    char word[256];
    size_t l = len < sizeof(word) - 1 ? len : sizeof(word) - 1;
    memcpy(word, p, l);
    word[l] = '\0';
    char trial[768];
    snprintf(trial, sizeof(trial), "%s%s%s", cur, cur[0] ? " " : "", word);
    int flush = 0;
    if (cur[0] && jv_measure_width(m, st, size, trial) > width) {
      flush = 1;
    } else {
      snprintf(cur, sizeof(cur), "%s", trial);
      word[0] = '\0';
    }
    p += len;
    int forced = *p == '\n';
    int end = *p == '\0';
    if (flush || forced || (end && cur[0])) {
      if (n + 2 > cap) { /* room for two more lines and the NULL */
        char **nl = realloc(lines, (2 * cap + 1) * sizeof(char *));
        if (!nl) {
          fail = 1;
          break;
        }
        lines = nl;
        cap *= 2;
      }
      fail = !(lines[n++] = strdup(cur));
      snprintf(cur, sizeof(cur), "%s", word);
      if (!fail && flush && (forced || end) && cur[0]) {
        fail = !(lines[n++] = strdup(cur));
        cur[0] = '\0';
      }
    }
    if (end)
      break;
    p++;
  }
  if (lines)
    lines[n] = NULL;
  if (fail) {
    for (size_t i = 0; i < n; i++)
      free(lines[i]);
    free(lines);
    return NULL;
  }
  *n_out = n;
  return lines;
}

/* The note wrapped to the table's width, each footnote ('\n'-separated)
 * starting a line of its own. */
static int wrap_note(const jv_table *t, const jv_table_style *s, const jv_measure *m,
                     jv_table_geom *g)
{
  for (const char *p = t->note; p && *p;) {
    size_t len = strcspn(p, "\n");
    char *one = strndup(p, len);
    size_t k = 0;
    char **lines = one ? wrap_words(m, JV_FONT_ITALIC, s->header_size, one, g->width, &k) : NULL;
    free(one);
    char **nl = lines ? realloc(g->note_lines, (g->note_n + k + 1) * sizeof(char *)) : NULL;
    bool *ns = nl ? realloc(g->note_starts, (g->note_n + k + 1) * sizeof(bool)) : NULL;
    if (nl)
      g->note_lines = nl;
    if (ns)
      g->note_starts = ns;
    if (!ns) {
      for (size_t i = 0; lines && i < k; i++)
        free(lines[i]);
      free(lines);
      return -1;
    }
    for (size_t i = 0; i < k; i++) {
      g->note_lines[g->note_n] = lines[i];
      g->note_starts[g->note_n++] = i == 0;
    }
    free(lines);
    p += len;
    p += *p == '\n';
  }
  return 0;
}

jv_status jv_table_layout(const jv_table *t, const jv_table_style *s, const jv_measure *m,
                          double width, jv_table_geom *g, jv_error *err)
{
  memset(g, 0, sizeof(*g));
  size_t nc = t->n_cols;
  g->col_x = calloc(nc, sizeof(double));
  g->col_w = calloc(nc, sizeof(double));
  g->header_wrapped = calloc(nc, sizeof(char **));
  double *need = calloc(nc, sizeof(double));
  if (!g->col_x || !g->col_w || !g->header_wrapped || !need) {
    free(need);
    jv_table_geom_free(g, nc);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t c = 0; c < nc; c++) {
    double w = t->headers[c] ? widest_word(m, s->header_size, t->headers[c]) : 0;
    for (size_t r = 0; r < t->n_rows; r++) {
      jv_font_style st = t->row_kind[r] == JV_ROW_TOTAL ? JV_FONT_BOLD : JV_FONT_REGULAR;
      double cw = jv_measure_width(m, st, s->font_size, jv_table_cell(t, r, c));
      if (cw > w)
        w = cw;
    }
    need[c] = w + 2 * s->pad;
  }
  double rest = width - need[0];
  double sum = 0;
  for (size_t c = 1; c < nc; c++)
    sum += need[c];
  if (rest < sum) {
    double total = need[0] + sum;
    free(need);
    jv_table_geom_free(g, nc);
    return jv_error_set(err, JV_EDATA, NULL, 0, 0,
                        "table '%s' needs %.0f pt but the page has %.0f pt",
                        t->title ? t->title : "", total, width);
  }
  /* share the rest equally, but never below what a column needs: columns that
   * need more than the equal share keep their need, the others split the rest */
  size_t flexible = nc - 1;
  bool *fixed = calloc(nc, sizeof(bool));
  double share = flexible ? rest / (double)flexible : 0;
  for (int changed = 1; changed && fixed && flexible > 0;) {
    changed = 0;
    double fixed_sum = 0;
    size_t nflex = 0;
    for (size_t c = 1; c < nc; c++) {
      if (fixed[c])
        fixed_sum += need[c];
      else
        nflex++;
    }
    share = nflex ? (rest - fixed_sum) / (double)nflex : 0;
    for (size_t c = 1; c < nc; c++) {
      if (!fixed[c] && need[c] > share) {
        fixed[c] = true;
        changed = 1;
      }
    }
  }
  g->col_w[0] = need[0];
  for (size_t c = 1; c < nc; c++)
    g->col_w[c] = (fixed && fixed[c]) ? need[c] : share;
  free(fixed);
  double x = 0;
  for (size_t c = 0; c < nc; c++) {
    g->col_x[c] = x;
    x += g->col_w[c];
  }
  g->width = x;
  g->header_lines = 1;
  for (size_t c = 0; c < nc; c++) {
    size_t nl = 0;
    g->header_wrapped[c] =
        wrap_words(m, JV_FONT_BOLD, s->header_size, t->headers[c], g->col_w[c] - 2 * s->pad, &nl);
    if (!g->header_wrapped[c]) {
      free(need);
      jv_table_geom_free(g, nc);
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    }
    if (nl > g->header_lines)
      g->header_lines = nl;
  }
  free(need);
  g->header_h = (double)g->header_lines * s->header_line_height + 8.0;
  g->title_h = t->title ? s->title_size * 1.4 + 6.0 : 0;
  if (wrap_note(t, s, m, g)) {
    jv_table_geom_free(g, nc);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  g->source_h =
      (t->source ? s->header_size * 1.3 + 4.0 : 0) + (double)g->note_n * s->header_size * 1.3;
  return JV_OK;
}

void jv_table_geom_free(jv_table_geom *g, size_t n_cols)
{
  if (g->header_wrapped) {
    for (size_t c = 0; c < n_cols; c++) {
      if (!g->header_wrapped[c])
        continue;
      for (char **l = g->header_wrapped[c]; *l; l++)
        free(*l);
      free(g->header_wrapped[c]);
    }
  }
  free(g->header_wrapped);
  for (size_t i = 0; i < g->note_n; i++)
    free(g->note_lines[i]);
  free(g->note_lines);
  free(g->note_starts);
  free(g->col_x);
  free(g->col_w);
  memset(g, 0, sizeof(*g));
}

size_t jv_table_rows_fitting(const jv_table *t, const jv_table_style *s, const jv_table_geom *g,
                             size_t first, double avail, size_t min_rows)
{
  if (first >= t->n_rows)
    return 0;
  size_t left = t->n_rows - first;
  double fixed = g->header_h + (first == 0 ? g->title_h : 0);
  /* everything left fits, with the source line under it */
  if (fixed + (double)left * s->row_height + g->source_h <= avail)
    return left;
  if (avail <= fixed)
    return 0;
  size_t fit = (size_t)((avail - fixed) / s->row_height);
  if (fit >= left) /* the rows fit but the source line does not: leave one */
    fit = left - 1;
  /* never leave fewer than min_rows rows behind, nor start with fewer */
  if (left - fit < min_rows && left > min_rows)
    fit = left > min_rows ? left - min_rows : 0;
  if (fit < min_rows)
    return 0;
  return fit;
}
