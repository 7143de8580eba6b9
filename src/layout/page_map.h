/* page_map.h - the page map: per page its blocks and how full it is, and why
 * a page was left under JV_PAGE_MIN_FILL, as plain text for template authors.
 * Owns the short labels of blocks ("heading 'Absoluut verzuim'"). */
#ifndef JV_LAYOUT_PAGE_MAP_H
#define JV_LAYOUT_PAGE_MAP_H

#include <stddef.h>

#include "layout/doc.h"
#include "layout/page.h"

/* A one-line label of b into buf: its kind and its first words. */
void jv_block_label(const jv_block *b, char *buf, size_t size);

/* Whether page i of p is the last of a chapter: the last page, or the next
 * page starts with a chapter heading, the table of contents or a cover. */
int jv_page_map_chapter_end(const jv_pages *p, const jv_doc *doc, size_t i);

/* The page map of p (laid out from doc) as malloc'd UTF-8 text, NULL when
 * out of memory. One line per page:
 *   page 4 of 21: 35% full; under 60%: <why>
 *   page 7 of 21: 52% full; chapter end
 * then one line per block on it ("  - table 'Tabel 1. ...'"). */
char *jv_page_map_text(const jv_pages *p, const jv_doc *doc);

#endif
