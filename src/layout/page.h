/* page.h - the plain result of layout: pages of positioned items.
 * Owns jv_pages (pages, their items, the outline and link targets); the PDF
 * renderer walks it. Coordinates are points, origin top-left, y down. */
#ifndef JV_LAYOUT_PAGE_H
#define JV_LAYOUT_PAGE_H

#include <stddef.h>

#include "layout/figure.h"
#include "layout/font_style.h"
#include "layout/scene.h"
#include "model/image.h"
#include "util/color.h"
#include "util/error.h"

typedef enum {
  JV_ITEM_TEXT,   /* text at baseline (x, y) */
  JV_ITEM_RECT,   /* filled rectangle x, y, w, h */
  JV_ITEM_LINE,   /* line from (x, y) to (x + w, y + h) */
  JV_ITEM_FIGURE, /* figure painted in x, y, w, h */
  JV_ITEM_LINK,   /* clickable area x, y, w, h leading to page `target` */
  JV_ITEM_IMAGE   /* `image` drawn in x, y, w, h */
} jv_item_kind;

typedef enum { JV_TEXT_LEFT, JV_TEXT_RIGHT, JV_TEXT_CENTER } jv_text_anchor;

typedef struct {
  jv_item_kind kind;
  double x, y, w, h;
  char *text; /* owned (TEXT) */
  jv_font_style style;
  double size;
  jv_text_anchor anchor;
  double word_space; /* extra space per ASCII space (justified text) */
  jv_rgb color;      /* text, fill or stroke colour */
  double line_width;
  const jv_figure *figure; /* borrowed from the document (FIGURE) */
  jv_scene *scene;         /* owned (FIGURE): the figure laid out in w x h */
  int target;              /* page index (LINK) */
  const jv_image *image;   /* borrowed (IMAGE) */
} jv_item;

/* A block of the document with something on a page (the page map). */
typedef struct {
  size_t block;  /* index into the document's blocks */
  int continued; /* it began on an earlier page */
} jv_page_block;

typedef struct {
  jv_item *items;
  size_t n, cap;
  /* the page map: what is on the page, how full it is and, when the flow
   * left it under JV_PAGE_MIN_FILL, why */
  jv_page_block *blocks;
  size_t n_blocks, cap_blocks;
  double fill; /* share of the text area's height in use, 0..1 */
  char *why;   /* owned, NULL when the page was left full enough */
  int cover;   /* holds the cover (no running header or footer) */
  int toc;     /* holds (part of) the table of contents */
} jv_page;

/* A page other than a chapter's last is at least this full, unless the
 * next block cannot be split and does not fit (then jv_page.why says so). */
#define JV_PAGE_MIN_FILL 0.6

typedef struct {
  char *title; /* owned */
  int level;   /* 0 = top */
  int page;    /* page index */
  double y;    /* top of the heading on that page */
  int in_toc;  /* a heading listed in the table of contents */
} jv_outline_entry;

typedef struct {
  double width, height; /* page size, points */
  jv_page *pages;
  size_t n_pages;
  jv_outline_entry *outline;
  size_t n_outline;
} jv_pages;

void jv_pages_init(jv_pages *p, double width, double height);
void jv_pages_free(jv_pages *p);
/* Appends an empty page and returns it (NULL when out of memory). */
jv_page *jv_pages_add(jv_pages *p);
jv_status jv_pages_outline(jv_pages *p, const char *title, int level, int page, double y);

/* Notes that block (index) has items on pg; continued when it began on an
 * earlier page. A block already noted is not noted twice. */
jv_status jv_page_note_block(jv_page *pg, size_t block, int continued);
/* The share of the text area (top..bottom) that pg's items reach down to. */
double jv_page_measure_fill(const jv_page *pg, double top, double bottom);

/* Item builders; each returns JV_EINTERNAL when out of memory. */
jv_status jv_page_text(jv_page *pg, double x, double y, const char *text, jv_font_style style,
                       double size, jv_rgb color, jv_text_anchor anchor);
jv_status jv_page_rect(jv_page *pg, double x, double y, double w, double h, jv_rgb fill);
jv_status jv_page_line(jv_page *pg, double x1, double y1, double x2, double y2, double width,
                       jv_rgb color);
jv_status jv_page_figure(jv_page *pg, double x, double y, const jv_figure *f);
jv_status jv_page_link(jv_page *pg, double x, double y, double w, double h, int target);
/* The last item added (to adjust e.g. word_space). */
jv_item *jv_page_last(jv_page *pg);
/* The image stays the caller's; it must outlive the pages. */
jv_status jv_page_image(jv_page *pg, double x, double y, double w, double h, const jv_image *image);

#endif
