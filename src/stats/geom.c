/* geom.c - areas, containment, distances and the label point of shapes. */
#include "stats/geom.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "util/grow.h"

static double ring_area2(const jv_ring *r)
{
  double a = 0;
  for (size_t i = 0; i + 1 < r->n; i++)
    a += r->pts[i].x * r->pts[i + 1].y - r->pts[i + 1].x * r->pts[i].y;
  return a;
}

double jv_geom_polygon_area(const jv_polygon *p)
{
  if (p->n_rings == 0)
    return 0;
  double a = fabs(ring_area2(&p->rings[0]));
  for (size_t i = 1; i < p->n_rings; i++)
    a -= fabs(ring_area2(&p->rings[i]));
  return a > 0 ? a / 2 : 0;
}

/* The even-odd crossing of edge (a, b) by the ray from pt to +x; both
 * jv_geom_in_polygon and jv_geom_signed_distance count sides by it. */
static int crosses(jv_point a, jv_point b, jv_point pt)
{
  return (a.y > pt.y) != (b.y > pt.y) && pt.x < (b.x - a.x) * (pt.y - a.y) / (b.y - a.y) + a.x;
}

int jv_geom_in_polygon(const jv_polygon *p, jv_point pt)
{
  int in = 0;
  for (size_t k = 0; k < p->n_rings; k++) {
    const jv_ring *r = &p->rings[k];
    for (size_t i = 0, j = r->n - 1; i < r->n; j = i++)
      in ^= crosses(r->pts[i], r->pts[j], pt);
  }
  return in;
}

int jv_geom_in_shape(const jv_geo_shape *s, jv_point pt)
{
  if (pt.x < s->bbox.minx || pt.x > s->bbox.maxx || pt.y < s->bbox.miny || pt.y > s->bbox.maxy)
    return 0;
  for (size_t i = 0; i < s->n_polys; i++)
    if (jv_geom_in_polygon(&s->polys[i], pt))
      return 1;
  return 0;
}

static double seg_dist2(jv_point p, jv_point a, jv_point b)
{
  double x = a.x, y = a.y, dx = b.x - x, dy = b.y - y;
  if (dx != 0 || dy != 0) {
    double t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b.x;
      y = b.y;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p.x - x;
  dy = p.y - y;
  return dx * dx + dy * dy;
}

/* One pass over the edges for both the distance and the side. An edge
 * whose y range lies farther from pt than the nearest edge so far cannot be
 * nearer, so its exact distance is skipped: 1 micrometre of slack keeps the
 * rounding of seg_dist2 from ever mattering, and the result is the same as
 * measuring every edge. */
double jv_geom_signed_distance(const jv_polygon *p, jv_point pt)
{
  double best = DBL_MAX;
  int in = 0;
  for (size_t k = 0; k < p->n_rings; k++) {
    const jv_ring *r = &p->rings[k];
    if (r->n == 0)
      continue;
    in ^= crosses(r->pts[0], r->pts[r->n - 1], pt);
    for (size_t i = 0; i + 1 < r->n; i++) {
      jv_point a = r->pts[i], b = r->pts[i + 1];
      in ^= crosses(b, a, pt);
      double gap = a.y < b.y ? (pt.y < a.y ? a.y - pt.y : pt.y - b.y)
                             : (pt.y < b.y ? b.y - pt.y : pt.y - a.y);
      gap -= 1e-6;
      if (gap > 0 && gap * gap > best)
        continue;
      double d = seg_dist2(pt, a, b);
      if (d < best)
        best = d;
    }
  }
  if (best == DBL_MAX)
    return 0;
  double d = sqrt(best);
  return in ? d : -d;
}

long jv_geom_largest_polygon(const jv_geo_shape *s)
{
  long best = -1;
  double best_area = -1;
  for (size_t i = 0; i < s->n_polys; i++) {
    double a = jv_geom_polygon_area(&s->polys[i]);
    if (a > best_area) {
      best_area = a;
      best = (long)i;
    }
  }
  return best;
}

/* polylabel: a best-first search over square cells; a cell can only hold a
 * better point than the best so far if its centre distance plus its
 * half-diagonal exceeds that. */
typedef struct {
  double x, y, h; /* centre and half size */
  double d;       /* signed distance of the centre */
  double max;     /* upper bound for any point in the cell */
} cell;

typedef struct {
  cell *items;
  size_t n, cap;
} heap;

static cell make_cell(const jv_polygon *p, double x, double y, double h)
{
  jv_point c = {x, y};
  cell k = {x, y, h, jv_geom_signed_distance(p, c), 0};
  k.max = k.d + h * 1.4142135623730951; /* half-diagonal */
  return k;
}

static int heap_push(heap *hp, cell c)
{
  if (jv_grow((void **)&hp->items, &hp->cap, hp->n + 1, sizeof(*hp->items), 64) != 0)
    return -1;
  size_t i = hp->n++;
  hp->items[i] = c;
  while (i > 0) {
    size_t up = (i - 1) / 2;
    if (hp->items[up].max >= hp->items[i].max)
      break;
    cell t = hp->items[up];
    hp->items[up] = hp->items[i];
    hp->items[i] = t;
    i = up;
  }
  return 0;
}

static cell heap_pop(heap *hp)
{
  cell top = hp->items[0];
  hp->items[0] = hp->items[--hp->n];
  size_t i = 0;
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < hp->n && hp->items[l].max > hp->items[m].max)
      m = l;
    if (r < hp->n && hp->items[r].max > hp->items[m].max)
      m = r;
    if (m == i)
      break;
    cell t = hp->items[m];
    hp->items[m] = hp->items[i];
    hp->items[i] = t;
    i = m;
  }
  return top;
}

static cell centroid_cell(const jv_polygon *p)
{
  const jv_ring *r = &p->rings[0];
  double a = 0, x = 0, y = 0;
  for (size_t i = 0; i + 1 < r->n; i++) {
    double f = r->pts[i].x * r->pts[i + 1].y - r->pts[i + 1].x * r->pts[i].y;
    x += (r->pts[i].x + r->pts[i + 1].x) * f;
    y += (r->pts[i].y + r->pts[i + 1].y) * f;
    a += f * 3;
  }
  if (a == 0)
    return make_cell(p, r->pts[0].x, r->pts[0].y, 0);
  return make_cell(p, x / a, y / a, 0);
}

static jv_point polylabel(const jv_polygon *p, double precision, double *dist)
{
  jv_bbox b = jv_bbox_empty();
  for (size_t i = 0; i < p->rings[0].n; i++)
    jv_bbox_add(&b, p->rings[0].pts[i]);
  double w = b.maxx - b.minx, hgt = b.maxy - b.miny;
  double size = w < hgt ? w : hgt;
  cell best = centroid_cell(p);
  cell mid = make_cell(p, b.minx + w / 2, b.miny + hgt / 2, 0);
  if (mid.d > best.d)
    best = mid;
  if (size <= 0 || !(precision > 0)) {
    *dist = best.d;
    jv_point r = {best.x, best.y};
    return r;
  }
  heap hp = {NULL, 0, 0};
  double h = size / 2;
  int oom = 0;
  for (double x = b.minx; x < b.maxx && !oom; x += size)
    for (double y = b.miny; y < b.maxy && !oom; y += size)
      oom = heap_push(&hp, make_cell(p, x + h, y + h, h));
  while (hp.n > 0 && !oom) {
    cell c = heap_pop(&hp);
    if (c.d > best.d)
      best = c;
    if (c.max - best.d <= precision)
      continue;
    double q = c.h / 2;
    oom |= heap_push(&hp, make_cell(p, c.x - q, c.y - q, q));
    oom |= heap_push(&hp, make_cell(p, c.x + q, c.y - q, q));
    oom |= heap_push(&hp, make_cell(p, c.x - q, c.y + q, q));
    oom |= heap_push(&hp, make_cell(p, c.x + q, c.y + q, q));
  }
  free(hp.items);
  *dist = best.d;
  jv_point r = {best.x, best.y};
  return r;
}

jv_point jv_geom_label_point(const jv_geo_shape *s, double precision, double *dist)
{
  double d = 0;
  jv_point r = {(s->bbox.minx + s->bbox.maxx) / 2, (s->bbox.miny + s->bbox.maxy) / 2};
  long i = jv_geom_largest_polygon(s);
  if (i >= 0 && s->polys[i].n_rings > 0 && s->polys[i].rings[0].n >= 4)
    r = polylabel(&s->polys[i], precision, &d);
  if (dist)
    *dist = d;
  return r;
}
