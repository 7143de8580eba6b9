/* doc.h - the report as an ordered list of blocks, before pagination.
 * Owns jv_doc and everything its blocks hold (text, tables, figures).
 * pipeline/template_compose.c builds it from a template; jv_paginate turns
 * it into pages. Each block keeps its role for accessibility. */
#ifndef JV_LAYOUT_DOC_H
#define JV_LAYOUT_DOC_H

#include <stddef.h>

#include "layout/figure.h"
#include "layout/table.h"
#include "layout/font_style.h"
#include "model/image.h"
#include "util/error.h"

typedef enum {
  JV_BLK_COVER,     /* title page: text = title, text2 = region, text3 = year,
                       subtitle */
  JV_BLK_HEADING,   /* level 1 = chapter, 2 = section */
  JV_BLK_PARAGRAPH, /* runs of styled text */
  JV_BLK_TABLE,
  JV_BLK_FIGURE,
  JV_BLK_PAGEBREAK,
  JV_BLK_TOC,           /* table of contents: text = its title */
  JV_BLK_LIST_ITEM,     /* runs; ordered, number, level = depth 1..3, continued */
  JV_BLK_QUOTE,         /* pull quote: runs; text = attribution (may be NULL) */
  JV_BLK_COLUMNS_BEGIN, /* the blocks up to COLUMNS_END flow in two columns */
  JV_BLK_COLUMNS_END
} jv_block_kind;

typedef struct {
  char *text; /* owned UTF-8 */
  jv_font_style style;
} jv_run;

typedef struct {
  jv_block_kind kind;
  int level;
  char *text, *text2, *text3; /* owned */
  char *subtitle;             /* owned (cover) */
  const jv_image *image;      /* the cover logo, borrowed from the template; may be NULL */
  double image_w, image_h;    /* its size in points */
  jv_run *runs;               /* owned */
  size_t n_runs;
  jv_table *table;                /* owned */
  jv_figure *figure;              /* owned */
  int outline;                    /* non-zero: list in the PDF outline */
  int ordered, number, continued; /* list items */
  int keep_with_prev;             /* a note under the figure before it: on the figure's page */
  const char *src_file;           /* template location, for messages (borrowed) */
  int src_line;
} jv_block;

typedef struct {
  char *title; /* document title (metadata, running header) */
  char *subject;
  char *author;
  jv_block *blocks;
  size_t n_blocks;
} jv_doc;

void jv_doc_init(jv_doc *d);
void jv_doc_free(jv_doc *d);
jv_status jv_doc_set_meta(jv_doc *d, const char *title, const char *subject, const char *author);
jv_status jv_doc_cover(jv_doc *d, const char *title, const char *subtitle, const char *region,
                       const char *year);
jv_status jv_doc_heading(jv_doc *d, int level, const char *text);
/* A paragraph of one run; jv_doc_run appends a run to the last paragraph,
 * list item or quote (or starts a paragraph). A run may hold '\n' for a
 * forced line break. */
jv_status jv_doc_paragraph(jv_doc *d, const char *text, jv_font_style style);
jv_status jv_doc_run(jv_doc *d, const char *text, jv_font_style style);
/* An italic paragraph that notes the figure just added (what its figures
 * mean): pagination keeps it on the figure's page, under it. */
jv_status jv_doc_figure_note(jv_doc *d, const char *text);
/* Takes ownership of t (a heap jv_table) / f, also on failure. */
jv_status jv_doc_table(jv_doc *d, jv_table *t);
jv_status jv_doc_figure(jv_doc *d, jv_figure *f);
jv_status jv_doc_pagebreak(jv_doc *d);
/* A list item (depth 1..3; number used when ordered; continued: a further
 * paragraph of the same item, no marker). Add its text with jv_doc_run. */
jv_status jv_doc_list_item(jv_doc *d, int ordered, int number, int depth, int continued);
/* A pull quote; add its text with jv_doc_run. attribution may be NULL. */
jv_status jv_doc_quote(jv_doc *d, const char *attribution);
jv_status jv_doc_columns_begin(jv_doc *d);
jv_status jv_doc_columns_end(jv_doc *d);
jv_status jv_doc_toc(jv_doc *d, const char *title);
/* Puts a logo of w x h points on the last cover block; the image must
 * outlive the document and its pages. */
jv_status jv_doc_cover_logo(jv_doc *d, const jv_image *image, double w, double h);

#endif
