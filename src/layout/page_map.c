/* page_map.c - block labels and the text of the page map. */
#include "layout/page_map.h"

#include <stdio.h>
#include <string.h>

#include "util/strbuf.h"

/* The first words of text, at most max bytes, cut at a character start. */
static void first_words(const char *text, char *out, size_t max)
{
  size_t n = strlen(text);
  if (n < max) {
    memcpy(out, text, n + 1);
    return;
  }
  n = max - 4;
  while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
    n--;
  memcpy(out, text, n);
  memcpy(out + n, "...", 4);
}

void jv_block_label(const jv_block *b, char *buf, size_t size)
{
  char words[72] = "";
  const char *kind = "block";
  switch (b->kind) {
  case JV_BLK_COVER:
    kind = "cover";
    break;
  case JV_BLK_HEADING:
    kind = b->level <= 1 ? "chapter heading" : "heading";
    break;
  case JV_BLK_PARAGRAPH:
    kind = "paragraph";
    break;
  case JV_BLK_LIST_ITEM:
    kind = "list item";
    break;
  case JV_BLK_QUOTE:
    kind = "pull quote";
    break;
  case JV_BLK_TABLE:
    kind = "table";
    break;
  case JV_BLK_FIGURE:
    kind = "figure";
    break;
  case JV_BLK_PAGEBREAK:
    kind = "page break";
    break;
  case JV_BLK_TOC:
    kind = "table of contents";
    break;
  case JV_BLK_COLUMNS_BEGIN:
    kind = "columns";
    break;
  case JV_BLK_COLUMNS_END:
    kind = "end of columns";
    break;
  }
  const char *text = b->kind == JV_BLK_TABLE                  ? b->table->title
                     : b->kind == JV_BLK_FIGURE               ? b->figure->alt
                     : b->kind == JV_BLK_HEADING              ? b->text
                     : b->n_runs > 0 && b->kind != JV_BLK_TOC ? b->runs[0].text
                                                              : NULL;
  if (text)
    first_words(text, words, sizeof(words));
  for (char *p = words; *p; p++)
    if (*p == '\n')
      *p = ' ';
  if (words[0])
    snprintf(buf, size, "%s '%s'", kind, words);
  else
    snprintf(buf, size, "%s", kind);
}

/* The first block that begins on page i, or NULL. */
static const jv_block *first_new(const jv_pages *p, const jv_doc *doc, size_t i)
{
  const jv_page *pg = &p->pages[i];
  for (size_t k = 0; k < pg->n_blocks; k++)
    if (!pg->blocks[k].continued && pg->blocks[k].block < doc->n_blocks)
      return &doc->blocks[pg->blocks[k].block];
  return NULL;
}

int jv_page_map_chapter_end(const jv_pages *p, const jv_doc *doc, size_t i)
{
  if (i + 1 >= p->n_pages)
    return 1;
  if (p->pages[i + 1].toc && !p->pages[i].toc)
    return 1;
  const jv_block *b = first_new(p, doc, i + 1);
  return b && ((b->kind == JV_BLK_HEADING && b->level <= 1) || b->kind == JV_BLK_COVER);
}

char *jv_page_map_text(const jv_pages *p, const jv_doc *doc)
{
  jv_strbuf sb = {0};
  for (size_t i = 0; i < p->n_pages; i++) {
    const jv_page *pg = &p->pages[i];
    jv_strbuf_addf(&sb, "page %zu of %zu: ", i + 1, p->n_pages);
    if (pg->cover)
      jv_strbuf_addf(&sb, "cover");
    else
      jv_strbuf_addf(&sb, "%.0f%% full", pg->fill * 100);
    if (pg->toc)
      jv_strbuf_addf(&sb, "; table of contents");
    int end = jv_page_map_chapter_end(p, doc, i);
    if (end)
      jv_strbuf_addf(&sb, "; chapter end");
    if (!pg->cover && !end && pg->fill < JV_PAGE_MIN_FILL)
      jv_strbuf_addf(&sb, "; under %.0f%%: %s", JV_PAGE_MIN_FILL * 100,
                     pg->why ? pg->why : "no reason recorded");
    jv_strbuf_addf(&sb, "\n");
    for (size_t k = 0; k < pg->n_blocks; k++) {
      if (pg->blocks[k].block >= doc->n_blocks)
        continue;
      char label[160];
      jv_block_label(&doc->blocks[pg->blocks[k].block], label, sizeof(label));
      jv_strbuf_addf(&sb, "  - %s%s\n", label, pg->blocks[k].continued ? " (continued)" : "");
    }
  }
  return jv_strbuf_detach(&sb);
}
