/* doc.c - building the block list. */
#include "layout/doc.h"

#include <stdlib.h>
#include <string.h>

void jv_doc_init(jv_doc *d) { memset(d, 0, sizeof(*d)); }

static void block_free(jv_block *b)
{
  free(b->text);
  free(b->text2);
  free(b->text3);
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

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

jv_status jv_doc_set_meta(jv_doc *d, const char *title, const char *subject, const char *author)
{
  free(d->title);
  free(d->subject);
  free(d->author);
  d->title = dup_or_null(title);
  d->subject = dup_or_null(subject);
  d->author = dup_or_null(author);
  return (title && !d->title) || (subject && !d->subject) || (author && !d->author)
             ? JV_EINTERNAL
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

jv_status jv_doc_cover(jv_doc *d, const char *title, const char *subtitle, const char *year)
{
  jv_block *b = push(d, JV_BLK_COVER);
  if (!b)
    return JV_EINTERNAL;
  b->text = dup_or_null(title);
  b->text2 = dup_or_null(subtitle);
  b->text3 = dup_or_null(year);
  return JV_OK;
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

jv_status jv_doc_run(jv_doc *d, const char *text, jv_font_style style)
{
  if (!d->n_blocks || d->blocks[d->n_blocks - 1].kind != JV_BLK_PARAGRAPH)
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

jv_status jv_doc_pagebreak(jv_doc *d) { return push(d, JV_BLK_PAGEBREAK) ? JV_OK : JV_EINTERNAL; }

jv_status jv_doc_toc(jv_doc *d, const char *title)
{
  jv_block *b = push(d, JV_BLK_TOC);
  if (!b)
    return JV_EINTERNAL;
  b->text = strdup(title ? title : "Inhoud");
  return b->text ? JV_OK : JV_EINTERNAL;
}
