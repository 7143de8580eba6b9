/* paginate_balance.c - break points chosen over whole chapters: after a
 * first flow, a chapter whose last page holds only a thin tail (an
 * interview's last lines, say) starts its last section on that page when
 * the page before stays at least JV_PAGE_MIN_FILL full; the new flow is
 * kept only when it has no more pages and less white space. */
#include <stdlib.h>
#include <string.h>

#include "layout/page_map.h"
#include "layout/paginate_int.h"

#define THIN_TAIL 0.4 /* a chapter's last page below this is worth balancing */
#define MAX_PASSES 8
#define NONE ((size_t)-1)

static int in_columns(const jv_doc *doc, size_t i)
{
  while (i-- > 0) {
    if (doc->blocks[i].kind == JV_BLK_COLUMNS_END)
      return 0;
    if (doc->blocks[i].kind == JV_BLK_COLUMNS_BEGIN)
      return 1;
  }
  return 0;
}

/* The heading of the last section begun on page i - 1 of the chapter that
 * ends thin on page i, when moving that section to page i leaves page i - 1
 * at least JV_PAGE_MIN_FILL full and the section fits page i; else NONE. */
static size_t candidate(const jv_pages *p, const jv_doc *doc, const jv_page_style *s, size_t i,
                        const unsigned char *tried)
{
  const jv_page *last = &p->pages[i], *prev = &p->pages[i - 1];
  if (last->cover || last->toc || prev->cover || prev->toc || last->fill >= THIN_TAIL ||
      !jv_page_map_chapter_end(p, doc, i))
    return NONE;
  size_t pick = NONE;
  double top = 0;
  for (size_t k = 0; k < prev->n_blocks; k++) {
    const jv_page_block *pb = &prev->blocks[k];
    const jv_block *b = &doc->blocks[pb->block];
    if (!pb->continued && b->kind == JV_BLK_HEADING && b->level >= 2 && !in_columns(doc, pb->block))
      pick = pb->block, top = pb->top;
  }
  if (pick == NONE || tried[pick])
    return NONE;
  double text_h = s->height - s->margin_bottom - s->margin_top;
  double low = s->margin_top; /* the lowest item above the heading stays */
  for (size_t k = 0; k < prev->n; k++) {
    const jv_item *it = &prev->items[k];
    double b = it->kind == JV_ITEM_TEXT ? it->y + it->size * 0.25 : it->y + it->h;
    if (it->y >= s->margin_top && it->y < top && b <= top && b > low)
      low = b;
  }
  double stays = (low - s->margin_top) / text_h;
  double moved = prev->fill - stays + last->fill;
  return stays >= JV_PAGE_MIN_FILL && moved < 0.95 ? pick : NONE;
}

/* White space that counts against a flow: each page's shortfall under
 * JV_PAGE_MIN_FILL, squared (one near-empty page weighs more than two
 * pages a little under). */
static double shortfall(const jv_pages *p)
{
  double sum = 0;
  for (size_t i = 0; i < p->n_pages; i++) {
    double d = p->pages[i].cover ? 0 : JV_PAGE_MIN_FILL - p->pages[i].fill;
    if (d > 0)
      sum += d * d;
  }
  return sum;
}

/* Pages under JV_PAGE_MIN_FILL that are not a chapter's last. */
static size_t under_fill(const jv_pages *p, const jv_doc *doc)
{
  size_t n = 0;
  for (size_t i = 0; i < p->n_pages; i++)
    n += !p->pages[i].cover && p->pages[i].fill < JV_PAGE_MIN_FILL &&
         !jv_page_map_chapter_end(p, doc, i);
  return n;
}

static void memo_free(jv_flow_memo *memo)
{
  for (size_t i = 0; i < memo->n; i++)
    jv_textflow_free(&memo->e[i].tf);
  free(memo->e);
}

jv_status jv_paginate(const jv_doc *doc, const jv_page_style *s, const jv_measure *m, jv_pages *out,
                      jv_error *err)
{
  /* without room for a memo each flow breaks its lines itself */
  jv_flow_memo memo = {calloc(doc->n_blocks ? doc->n_blocks : 1, sizeof(*memo.e)), doc->n_blocks};
  jv_flow_memo *mp = memo.e ? &memo : NULL;
  jv_status st = jv_flow__run(doc, s, m, NULL, mp, out, err);
  if (st || doc->n_blocks == 0) {
    memo_free(&memo);
    return st;
  }
  unsigned char *force = calloc(doc->n_blocks, 2);
  if (!force) {
    memo_free(&memo);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  unsigned char *tried = force + doc->n_blocks;
  for (int pass = 0; pass < MAX_PASSES && !st; pass++) {
    size_t pick = NONE;
    for (size_t i = 1; i < out->n_pages && pick == NONE; i++)
      pick = candidate(out, doc, s, i, tried);
    if (pick == NONE)
      break;
    tried[pick] = force[pick] = 1;
    jv_pages trial;
    jv_pages_init(&trial, out->width, out->height);
    st = jv_flow__run(doc, s, m, force, mp, &trial, err);
    if (!st && trial.n_pages <= out->n_pages && shortfall(&trial) < shortfall(out) &&
        under_fill(&trial, doc) <= under_fill(out, doc)) {
      jv_pages_free(out);
      *out = trial;
    } else {
      force[pick] = 0;
      jv_pages_free(&trial);
    }
  }
  free(force);
  memo_free(&memo);
  return st;
}
