/* Unit tests for figure scenes: what layout records is what render paints,
 * an unsound scene is refused before anything is painted, and a figure
 * that fails to paint fails the PDF with the figure named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/paths.h"
#include "layout/figure.h"
#include "layout/scene.h"
#include "render/pdf_render.h"
#include "render/scene_paint.h"

/* A jv_draw that writes every call as one line of text. */
typedef struct {
  char log[4096];
  size_t n;
} recorder;

static void rec(recorder *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rec(recorder *r, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(r->log + r->n, sizeof(r->log) - r->n, fmt, ap);
  va_end(ap);
  if (k > 0 && r->n + (size_t)k < sizeof(r->log))
    r->n += (size_t)k;
}

static void r_move(void *c, double x, double y)
{
  rec(c, "M %g %g\n", x, y);
}
static void r_line(void *c, double x, double y)
{
  rec(c, "L %g %g\n", x, y);
}
static void r_curve(void *c, double a, double b, double d, double e, double f, double g)
{
  rec(c, "C %g %g %g %g %g %g\n", a, b, d, e, f, g);
}
static void r_close(void *c)
{
  rec(c, "Z\n");
}
static void r_rgb(void *c, jv_rgb k)
{
  rec(c, "rgb %g %g %g\n", k.r, k.g, k.b);
}
static void r_width(void *c, double w)
{
  rec(c, "w %g\n", w);
}
static void r_dash(void *c, double on, double off)
{
  rec(c, "dash %g %g\n", on, off);
}
static void r_fill(void *c, jv_fill_rule rule)
{
  rec(c, "fill %d\n", (int)rule);
}
static void r_stroke(void *c)
{
  rec(c, "stroke\n");
}
static void r_clip(void *c, jv_fill_rule rule)
{
  rec(c, "clip %d\n", (int)rule);
}
static void r_save(void *c)
{
  rec(c, "save\n");
}
static void r_restore(void *c)
{
  rec(c, "restore\n");
}
static void r_text(void *c, double x, double y, const char *s, jv_font_style st, double size,
                   jv_align al, double angle)
{
  rec(c, "text %g %g '%s' %d %g %d %g\n", x, y, s, (int)st, size, (int)al, angle);
}

static const jv_draw_ops rec_ops = {r_move, r_line,   r_curve, r_close, r_rgb,     r_width, r_dash,
                                    r_fill, r_stroke, r_clip,  r_save,  r_restore, r_text};

static void test_replays_in_order(void **state)
{
  (void)state;
  jv_scene s;
  jv_scene_init(&s);
  jv_scene_save(&s);
  jv_scene_rgb(&s, (jv_rgb){1, 0.5, 0});
  jv_scene_line_width(&s, 0.4);
  jv_scene_dash(&s, 3, 2.1);
  jv_scene_rect(&s, 1, 2, 10, 20);
  jv_scene_clip(&s, JV_FILL_EVENODD);
  jv_scene_move_to(&s, 0, 0);
  jv_scene_curve_to(&s, 1, 2, 3, 4, 5, 6);
  jv_scene_stroke(&s);
  jv_scene_restore(&s);
  char name[] = "Sliedrecht";
  jv_scene_text(&s, 5, 7, name, JV_FONT_BOLD, 8.5, JV_ALIGN_RIGHT, 90);
  name[0] = 'X'; /* the scene holds its own copy */
  jv_error err;
  assert_int_equal(jv_scene_status(&s, &err), JV_OK);
  recorder r = {{0}, 0};
  jv_draw d = {&rec_ops, &r, NULL};
  assert_int_equal(jv_scene_paint(&d, &s, &err), JV_OK);
  assert_string_equal(r.log, "save\nrgb 1 0.5 0\nw 0.4\ndash 3 2.1\nM 1 2\nL 11 2\nL 11 22\n"
                             "L 1 22\nZ\nclip 1\nM 0 0\nC 1 2 3 4 5 6\nstroke\nrestore\n"
                             "text 5 7 'Sliedrecht' 1 8.5 2 90\n");
  jv_scene_free(&s);
}

/* Paints s and expects a refusal whose message contains want, with nothing
 * painted. */
static void expect_refused(jv_scene *s, const char *want)
{
  recorder r = {{0}, 0};
  jv_draw d = {&rec_ops, &r, NULL};
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_scene_paint(&d, s, &err), JV_EINTERNAL);
  if (!strstr(err.msg, want))
    fail_msg("message '%s' lacks '%s'", err.msg, want);
  assert_int_equal(r.n, 0);
  jv_scene_free(s);
}

static void test_unsound_scenes_refused(void **state)
{
  (void)state;
  jv_scene s;
  jv_scene_init(&s);
  jv_scene_move_to(&s, 0, 0);
  jv_scene_rgb(&s, (jv_rgb){0, 0, 0}); /* PDF forbids this inside a path */
  jv_scene_line_to(&s, 1, 1);
  jv_scene_stroke(&s);
  expect_refused(&s, "operation 1: state or text change inside a path");

  jv_scene_init(&s);
  jv_scene_restore(&s);
  expect_refused(&s, "operation 0: restore without save");

  jv_scene_init(&s);
  jv_scene_save(&s);
  expect_refused(&s, "save without restore");

  jv_scene_init(&s);
  jv_scene_line_to(&s, 1, 1);
  expect_refused(&s, "path segment without a start point");

  jv_scene_init(&s);
  jv_scene_move_to(&s, 0, 0);
  expect_refused(&s, "path left open");

  jv_scene_init(&s);
  jv_scene_stroke(&s);
  s.oom = 1; /* an operation was lost to lack of memory */
  expect_refused(&s, "out of memory");
}

static jv_status bad_figure(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                            jv_error *err)
{
  (void)ctx, (void)m, (void)err;
  jv_scene_move_to(out, 0, 0);
  jv_scene_line_to(out, w, h);
  jv_scene_line_width(out, 2); /* inside the path */
  jv_scene_stroke(out);
  return JV_OK;
}

static jv_status small_figure(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                              jv_error *err)
{
  (void)ctx, (void)m, (void)out;
  return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "%.0f x %.0f points is too small", w, h);
}

/* A figure that cannot be laid out names itself; one whose scene cannot be
 * painted fails the PDF (named too) and leaves no file behind. */
static void test_failures_reach_the_caller(void **state)
{
  (void)state;
  jv_figure fig = {.width = 100, .height = 50, .lay_out = small_figure, .caption = "Kaart 1"};
  jv_scene *sc = (jv_scene *)1;
  jv_error err;
  assert_int_equal(jv_figure_lay_out(&fig, NULL, 100, 50, &sc, &err), JV_EUSAGE);
  assert_null(sc);
  assert_string_equal(err.msg, "figure 'Kaart 1': 100 x 50 points is too small");

  char home[4096], fontdir[4096];
  assert_int_equal(jv_paths_home(home, sizeof(home), &err), JV_OK);
  assert_int_equal(jv_paths_join(fontdir, sizeof(fontdir), home, "assets/fonts", &err), JV_OK);
  jv_fonts *fonts;
  assert_int_equal(jv_fonts_new(&fonts, fontdir, &err), JV_OK);
  fig.lay_out = bad_figure;
  jv_pages pages;
  jv_pages_init(&pages, 595, 842);
  jv_page *pg = jv_pages_add(&pages);
  assert_non_null(pg);
  assert_int_equal(jv_page_figure(pg, 50, 50, &fig), JV_OK);
  jv_item *it = jv_page_last(pg);
  assert_int_equal(jv_figure_lay_out(&fig, NULL, it->w, it->h, &it->scene, &err), JV_OK);
  char path[] = "/tmp/jv_scene_test.XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  unlink(path);
  jv_pdf_meta meta = {"t", "a", "s", "k", "nl-NL", 1, NULL};
  assert_int_equal(jv_pdf_render(&pages, &meta, fonts, path, &err), JV_EINTERNAL);
  assert_non_null(strstr(err.msg, "figure 'Kaart 1': figure operation 2: state or text change"));
  assert_int_not_equal(access(path, F_OK), 0);
  jv_pages_free(&pages);
  jv_fonts_free(fonts);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_replays_in_order),
      cmocka_unit_test(test_unsound_scenes_refused),
      cmocka_unit_test(test_failures_reach_the_caller),
  };
  return cmocka_run_group_tests_name("scene", tests, NULL, NULL);
}
