/* map_labels.c - a name for every focus shape. First every name that fits
 * inside its own shape at a readable size (JV_MAP_LABEL_SIZE down to
 * JV_MAP_LABEL_MIN) goes there, as near the shape's pole of inaccessibility
 * as possible, crossing no border; then each of the others goes outside the
 * focus area, beside the shape, with a leader line: in a faint neighbour or
 * the sea, crossing no border of the focus (and a neighbour's faint border
 * only where that saves a long leader). Names never overlap each other, the legend or the map
 * edge, and a leader crosses no other name or leader. The border tests use
 * the spatial index of map_index.c: a box is checked against the few
 * segments of the cells it covers, not against every shape. Smaller shapes
 * choose first, as they have the fewest places. */
#include "layout/map_labels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/map_index.h"
#include "stats/geom.h"

#define ASCENT 0.72 /* of the font size: cap height plus a little */
#define DESCENT 0.22
#define PAD 1.5              /* between two labels */
#define EDGE 2.0             /* between a label and the map edge */
#define DARK_BELOW 50.0      /* L* under which a background takes white text */
#define MARK_R JV_MAP_MARK_R /* small-numbers dot */
#define MARK_GAP 1.5
#define SIZE_STEP 0.5
#define OUTSIDE_SIZE 6.5 /* a name with a leader: the inside minimum plus a little */
#define FAINT_COST 40.0  /* points of leader a name over a neighbour's border costs */

typedef struct {
  jv_map_layout *l;
  const jv_map_layout_in *in;
  jv_map_index *ix;
  size_t *order; /* focus shapes, smallest first */
  size_t n;
  jv_point *anchor; /* per order entry, in points */
  bool *done;       /* per order entry */
} ctx;

static int overlaps(jv_map_rect a, jv_map_rect b, double pad)
{
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad &&
         b.y < a.y + a.h + pad;
}

static bool marked(const ctx *c, size_t shape)
{
  return c->in->data->items[shape].uncertain && c->in->data->small.mark == JV_SMALL_DOT;
}

/* The box of a name centred on cx whose text is w wide, baseline y, with
 * room for the small-numbers dot after it. */
static jv_map_rect box_at(double cx, double baseline, double w, double size, bool mark)
{
  double extra = mark ? MARK_GAP + 2 * MARK_R : 0;
  jv_map_rect r = {cx - (w + extra) / 2, baseline - ASCENT * size, w + extra,
                   (ASCENT + DESCENT) * size};
  return r;
}

/* A placed name o that r would touch: its box (with PAD), or its leader. */
typedef struct {
  const ctx *c;
  jv_map_rect r;
} near_arg;

static int touches_name(void *varg, size_t i)
{
  const near_arg *a = varg;
  const jv_map_label *o = &a->c->l->labels[i];
  if (overlaps(a->r, o->box, PAD))
    return 1;
  double ex, ey;
  jv_map_leader_end(o->box, (jv_point){o->ax, o->ay}, &ex, &ey);
  return o->leader && jv_map_segment_touches(o->ax, o->ay, ex, ey, a->r);
}

/* Hard rules for any name: inside the map, clear of the legend and of the
 * names and leaders placed so far (those near r, from the index). */
static int free_at(const ctx *c, jv_map_rect r)
{
  const jv_map_layout *l = c->l;
  if (r.x < l->map.x + EDGE || r.y < l->map.y + EDGE || r.x + r.w > l->map.x + l->map.w - EDGE ||
      r.y + r.h > l->map.y + l->map.h - EDGE)
    return 0;
  if (overlaps(r, l->legend, 2))
    return 0;
  near_arg a = {c, r};
  return !jv_map_index_any_label(c->ix, r, touches_name, &a);
}

/* Tells the index where the name just placed is: its box and its leader,
 * grown by more than PAD so every test of free_at finds it. */
static jv_status remember(const ctx *c, size_t i, jv_error *err)
{
  const jv_map_label *o = &c->l->labels[i];
  jv_map_rect r = o->box;
  if (o->leader) {
    double ex, ey;
    jv_map_leader_end(o->box, (jv_point){o->ax, o->ay}, &ex, &ey);
    double x0 = fmin(r.x, fmin(o->ax, ex)), y0 = fmin(r.y, fmin(o->ay, ey));
    double x1 = fmax(r.x + r.w, fmax(o->ax, ex)), y1 = fmax(r.y + r.h, fmax(o->ay, ey));
    r = (jv_map_rect){x0, y0, x1 - x0, y1 - y0};
  }
  return jv_map_index_add_label(c->ix, i, c->n + 1, r, PAD + 1, err);
}

static double lightness_of(const ctx *c, long shape)
{
  if (shape < 0)
    return 100.0; /* paper */
  const jv_map_item *it = &c->in->data->items[shape];
  return it->focus ? c->in->class_lightness[it->cls] : c->in->faint_lightness;
}

static void set_label(const ctx *c, jv_map_label *lb, size_t k, double cx, double base, double w,
                      double size, long under, bool mark)
{
  size_t s = c->order[k];
  memset(lb, 0, sizeof(*lb));
  lb->shape = s;
  lb->size = size;
  lb->mark = mark;
  lb->box = box_at(cx, base, w, size, lb->mark);
  lb->x = lb->box.x + w / 2;
  lb->y = base;
  lb->w = w;
  lb->ax = c->anchor[k].x;
  lb->ay = c->anchor[k].y;
  lb->inside = under == (long)s;
  lb->light_text = lightness_of(c, under) < DARK_BELOW;
  if (lb->mark) {
    lb->mx = lb->box.x + lb->box.w - MARK_R;
    lb->my = base - (ASCENT * size) / 2;
  }
}

/* Candidate centres inside shape s, nearest the anchor first: the anchor,
 * then a grid over the shape's box. */
typedef struct {
  double x, y, d;
} cand;

static int cmp_cand(const void *a, const void *b)
{
  const cand *x = a, *y = b;
  if (x->d != y->d)
    return x->d < y->d ? -1 : 1;
  if (x->y != y->y)
    return x->y < y->y ? -1 : 1;
  return (x->x > y->x) - (x->x < y->x);
}

#define MAX_CANDS 6000

/* Candidates nearest first, taken from a binary heap only as far as they
 * are needed: the order a full sort by cmp_cand gives (it is a total order,
 * and candidates it calls equal are the same point). The heap's array holds
 * the candidates not taken yet. */
typedef struct {
  cand *sorted; /* sorted[0..n_sorted) in order */
  size_t n_sorted;
  cand *heap; /* the rest, a min-heap under cmp_cand */
  size_t n_heap;
} cand_queue;

static void sift_down(cand *h, size_t n, size_t i)
{
  for (;;) {
    size_t m = i, a = 2 * i + 1, b = a + 1;
    if (a < n && cmp_cand(&h[a], &h[m]) < 0)
      m = a;
    if (b < n && cmp_cand(&h[b], &h[m]) < 0)
      m = b;
    if (m == i)
      return;
    cand t = h[i];
    h[i] = h[m];
    h[m] = t;
    i = m;
  }
}

/* Candidate i in order (i < the number of candidates). */
static cand cand_at(cand_queue *q, size_t i)
{
  while (q->n_sorted <= i) {
    q->sorted[q->n_sorted++] = q->heap[0];
    q->heap[0] = q->heap[--q->n_heap];
    sift_down(q->heap, q->n_heap, 0);
  }
  return q->sorted[i];
}

/* Candidate centres: the anchor, then a grid over the shape's box fine
 * enough for a thin island (steps of 0.5 to 3 points), nearest first. */
static int inside_candidates(const ctx *c, size_t k, jv_map_rect sb, cand_queue *q, size_t *n_out)
{
  double step = fmin(fmax(fmin(sb.w, sb.h) / 32, 0.5), 3.0);
  while ((sb.w / step + 1) * (sb.h / step + 1) > MAX_CANDS)
    step *= 1.25;
  size_t nx = (size_t)(sb.w / step) + 1, ny = (size_t)(sb.h / step) + 1;
  cand *cands = malloc(2 * (nx * ny + 1) * sizeof(*cands));
  if (!cands)
    return 0;
  q->sorted = cands;
  q->heap = cands + nx * ny + 1;
  q->sorted[0] = (cand){c->anchor[k].x, c->anchor[k].y, 0};
  q->n_sorted = 1;
  size_t n = 0;
  for (size_t iy = 0; iy < ny; iy++)
    for (size_t ix = 0; ix < nx; ix++) {
      double x = sb.x + step * ((double)ix + 0.5), y = sb.y + step * ((double)iy + 0.5);
      q->heap[n++] = (cand){x, y, hypot(x - c->anchor[k].x, y - c->anchor[k].y)};
    }
  q->n_heap = n;
  for (size_t i = n / 2; i-- > 0;)
    sift_down(q->heap, n, i);
  *n_out = n + 1;
  return 1;
}

/* Can the name (w wide at size) go centred on candidate cd, inside shape s
 * and free of borders and other names? Its baseline then in *base. */
static int fits_at(const ctx *c, size_t s, cand cd, double w, double size, bool mark, double *base)
{
  *base = cd.y + (ASCENT - DESCENT) / 2 * size;
  jv_map_rect r = box_at(cd.x, *base, w, size, mark);
  if (!free_at(c, r) || jv_map_index_crosses(c->ix, r, JV_MAP_SEG_ALL))
    return 0;
  /* no border inside the box: it lies in one shape, the one at its centre */
  return jv_map_index_shape_at(c->ix, r.x + r.w / 2, r.y + r.h / 2) == (long)s;
}

#define IN_ORDER 64 /* candidates tried nearest first before the rest in any order */

/* The nearest candidate where the name fits: the first IN_ORDER in order
 * (most names fit there), then the least under cmp_cand of the others that
 * fit, without sorting them (a name that fits nowhere tries every one). */
static int nearest_fit(const ctx *c, size_t s, cand_queue *q, size_t n, double w, double size,
                       bool mark, cand *out, double *base)
{
  size_t i = 0;
  for (; i < n && i < IN_ORDER; i++) {
    cand cd = cand_at(q, i);
    if (fits_at(c, s, cd, w, size, mark, base)) {
      *out = cd;
      return 1;
    }
  }
  int found = 0;
  for (size_t h = 0; i < n && h < q->n_heap; h++) {
    double b;
    if ((!found || cmp_cand(&q->heap[h], out) < 0) &&
        fits_at(c, s, q->heap[h], w, size, mark, &b)) {
      *out = q->heap[h];
      *base = b;
      found = 1;
    }
  }
  return found;
}

static int place_inside(const ctx *c, size_t k, jv_map_label *lb, int *oom)
{
  size_t s = c->order[k];
  const char *name = c->in->geo->shapes[s].name;
  jv_map_rect sb = c->ix->shape_box[s];
  if (sb.w < 0)
    return 0;
  size_t n = 0;
  cand_queue q;
  if (!inside_candidates(c, k, sb, &q, &n)) {
    *oom = 1;
    return 0;
  }
  bool mark = marked(c, s);
  for (double size = JV_MAP_LABEL_SIZE; size >= JV_MAP_LABEL_MIN - 1e-9; size -= SIZE_STEP) {
    double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
    double lh = (ASCENT + DESCENT) * size;
    double extra = mark ? MARK_GAP + 2 * MARK_R : 0;
    if (w + extra > sb.w || lh > sb.h)
      continue;
    cand cd = {0, 0, 0};
    double base = 0;
    if (nearest_fit(c, s, &q, n, w, size, mark, &cd, &base)) {
      set_label(c, lb, k, cd.x, base, w, size, (long)s, mark);
      free(q.sorted);
      return 1;
    }
  }
  free(q.sorted);
  return 0;
}

/* A placed name o that the leader (a query segment) would touch: its box,
 * or its own leader crossed. */
typedef struct {
  const ctx *c;
  double ax, ay, ex, ey;
} leader_arg;

static int leader_hits(void *varg, size_t i)
{
  const leader_arg *a = varg;
  const jv_map_label *o = &a->c->l->labels[i];
  if (jv_map_segment_touches(a->ax, a->ay, a->ex, a->ey, o->box))
    return 1;
  if (!o->leader)
    return 0;
  double ox, oy;
  jv_map_leader_end(o->box, (jv_point){o->ax, o->ay}, &ox, &oy);
  return jv_map_index_segments_cross(a->ax, a->ay, a->ex, a->ey, o->ax, o->ay, ox, oy);
}

/* A leader crosses no other name, leader or the legend. The names asked
 * are those the index has near the leader's box: a box the leader touches
 * meets that box, and two leaders that cross meet inside both their boxes
 * (the orientation tests could only disagree for segments on one line to
 * within rounding, which no placement produces). */
static int leader_clear(const ctx *c, jv_point a, double ex, double ey)
{
  const jv_map_layout *l = c->l;
  if (jv_map_segment_touches(a.x, a.y, ex, ey, l->legend))
    return 0;
  leader_arg arg = {c, a.x, a.y, ex, ey};
  jv_map_rect r = {fmin(a.x, ex), fmin(a.y, ey), fabs(ex - a.x), fabs(ey - a.y)};
  return !jv_map_index_any_label(c->ix, r, leader_hits, &arg);
}

/* Outside the focus area with a leader: the nearest place (leaders crossing
 * few borders preferred) where the box crosses no border of the kinds in
 * mask and lies in no focus shape. */
static int place_outside(const ctx *c, size_t k, jv_map_label *lb)
{
  size_t s = c->order[k];
  const char *name = c->in->geo->shapes[s].name;
  jv_point a = c->anchor[k];
  double size = OUTSIDE_SIZE;
  double w = jv_measure_width(c->in->measure, JV_FONT_REGULAR, size, name);
  double lh = (ASCENT + DESCENT) * size;
  double best = 1e18, bx = 0, bbase = 0;
  long bunder = -1;
  double max_rad = fmax(c->l->map.w, c->l->map.h);
  for (double rad = 4; rad <= max_rad && best > rad; rad += 4) {
    for (int d = 0; d < 24; d++) {
      double ang = d * 3.14159265358979 / 12;
      double cx = a.x + cos(ang) * (rad + w / 2);
      double cy = a.y + sin(ang) * (rad + lh / 2);
      double base = cy + (ASCENT - DESCENT) / 2 * size;
      jv_map_rect r = box_at(cx, base, w, size, false);
      if (!free_at(c, r) || jv_map_index_crosses(c->ix, r, JV_MAP_SEG_FOCUS))
        continue;
      long under = jv_map_index_shape_at(c->ix, r.x + r.w / 2, r.y + r.h / 2);
      if (under >= 0 && c->in->data->items[under].focus)
        continue;
      double ex, ey;
      jv_map_leader_end(r, a, &ex, &ey);
      if (!leader_clear(c, a, ex, ey))
        continue;
      /* short leaders over few borders; a name over a neighbour's faint
       * border only when that saves a long way */
      size_t crossings = jv_map_index_crossings(c->ix, a.x, a.y, ex, ey, JV_MAP_SEG_FOCUS);
      double score = rad + 10.0 * (double)crossings +
                     (jv_map_index_crosses(c->ix, r, JV_MAP_SEG_FAINT) ? FAINT_COST : 0);
      if (score < best) {
        best = score;
        bx = cx;
        bbase = base;
        bunder = under;
      }
    }
  }
  if (best >= 1e18)
    return 0;
  set_label(c, lb, k, bx, bbase, w, size, bunder, false);
  lb->leader = true;
  if (marked(c, s)) { /* the dot goes where the leader starts, in the shape */
    lb->mark = true;
    lb->mx = a.x;
    lb->my = a.y;
  }
  return 1;
}

static int cmp_area(const void *x, const void *y)
{
  const double *a = x, *b = y;
  if (a[0] != b[0])
    return (a[0] > b[0]) - (a[0] < b[0]);
  return (a[1] > b[1]) - (a[1] < b[1]); /* equal areas: file order, deterministic */
}

static jv_status setup(ctx *c, jv_error *err)
{
  const jv_map_data *d = c->in->data;
  double(*pairs)[2] = malloc((d->n_focus + 1) * sizeof(*pairs));
  c->order = malloc((d->n_focus + 1) * sizeof(*c->order));
  c->anchor = malloc((d->n_focus + 1) * sizeof(*c->anchor));
  c->done = calloc(d->n_focus + 1, sizeof(*c->done));
  c->l->labels = calloc(d->n_focus + 1, sizeof(*c->l->labels));
  if (!pairs || !c->order || !c->anchor || !c->done || !c->l->labels) {
    free(pairs);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  size_t n = 0;
  for (size_t s = 0; s < d->n; s++) {
    if (!d->items[s].focus || !c->in->geo->shapes[s].name[0])
      continue;
    const jv_geo_shape *sh = &c->in->geo->shapes[s];
    long p = jv_geom_largest_polygon(sh);
    pairs[n][0] = p >= 0 ? jv_geom_polygon_area(&sh->polys[p]) : 0;
    pairs[n][1] = (double)s;
    n++;
  }
  qsort(pairs, n, sizeof(*pairs), cmp_area);
  c->n = n;
  for (size_t k = 0; k < n; k++) {
    c->order[k] = (size_t)pairs[k][1];
    jv_map_layout_anchor(c->l, c->in->geo, c->order[k], &c->anchor[k].x, &c->anchor[k].y);
  }
  free(pairs);
  return JV_OK;
}

jv_status jv_map_labels_place(jv_map_layout *l, const jv_map_layout_in *in,
                              const jv_map_topology *t, jv_error *err)
{
  jv_map_index ix;
  jv_status st = jv_map_index_build(&ix, l, in, t, err);
  if (st != JV_OK)
    return st;
  ctx c = {l, in, &ix, NULL, 0, NULL, NULL};
  st = setup(&c, err);
  int oom = 0;
  for (size_t k = 0; st == JV_OK && k < c.n && !oom; k++)
    if (place_inside(&c, k, &l->labels[l->n_labels], &oom)) {
      c.done[k] = true;
      st = remember(&c, l->n_labels++, err);
    }
  if (oom)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  /* the rest beside their shapes */
  for (size_t k = 0; st == JV_OK && k < c.n; k++)
    if (!c.done[k] && place_outside(&c, k, &l->labels[l->n_labels])) {
      c.done[k] = true;
      st = remember(&c, l->n_labels++, err);
    }
  /* nowhere free (a map too small for its names): at the anchor, smallest */
  for (size_t k = 0; st == JV_OK && k < c.n; k++) {
    if (c.done[k])
      continue;
    size_t s = c.order[k];
    double size = JV_MAP_LABEL_MIN;
    double w = jv_measure_width(in->measure, JV_FONT_REGULAR, size, in->geo->shapes[s].name);
    set_label(&c, &l->labels[l->n_labels++], k, c.anchor[k].x,
              c.anchor[k].y + (ASCENT - DESCENT) / 2 * size, w, size, (long)s, marked(&c, s));
  }
  free(c.order);
  free(c.anchor);
  free(c.done);
  jv_map_index_free(&ix);
  return st;
}
