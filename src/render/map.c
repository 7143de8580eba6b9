/* map.c - painting a laid-out choropleth. Fills go per shape; borders go
 * per border of the topology (found from the coordinates), so a border two
 * municipalities share is stroked once (no double-width lines, half the path
 * data), in three weights: faint neighbour borders, borders inside the focus,
 * the focus outline. */
#include "render/map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/map_layout.h"
#include "layout/map_labels.h"
#include "render/map_style.h"

#define MIN_STEP 0.08 /* points: closer vertices add nothing visible */

static double measure_cb(void *ctx, jv_font_style st, double size, const char *s)
{
  return jv_fonts_text_width((const jv_fonts *)ctx, st, size, s);
}

static void layout_in(jv_map_layout_in *in, const jv_map_spec *spec, jv_measure *m,
                      const jv_fonts *fonts)
{
  m->width = measure_cb;
  m->ctx = (void *)fonts;
  in->geo = spec->geo;
  in->data = spec->data;
  in->measure = m;
  in->regional = spec->regional;
  in->labels = spec->labels;
  in->title = spec->title;
  in->subtitle = spec->subtitle;
  in->source = spec->source;
  in->topology = spec->topology;
  for (int c = 0; c < JV_BUCKETS_MAX_CLASSES; c++)
    in->class_lightness[c] = jv_map_lightness(jv_map_class_fill(&spec->data->buckets, c));
  in->faint_lightness = jv_map_lightness(jv_rgb_hex(JV_MAP_FAINT_FILL_RGB));
}

double jv_map_natural_height(const jv_map_spec *spec, const jv_fonts *fonts, double w)
{
  jv_map_layout_in in;
  jv_measure m;
  layout_in(&in, spec, &m, fonts);
  return jv_map_layout_natural_height(&in, w);
}

/* Adds the points of a polyline to the path, skipping vertices closer than
 * MIN_STEP to the last one kept (the final vertex is always kept). */
static void add_points(jv_draw *d, const jv_map_layout *l, const jv_point *pts, size_t n,
                       int reversed, int close)
{
  double lx = 0, ly = 0;
  for (size_t i = 0; i < n; i++) {
    jv_point p = reversed ? pts[n - 1 - i] : pts[i];
    double x = jv_map_px(l, p.x), y = jv_map_py(l, p.y);
    if (i == 0) {
      jv_draw_move_to(d, x, y);
    } else if (i + 1 == n || fabs(x - lx) + fabs(y - ly) >= MIN_STEP) {
      jv_draw_line_to(d, x, y);
    } else {
      continue;
    }
    lx = x;
    ly = y;
  }
  if (close)
    jv_draw_close(d);
}

static void shape_path(jv_draw *d, const jv_map_layout *l, const jv_geo_shape *s)
{
  for (size_t p = 0; p < s->n_polys; p++)
    for (size_t r = 0; r < s->polys[p].n_rings; r++)
      add_points(d, l, s->polys[p].rings[r].pts, s->polys[p].rings[r].n, 0, 1);
}

static int visible(const jv_map_layout *l, const jv_bbox *b)
{
  return jv_bbox_intersects(&l->view, b);
}

static void hatch(jv_draw *d, jv_map_rect r, double spacing)
{
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_HATCH_RGB));
  jv_draw_line_width(d, 0.5);
  /* 45-degree lines covering r */
  for (double t = -r.h; t < r.w; t += spacing) {
    jv_draw_move_to(d, r.x + t, r.y + r.h);
    jv_draw_line_to(d, r.x + t + r.h, r.y);
  }
  jv_draw_stroke(d);
}

static void fill_shapes(jv_draw *d, const jv_map_layout *l, const jv_map_spec *spec)
{
  const jv_buckets *b = &spec->data->buckets;
  for (size_t s = 0; s < spec->geo->n_shapes; s++) {
    const jv_geo_shape *sh = &spec->geo->shapes[s];
    const jv_map_item *it = &spec->data->items[s];
    if (!visible(l, &sh->bbox))
      continue;
    jv_rgb fill = it->focus ? jv_map_class_fill(b, it->cls) : jv_rgb_hex(JV_MAP_FAINT_FILL_RGB);
    jv_draw_rgb(d, fill);
    shape_path(d, l, sh);
    jv_draw_fill(d, JV_FILL_EVENODD);
    if (it->focus && jv_map_class_hatched(b, it->cls)) {
      jv_draw_save(d);
      shape_path(d, l, sh);
      d->ops->clip(d->ctx, JV_FILL_EVENODD);
      jv_map_rect r = {jv_map_px(l, sh->bbox.minx), jv_map_py(l, sh->bbox.maxy),
                       (sh->bbox.maxx - sh->bbox.minx) * l->scale,
                       (sh->bbox.maxy - sh->bbox.miny) * l->scale};
      hatch(d, r, 2.5);
      jv_draw_restore(d);
    }
  }
}

static void line_style(jv_draw *d, jv_map_border_kind kind, int regional)
{
  switch (kind) {
  case JV_MAP_BORDER_FAINT:
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
    jv_draw_line_width(d, 0.4);
    break;
  case JV_MAP_BORDER_INNER:
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_BORDER_RGB));
    jv_draw_line_width(d, regional ? 0.5 : 0.18);
    break;
  default:
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_draw_line_width(d, regional ? 1.1 : 0.4);
    break;
  }
}

/* Every border of the topology once, faint ones first and the outline last so
 * it stays on top where kinds meet. */
static void stroke_borders(jv_draw *d, const jv_map_layout *l, const jv_map_spec *spec,
                           const bool *focus)
{
  const jv_map_topology *t = spec->topology;
  static const jv_map_border_kind order[] = {JV_MAP_BORDER_FAINT, JV_MAP_BORDER_INNER,
                                             JV_MAP_BORDER_OUTLINE};
  for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
    int any = 0;
    for (size_t i = 0; i < t->n_borders; i++) {
      const jv_map_border *b = &t->borders[i];
      if (jv_map_topology_kind(b, focus) != order[k] || !visible(l, &b->bbox))
        continue;
      if (!any)
        line_style(d, order[k], spec->regional);
      add_points(d, l, &t->pts[b->first], b->n, 0, 0);
      any = 1;
    }
    if (any)
      jv_draw_stroke(d);
  }
}

/* The small-numbers dot: dark with a white ring, visible on any fill. */
static void dot(jv_draw *d, double x, double y, double r)
{
  const double k = 0.5523 * r; /* four Bezier quarters */
  jv_draw_move_to(d, x + r, y);
  jv_draw_curve_to(d, x + r, y + k, x + k, y + r, x, y + r);
  jv_draw_curve_to(d, x - k, y + r, x - r, y + k, x - r, y);
  jv_draw_curve_to(d, x - r, y - k, x - k, y - r, x, y - r);
  jv_draw_curve_to(d, x + k, y - r, x + r, y - k, x + r, y);
  jv_draw_close(d);
}

static void draw_dot(jv_draw *d, double x, double y)
{
  jv_draw_rgb(d, jv_rgb_hex(0xffffff));
  dot(d, x, y, JV_MAP_MARK_R + 0.6);
  jv_draw_fill(d, JV_FILL_WINDING);
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
  dot(d, x, y, JV_MAP_MARK_R);
  jv_draw_fill(d, JV_FILL_WINDING);
}

/* The outline mark: a dashed line just inside the shape's border. */
static void draw_outline_marks(jv_draw *d, const jv_map_layout *l, const jv_map_spec *spec)
{
  if (spec->data->small.mark != JV_SMALL_OUTLINE)
    return;
  for (size_t s = 0; s < spec->geo->n_shapes; s++) {
    const jv_map_item *it = &spec->data->items[s];
    if (!it->focus || !it->uncertain || !visible(l, &spec->geo->shapes[s].bbox))
      continue;
    jv_draw_save(d);
    shape_path(d, l, &spec->geo->shapes[s]);
    d->ops->clip(d->ctx, JV_FILL_EVENODD);
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_draw_line_width(d, 2.0);
    jv_draw_dash(d, 1.5, 1.5);
    shape_path(d, l, &spec->geo->shapes[s]);
    jv_draw_stroke(d);
    jv_draw_dash(d, 0, 0);
    jv_draw_restore(d);
  }
}

static void draw_labels(jv_draw *d, const jv_map_layout *l, const jv_map_spec *spec)
{
  for (size_t i = 0; i < l->n_labels; i++) {
    const jv_map_label *lb = &l->labels[i];
    if (!lb->leader)
      continue;
    /* from the anchor to the nearest point of the text box (as layout
     * checked it against the other labels) */
    double tx = fmin(fmax(lb->ax, lb->box.x), lb->box.x + lb->box.w);
    double ty = fmin(fmax(lb->ay, lb->box.y), lb->box.y + lb->box.h);
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
    jv_draw_line_width(d, 0.5);
    jv_draw_move_to(d, lb->ax, lb->ay);
    jv_draw_line_to(d, tx, ty);
    jv_draw_stroke(d);
    if (!lb->mark) { /* a marked name's dot is drawn at the anchor instead */
      jv_draw_rect(d, lb->ax - 0.9, lb->ay - 0.9, 1.8, 1.8);
      jv_draw_fill(d, JV_FILL_WINDING);
    }
  }
  for (size_t i = 0; i < l->n_labels; i++) {
    const jv_map_label *lb = &l->labels[i];
    jv_draw_rgb(d, jv_rgb_hex(lb->light_text ? 0xffffff : JV_MAP_TEXT_RGB));
    jv_draw_text(d, lb->x, lb->y, spec->geo->shapes[lb->shape].name, JV_FONT_REGULAR, lb->size,
                 JV_ALIGN_CENTER);
    if (lb->mark)
      draw_dot(d, lb->mx, lb->my);
  }
  for (size_t i = 0; i < l->n_marks; i++)
    draw_dot(d, l->marks[i].x, l->marks[i].y);
}

static void swatch(jv_draw *d, const jv_buckets *b, int cls, jv_map_rect r)
{
  jv_draw_rgb(d, jv_map_class_fill(b, cls));
  jv_draw_rect(d, r.x, r.y, r.w, r.h);
  jv_draw_fill(d, JV_FILL_WINDING);
  if (jv_map_class_hatched(b, cls)) {
    jv_draw_save(d);
    jv_draw_rect(d, r.x, r.y, r.w, r.h);
    d->ops->clip(d->ctx, JV_FILL_WINDING);
    hatch(d, r, 2.5);
    jv_draw_restore(d);
  }
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_BORDER_RGB));
  jv_draw_line_width(d, 0.4);
  jv_draw_rect(d, r.x, r.y, r.w, r.h);
  jv_draw_stroke(d);
}

static void draw_legend(jv_draw *d, const jv_map_layout *l, const jv_map_spec *spec)
{
  const jv_buckets *b = &spec->data->buckets;
  const jv_map_rect *box = &l->legend;
  double size = l->legend_text_size;
  jv_draw_rgb(d, jv_rgb_hex(0xffffff));
  jv_draw_rect(d, box->x, box->y, box->w, box->h);
  jv_draw_fill(d, JV_FILL_WINDING);
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
  jv_draw_line_width(d, 0.5);
  jv_draw_rect(d, box->x, box->y, box->w, box->h);
  jv_draw_stroke(d);
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_TEXT_RGB));
  jv_draw_text(d, box->x + 6, l->legend_title_y, "Legenda", JV_FONT_BOLD, size + 0.5,
               JV_ALIGN_LEFT);
  if (l->n_rows > 0) {
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_SOURCE_RGB));
    jv_draw_text(d, l->rows[0].count_x, l->legend_title_y, "gemeenten", JV_FONT_ITALIC, size - 1,
                 JV_ALIGN_RIGHT);
  }
  char buf[128];
  for (size_t i = 0; i < l->n_rows; i++) {
    const jv_map_legend_row *r = &l->rows[i];
    swatch(d, b, r->cls, r->swatch);
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_TEXT_RGB));
    jv_draw_text(d, r->label_x, r->baseline, r->label, JV_FONT_REGULAR, size, JV_ALIGN_LEFT);
    jv_draw_text(d, r->count_x, r->baseline, r->count, JV_FONT_REGULAR, size, JV_ALIGN_RIGHT);
  }
  if (l->small_row) {
    const jv_map_legend_row *r = &l->small;
    jv_draw_rgb(d, jv_rgb_hex(0xffffff));
    jv_draw_rect(d, r->swatch.x, r->swatch.y, r->swatch.w, r->swatch.h);
    jv_draw_fill(d, JV_FILL_WINDING);
    if (b->n > 0 && spec->data->small.mark == JV_SMALL_OUTLINE) {
      jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
      jv_draw_line_width(d, 1.0);
      jv_draw_dash(d, 1.5, 1.5);
      jv_draw_rect(d, r->swatch.x + 0.5, r->swatch.y + 0.5, r->swatch.w - 1, r->swatch.h - 1);
      jv_draw_stroke(d);
      jv_draw_dash(d, 0, 0);
    } else {
      draw_dot(d, r->swatch.x + r->swatch.w / 2, r->swatch.y + r->swatch.h / 2);
    }
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_BORDER_RGB));
    jv_draw_line_width(d, 0.4);
    jv_draw_rect(d, r->swatch.x, r->swatch.y, r->swatch.w, r->swatch.h);
    jv_draw_stroke(d);
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_TEXT_RGB));
    jv_draw_text(d, r->label_x, r->baseline, r->label, JV_FONT_REGULAR, size, JV_ALIGN_LEFT);
    jv_draw_text(d, r->count_x, r->baseline, r->count, JV_FONT_REGULAR, size, JV_ALIGN_RIGHT);
  }
  /* scale bar: RD metres are true metres, so one bar holds everywhere */
  double x = l->scalebar_x, y = l->scalebar_y;
  jv_draw_rgb(d, jv_rgb_hex(JV_MAP_OUTLINE_RGB));
  jv_draw_line_width(d, 0.8);
  jv_draw_move_to(d, x, y - 2.5);
  jv_draw_line_to(d, x, y);
  jv_draw_line_to(d, x + l->scalebar_len, y);
  jv_draw_line_to(d, x + l->scalebar_len, y - 2.5);
  jv_draw_stroke(d);
  snprintf(buf, sizeof(buf), "%lld km", l->scalebar_km);
  jv_draw_text(d, x + l->scalebar_len + 4, y, buf, JV_FONT_REGULAR, size - 1, JV_ALIGN_LEFT);
}

jv_status jv_map_draw(jv_draw *d, const jv_map_spec *spec, double x, double y, double w, double h,
                      jv_error *err)
{
  jv_map_layout_in in;
  jv_measure m;
  layout_in(&in, spec, &m, d->fonts);
  jv_map_layout l;
  jv_status st = jv_map_layout_compute(&l, &in, x, y, w, h, err);
  if (st != JV_OK)
    return st;
  jv_draw_save(d);
  jv_draw_rect(d, l.map.x, l.map.y, l.map.w, l.map.h);
  d->ops->clip(d->ctx, JV_FILL_WINDING);
  fill_shapes(d, &l, spec);
  bool *focus = malloc((spec->data->n + 1) * sizeof(*focus));
  if (!focus) {
    jv_draw_restore(d);
    jv_map_layout_free(&l);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  for (size_t s = 0; s < spec->data->n; s++)
    focus[s] = spec->data->items[s].focus;
  stroke_borders(d, &l, spec, focus);
  free(focus);
  draw_outline_marks(d, &l, spec);
  jv_draw_restore(d);
  if (spec->regional) {
    /* the neighbours are cut off at the frame: show where */
    jv_draw_rgb(d, jv_rgb_hex(JV_MAP_FAINT_LINE_RGB));
    jv_draw_line_width(d, 0.5);
    jv_draw_rect(d, l.map.x, l.map.y, l.map.w, l.map.h);
    jv_draw_stroke(d);
  }
  draw_labels(d, &l, spec);
  draw_legend(d, &l, spec);
  for (size_t s = 0; spec->on_anchor && s < spec->geo->n_shapes; s++) {
    if (!spec->data->items[s].focus)
      continue;
    double ax, ay;
    jv_map_layout_anchor(&l, spec->geo, s, &ax, &ay);
    spec->on_anchor(spec->anchor_ctx, s, ax, ay);
  }
  for (size_t i = 0; i < l.n_texts; i++) {
    const jv_map_text *t = &l.texts[i];
    jv_draw_rgb(d, jv_rgb_hex(t->grey ? JV_MAP_SOURCE_RGB : JV_MAP_TEXT_RGB));
    jv_draw_text(d, t->x, t->y, t->text, t->style, t->size, JV_ALIGN_LEFT);
  }
  jv_map_layout_free(&l);
  return JV_OK;
}
