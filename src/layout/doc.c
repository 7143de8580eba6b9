/* doc.c - building the block list. */
#include "layout/doc.h"

#include <stdlib.h>
#include <string.h>

void jv_doc_init(jv_doc *d)
{
  memset(d, 0, sizeof(*d));
}

static void block_free(jv_block *b)
{
  free(b->text);
  free(b->text2);
  free(b->text3);
  free(b->subtitle);
  for (size_t i = 0; i < b->n_runs; i++)
    free(b->runs[i].text);
  free(b->runs);
  if (b->table) {
    jv_table_free(b->table);
    free(b->table);
  }
  jv_figure_free(b->figure);
}

void jv_doc_free(jv_doc *d)
{
  for (size_t i = 0; i < d->n_blocks; i++)
    block_free(&d->blocks[i]);
  free(d->blocks);
  free(d->title);
  free(d->subject);
  free(d->author);
  memset(d, 0, sizeof(*d));
}

static char *dup_or_null(const char *s)
{
  return s ? strdup(s) : NULL;
}

jv_status jv_doc_set_meta(jv_doc *d, const char *title, const char *subject, const char *author)
{
  free(d->title);
  free(d->subject);
  free(d->author);
  d->title = dup_or_null(title);
  d->subject = dup_or_null(subject);
  d->author = dup_or_null(author);
  return (title && !d->title) || (subject && !d->subject) || (author && !d->author) ? JV_EINTERNAL
                                                                                    : JV_OK;
}

static jv_block *push(jv_doc *d, jv_block_kind kind)
{
  jv_block *nb = realloc(d->blocks, (d->n_blocks + 1) * sizeof(*nb));
  if (!nb)
    return NULL;
  d->blocks = nb;
  jv_block *b = &nb[d->n_blocks++];
  memset(b, 0, sizeof(*b));
  b->kind = kind;
  return b;
}

jv_status jv_doc_cover(jv_doc *d, const char *title, const char *subtitle, const char *region,
                       const char *year)
{
  jv_block *b = push(d, JV_BLK_COVER);
  if (!b)
    return JV_EINTERNAL;
  b->text = dup_or_null(title);
  b->subtitle = dup_or_null(subtitle);
  b->text2 = dup_or_null(region);
  b->text3 = dup_or_null(year);
  return (title && !b->text) || (subtitle && !b->subtitle) || (region && !b->text2) ||
                 (year && !b->text3)
             ? JV_EINTERNAL
             : JV_OK;
}

jv_status jv_doc_heading(jv_doc *d, int level, const char *text)
{
  jv_block *b = push(d, JV_BLK_HEADING);
  if (!b)
    return JV_EINTERNAL;
  b->level = level;
  b->outline = 1;
  b->text = strdup(text);
  return b->text ? JV_OK : JV_EINTERNAL;
}

static int takes_runs(jv_block_kind k)
{
  return k == JV_BLK_PARAGRAPH || k == JV_BLK_LIST_ITEM || k == JV_BLK_QUOTE;
}

jv_status jv_doc_run(jv_doc *d, const char *text, jv_font_style style)
{
  if (!d->n_blocks || !takes_runs(d->blocks[d->n_blocks - 1].kind))
    return jv_doc_paragraph(d, text, style);
  jv_block *b = &d->blocks[d->n_blocks - 1];
  jv_run *nr = realloc(b->runs, (b->n_runs + 1) * sizeof(*nr));
  if (!nr)
    return JV_EINTERNAL;
  b->runs = nr;
  nr[b->n_runs].text = strdup(text);
  nr[b->n_runs].style = style;
  if (!nr[b->n_runs].text)
    return JV_EINTERNAL;
  b->n_runs++;
  return JV_OK;
}

jv_status jv_doc_paragraph(jv_doc *d, const char *text, jv_font_style style)
{
  if (!push(d, JV_BLK_PARAGRAPH))
    return JV_EINTERNAL;
  return jv_doc_run(d, text, style);
}

jv_status jv_doc_figure_note(jv_doc *d, const char *text)
{
  jv_block *b = push(d, JV_BLK_PARAGRAPH);
  if (!b)
    return JV_EINTERNAL;
  b->keep_with_prev = 1;
  return jv_doc_run(d, text, JV_FONT_ITALIC);
}

jv_status jv_doc_table(jv_doc *d, jv_table *t)
{
  jv_block *b = push(d, JV_BLK_TABLE);
  if (!b) {
    jv_table_free(t);
    free(t);
    return JV_EINTERNAL;
  }
  b->table = t;
  b->outline = 1;
  return JV_OK;
}

jv_status jv_doc_figure(jv_doc *d, jv_figure *f)
{
  jv_block *b = push(d, JV_BLK_FIGURE);
  if (!b) {
    jv_figure_free(f);
    return JV_EINTERNAL;
  }
  b->figure = f;
  return JV_OK;
}

jv_status jv_doc_pagebreak(jv_doc *d)
{
  return push(d, JV_BLK_PAGEBREAK) ? JV_OK : JV_EINTERNAL;
}

jv_status jv_doc_toc(jv_doc *d, const char *title)
{
  jv_block *b = push(d, JV_BLK_TOC);
  if (!b)
    return JV_EINTERNAL;
  b->text = strdup(title ? title : "Inhoud");
  return b->text ? JV_OK : JV_EINTERNAL;
}

jv_status jv_doc_list_item(jv_doc *d, int ordered, int number, int depth, int continued)
{
  jv_block *b = push(d, JV_BLK_LIST_ITEM);
  if (!b)
    return JV_EINTERNAL;
  b->ordered = ordered;
  b->number = number;
  b->level = depth < 1 ? 1 : depth > 3 ? 3 : depth;
  b->continued = continued;
  return JV_OK;
}

jv_status jv_doc_quote(jv_doc *d, const char *attribution)
{
  jv_block *b = push(d, JV_BLK_QUOTE);
  if (!b)
    return JV_EINTERNAL;
  b->text = dup_or_null(attribution);
  return attribution && !b->text ? JV_EINTERNAL : JV_OK;
}

jv_status jv_doc_columns_begin(jv_doc *d)
{
  return push(d, JV_BLK_COLUMNS_BEGIN) ? JV_OK : JV_EINTERNAL;
}

jv_status jv_doc_columns_end(jv_doc *d)
{
  return push(d, JV_BLK_COLUMNS_END) ? JV_OK : JV_EINTERNAL;
}

jv_status jv_doc_cover_logo(jv_doc *d, const jv_image *image, double w, double h)
{
  for (size_t i = d->n_blocks; i-- > 0;) {
    jv_block *b = &d->blocks[i];
    if (b->kind != JV_BLK_COVER)
      continue;
    b->image = image;
    b->image_w = w;
    b->image_h = h;
    return JV_OK;
  }
  return JV_OK;
}
