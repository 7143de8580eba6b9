/* paginate_blocks.c - cover, tables (kept together or split with their
 * header repeated) and figures in the flow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/paginate_int.h"

/* ---- cover ------------------------------------------------------------ */

/* Greedy word wrap of a short display text into at most max lines. */
static size_t wrap_words(const flow *f, const char *text, jv_font_style st, double size,
                         double width, char lines[][256], size_t max)
{
  size_t n = 0;
  lines[0][0] = '\0';
  const char *p = text;
  while (*p && n < max) {
    size_t len = strcspn(p, " ");
    char trial[512];
    snprintf(trial, sizeof(trial), "%s%s%.*s", lines[n], lines[n][0] ? " " : "", (int)len, p);
    if (lines[n][0] && jv_measure_width(f->m, st, size, trial) > width) {
      if (++n == max)
        break;
      snprintf(lines[n], 256, "%.*s", (int)len, p);
    } else {
      snprintf(lines[n], 256, "%s", trial);
    }
    p += len;
    while (*p == ' ')
      p++;
  }
  return n < max ? n + 1 : max;
}

/* The cover in reading order (title, subtitle, year, region), each its own
 * element; positions are found bottom-up inside the band. */
jv_status jv_flow__put_cover(flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  jv_page *pg = f->page;
  double band_h = s->height * 0.46;
  double x = s->margin_left;
  double w = s->width - s->margin_left - s->margin_right;
  jv_rgb white = {1, 1, 1};
  pg->elem = JV_ELEM_ARTIFACT;
  if (jv_page_rect(pg, 0, 0, s->width, band_h, s->accent))
    return jv_flow__oom(f);
  char title[4][256], sub[3][256];
  size_t nt = b->text ? wrap_words(f, b->text, JV_FONT_BOLD, 30, w, title, 4) : 0;
  size_t ns = b->subtitle ? wrap_words(f, b->subtitle, JV_FONT_REGULAR, 14, w, sub, 3) : 0;
  double year_y = band_h - 36;
  double sub_last = year_y - 44; /* baseline of the subtitle's last line */
  double title_last = sub_last - (ns ? (double)ns * 19 + 16 : 0);
  int ok = jv_flow__elem(f, JV_SE_H1, -1) >= 0;
  for (size_t i = 0; ok && i < nt; i++) {
    ok = !jv_page_text(pg, x, title_last - (double)(nt - 1 - i) * 36, title[i], JV_FONT_BOLD, 30,
                       white, JV_TEXT_LEFT);
    if (ok) /* the words of the next line follow after a space */
      jv_page_last(pg)->space_after = i + 1 < nt;
  }
  if (ok && ns)
    ok = jv_flow__elem(f, JV_SE_P, -1) >= 0;
  for (size_t i = 0; ok && i < ns; i++) {
    ok = !jv_page_text(pg, x, sub_last - (double)(ns - 1 - i) * 19, sub[i], JV_FONT_REGULAR, 14,
                       white, JV_TEXT_LEFT);
    if (ok)
      jv_page_last(pg)->space_after = i + 1 < ns;
  }
  if (ok && b->text3)
    ok = jv_flow__elem(f, JV_SE_P, -1) >= 0 &&
         !jv_page_text(pg, x, year_y, b->text3, JV_FONT_BOLD, 24, white, JV_TEXT_LEFT);
  if (ok && b->text2)
    ok = jv_flow__elem(f, JV_SE_P, -1) >= 0 &&
         !jv_page_text(pg, x, band_h + 56, b->text2, JV_FONT_BOLD, 20, s->accent, JV_TEXT_LEFT);
  if (!ok)
    return jv_flow__oom(f);
  pg->elem = JV_ELEM_ARTIFACT; /* logo and rule are decoration */
  if (b->image) {              /* the logo sits at the foot of the cover, right */
    double lw = b->image_w, lh = b->image_h;
    double scale = lw > 150 ? 150 / lw : 1;
    if (lh * scale > 80)
      scale = 80 / lh;
    lw *= scale, lh *= scale;
    if (jv_page_image(pg, s->width - s->margin_right - lw, s->height - s->margin_bottom - lh, lw,
                      lh, b->image))
      return jv_flow__oom(f);
  }
  if (jv_page_rect(pg, x, band_h + 24, 60, 4, s->accent))
    return jv_flow__oom(f);
  f->y = s->height; /* nothing else on the cover */
  return JV_OK;
}

/* ---- tables ----------------------------------------------------------- */

/* The table's elements: Table, its THead row of TH (scope column) and TBody. */
typedef struct {
  int table, thead_tr, tbody;
  int header_done; /* the header on a continuation page is an artifact */
} table_elems;

static int cell_elem(flow *f, int parent, jv_struct_type type, jv_scope scope)
{
  int e = jv_flow__elem(f, type, parent);
  if (e >= 0)
    f->out->elems[e].scope = scope;
  return e;
}

static jv_status table_header(flow *f, const jv_table *t, const jv_table_geom *g, double x0,
                              table_elems *te)
{
  const jv_page_style *s = f->s;
  const jv_table_style *ts = &s->table;
  jv_page *pg = f->page;
  pg->elem = JV_ELEM_ARTIFACT;
  if (jv_page_rect(pg, x0, f->y, g->width, g->header_h, s->accent))
    return jv_flow__oom(f);
  jv_rgb white = {1, 1, 1};
  for (size_t c = 0; c < t->n_cols; c++) {
    char **lines = g->header_wrapped[c];
    size_t n = 0;
    while (lines && lines[n])
      n++;
    if (!te->header_done && cell_elem(f, te->thead_tr, JV_SE_TH, JV_SCOPE_COLUMN) < 0)
      return jv_flow__oom(f);
    /* bottom-align header lines, like the numbers under them */
    double base = f->y + g->header_h - 5 - (double)(n ? n - 1 : 0) * ts->header_line_height;
    for (size_t i = 0; i < n; i++) {
      double x = t->align[c] == JV_CELL_RIGHT ? x0 + g->col_x[c] + g->col_w[c] - ts->pad
                                              : x0 + g->col_x[c] + ts->pad;
      jv_text_anchor a = t->align[c] == JV_CELL_RIGHT ? JV_TEXT_RIGHT : JV_TEXT_LEFT;
      if (jv_page_text(pg, x, base + (double)i * ts->header_line_height, lines[i], JV_FONT_BOLD,
                       ts->header_size, white, a))
        return jv_flow__oom(f);
      jv_page_last(pg)->space_after = i + 1 < n;
    }
  }
  te->header_done = 1;
  pg->elem = JV_ELEM_ARTIFACT;
  f->y += g->header_h;
  return JV_OK;
}

/* Body rows: a TR each, the first column as row headers (TH, scope row). */
static jv_status table_rows(flow *f, const jv_table *t, const jv_table_geom *g, double x0,
                            size_t first, size_t count, const table_elems *te)
{
  const jv_page_style *s = f->s;
  const jv_table_style *ts = &s->table;
  jv_page *pg = f->page;
  for (size_t r = first; r < first + count; r++) {
    int tr = jv_flow__elem(f, JV_SE_TR, te->tbody);
    if (tr < 0)
      return jv_flow__oom(f);
    int total = t->row_kind[r] == JV_ROW_TOTAL;
    if (total) {
      if (jv_page_rect(pg, x0, f->y, g->width, ts->row_height, s->accent_light) ||
          jv_page_line(pg, x0, f->y, x0 + g->width, f->y, 0.8, s->accent))
        return jv_flow__oom(f);
    } else if ((r - first) % 2 == 1) {
      if (jv_page_rect(pg, x0, f->y, g->width, ts->row_height, s->stripe))
        return jv_flow__oom(f);
    }
    for (size_t c = 0; c < t->n_cols; c++) {
      if (t->emphasis[c] && !total &&
          jv_page_rect(pg, x0 + g->col_x[c], f->y, g->col_w[c], ts->row_height, s->accent_light))
        return jv_flow__oom(f);
      double x = t->align[c] == JV_CELL_RIGHT ? x0 + g->col_x[c] + g->col_w[c] - ts->pad
                                              : x0 + g->col_x[c] + ts->pad;
      jv_text_anchor a = t->align[c] == JV_CELL_RIGHT ? JV_TEXT_RIGHT : JV_TEXT_LEFT;
      jv_font_style st = total || t->emphasis[c] ? JV_FONT_BOLD : JV_FONT_REGULAR;
      if (cell_elem(f, tr, c == 0 ? JV_SE_TH : JV_SE_TD, c == 0 ? JV_SCOPE_ROW : JV_SCOPE_NONE) <
              0 ||
          jv_page_text(pg, x, f->y + ts->row_height - 4.2, jv_table_cell(t, r, c), st,
                       ts->font_size, s->text, a))
        return jv_flow__oom(f);
    }
    f->y += ts->row_height;
  }
  if (jv_page_line(pg, x0, f->y, x0 + g->width, f->y, 0.8, s->accent))
    return jv_flow__oom(f);
  return JV_OK;
}

/* The source line and the footnotes under the table's last part, on its
 * page (the table's height counts them), each footnote a paragraph. */
static jv_status table_notes(flow *f, const jv_table *t, const jv_table_geom *g, double x0)
{
  const jv_page_style *s = f->s;
  double size = s->table.header_size, y = f->y + 10;
  if (t->source) {
    if (jv_flow__elem(f, JV_SE_P, -1) < 0 ||
        jv_page_text(f->page, x0, y, t->source, JV_FONT_ITALIC, size, s->muted, JV_TEXT_LEFT))
      return jv_flow__oom(f);
    y += size * 1.3;
  }
  for (size_t i = 0; i < g->note_n; i++, y += size * 1.3) {
    if ((g->note_starts[i] && jv_flow__elem(f, JV_SE_P, -1) < 0) ||
        jv_page_text(f->page, x0, y, g->note_lines[i], JV_FONT_ITALIC, size, s->muted,
                     JV_TEXT_LEFT))
      return jv_flow__oom(f);
    /* a footnote wrapped over lines reads back with a word space between them */
    jv_page_last(f->page)->space_after = i + 1 < g->note_n && !g->note_starts[i + 1];
  }
  f->y += g->source_h;
  return JV_OK;
}

/* A table that does not fit below what is on the page moves to the next
 * page whole when the page is full enough; on a page that would be left
 * under JV_PAGE_MIN_FILL it is split instead (three rows at least on
 * either side), so white space does not pile up above it. A table kept
 * (t->keep: its notes explain particular rows) is not split so: the notes
 * stay on the page of those rows; it is split only when taller than a page. */
static int split_here(const flow *f, const jv_table *t, const jv_table_geom *g, double y)
{
  if (t->keep || used(f, y) >= JV_PAGE_MIN_FILL)
    return 0;
  return jv_table_rows_fitting(t, &f->s->table, g, 0, f->bottom - y, 3) > 0;
}

jv_status jv_flow__put_table(flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  const jv_table *t = b->table;
  jv_table_geom g;
  jv_status st = jv_table_layout(t, &s->table, f->m, f->content_w, &g, f->err);
  if (st)
    return st;
  table_elems te = {-1, -1, -1, 0};
  te.table = jv_pages_elem(f->out, JV_SE_TABLE, -1);
  int caption = te.table >= 0 && t->title ? jv_pages_elem(f->out, JV_SE_CAPTION, te.table) : -2;
  int thead = caption != -1 ? jv_pages_elem(f->out, JV_SE_THEAD, te.table) : -1;
  te.thead_tr = thead >= 0 ? jv_pages_elem(f->out, JV_SE_TR, thead) : -1;
  te.tbody = te.thead_tr >= 0 ? jv_pages_elem(f->out, JV_SE_TBODY, te.table) : -1;
  if (te.tbody < 0) {
    jv_table_geom_free(&g, t->n_cols);
    return jv_flow__oom(f);
  }
  double x0 = f->x0;
  size_t first = 0;
  /* a table that fits on a page of its own is kept together; only a table
   * taller than a page is split (with its header repeated) */
  double whole = g.title_h + g.header_h + (double)t->n_rows * s->table.row_height + g.source_h;
  double page_h = f->bottom - s->margin_top;
  int split = f->split_table == b || split_here(f, t, &g, f->y);
  f->split_table = NULL;
  if (whole > avail(f) && whole <= page_h && !at_top(f) && !split &&
      (st = jv_flow__move_on(f, b, whole, 0))) {
    jv_table_geom_free(&g, t->n_cols);
    return st;
  }
  while (first < t->n_rows || (t->n_rows == 0 && first == 0)) {
    /* a continuation repeats the title line ("(vervolg)") above the header */
    double cont = first > 0 && t->title ? g.title_h : 0;
    size_t n = jv_table_rows_fitting(t, &s->table, &g, first, avail(f) - cont, 3);
    if (n == 0 && t->n_rows > 0) {
      if (at_top(f)) { /* even a fresh page is too small: place what fits */
        n = (size_t)((avail(f) - g.header_h - g.title_h) / s->table.row_height);
        if (n == 0) {
          jv_table_geom_free(&g, t->n_cols);
          return jv_error_set(f->err, JV_EINTERNAL, NULL, 0, 0, "page too small for a table");
        }
      } else {
        if ((st = jv_flow__move_on(f, b, g.title_h + g.header_h + 3 * s->table.row_height, 0)))
          break;
        continue;
      }
    }
    if (first == 0 && t->title) {
      if (b->outline && jv_pages_outline(f->out, t->title, 1, f->page_index, f->y)) {
        st = jv_flow__oom(f);
        break;
      }
      f->page->elem = caption;
      if (jv_page_text(f->page, x0, f->y + s->table.title_size, t->title, JV_FONT_BOLD,
                       s->table.title_size, s->accent, JV_TEXT_LEFT)) {
        st = jv_flow__oom(f);
        break;
      }
      f->y += g.title_h;
    } else if (first > 0 && t->title) {
      f->page->elem = JV_ELEM_ARTIFACT;
      /* continuation: repeat the header with a short note above it */
      char note[600];
      snprintf(note, sizeof(note), "%s (vervolg)", t->title);
      if (jv_page_text(f->page, x0, f->y + s->table.title_size, note, JV_FONT_BOLD,
                       s->table.title_size, s->accent, JV_TEXT_LEFT)) {
        st = jv_flow__oom(f);
        break;
      }
      f->y += g.title_h;
    }
    if ((st = table_header(f, t, &g, x0, &te)) || (st = table_rows(f, t, &g, x0, first, n, &te)))
      break;
    first += n;
    if (first >= t->n_rows) {
      st = table_notes(f, t, &g, x0);
      break;
    }
    if ((st = jv_flow__new_page(f)))
      break;
  }
  jv_table_geom_free(&g, t->n_cols);
  f->y += 18;
  return st;
}

double jv_flow__table_keep_height(const flow *f, const jv_table *t, double y, int may_split)
{
  jv_table_geom g;
  jv_error ignored;
  if (jv_table_layout(t, &f->s->table, f->m, f->content_w, &g, &ignored))
    return 0;
  double row = f->s->table.row_height;
  double whole = g.title_h + g.header_h + (double)t->n_rows * row + g.source_h;
  double page_h = f->bottom - f->s->margin_top;
  double first_rows = g.title_h + g.header_h + 3 * row;
  int split = (may_split && !t->keep) || split_here(f, t, &g, y);
  double h = whole <= f->bottom - y || (whole <= page_h && !split) ? whole : first_rows;
  jv_table_geom_free(&g, t->n_cols);
  return h;
}

/* ---- figures ---------------------------------------------------------- */

#define MIN_FIGURE_SHRINK 0.8 /* a figure may be drawn down to this share of its height */

double jv_flow__caption_height(const jv_figure *fig)
{
  return fig->caption ? FIGURE_CAPTION_H : 0;
}

/* A figure is never taller than a page's text area: a chart of very many
 * municipalities is drawn into the page height (charts and maps lay
 * themselves out in whatever box they get). */
double jv_flow__figure_height(const flow *f, const jv_figure *fig)
{
  double cap_h = jv_flow__caption_height(fig);
  double page_h = f->page_bottom - f->s->margin_top - cap_h - FIGURE_GAP;
  return fig->height < page_h ? fig->height : page_h;
}

jv_status jv_flow__put_figure(flow *f, const jv_block *b)
{
  const jv_figure *fig = b->figure;
  double cap_h = jv_flow__caption_height(fig);
  double h = jv_flow__figure_height(f, fig);
  double notes = jv_flow__notes_height(f, b); /* kept under it, on this page */
  double room = avail(f) - cap_h - notes;
  if (room < h && !at_top(f)) {
    /* rather than leave the page under the minimum, a figure is drawn a
     * little smaller (charts and maps lay themselves out in their box) */
    if (!f->columns && used(f, f->y) < JV_PAGE_MIN_FILL && room >= MIN_FIGURE_SHRINK * h) {
      h = room;
    } else {
      jv_status st = jv_flow__move_on(f, b, h + cap_h + notes, 1);
      if (st)
        return st;
    }
  }
  /* the elements made where the template has the figure (jv_flow__open_elems) */
  int e = f->fig_elem && b >= f->first && b < f->last ? f->fig_elem[b - f->first] : -1;
  if (e < 0)
    return jv_flow__oom(f);
  if (fig->caption) {
    f->page->elem = e - 1;
    if (jv_page_text(f->page, f->x0, f->y + 10, fig->caption, JV_FONT_BOLD, f->s->table.title_size,
                     f->s->accent, JV_TEXT_LEFT))
      return jv_flow__oom(f);
    f->y += cap_h;
  }
  f->page->elem = e;
  if (jv_page_figure(f->page, f->x0, f->y, fig))
    return jv_flow__oom(f);
  jv_item *it = jv_page_last(f->page);
  it->h = h;
  jv_status st = jv_figure_lay_out(fig, f->m, it->w, it->h, &it->scene, f->err);
  if (st)
    return st;
  f->y += h + FIGURE_GAP;
  return JV_OK;
}
