/* paginate.h - flowing a jv_doc into pages of a fixed size.
 * Owns the page design (margins, running header, footer, colours) and the
 * decisions where blocks go: headings kept with what follows, tables split
 * with their header repeated, figures kept whole. */
#ifndef JV_LAYOUT_PAGINATE_H
#define JV_LAYOUT_PAGINATE_H

#include "layout/doc.h"
#include "layout/measure.h"
#include "layout/page.h"
#include "layout/table.h"

typedef struct {
  double width, height; /* A4: 595.276 x 841.89 */
  double margin_left, margin_right, margin_top, margin_bottom;
  double body_size, body_leading; /* running text */
  double h1_size, h2_size;
  jv_rgb accent;             /* headings, table header band, cover */
  jv_rgb accent_light;       /* table header background, emphasis column */
  jv_rgb text;               /* body text */
  jv_rgb muted;              /* running header, footer, sources */
  jv_rgb stripe;             /* alternate table rows */
  const char *running_title; /* left in the running header */
  const char *running_right; /* right in the running header (region) */
  jv_table_style table;
  const struct jv_hyphenator *hyph; /* Dutch hyphenation, may be NULL */
  int justify;                      /* running text justified (else ragged) */
} jv_page_style;

void jv_page_style_default(jv_page_style *s);

/* Lays out doc on pages. out must be initialised with jv_pages_init; the
 * figures on the pages are borrowed from doc, which must outlive out. */
jv_status jv_paginate(const jv_doc *doc, const jv_page_style *s, const jv_measure *m, jv_pages *out,
                      jv_error *err);

#endif
