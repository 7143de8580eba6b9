/* map_layout.c - where a map's frame, view, title and source lines, legend
 * (with its class and count texts) and scale bar go; map_labels.c places
 * the name labels, map_scene.c turns the result into a scene. */
#include "layout/map_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/map_index.h"
#include "layout/map_labels.h"
#include "stats/format.h"
#include "stats/geom.h"

#define TITLE_SIZE 11.0
#define SUBTITLE_SIZE 8.5
#define SOURCE_SIZE 6.5
#define LEGEND_SIZE 7.5
#define LEGEND_PAD 6.0
#define LEGEND_ROW 12.0
#define SWATCH_W 14.0
#define SWATCH_H 9.0
#define GAP 8.0
#define INSET 6.0 /* legend inside the map: distance from the map edge */

void jv_map_layout_free(jv_map_layout *l)
{
  for (size_t i = 0; i < l->n_texts; i++)
    free(l->texts[i].text);
  free(l->texts);
  free(l->labels);
  free(l->marks);
  memset(l, 0, sizeof(*l));
}

static double width_of(const jv_map_layout_in *in, jv_font_style st, double size, const char *s)
{
  return jv_measure_width(in->measure, st, size, s);
}

static jv_status add_text(jv_map_layout *l, const char *s, size_t n, double x, double y,
                          double size, jv_font_style st, int grey, jv_error *err)
{
  jv_map_text *t = realloc(l->texts, (l->n_texts + 1) * sizeof(*t));
  if (!t)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  l->texts = t;
  char *copy = malloc(n + 1);
  if (!copy)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  memcpy(copy, s, n);
  copy[n] = '\0';
  jv_map_text *nt = &t[l->n_texts++];
  nt->text = copy;
  nt->x = x;
  nt->y = y;
  nt->size = size;
  nt->style = st;
  nt->grey = grey;
  return JV_OK;
}

/* Greedy word wrap into lines no wider than w; calls back per line (or only
 * counts lines when l is NULL). Returns the number of lines, -1 on error. */
static int wrap(const jv_map_layout_in *in, jv_map_layout *l, const char *s, double x, double y,
                double w, double size, jv_font_style st, int grey, jv_error *err)
{
  int lines = 0;
  const char *p = s;
  char buf[1024];
  while (*p) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    /* take words while the line fits; a single too-long word stands alone */
    const char *end = p, *best = NULL;
    for (;;) {
      const char *q = end;
      while (*q == ' ')
        q++;
      while (*q && *q != ' ')
        q++;
      size_t n = (size_t)(q - p);
      if (n >= sizeof(buf))
        break;
      memcpy(buf, p, n);
      buf[n] = '\0';
      if (best && width_of(in, st, size, buf) > w)
        break;
      best = q;
      end = q;
      if (!*q)
        break;
    }
    if (!best) { /* a word longer than the buffer: cut it */
      best = p + sizeof(buf) - 1;
    }
    if (l && add_text(l, p, (size_t)(best - p), x, y + lines * size * 1.25, size, st, grey, err) !=
                 JV_OK)
      return -1;
    lines++;
    p = best;
  }
  return lines;
}

/* The metres that must be visible: the focus shapes plus a margin. */
static jv_bbox focus_view(const jv_map_layout_in *in)
{
  jv_bbox b = jv_bbox_empty();
  for (size_t s = 0; s < in->geo->n_shapes; s++)
    if (in->data->items[s].focus)
      jv_bbox_union(&b, &in->geo->shapes[s].bbox);
  if (b.minx > b.maxx)
    b = in->geo->bbox;
  double m = fmax(b.maxx - b.minx, b.maxy - b.miny) * (in->regional ? 0.05 : 0.015);
  b.minx -= m;
  b.maxx += m;
  b.miny -= m;
  b.maxy += m;
  return b;
}

/* Shows v in a w x h area at the largest scale, centred; the view then grows
 * to the area's aspect so neighbours fill the frame of a regional map. */
static void fit_view(jv_map_layout *l, jv_bbox v, jv_map_rect area)
{
  double vw = fmax(v.maxx - v.minx, 1), vh = fmax(v.maxy - v.miny, 1);
  l->map = area;
  l->scale = fmin(area.w / vw, area.h / vh);
  double cx = (v.minx + v.maxx) / 2, cy = (v.miny + v.maxy) / 2;
  double hw = area.w / l->scale / 2, hh = area.h / l->scale / 2;
  l->view.minx = cx - hw;
  l->view.maxx = cx + hw;
  l->view.miny = cy - hh;
  l->view.maxy = cy + hh;
}

static const long long nice_km[] = {1, 2, 5, 10, 20, 25, 50, 100, 200};

static long long scalebar_km(double scale, double max_pt)
{
  long long best = nice_km[0];
  for (size_t i = 0; i < sizeof(nice_km) / sizeof(nice_km[0]); i++)
    if (nice_km[i] * 1000.0 * scale <= max_pt)
      best = nice_km[i];
  return best;
}

/* Legend classes shown: every rate class and non-respons (as the letter's
 * legend), geen gegevens only when some focus shape has no data. */
static size_t legend_classes(const jv_map_layout_in *in, int *cls)
{
  const jv_buckets *b = &in->data->buckets;
  size_t n = 0;
  for (int c = 0; c <= jv_buckets_nonresponse_class(b); c++)
    cls[n++] = c;
  int nd = jv_buckets_nodata_class(b);
  if (in->data->class_count[nd] > 0)
    cls[n++] = nd;
  return n;
}

/* The legend explains the small-numbers mark when some focus shape has it. */
static bool small_row(const jv_map_layout_in *in)
{
  return in->data->n_uncertain > 0 && in->data->small.mark != JV_SMALL_OFF;
}

typedef struct {
  double w, h;
  double label_w, count_w;
} legend_size;

static legend_size measure_legend(const jv_map_layout_in *in)
{
  legend_size z = {0, 0, 0, 0};
  int cls[JV_BUCKETS_MAX_CLASSES];
  size_t n = legend_classes(in, cls);
  char buf[128];
  z.count_w = width_of(in, JV_FONT_ITALIC, LEGEND_SIZE - 1, "gemeenten");
  for (size_t i = 0; i < n; i++) {
    jv_buckets_label(&in->data->buckets, cls[i], buf, sizeof(buf));
    z.label_w = fmax(z.label_w, width_of(in, JV_FONT_REGULAR, LEGEND_SIZE, buf));
    jv_format_count((long long)in->data->class_count[cls[i]], buf, sizeof(buf));
    z.count_w = fmax(z.count_w, width_of(in, JV_FONT_REGULAR, LEGEND_SIZE, buf));
  }
  if (small_row(in)) {
    z.label_w = fmax(z.label_w, width_of(in, JV_FONT_REGULAR, LEGEND_SIZE, JV_MAP_SMALL_LABEL));
    jv_format_count((long long)in->data->n_uncertain, buf, sizeof(buf));
    z.count_w = fmax(z.count_w, width_of(in, JV_FONT_REGULAR, LEGEND_SIZE, buf));
    n++;
  }
  double title_w = width_of(in, JV_FONT_BOLD, LEGEND_SIZE + 0.5, "Legenda");
  z.w = LEGEND_PAD * 2 + fmax(SWATCH_W + 5 + z.label_w + 12 + z.count_w, title_w);
  /* title row, class rows, scale bar row */
  z.h = LEGEND_PAD * 2 + LEGEND_ROW * 1.2 + LEGEND_ROW * (double)n + 18;
  return z;
}

/* Swatch, label and count positions of a legend row at *row_y. */
static void row_at(jv_map_legend_row *r, double x, double w, double *row_y)
{
  r->swatch.x = x + LEGEND_PAD;
  r->swatch.y = *row_y + (LEGEND_ROW - SWATCH_H) / 2;
  r->swatch.w = SWATCH_W;
  r->swatch.h = SWATCH_H;
  r->label_x = r->swatch.x + SWATCH_W + 5;
  r->baseline = r->swatch.y + SWATCH_H - 1.2;
  r->count_x = x + w - LEGEND_PAD;
  *row_y += LEGEND_ROW;
}

static void place_legend(jv_map_layout *l, const jv_map_layout_in *in, legend_size z, double x,
                         double y)
{
  l->legend.x = x;
  l->legend.y = y;
  l->legend.w = z.w;
  l->legend.h = z.h;
  l->legend_text_size = LEGEND_SIZE;
  l->legend_title_y = y + LEGEND_PAD + LEGEND_SIZE;
  int cls[JV_BUCKETS_MAX_CLASSES];
  l->n_rows = legend_classes(in, cls);
  double row_y = y + LEGEND_PAD + LEGEND_ROW * 1.2;
  for (size_t i = 0; i < l->n_rows; i++) {
    jv_map_legend_row *r = &l->rows[i];
    r->cls = cls[i];
    jv_buckets_label(&in->data->buckets, r->cls, r->label, sizeof(r->label));
    jv_format_count((long long)in->data->class_count[r->cls], r->count, sizeof(r->count));
    row_at(r, x, z.w, &row_y);
  }
  l->small_row = small_row(in);
  if (l->small_row) {
    jv_map_legend_row *r = &l->small;
    r->cls = -1;
    snprintf(r->label, sizeof(r->label), "%s", JV_MAP_SMALL_LABEL);
    jv_format_count((long long)in->data->n_uncertain, r->count, sizeof(r->count));
    row_at(r, x, z.w, &row_y);
  }
  double max_bar =
      z.w - 2 * LEGEND_PAD - width_of(in, JV_FONT_REGULAR, LEGEND_SIZE - 1, "200 km") - 6;
  l->scalebar_km = scalebar_km(l->scale, max_bar);
  l->scalebar_len = (double)l->scalebar_km * 1000.0 * l->scale;
  l->scalebar_x = x + LEGEND_PAD;
  l->scalebar_y = row_y + 9;
}

/* Does the rectangle (points) cover any part of a focus shape? Exact: a
 * ring vertex or edge in the rectangle, or the rectangle inside a shape, so
 * no thin sliver (the Afsluitdijk of Súdwest-Fryslân) slips under it. */
static int covers_focus(const jv_map_layout *l, const jv_map_layout_in *in, jv_map_rect r)
{
  jv_bbox rb = {
      l->view.minx + (r.x - l->map.x) / l->scale, l->view.maxy - (r.y + r.h - l->map.y) / l->scale,
      l->view.minx + (r.x + r.w - l->map.x) / l->scale, l->view.maxy - (r.y - l->map.y) / l->scale};
  jv_map_rect g = {rb.minx, rb.miny, rb.maxx - rb.minx, rb.maxy - rb.miny};
  for (size_t s = 0; s < in->geo->n_shapes; s++) {
    const jv_geo_shape *sh = &in->geo->shapes[s];
    if (!in->data->items[s].focus || !jv_bbox_intersects(&rb, &sh->bbox))
      continue;
    jv_point corner = {rb.minx, rb.miny};
    if (jv_geom_in_shape(sh, corner))
      return 1;
    for (size_t p = 0; p < sh->n_polys; p++)
      for (size_t k = 0; k < sh->polys[p].n_rings; k++) {
        const jv_ring *ring = &sh->polys[p].rings[k];
        for (size_t i = 0; i + 1 < ring->n; i++)
          if (jv_map_segment_touches(ring->pts[i].x, ring->pts[i].y, ring->pts[i + 1].x,
                                     ring->pts[i + 1].y, g))
            return 1;
      }
  }
  return 0;
}

typedef struct {
  jv_map_rect map;
  double lx, ly; /* legend position */
  double scale;
  int inside;
} option;

/* Chooses where the legend goes: inside a map corner that covers no focus
 * shape (the map keeps the whole area), else right of or below the map,
 * whichever leaves the larger scale. */
static void choose_legend(jv_map_layout *l, const jv_map_layout_in *in, jv_map_rect area,
                          legend_size z)
{
  jv_bbox v = focus_view(in);
  option best = {{0, 0, 0, 0}, 0, 0, -1, 0};
  /* corners: top-left first (the North Sea on a national map) */
  static const int corners[4][2] = {{0, 0}, {1, 1}, {1, 0}, {0, 1}};
  fit_view(l, v, area);
  for (int c = 0; c < 4; c++) {
    double lx = corners[c][0] ? area.x + area.w - z.w - INSET : area.x + INSET;
    double ly = corners[c][1] ? area.y + area.h - z.h - INSET : area.y + INSET;
    jv_map_rect r = {lx - 3, ly - 3, z.w + 6, z.h + 6};
    if (z.w + 2 * INSET <= area.w && z.h + 2 * INSET <= area.h && !covers_focus(l, in, r)) {
      best.map = area;
      best.lx = lx;
      best.ly = ly;
      best.scale = l->scale;
      best.inside = 1;
      break;
    }
  }
  if (!best.inside) {
    jv_map_rect right = {area.x, area.y, area.w - z.w - GAP, area.h};
    jv_map_rect below = {area.x, area.y, area.w, area.h - z.h - GAP};
    if (right.w > 20) {
      fit_view(l, v, right);
      best.map = right;
      best.scale = l->scale;
      best.lx = area.x + area.w - z.w;
      best.ly = area.y + area.h - z.h;
    }
    if (below.h > 20) {
      fit_view(l, v, below);
      if (l->scale > best.scale) {
        best.map = below;
        best.scale = l->scale;
        best.lx = area.x;
        best.ly = area.y + area.h - z.h;
      }
    }
  }
  if (best.scale < 0) { /* no room for a legend beside the map: overlap it */
    best.map = area;
    best.lx = area.x + INSET;
    best.ly = area.y + INSET;
  }
  fit_view(l, v, best.map);
  place_legend(l, in, z, best.lx, best.ly);
}

/* Small-numbers dots that no name carries: at the label point of each
 * flagged focus shape without a label (every one on a map without names). */
static jv_status place_marks(jv_map_layout *l, const jv_map_layout_in *in, jv_error *err)
{
  if (in->data->small.mark != JV_SMALL_DOT)
    return JV_OK;
  const jv_map_data *d = in->data;
  for (size_t s = 0; s < d->n; s++) {
    if (!d->items[s].focus || !d->items[s].uncertain ||
        !jv_bbox_intersects(&l->view, &in->geo->shapes[s].bbox))
      continue;
    bool named = false;
    for (size_t i = 0; i < l->n_labels && !named; i++)
      named = l->labels[i].shape == s && l->labels[i].mark;
    if (named)
      continue;
    jv_map_mark *m = realloc(l->marks, (l->n_marks + 1) * sizeof(*m));
    if (!m)
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    l->marks = m;
    m[l->n_marks].shape = s;
    jv_map_layout_anchor(l, in->geo, s, &m[l->n_marks].x, &m[l->n_marks].y);
    l->n_marks++;
  }
  return JV_OK;
}

static double text_block_height(const jv_map_layout_in *in, const char *s, double w, double size,
                                jv_font_style st)
{
  if (!s || !*s)
    return 0;
  int n = wrap(in, NULL, s, 0, 0, w, size, st, 0, NULL);
  return n * size * 1.25;
}

/* The layout of a w x h map at (x, y); with names false only the frame,
 * texts, view and legend (no names, no small-numbers dots). */
static jv_status compute(jv_map_layout *out, const jv_map_layout_in *in, double x, double y,
                         double w, double h, bool names, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->frame.x = x;
  out->frame.y = y;
  out->frame.w = w;
  out->frame.h = h;
  double top = y, bottom = y + h;
  if (in->title && *in->title) {
    int n = wrap(in, out, in->title, x, top + TITLE_SIZE, w, TITLE_SIZE, JV_FONT_BOLD, 0, err);
    if (n < 0)
      goto fail;
    top += n * TITLE_SIZE * 1.25;
  }
  if (in->subtitle && *in->subtitle) {
    int n = wrap(in, out, in->subtitle, x, top + SUBTITLE_SIZE + 1, w, SUBTITLE_SIZE,
                 JV_FONT_REGULAR, 0, err);
    if (n < 0)
      goto fail;
    top += n * SUBTITLE_SIZE * 1.25 + 1;
  }
  if (top > y)
    top += 6;
  if (in->source && *in->source) {
    double sh = text_block_height(in, in->source, w, SOURCE_SIZE, JV_FONT_REGULAR);
    bottom -= sh;
    if (wrap(in, out, in->source, x, bottom + SOURCE_SIZE, w, SOURCE_SIZE, JV_FONT_REGULAR, 1,
             err) < 0)
      goto fail;
    bottom -= 4;
  }
  legend_size z = measure_legend(in);
  jv_map_rect area = {x, top, w, bottom - top};
  if (area.w < z.w || area.h < z.h) {
    jv_map_layout_free(out);
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "a map of %.0fx%.0f pt has no room for its legend", w, h);
  }
  choose_legend(out, in, area, z);
  if (names && (in->labels || small_row(in))) {
    jv_map_topology own;
    const jv_map_topology *t = in->topology;
    if (!t && in->labels) {
      if (jv_map_topology_build(&own, in->geo, JV_MAP_TOPOLOGY_QUANTUM, err) != JV_OK)
        goto fail;
      t = &own;
    }
    jv_status st = JV_OK;
    if (in->labels)
      st = jv_map_labels_place(out, in, t, err);
    if (st == JV_OK)
      st = place_marks(out, in, err);
    if (t == &own)
      jv_map_topology_free(&own);
    if (st != JV_OK)
      goto fail;
  }
  return JV_OK;
fail:
  jv_map_layout_free(out);
  return err ? err->status : JV_EINTERNAL;
}

jv_status jv_map_layout_compute(jv_map_layout *out, const jv_map_layout_in *in, double x, double y,
                                double w, double h, jv_error *err)
{
  return compute(out, in, x, y, w, h, true, err);
}

/* Does the legend go inside the map for a figure of w x h? Names and dots
 * are not needed to decide. */
static int legend_inside(const jv_map_layout_in *in, double w, double h)
{
  jv_map_layout l;
  if (compute(&l, in, 0, 0, w, h, false, NULL) != JV_OK)
    return 0;
  int inside = l.legend.y + l.legend.h <= l.map.y + l.map.h + 0.01 &&
               l.legend.x + l.legend.w <= l.map.x + l.map.w + 0.01;
  jv_map_layout_free(&l);
  return inside;
}

double jv_map_layout_natural_height(const jv_map_layout_in *in, double w)
{
  double top = 0;
  if (in->title && *in->title)
    top += text_block_height(in, in->title, w, TITLE_SIZE, JV_FONT_BOLD);
  if (in->subtitle && *in->subtitle)
    top += text_block_height(in, in->subtitle, w, SUBTITLE_SIZE, JV_FONT_REGULAR) + 1;
  if (top > 0)
    top += 6;
  double bottom = 0;
  if (in->source && *in->source)
    bottom = text_block_height(in, in->source, w, SOURCE_SIZE, JV_FONT_REGULAR) + 4;
  jv_bbox v = focus_view(in);
  double map_h = w * (v.maxy - v.miny) / fmax(v.maxx - v.minx, 1);
  legend_size z = measure_legend(in);
  if (map_h < z.h + 2 * INSET)
    map_h = z.h + 2 * INSET;
  double h1 = top + map_h + bottom;
  /* the smallest height at which the legend fits in a corner beside the
   * focus shapes, if one up to the height of a legend below the map does */
  double lo = h1, hi = h1 + z.h + GAP;
  if (legend_inside(in, w, lo))
    return ceil(lo);
  if (!legend_inside(in, w, hi))
    return ceil(hi);
  for (int i = 0; i < 12; i++) {
    double mid = (lo + hi) / 2;
    if (legend_inside(in, w, mid))
      hi = mid;
    else
      lo = mid;
  }
  return ceil(hi);
}

void jv_map_layout_anchor(const jv_map_layout *l, const jv_geo *geo, size_t shape, double *x,
                          double *y)
{
  jv_point g = jv_geom_label_point(&geo->shapes[shape], 1.0 / l->scale, NULL);
  *x = jv_map_px(l, g.x);
  *y = jv_map_py(l, g.y);
}
