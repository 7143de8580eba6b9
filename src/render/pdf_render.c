/* pdf_render.c - libharu output of jv_pages. */
#include "render/pdf_render.h"

#include <hpdf.h>
#include <errno.h>
#include <hpdf_doc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/atomic_file.h"
#include "render/draw_hpdf.h"
#include "render/scene_paint.h"
#include "render/pdf_pdfa.h"
#include "render/pdf_fonttrim.h"
#include "render/pdf_haru_fast.h"
#include "render/pdf_tags.h"
#include "render/pdf_zlib.h"

typedef struct {
  HPDF_STATUS error_no;
  HPDF_STATUS detail_no;
} hpdf_errors;

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  hpdf_errors *e = user_data;
  if (!e->error_no) { /* keep the first: later ones are usually consequences */
    e->error_no = error_no;
    e->detail_no = detail_no;
  }
}

typedef struct {
  HPDF_Doc pdf;
  HPDF_Font font[JV_FONT_STYLE_COUNT];
  HPDF_Page *pages;
  const jv_pages *in;
  const jv_fonts *fonts;
  hpdf_errors errs;
  int fig_failed;
  jv_error fig_err;
  int font_failed; /* 1 + the style that could not be embedded */
  int cmap_bad;    /* its cmap's end codes do not ascend */
  HPDF_Image image[8];
  const jv_image *image_src[8]; /* borrowed from the items */
  size_t n_images;
  jv_pdf_tags *tags;
  size_t page_i; /* the page being drawn */
} ctx;

static double flip(const ctx *c, double y)
{
  return c->in->height - y;
}

/* The decoded samples as an RGB image with its alpha plane as a soft mask;
 * libharu never parses an image file itself. */
static HPDF_Image load_image(HPDF_Doc pdf, const jv_image *src)
{
  HPDF_Image img =
      HPDF_LoadRawImageFromMem(pdf, src->rgb, src->width, src->height, HPDF_CS_DEVICE_RGB, 8);
  if (img && src->alpha) {
    HPDF_Image mask =
        HPDF_LoadRawImageFromMem(pdf, src->alpha, src->width, src->height, HPDF_CS_DEVICE_GRAY, 8);
    if (!mask || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
      return NULL;
  }
  return img;
}

/* Embeds a style's font the first time it is used: libharu spends most of a
 * report's time building each TrueType font's CID map, so a style that no
 * text uses (often bold italic) is never loaded. */
static HPDF_Font font_for(ctx *c, jv_font_style style)
{
  if (!c->font[style]) {
    const char *name = HPDF_LoadTTFontFromFile(c->pdf, jv_fonts_path(c->fonts, style), HPDF_TRUE);
    /* the glyph lookup of pdf_haru_fast.c needs a cmap it can halve */
    HPDF_FontDef def = name ? HPDF_GetFontDef(c->pdf, name) : NULL;
    int sorted = def && jv_pdf_cmap_sorted(def);
    c->font[style] = sorted ? HPDF_GetFont(c->pdf, name, "UTF-8") : NULL;
    if (!c->font[style] && !c->font_failed) {
      c->font_failed = (int)style + 1;
      c->cmap_bad = def && !sorted;
    }
  }
  return c->font[style];
}

static HPDF_Font load_font(void *vctx, jv_font_style style)
{
  return font_for(vctx, style);
}

/* The text as written: a word space after a word is a real space (placed
 * words still start where layout put them). */
static const char *text_of(const jv_item *it, char *buf, size_t size)
{
  if (it->space_after && snprintf(buf, size, "%s ", it->text) < (int)size)
    return buf;
  return it->text;
}

static void put_text(ctx *c, HPDF_Page page, const jv_item *it)
{
  char buf[512];
  const char *text = text_of(it, buf, sizeof(buf));
  double w = jv_fonts_text_width(c->fonts, it->style, it->size, it->text);
  double x = it->x;
  if (it->anchor == JV_TEXT_RIGHT)
    x -= w;
  else if (it->anchor == JV_TEXT_CENTER)
    x -= w / 2;
  HPDF_Font font = font_for(c, it->style);
  if (!font)
    return;
  HPDF_Page_SetRGBFill(page, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g,
                       (HPDF_REAL)it->color.b);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)it->size);
  HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)flip(c, it->y), text);
  HPDF_Page_EndText(page);
}

/* A figure's content in the structure is its text alternative, as invisible
 * text in its box (so every text extraction reads the description); the
 * drawing itself, labels included, is an artifact. */
static void put_alt(ctx *c, HPDF_Page page, const jv_item *it)
{
  const char *alt = it->figure->alt;
  HPDF_Font font = font_for(c, JV_FONT_REGULAR);
  if (alt && *alt && font && it->elem >= 0) {
    /* lines (breaking after a space) that stay inside the box: readers drop
     * text beyond the page */
    size_t n = strlen(alt);
    char *line = malloc(n + 1);
    double y = it->y + 1;
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 1);
    HPDF_Page_SetTextRenderingMode(page, HPDF_INVISIBLE);
    for (size_t at = 0; line && at < n; y += 1.2) {
      size_t len = 0, fit = 0;
      while (at + len < n) {
        size_t w = strcspn(alt + at + len, " ");
        w += alt[at + len + w] == ' ';
        memcpy(line, alt + at, len + w);
        line[len + w] = '\0';
        if (fit && jv_fonts_text_width(c->fonts, JV_FONT_REGULAR, 1, line) > it->w - 2)
          break;
        len += w;
        fit = len;
      }
      memcpy(line, alt + at, fit);
      line[fit] = '\0';
      HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)flip(c, y), line);
      at += fit;
    }
    free(line);
    HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
    HPDF_Page_EndText(page);
  }
  jv_pdf_tags_artifact(c->tags, c->page_i);
}

static void put_item(ctx *c, HPDF_Page page, const jv_item *it)
{
  switch (it->kind) {
  case JV_ITEM_TEXT:
    put_text(c, page, it);
    break;
  case JV_ITEM_RECT:
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g,
                         (HPDF_REAL)it->color.b);
    HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)flip(c, it->y + it->h), (HPDF_REAL)it->w,
                        (HPDF_REAL)it->h);
    HPDF_Page_Fill(page);
    break;
  case JV_ITEM_LINE:
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g,
                           (HPDF_REAL)it->color.b);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
    HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)flip(c, it->y));
    HPDF_Page_LineTo(page, (HPDF_REAL)(it->x + it->w), (HPDF_REAL)flip(c, it->y + it->h));
    HPDF_Page_Stroke(page);
    break;
  case JV_ITEM_FIGURE: {
    put_alt(c, page, it);
    jv_draw_hpdf dh;
    HPDF_Page_GSave(page);
    jv_draw_hpdf_init(&dh, page, c->font, c->fonts, it->x, flip(c, it->y));
    dh.load_font = load_font;
    dh.load_ctx = c;
    jv_error fe;
    jv_status st = it->scene ? jv_scene_paint(&dh.draw, it->scene, &fe)
                             : jv_error_set(&fe, JV_EINTERNAL, NULL, 0, 0, "not laid out");
    HPDF_Page_GRestore(page);
    if (st && !c->fig_failed) {
      c->fig_failed = 1;
      jv_error_set(&c->fig_err, st, NULL, 0, 0, "figure '%s': %s",
                   it->figure && it->figure->caption ? it->figure->caption : "zonder bijschrift",
                   fe.msg);
    }
    break;
  }
  case JV_ITEM_IMAGE: {
    /* the same file is embedded once however often it is drawn */
    HPDF_Image img = NULL;
    for (size_t i = 0; i < c->n_images; i++)
      if (c->image_src[i] == it->image)
        img = c->image[i];
    if (!img) {
      img = load_image(c->pdf, it->image);
      if (img && c->n_images < 8) {
        c->image_src[c->n_images] = it->image;
        c->image[c->n_images++] = img;
      }
    }
    if (img)
      HPDF_Page_DrawImage(page, img, (HPDF_REAL)it->x, (HPDF_REAL)flip(c, it->y + it->h),
                          (HPDF_REAL)it->w, (HPDF_REAL)it->h);
    break;
  }
  case JV_ITEM_LINK: {
    HPDF_Rect r = {(HPDF_REAL)it->x, (HPDF_REAL)flip(c, it->y + it->h), (HPDF_REAL)(it->x + it->w),
                   (HPDF_REAL)flip(c, it->y)};
    if (it->target < 0 || (size_t)it->target >= c->in->n_pages)
      break;
    HPDF_Destination dst = HPDF_Page_CreateDestination(c->pages[it->target]);
    HPDF_Destination_SetFit(dst);
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(page, r, dst);
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    char what[64];
    snprintf(what, sizeof(what), "Ga naar pagina %d", it->target + 1);
    jv_pdf_tags_annot(c->tags, c->page_i, it, a, what);
    break;
  }
  }
}

static void put_outline(ctx *c)
{
  HPDF_Encoder enc = HPDF_GetEncoder(c->pdf, "UTF-8");
  HPDF_Outline parents[4] = {NULL, NULL, NULL, NULL};
  for (size_t i = 0; i < c->in->n_outline; i++) {
    const jv_outline_entry *e = &c->in->outline[i];
    int level = e->level < 0 ? 0 : e->level > 3 ? 3 : e->level;
    HPDF_Outline parent = level > 0 ? parents[level - 1] : NULL;
    HPDF_Outline o = HPDF_CreateOutline(c->pdf, parent, e->title, enc);
    if (!o)
      return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(c->pages[e->page]);
    HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)flip(c, e->y - 12), 1);
    HPDF_Outline_SetDestination(o, dst);
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    parents[level] = o;
    for (int l = level + 1; l < 4; l++)
      parents[l] = NULL;
  }
}

static void put_meta(ctx *c, const jv_pdf_meta *m)
{
  if (m->title)
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_TITLE, m->title);
  if (m->author)
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_AUTHOR, m->author);
  if (m->subject)
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_SUBJECT, m->subject);
  if (m->keywords)
    HPDF_SetInfoAttr(c->pdf, HPDF_INFO_KEYWORDS, m->keywords);
  HPDF_SetInfoAttr(c->pdf, HPDF_INFO_CREATOR, "jaarverslag " JV_VERSION);
  /* the document language, so screen readers read the text as Dutch;
   * libharu has no call for it, the catalog dictionary is public */
  HPDF_String lang = HPDF_String_New(c->pdf->mmgr, m->lang ? m->lang : "nl-NL", NULL);
  if (lang)
    HPDF_Dict_Add(c->pdf->catalog, "Lang", lang);
  /* viewers show the title, not the file name, in their window */
  HPDF_Dict prefs = HPDF_Dict_New(c->pdf->mmgr);
  if (prefs && HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) == HPDF_OK)
    HPDF_Dict_Add(c->pdf->catalog, "ViewerPreferences", prefs);
  if (m->date >= 0) {
    time_t t = (time_t)m->date;
    struct tm tm;
    gmtime_r(&t, &tm);
    HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec,         'Z',           0,          0};
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
  }
}

/* Copies the finished document from libharu's memory stream to fp, with the
 * trailer /ID filled in from the bytes; a failed write leaves its errno in
 * *werr. */
static int save(ctx *c, FILE *fp, int *werr)
{
  if (HPDF_SaveToStream(c->pdf) != HPDF_OK)
    return -1;
  HPDF_ResetStream(c->pdf);
  size_t n = 0, cap = HPDF_GetStreamSize(c->pdf) + 1;
  unsigned char *b = malloc(cap);
  if (!b)
    return -1;
  for (;;) {
    HPDF_UINT32 got = (HPDF_UINT32)(cap - n);
    HPDF_STATUS st = HPDF_ReadFromStream(c->pdf, b + n, &got);
    n += got;
    if (st == HPDF_STREAM_EOF || (st == HPDF_OK && got == 0))
      break;
    if (st != HPDF_OK || n == cap) {
      free(b);
      return -1;
    }
  }
  int rc = 0;
  if (jv_pdfa_set_id(b, n) != 0)
    rc = -1;
  else if (fwrite(b, 1, n, fp) != n)
    rc = -1, *werr = errno;
  free(b);
  return rc;
}

jv_status jv_pdf_render(const jv_pages *pages, const jv_pdf_meta *meta, const jv_fonts *fonts,
                        const char *path, jv_error *err)
{
  ctx c;
  memset(&c, 0, sizeof(c));
  c.in = pages;
  c.fonts = fonts;
  c.pdf = HPDF_New(on_hpdf_error, &c.errs);
  if (!c.pdf)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot create the PDF document");
  jv_status st = JV_OK;
  /* the level is pdf_zlib.c's (libharu has no setting for it) */
  HPDF_SetCompressionMode(c.pdf, jv_pdf_zlib_level() > 0 ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  HPDF_UseUTFEncodings(c.pdf);
  HPDF_SetCurrentEncoder(c.pdf, "UTF-8");
  /* the regular face is always used; the others load on first use */
  if (!font_for(&c, JV_FONT_REGULAR)) {
    st = jv_error_set(err, JV_EINTERNAL, jv_fonts_path(fonts, JV_FONT_REGULAR), 0, 0,
                      "libharu cannot embed this font (error 0x%04X)", (unsigned)c.errs.error_no);
    goto out;
  }
  c.pages = calloc(pages->n_pages ? pages->n_pages : 1, sizeof(HPDF_Page));
  if (!c.pages) {
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    goto out;
  }
  for (size_t i = 0; i < pages->n_pages; i++) {
    c.pages[i] = HPDF_AddPage(c.pdf);
    HPDF_Page_SetWidth(c.pages[i], (HPDF_REAL)pages->width);
    HPDF_Page_SetHeight(c.pages[i], (HPDF_REAL)pages->height);
  }
  if ((st = jv_pdf_tags_new(&c.tags, c.pdf, pages, c.pages, err)))
    goto out;
  for (size_t i = 0; i < pages->n_pages; i++) {
    const jv_page *pg = &pages->pages[i];
    size_t *order = malloc((pg->n ? pg->n : 1) * sizeof(*order));
    if (!order) {
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
      goto out;
    }
    jv_pdf_tags_order(pages, i, order);
    c.page_i = i;
    for (size_t j = 0; j < pg->n; j++) {
      jv_pdf_tags_mark(c.tags, i, &pg->items[order[j]]);
      put_item(&c, c.pages[i], &pg->items[order[j]]);
    }
    jv_pdf_tags_close(c.tags, i);
    free(order);
  }
  put_outline(&c);
  if ((st = jv_pdf_tags_finish(c.tags, err)))
    goto out;
  HPDF_SetPageMode(c.pdf, pages->n_outline ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
  HPDF_AddPageLabel(c.pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
  put_meta(&c, meta);
  if (!st && !c.font_failed && !c.errs.error_no) {
    jv_pdfa_info pi = {
        meta->title, meta->author, meta->subject, meta->keywords, "jaarverslag " JV_VERSION,
        meta->lang,  meta->date,   meta->icc_path};
    for (int i = 0; i < JV_FONT_STYLE_COUNT && !st; i++)
      if (c.font[i])
        st = jv_pdf_fonttrim(c.font[i], err);
    if (st || (st = jv_pdfa_fix_fonts(c.pdf, c.font, JV_FONT_STYLE_COUNT, err)) ||
        (st = jv_pdfa_prepare(c.pdf, &pi, err)))
      goto out;
  }
  if (c.font_failed) {
    const char *font = jv_fonts_path(fonts, (jv_font_style)(c.font_failed - 1));
    if (c.cmap_bad)
      st = jv_error_set(err, JV_EDATA, font, 0, 0,
                        "the cmap's segment end codes do not ascend (not a valid TrueType font)");
    else
      st = jv_error_set(err, JV_EINTERNAL, font, 0, 0,
                        "libharu cannot embed this font (error 0x%04X)", (unsigned)c.errs.error_no);
    goto out;
  }
  if (c.fig_failed) {
    *err = c.fig_err;
    st = err->status ? err->status : JV_EINTERNAL;
    goto out;
  }
  if (c.errs.error_no) {
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0,
                      "libharu failed while drawing (error 0x%04X, detail %u)",
                      (unsigned)c.errs.error_no, (unsigned)c.errs.detail_no);
    goto out;
  }
  jv_atomic_file af;
  if ((st = jv_atomic_open(&af, path, err)))
    goto out;
  int werr = 0;
  if (save(&c, af.fp, &werr) != 0 || c.errs.error_no) {
    jv_atomic_abort(&af);
    if (c.errs.error_no)
      st = jv_error_set(err, JV_EINTERNAL, path, 0, 0,
                        "cannot write the PDF (libharu error 0x%04X)", (unsigned)c.errs.error_no);
    else
      st = jv_atomic_write_error(path, werr, err);
    goto out;
  }
  st = jv_atomic_commit(&af, err);
out:
  jv_pdf_tags_free(c.tags);
  free(c.pages);
  HPDF_Free(c.pdf);
  return st;
}

jv_status jv_pdf_render_figure(const jv_figure *fig, const jv_scene *scene, const jv_pdf_meta *meta,
                               const jv_fonts *fonts, const char *path, jv_error *err)
{
  jv_pages p;
  jv_pages_init(&p, fig->width, fig->height);
  jv_page *pg = jv_pages_add(&p);
  int e = pg ? jv_pages_elem(&p, JV_SE_FIGURE, -1) : -1;
  if (e >= 0) {
    p.elems[e].alt = fig->alt;
    pg->elem = e;
  }
  jv_status st = e >= 0 && jv_page_figure(pg, 0, 0, fig) == JV_OK
                     ? JV_OK
                     : jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_item *it = st == JV_OK ? jv_page_last(pg) : NULL;
  if (it) {
    it->scene = (jv_scene *)scene; /* borrowed for this call only */
    st = jv_pdf_render(&p, meta, fonts, path, err);
    it->scene = NULL;
  }
  jv_pages_free(&p);
  return st;
}
