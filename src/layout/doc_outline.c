/* doc_outline.c - structure dump with text alternatives. */
#include "layout/doc_outline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void runs(FILE *out, const jv_block *b)
{
  for (size_t i = 0; i < b->n_runs; i++)
    fputs(b->runs[i].text, out);
}

static void table(FILE *out, const jv_table *t)
{
  fprintf(out, "Table: %s\n", t->title ? t->title : "");
  fputs("  TH:", out);
  for (size_t c = 0; c < t->n_cols; c++) {
    fputs(c ? " | " : " ", out);
    for (const char *p = t->headers[c] ? t->headers[c] : ""; *p; p++)
      fputc(*p == '\n' ? ' ' : *p, out);
  }
  fprintf(out, "\n  rows: %zu (row headers in column 1)\n", t->n_rows);
  if (t->source)
    fprintf(out, "  source: %s\n", t->source);
  if (t->note)
    fprintf(out, "  note: %s\n", t->note);
}

char *jv_doc_outline_text(const jv_doc *doc)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out)
    return NULL;
  fprintf(out, "Document: %s\n", doc->title ? doc->title : "");
  for (size_t i = 0; i < doc->n_blocks; i++) {
    const jv_block *b = &doc->blocks[i];
    switch (b->kind) {
    case JV_BLK_COVER:
      fprintf(out, "Title: %s%s%s\n", b->text ? b->text : "", b->subtitle ? " – " : "",
              b->subtitle ? b->subtitle : "");
      break;
    case JV_BLK_HEADING:
      fprintf(out, "H%d: %s\n", b->level, b->text);
      break;
    case JV_BLK_PARAGRAPH:
      fputs("P: ", out);
      runs(out, b);
      fputc('\n', out);
      break;
    case JV_BLK_LIST_ITEM:
      fprintf(out, "%*sLI%s: ", 2 * (b->level - 1), "", b->continued ? " (vervolg)" : "");
      if (b->ordered && !b->continued)
        fprintf(out, "%d. ", b->number);
      runs(out, b);
      fputc('\n', out);
      break;
    case JV_BLK_QUOTE:
      fputs("Quote: ", out);
      runs(out, b);
      if (b->text)
        fprintf(out, " (%s)", b->text);
      fputc('\n', out);
      break;
    case JV_BLK_TABLE:
      table(out, b->table);
      break;
    case JV_BLK_FIGURE:
      fprintf(out, "Figure: %s\n  alt: %s\n", b->figure->caption ? b->figure->caption : "(chart)",
              b->figure->alt ? b->figure->alt : "");
      break;
    case JV_BLK_TOC:
      fprintf(out, "TOC: %s\n", b->text);
      break;
    case JV_BLK_PAGEBREAK:
    case JV_BLK_COLUMNS_BEGIN:
    case JV_BLK_COLUMNS_END:
      break;
    }
  }
  if (fclose(out) != 0) {
    free(buf);
    return NULL;
  }
  return buf;
}
