/* pdf_tags.c - structure tree and marked content for the libharu report. */
#include "render/pdf_tags.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/utf8.h"

/* What a marked-content sequence is: an element (>= 0) or an artifact kind. */
#define KEY_NONE (-4)
#define KEY_PAGINATION (-2)
#define KEY_LAYOUT (-3)
#define KEY_OWN (-5) /* a sequence no later item joins (it has an ActualText) */

typedef struct {
  int *elem; /* element of each MCID */
  size_t n, cap;
  int open; /* key of the open sequence, KEY_NONE when closed */
} page_marks;

typedef struct {
  int elem;
  HPDF_Annotation annot;
} annot_ref;

struct jv_pdf_tags {
  HPDF_Doc pdf;
  const jv_pages *in;
  HPDF_Page *pages;
  HPDF_Dict root, doc;
  HPDF_Dict *elem;   /* one StructElem per pages->elems entry */
  HPDF_Array *kids;  /* their K arrays */
  double (*bbox)[4]; /* figures: x0 y0 x1 y1 in PDF space; x0 > x1 until set */
  int *pg;           /* the page an element's /Pg names, -1 before its content */
  page_marks *marks;
  annot_ref *annots;
  size_t n_annots, cap_annots;
  int failed;
};

static const char *const type_name[] = {
    "H1",    "H2", "H3", "P",  "L",      "LI",      "Lbl",        "LBody", "Table", "THead",
    "TBody", "TR", "TH", "TD", "Figure", "Caption", "BlockQuote", "TOC",   "TOCI",  "Link"};

HPDF_Binary jv_pdf_text_string(HPDF_MMgr mmgr, const char *utf8)
{
  size_t n = strlen(utf8);
  HPDF_BYTE *b = malloc(2 * n + 2);
  if (!b)
    return NULL;
  size_t k = 0;
  b[k++] = 0xFE;
  b[k++] = 0xFF;
  const char *p = utf8;
  uint32_t cp;
  while (*p) {
    if (jv_utf8_next(&p, &cp) != 0 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      cp = 0xFFFD;
    b[k++] = (HPDF_BYTE)(cp >> 8);
    b[k++] = (HPDF_BYTE)cp;
  }
  HPDF_Binary s = HPDF_Binary_New(mmgr, b, (HPDF_UINT)k);
  free(b);
  return s;
}

/* The element of it in pages, -1 when it has none. */
static int elem_of(const jv_pages *pages, const jv_item *it)
{
  return it->elem >= 0 && (size_t)it->elem < pages->n_elems ? it->elem : -1;
}

static HPDF_Dict new_elem(jv_pdf_tags *t, const char *type, HPDF_Dict parent, HPDF_Array *kids)
{
  HPDF_MMgr mm = t->pdf->mmgr;
  HPDF_Dict d = HPDF_Dict_New(mm);
  *kids = HPDF_Array_New(mm);
  if (!d || !*kids || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
    return NULL;
  /* /Type /StructElem is optional: left out, as a thousand table cells add up */
  HPDF_STATUS s = HPDF_Dict_AddName(d, "S", type);
  s |= HPDF_Dict_Add(d, "P", parent);
  s |= HPDF_Dict_Add(d, "K", *kids);
  return s == HPDF_OK ? d : NULL;
}

jv_status jv_pdf_tags_new(jv_pdf_tags **out, HPDF_Doc pdf, const jv_pages *pages, HPDF_Page *hpages,
                          jv_error *err)
{
  jv_pdf_tags *t = calloc(1, sizeof(*t));
  size_t ne = pages->n_elems ? pages->n_elems : 1, np = pages->n_pages ? pages->n_pages : 1;
  if (t) {
    t->elem = calloc(ne, sizeof(*t->elem));
    t->kids = calloc(ne, sizeof(*t->kids));
    t->bbox = calloc(ne, sizeof(*t->bbox));
    t->marks = calloc(np, sizeof(*t->marks));
    t->pg = malloc(ne * sizeof(*t->pg));
  }
  if (!t || !t->elem || !t->kids || !t->bbox || !t->marks || !t->pg) {
    jv_pdf_tags_free(t);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  t->pdf = pdf;
  t->in = pages;
  t->pages = hpages;
  for (size_t i = 0; i < pages->n_pages; i++)
    t->marks[i].open = KEY_NONE;
  for (size_t i = 0; i < pages->n_elems; i++)
    t->bbox[i][0] = 1, t->bbox[i][2] = 0, t->pg[i] = -1;
  HPDF_MMgr mm = pdf->mmgr;
  HPDF_Array doc_kids;
  t->root = HPDF_Dict_New(mm);
  int ok = t->root && HPDF_Xref_Add(pdf->xref, t->root) == HPDF_OK &&
           HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot") == HPDF_OK;
  t->doc = ok ? new_elem(t, "Document", t->root, &doc_kids) : NULL;
  ok = t->doc && HPDF_Dict_Add(t->root, "K", t->doc) == HPDF_OK;
  /* children follow their parent, so a parent's object always exists already */
  for (size_t i = 0; ok && i < pages->n_elems; i++) {
    const jv_struct_elem *se = &pages->elems[i];
    int p = se->parent;
    HPDF_Dict parent = p >= 0 && (size_t)p < i ? t->elem[p] : t->doc;
    HPDF_Array pk = p >= 0 && (size_t)p < i ? t->kids[p] : doc_kids;
    t->elem[i] = new_elem(t, type_name[se->type], parent, &t->kids[i]);
    ok = t->elem[i] && HPDF_Array_Add(pk, t->elem[i]) == HPDF_OK;
    if (ok && se->type == JV_SE_FIGURE)
      ok = HPDF_Dict_Add(t->elem[i], "Alt",
                         jv_pdf_text_string(mm, se->alt && *se->alt ? se->alt : "Figuur")) ==
           HPDF_OK;
    if (ok && se->type == JV_SE_TH) {
      HPDF_Dict a = HPDF_Dict_New(mm);
      ok = a && HPDF_Dict_AddName(a, "O", "Table") == HPDF_OK &&
           HPDF_Dict_AddName(a, "Scope", se->scope == JV_SCOPE_ROW ? "Row" : "Column") == HPDF_OK &&
           HPDF_Dict_Add(t->elem[i], "A", a) == HPDF_OK;
    }
  }
  if (!ok) {
    jv_pdf_tags_free(t);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot build the structure tree");
  }
  *out = t;
  return JV_OK;
}

void jv_pdf_tags_free(jv_pdf_tags *t)
{
  if (!t)
    return;
  if (t->marks)
    for (size_t i = 0; i < t->in->n_pages; i++)
      free(t->marks[i].elem);
  free(t->marks);
  free(t->elem);
  free(t->kids);
  free(t->bbox);
  free(t->pg);
  free(t->annots);
  free(t);
}

static int is_decoration(const jv_item *it)
{
  return it->kind == JV_ITEM_RECT || it->kind == JV_ITEM_LINE || it->kind == JV_ITEM_IMAGE;
}

static int key_of(const jv_pdf_tags *t, const jv_item *it)
{
  if (is_decoration(it))
    return KEY_LAYOUT;
  int e = elem_of(t->in, it);
  return e >= 0 ? e : KEY_PAGINATION;
}

void jv_pdf_tags_order(const jv_pages *pages, size_t page, size_t *idx)
{
  const jv_page *pg = &pages->pages[page];
  size_t k = 0;
  for (size_t i = 0; i < pg->n; i++)
    if (is_decoration(&pg->items[i]))
      idx[k++] = i;
  size_t first = k;
  for (size_t i = 0; i < pg->n; i++)
    if (!is_decoration(&pg->items[i]))
      idx[k++] = i;
  /* insertion sort by element, stable: pages hold a few hundred items at most,
   * mostly in order already */
  for (size_t i = first + 1; i < k; i++) {
    size_t v = idx[i];
    int ev = elem_of(pages, &pg->items[v]);
    size_t j = i;
    while (j > first) {
      if (elem_of(pages, &pg->items[idx[j - 1]]) <= ev)
        break;
      idx[j] = idx[j - 1];
      j--;
    }
    idx[j] = v;
  }
}

static HPDF_Stream content(jv_pdf_tags *t, size_t page)
{
  return ((HPDF_PageAttr)t->pages[page]->attr)->stream;
}

void jv_pdf_tags_close(jv_pdf_tags *t, size_t page)
{
  page_marks *m = &t->marks[page];
  if (m->open == KEY_NONE)
    return;
  HPDF_Stream_WriteStr(content(t, page), "EMC\n");
  m->open = KEY_NONE;
}

/* MCID mcid of page in element e's K: a bare number on the element's own
 * /Pg (its first page), a marked-content reference on a later page. */
static int add_mcr(jv_pdf_tags *t, int e, size_t page, int mcid)
{
  if (t->pg[e] < 0) {
    t->pg[e] = (int)page;
    if (HPDF_Dict_Add(t->elem[e], "Pg", t->pages[page]) != HPDF_OK)
      return -1;
  }
  if (t->pg[e] == (int)page)
    return HPDF_Array_AddNumber(t->kids[e], mcid) == HPDF_OK ? 0 : -1;
  HPDF_Dict r = HPDF_Dict_New(t->pdf->mmgr);
  return r && HPDF_Dict_AddName(r, "Type", "MCR") == HPDF_OK &&
                 HPDF_Dict_Add(r, "Pg", t->pages[page]) == HPDF_OK &&
                 HPDF_Dict_AddNumber(r, "MCID", mcid) == HPDF_OK &&
                 HPDF_Array_Add(t->kids[e], r) == HPDF_OK
             ? 0
             : -1;
}

static void grow_bbox(jv_pdf_tags *t, int e, double x0, double y0, double x1, double y1)
{
  double *b = t->bbox[e];
  if (b[0] > b[2]) {
    b[0] = x0, b[1] = y0, b[2] = x1, b[3] = y1;
    return;
  }
  b[0] = x0 < b[0] ? x0 : b[0];
  b[1] = y0 < b[1] ? y0 : b[1];
  b[2] = x1 > b[2] ? x1 : b[2];
  b[3] = y1 > b[3] ? y1 : b[3];
}

void jv_pdf_tags_mark(jv_pdf_tags *t, size_t page, const jv_item *it)
{
  page_marks *m = &t->marks[page];
  int key = key_of(t, it);
  if (it->kind == JV_ITEM_FIGURE && key >= 0)
    grow_bbox(t, key, it->x, t->in->height - it->y - it->h, it->x + it->w, t->in->height - it->y);
  const char *actual = key >= 0 && it->kind == JV_ITEM_TEXT ? it->actual : NULL;
  if (it->kind == JV_ITEM_LINK || (key == m->open && !actual))
    return; /* an annotation is no content; the same element continues */
  jv_pdf_tags_close(t, page);
  HPDF_Stream s = content(t, page);
  char op[96];
  if (key == KEY_LAYOUT) {
    HPDF_Stream_WriteStr(s, "/Artifact <</Type /Layout>> BDC\n");
  } else if (key == KEY_PAGINATION) {
    HPDF_Stream_WriteStr(s, "/Artifact <</Type /Pagination>> BDC\n");
  } else {
    if (jv_grow((void **)&m->elem, &m->cap, m->n + 1, sizeof(*m->elem), 32) != 0) {
      t->failed = 1;
      return;
    }
    int mcid = (int)m->n;
    m->elem[m->n++] = key;
    /* readers (poppler) take /ActualText only from a Span sequence */
    snprintf(op, sizeof(op), "/%s <</MCID %d", actual ? "Span" : type_name[t->in->elems[key].type],
             mcid);
    HPDF_Stream_WriteStr(s, op);
    HPDF_Binary at = actual ? jv_pdf_text_string(t->pdf->mmgr, actual) : NULL;
    if (at) {
      HPDF_Stream_WriteStr(s, " /ActualText ");
      HPDF_Obj_Write(at, s, NULL);
      HPDF_Obj_Free(t->pdf->mmgr, at);
    }
    HPDF_Stream_WriteStr(s, ">> BDC\n");
    if (add_mcr(t, key, page, mcid) != 0)
      t->failed = 1;
  }
  m->open = actual || it->kind == JV_ITEM_FIGURE ? KEY_OWN : key;
}

void jv_pdf_tags_artifact(jv_pdf_tags *t, size_t page)
{
  jv_pdf_tags_close(t, page);
  HPDF_Stream_WriteStr(content(t, page), "/Artifact <</Type /Layout>> BDC\n");
  t->marks[page].open = KEY_OWN;
}

void jv_pdf_tags_annot(jv_pdf_tags *t, size_t page, const jv_item *it, HPDF_Annotation a,
                       const char *contents)
{
  if (!a)
    return;
  int e = elem_of(t->in, it);
  HPDF_MMgr mm = t->pdf->mmgr;
  HPDF_STATUS s = HPDF_Dict_AddNumber(a, "F", 4); /* print */
  s |= HPDF_Dict_Add(a, "Contents", jv_pdf_text_string(mm, contents));
  if (e >= 0) {
    if (jv_grow((void **)&t->annots, &t->cap_annots, t->n_annots + 1, sizeof(*t->annots), 32) !=
        0) {
      t->failed = 1;
      return;
    }
    int key = (int)(t->in->n_pages + t->n_annots);
    t->annots[t->n_annots++] = (annot_ref){e, a};
    HPDF_Dict r = HPDF_Dict_New(mm);
    s |= r ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (r) {
      s |= HPDF_Dict_AddName(r, "Type", "OBJR");
      s |= HPDF_Dict_Add(r, "Obj", a);
      s |= HPDF_Dict_Add(r, "Pg", t->pages[page]);
      s |= HPDF_Array_Add(t->kids[e], r);
    }
    s |= HPDF_Dict_AddNumber(a, "StructParent", key);
  }
  if (s != HPDF_OK)
    t->failed = 1;
}

jv_status jv_pdf_tags_finish(jv_pdf_tags *t, jv_error *err)
{
  HPDF_MMgr mm = t->pdf->mmgr;
  HPDF_Dict tree = HPDF_Dict_New(mm);
  HPDF_Array nums = HPDF_Array_New(mm);
  HPDF_STATUS s = tree && nums && !t->failed ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
  for (size_t i = 0; s == HPDF_OK && i < t->in->n_pages; i++) {
    HPDF_Array a = HPDF_Array_New(mm);
    if (!a)
      break;
    for (size_t k = 0; k < t->marks[i].n; k++)
      s |= HPDF_Array_Add(a, t->elem[t->marks[i].elem[k]]);
    s |= HPDF_Array_AddNumber(nums, (HPDF_INT32)i);
    s |= HPDF_Array_Add(nums, a);
    s |= HPDF_Dict_AddNumber(t->pages[i], "StructParents", (HPDF_INT32)i);
    s |= HPDF_Dict_AddName(t->pages[i], "Tabs", "S");
  }
  for (size_t j = 0; s == HPDF_OK && j < t->n_annots; j++) {
    s |= HPDF_Array_AddNumber(nums, (HPDF_INT32)(t->in->n_pages + j));
    s |= HPDF_Array_Add(nums, t->elem[t->annots[j].elem]);
  }
  for (size_t e = 0; s == HPDF_OK && e < t->in->n_elems; e++) {
    const double *b = t->bbox[e];
    if (t->in->elems[e].type != JV_SE_FIGURE || b[0] > b[2])
      continue;
    HPDF_Dict a = HPDF_Dict_New(mm);
    HPDF_Array box = HPDF_Array_New(mm);
    if (!a || !box) {
      s = HPDF_FAILD_TO_ALLOC_MEM;
      break;
    }
    for (int k = 0; k < 4; k++)
      s |= HPDF_Array_AddReal(box, (HPDF_REAL)b[k]);
    s |= HPDF_Dict_AddName(a, "O", "Layout");
    s |= HPDF_Dict_Add(a, "BBox", box);
    s |= HPDF_Dict_Add(t->elem[e], "A", a);
  }
  if (s == HPDF_OK) {
    s |= HPDF_Dict_Add(tree, "Nums", nums);
    s |= HPDF_Dict_Add(t->root, "ParentTree", tree);
    s |= HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey",
                             (HPDF_INT32)(t->in->n_pages + t->n_annots));
    s |= HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root);
    HPDF_Dict mark = HPDF_Dict_New(mm);
    s |= mark ? HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) : HPDF_FAILD_TO_ALLOC_MEM;
    s |= HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark);
  }
  if (s != HPDF_OK)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot write the structure tree");
  return JV_OK;
}
