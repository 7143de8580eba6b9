/* chart_frame.c - chart style, series colours and the frame around the plot
 * (title, subtitle, legend, source line). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/chart_layout.h"

/* Liberation Sans: ascent 0,905 em; a line of text needs about 1,2 em. */
#define ASCENT 0.905
#define LINE 1.25

void jv_chart_style_default(jv_chart_style *st)
{
  memset(st, 0, sizeof(*st));
  st->font_size = 7.5;
  st->title_size = 10;
  st->small_size = 6.5;
  st->hairline = 0.5;
  st->text = jv_rgb_hex(0x1A1A1A);
  st->muted = jv_rgb_hex(0x595959); /* 7:1 on white: still legible small */
  st->grid = jv_rgb_hex(0xDADADA);
  st->axis = jv_rgb_hex(0x8C8C8C);
  st->accent = jv_rgb_hex(0xD55E00); /* Okabe-Ito vermillion */
  st->panel = jv_rgb_hex(0xEEF3F9);
  st->ramp_dark = jv_rgb_hex(0x08306B);
  st->ramp_light = jv_rgb_hex(0xD4EEE6);
  st->line_light = jv_rgb_hex(0x5B9BD5);
  st->single = jv_rgb_hex(0x2A6EBB);
}

/* Evenly along a ramp: luminance falls monotonically from light to dark,
 * so neighbours stay apart in greyscale. */
static jv_rgb lerp(jv_rgb a, jv_rgb b, double t)
{
  jv_rgb c = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
  return c;
}

static jv_rgb ramp(jv_rgb dark, jv_rgb light, size_t k, size_t n)
{
  if (k >= n)
    k = n - 1;
  return lerp(dark, light, (double)k / (double)(n - 1));
}

/* Fills run from ramp_dark through blue and teal to ramp_light: the hue
 * turns as the lightness rises, so neighbouring segments of a stacked bar
 * differ by CIE76 delta E >= 15 side by side and by >= 10 in L* (greyscale)
 * for up to six series (tests/unit/test_charts.c measures both). */
jv_rgb jv_chart_series_color(const jv_chart_style *st, size_t k, size_t n)
{
  if (n <= 1)
    return st->single;
  const jv_rgb stops[5] = {st->ramp_dark, jv_rgb_hex(0x1D6A96), jv_rgb_hex(0x3E9BB5),
                           jv_rgb_hex(0x8CCFD0), st->ramp_light};
  if (k >= n)
    k = n - 1;
  double t = (double)k / (double)(n - 1) * 4.0;
  size_t i = t >= 4.0 ? 3 : (size_t)t;
  return lerp(stops[i], stops[i + 1], t - (double)i);
}

jv_rgb jv_chart_line_color(const jv_chart_style *st, size_t k, size_t n)
{
  return n <= 1 ? st->single : ramp(st->ramp_dark, st->line_light, k, n);
}

static double channel(double c)
{
  return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

jv_rgb jv_chart_text_on(const jv_chart_style *st, jv_rgb bg)
{
  double l = 0.2126 * channel(bg.r) + 0.7152 * channel(bg.g) + 0.0722 * channel(bg.b);
  jv_rgb white = {1, 1, 1};
  /* the WCAG contrast of white vs text colour: pick the larger */
  return l < 0.22 ? white : st->text;
}

/* Greedy word wrap of text into at most max lines of width w; the last line
 * is cut with an ellipsis when the text does not fit. Returns lines used. */
static size_t wrap(const jv_measure *m, double size, const char *text, double w, char lines[][256],
                   size_t max)
{
  size_t n = 0;
  const char *p = text;
  while (*p && n < max) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    char line[256] = "";
    size_t len = 0;
    const char *q = p;
    for (;;) {
      const char *e = q;
      while (*e && *e != ' ')
        e++;
      char trial[256];
      int tl = snprintf(trial, sizeof(trial), "%s%s%.*s", line, len ? " " : "", (int)(e - q), q);
      if (tl >= (int)sizeof(trial))
        break;
      if (len && jv_measure_width(m, JV_FONT_REGULAR, size, trial) > w)
        break;
      memcpy(line, trial, (size_t)tl + 1);
      len = (size_t)tl;
      q = e;
      while (*q == ' ')
        q++;
      if (!*q)
        break;
    }
    p = q;
    if (*p && n + 1 == max) {
      /* out of lines: end this one with an ellipsis that fits */
      while (len > 0) {
        char trial[260];
        snprintf(trial, sizeof(trial), "%s\xE2\x80\xA6", line);
        if (jv_measure_width(m, JV_FONT_REGULAR, size, trial) <= w)
          break;
        /* drop one UTF-8 character */
        do
          len--;
        while (len > 0 && ((unsigned char)line[len] & 0xC0) == 0x80);
        line[len] = '\0';
      }
      size_t l = strlen(line);
      snprintf(line + l, sizeof(line) - l, "\xE2\x80\xA6");
      p += strlen(p);
    }
    snprintf(lines[n++], 256, "%s", line);
  }
  return n;
}

jv_status jv_chart_frame_layout(jv_chart_frame *f, const jv_measure *m, const jv_chart_style *st,
                                const jv_chart_text *t, const char *const *legend, size_t n_legend,
                                double x, double y, double w, double h, jv_error *err)
{
  memset(f, 0, sizeof(*f));
  f->outer = (jv_box){x, y, w, h};
  double top = y, bottom = y + h;
  if (t && t->title && *t->title) {
    /* shrink a long title to 80 % before letting it overflow */
    double size = st->title_size;
    double tw = jv_measure_width(m, JV_FONT_BOLD, size, t->title);
    if (tw > w)
      size = fmax(st->title_size * 0.8, size * w / tw);
    f->title_size = size;
    f->title_y = top + size * ASCENT;
    top += size * LINE;
  }
  if (t && t->subtitle && *t->subtitle) {
    double size = st->font_size;
    f->subtitle_y = top + size * ASCENT;
    top += size * LINE;
  }
  if (f->title_y || f->subtitle_y)
    top += st->font_size * 0.6;
  if (n_legend > JV_CHART_MAX_LEGEND)
    n_legend = JV_CHART_MAX_LEGEND;
  if (n_legend) {
    double fs = st->font_size, sw = fs * 0.95, gap = fs * 0.5, sep = fs * 1.6;
    double cx = x, line_top = top;
    for (size_t i = 0; i < n_legend; i++) {
      double tw = jv_measure_width(m, JV_FONT_REGULAR, fs, legend[i]);
      double need = sw + gap + tw;
      if (cx > x && cx + need > x + w) {
        cx = x;
        line_top += fs * LINE * 1.1;
      }
      f->swatch[i] = (jv_box){cx, line_top + (fs * LINE - sw) / 2, sw, sw};
      f->legend_x[i] = cx + sw + gap;
      f->legend_y[i] = line_top + (fs * LINE - sw) / 2 + sw * 0.5 + fs * 0.35;
      cx += need + sep;
    }
    f->n_legend = n_legend;
    top = line_top + fs * LINE * 1.1 + fs * 0.4;
  }
  if (t && t->source && *t->source) {
    char text[JV_CHART_MAX_SOURCE_LINES * 256];
    snprintf(text, sizeof(text), "Bron: %s", t->source);
    double size = st->small_size;
    f->n_source = wrap(m, size, text, w, f->source, JV_CHART_MAX_SOURCE_LINES);
    double line = size * 1.2;
    for (size_t i = 0; i < f->n_source; i++)
      f->source_y[i] = bottom - (double)(f->n_source - 1 - i) * line - size * 0.25;
    bottom -= (double)f->n_source * line + size * 0.9;
  }
  if (bottom - top < st->font_size * 4 || w < st->font_size * 8)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "chart of %.0fx%.0f pt is too small for its texts", w, h);
  f->plot_area = (jv_box){x, top, w, bottom - top};
  return JV_OK;
}

const jv_chart_style *jv_chart_style_or_default(const jv_chart_style *style, jv_chart_style *def)
{
  if (style)
    return style;
  jv_chart_style_default(def);
  return def;
}
