/* paginate.c - the flow of blocks into pages: frames, headings and the
 * keep-together rules; each block kind is placed by its paginate_*.c file. */
#include "layout/paginate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/page_map.h"
#include "layout/paginate_int.h"
#include "layout/paragraph_split.h"

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

jv_status jv_flow__oom(flow *f)
{
  return jv_error_set(f->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

int jv_flow__elem(flow *f, jv_struct_type type, int parent)
{
  int e = jv_pages_elem(f->out, type, parent);
  f->page->elem = e < 0 ? JV_ELEM_ARTIFACT : e;
  return e;
}

/* A list item joins the list of its depth (a new L, nested in the LBody of
 * the item above when deeper) as an LI of Lbl and LBody. */
static int list_item_elems(flow *f, const jv_block *b)
{
  int d = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
  for (int k = d + 1; k < 4; k++)
    f->elem_list[k] = f->elem_lbody[k] = -1;
  if (b->continued && f->elem_lbody[d] >= 0) {
    f->elem_text = f->elem_lbody[d];
    return 0;
  }
  if (f->elem_list[d] < 0) {
    int parent = d > 1 ? f->elem_lbody[d - 1] : -1;
    if ((f->elem_list[d] = jv_flow__elem(f, JV_SE_L, parent)) < 0)
      return -1;
  }
  int li = jv_flow__elem(f, JV_SE_LI, f->elem_list[d]);
  f->elem_lbl = li < 0 ? -1 : jv_flow__elem(f, JV_SE_LBL, li);
  f->elem_text = f->elem_lbl < 0 ? -1 : jv_flow__elem(f, JV_SE_LBODY, li);
  f->elem_lbody[d] = f->elem_text;
  return f->elem_text < 0 ? -1 : 0;
}

jv_status jv_flow__open_elems(flow *f, const jv_block *b)
{
  if (b->kind != JV_BLK_LIST_ITEM)
    for (int k = 0; k < 4; k++)
      f->elem_list[k] = f->elem_lbody[k] = -1;
  int e = 0;
  switch (b->kind) {
  case JV_BLK_HEADING:
    e = f->elem_text = jv_flow__elem(f,
                                     b->level <= 1   ? JV_SE_H1
                                     : b->level == 2 ? JV_SE_H2
                                                     : JV_SE_H3,
                                     -1);
    break;
  case JV_BLK_PARAGRAPH:
    e = f->elem_text = jv_flow__elem(f, JV_SE_P, -1);
    break;
  case JV_BLK_LIST_ITEM:
    e = list_item_elems(f, b);
    break;
  case JV_BLK_QUOTE:
    e = f->elem_quote = jv_flow__elem(f, JV_SE_BLOCKQUOTE, -1);
    if (e >= 0)
      e = f->elem_text = jv_flow__elem(f, JV_SE_P, f->elem_quote);
    break;
  case JV_BLK_FIGURE: /* Caption and Figure here, placed where the figure lands */
    if (b->figure->caption)
      e = jv_pages_elem(f->out, JV_SE_CAPTION, -1);
    if (e >= 0)
      e = jv_pages_elem(f->out, JV_SE_FIGURE, -1);
    if (e >= 0)
      f->out->elems[e].alt = b->figure->alt;
    f->fig_elem[b - f->first] = e;
    break;
  default:
    break;
  }
  return e < 0 ? jv_flow__oom(f) : JV_OK;
}
/* When the flow leaves a page under JV_PAGE_MIN_FILL, the page map says
 * why: the block that did not fit, or the template's own page break. */
static jv_status note_leaving(flow *f)
{
  jv_page *pg = f->page;
  if (!pg || pg->cover || pg->toc || pg->why || pg->n == 0)
    return JV_OK;
  pg->fill = jv_page_measure_fill(pg, f->s->margin_top, f->page_bottom);
  if (pg->fill >= JV_PAGE_MIN_FILL)
    return JV_OK;
  char label[160], why[320];
  const jv_block *c = f->cur;
  if (f->moving) {
    jv_block_label(f->moving, label, sizeof(label));
    snprintf(why, sizeof(why),
             "the next block cannot be split and does not fit: %s needs %.0f pt, %.0f pt left",
             label, f->need, f->left > 0 ? f->left : 0);
  } else if (c && c->kind == JV_BLK_PAGEBREAK) {
    snprintf(why, sizeof(why), "the template asks for a new page (::pagina)");
  } else if (c && c->kind == JV_BLK_HEADING && c->level <= 1) {
    snprintf(why, sizeof(why), "a chapter starts on a new page");
  } else if (c && c->kind == JV_BLK_TOC) {
    snprintf(why, sizeof(why), "the table of contents starts on a new page");
  } else {
    jv_block_label(c, label, sizeof(label));
    snprintf(why, sizeof(why), "the flow moved on at %s", label);
  }
  return (pg->why = strdup(why)) ? JV_OK : jv_flow__oom(f);
}

static jv_status place_pending(flow *f, int all);

jv_status jv_flow__new_page(flow *f)
{
  jv_status st = note_leaving(f);
  if (st)
    return st;
  f->page = jv_pages_add(f->out);
  if (!f->page)
    return jv_flow__oom(f);
  f->page_index = (int)f->out->n_pages - 1;
  f->y = f->s->margin_top;
  /* figures floated forward open the new page (as far as they fit) */
  return f->n_pending && !f->flushing && !f->columns ? place_pending(f, 0) : JV_OK;
}

jv_status jv_flow__move_on(flow *f, const jv_block *b, double need, int frame)
{
  f->moving = b;
  f->need = need;
  f->left = avail(f);
  jv_status st = frame ? jv_flow__next_frame(f) : jv_flow__new_page(f);
  f->moving = NULL;
  return st;
}

/* ---- the page map: which blocks reach which pages --------------------- */

typedef struct {
  size_t page, n; /* the page the flow was on and its item count */
  double y;
} mark;

static mark mark_now(const flow *f)
{
  mark m = {f->out->n_pages - 1, f->page ? f->page->n : 0, f->y};
  return m;
}

static jv_status note_pages(flow *f, const jv_block *b, mark m)
{
  int seen = 0;
  for (size_t p = m.page; p < f->out->n_pages; p++) {
    jv_page *pg = &f->out->pages[p];
    if (pg->n == (p == m.page ? m.n : 0))
      continue; /* nothing of b on this page */
    double top = p == m.page ? m.y : f->s->margin_top;
    if (jv_page_note_block(pg, (size_t)(b - f->first), seen, top))
      return jv_flow__oom(f);
    seen = 1;
  }
  return JV_OK;
}

/* ---- figures floated forward ------------------------------------------ */

/* The height figure b takes on the page: its own, its caption's and that
 * of the notes kept under it (keep_with_prev). */
static double figure_need(flow *f, const jv_block *b)
{
  return jv_flow__figure_height(f, b->figure) + jv_flow__caption_height(b->figure) +
         jv_flow__notes_height(f, b);
}

/* The notes under a floated figure b (none: nothing), placed right under
 * it in the P elements made for them where the template has them
 * (fig_elem). */
static jv_status put_notes(flow *f, const jv_block *b)
{
  jv_status st = JV_OK;
  int text = f->elem_text; /* the block being placed when the page began */
  for (const jv_block *n = b + 1; !st && n < f->last && n->keep_with_prev; n++) {
    mark m = mark_now(f);
    f->elem_text = f->fig_elem[n - f->first];
    st = jv_flow__put_paragraph(f, n);
    if (!st)
      st = note_pages(f, n, m);
  }
  f->elem_text = text;
  return st;
}

/* Places pending figures in order: all of them (the end of their section),
 * or, at the top of a new page, those that fit there; each with its notes. */
static jv_status place_pending(flow *f, int all)
{
  jv_status st = JV_OK;
  f->flushing = 1;
  size_t done = 0;
  while (!st && done < f->n_pending) {
    const jv_block *b = f->pending[done];
    double need = figure_need(f, b);
    if (!all && need > avail(f))
      break;
    mark m = mark_now(f);
    st = jv_flow__put_figure(f, b);
    if (!st)
      st = note_pages(f, b, m);
    if (!st)
      st = put_notes(f, b);
    done++;
  }
  memmove(f->pending, f->pending + done, (f->n_pending - done) * sizeof(f->pending[0]));
  f->n_pending -= done;
  f->flushing = 0;
  return st;
}

static int is_text(const jv_block *b)
{
  return b->kind == JV_BLK_PARAGRAPH || b->kind == JV_BLK_LIST_ITEM || b->kind == JV_BLK_QUOTE;
}

/* Whether running text follows b in its section (before the next heading,
 * table, page break or column block): only then may b float past it. Its
 * own notes do not count: they float with it. */
static int text_follows(const flow *f, const jv_block *b)
{
  for (const jv_block *n = b + 1; n < f->last; n++) {
    if (n->keep_with_prev)
      continue;
    if (is_text(n))
      return 1;
    if (n->kind != JV_BLK_FIGURE)
      return 0;
  }
  return 0;
}

/* A figure that does not fit below what is on the page (with its notes,
 * keep_with_prev) floats forward past the text after it, which fills the
 * gap, its notes with it; one after a floated figure waits behind it, so
 * figures keep their order. */
static jv_status put_figure_or_float(flow *f, const jv_block *b)
{
  double need = figure_need(f, b);
  int fits = need <= avail(f) || at_top(f);
  if (!f->columns && (!fits || f->n_pending) && f->n_pending < MAX_PENDING && text_follows(f, b)) {
    f->pending[f->n_pending++] = b;
    return JV_OK;
  }
  jv_status st = f->n_pending ? place_pending(f, 1) : JV_OK;
  return st ? st : jv_flow__put_figure(f, b);
}

/* Moves the flow to the next frame: the right column when in the left one,
 * else a new page (whose columns start at the top margin). */
jv_status jv_flow__next_frame(flow *f)
{
  const jv_page_style *s = f->s;
  if (f->columns && f->col == 0) {
    f->col = 1;
    f->col_low = f->y;
    f->x0 = s->margin_left + f->content_w + COL_GAP;
    f->y = f->col_top;
    return JV_OK;
  }
  jv_status st = jv_flow__new_page(f);
  if (!st && f->columns) {
    f->col = 0;
    f->col_top = s->margin_top;
    f->x0 = s->margin_left;
    f->bottom = f->page_bottom;
    jv_flow__balance_columns(f);
  }
  return st;
}

/* ---- headings --------------------------------------------------------- */

static double heading_size(const flow *f, int level)
{
  return level <= 1 ? f->s->h1_size : level == 2 ? f->s->h2_size : f->s->body_size + 1;
}

double jv_flow__heading_height(const flow *f, int level)
{
  return level <= 1 ? f->s->h1_size * 1.3 + 16 : heading_size(f, level) * 1.3 + 10;
}

/* Height that must follow a heading on the same page: the paragraphs under
 * it and the first table or figure they introduce (a table taller than a
 * page only needs its first rows). */
static double keep_height(flow *f, const jv_block *next, const jv_block *end, double y)
{
  /* A heading followed by a short introduction (at most two paragraphs) and
   * then a table or figure keeps all of it together; otherwise it needs
   * only the first lines its first text block may not be split below. */
  double h = 0, first = -1;
  int paragraphs = 0;
  for (const jv_block *b = next; b && b < end; b++) {
    if (b->kind == JV_BLK_PARAGRAPH || b->kind == JV_BLK_LIST_ITEM || b->kind == JV_BLK_QUOTE) {
      size_t n = 0;
      jv_flow__paragraph(f, b, 0, &n);
      if (first < 0)
        first = (double)jv_para_min_lines(n) * f->s->body_leading;
      h += (double)n * f->s->body_leading + f->s->body_leading * 0.6;
      if (b->kind != JV_BLK_PARAGRAPH || ++paragraphs > 2)
        break;
    } else if (b->kind == JV_BLK_TABLE) {
      /* moving the heading would leave this page under the minimum: its
       * table may then be split, so only its first rows must fit here */
      double whole = jv_flow__table_keep_height(f, b->table, y + h, 0);
      if (whole > f->bottom - y - h && used(f, y) < JV_PAGE_MIN_FILL) {
        double part = jv_flow__table_keep_height(f, b->table, y + h, 1);
        if (part < whole)
          f->split_table = b;
        /* a table kept whole (t->keep) moves on alone, after its intro */
        return b->table->keep && h > 0 ? h : h + part;
      }
      return h + whole;
    } else if (b->kind == JV_BLK_FIGURE) {
      return h + figure_need(f, b);
    } else {
      break;
    }
  }
  return first < 0 ? 0 : first;
}

static jv_status put_heading(flow *f, const jv_block *b, const jv_block *next, const jv_block *end)
{
  const jv_page_style *s = f->s;
  double h = jv_flow__heading_height(f, b->level);
  double keep = 0;
  if (b->level <= 1 && !f->columns && !at_top(f)) {
    jv_status st = jv_flow__new_page(f); /* chapters start on a new page */
    if (st)
      return st;
  } else if (!at_top(f) && avail(f) < h + (keep = keep_height(f, next, end, f->y + h))) {
    /* never a heading alone at a page foot */
    jv_status st = jv_flow__move_on(f, b, h + keep, 1);
    if (st)
      return st;
  }
  double top = f->y;
  double size = heading_size(f, b->level);
  double base = f->y + size;
  jv_status st =
      jv_page_text(f->page, f->x0, base, b->text, JV_FONT_BOLD, size, s->accent, JV_TEXT_LEFT);
  if (!st && b->level <= 1)
    st = jv_page_rect(f->page, f->x0, base + 8, 40, 3, s->accent);
  if (!st && b->outline)
    st = jv_pages_outline(f->out, b->text, b->level <= 1 ? 0 : 1, f->page_index, top);
  if (!st && b->outline && b->level <= 2)
    f->out->outline[f->out->n_outline - 1].in_toc = 1;
  if (st)
    return jv_flow__oom(f);
  f->y += h;
  return JV_OK;
}

jv_status jv_flow__place(flow *f, const jv_block *b)
{
  const jv_block *next = b + 1 < f->last ? b + 1 : NULL;
  jv_status st = JV_OK;
  f->cur = b;
  if (f->force_break && f->force_break[b - f->first] && !at_top(f) && !f->columns)
    st = jv_flow__new_page(f); /* chosen by the balancing pass (paginate_balance.c) */
  mark m = mark_now(f);
  if (st)
    return st;
  switch (b->kind) {
  case JV_BLK_COVER:
    st = jv_flow__put_cover(f, b);
    if (!st)
      f->page->cover = 1;
    if (!st && next)
      st = jv_flow__new_page(f);
    break;
  case JV_BLK_HEADING:
    st = put_heading(f, b, next, f->last);
    break;
  case JV_BLK_PARAGRAPH:
  case JV_BLK_LIST_ITEM:
  case JV_BLK_QUOTE:
    st = jv_flow__put_paragraph(f, b);
    break;
  case JV_BLK_COLUMNS_BEGIN:
    st = jv_flow__columns_begin(f);
    break;
  case JV_BLK_COLUMNS_END:
    st = jv_flow__columns_end(f);
    break;
  case JV_BLK_TABLE:
    st = jv_flow__put_table(f, b);
    break;
  case JV_BLK_FIGURE:
    st = put_figure_or_float(f, b);
    break;
  case JV_BLK_PAGEBREAK:
    if (!at_top(f))
      st = jv_flow__new_page(f);
    break;
  case JV_BLK_TOC:
    st = jv_flow__reserve_toc(f, f->toc_doc, b);
    break;
  }
  return st ? st : note_pages(f, b, m);
}

/* Whether b is a note of a figure that floated and waits (pending). */
static int floated_note(const flow *f, const jv_block *b)
{
  if (!b->keep_with_prev)
    return 0;
  const jv_block *fig = b;
  while (fig > f->first && fig->keep_with_prev)
    fig--;
  for (size_t i = 0; i < f->n_pending; i++)
    if (f->pending[i] == fig)
      return 1;
  return 0;
}

jv_status jv_flow__run(const jv_doc *doc, const jv_page_style *s, const jv_measure *m,
                       const unsigned char *force_break, jv_flow_memo *memo, jv_pages *out,
                       jv_error *err)
{
  flow f = {.s = s,
            .m = m,
            .memo = memo,
            .out = out,
            .err = err,
            .force_break = force_break,
            .elem_toc = -1};
  f.fig_elem = malloc((doc->n_blocks ? doc->n_blocks : 1) * sizeof(*f.fig_elem));
  if (!f.fig_elem)
    return jv_flow__oom(&f);
  for (int k = 0; k < 4; k++)
    f.elem_list[k] = f.elem_lbody[k] = -1;
  f.bottom = s->height - s->margin_bottom;
  f.page_bottom = f.bottom;
  f.first = doc->blocks;
  f.last = doc->blocks + doc->n_blocks;
  f.toc_doc = doc;
  f.content_w = s->width - s->margin_left - s->margin_right;
  f.full_w = f.content_w;
  f.x0 = s->margin_left;
  jv_status st = jv_flow__new_page(&f);
  for (size_t i = 0; !st && i < doc->n_blocks; i++) {
    const jv_block *b = &doc->blocks[i];
    /* floated figures land before the end of their section */
    if (f.n_pending && !is_text(b) && b->kind != JV_BLK_FIGURE) {
      f.cur = b;
      st = place_pending(&f, 1);
    }
    if (!st && floated_note(&f, b)) { /* placed with its figure, its P made here */
      int e = jv_pages_elem(f.out, JV_SE_P, -1);
      f.fig_elem[i] = e;
      st = e < 0 ? jv_flow__oom(&f) : JV_OK;
      continue;
    }
    if (!st) /* the structure follows the template, also for a figure placed later */
      st = jv_flow__open_elems(&f, b);
    if (!st)
      st = jv_flow__place(&f, b);
  }
  if (!st && f.n_pending)
    st = place_pending(&f, 1);
  if (!st && f.toc)
    st = jv_flow__fill_toc(&f);
  free(f.fig_elem);
  return st ? st : jv_flow__decorate(&f);
}
