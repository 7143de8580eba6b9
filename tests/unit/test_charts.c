/* Unit tests for the chart engine: layout geometry (with a fixed-width fake
 * measure), text alternatives built from the seed data, and drawing every
 * kind through both backends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hpdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/dataset_read.h"
#include "input/paths.h"
#include "input/series_read.h"
#include "layout/chart_data.h"
#include "layout/chart_scene.h"
#include "render/draw_cairo.h"
#include "render/draw_hpdf.h"
#include "render/scene_paint.h"
#include "test_measure.h"

typedef struct {
  char home[4096];
  jv_dataset ds;
  jv_series_set set;
  jv_fonts *fonts;
  char dir[64];
} fixture;

static int setup(void **state)
{
  fixture *f = calloc(1, sizeof(*f));
  char path[4096], gem[4096], fontdir[4096];
  jv_error err;
  if (!f || jv_paths_home(f->home, sizeof(f->home), &err))
    return -1;
  jv_paths_join(path, sizeof(path), f->home, "data/zuid-holland-zuid/2017-2018", &err);
  jv_paths_join(gem, sizeof(gem), f->home, "assets/gemeenten", &err);
  if (jv_dataset_read_dir(&f->ds, path, gem, &err)) {
    fprintf(stderr, "%s\n", err.msg);
    return -1;
  }
  jv_series_set_init(&f->set);
  jv_paths_join(path, sizeof(path), f->home, "data/nationaal/series.csv", &err);
  if (jv_series_read(&f->set, path, &err))
    return -1;
  jv_paths_join(path, sizeof(path), f->home, "data/zuid-holland-zuid/reeksen.csv", &err);
  if (jv_series_read(&f->set, path, &err))
    return -1;
  jv_paths_join(fontdir, sizeof(fontdir), f->home, "assets/fonts", &err);
  if (jv_fonts_new(&f->fonts, fontdir, &err))
    return -1;
  snprintf(f->dir, sizeof(f->dir), "/tmp/jv_charts.XXXXXX");
  if (!mkdtemp(f->dir))
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  fixture *f = *state;
  char cmd[128];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
  int rc = system(cmd);
  jv_dataset_free(&f->ds);
  jv_series_set_free(&f->set);
  jv_fonts_free(f->fonts);
  free(f);
  return rc == 0 ? 0 : -1;
}

/* Every character half an em wide: predictable widths for geometry. */
static const test_widths half_em = {0.5, 0.5, 1};

static void test_comparison_geometry(void **state)
{
  (void)state;
  static const char *const names[] = {"Alblasserdam", "Binnenmaas", "Strijen", "Korendijk"};
  static const double values[] = {1.7, NAN, 1.7, 0.6};
  jv_comparison_chart c = {{"Absoluut verzuimers per 1.000", NULL, "test"},
                           4,
                           names,
                           values,
                           1,
                           0.6,
                           "Regio",
                           true,
                           NULL};
  jv_chart_style st;
  jv_chart_style_default(&st);
  jv_measure m = {test_fake_width, (void *)&half_em};
  jv_rows_layout L;
  jv_error err;
  assert_int_equal(jv_comparison_layout(&L, &c, &m, &st, 0, 0, 400, 200, &err), JV_OK);
  /* 0..1,7 with a 0,5 step ends at 2,0 */
  assert_true(L.ticks.hi == 2.0);
  /* sorted: highest first (ties in input order), n.b. last */
  assert_int_equal(L.order[0], 0);
  assert_int_equal(L.order[1], 2);
  assert_int_equal(L.order[2], 3);
  assert_int_equal(L.order[3], 1);
  /* bar lengths proportional to the rates, inside the plot */
  double x0 = jv_scale_map(&L.x, 0);
  double w17 = jv_scale_map(&L.x, 1.7) - x0, w06 = jv_scale_map(&L.x, 0.6) - x0;
  assert_true(fabs(w17 / w06 - 1.7 / 0.6) < 1e-9);
  assert_true(x0 == L.plot.x && L.plot.x + L.plot.w <= 400);
  /* names end before the bars; the reference sits at 0,6 and is labelled */
  assert_true(L.name_right < L.plot.x);
  assert_true(fabs(L.ref_x - (x0 + w06)) < 1e-9);
  assert_string_equal(L.ref_label, "Regio 0,6");
  /* rows do not overlap and stay above the tick labels */
  for (size_t r = 1; r < L.n; r++)
    assert_true(L.row_y[r] >= L.row_y[r - 1] + L.bar_h);
  assert_true(L.row_y[L.n - 1] + L.bar_h <= L.plot.y + L.plot.h);
  assert_true(L.tick_y > L.plot.y + L.plot.h);
  /* too little room is a usage error, not overlapping text */
  assert_int_equal(jv_comparison_layout(&L, &c, &m, &st, 0, 0, 400, 60, &err), JV_EUSAGE);
}

static void test_trend_geometry_and_end_labels(void **state)
{
  fixture *f = *state;
  jv_trend_data td;
  jv_error err;
  assert_int_equal(jv_trend_from_series(&td, &f->set, "langdurig_relatief_verzuim,thuiszitters_3m",
                                        JV_TREND_LINES, &err),
                   JV_OK);
  jv_chart_style st;
  jv_chart_style_default(&st);
  jv_measure m = {test_fake_width, (void *)&half_em};
  jv_trend_layout L;
  assert_int_equal(jv_trend_layout_make(&L, &td.chart, &m, &st, 0, 0, 480, 300, &err), JV_OK);
  assert_int_equal(L.first_year, 2011);
  assert_int_equal(L.n_years, 6);
  assert_true(L.integer && L.ticks.lo == 0 && L.ticks.hi >= 4287);
  /* 4.116 and 4.215 end close together: their labels are pushed apart */
  assert_true(L.end_labels);
  assert_true(fabs(L.end_label_y[0] - L.end_label_y[1]) >= L.value_size * 1.15 - 1e-9);
  assert_true(L.end_value[0] == 4116 && L.end_value[1] == 4215);
  /* one series with gaps: the range is the series' own */
  assert_int_equal(jv_trend_from_series(&td, &f->set, "processen_verbaal", JV_TREND_BARS, &err),
                   JV_OK);
  assert_int_equal(td.chart.n_series, 3);
  assert_string_equal(td.chart.text.title, "Processen-verbaal naar soort verzuim");
  assert_int_equal(jv_trend_layout_make(&L, &td.chart, &m, &st, 0, 0, 480, 300, &err), JV_OK);
  assert_int_equal(L.n_years, 5);
  /* mixing a count and a percentage is refused */
  assert_int_equal(jv_trend_from_series(&td, &f->set, "vsv,vsv_percentage", JV_TREND_BARS, &err),
                   JV_EUSAGE);
  /* a name that is both a series and a group means the series */
  assert_int_equal(jv_trend_from_series(&td, &f->set, "vsv", JV_TREND_BARS, &err), JV_OK);
  assert_int_equal(td.chart.n_series, 1);
  assert_int_equal(jv_trend_from_series(&td, &f->set, "bogus", JV_TREND_BARS, &err), JV_EUSAGE);
}

static void test_alt_texts(void **state)
{
  fixture *f = *state;
  jv_error err;
  jv_comparison_data cd;
  assert_int_equal(jv_comparison_from_dataset(&cd, &f->ds, JV_IND_ABSOLUUT, &err), JV_OK);
  char *alt = jv_comparison_chart_alt(&cd.chart);
  assert_non_null(alt);
  /* the seed table: 1,7 for Alblasserdam and Strijen, region 0,6 */
  assert_non_null(strstr(alt, "hoogst Alblasserdam en Strijen (1,7)"));
  assert_non_null(strstr(alt, "Regio 0,6"));
  assert_non_null(strstr(alt, "laagst 5 gemeenten (0,0)"));
  free(alt);
  assert_int_equal(jv_comparison_from_dataset(&cd, &f->ds, JV_IND_LPL_5_17, &err), JV_EUSAGE);

  jv_stacked_data sd;
  assert_int_equal(jv_stacked_from_dataset(&sd, &f->ds, "relatief", &err), JV_OK);
  assert_int_equal(sd.chart.n_segments, 6);
  alt = jv_stacked_chart_alt(&sd.chart);
  assert_non_null(alt);
  /* totals from the seed: VO 1.209, beroeps 530, BO/SBO 255, (V)SO 92, all 2.086;
   * the nvt categories are left out */
  assert_non_null(strstr(alt, "hoogste totaal Dordrecht (678)"));
  assert_non_null(
      strstr(alt, "samen 2.086: VO 1.209, Beroepsonderwijs 530, BO en SBO 255, (V)SO 92."));
  assert_null(strstr(alt, "onbekend"));
  free(alt);

  jv_trend_data td;
  assert_int_equal(jv_trend_from_series(&td, &f->set, "absoluut_verzuim", JV_TREND_BARS, &err),
                   JV_OK);
  alt = jv_trend_chart_alt(&td.chart);
  assert_string_equal(alt, "Absoluut verzuimers, 2012-2013 tot en met 2016-2017: van 6.762 in "
                           "2012-2013 naar 4.565 in 2016-2017; hoogst 6.762 (2012-2013), laagst "
                           "4.565 (2016-2017).");
  free(alt);
  /* gaps are named, not counted as zero */
  assert_int_equal(
      jv_trend_from_series(&td, &f->set, "absoluut_verzuim,relatief_verzuim", JV_TREND_LINES, &err),
      JV_OK);
  alt = jv_trend_chart_alt(&td.chart);
  assert_non_null(strstr(alt, "geen cijfer voor 2010-2011, 2011-2012"));
  assert_null(strstr(alt, " 0 "));
  free(alt);

  jv_keyfigure_data kd;
  assert_int_equal(jv_keyfigure_from_series_set(&kd, &f->set, "vsv", 3, &err), JV_OK);
  assert_int_equal(kd.chart.n, 3);
  assert_string_equal(kd.chart.item[0].value, "665");
  assert_string_equal(kd.chart.item[0].detail, "1,5%");
  assert_string_equal(kd.chart.item[0].period, "2016-2017");
  assert_string_equal(kd.chart.item[2].value, "699");
  alt = jv_keyfigure_chart_alt(&kd.chart);
  assert_non_null(strstr(alt, "665 voortijdig schoolverlaters (1,5%) in 2016-2017"));
  free(alt);
  assert_int_equal(jv_keyfigure_from_series_set(&kd, &f->set, "overstap", 2, &err), JV_OK);
  assert_int_equal(kd.chart.n, 2);
  assert_string_equal(kd.chart.item[0].value, "3.822");
  assert_string_equal(kd.chart.item[0].detail, "86");
  assert_string_equal(kd.chart.item[0].detail_label, "begeleide risicoleerlingen");
}

/* Lays all four kinds out in one scene and paints it into d; draw_cairo refuses state changes
 * inside a path, so this also checks the charts keep to jv_draw's rules. */
static void draw_all(fixture *f, jv_draw *d)
{
  jv_error err;
  jv_comparison_data cd;
  jv_stacked_data sd;
  jv_trend_data td, tl;
  jv_keyfigure_data kd;
  assert_int_equal(jv_comparison_from_dataset(&cd, &f->ds, JV_IND_ABSOLUUT, &err), JV_OK);
  assert_int_equal(jv_stacked_from_dataset(&sd, &f->ds, "relatief", &err), JV_OK);
  assert_int_equal(jv_trend_from_series(&td, &f->set, "vrijstellingen", JV_TREND_BARS, &err),
                   JV_OK);
  assert_int_equal(
      jv_trend_from_series(&tl, &f->set, "absoluut_naar_onderwijs", JV_TREND_LINES, &err), JV_OK);
  assert_int_equal(jv_keyfigure_from_series_set(&kd, &f->set, "vsv", 3, &err), JV_OK);
  jv_measure m = {test_font_width, f->fonts};
  jv_scene sc;
  jv_scene_init(&sc);
  assert_int_equal(jv_chart_scene_comparison(&sc, &m, 0, 0, 400, 300, &cd.chart, NULL, &err),
                   JV_OK);
  assert_int_equal(jv_chart_scene_stacked(&sc, &m, 400, 0, 400, 300, &sd.chart, NULL, &err), JV_OK);
  assert_int_equal(jv_chart_scene_trend(&sc, &m, 0, 300, 400, 250, &td.chart, NULL, &err), JV_OK);
  assert_int_equal(jv_chart_scene_trend(&sc, &m, 400, 300, 400, 250, &tl.chart, NULL, &err), JV_OK);
  assert_int_equal(jv_chart_scene_keyfigure(&sc, &m, 0, 550, 400, 200, &kd.chart, NULL, &err),
                   JV_OK);
  assert_int_equal(jv_scene_paint(d, &sc, &err), JV_OK);
  jv_scene_free(&sc);
}

static void test_draw_cairo(void **state)
{
  fixture *f = *state;
  char path[128];
  snprintf(path, sizeof(path), "%s/all.png", f->dir);
  jv_draw_cairo *c;
  jv_error err;
  assert_int_equal(jv_draw_cairo_open(&c, JV_SURFACE_PNG, path, 800, 750, 72, f->fonts, &err),
                   JV_OK);
  draw_all(f, jv_draw_cairo_draw(c));
  if (jv_draw_cairo_finish(c, &err) != JV_OK)
    fail_msg("%s", err.msg);
  jv_draw_cairo_free(c);
  assert_int_equal(access(path, R_OK), 0);
}

static void on_hpdf_error(HPDF_STATUS e, HPDF_STATUS d, void *user)
{
  (void)d;
  *(HPDF_STATUS *)user = e;
}

/* The same charts on a libharu page: no libharu error (state changes
 * outside paths) and the labels are real text. */
static void test_draw_hpdf(void **state)
{
  fixture *f = *state;
  HPDF_STATUS herr = 0;
  HPDF_Doc pdf = HPDF_New(on_hpdf_error, &herr);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  HPDF_Font font[JV_FONT_STYLE_COUNT];
  for (int i = 0; i < JV_FONT_STYLE_COUNT; i++)
    font[i] = HPDF_GetFont(
        pdf, HPDF_LoadTTFontFromFile(pdf, jv_fonts_path(f->fonts, (jv_font_style)i), HPDF_TRUE),
        "UTF-8");
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(page, 800);
  HPDF_Page_SetHeight(page, 750);
  jv_draw_hpdf h;
  jv_draw_hpdf_init(&h, page, font, f->fonts, 0, 750);
  draw_all(f, &h.draw);
  assert_int_equal(herr, 0);
  char path[128], cmd[256];
  snprintf(path, sizeof(path), "%s/all.pdf", f->dir);
  assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
  HPDF_Free(pdf);
  snprintf(cmd, sizeof(cmd), "pdftotext '%s' - 2>/dev/null", path);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  static char text[65536];
  size_t n = fread(text, 1, sizeof(text) - 1, p);
  text[n] = '\0';
  pclose(p);
  assert_non_null(strstr(text, "Regio 0,6"));
  assert_non_null(strstr(text, "Hardinxveld-Giessendam"));
  assert_non_null(strstr(text, "Artikel 5 onder a"));
  assert_non_null(strstr(text, "2016-2017"));
  assert_non_null(strstr(text, "665"));
}

/* CIE L*a*b* (D65) of an sRGB colour. */
static void to_lab(jv_rgb c, double lab[3])
{
  double v[3] = {c.r, c.g, c.b};
  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
  double xyz[3] = {(0.4124 * v[0] + 0.3576 * v[1] + 0.1805 * v[2]) / 0.95047,
                   0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2],
                   (0.0193 * v[0] + 0.1192 * v[1] + 0.9505 * v[2]) / 1.08883};
  for (int i = 0; i < 3; i++)
    xyz[i] = xyz[i] > 0.008856 ? cbrt(xyz[i]) : 7.787 * xyz[i] + 16.0 / 116.0;
  lab[0] = 116 * xyz[1] - 16;
  lab[1] = 500 * (xyz[0] - xyz[1]);
  lab[2] = 200 * (xyz[1] - xyz[2]);
}

/* Neighbouring segments of a stacked bar (2 to 6 series) differ by delta E
 * (CIE76) >= 15 and, for greyscale print, by >= 10 in lightness L*. */
static void test_series_colours_apart(void **state)
{
  (void)state;
  jv_chart_style st;
  jv_chart_style_default(&st);
  for (size_t n = 2; n <= 6; n++)
    for (size_t k = 0; k + 1 < n; k++) {
      double a[3], b[3];
      to_lab(jv_chart_series_color(&st, k, n), a);
      to_lab(jv_chart_series_color(&st, k + 1, n), b);
      double de = sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                       (a[2] - b[2]) * (a[2] - b[2]));
      if (de < 15 || a[0] - b[0] > -10)
        fail_msg("%zu series: colours %zu and %zu: delta E %.1f, L* %.1f -> %.1f", n, k, k + 1, de,
                 a[0], b[0]);
    }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_comparison_geometry),
      cmocka_unit_test(test_trend_geometry_and_end_labels),
      cmocka_unit_test(test_alt_texts),
      cmocka_unit_test(test_draw_cairo),
      cmocka_unit_test(test_draw_hpdf),
      cmocka_unit_test(test_series_colours_apart),
  };
  return cmocka_run_group_tests_name("charts", tests, setup, teardown);
}
