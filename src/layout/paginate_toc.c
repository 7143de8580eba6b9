/* paginate_toc.c - the table of contents (reserved during the flow, filled
 * once every heading has its page) and the running header and footer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/paginate_int.h"

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
jv_status jv_flow__reserve_toc(flow *f, const jv_doc *doc, const jv_block *b)
{
  double per_page = (f->bottom - f->s->margin_top - TOC_TITLE_H) / TOC_LINE_H;
  size_t n = toc_entries(doc);
  int pages = (int)((double)n / per_page) + 1;
  jv_status st = JV_OK;
  if (!at_top(f))
    st = jv_flow__new_page(f);
  f->toc = b;
  f->toc_first = f->page_index;
  f->toc_pages = pages;
  size_t index = (size_t)(b - f->first);
  if (!st)
    f->page->toc = 1;
  if (!st && jv_page_note_block(f->page, index, 0))
    st = jv_flow__oom(f);
  for (int i = 1; i < pages && !st; i++) {
    if (!(st = jv_flow__new_page(f)))
      f->page->toc = 1;
    if (!st && jv_page_note_block(f->page, index, 1))
      st = jv_flow__oom(f);
  }
  if (!st)
    f->y = f->bottom; /* the flow continues on a fresh page */
  return st;
}

jv_status jv_flow__fill_toc(flow *f)
{
  const jv_page_style *s = f->s;
  int page = f->toc_first;
  jv_page *pg = &f->out->pages[page];
  double y = s->margin_top;
  if (jv_page_text(pg, s->margin_left, y + s->h1_size, f->toc->text, JV_FONT_BOLD, s->h1_size,
                   s->accent, JV_TEXT_LEFT) ||
      jv_page_rect(pg, s->margin_left, y + s->h1_size + 8, 40, 3, s->accent))
    return jv_flow__oom(f);
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
      return jv_flow__oom(f);
    y += TOC_LINE_H;
  }
  return JV_OK;
}

/* ---- running header and footer ---------------------------------------- */

jv_status jv_flow__decorate(flow *f)
{
  const jv_page_style *s = f->s;
  size_t n = f->out->n_pages;
  for (size_t i = 0; i < n; i++) {
    jv_page *pg = &f->out->pages[i];
    /* the page map's fill, of the page as it ends up (TOC lines included) */
    pg->fill = pg->cover ? 1 : jv_page_measure_fill(pg, s->margin_top, f->page_bottom);
    if (pg->cover)
      continue; /* the cover carries no running header or number; every other page does */
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
      return jv_flow__oom(f);
  }
  return JV_OK;
}
