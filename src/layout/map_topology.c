/* map_topology.c - shared borders from coordinates. Every ring segment gets a key
 * (its quantised end points, lower one first); sorting the keys puts the two
 * sides of a border next to each other however the file split its arcs (the
 * 2020 CBS file stores 42 borders twice, once per side). Then each ring is
 * walked once more and runs of segments with the same two sides become one
 * polyline, each segment emitted the first time it is met. */
#include "layout/map_topology.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

typedef struct {
  int64_t x1, y1, x2, y2; /* quantised, (x1, y1) <= (x2, y2) */
  size_t shape;
  size_t seg; /* global segment number */
} seg_key;

/* What a group of equal keys is: its two sides, or a cut / degenerate
 * segment that no border line is drawn for. */
typedef struct {
  long a, b;
  int drop;
} side;

typedef struct {
  const jv_ring *ring;
  size_t shape;
  size_t first_seg; /* global number of the ring's segment 0 */
} ring_ref;

static int cmp_key(const void *pa, const void *pb)
{
  const seg_key *a = pa, *b = pb;
  if (a->x1 != b->x1)
    return a->x1 < b->x1 ? -1 : 1;
  if (a->y1 != b->y1)
    return a->y1 < b->y1 ? -1 : 1;
  if (a->x2 != b->x2)
    return a->x2 < b->x2 ? -1 : 1;
  if (a->y2 != b->y2)
    return a->y2 < b->y2 ? -1 : 1;
  if (a->shape != b->shape)
    return a->shape < b->shape ? -1 : 1;
  return a->seg < b->seg ? -1 : a->seg > b->seg;
}

static int same_key(const seg_key *a, const seg_key *b)
{
  return a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 && a->y2 == b->y2;
}

void jv_map_topology_free(jv_map_topology *t)
{
  free(t->borders);
  free(t->pts);
  memset(t, 0, sizeof(*t));
}

/* The rings of every shape, in file order, and their segment numbering. */
static ring_ref *list_rings(const jv_geo *g, size_t *n_rings, size_t *n_segs)
{
  size_t n = 0;
  for (size_t s = 0; s < g->n_shapes; s++)
    for (size_t p = 0; p < g->shapes[s].n_polys; p++)
      n += g->shapes[s].polys[p].n_rings;
  ring_ref *r = malloc((n + 1) * sizeof(*r));
  if (!r)
    return NULL;
  size_t k = 0, segs = 0;
  for (size_t s = 0; s < g->n_shapes; s++)
    for (size_t p = 0; p < g->shapes[s].n_polys; p++)
      for (size_t i = 0; i < g->shapes[s].polys[p].n_rings; i++) {
        const jv_ring *ring = &g->shapes[s].polys[p].rings[i];
        r[k].ring = ring;
        r[k].shape = s;
        r[k].first_seg = segs;
        segs += ring->n >= 2 ? ring->n - 1 : 0;
        k++;
      }
  *n_rings = n;
  *n_segs = segs;
  return r;
}

/* Groups the segments by key; side_of[seg] is the group of a segment and
 * sides[group] what lies on either side. Returns the number of groups. */
static size_t group_segments(const ring_ref *rings, size_t n_rings, double quantum, seg_key *keys,
                             size_t *side_of, side *sides)
{
  size_t n = 0;
  for (size_t r = 0; r < n_rings; r++) {
    const jv_ring *ring = rings[r].ring;
    for (size_t i = 0; i + 1 < ring->n; i++) {
      int64_t ax = llround(ring->pts[i].x / quantum), ay = llround(ring->pts[i].y / quantum);
      int64_t bx = llround(ring->pts[i + 1].x / quantum);
      int64_t by = llround(ring->pts[i + 1].y / quantum);
      size_t seg = rings[r].first_seg + i;
      side_of[seg] = SIZE_MAX;
      if (ax == bx && ay == by)
        continue; /* collapses on the grid: nothing to draw */
      int swap = ax > bx || (ax == bx && ay > by);
      seg_key *k = &keys[n++];
      k->x1 = swap ? bx : ax;
      k->y1 = swap ? by : ay;
      k->x2 = swap ? ax : bx;
      k->y2 = swap ? ay : by;
      k->shape = rings[r].shape;
      k->seg = seg;
    }
  }
  qsort(keys, n, sizeof(*keys), cmp_key);
  size_t groups = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && same_key(&keys[i], &keys[j]))
      j++;
    side *sd = &sides[groups];
    sd->a = (long)keys[i].shape;
    sd->b = -1;
    for (size_t k = i + 1; k < j && sd->b < 0; k++)
      if (keys[k].shape != keys[i].shape)
        sd->b = (long)keys[k].shape; /* sorted by shape: a < b */
    /* the same shape on both sides: a cut into itself, no border */
    sd->drop = sd->b < 0 && j - i > 1;
    for (size_t k = i; k < j; k++)
      side_of[keys[k].seg] = groups;
    groups++;
    i = j;
  }
  return groups;
}

static int same_side(const side *sides, size_t g1, size_t g2)
{
  if (g1 == SIZE_MAX || g2 == SIZE_MAX)
    return g1 == g2;
  return sides[g1].a == sides[g2].a && sides[g1].b == sides[g2].b &&
         sides[g1].drop == sides[g2].drop;
}

typedef struct {
  jv_map_topology *t;
  size_t cap_borders, cap_pts;
} builder;

static int push_point(builder *b, jv_point p)
{
  jv_map_topology *t = b->t;
  if (jv_grow((void **)&t->pts, &b->cap_pts, t->n_pts + 1, sizeof(*t->pts), 1024) != 0)
    return -1;
  t->pts[t->n_pts++] = p;
  jv_bbox_add(&t->borders[t->n_borders - 1].bbox, p);
  t->borders[t->n_borders - 1].n++;
  return 0;
}

static int open_border(builder *b, const side *sd, jv_point start)
{
  jv_map_topology *t = b->t;
  if (jv_grow((void **)&t->borders, &b->cap_borders, t->n_borders + 1, sizeof(*t->borders), 256) !=
      0)
    return -1;
  jv_map_border *bd = &t->borders[t->n_borders++];
  bd->first = t->n_pts;
  bd->n = 0;
  bd->a = sd->a;
  bd->b = sd->b;
  bd->bbox = jv_bbox_empty();
  return push_point(b, start);
}

/* Walks one ring, starting where its sides change so that a border running
 * through the ring's first point stays one polyline. */
static int walk_ring(builder *b, const ring_ref *rr, const size_t *side_of, const side *sides,
                     unsigned char *done)
{
  const jv_ring *ring = rr->ring;
  if (ring->n < 2)
    return 0;
  size_t m = ring->n - 1, start = 0;
  for (size_t i = 0; i < m; i++) {
    size_t prev = side_of[rr->first_seg + (i + m - 1) % m];
    if (!same_side(sides, prev, side_of[rr->first_seg + i])) {
      start = i;
      break;
    }
  }
  int open = 0;
  size_t open_group = SIZE_MAX;
  for (size_t k = 0; k < m; k++) {
    size_t i = (start + k) % m;
    size_t grp = side_of[rr->first_seg + i];
    if (grp == SIZE_MAX || sides[grp].drop || done[grp]) {
      open = 0;
      continue;
    }
    done[grp] = 1;
    if (!open || !same_side(sides, open_group, grp)) {
      if (open_border(b, &sides[grp], ring->pts[i]) != 0)
        return -1;
      open = 1;
      open_group = grp;
    }
    if (push_point(b, ring->pts[i + 1]) != 0)
      return -1;
    b->t->n_segments++;
  }
  return 0;
}

jv_status jv_map_topology_build(jv_map_topology *out, const jv_geo *g, double quantum,
                                jv_error *err)
{
  memset(out, 0, sizeof(*out));
  if (!(quantum > 0))
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "topology: the grid must be > 0 metres");
  size_t n_rings = 0, n_segs = 0;
  ring_ref *rings = list_rings(g, &n_rings, &n_segs);
  seg_key *keys = malloc((n_segs + 1) * sizeof(*keys));
  size_t *side_of = malloc((n_segs + 1) * sizeof(*side_of));
  side *sides = malloc((n_segs + 1) * sizeof(*sides));
  unsigned char *done = NULL;
  jv_status st = JV_OK;
  if (!rings || !keys || !side_of || !sides) {
    st = JV_EINTERNAL;
    goto out;
  }
  size_t groups = group_segments(rings, n_rings, quantum, keys, side_of, sides);
  free(keys);
  keys = NULL;
  done = calloc(groups + 1, 1);
  if (!done) {
    st = JV_EINTERNAL;
    goto out;
  }
  builder b = {out, 0, 0};
  for (size_t r = 0; r < n_rings; r++)
    if (walk_ring(&b, &rings[r], side_of, sides, done) != 0) {
      st = JV_EINTERNAL;
      break;
    }
out:
  free(rings);
  free(keys);
  free(side_of);
  free(sides);
  free(done);
  if (st != JV_OK) {
    jv_map_topology_free(out);
    return jv_error_set(err, st, NULL, 0, 0, "out of memory");
  }
  return JV_OK;
}

jv_map_border_kind jv_map_topology_kind(const jv_map_border *b, const bool *focus)
{
  bool fa = !focus || focus[b->a];
  bool fb = b->b >= 0 && (!focus || focus[b->b]);
  if (fa && fb)
    return JV_MAP_BORDER_INNER;
  if (fa || fb)
    return JV_MAP_BORDER_OUTLINE;
  return JV_MAP_BORDER_FAINT;
}
