/* Unit tests for the memo of layout/figure.c: a figure laid out again in
 * the same box with the same measure gets a copy of the scene it got before
 * (its lay_out is not called again); another box, another measure or a
 * failed layout calls lay_out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "layout/figure.h"

typedef struct {
  int calls;
  int fail_next;
} counter;

/* A scene that depends on the box: a rectangle, a colour and a text. */
static jv_status lay_out(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                         jv_error *err)
{
  counter *c = ctx;
  c->calls++;
  if (c->fail_next) {
    c->fail_next = 0;
    return jv_error_set(err, JV_EDATA, NULL, 0, 0, "no room");
  }
  jv_scene_rgb(out, (jv_rgb){0.25, 0.5, 0.75});
  jv_scene_rect(out, 1, 2, w - 2, h - 4);
  jv_scene_fill(out, JV_FILL_WINDING);
  jv_scene_text(out, w / 2, h / 2, m && m->ctx ? "met maat" : "zonder", JV_FONT_BOLD, 9,
                JV_ALIGN_CENTER, 0);
  return JV_OK;
}

static double width(void *ctx, jv_font_style st, double size, const char *s)
{
  (void)ctx;
  (void)st;
  return size * (double)strlen(s);
}

static void assert_scene_equal(const jv_scene *a, const jv_scene *b)
{
  assert_int_equal(a->n_op, b->n_op);
  assert_int_equal(a->n_num, b->n_num);
  assert_int_equal(a->n_text, b->n_text);
  assert_memory_equal(a->op, b->op, a->n_op * sizeof(*a->op));
  assert_memory_equal(a->num, b->num, a->n_num * sizeof(*a->num));
  assert_memory_equal(a->text, b->text, a->n_text);
}

static void drop(jv_scene *s)
{
  jv_scene_free(s);
  free(s);
}

static void test_same_box_is_copied(void **state)
{
  (void)state;
  counter c = {0, 0};
  jv_figure *f = calloc(1, sizeof(*f));
  assert_non_null(f);
  f->lay_out = lay_out;
  f->ctx = &c;
  int tag = 0;
  jv_measure m1 = {width, NULL}, m2 = {width, &tag};
  jv_error err;
  jv_scene *a, *b, *d, *e, *g;
  assert_int_equal(jv_figure_lay_out(f, &m1, 200, 100, &a, &err), JV_OK);
  assert_int_equal(jv_figure_lay_out(f, &m1, 200, 100, &b, &err), JV_OK);
  assert_int_equal(c.calls, 1);
  assert_ptr_not_equal(a->op, b->op); /* a copy each page can free */
  assert_scene_equal(a, b);
  assert_int_equal(jv_figure_lay_out(f, &m1, 200, 120, &d, &err), JV_OK);
  assert_int_equal(c.calls, 2);
  assert_int_equal(d->n_num, a->n_num);
  assert_memory_not_equal(d->num, a->num, a->n_num * sizeof(*a->num)); /* the taller box */
  assert_int_equal(jv_figure_lay_out(f, &m2, 200, 120, &e, &err), JV_OK);
  assert_int_equal(c.calls, 3);
  assert_string_not_equal(e->text, d->text);
  /* a failure is no memo: the next call lays out again */
  c.fail_next = 1;
  assert_int_equal(jv_figure_lay_out(f, &m1, 300, 100, &g, &err), JV_EDATA);
  assert_null(g);
  assert_int_equal(jv_figure_lay_out(f, &m1, 300, 100, &g, &err), JV_OK);
  assert_int_equal(c.calls, 5);
  drop(g);
  assert_int_equal(jv_figure_lay_out(f, &m1, 300, 100, &g, &err), JV_OK);
  assert_int_equal(c.calls, 5);
  drop(g);
  jv_figure_forget(f); /* after a change of ctx */
  assert_int_equal(jv_figure_lay_out(f, &m1, 300, 100, &g, &err), JV_OK);
  assert_int_equal(c.calls, 6);
  drop(g);
  /* without a measure nothing is kept */
  assert_int_equal(jv_figure_lay_out(f, NULL, 300, 100, &g, &err), JV_OK);
  drop(g);
  assert_int_equal(jv_figure_lay_out(f, NULL, 300, 100, &g, &err), JV_OK);
  assert_int_equal(c.calls, 8);
  drop(a);
  drop(b);
  drop(d);
  drop(e);
  drop(g);
  jv_figure_free(f);
}

static void test_scene_copy(void **state)
{
  (void)state;
  jv_scene s, t;
  jv_scene_init(&s);
  jv_error err;
  assert_int_equal(jv_scene_copy(&t, &s, &err), JV_OK); /* empty */
  assert_int_equal(t.n_op, 0);
  jv_scene_free(&t);
  jv_scene_move_to(&s, 1, 2);
  jv_scene_line_to(&s, 3, 4);
  jv_scene_stroke(&s);
  jv_scene_text(&s, 5, 6, "Dordrecht", JV_FONT_REGULAR, 7, JV_ALIGN_LEFT, 0);
  assert_int_equal(jv_scene_copy(&t, &s, &err), JV_OK);
  assert_scene_equal(&s, &t);
  jv_scene_free(&s);
  assert_string_equal(t.text + t.op[3].text, "Dordrecht");
  jv_scene_free(&t);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_same_box_is_copied),
      cmocka_unit_test(test_scene_copy),
  };
  return cmocka_run_group_tests_name("figure_memo", tests, NULL, NULL);
}
