/* page.c - page item lists. */
#include "layout/page.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

void jv_pages_init(jv_pages *p, double width, double height)
{
  memset(p, 0, sizeof(*p));
  p->width = width;
  p->height = height;
}

void jv_pages_free(jv_pages *p)
{
  for (size_t i = 0; i < p->n_pages; i++) {
    for (size_t j = 0; j < p->pages[i].n; j++) {
      jv_item *it = &p->pages[i].items[j];
      free(it->text);
      free(it->actual);
      if (it->scene)
        jv_scene_free(it->scene);
      free(it->scene);
    }
    free(p->pages[i].items);
    free(p->pages[i].blocks);
    free(p->pages[i].why);
  }
  for (size_t i = 0; i < p->n_outline; i++)
    free(p->outline[i].title);
  free(p->pages);
  free(p->outline);
  free(p->elems);
  memset(p, 0, sizeof(*p));
}

jv_page *jv_pages_add(jv_pages *p)
{
  jv_page *np = realloc(p->pages, (p->n_pages + 1) * sizeof(*np));
  if (!np)
    return NULL;
  p->pages = np;
  memset(&np[p->n_pages], 0, sizeof(jv_page));
  /* a block that runs over onto the page still owns what follows */
  np[p->n_pages].elem = p->n_pages ? np[p->n_pages - 1].elem : JV_ELEM_ARTIFACT;
  return &np[p->n_pages++];
}

jv_status jv_pages_outline(jv_pages *p, const char *title, int level, int page, double y)
{
  jv_outline_entry *no = realloc(p->outline, (p->n_outline + 1) * sizeof(*no));
  if (!no)
    return JV_EINTERNAL;
  p->outline = no;
  jv_outline_entry *e = &no[p->n_outline];
  e->title = strdup(title);
  if (!e->title)
    return JV_EINTERNAL;
  e->level = level;
  e->page = page;
  e->y = y;
  e->in_toc = 0;
  p->n_outline++;
  return JV_OK;
}

int jv_pages_elem(jv_pages *p, jv_struct_type type, int parent)
{
  jv_struct_elem *ne = realloc(p->elems, (p->n_elems + 1) * sizeof(*ne));
  if (!ne)
    return -1;
  p->elems = ne;
  ne[p->n_elems] = (jv_struct_elem){type, parent, JV_SCOPE_NONE, NULL};
  return (int)p->n_elems++;
}

static jv_item *push(jv_page *pg)
{
  if (jv_grow((void **)&pg->items, &pg->cap, pg->n + 1, sizeof(*pg->items), 64) != 0)
    return NULL;
  jv_item *it = &pg->items[pg->n++];
  memset(it, 0, sizeof(*it));
  it->elem = pg->elem;
  return it;
}

jv_status jv_page_text(jv_page *pg, double x, double y, const char *text, jv_font_style style,
                       double size, jv_rgb color, jv_text_anchor anchor)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_TEXT;
  it->x = x;
  it->y = y;
  it->text = strdup(text);
  if (!it->text) {
    pg->n--;
    return JV_EINTERNAL;
  }
  it->style = style;
  it->size = size;
  it->color = color;
  it->anchor = anchor;
  return JV_OK;
}

jv_status jv_page_rect(jv_page *pg, double x, double y, double w, double h, jv_rgb fill)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_RECT;
  it->x = x, it->y = y, it->w = w, it->h = h;
  it->color = fill;
  return JV_OK;
}

jv_status jv_page_line(jv_page *pg, double x1, double y1, double x2, double y2, double width,
                       jv_rgb color)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_LINE;
  it->x = x1, it->y = y1, it->w = x2 - x1, it->h = y2 - y1;
  it->line_width = width;
  it->color = color;
  return JV_OK;
}

jv_status jv_page_figure(jv_page *pg, double x, double y, const jv_figure *f)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_FIGURE;
  it->x = x, it->y = y, it->w = f->width, it->h = f->height;
  it->figure = f;
  return JV_OK;
}

jv_status jv_page_link(jv_page *pg, double x, double y, double w, double h, int target)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_LINK;
  it->x = x, it->y = y, it->w = w, it->h = h;
  it->target = target;
  return JV_OK;
}

jv_item *jv_page_last(jv_page *pg)
{
  return pg->n ? &pg->items[pg->n - 1] : NULL;
}

jv_status jv_page_image(jv_page *pg, double x, double y, double w, double h, const jv_image *image)
{
  jv_item *it = push(pg);
  if (!it)
    return JV_EINTERNAL;
  it->kind = JV_ITEM_IMAGE;
  it->x = x, it->y = y, it->w = w, it->h = h;
  it->image = image;
  return JV_OK;
}

jv_status jv_page_note_block(jv_page *pg, size_t block, int continued, double top)
{
  for (size_t i = 0; i < pg->n_blocks; i++)
    if (pg->blocks[i].block == block)
      return JV_OK;
  if (jv_grow((void **)&pg->blocks, &pg->cap_blocks, pg->n_blocks + 1, sizeof(*pg->blocks), 8) != 0)
    return JV_EINTERNAL;
  pg->blocks[pg->n_blocks].block = block;
  pg->blocks[pg->n_blocks].top = top;
  pg->blocks[pg->n_blocks++].continued = continued;
  return JV_OK;
}

double jv_page_measure_fill(const jv_page *pg, double top, double bottom)
{
  double low = top;
  for (size_t i = 0; i < pg->n; i++) {
    const jv_item *it = &pg->items[i];
    double b = it->kind == JV_ITEM_TEXT   ? it->y + it->size * 0.25
               : it->kind == JV_ITEM_LINE ? (it->h > 0 ? it->y + it->h : it->y)
               : it->kind == JV_ITEM_LINK ? top
                                          : it->y + it->h;
    if (b > low)
      low = b;
  }
  double f = (low - top) / (bottom - top);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}
