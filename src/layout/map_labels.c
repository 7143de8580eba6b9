/* map_labels.c - name labels that never overlap: each is tried at its
 * shape's pole of inaccessibility, nudged around it, at smaller sizes, and
 * finally beside the shape with a leader line. Smaller shapes go first, as
 * they have the fewest good places. */
#include "layout/map_labels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/geom.h"

#define ASCENT 0.72  /* of the font size: cap height plus a little */
#define DESCENT 0.22
#define PAD 1.5      /* between two labels */

typedef struct {
  jv_map_layout *l;
  const jv_map_layout_in *in;
  size_t *order;   /* focus shapes, smallest first */
  size_t n;
  jv_point *anchor; /* per order entry, in points */
} ctx;

static jv_point to_geo(const jv_map_layout *l, double px, double py)
{
  jv_point p = {l->view.minx + (px - l->map.x) / l->scale, l->view.maxy - (py - l->map.y) / l->scale};
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

/* Share of 15 sample points of r inside shape s (s == SIZE_MAX: any focus
 * shape other than skip). */
static double share_inside(const ctx *c, jv_map_rect r, size_t s, size_t skip)
{
  int in = 0, total = 0;
  for (int iy = 0; iy < 3; iy++) {
    for (int ix = 0; ix < 5; ix++) {
      jv_point p = to_geo(c->l, r.x + r.w * ix / 4.0, r.y + r.h * iy / 2.0);
      total++;
      if (s != (size_t)-1) {
        in += jv_geom_in_shape(&c->in->geo->shapes[s], p);
        continue;
      }
      for (size_t k = 0; k < c->n; k++) {
        size_t o = c->order[k];
        if (o != skip && jv_geom_in_shape(&c->in->geo->shapes[o], p)) {
          in++;
          break;
        }
      }
    }
  }
  return (double)in / total;
}

static const double nudges[][2] = {{0, 0},     {0, -0.7},   {0, 0.7},    {-0.25, 0},
                                   {0.25, 0},  {-0.25, -0.7}, {0.25, -0.7}, {-0.25, 0.7},
                                   {0.25, 0.7}, {0, -1.4},   {0, 1.4},    {-0.45, 0},
                                   {0.45, 0}};
static const double shrink[] = {1.0, 0.88, 0.78};

#define N_NUDGE (sizeof(nudges) / sizeof(nudges[0]))
#define N_SHRINK (sizeof(shrink) / sizeof(shrink[0]))

static void set_label(jv_map_label *lb, size_t shape, jv_point a, double cx, double baseline,
                      double w, double size)
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
}

static void place_one(ctx *c, size_t k, jv_map_label *lb)
{
  size_t s = c->order[k];
  const char *name = c->in->geo->shapes[s].name;
  jv_point a = c->anchor[k];
  double best_score = -1;
  /* 1: wholly inside the shape; 2: mostly inside, centred near the anchor */
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
        double inside = share_inside(c, r, s, 0);
        if (pass == 0 && inside >= 1.0) {
          set_label(lb, s, a, cx, base, w, size);
          lb->inside = true;
          return;
        }
        double score = inside - 0.2 * (double)z - 0.02 * (double)i;
        if (pass == 1 && inside >= 0.34 && score > best_score) {
          best_score = score;
          set_label(lb, s, a, cx, base, w, size);
          lb->inside = inside >= 0.5;
        }
      }
    }
    if (pass == 1 && best_score > -1)
      return;
  }
  /* 3: beside the shape, as near as possible, over as little of the other
   * focus shapes as possible, with a line back to the anchor */
  double size = JV_MAP_LABEL_SIZE * shrink[1];
  double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
  double lh = (ASCENT + DESCENT) * size;
  for (double rad = 8; rad <= 120; rad += 6) {
    double best_cover = 2;
    for (int d = 0; d < 16; d++) {
      double ang = d * 3.14159265358979 / 8;
      double dx = cos(ang), dy = sin(ang);
      double cx = a.x + dx * (rad + w / 2), cy = a.y + dy * (rad + lh / 2);
      double base = cy + (ASCENT - DESCENT) / 2 * size;
      jv_map_rect r = box_at(cx, base, w, size);
      if (!allowed(c, r) || covers_other_anchor(c, r, k))
        continue;
      double cover = share_inside(c, r, (size_t)-1, (size_t)-1);
      if (cover < best_cover) {
        best_cover = cover;
        set_label(lb, s, a, cx, base, w, size);
        lb->leader = true;
      }
    }
    if (best_cover < 2)
      return;
  }
  /* 4: nowhere free: at the anchor, smallest size, overlap accepted */
  size = JV_MAP_LABEL_SIZE * shrink[N_SHRINK - 1];
  w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
  set_label(lb, s, a, a.x, a.y + (ASCENT - DESCENT) / 2 * size, w, size);
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
  /* sort pairs (area, shape index) so no file-level state is needed */
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
