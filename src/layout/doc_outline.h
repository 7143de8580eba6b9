/* doc_outline.h - the report's logical structure as plain text: each
 * block's role (heading level, paragraph, list, quote, table with header
 * cells, figure) and every figure's text alternative, in reading order.
 * It is what a tagged, accessible PDF would carry. */
#ifndef JV_LAYOUT_DOC_OUTLINE_H
#define JV_LAYOUT_DOC_OUTLINE_H

#include "layout/doc.h"

/* Returns a malloc'd UTF-8 text (caller frees), or NULL when out of memory. */
char *jv_doc_outline_text(const jv_doc *doc);

#endif
