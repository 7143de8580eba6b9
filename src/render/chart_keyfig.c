/* chart_keyfig.c - drawing key-figure cards: a large number, its detail,
 * label and period, centred on a tinted card. */
#include "render/chart_common.h"

jv_status jv_chart_draw_keyfigure(jv_draw *d, double x, double y, double w, double h,
                                  const jv_keyfigure_chart *c, const jv_chart_style *style,
                                  jv_error *err)
{
  jv_chart_style def;
  const jv_chart_style *st = jv_chart_style_or_default(style, &def);
  jv_measure m = jv_chart_measure(d);
  jv_keyfigure_layout L;
  jv_status s = jv_keyfigure_layout_make(&L, c, &m, st, x, y, w, h, err);
  if (s)
    return s;
  jv_chart_draw_frame(d, &L.frame, &c->text, st, NULL, NULL);
  for (size_t i = 0; i < L.n; i++) {
    const jv_keyfigure *k = &c->item[i];
    jv_box b = L.card[i];
    jv_chart_rounded(d, b, st->font_size * 0.8, st->panel);
    double cx = b.x + b.w / 2;
    /* the newest figure in the darkest blue, older ones a step lighter */
    jv_rgb vc = i == 0 ? st->ramp_dark : st->single;
    jv_chart_label(d, cx, L.value_y[i], k->value, JV_FONT_BOLD, L.value_size[i], JV_ALIGN_CENTER,
                   vc);
    if (k->detail[0]) {
      /* "86" bold and its words regular, centred together */
      double ds = L.detail_size[i];
      double w1 = jv_draw_text_width(d, k->detail, JV_FONT_BOLD, ds);
      double w2 = k->detail_label[0]
                      ? jv_draw_text_width(d, " ", JV_FONT_REGULAR, ds) +
                            jv_draw_text_width(d, k->detail_label, JV_FONT_REGULAR, ds)
                      : 0;
      double lx = cx - (w1 + w2) / 2;
      jv_chart_label(d, lx, L.detail_y[i], k->detail, JV_FONT_BOLD, ds, JV_ALIGN_LEFT, st->single);
      if (k->detail_label[0])
        jv_chart_label(d, lx + w1 + jv_draw_text_width(d, " ", JV_FONT_REGULAR, ds), L.detail_y[i],
                       k->detail_label, JV_FONT_REGULAR, ds, JV_ALIGN_LEFT, st->single);
    }
    if (k->label[0])
      jv_chart_label(d, cx, L.label_y[i], k->label, JV_FONT_REGULAR, L.text_size[i],
                     JV_ALIGN_CENTER, st->text);
    if (k->period[0])
      jv_chart_label(d, cx, L.period_y[i], k->period, JV_FONT_BOLD, L.text_size[i], JV_ALIGN_CENTER,
                     st->muted);
  }
  return JV_OK;
}
