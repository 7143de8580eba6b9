/* pdf_tags.h - the layout's logical structure as a tagged PDF (PDF/UA-1) in libharu.
 * Owns the marked-content sequences of each page, the structure tree (StructTreeRoot,
 * StructElems with Alt, BBox, Scope, OBJR), ParentTree, MarkInfo, /StructParents, /Tabs. */
#ifndef JV_RENDER_PDF_TAGS_H
#define JV_RENDER_PDF_TAGS_H

#include <hpdf.h>

#include "layout/page.h"
#include "util/error.h"

typedef struct jv_pdf_tags jv_pdf_tags;

/* Creates the element objects for pages->elems under one Document element. hpages are
 * the libharu pages of pages (borrowed, they must outlive t). Free with jv_pdf_tags_free. */
jv_status jv_pdf_tags_new(jv_pdf_tags **out, HPDF_Doc pdf, const jv_pages *pages, HPDF_Page *hpages,
                          jv_error *err);
void jv_pdf_tags_free(jv_pdf_tags *t);

/* The order in which a page's items are written: decoration (rectangles, rules,
 * images) first as painted, then the text, figures and links in reading order (the
 * order of their elements), so extraction without the tree reads right too.
 * idx receives pages->pages[page].n item indexes. */
void jv_pdf_tags_order(const jv_pages *pages, size_t page, size_t *idx);

/* Puts item it of page into a marked-content sequence: the one already open when it
 * belongs to the same element, else a new one (an MCID of its element, or an
 * Artifact). A text with it->actual gets a Span sequence of its own with that
 * /ActualText, so extraction reads whole words. Call outside text objects and
 * paths, before the item's operators. */
void jv_pdf_tags_mark(jv_pdf_tags *t, size_t page, const jv_item *it);
/* Starts an Artifact sequence for what follows (a figure's drawing after its
 * text alternative); the next jv_pdf_tags_mark ends it. */
void jv_pdf_tags_artifact(jv_pdf_tags *t, size_t page);
/* Closes the open sequence of page (at the end of its items). */
void jv_pdf_tags_close(jv_pdf_tags *t, size_t page);

/* The link annotation a drawn for it: /Contents, /StructParent, print flag and an
 * OBJR in its Link element. */
void jv_pdf_tags_annot(jv_pdf_tags *t, size_t page, const jv_item *it, HPDF_Annotation a,
                       const char *contents);

/* After every page is drawn: ParentTree, StructTreeRoot, MarkInfo, /StructParents and
 * /Tabs /S on the pages. */
jv_status jv_pdf_tags_finish(jv_pdf_tags *t, jv_error *err);

/* UTF-8 as a PDF text string (UTF-16BE with BOM); NULL when out of memory. */
HPDF_Binary jv_pdf_text_string(HPDF_MMgr mmgr, const char *utf8);

#endif
