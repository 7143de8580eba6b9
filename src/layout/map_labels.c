/* map_labels.c - name labels that never overlap and stay readable. Each is
 * tried at its shape's pole of inaccessibility, nudged around it, at smaller
 * sizes, and finally beside the shape with a leader line. A place is only
 * taken when everything under the text is light (dark text) or everything is
 * dark (white text): a name across a light and a dark municipality would be
 * half unreadable. Smaller shapes go first, as they have the fewest places. */
#include "layout/map_labels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/geom.h"

#define ASCENT 0.72 /* of the font size: cap height plus a little */
#define DESCENT 0.22
#define PAD 1.5         /* between two labels */
#define DARK_BELOW 50.0 /* L* under which a background takes white text */

typedef struct {
  jv_map_layout *l;
  const jv_map_layout_in *in;
  size_t *order; /* focus shapes, smallest first */
  size_t n;
  jv_point *anchor; /* per order entry, in points */
} ctx;

typedef struct {
  int text;     /* 0 mixed background, 1 dark text, 2 white text */
  double own;   /* share of samples inside the label's own shape */
  double other; /* share inside other focus shapes */
} probe;

static jv_point to_geo(const jv_map_layout *l, double px, double py)
{
  jv_point p = {l->view.minx + (px - l->map.x) / l->scale,
                l->view.maxy - (py - l->map.y) / l->scale};
  return p;
}

static int overlaps(jv_map_rect a, jv_map_rect b, double pad)
{
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad &&
         b.y < a.y + a.h + pad;
}

static jv_map_rect box_at(double cx, double baseline, double w, double size)
{
  jv_map_rect r = {cx - w / 2, baseline - ASCENT * size, w, (ASCENT + DESCENT) * size};
  return r;
}

/* Hard rules: inside the map, clear of the legend and of placed labels. */
static int allowed(const ctx *c, jv_map_rect r)
{
  const jv_map_layout *l = c->l;
  if (r.x < l->map.x + 2 || r.y < l->map.y + 2 || r.x + r.w > l->map.x + l->map.w - 2 ||
      r.y + r.h > l->map.y + l->map.h - 2)
    return 0;
  if (overlaps(r, l->legend, 2))
    return 0;
  for (size_t i = 0; i < l->n_labels; i++)
    if (overlaps(r, l->labels[i].box, PAD))
      return 0;
  return 1;
}

/* A label should not hide where another municipality's own label belongs. */
static int covers_other_anchor(const ctx *c, jv_map_rect r, size_t self)
{
  for (size_t i = 0; i < c->n; i++) {
    if (i == self)
      continue;
    jv_point a = c->anchor[i];
    if (a.x > r.x - 1 && a.x < r.x + r.w + 1 && a.y > r.y - 1 && a.y < r.y + r.h + 1)
      return 1;
  }
  return 0;
}

/* What is painted at a point: the shape containing it (shapes do not
 * overlap) and that shape's lightness. */
static double lightness_at(const ctx *c, jv_point p, long *shape)
{
  const jv_geo *g = c->in->geo;
  *shape = -1;
  for (size_t s = 0; s < g->n_shapes; s++) {
    if (!jv_geom_in_shape(&g->shapes[s], p))
      continue;
    *shape = (long)s;
    const jv_map_item *it = &c->in->data->items[s];
    return it->focus ? c->in->class_lightness[it->cls] : c->in->faint_lightness;
  }
  return 100.0; /* paper */
}

static probe probe_box(const ctx *c, jv_map_rect r, size_t self)
{
  probe p = {0, 0, 0};
  int own = 0, other = 0, light = 0, dark = 0, total = 0;
  for (int iy = 0; iy < 3; iy++) {
    for (int ix = 0; ix < 5; ix++) {
      long s;
      double lum = lightness_at(c, to_geo(c->l, r.x + r.w * ix / 4.0, r.y + r.h * iy / 2.0), &s);
      total++;
      if (lum < DARK_BELOW)
        dark++;
      else
        light++;
      if (s == (long)self)
        own++;
      else if (s >= 0 && c->in->data->items[s].focus)
        other++;
    }
  }
  p.text = dark == 0 ? 1 : light == 0 ? 2 : 0;
  p.own = (double)own / total;
  p.other = (double)other / total;
  return p;
}

static const double nudges[][2] = {
    {0, 0},       {0, -0.7},   {0, 0.7},  {-0.25, 0}, {0.25, 0},  {-0.25, -0.7}, {0.25, -0.7},
    {-0.25, 0.7}, {0.25, 0.7}, {0, -1.4}, {0, 1.4},   {-0.45, 0}, {0.45, 0}};
static const double shrink[] = {1.0, 0.9, 0.8};

#define N_NUDGE (sizeof(nudges) / sizeof(nudges[0]))
#define N_SHRINK (sizeof(shrink) / sizeof(shrink[0]))

static void set_label(jv_map_label *lb, size_t shape, jv_point a, double cx, double baseline,
                      double w, double size, const probe *p)
{
  memset(lb, 0, sizeof(*lb));
  lb->shape = shape;
  lb->size = size;
  lb->x = cx;
  lb->y = baseline;
  lb->w = w;
  lb->box = box_at(cx, baseline, w, size);
  lb->ax = a.x;
  lb->ay = a.y;
  lb->inside = p->own >= 0.5;
  lb->light_text = p->text == 2;
}

/* 1: wholly inside the shape; 2: partly inside, near the anchor. */
static int place_near(const ctx *c, size_t k, jv_map_label *lb)
{
  size_t s = c->order[k];
  const char *name = c->in->geo->shapes[s].name;
  jv_point a = c->anchor[k];
  double best = -1e9;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t z = 0; z < N_SHRINK; z++) {
      double size = JV_MAP_LABEL_SIZE * shrink[z];
      double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
      double lh = (ASCENT + DESCENT) * size;
      for (size_t i = 0; i < N_NUDGE; i++) {
        double cx = a.x + nudges[i][0] * w;
        double base = a.y + (ASCENT - DESCENT) / 2 * size + nudges[i][1] * lh;
        jv_map_rect r = box_at(cx, base, w, size);
        if (!allowed(c, r) || covers_other_anchor(c, r, k))
          continue;
        probe p = probe_box(c, r, s);
        if (p.text == 0)
          continue;
        if (pass == 0 && p.own >= 1.0) {
          set_label(lb, s, a, cx, base, w, size, &p);
          return 1;
        }
        double score = p.own - 0.25 * (double)z - 0.02 * (double)i;
        /* partly inside: never across the edge of the focus area, where the
         * thick outline would cut through the name */
        if (pass == 1 && p.own >= 0.5 && p.own + p.other >= 1.0 && score > best) {
          best = score;
          set_label(lb, s, a, cx, base, w, size, &p);
        }
      }
    }
  }
  return best > -1e9;
}

/* The leader of a label: from the anchor to the nearest point of its box. */
static void leader_end(const jv_map_rect *r, jv_point a, jv_point *end)
{
  end->x = fmin(fmax(a.x, r->x), r->x + r->w);
  end->y = fmin(fmax(a.y, r->y), r->y + r->h);
}

static double cross(jv_point o, jv_point a, jv_point b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static int segments_cross(jv_point p1, jv_point p2, jv_point q1, jv_point q2)
{
  double d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2);
  double d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

static int segment_hits_rect(jv_point a, jv_point b, jv_map_rect r)
{
  jv_point c[4] = {{r.x, r.y}, {r.x + r.w, r.y}, {r.x + r.w, r.y + r.h}, {r.x, r.y + r.h}};
  for (int i = 0; i < 4; i++)
    if (segments_cross(a, b, c[i], c[(i + 1) % 4]))
      return 1;
  return 0;
}

/* A leader must not cross another leader, another label or the legend. */
static int leader_clear(const ctx *c, jv_point a, const jv_map_rect *r)
{
  jv_point e;
  leader_end(r, a, &e);
  if (segment_hits_rect(a, e, c->l->legend))
    return 0;
  for (size_t i = 0; i < c->l->n_labels; i++) {
    const jv_map_label *o = &c->l->labels[i];
    if (segment_hits_rect(a, e, o->box))
      return 0;
    if (o->leader) {
      jv_point oa = {o->ax, o->ay}, oe;
      leader_end(&o->box, oa, &oe);
      if (segments_cross(a, e, oa, oe))
        return 0;
    }
  }
  return 1;
}

/* 3: beside the shape with a line back to the anchor, over as little of
 * the other focus shapes and as near as possible. */
static int place_leader(const ctx *c, size_t k, jv_map_label *lb)
{
  size_t s = c->order[k];
  const char *name = c->in->geo->shapes[s].name;
  jv_point a = c->anchor[k];
  double size = JV_MAP_LABEL_SIZE * shrink[1];
  double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
  double lh = (ASCENT + DESCENT) * size;
  double best = 1e9;
  for (double rad = 6; rad <= 90; rad += 6) {
    for (int d = 0; d < 16; d++) {
      double ang = d * 3.14159265358979 / 8;
      double cx = a.x + cos(ang) * (rad + w / 2);
      double cy = a.y + sin(ang) * (rad + lh / 2);
      double base = cy + (ASCENT - DESCENT) / 2 * size;
      jv_map_rect r = box_at(cx, base, w, size);
      if (!allowed(c, r) || covers_other_anchor(c, r, k) || !leader_clear(c, a, &r))
        continue;
      probe p = probe_box(c, r, s);
      if (p.text == 0)
        continue;
      double score = p.other + p.own + rad / 60.0;
      if (score < best) {
        best = score;
        set_label(lb, s, a, cx, base, w, size, &p);
        lb->leader = true;
      }
    }
  }
  return best < 1e9;
}

static void place_one(const ctx *c, size_t k, jv_map_label *lb)
{
  if (place_near(c, k, lb) || place_leader(c, k, lb))
    return;
  /* 4: nowhere free: at the anchor, smallest size, overlap accepted */
  size_t s = c->order[k];
  double size = JV_MAP_LABEL_SIZE * shrink[N_SHRINK - 1];
  double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, c->in->geo->shapes[s].name);
  double base = c->anchor[k].y + (ASCENT - DESCENT) / 2 * size;
  probe p = probe_box(c, box_at(c->anchor[k].x, base, w, size), s);
  set_label(lb, s, c->anchor[k], c->anchor[k].x, base, w, size, &p);
}

static int cmp_area(const void *x, const void *y)
{
  const double *a = x, *b = y;
  if (a[0] != b[0])
    return (a[0] > b[0]) - (a[0] < b[0]);
  return (a[1] > b[1]) - (a[1] < b[1]); /* equal areas: file order, deterministic */
}

jv_status jv_map_labels_place(jv_map_layout *l, const jv_map_layout_in *in, jv_error *err)
{
  const jv_map_data *d = in->data;
  ctx c = {l, in, NULL, 0, NULL};
  /* (area, shape index) pairs, sorted without file-level state */
  double(*pairs)[2] = malloc((d->n_focus + 1) * sizeof(*pairs));
  c.order = malloc((d->n_focus + 1) * sizeof(*c.order));
  c.anchor = malloc((d->n_focus + 1) * sizeof(*c.anchor));
  l->labels = calloc(d->n_focus + 1, sizeof(*l->labels));
  if (!pairs || !c.order || !c.anchor || !l->labels) {
    free(pairs);
    free(c.order);
    free(c.anchor);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  size_t n = 0;
  for (size_t s = 0; s < d->n; s++) {
    if (!d->items[s].focus || !in->geo->shapes[s].name[0])
      continue;
    const jv_geo_shape *sh = &in->geo->shapes[s];
    long p = jv_geom_largest_polygon(sh);
    pairs[n][0] = p >= 0 ? jv_geom_polygon_area(&sh->polys[p]) : 0;
    pairs[n][1] = (double)s;
    n++;
  }
  qsort(pairs, n, sizeof(*pairs), cmp_area);
  c.n = n;
  for (size_t k = 0; k < n; k++) {
    c.order[k] = (size_t)pairs[k][1];
    /* one point of precision is all a label can show */
    jv_point g = jv_geom_label_point(&in->geo->shapes[c.order[k]], 1.0 / l->scale, NULL);
    c.anchor[k].x = jv_map_px(l, g.x);
    c.anchor[k].y = jv_map_py(l, g.y);
  }
  free(pairs);
  for (size_t k = 0; k < n; k++) {
    place_one(&c, k, &l->labels[l->n_labels]);
    l->n_labels++;
  }
  free(c.order);
  free(c.anchor);
  return JV_OK;
}
