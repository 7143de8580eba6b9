/* map_scene.c - a laid-out choropleth as a scene. Fills go per shape; borders go
 * per border of the topology (found from the coordinates, map_topology.c), so
 * a border two municipalities share is stroked once (no double-width lines,
 * half the path data), in three weights: faint neighbour borders, borders
 * inside the focus, the focus outline. Small-numbers marks on top. */
#include "layout/map_scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/map_labels.h"
#include "layout/map_layout.h"
#include "layout/map_style.h"

#define MIN_STEP 0.08 /* points: closer vertices add nothing visible */

void jv_map_scene_in(jv_map_layout_in *in, const jv_geo *geo, const jv_map_data *data,
                     const jv_measure *m)
{
  memset(in, 0, sizeof(*in));
  in->geo = geo;
  in->data = data;
  in->measure = m;
  for (int c = 0; c < JV_BUCKETS_MAX_CLASSES; c++)
    in->class_lightness[c] = jv_map_lightness(jv_map_class_fill(&data->buckets, c));
  in->faint_lightness = jv_map_lightness(jv_rgb_hex(JV_MAP_FAINT_FILL_RGB));
}

/* Adds the points of a polyline to the path, skipping vertices closer than
 * MIN_STEP to the last one kept (the final vertex is always kept). */
static void add_points(jv_scene *sc, const jv_map_layout *l, const jv_point *pts, size_t n,
                       int reversed, int close)
{
  double lx = 0, ly = 0;
  for (size_t i = 0; i < n; i++) {
    jv_point p = reversed ? pts[n - 1 - i] : pts[i];
    double x = jv_map_px(l, p.x), y = jv_map_py(l, p.y);
    if (i == 0) {
      jv_scene_move_to(sc, x, y);
    } else if (i + 1 == n || fabs(x - lx) + fabs(y - ly) >= MIN_STEP) {
      jv_scene_line_to(sc, x, y);
    } else {
      continue;
    }
    lx = x;
    ly = y;
  }
  if (close)
    jv_scene_close(sc);
}

static void shape_path(jv_scene *sc, const jv_map_layout *l, const jv_geo_shape *s)
{
  for (size_t p = 0; p < s->n_polys; p++)
    for (size_t r = 0; r < s->polys[p].n_rings; r++)
      add_points(sc, l, s->polys[p].rings[r].pts, s->polys[p].rings[r].n, 0, 1);
}

static int visible(const jv_map_layout *l, const jv_bbox *b)
{
  return jv_bbox_intersects(&l->view, b);
}

static void hatch(jv_scene *sc, jv_map_rect r, double spacing)
{
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_HATCH_RGB));
  jv_scene_line_width(sc, 0.5);
  /* 45-degree lines covering r */
  for (double t = -r.h; t < r.w; t += spacing) {
    jv_scene_move_to(sc, r.x + t, r.y + r.h);
    jv_scene_line_to(sc, r.x + t + r.h, r.y);
  }
  jv_scene_stroke(sc);
}

static void add_fills(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in)
{
  const jv_buckets *b = &in->data->buckets;
  for (size_t s = 0; s < in->geo->n_shapes; s++) {
    const jv_geo_shape *sh = &in->geo->shapes[s];
    const jv_map_item *it = &in->data->items[s];
    if (!visible(l, &sh->bbox))
      continue;
    jv_rgb fill = it->focus ? jv_map_class_fill(b, it->cls) : jv_rgb_hex(JV_MAP_FAINT_FILL_RGB);
    jv_scene_rgb(sc, fill);
    shape_path(sc, l, sh);
    jv_scene_fill(sc, JV_FILL_EVENODD);
    if (it->focus && jv_map_class_hatched(b, it->cls)) {
      jv_scene_save(sc);
      shape_path(sc, l, sh);
      jv_scene_clip(sc, JV_FILL_EVENODD);
      jv_map_rect r = {jv_map_px(l, sh->bbox.minx), jv_map_py(l, sh->bbox.maxy),
                       (sh->bbox.maxx - sh->bbox.minx) * l->scale,
                       (sh->bbox.maxy - sh->bbox.miny) * l->scale};
      hatch(sc, r, 2.5);
      jv_scene_restore(sc);
    }
  }
}

static void line_style(jv_scene *sc, jv_map_border_kind kind, int regional)
{
  switch (kind) {
  case JV_MAP_BORDER_FAINT:
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
    jv_scene_line_width(sc, 0.4);
    break;
  case JV_MAP_BORDER_INNER:
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_BORDER_RGB));
    jv_scene_line_width(sc, regional ? 0.5 : 0.18);
    break;
  default:
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_scene_line_width(sc, regional ? 1.1 : 0.4);
    break;
  }
}

/* Every border of the topology once, faint ones first and the outline last
 * so it stays on top where kinds meet. */
static jv_status add_borders(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in,
                             jv_error *err)
{
  jv_map_topology own;
  const jv_map_topology *t = in->topology;
  if (!t) {
    jv_status st = jv_map_topology_build(&own, in->geo, JV_MAP_TOPOLOGY_QUANTUM, err);
    if (st != JV_OK)
      return st;
    t = &own;
  }
  bool *focus = malloc((in->data->n + 1) * sizeof(*focus));
  if (!focus) {
    if (t == &own)
      jv_map_topology_free(&own);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t s = 0; s < in->data->n; s++)
    focus[s] = in->data->items[s].focus;
  static const jv_map_border_kind order[] = {JV_MAP_BORDER_FAINT, JV_MAP_BORDER_INNER,
                                             JV_MAP_BORDER_OUTLINE};
  for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
    int any = 0;
    for (size_t i = 0; i < t->n_borders; i++) {
      const jv_map_border *b = &t->borders[i];
      if (jv_map_topology_kind(b, focus) != order[k] || !visible(l, &b->bbox))
        continue;
      if (!any)
        line_style(sc, order[k], in->regional);
      add_points(sc, l, &t->pts[b->first], b->n, 0, 0);
      any = 1;
    }
    if (any)
      jv_scene_stroke(sc);
  }
  free(focus);
  if (t == &own)
    jv_map_topology_free(&own);
  return JV_OK;
}

/* The small-numbers dot: dark with a white ring, visible on any fill. */
static void dot(jv_scene *sc, double x, double y, double r)
{
  const double k = 0.5523 * r; /* four Bezier quarters */
  jv_scene_move_to(sc, x + r, y);
  jv_scene_curve_to(sc, x + r, y + k, x + k, y + r, x, y + r);
  jv_scene_curve_to(sc, x - k, y + r, x - r, y + k, x - r, y);
  jv_scene_curve_to(sc, x - r, y - k, x - k, y - r, x, y - r);
  jv_scene_curve_to(sc, x + k, y - r, x + r, y - k, x + r, y);
  jv_scene_close(sc);
}

static void add_dot(jv_scene *sc, double x, double y)
{
  jv_scene_rgb(sc, jv_rgb_hex(0xffffff));
  dot(sc, x, y, JV_MAP_MARK_R + 0.6);
  jv_scene_fill(sc, JV_FILL_WINDING);
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
  dot(sc, x, y, JV_MAP_MARK_R);
  jv_scene_fill(sc, JV_FILL_WINDING);
}

/* The outline mark: a dashed line just inside the shape's border. */
static void add_outline_marks(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in)
{
  if (in->data->small.mark != JV_SMALL_OUTLINE)
    return;
  for (size_t s = 0; s < in->geo->n_shapes; s++) {
    const jv_map_item *it = &in->data->items[s];
    if (!it->focus || !it->uncertain || !visible(l, &in->geo->shapes[s].bbox))
      continue;
    jv_scene_save(sc);
    shape_path(sc, l, &in->geo->shapes[s]);
    jv_scene_clip(sc, JV_FILL_EVENODD);
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_scene_line_width(sc, 2.0);
    jv_scene_dash(sc, 1.5, 1.5);
    shape_path(sc, l, &in->geo->shapes[s]);
    jv_scene_stroke(sc);
    jv_scene_dash(sc, 0, 0);
    jv_scene_restore(sc);
  }
}

static void add_labels(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in)
{
  for (size_t i = 0; i < l->n_labels; i++) {
    const jv_map_label *lb = &l->labels[i];
    if (!lb->leader)
      continue;
    /* the leader layout checked against the other labels */
    double tx, ty;
    jv_map_leader_end(lb->box, (jv_point){lb->ax, lb->ay}, &tx, &ty);
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_scene_line_width(sc, 0.5);
    jv_scene_move_to(sc, lb->ax, lb->ay);
    jv_scene_line_to(sc, tx, ty);
    jv_scene_stroke(sc);
    if (!lb->mark) { /* a marked name's dot is drawn at the anchor instead */
      jv_scene_rect(sc, lb->ax - 0.9, lb->ay - 0.9, 1.8, 1.8);
      jv_scene_fill(sc, JV_FILL_WINDING);
    }
  }
  for (size_t i = 0; i < l->n_labels; i++) {
    const jv_map_label *lb = &l->labels[i];
    jv_scene_rgb(sc, jv_rgb_hex(lb->light_text ? 0xffffff : JV_MAP_TEXT_RGB));
    jv_scene_text(sc, lb->x, lb->y, in->geo->shapes[lb->shape].name, JV_FONT_REGULAR, lb->size,
                  JV_ALIGN_CENTER, 0.0);
    if (lb->mark)
      add_dot(sc, lb->mx, lb->my);
  }
  for (size_t i = 0; i < l->n_marks; i++)
    add_dot(sc, l->marks[i].x, l->marks[i].y);
}

static void swatch(jv_scene *sc, const jv_buckets *b, int cls, jv_map_rect r)
{
  jv_scene_rgb(sc, jv_map_class_fill(b, cls));
  jv_scene_rect(sc, r.x, r.y, r.w, r.h);
  jv_scene_fill(sc, JV_FILL_WINDING);
  if (jv_map_class_hatched(b, cls)) {
    jv_scene_save(sc);
    jv_scene_rect(sc, r.x, r.y, r.w, r.h);
    jv_scene_clip(sc, JV_FILL_WINDING);
    hatch(sc, r, 2.5);
    jv_scene_restore(sc);
  }
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_BORDER_RGB));
  jv_scene_line_width(sc, 0.4);
  jv_scene_rect(sc, r.x, r.y, r.w, r.h);
  jv_scene_stroke(sc);
}

static void add_legend(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in)
{
  const jv_buckets *b = &in->data->buckets;
  const jv_map_rect *box = &l->legend;
  double size = l->legend_text_size;
  jv_scene_rgb(sc, jv_rgb_hex(0xffffff));
  jv_scene_rect(sc, box->x, box->y, box->w, box->h);
  jv_scene_fill(sc, JV_FILL_WINDING);
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
  jv_scene_line_width(sc, 0.5);
  jv_scene_rect(sc, box->x, box->y, box->w, box->h);
  jv_scene_stroke(sc);
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_TEXT_RGB));
  jv_scene_text(sc, box->x + 6, l->legend_title_y, "Legenda", JV_FONT_BOLD, size + 0.5,
                JV_ALIGN_LEFT, 0.0);
  if (l->n_rows > 0) {
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_SOURCE_RGB));
    jv_scene_text(sc, l->rows[0].count_x, l->legend_title_y, "gemeenten", JV_FONT_ITALIC, size - 1,
                  JV_ALIGN_RIGHT, 0.0);
  }
  char buf[128];
  for (size_t i = 0; i < l->n_rows; i++) {
    const jv_map_legend_row *r = &l->rows[i];
    swatch(sc, b, r->cls, r->swatch);
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_TEXT_RGB));
    jv_scene_text(sc, r->label_x, r->baseline, r->label, JV_FONT_REGULAR, size, JV_ALIGN_LEFT, 0.0);
    jv_scene_text(sc, r->count_x, r->baseline, r->count, JV_FONT_REGULAR, size, JV_ALIGN_RIGHT,
                  0.0);
  }
  if (l->small_row) {
    const jv_map_legend_row *r = &l->small;
    jv_scene_rgb(sc, jv_rgb_hex(0xffffff));
    jv_scene_rect(sc, r->swatch.x, r->swatch.y, r->swatch.w, r->swatch.h);
    jv_scene_fill(sc, JV_FILL_WINDING);
    if (in->data->small.mark == JV_SMALL_OUTLINE) {
      jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
      jv_scene_line_width(sc, 1.0);
      jv_scene_dash(sc, 1.5, 1.5);
      jv_scene_rect(sc, r->swatch.x + 0.5, r->swatch.y + 0.5, r->swatch.w - 1, r->swatch.h - 1);
      jv_scene_stroke(sc);
      jv_scene_dash(sc, 0, 0);
    } else {
      add_dot(sc, r->swatch.x + r->swatch.w / 2, r->swatch.y + r->swatch.h / 2);
    }
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_BORDER_RGB));
    jv_scene_line_width(sc, 0.4);
    jv_scene_rect(sc, r->swatch.x, r->swatch.y, r->swatch.w, r->swatch.h);
    jv_scene_stroke(sc);
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_TEXT_RGB));
    jv_scene_text(sc, r->label_x, r->baseline, r->label, JV_FONT_REGULAR, size, JV_ALIGN_LEFT, 0.0);
    jv_scene_text(sc, r->count_x, r->baseline, r->count, JV_FONT_REGULAR, size, JV_ALIGN_RIGHT,
                  0.0);
  }
  /* scale bar: RD metres are true metres, so one bar holds everywhere */
  double x = l->scalebar_x, y = l->scalebar_y;
  jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
  jv_scene_line_width(sc, 0.8);
  jv_scene_move_to(sc, x, y - 2.5);
  jv_scene_line_to(sc, x, y);
  jv_scene_line_to(sc, x + l->scalebar_len, y);
  jv_scene_line_to(sc, x + l->scalebar_len, y - 2.5);
  jv_scene_stroke(sc);
  snprintf(buf, sizeof(buf), "%lld km", l->scalebar_km);
  jv_scene_text(sc, x + l->scalebar_len + 4, y, buf, JV_FONT_REGULAR, size - 1, JV_ALIGN_LEFT, 0.0);
}

jv_status jv_map_scene(jv_scene *sc, const jv_map_layout *l, const jv_map_layout_in *in,
                       jv_error *err)
{
  jv_scene_save(sc);
  jv_scene_rect(sc, l->map.x, l->map.y, l->map.w, l->map.h);
  jv_scene_clip(sc, JV_FILL_WINDING);
  add_fills(sc, l, in);
  jv_status st = add_borders(sc, l, in, err);
  if (st == JV_OK)
    add_outline_marks(sc, l, in);
  jv_scene_restore(sc);
  if (st != JV_OK)
    return st;
  if (in->regional) {
    /* the neighbours are cut off at the frame: show where */
    jv_scene_rgb(sc, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
    jv_scene_line_width(sc, 0.5);
    jv_scene_rect(sc, l->map.x, l->map.y, l->map.w, l->map.h);
    jv_scene_stroke(sc);
  }
  add_labels(sc, l, in);
  add_legend(sc, l, in);
  for (size_t i = 0; i < l->n_texts; i++) {
    const jv_map_text *t = &l->texts[i];
    jv_scene_rgb(sc, jv_rgb_hex(t->grey ? JV_MAP_SOURCE_RGB : JV_MAP_TEXT_RGB));
    jv_scene_text(sc, t->x, t->y, t->text, t->style, t->size, JV_ALIGN_LEFT, 0.0);
  }
  return jv_scene_status(sc, err);
}
