/* paginate.c - the flow of blocks into pages. */
#include "layout/paginate.h"

#include "layout/paragraph_split.h"
#include "layout/textflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jv_page_style_default(jv_page_style *s)
{
  memset(s, 0, sizeof(*s));
  s->width = 595.276;
  s->height = 841.89;
  s->margin_left = 62;
  s->margin_right = 56;
  s->margin_top = 78;
  s->margin_bottom = 70;
  s->body_size = 10;
  s->body_leading = 14;
  s->h1_size = 20;
  s->h2_size = 13;
  s->accent = jv_rgb_hex(0x0B5F73);
  s->accent_light = jv_rgb_hex(0xE1EEF1);
  s->text = jv_rgb_hex(0x222222);
  s->muted = jv_rgb_hex(0x6B6B6B);
  s->stripe = jv_rgb_hex(0xF4F6F7);
  s->justify = 1;
  jv_table_style_default(&s->table);
}

typedef struct {
  const jv_page_style *s;
  const jv_measure *m;
  jv_pages *out;
  jv_page *page;
  int page_index;
  double y;           /* next free y on the page */
  double bottom;      /* lowest usable y */
  double content_w;
  jv_error *err;
  double x0;            /* left edge of the current frame (page or column) */
  double full_w;        /* content width outside columns */
  int columns;          /* inside a two-column block */
  int col;              /* 0 = left, 1 = right column */
  double col_top;       /* top of the columns on the current page */
  double col_low;       /* lowest y reached in the left column */
  double page_bottom;   /* lowest usable y of a page (bottom may be raised
                           to balance two columns) */
  const jv_block *cur;  /* the block being placed */
  const jv_block *last; /* one past the document's last block */
  const jv_block *toc;  /* the TOC block, filled in after the flow */
  int toc_first;        /* its first reserved page */
  int toc_pages;
} flow;

static jv_status oom(flow *f) { return jv_error_set(f->err, JV_EINTERNAL, NULL, 0, 0, "out of memory"); }

static jv_status new_page(flow *f)
{
  f->page = jv_pages_add(f->out);
  if (!f->page)
    return oom(f);
  f->page_index = (int)f->out->n_pages - 1;
  f->y = f->s->margin_top;
  return JV_OK;
}

static double avail(const flow *f) { return f->bottom - f->y; }
static int at_top(const flow *f)
{
  return f->y <= (f->columns ? f->col_top : f->s->margin_top) + 0.01;
}

#define COL_GAP 22.0

static void balance_columns(flow *f);

/* Moves the flow to the next frame: the right column when in the left one,
 * else a new page (whose columns start at the top margin). */
static jv_status next_frame(flow *f)
{
  const jv_page_style *s = f->s;
  if (f->columns && f->col == 0) {
    f->col = 1;
    f->col_low = f->y;
    f->x0 = s->margin_left + f->content_w + COL_GAP;
    f->y = f->col_top;
    return JV_OK;
  }
  jv_status st = new_page(f);
  if (!st && f->columns) {
    f->col = 0;
    f->col_top = s->margin_top;
    f->x0 = s->margin_left;
    f->bottom = f->page_bottom;
    balance_columns(f);
  }
  return st;
}

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

static jv_status put_cover(flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  jv_page *pg = f->page;
  double band_h = s->height * 0.46;
  double x = s->margin_left;
  double w = s->width - s->margin_left - s->margin_right;
  jv_rgb white = {1, 1, 1};
  if (jv_page_rect(pg, 0, 0, s->width, band_h, s->accent))
    return oom(f);
  /* bottom-up inside the band: year, subtitle, title */
  double y = band_h - 36;
  if (b->text3 && jv_page_text(pg, x, y, b->text3, JV_FONT_BOLD, 24, white, JV_TEXT_LEFT))
    return oom(f);
  y -= 44;
  if (b->subtitle) {
    char lines[3][256];
    size_t n = wrap_words(f, b->subtitle, JV_FONT_REGULAR, 14, w, lines, 3);
    for (size_t i = n; i-- > 0;) {
      if (jv_page_text(pg, x, y, lines[i], JV_FONT_REGULAR, 14, white, JV_TEXT_LEFT))
        return oom(f);
      y -= 19;
    }
    y -= 16;
  }
  if (b->text) {
    char lines[4][256];
    size_t n = wrap_words(f, b->text, JV_FONT_BOLD, 30, w, lines, 4);
    for (size_t i = n; i-- > 0;) {
      if (jv_page_text(pg, x, y, lines[i], JV_FONT_BOLD, 30, white, JV_TEXT_LEFT))
        return oom(f);
      y -= 36;
    }
  }
  if (b->image) { /* the logo sits at the foot of the cover, right */
    double lw = b->image_w, lh = b->image_h;
    double scale = lw > 150 ? 150 / lw : 1;
    if (lh * scale > 80)
      scale = 80 / lh;
    lw *= scale, lh *= scale;
    if (jv_page_image(pg, s->width - s->margin_right - lw, s->height - s->margin_bottom - lh, lw,
                      lh, b->image))
      return oom(f);
  }
  if (jv_page_rect(pg, x, band_h + 24, 60, 4, s->accent) ||
      (b->text2 &&
       jv_page_text(pg, x, band_h + 56, b->text2, JV_FONT_BOLD, 20, s->accent, JV_TEXT_LEFT)))
    return oom(f);
  f->y = s->height; /* nothing else on the cover */
  return JV_OK;
}

/* ---- headings --------------------------------------------------------- */

static double heading_size(const flow *f, int level)
{
  return level <= 1 ? f->s->h1_size : level == 2 ? f->s->h2_size : f->s->body_size + 1;
}

static double heading_height(const flow *f, int level)
{
  return level <= 1 ? f->s->h1_size * 1.3 + 16 : heading_size(f, level) * 1.3 + 10;
}

static double table_keep_height(const flow *f, const jv_table *t);
static jv_status flow_paragraph(flow *f, const jv_block *b, int emit, size_t *n_lines);

/* Height that must follow a heading on the same page: the paragraphs under
 * it and the first table or figure they introduce (a table taller than a
 * page only needs its first rows). */
static double keep_height(flow *f, const jv_block *next, const jv_block *end)
{
  /* A heading followed by a short introduction (at most two paragraphs) and
   * then a table or figure keeps all of it together; otherwise it needs
   * only the first lines its first text block may not be split below. */
  double h = 0, first = -1;
  int paragraphs = 0;
  for (const jv_block *b = next; b && b < end; b++) {
    if (b->kind == JV_BLK_PARAGRAPH || b->kind == JV_BLK_LIST_ITEM || b->kind == JV_BLK_QUOTE) {
      size_t n = 0;
      flow_paragraph(f, b, 0, &n);
      if (first < 0)
        first = (double)jv_para_min_lines(n) * f->s->body_leading;
      h += (double)n * f->s->body_leading + f->s->body_leading * 0.6;
      if (b->kind != JV_BLK_PARAGRAPH || ++paragraphs > 2)
        break;
    } else if (b->kind == JV_BLK_TABLE) {
      return h + table_keep_height(f, b->table);
    } else if (b->kind == JV_BLK_FIGURE) {
      return h + b->figure->height + (b->figure->caption ? 16 : 0);
    } else {
      break;
    }
  }
  return first < 0 ? 0 : first;
}

static jv_status put_heading(flow *f, const jv_block *b, const jv_block *next,
                              const jv_block *end)
{
  const jv_page_style *s = f->s;
  double h = heading_height(f, b->level);
  if (b->level <= 1 && !f->columns && !at_top(f)) {
    jv_status st = new_page(f); /* chapters start on a new page */
    if (st)
      return st;
  } else if (!at_top(f) && avail(f) < h + keep_height(f, next, end)) {
    jv_status st = next_frame(f); /* never a heading alone at a page foot */
    if (st)
      return st;
  }
  double top = f->y;
  double size = heading_size(f, b->level);
  double base = f->y + size;
  jv_status st = jv_page_text(f->page, f->x0, base, b->text, JV_FONT_BOLD, size,
                              s->accent, JV_TEXT_LEFT);
  if (!st && b->level <= 1)
    st = jv_page_rect(f->page, f->x0, base + 8, 40, 3, s->accent);
  if (!st && b->outline)
    st = jv_pages_outline(f->out, b->text, b->level <= 1 ? 0 : 1, f->page_index, top);
  if (!st && b->outline && b->level <= 2)
    f->out->outline[f->out->n_outline - 1].in_toc = 1;
  if (st)
    return oom(f);
  f->y += h;
  return JV_OK;
}

/* ---- paragraphs, list items, pull quotes -------------------------------- */

/* How one text block is set: where its lines start, how wide and large. */
typedef struct {
  double indent;  /* from the frame's left edge */
  double width;
  double size, leading;
  jv_rgb color;
  int italic;     /* set every run in italics (pull quotes) */
  int justify;
  double after;   /* space below the block */
} text_fmt;

static text_fmt fmt_for(const flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  text_fmt t = {0, f->content_w, s->body_size, s->body_leading, s->text, 0, s->justify,
                s->body_leading * 0.6};
  if (b->kind == JV_BLK_LIST_ITEM) {
    t.indent = 16.0 * b->level;
    t.width = f->content_w - t.indent;
    t.justify = 0;
    t.after = b->continued ? s->body_leading * 0.4 : s->body_leading * 0.25;
  } else if (b->kind == JV_BLK_QUOTE) {
    t.indent = 14;
    t.width = f->content_w - 14;
    t.size = s->body_size * 1.35;
    t.leading = t.size * 1.3;
    t.color = s->accent;
    t.italic = 1;
    t.justify = 0;
    t.after = b->text ? 4 : s->body_leading;
  }
  return t;
}

/* Breaks a block's runs into lines (caller frees tf). */
static jv_status break_text(flow *f, const jv_block *b, const text_fmt *t, jv_textflow *tf)
{
  jv_textflow_run runs[64];
  size_t n = b->n_runs < 64 ? b->n_runs : 64;
  for (size_t i = 0; i < n; i++) {
    runs[i].text = b->runs[i].text;
    runs[i].style = t->italic ? (jv_font_style)(b->runs[i].style | JV_FONT_ITALIC)
                              : b->runs[i].style;
  }
  jv_textflow_opts o = {.size = t->size,
                        .width = t->width,
                        .first_indent = 0,
                        .align = t->justify ? JV_TEXTFLOW_JUSTIFY : JV_TEXTFLOW_RAGGED,
                        .hyph = f->s->hyph};
  return jv_textflow_break(tf, runs, n, f->m, &o, f->err);
}

/* The marker of a list item ("•" or "3.") left of its first line. */
static jv_status list_marker(flow *f, const jv_block *b, const text_fmt *t, double base)
{
  char mark[16];
  if (b->ordered)
    snprintf(mark, sizeof(mark), "%d.", b->number);
  else
    snprintf(mark, sizeof(mark), "%s", b->level == 1 ? "\xE2\x80\xA2" : "\xE2\x80\x93");
  return jv_page_text(f->page, f->x0 + t->indent - 5, base, mark, JV_FONT_REGULAR, t->size,
                      f->s->accent, JV_TEXT_RIGHT)
             ? oom(f)
             : JV_OK;
}

/* Places a text block's lines, splitting it over frames without widows or
 * orphans; with emit == 0 only counts its lines. last == 0: a forced line
 * break follows, so no space below. */
static jv_status flow_lines(flow *f, const jv_block *b, int emit, int last, size_t *n_lines)
{
  text_fmt t = fmt_for(f, b);
  if (!last)
    t.after = 0;
  jv_textflow tf;
  jv_status st = break_text(f, b, &t, &tf);
  if (st)
    return st;
  *n_lines = tf.n_lines;
  size_t done = 0;
  double bar_top = f->y;
  while (emit && done < tf.n_lines) {
    size_t room = avail(f) > 0 ? (size_t)(avail(f) / t.leading) : 0;
    size_t here = jv_para_split(tf.n_lines - done, room, at_top(f));
    if (done > 0 && here < 2 && tf.n_lines - done > here)
      here = 0; /* never one line of a split paragraph alone */
    if (here == 0) {
      if ((st = next_frame(f)))
        break;
      bar_top = f->y;
      continue;
    }
    for (size_t l = done; l < done + here && !st; l++) {
      const jv_textflow_line *ln = &tf.lines[l];
      double base = f->y + t.size;
      if (l == 0 && b->kind == JV_BLK_LIST_ITEM && !b->continued)
        st = list_marker(f, b, &t, base);
      for (size_t k = ln->first; !st && k < ln->first + ln->count; k++) {
        const jv_textflow_piece *pc = &tf.pieces[k];
        if (!pc->text[0])
          continue;
        if (jv_page_text(f->page, f->x0 + t.indent + pc->x, base, pc->text, pc->style, t.size,
                         t.color, JV_TEXT_LEFT))
          st = oom(f);
      }
      f->y += t.leading;
    }
    if (!st && b->kind == JV_BLK_QUOTE &&
        jv_page_rect(f->page, f->x0, bar_top + 2, 3, f->y - bar_top - 2, f->s->accent))
      st = oom(f);
    done += here;
    if (!st && done < tf.n_lines) {
      st = next_frame(f);
      bar_top = f->y;
    }
  }
  jv_textflow_free(&tf);
  if (emit && !st && last && b->kind == JV_BLK_QUOTE && b->text) {
    if (jv_page_text(f->page, f->x0 + t.indent, f->y + f->s->body_size, b->text, JV_FONT_BOLD,
                     f->s->body_size - 1, f->s->muted, JV_TEXT_LEFT))
      st = oom(f);
    f->y += f->s->body_leading + f->s->body_leading * 0.6;
  }
  if (emit && !st)
    f->y += t.after;
  return st;
}

/* A text block whose runs hold forced line breaks ('\n', from Markdown hard
 * breaks) is set as consecutive segments, each starting a new line. */
static jv_status flow_paragraph(flow *f, const jv_block *b, int emit, size_t *n_lines)
{
  int has_break = 0;
  for (size_t i = 0; i < b->n_runs && !has_break; i++)
    has_break = strchr(b->runs[i].text, '\n') != NULL;
  if (!has_break)
    return flow_lines(f, b, emit, 1, n_lines);
  jv_block seg = *b;
  jv_run runs[64];
  char *copies[64];
  size_t nr = 0, ncopies = 0, total = 0;
  jv_status st = JV_OK;
  seg.runs = runs;
  for (size_t i = 0; i < b->n_runs && !st; i++) {
    const char *p = b->runs[i].text;
    for (;;) {
      size_t len = strcspn(p, "\n");
      if (len > 0 && nr < 64 && ncopies < 64) {
        char *c = strndup(p, len);
        if (!c) {
          st = oom(f);
          break;
        }
        copies[ncopies++] = c;
        runs[nr].text = c;
        runs[nr++].style = b->runs[i].style;
      }
      if (p[len] != '\n')
        break;
      /* a break: set what came before it */
      int last = 0;
      size_t n = 0;
      seg.n_runs = nr;
      if (nr > 0)
        st = flow_lines(f, &seg, emit, last, &n);
      total += n;
      seg.continued = 1; /* later segments carry no list marker */
      nr = 0;
      p += len + 1;
      if (st)
        break;
    }
  }
  if (!st && nr > 0) {
    size_t n = 0;
    seg.n_runs = nr;
    st = flow_lines(f, &seg, emit, 1, &n);
    total += n;
  }
  for (size_t i = 0; i < ncopies; i++)
    free(copies[i]);
  *n_lines = total;
  return st;
}

static jv_status put_paragraph(flow *f, const jv_block *b)
{
  size_t n;
  return flow_paragraph(f, b, 1, &n);
}

/* ---- two columns -------------------------------------------------------- */

/* Height the blocks from f->cur up to the end of the column block take in
 * one column (an estimate: a block already half placed counts whole). */
static double columns_height(flow *f)
{
  double h = 0;
  for (const jv_block *b = f->cur; b && b < f->last && b->kind != JV_BLK_COLUMNS_END; b++) {
    if (b->kind == JV_BLK_HEADING) {
      h += heading_height(f, b->level);
    } else if (b->kind == JV_BLK_PARAGRAPH || b->kind == JV_BLK_LIST_ITEM ||
               b->kind == JV_BLK_QUOTE) {
      text_fmt t = fmt_for(f, b);
      size_t n = 0;
      if (flow_paragraph(f, b, 0, &n))
        return 1e9;
      h += (double)n * t.leading + t.after;
      if (b->kind == JV_BLK_QUOTE && b->text)
        h += f->s->body_leading * 1.6;
    } else if (b->kind == JV_BLK_FIGURE) {
      h += b->figure->height + 16;
    }
  }
  return h;
}

/* When what is left of a column block fits in the two columns of this page,
 * end the left column about halfway so both columns come out even. */
static void balance_columns(flow *f)
{
  double room = f->page_bottom - f->y;
  double h = columns_height(f);
  if (h < 2 * room - 2 * f->s->body_leading) {
    double half = h / 2 + 1.5 * f->s->body_leading;
    f->bottom = f->y + half < f->page_bottom ? f->y + half : f->page_bottom;
  }
}

static jv_status columns_begin(flow *f)
{
  f->full_w = f->content_w;
  f->content_w = (f->full_w - COL_GAP) / 2;
  f->columns = 1;
  f->col = 0;
  f->col_top = f->y;
  f->x0 = f->s->margin_left;
  f->cur++; /* the blocks after this marker */
  balance_columns(f);
  f->cur--;
  return JV_OK;
}

static jv_status columns_end(flow *f)
{
  if (!f->columns)
    return JV_OK;
  if (f->col == 1 && f->col_low > f->y)
    f->y = f->col_low;
  f->columns = 0;
  f->col = 0;
  f->bottom = f->page_bottom;
  f->content_w = f->full_w;
  f->x0 = f->s->margin_left;
  f->y += 6;
  return JV_OK;
}

/* ---- tables ----------------------------------------------------------- */

static jv_status table_header(flow *f, const jv_table *t, const jv_table_geom *g, double x0)
{
  const jv_page_style *s = f->s;
  const jv_table_style *ts = &s->table;
  jv_page *pg = f->page;
  if (jv_page_rect(pg, x0, f->y, g->width, g->header_h, s->accent))
    return oom(f);
  jv_rgb white = {1, 1, 1};
  for (size_t c = 0; c < t->n_cols; c++) {
    char **lines = g->header_wrapped[c];
    size_t n = 0;
    while (lines && lines[n])
      n++;
    /* bottom-align header lines, like the numbers under them */
    double base = f->y + g->header_h - 5 - (double)(n ? n - 1 : 0) * ts->header_line_height;
    for (size_t i = 0; i < n; i++) {
      double x = t->align[c] == JV_CELL_RIGHT ? x0 + g->col_x[c] + g->col_w[c] - ts->pad
                                              : x0 + g->col_x[c] + ts->pad;
      jv_text_anchor a = t->align[c] == JV_CELL_RIGHT ? JV_TEXT_RIGHT : JV_TEXT_LEFT;
      if (jv_page_text(pg, x, base + (double)i * ts->header_line_height, lines[i], JV_FONT_BOLD,
                       ts->header_size, white, a))
        return oom(f);
    }
  }
  f->y += g->header_h;
  return JV_OK;
}

static jv_status table_rows(flow *f, const jv_table *t, const jv_table_geom *g, double x0,
                            size_t first, size_t count)
{
  const jv_page_style *s = f->s;
  const jv_table_style *ts = &s->table;
  jv_page *pg = f->page;
  for (size_t r = first; r < first + count; r++) {
    int total = t->row_kind[r] == JV_ROW_TOTAL;
    if (total) {
      if (jv_page_rect(pg, x0, f->y, g->width, ts->row_height, s->accent_light) ||
          jv_page_line(pg, x0, f->y, x0 + g->width, f->y, 0.8, s->accent))
        return oom(f);
    } else if ((r - first) % 2 == 1) {
      if (jv_page_rect(pg, x0, f->y, g->width, ts->row_height, s->stripe))
        return oom(f);
    }
    for (size_t c = 0; c < t->n_cols; c++) {
      if (t->emphasis[c] && !total &&
          jv_page_rect(pg, x0 + g->col_x[c], f->y, g->col_w[c], ts->row_height, s->accent_light))
        return oom(f);
      double x = t->align[c] == JV_CELL_RIGHT ? x0 + g->col_x[c] + g->col_w[c] - ts->pad
                                              : x0 + g->col_x[c] + ts->pad;
      jv_text_anchor a = t->align[c] == JV_CELL_RIGHT ? JV_TEXT_RIGHT : JV_TEXT_LEFT;
      jv_font_style st = total || t->emphasis[c] ? JV_FONT_BOLD : JV_FONT_REGULAR;
      if (jv_page_text(pg, x, f->y + ts->row_height - 4.2, jv_table_cell(t, r, c), st,
                       ts->font_size, s->text, a))
        return oom(f);
    }
    f->y += ts->row_height;
  }
  if (jv_page_line(pg, x0, f->y, x0 + g->width, f->y, 0.8, s->accent))
    return oom(f);
  return JV_OK;
}

static jv_status put_table(flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  const jv_table *t = b->table;
  jv_table_geom g;
  jv_status st = jv_table_layout(t, &s->table, f->m, f->content_w, &g, f->err);
  if (st)
    return st;
  double x0 = f->x0;
  size_t first = 0;
  /* a table that fits on a page of its own is kept together; only a table
   * taller than a page is split (with its header repeated) */
  double whole = g.title_h + g.header_h + (double)t->n_rows * s->table.row_height + g.source_h;
  double page_h = f->bottom - s->margin_top;
  if (whole > avail(f) && whole <= page_h && !at_top(f) && (st = new_page(f))) {
    jv_table_geom_free(&g, t->n_cols);
    return st;
  }
  while (first < t->n_rows || (t->n_rows == 0 && first == 0)) {
    size_t n = jv_table_rows_fitting(t, &s->table, &g, first, avail(f), 3);
    if (n == 0 && t->n_rows > 0) {
      if (at_top(f)) { /* even a fresh page is too small: place what fits */
        n = (size_t)((avail(f) - g.header_h - g.title_h) / s->table.row_height);
        if (n == 0) {
          jv_table_geom_free(&g, t->n_cols);
          return jv_error_set(f->err, JV_EINTERNAL, NULL, 0, 0, "page too small for a table");
        }
      } else {
        if ((st = new_page(f)))
          break;
        continue;
      }
    }
    if (first == 0 && t->title) {
      if (b->outline && jv_pages_outline(f->out, t->title, 1, f->page_index, f->y)) {
        st = oom(f);
        break;
      }
      if (jv_page_text(f->page, x0, f->y + s->table.title_size, t->title, JV_FONT_BOLD,
                       s->table.title_size, s->accent, JV_TEXT_LEFT)) {
        st = oom(f);
        break;
      }
      f->y += g.title_h;
    } else if (first > 0 && t->title) {
      /* continuation: repeat the header with a short note above it */
      char note[600];
      snprintf(note, sizeof(note), "%s (vervolg)", t->title);
      if (jv_page_text(f->page, x0, f->y + s->table.title_size, note, JV_FONT_BOLD,
                       s->table.title_size, s->accent, JV_TEXT_LEFT)) {
        st = oom(f);
        break;
      }
      f->y += g.title_h;
    }
    if ((st = table_header(f, t, &g, x0)) || (st = table_rows(f, t, &g, x0, first, n)))
      break;
    first += n;
    if (first >= t->n_rows) {
      if (t->source) {
        if (jv_page_text(f->page, x0, f->y + 10, t->source, JV_FONT_ITALIC, s->table.header_size,
                         s->muted, JV_TEXT_LEFT)) {
          st = oom(f);
          break;
        }
        f->y += g.source_h;
      }
      break;
    }
    if ((st = new_page(f)))
      break;
  }
  jv_table_geom_free(&g, t->n_cols);
  f->y += 18;
  return st;
}

static double table_keep_height(const flow *f, const jv_table *t)
{
  jv_table_geom g;
  jv_error ignored;
  if (jv_table_layout(t, &f->s->table, f->m, f->content_w, &g, &ignored))
    return 0;
  double row = f->s->table.row_height;
  double whole = g.title_h + g.header_h + (double)t->n_rows * row + g.source_h;
  double page_h = f->bottom - f->s->margin_top;
  double h = whole <= page_h ? whole : g.title_h + g.header_h + 3 * row;
  jv_table_geom_free(&g, t->n_cols);
  return h;
}

/* ---- figures ---------------------------------------------------------- */

static jv_status put_figure(flow *f, const jv_block *b)
{
  const jv_figure *fig = b->figure;
  double cap_h = fig->caption ? 16 : 0;
  if (avail(f) < fig->height + cap_h && !at_top(f)) {
    jv_status st = next_frame(f);
    if (st)
      return st;
  }
  if (fig->caption) {
    if (jv_page_text(f->page, f->x0, f->y + 10, fig->caption, JV_FONT_BOLD,
                     f->s->table.title_size, f->s->accent, JV_TEXT_LEFT))
      return oom(f);
    f->y += cap_h;
  }
  if (jv_page_figure(f->page, f->x0, f->y, fig))
    return oom(f);
  f->y += fig->height + 16;
  return JV_OK;
}

/* ---- table of contents -------------------------------------------------- */

#define TOC_TITLE_H 56.0
#define TOC_LINE_H 20.0

static size_t toc_entries(const jv_doc *doc)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->n_blocks; i++)
    n += doc->blocks[i].kind == JV_BLK_HEADING && doc->blocks[i].level <= 2;
  return n;
}

/* Reserves whole pages for the TOC; its lines are written once every
 * heading has its page (the count of entries is known up front, so the
 * reserved pages never change the numbering). */
static jv_status reserve_toc(flow *f, const jv_doc *doc, const jv_block *b)
{
  double per_page = (f->bottom - f->s->margin_top - TOC_TITLE_H) / TOC_LINE_H;
  size_t n = toc_entries(doc);
  int pages = (int)((double)n / per_page) + 1;
  jv_status st = JV_OK;
  if (!at_top(f))
    st = new_page(f);
  f->toc = b;
  f->toc_first = f->page_index;
  f->toc_pages = pages;
  for (int i = 1; i < pages && !st; i++)
    st = new_page(f);
  if (!st)
    f->y = f->bottom; /* the flow continues on a fresh page */
  return st;
}

static jv_status fill_toc(flow *f)
{
  const jv_page_style *s = f->s;
  int page = f->toc_first;
  jv_page *pg = &f->out->pages[page];
  double y = s->margin_top;
  if (jv_page_text(pg, s->margin_left, y + s->h1_size, f->toc->text, JV_FONT_BOLD, s->h1_size,
                   s->accent, JV_TEXT_LEFT) ||
      jv_page_rect(pg, s->margin_left, y + s->h1_size + 8, 40, 3, s->accent))
    return oom(f);
  y += TOC_TITLE_H;
  double right = s->width - s->margin_right;
  for (size_t i = 0; i < f->out->n_outline; i++) {
    const jv_outline_entry *e = &f->out->outline[i];
    if (!e->in_toc)
      continue;
    if (y + TOC_LINE_H > f->bottom && page + 1 < f->toc_first + f->toc_pages) {
      pg = &f->out->pages[++page];
      y = s->margin_top;
    }
    int top = e->level == 0;
    double x = s->margin_left + (top ? 0 : 18);
    double size = top ? 11 : 10;
    jv_font_style st = top ? JV_FONT_BOLD : JV_FONT_REGULAR;
    char num[16];
    snprintf(num, sizeof(num), "%d", e->page + 1);
    double base = y + size + 2;
    double tw = jv_measure_width(f->m, st, size, e->title);
    double nw = jv_measure_width(f->m, st, size, num);
    if (jv_page_text(pg, x, base, e->title, st, size, top ? s->accent : s->text, JV_TEXT_LEFT) ||
        jv_page_text(pg, right, base, num, st, size, top ? s->accent : s->text, JV_TEXT_RIGHT) ||
        jv_page_line(pg, x + tw + 6, base, right - nw - 6, base, 0.4, jv_rgb_hex(0xC3CACE)) ||
        jv_page_link(pg, x, y, right - x, TOC_LINE_H, e->page))
      return oom(f);
    y += TOC_LINE_H;
  }
  return JV_OK;
}

/* ---- running header and footer ---------------------------------------- */

static jv_status decorate(flow *f)
{
  const jv_page_style *s = f->s;
  size_t n = f->out->n_pages;
  for (size_t i = 0; i < n; i++) {
    jv_page *pg = &f->out->pages[i];
    if (i == 0)
      continue; /* the cover carries no running header or number */
    double hy = s->margin_top - 34;
    char num[64];
    snprintf(num, sizeof(num), "Pagina %zu van %zu", i + 1, n);
    jv_status st = JV_OK;
    if (s->running_title)
      st = jv_page_text(pg, s->margin_left, hy, s->running_title, JV_FONT_REGULAR, 8, s->muted,
                        JV_TEXT_LEFT);
    if (!st && s->running_right)
      st = jv_page_text(pg, s->width - s->margin_right, hy, s->running_right, JV_FONT_BOLD, 8,
                        s->accent, JV_TEXT_RIGHT);
    if (!st)
      st = jv_page_line(pg, s->margin_left, hy + 6, s->width - s->margin_right, hy + 6, 0.5,
                        s->muted);
    if (!st)
      st = jv_page_text(pg, s->width - s->margin_right, s->height - s->margin_bottom + 34, num,
                        JV_FONT_REGULAR, 8, s->muted, JV_TEXT_RIGHT);
    if (st)
      return oom(f);
  }
  return JV_OK;
}

jv_status jv_paginate(const jv_doc *doc, const jv_page_style *s, const jv_measure *m,
                      jv_pages *out, jv_error *err)
{
  flow f = {.s = s, .m = m, .out = out, .err = err};
  f.bottom = s->height - s->margin_bottom;
  f.page_bottom = f.bottom;
  f.last = doc->blocks + doc->n_blocks;
  f.content_w = s->width - s->margin_left - s->margin_right;
  f.full_w = f.content_w;
  f.x0 = s->margin_left;
  jv_status st = new_page(&f);
  for (size_t i = 0; !st && i < doc->n_blocks; i++) {
    const jv_block *b = &doc->blocks[i];
    const jv_block *next = i + 1 < doc->n_blocks ? &doc->blocks[i + 1] : NULL;
    f.cur = b;
    switch (b->kind) {
    case JV_BLK_COVER:
      st = put_cover(&f, b);
      if (!st && next)
        st = new_page(&f);
      break;
    case JV_BLK_HEADING:
      st = put_heading(&f, b, next, doc->blocks + doc->n_blocks);
      break;
    case JV_BLK_PARAGRAPH:
    case JV_BLK_LIST_ITEM:
    case JV_BLK_QUOTE:
      st = put_paragraph(&f, b);
      break;
    case JV_BLK_COLUMNS_BEGIN:
      st = columns_begin(&f);
      break;
    case JV_BLK_COLUMNS_END:
      st = columns_end(&f);
      break;
    case JV_BLK_TABLE:
      st = put_table(&f, b);
      break;
    case JV_BLK_FIGURE:
      st = put_figure(&f, b);
      break;
    case JV_BLK_PAGEBREAK:
      if (!at_top(&f))
        st = new_page(&f);
      break;
    case JV_BLK_TOC:
      st = reserve_toc(&f, doc, b);
      break;
    }
  }
  if (!st && f.toc)
    st = fill_toc(&f);
  return st ? st : decorate(&f);
}
