/* Unit tests for the map as a report figure: prepared from the bundled
 * Zuid-Holland Zuid data, its text alternative states each class with its
 * municipalities, and it paints through the libharu backend into a PDF page
 * with every name as real text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/dataset_read.h"
#include "pipeline/map_job.h"
#include "render/draw_hpdf.h"
#include "render/scene_paint.h"

typedef struct {
  jv_env env;
  jv_dataset ds;
  jv_fonts *fonts;
} fixture;

static int setup(void **state)
{
  fixture *f = calloc(1, sizeof(*f));
  jv_error err;
  if (!f || jv_env_init(&f->env, &err) != JV_OK ||
      jv_dataset_read_dir(&f->ds, f->env.default_data, f->env.gemeenten, &err) != JV_OK ||
      jv_fonts_new(&f->fonts, f->env.fonts, &err) != JV_OK)
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  fixture *f = *state;
  jv_dataset_free(&f->ds);
  jv_fonts_free(f->fonts);
  free(f);
  return 0;
}

static jv_map_prepared *prepare(fixture *f, jv_indicator ind)
{
  jv_map_opts o;
  memset(&o, 0, sizeof(o));
  o.ind = ind;
  jv_map_prepared *m;
  jv_diags warn;
  jv_error err;
  jv_diags_init(&warn);
  if (jv_map_prepare(&m, &f->env, &f->ds, &o, &warn, &err) != JV_OK)
    fail_msg("prepare: %s", err.msg);
  assert_int_equal(warn.count, 0);
  jv_diags_free(&warn);
  return m;
}

static void test_alt_text(void **state)
{
  fixture *f = *state;
  jv_map_prepared *m = prepare(f, JV_IND_VRIJ_5A);
  assert_string_equal(jv_map_prepared_title(m), "Leerplichttelling 2018: Vrijstelling artikel 5 "
                                                "onder a 2017-2018 naar gemeenten");
  char *alt = jv_map_prepared_alt(m);
  assert_non_null(alt);
  /* counts per class and the names with their rates, from the seed report */
  assert_non_null(strstr(alt, "voor 17 gemeenten in Zuid-Holland Zuid"));
  assert_non_null(strstr(alt, "5 of meer per 1.000: 1 gemeente (Sliedrecht 7,9)."));
  assert_non_null(strstr(alt, "1 tot 2 per 1.000: 3 gemeenten (Molenwaard 1,3, Papendrecht 1,6, "
                              "Zederik 1,3)."));
  assert_null(strstr(alt, "geen gegevens")); /* every member has data */
  free(alt);
  jv_map_prepared_free(m);
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS d, void *user)
{
  (void)d;
  *(HPDF_STATUS *)user = e;
}

static void test_figure_in_pdf(void **state)
{
  fixture *f = *state;
  jv_figure *fig;
  jv_error err;
  assert_int_equal(jv_map_figure_new(&fig, prepare(f, JV_IND_ABSOLUUT), f->fonts, 420, &err),
                   JV_OK);
  /* the region is wider than high: the figure is too */
  assert_true(fig->height > 150 && fig->height < 420);
  assert_non_null(strstr(fig->caption, "Absoluut verzuimers"));
  assert_non_null(strstr(fig->alt, "geen: 5 gemeenten"));

  HPDF_STATUS herr = 0;
  HPDF_Doc pdf = HPDF_New(hpdf_error, &herr);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  HPDF_Font font[JV_FONT_STYLE_COUNT];
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++) {
    const char *name =
        HPDF_LoadTTFontFromFile(pdf, jv_fonts_path(f->fonts, (jv_font_style)i), HPDF_TRUE);
    font[i] = HPDF_GetFont(pdf, name, "UTF-8");
  }
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(page, 595);
  HPDF_Page_SetHeight(page, 842);
  jv_draw_hpdf h;
  jv_draw_hpdf_init(&h, page, font, f->fonts, 90, 700);
  jv_measure me = jv_job_measure(f->fonts);
  jv_scene *sc;
  assert_int_equal(jv_figure_lay_out(fig, &me, fig->width, fig->height, &sc, &err), JV_OK);
  assert_int_equal(jv_scene_paint(&h.draw, sc, &err), JV_OK);
  jv_scene_free(sc);
  free(sc);
  char path[] = "/tmp/jv_map_figure.XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  assert_int_equal(herr, 0);
  assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
  HPDF_Free(pdf);
  jv_figure_free(fig);

  char cmd[600];
  snprintf(cmd, sizeof(cmd), "pdftotext '%s' - 2>/dev/null", path);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  /* pdftotext may join neighbouring labels on one line: search the text */
  static char text[65536];
  size_t len = fread(text, 1, sizeof(text) - 1, p);
  text[len] = '\0';
  pclose(p);
  unlink(path);
  int names = 0, credit = strstr(text, "Bron grenzen: CBS/Kadaster (PDOK)") != NULL;
  for (size_t i = 0; i < f->ds.n_munis; i++)
    names += strstr(text, f->ds.munis[i].name) != NULL;
  assert_int_equal(names, 17);
  assert_true(credit);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alt_text),
      cmocka_unit_test(test_figure_in_pdf),
  };
  return cmocka_run_group_tests_name("map_figure", tests, setup, teardown);
}
