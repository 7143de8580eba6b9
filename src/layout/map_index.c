/* map_index.c - border segments, shape boxes and placed names in a grid of
 * cells a little larger than a label's height, so a box query looks at a
 * handful of cells and a point query runs point-in-polygon only for the
 * shapes whose box holds the point. */
#include "layout/map_index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/geom.h"
#include "util/grow.h"

#define CELL 12.0 /* points */

void jv_map_index_free(jv_map_index *ix)
{
  free(ix->start);
  free(ix->items);
  free(ix->segs);
  free(ix->shape_box);
  free(ix->shape_start);
  free(ix->shape_items);
  free(ix->seen);
  free(ix->label_head);
  free(ix->label_node);
  free(ix->label_seen);
  memset(ix, 0, sizeof(*ix));
}

/* fmin and fmax without the library call: the same results, NaN included
 * (a zero's sign aside, which no caller can see). */
static double lo(double a, double b)
{
  return (b < a || a != a) ? b : a;
}

static double hi(double a, double b)
{
  return (b > a || a != a) ? b : a;
}

static void cell_range(const jv_map_index *ix, double minx, double miny, double maxx, double maxy,
                       size_t *cx0, size_t *cy0, size_t *cx1, size_t *cy1)
{
  double fx0 = floor((minx - ix->x0) / ix->cell), fy0 = floor((miny - ix->y0) / ix->cell);
  double fx1 = floor((maxx - ix->x0) / ix->cell), fy1 = floor((maxy - ix->y0) / ix->cell);
  double mx = (double)ix->nx - 1, my = (double)ix->ny - 1;
  *cx0 = (size_t)lo(hi(fx0, 0), mx);
  *cy0 = (size_t)lo(hi(fy0, 0), my);
  *cx1 = (size_t)lo(hi(fx1, 0), mx);
  *cy1 = (size_t)lo(hi(fy1, 0), my);
}

/* Segments of the visible borders, clipped to nothing: a segment partly in
 * view is kept whole. */
static size_t collect(jv_map_index *ix, const jv_map_topology *t, const bool *focus, size_t cap)
{
  const jv_map_layout *l = ix->l;
  size_t n = 0;
  for (size_t i = 0; i < t->n_borders; i++) {
    const jv_map_border *b = &t->borders[i];
    if (!jv_bbox_intersects(&l->view, &b->bbox))
      continue;
    unsigned char kind = (unsigned char)jv_map_topology_kind(b, focus);
    for (size_t k = 0; k + 1 < b->n && n < cap; k++) {
      jv_point p = t->pts[b->first + k], q = t->pts[b->first + k + 1];
      jv_map_seg *s = &ix->segs[n];
      s->x1 = jv_map_px(l, p.x);
      s->y1 = jv_map_py(l, p.y);
      s->x2 = jv_map_px(l, q.x);
      s->y2 = jv_map_py(l, q.y);
      s->kind = kind;
      double x0 = l->map.x - CELL, y0 = l->map.y - CELL;
      double x1 = l->map.x + l->map.w + CELL, y1 = l->map.y + l->map.h + CELL;
      if (hi(s->x1, s->x2) < x0 || lo(s->x1, s->x2) > x1 || hi(s->y1, s->y2) < y0 ||
          lo(s->y1, s->y2) > y1)
        continue;
      n++;
    }
  }
  return n;
}

/* The cells item i covers (its box through cell_range); false when it is
 * in none (a shape out of view). */
typedef bool (*item_cells)(const jv_map_index *ix, size_t i, size_t *cx0, size_t *cy0, size_t *cx1,
                           size_t *cy1);

static bool segment_cells(const jv_map_index *ix, size_t i, size_t *cx0, size_t *cy0, size_t *cx1,
                          size_t *cy1)
{
  const jv_map_seg *s = &ix->segs[i];
  cell_range(ix, lo(s->x1, s->x2), lo(s->y1, s->y2), hi(s->x1, s->x2), hi(s->y1, s->y2), cx0, cy0,
             cx1, cy1);
  return true;
}

static bool shape_cells(const jv_map_index *ix, size_t i, size_t *cx0, size_t *cy0, size_t *cx1,
                        size_t *cy1)
{
  jv_map_rect b = ix->shape_box[i];
  if (b.w < 0)
    return false;
  cell_range(ix, b.x, b.y, b.x + b.w, b.y + b.h, cx0, cy0, cx1, cy1);
  return true;
}

/* Lists each of items 0 .. n - 1 in every cell it covers, in item order:
 * *start (nx * ny + 1 offsets) into *items, both owned by ix (set as soon
 * as allocated, so jv_map_index_free frees them on failure). Two passes:
 * count per cell, then fill. */
static jv_status bucket(const jv_map_index *ix, size_t n, item_cells cells_of, size_t **start,
                        size_t **items)
{
  size_t cells = ix->nx * ix->ny, total = 0;
  size_t *off = calloc(cells + 1, sizeof(*off)), *it = NULL, *fill = NULL;
  *start = off;
  if (!off)
    return JV_EINTERNAL;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) {
      *items = it = malloc((total + 1) * sizeof(*it));
      fill = calloc(cells + 1, sizeof(*fill));
      if (!it || !fill) {
        free(fill);
        return JV_EINTERNAL;
      }
      size_t acc = 0;
      for (size_t c = 0; c < cells; c++) {
        size_t k = off[c];
        off[c] = acc;
        fill[c] = acc;
        acc += k;
      }
      off[cells] = acc;
    }
    for (size_t i = 0; i < n; i++) {
      size_t cx0, cy0, cx1, cy1;
      if (!cells_of(ix, i, &cx0, &cy0, &cx1, &cy1))
        continue;
      for (size_t cy = cy0; cy <= cy1; cy++)
        for (size_t cx = cx0; cx <= cx1; cx++) {
          size_t c = cy * ix->nx + cx;
          if (pass == 0) {
            off[c]++;
            total++;
          } else {
            it[fill[c]++] = i;
          }
        }
    }
  }
  free(fill);
  return JV_OK;
}

jv_status jv_map_index_build(jv_map_index *ix, const jv_map_layout *l, const jv_map_layout_in *in,
                             const jv_map_topology *t, jv_error *err)
{
  memset(ix, 0, sizeof(*ix));
  ix->l = l;
  ix->in = in;
  ix->cell = CELL;
  ix->x0 = l->map.x - CELL;
  ix->y0 = l->map.y - CELL;
  ix->nx = (size_t)ceil((l->map.w + 2 * CELL) / CELL) + 1;
  ix->ny = (size_t)ceil((l->map.h + 2 * CELL) / CELL) + 1;
  const jv_geo *g = in->geo;
  bool *focus = malloc((g->n_shapes + 1) * sizeof(*focus));
  ix->segs = malloc((t->n_segments + 1) * sizeof(*ix->segs));
  ix->shape_box = malloc((g->n_shapes + 1) * sizeof(*ix->shape_box));
  if (!focus || !ix->segs || !ix->shape_box)
    goto oom;
  for (size_t s = 0; s < g->n_shapes; s++) {
    focus[s] = in->data->items[s].focus;
    const jv_bbox *b = &g->shapes[s].bbox;
    jv_map_rect r = {jv_map_px(l, b->minx), jv_map_py(l, b->maxy), (b->maxx - b->minx) * l->scale,
                     (b->maxy - b->miny) * l->scale};
    if (!jv_bbox_intersects(&l->view, b))
      r.w = -1;
    ix->shape_box[s] = r;
  }
  if (bucket(ix, g->n_shapes, shape_cells, &ix->shape_start, &ix->shape_items) != JV_OK)
    goto oom;
  ix->n_segs = collect(ix, t, focus, t->n_segments);
  free(focus);
  focus = NULL;
  ix->seen = calloc(ix->n_segs + 1, sizeof(*ix->seen));
  if (!ix->seen)
    goto oom;
  if (bucket(ix, ix->n_segs, segment_cells, &ix->start, &ix->items) != JV_OK)
    goto oom;
  return JV_OK;
oom:
  free(focus);
  jv_map_index_free(ix);
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static int inside(double x, double y, jv_map_rect r)
{
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

static double orient(double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

int jv_map_index_segments_cross(double ax, double ay, double bx, double by, double cx, double cy,
                                double dx, double dy)
{
  double d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  double d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

int jv_map_segment_touches(double ax, double ay, double bx, double by, jv_map_rect r)
{
  if (hi(ax, bx) < r.x || lo(ax, bx) > r.x + r.w || hi(ay, by) < r.y || lo(ay, by) > r.y + r.h)
    return 0;
  if (inside(ax, ay, r) || inside(bx, by, r))
    return 1;
  double x[4] = {r.x, r.x + r.w, r.x + r.w, r.x}, y[4] = {r.y, r.y, r.y + r.h, r.y + r.h};
  for (int i = 0; i < 4; i++)
    if (jv_map_index_segments_cross(ax, ay, bx, by, x[i], y[i], x[(i + 1) % 4], y[(i + 1) % 4]))
      return 1;
  return 0;
}

/* Calls hit for each segment of a kind in mask in the cells of the box,
 * once each, until it returns nonzero; returns the sum of what it returned. */
static size_t visit(jv_map_index *ix, double minx, double miny, double maxx, double maxy,
                    unsigned mask, int (*hit)(const jv_map_seg *s, const double *q),
                    const double *q, int stop)
{
  size_t cx0, cy0, cx1, cy1, n = 0;
  cell_range(ix, minx, miny, maxx, maxy, &cx0, &cy0, &cx1, &cy1);
  unsigned query = ++ix->query;
  for (size_t cy = cy0; cy <= cy1; cy++)
    for (size_t cx = cx0; cx <= cx1; cx++) {
      size_t c = cy * ix->nx + cx;
      for (size_t k = ix->start[c]; k < ix->start[c + 1]; k++) {
        size_t i = ix->items[k];
        const jv_map_seg *s = &ix->segs[i];
        if (ix->seen[i] == query || !(mask & (1u << s->kind)))
          continue;
        ix->seen[i] = query;
        n += (size_t)hit(s, q);
        if (stop && n)
          return n;
      }
    }
  return n;
}

static int touches_box(const jv_map_seg *s, const double *q)
{
  jv_map_rect r = {q[0], q[1], q[2], q[3]};
  return jv_map_segment_touches(s->x1, s->y1, s->x2, s->y2, r);
}

static int crosses_segment(const jv_map_seg *s, const double *q)
{
  return jv_map_index_segments_cross(q[0], q[1], q[2], q[3], s->x1, s->y1, s->x2, s->y2);
}

int jv_map_index_crosses(jv_map_index *ix, jv_map_rect r, unsigned mask)
{
  double q[4] = {r.x, r.y, r.w, r.h};
  return visit(ix, r.x, r.y, r.x + r.w, r.y + r.h, mask, touches_box, q, 1) > 0;
}

size_t jv_map_index_crossings(jv_map_index *ix, double x1, double y1, double x2, double y2,
                              unsigned mask)
{
  double q[4] = {x1, y1, x2, y2};
  return visit(ix, lo(x1, x2), lo(y1, y2), hi(x1, x2), hi(y1, y2), mask, crosses_segment, q, 0);
}

/* A box holding the point covers the point's cell (cell_range is monotone),
 * and each cell lists its shapes in shape order: the first hit here is the
 * first in shape order. */
long jv_map_index_shape_at(const jv_map_index *ix, double x, double y)
{
  const jv_map_layout *l = ix->l;
  const jv_geo *g = ix->in->geo;
  jv_point p = {l->view.minx + (x - l->map.x) / l->scale, l->view.maxy - (y - l->map.y) / l->scale};
  size_t cx, cy, cx1, cy1;
  cell_range(ix, x, y, x, y, &cx, &cy, &cx1, &cy1);
  size_t c = cy * ix->nx + cx;
  for (size_t k = ix->shape_start[c]; k < ix->shape_start[c + 1]; k++) {
    size_t s = ix->shape_items[k];
    if (!inside(x, y, ix->shape_box[s]))
      continue;
    if (jv_geom_in_shape(&g->shapes[s], p))
      return (long)s;
  }
  return -1;
}

jv_status jv_map_index_add_label(jv_map_index *ix, size_t label, size_t cap, jv_map_rect r,
                                 double pad, jv_error *err)
{
  size_t cells = ix->nx * ix->ny;
  if (!ix->label_head) {
    ix->label_head = calloc(cells, sizeof(*ix->label_head));
    ix->label_seen = calloc(cap + 1, sizeof(*ix->label_seen));
    ix->cap_labels = cap;
    if (!ix->label_head || !ix->label_seen)
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  if (label >= ix->cap_labels)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "label %zu beyond %zu", label,
                        ix->cap_labels);
  size_t cx0, cy0, cx1, cy1;
  cell_range(ix, r.x - pad, r.y - pad, r.x + r.w + pad, r.y + r.h + pad, &cx0, &cy0, &cx1, &cy1);
  size_t need = ix->n_nodes + (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
  if (jv_grow((void **)&ix->label_node, &ix->cap_nodes, need, sizeof(*ix->label_node), 256) != 0)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  for (size_t cy = cy0; cy <= cy1; cy++)
    for (size_t cx = cx0; cx <= cx1; cx++) {
      size_t c = cy * ix->nx + cx;
      ix->label_node[ix->n_nodes][0] = label;
      ix->label_node[ix->n_nodes][1] = ix->label_head[c];
      ix->label_head[c] = ++ix->n_nodes;
    }
  return JV_OK;
}

int jv_map_index_any_label(jv_map_index *ix, jv_map_rect r, int (*hit)(void *arg, size_t label),
                           void *arg)
{
  if (!ix->label_head)
    return 0;
  size_t cx0, cy0, cx1, cy1;
  cell_range(ix, r.x, r.y, r.x + r.w, r.y + r.h, &cx0, &cy0, &cx1, &cy1);
  unsigned query = ++ix->label_query;
  for (size_t cy = cy0; cy <= cy1; cy++)
    for (size_t cx = cx0; cx <= cx1; cx++)
      for (size_t k = ix->label_head[cy * ix->nx + cx]; k; k = ix->label_node[k - 1][1]) {
        size_t label = ix->label_node[k - 1][0];
        if (ix->label_seen[label] == query)
          continue;
        ix->label_seen[label] = query;
        if (hit(arg, label))
          return 1;
      }
  return 0;
}
