/* paginate_int.h - private to the paginate*.c files: the state of one flow
 * of blocks into pages and the steps the block kinds share. */
#ifndef JV_LAYOUT_PAGINATE_INT_H
#define JV_LAYOUT_PAGINATE_INT_H

#include "layout/paginate.h"
#include "layout/textflow.h"

#define COL_GAP 22.0
#define MAX_PENDING 8         /* figures floated forward at once */
#define FIGURE_CAPTION_H 16.0 /* a figure's caption line, above the figure */
#define FIGURE_GAP 16.0       /* the space below a figure */

/* The lines of a document's text blocks as the last flow broke them, kept
 * for the next (the balance passes flow the same blocks again, mostly in
 * the same width): per block, the options they were broken with. */
typedef struct {
  bool valid;
  jv_textflow_opts opts;
  int italic;
  jv_textflow tf;
} jv_flow_memo_entry;

typedef struct {
  jv_flow_memo_entry *e; /* per block of the document */
  size_t n;
} jv_flow_memo;

typedef struct {
  const jv_page_style *s;
  const jv_measure *m;
  jv_flow_memo *memo; /* may be NULL */
  jv_pages *out;
  jv_page *page;
  int page_index;
  double y;      /* next free y on the page */
  double bottom; /* lowest usable y */
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
  const jv_block *first; /* the document's first block (for block indices) */
  const jv_doc *toc_doc; /* the document, for the TOC's entry count */
  /* figures floated forward past the text after them, placed at the top of
   * the next page or at the end of their section, in order */
  const jv_block *pending[MAX_PENDING];
  size_t n_pending;
  int flushing;
  /* the block that did not fit when the flow left a page, the height it
   * needed and what was left: the page map's reason */
  const jv_block *moving;
  double need, left;
  const jv_block *split_table;      /* a table its heading was placed with, to be split */
  const unsigned char *force_break; /* per block: start it on a new page (may be NULL) */
  /* the logical structure (jv_pages elems) the items being placed belong to */
  int elem_text;     /* running text of the current block */
  int elem_lbl;      /* a list item's marker */
  int elem_quote;    /* the BlockQuote of a pull quote */
  int elem_toc;      /* the TOC, made where the TOC block stands */
  int elem_list[4];  /* the L of each list depth (1..3), -1 outside lists */
  int elem_lbody[4]; /* the LBody of the last item at each depth */
  int *fig_elem;     /* per block: a figure's Figure element (its Caption before it) */
} flow;

static inline double avail(const flow *f)
{
  return f->bottom - f->y;
}
static inline int at_top(const flow *f)
{
  return f->y <= (f->columns ? f->col_top : f->s->margin_top) + 0.01;
}

/* Share of the current page's text area used so far (y below the top). */
static inline double used(const flow *f, double y)
{
  return (y - f->s->margin_top) / (f->page_bottom - f->s->margin_top);
}

jv_status jv_flow__oom(flow *f);
/* Adds a structure element and makes it the current page's element; -1 when out of memory. */
int jv_flow__elem(flow *f, jv_struct_type type, int parent);
/* The elements of the next block (headings, paragraphs, lists, quotes). */
jv_status jv_flow__open_elems(flow *f, const jv_block *b);
jv_status jv_flow__new_page(flow *f);
/* Leaves the page because block b (needing need points) does not fit: the
 * page map then says so when the page stays under JV_PAGE_MIN_FILL. */
jv_status jv_flow__move_on(flow *f, const jv_block *b, double need, int frame);
/* One flow of doc into out (initialised, empty); force_break (per block,
 * may be NULL) starts the blocks it marks on a new page; memo (may be
 * NULL; n_blocks entries, zeroed at first) keeps broken lines between
 * flows of the same doc, style and measure. */
jv_status jv_flow__run(const jv_doc *doc, const jv_page_style *s, const jv_measure *m,
                       const unsigned char *force_break, jv_flow_memo *memo, jv_pages *out,
                       jv_error *err);
/* Places one block, noting it on every page it reaches (page map). */
jv_status jv_flow__place(flow *f, const jv_block *b);
/* the right column when in the left one, else a new page */
jv_status jv_flow__next_frame(flow *f);
double jv_flow__heading_height(const flow *f, int level);

/* paginate_text.c: paragraphs, list items, pull quotes, two columns */
jv_status jv_flow__paragraph(flow *f, const jv_block *b, int emit, size_t *n_lines);
jv_status jv_flow__put_paragraph(flow *f, const jv_block *b);
/* The height of the notes kept under block b (keep_with_prev blocks after
 * it, in the document) and the gap above them: 0 when none. */
double jv_flow__notes_height(flow *f, const jv_block *b);
void jv_flow__balance_columns(flow *f);
jv_status jv_flow__columns_begin(flow *f);
jv_status jv_flow__columns_end(flow *f);

/* paginate_blocks.c: cover, tables, figures */
jv_status jv_flow__put_cover(flow *f, const jv_block *b);
jv_status jv_flow__put_table(flow *f, const jv_block *b);
/* Height a table starting at y needs on that page: whole when it fits or
 * must be kept whole, else its title, header and first rows (split);
 * may_split: split it whenever it does not fit whole (unless t->keep). */
double jv_flow__table_keep_height(const flow *f, const jv_table *t, double y, int may_split);
jv_status jv_flow__put_figure(flow *f, const jv_block *b);
double jv_flow__figure_height(const flow *f, const jv_figure *fig);
/* The height of a figure's caption line: FIGURE_CAPTION_H, 0 without one. */
double jv_flow__caption_height(const jv_figure *fig);

/* paginate_toc.c: table of contents, running header and footer */
jv_status jv_flow__reserve_toc(flow *f, const jv_doc *doc, const jv_block *b);
jv_status jv_flow__fill_toc(flow *f);
jv_status jv_flow__decorate(flow *f);

#endif
