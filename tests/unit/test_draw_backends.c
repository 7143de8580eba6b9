/* Unit tests for the two jv_draw backends: cairo files are reproducible and
 * atomic, libharu pages carry real text at the measured positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "input/paths.h"
#include "render/draw_cairo.h"
#include "render/draw_hpdf.h"
#include "render/scene_paint.h"

#include "fonts_fixture.h"

/* A small drawing that touches every operation, painted through d. */
static void scene(jv_draw *d)
{
  jv_scene s;
  jv_scene_init(&s);
  jv_scene_rgb(&s, (jv_rgb){0.0, 0.45, 0.70});
  jv_scene_rect(&s, 10, 10, 50, 30);
  jv_scene_fill(&s, JV_FILL_WINDING);
  jv_scene_save(&s);
  jv_scene_rect(&s, 0, 0, 100, 45);
  jv_scene_clip(&s, JV_FILL_WINDING);
  jv_scene_rgb(&s, (jv_rgb){0.8, 0.4, 0.0});
  jv_scene_line_width(&s, 1.5);
  jv_scene_dash(&s, 3, 2);
  jv_scene_move_to(&s, 0, 50);
  jv_scene_curve_to(&s, 30, 0, 60, 90, 100, 40);
  jv_scene_stroke(&s);
  jv_scene_restore(&s);
  jv_scene_rgb(&s, (jv_rgb){0, 0, 0});
  jv_scene_text(&s, 50, 70, "Regio 0,6", JV_FONT_REGULAR, 10, JV_ALIGN_CENTER, 0);
  jv_scene_text(&s, 90, 90, "2016-2017", JV_FONT_BOLD, 8, JV_ALIGN_RIGHT, 90);
  jv_error err;
  assert_int_equal(jv_scene_paint(d, &s, &err), JV_OK);
  jv_scene_free(&s);
}

static char *slurp(const char *path, size_t *n)
{
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  fseek(fp, 0, SEEK_END);
  long len = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  char *buf = malloc((size_t)len + 1);
  if (buf && fread(buf, 1, (size_t)len, fp) != (size_t)len) {
    free(buf);
    buf = NULL;
  }
  fclose(fp);
  if (buf) {
    buf[len] = '\0';
    *n = (size_t)len;
  }
  return buf;
}

static int contains(const char *hay, size_t n, const char *needle)
{
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (memcmp(hay + i, needle, m) == 0)
      return 1;
  return 0;
}

static void render(fixture *f, const char *path)
{
  jv_surface_kind kind;
  jv_draw_cairo *c;
  jv_error err;
  assert_int_equal(jv_surface_kind_from_path(path, &kind), 0);
  assert_int_equal(jv_draw_cairo_open(&c, kind, path, 100, 100, 144, f->fonts, &err), JV_OK);
  scene(jv_draw_cairo_draw(c));
  if (jv_draw_cairo_finish(c, &err) != JV_OK)
    fail_msg("%s", err.msg);
  jv_draw_cairo_free(c);
}

static void test_cairo_reproducible(void **state)
{
  fixture *f = *state;
  static const char *exts[] = {"png", "svg", "pdf"};
  setenv("SOURCE_DATE_EPOCH", "1546300800", 1);
  for (int i = 0; i < 3; i++) {
    char a[512], b[512];
    snprintf(a, sizeof(a), "%s/a.%s", f->dir, exts[i]);
    snprintf(b, sizeof(b), "%s/b.%s", f->dir, exts[i]);
    /* each run in its own process, as two runs of the program: cairo's SVG
     * surface ids count surfaces process-wide */
    for (int k = 0; k < 2; k++) {
      pid_t pid = fork();
      assert_true(pid >= 0);
      if (pid == 0) {
        render(f, k ? b : a);
        _exit(0);
      }
      int status = 0;
      assert_int_equal(waitpid(pid, &status, 0), pid);
      assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    size_t na = 0, nb = 0;
    char *da = slurp(a, &na), *db = slurp(b, &nb);
    assert_non_null(da);
    assert_non_null(db);
    assert_true(na > 100);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, na);
    if (i == 0) /* PNG at 144 dpi: 100 pt = 200 px wide */
      assert_int_equal(((unsigned char)da[16] << 24 | (unsigned char)da[17] << 16 |
                        (unsigned char)da[18] << 8 | (unsigned char)da[19]),
                       200);
    if (i == 2) /* cairo 1.16 writes the date without the "D:" prefix */
      assert_true(contains(da, na, "/CreationDate (20190101000000Z)"));
    free(da);
    free(db);
  }
}

static void test_kind_from_path(void **state)
{
  (void)state;
  jv_surface_kind k;
  assert_int_equal(jv_surface_kind_from_path("x/chart.PNG", &k), 0);
  assert_int_equal(k, JV_SURFACE_PNG);
  assert_int_equal(jv_surface_kind_from_path("chart.svg", &k), 0);
  assert_int_equal(k, JV_SURFACE_SVG);
  assert_int_equal(jv_surface_kind_from_path("a.b/chart.pdf", &k), 0);
  assert_int_equal(k, JV_SURFACE_PDF);
  assert_int_equal(jv_surface_kind_from_path("a.png/chart", &k), -1);
  assert_int_equal(jv_surface_kind_from_path("chart.jpg", &k), -1);
}

/* A state change inside an open path is refused at finish, the target is
 * left untouched and no temporary file remains. */
static void test_cairo_misuse_is_reported(void **state)
{
  fixture *f = *state;
  char path[512];
  snprintf(path, sizeof(path), "%s/bad.png", f->dir);
  jv_draw_cairo *c;
  jv_error err;
  assert_int_equal(jv_draw_cairo_open(&c, JV_SURFACE_PNG, path, 50, 50, 72, f->fonts, &err), JV_OK);
  jv_draw *d = jv_draw_cairo_draw(c);
  jv_draw_move_to(d, 0, 0);
  jv_draw_rgb(d, (jv_rgb){1, 0, 0});
  jv_draw_line_to(d, 10, 10);
  jv_draw_stroke(d);
  assert_int_equal(jv_draw_cairo_finish(c, &err), JV_EINTERNAL);
  assert_non_null(strstr(err.msg, "inside an open path"));
  jv_draw_cairo_free(c);
  struct stat sb;
  assert_int_not_equal(stat(path, &sb), 0);
  char cmd[600];
  snprintf(cmd, sizeof(cmd), "test -z \"$(ls -A '%s' | grep '^\\.bad')\"", f->dir);
  assert_int_equal(system(cmd), 0);
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS d, void *user)
{
  (void)d;
  *(HPDF_STATUS *)user = e;
}

/* The libharu backend: text is extractable, and the right-aligned label
 * ends where jv_fonts_text_width says (checked through pdftotext -bbox). */
static void test_hpdf_text_and_paths(void **state)
{
  fixture *f = *state;
  HPDF_STATUS herr = 0;
  HPDF_Doc pdf = HPDF_New(hpdf_error, &herr);
  assert_non_null(pdf);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  HPDF_Font font[JV_FONT_STYLE_COUNT];
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    const char *name =
        HPDF_LoadTTFontFromFile(pdf, jv_fonts_path(f->fonts, (jv_font_style)i), HPDF_TRUE);
    font[i] = HPDF_GetFont(pdf, name, "UTF-8");
  }
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(page, 300);
  HPDF_Page_SetHeight(page, 200);
  jv_draw_hpdf h;
  jv_draw_hpdf_init(&h, page, font, f->fonts, 50, 150); /* drawing (0,0) at page (50,150) */
  scene(&h.draw);
  jv_draw_text(&h.draw, 200, 120, "Alblasserdam 1,7", JV_FONT_REGULAR, 10, JV_ALIGN_RIGHT);
  /* a non-BMP code point and invalid UTF-8 must not break the page */
  jv_draw_text(&h.draw, 0, 130, "x\xF0\x9F\x98\x80y\xC3", JV_FONT_REGULAR, 10, JV_ALIGN_LEFT);
  char path[512];
  snprintf(path, sizeof(path), "%s/h.pdf", f->dir);
  assert_int_equal(herr, 0);
  assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
  HPDF_Free(pdf);

  char cmd[1024];
  snprintf(cmd, sizeof(cmd), "pdftotext -bbox '%s' - 2>/dev/null", path);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  char line[512];
  int saw_regio = 0, saw_year = 0;
  double xmax_17 = -1;
  while (fgets(line, sizeof(line), p)) {
    if (strstr(line, ">Regio<"))
      saw_regio = 1;
    if (strstr(line, ">2016-2017<"))
      saw_year = 1;
    double x0, y0, x1, y1;
    if (strstr(line, ">1,7<") &&
        sscanf(strstr(line, "xMin"), "xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0,
               &y0, &x1, &y1) == 4)
      xmax_17 = x1;
  }
  pclose(p);
  assert_true(saw_regio);
  assert_true(saw_year);
  /* right edge at page x 50 + 200 = 250 (within rounding of pdftotext) */
  assert_true(xmax_17 > 249.0 && xmax_17 < 251.0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kind_from_path),
      cmocka_unit_test(test_cairo_reproducible),
      cmocka_unit_test(test_cairo_misuse_is_reported),
      cmocka_unit_test(test_hpdf_text_and_paths),
  };
  return cmocka_run_group_tests_name("draw_backends", tests, setup, teardown);
}
