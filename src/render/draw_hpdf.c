/* draw_hpdf.c - jv_draw straight into a libharu page: vectors as PDF path
 * operators, text as real (selectable, extractable) text in the report. */
#include "render/draw_hpdf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define JV_PI 3.14159265358979323846

/* Drawing coordinates (y down from the drawing's top) to page coordinates. */
static HPDF_REAL page_x(const jv_draw_hpdf *h, double x)
{
  return (HPDF_REAL)(h->origin_x + x);
}
static HPDF_REAL page_y(const jv_draw_hpdf *h, double y)
{
  return (HPDF_REAL)(h->origin_top - y);
}

static void op_move_to(void *ctx, double x, double y)
{
  jv_draw_hpdf *h = ctx;
  HPDF_Page_MoveTo(h->page, page_x(h, x), page_y(h, y));
  h->path_open = 1;
}

static void op_line_to(void *ctx, double x, double y)
{
  jv_draw_hpdf *h = ctx;
  if (!h->path_open) { /* PDF has no implicit current point */
    op_move_to(ctx, x, y);
    return;
  }
  HPDF_Page_LineTo(h->page, page_x(h, x), page_y(h, y));
}

static void op_curve_to(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3)
{
  jv_draw_hpdf *h = ctx;
  if (!h->path_open)
    op_move_to(ctx, x1, y1);
  HPDF_Page_CurveTo(h->page, page_x(h, x1), page_y(h, y1), page_x(h, x2), page_y(h, y2),
                    page_x(h, x3), page_y(h, y3));
}

static void op_close(void *ctx)
{
  jv_draw_hpdf *h = ctx;
  if (h->path_open)
    HPDF_Page_ClosePath(h->page);
}

/* libharu accepts colour, width and dash only outside a path (as PDF does);
 * callers set state before building a path, and draw_cairo reports a
 * caller that does not. */
static void op_set_rgb(void *ctx, jv_rgb c)
{
  jv_draw_hpdf *h = ctx;
  HPDF_Page_SetRGBFill(h->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
  HPDF_Page_SetRGBStroke(h->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void op_set_line_width(void *ctx, double w)
{
  jv_draw_hpdf *h = ctx;
  HPDF_Page_SetLineWidth(h->page, (HPDF_REAL)(w > 0 ? w : 0));
}

static void op_set_dash(void *ctx, double on, double off)
{
  jv_draw_hpdf *h = ctx;
  if (on <= 0) {
    HPDF_Page_SetDash(h->page, NULL, 0, 0);
    return;
  }
  /* libharu 2.3 takes whole points only */
  long a = lround(on), b = lround(off > 0 ? off : on);
  HPDF_UINT16 pat[2] = {(HPDF_UINT16)(a < 1      ? 1
                                      : a > 1000 ? 1000
                                                 : a),
                        (HPDF_UINT16)(b < 1      ? 1
                                      : b > 1000 ? 1000
                                                 : b)};
  HPDF_Page_SetDash(h->page, pat, 2, 0);
}

static void op_fill(void *ctx, jv_fill_rule r)
{
  jv_draw_hpdf *h = ctx;
  if (!h->path_open)
    return;
  if (r == JV_FILL_EVENODD)
    HPDF_Page_Eofill(h->page);
  else
    HPDF_Page_Fill(h->page);
  h->path_open = 0;
}

static void op_stroke(void *ctx)
{
  jv_draw_hpdf *h = ctx;
  if (!h->path_open)
    return;
  HPDF_Page_Stroke(h->page);
  h->path_open = 0;
}

static void op_clip(void *ctx, jv_fill_rule r)
{
  jv_draw_hpdf *h = ctx;
  if (!h->path_open) /* clipping to nothing hides everything, as in cairo */
    HPDF_Page_Rectangle(h->page, 0, 0, 0, 0);
  if (r == JV_FILL_EVENODD)
    HPDF_Page_Eoclip(h->page);
  else
    HPDF_Page_Clip(h->page);
  HPDF_Page_EndPath(h->page);
  h->path_open = 0;
}

static void op_save(void *ctx)
{
  HPDF_Page_GSave(((jv_draw_hpdf *)ctx)->page);
}
static void op_restore(void *ctx)
{
  HPDF_Page_GRestore(((jv_draw_hpdf *)ctx)->page);
}

/* libharu garbles invalid UTF-8 and code points beyond the BMP silently:
 * hand it a copy with those replaced by U+FFFD. The caller frees. */
static char *bmp_copy(const char *s)
{
  size_t n = strlen(s);
  char *out = malloc(n * 3 + 1); /* each input byte becomes at most 3 */
  if (!out)
    return NULL;
  char *o = out;
  const char *p = s;
  while (*p) {
    const char *start = p;
    uint32_t cp;
    if (jv_utf8_next(&p, &cp) != 0 || cp > 0xFFFF) {
      memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
    } else {
      memcpy(o, start, (size_t)(p - start));
      o += p - start;
    }
  }
  *o = '\0';
  return out;
}

static void op_text(void *ctx, double x, double y, const char *utf8, jv_font_style style,
                    double size, jv_align align, double angle)
{
  jv_draw_hpdf *h = ctx;
  if (!utf8 || !*utf8 || style < 0 || style >= JV_FONT_STYLE_COUNT)
    return;
  if (!h->font[style] && h->load_font)
    h->font[style] = h->load_font(h->load_ctx, style);
  if (!h->font[style])
    return;
  char *text = bmp_copy(utf8);
  if (!text)
    return;
  double w = jv_fonts_text_width(h->draw.fonts, style, size, text);
  double off = align == JV_ALIGN_RIGHT ? -w : align == JV_ALIGN_CENTER ? -w / 2 : 0;
  double a = angle * JV_PI / 180.0;
  double ca = cos(a), sa = sin(a);
  /* the start of the baseline, moved back along the (rotated) text
   * direction; drawing y grows downward, page y upward */
  double px = page_x(h, x) + off * ca;
  double py = page_y(h, y) + off * sa;
  HPDF_Page_BeginText(h->page);
  HPDF_Page_SetFontAndSize(h->page, h->font[style], (HPDF_REAL)size);
  if (angle == 0) {
    HPDF_Page_TextOut(h->page, (HPDF_REAL)px, (HPDF_REAL)py, text);
  } else {
    HPDF_Page_SetTextMatrix(h->page, (HPDF_REAL)ca, (HPDF_REAL)sa, (HPDF_REAL)-sa, (HPDF_REAL)ca,
                            (HPDF_REAL)px, (HPDF_REAL)py);
    HPDF_Page_ShowText(h->page, text);
  }
  HPDF_Page_EndText(h->page);
  free(text);
}

static const jv_draw_ops hpdf_ops = {op_move_to, op_line_to,        op_curve_to, op_close,
                                     op_set_rgb, op_set_line_width, op_set_dash, op_fill,
                                     op_stroke,  op_clip,           op_save,     op_restore,
                                     op_text};

void jv_draw_hpdf_init(jv_draw_hpdf *h, HPDF_Page page, HPDF_Font font[JV_FONT_STYLE_COUNT],
                       const jv_fonts *fonts, double origin_x, double origin_top)
{
  memset(h, 0, sizeof(*h));
  h->page = page;
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    h->font[i] = font ? font[i] : NULL;
  h->origin_x = origin_x;
  h->origin_top = origin_top;
  h->path_open = 0;
  h->draw.ops = &hpdf_ops;
  h->draw.ctx = h;
  h->draw.fonts = fonts;
}
