/* chart_scene_keyfig.c - key-figure cards laid out: a large number, its detail,
 * label and period, centred on a tinted card. */
#include "layout/chart_scene_int.h"

jv_status jv_chart_scene_keyfigure(jv_scene *sc, const jv_measure *m, double x, double y, double w,
                                   double h, const jv_keyfigure_chart *c,
                                   const jv_chart_style *style, jv_error *err)
{
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(style, &def);
  jv_keyfigure_layout L;
  jv_status s = jv_keyfigure_layout_make(&L, c, m, st, x, y, w, h, err);
  if (s)
    return s;
  jv_chart_scene_frame(sc, &L.frame, &c->text, st, NULL, NULL);
  for (size_t i = 0; i < L.n; i++) {
    const jv_keyfigure *k = &c->item[i];
    jv_box b = L.card[i];
    jv_chart_rounded(sc, b, st->font_size * 0.8, st->panel);
    double cx = b.x + b.w / 2;
    /* the newest figure in the darkest blue, older ones a step lighter */
    jv_rgb vc = i == 0 ? st->ramp_dark : st->single;
    jv_chart_label(sc, cx, L.value_y[i], k->value, JV_FONT_BOLD, L.value_size[i], JV_ALIGN_CENTER,
                   vc);
    if (k->detail[0]) {
      /* "86" bold and its words regular, centred together */
      double ds = L.detail_size[i];
      double w1 = jv_measure_width(m, JV_FONT_BOLD, ds, k->detail);
      double w2 = k->detail_label[0] ? jv_measure_width(m, JV_FONT_REGULAR, ds, " ") +
                                           jv_measure_width(m, JV_FONT_REGULAR, ds, k->detail_label)
                                     : 0;
      double lx = cx - (w1 + w2) / 2;
      jv_chart_label(sc, lx, L.detail_y[i], k->detail, JV_FONT_BOLD, ds, JV_ALIGN_LEFT, st->single);
      if (k->detail_label[0])
        jv_chart_label(sc, lx + w1 + jv_measure_width(m, JV_FONT_REGULAR, ds, " "), L.detail_y[i],
                       k->detail_label, JV_FONT_REGULAR, ds, JV_ALIGN_LEFT, st->single);
    }
    if (k->label[0])
      jv_chart_label(sc, cx, L.label_y[i], k->label, JV_FONT_REGULAR, L.text_size[i],
                     JV_ALIGN_CENTER, st->text);
    if (k->period[0])
      jv_chart_label(sc, cx, L.period_y[i], k->period, JV_FONT_BOLD, L.text_size[i],
                     JV_ALIGN_CENTER, st->muted);
  }
  return jv_scene_status(sc, err);
}
