/* cmd_chart.c - `jaarverslag chart`: one chart as a PNG, SVG or PDF file.
 * Argument parsing and exit codes only; data, layout and drawing live in
 * input/, layout/chart_data.c and render/chart*.c. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "input/dataset_read.h"
#include "input/paths.h"
#include "input/series_read.h"
#include "layout/chart_data.h"
#include "render/chart.h"
#include "render/draw_cairo.h"
#include "util/error.h"

#define DEFAULT_DATA "data/zuid-holland-zuid/2017-2018"
#define MAX_SERIES_FILES 8

static const char *const default_series[] = {"data/nationaal/series.csv",
                                             "data/zuid-holland-zuid/reeksen.csv"};

typedef enum { K_TREND, K_COMPARISON, K_STACKED, K_KEYFIGURE, K_NONE } kind;
static const char *const kind_names[] = {"trend", "comparison", "stacked", "keyfigure"};

typedef struct {
  kind kind;
  const char *indicator;
  const char *data;
  const char *series[MAX_SERIES_FILES];
  size_t n_series;
  const char *output;
  const char *title, *source;
  double width, height, dpi;
  int lines, sorted, alt, geometry;
  long years;
} options;

static void usage(FILE *out)
{
  fprintf(out,
          "Usage: jaarverslag chart --kind KIND --indicator NAME -o FILE [options]\n\n"
          "Draws one chart as FILE.png, FILE.svg or FILE.pdf (by extension).\n\n"
          "Kinds:\n"
          "  trend       series over school years (bars; --lines for lines). NAME is a\n"
          "              series, a comma-separated list or a group (vrijstellingen, ...)\n"
          "  comparison  per municipality per 1.000 leerplichtigen, with the regional\n"
          "              average as a dashed line. NAME is an indicator of the data\n"
          "              directory, e.g. absoluut_verzuim\n"
          "  stacked     per municipality by onderwijssoort. NAME is relatief or\n"
          "              processen_verbaal\n"
          "  keyfigure   the latest figures of a series or group large, e.g. vsv\n\n"
          "Options:\n"
          "  -k, --kind KIND        trend, comparison, stacked or keyfigure\n"
          "  -i, --indicator NAME   what to chart (see above and data/README.md)\n"
          "  -o, --output FILE      the file to write (.png, .svg or .pdf)\n"
          "  -d, --data DIR         per-year data directory for comparison and stacked\n"
          "                         (default: the bundled " DEFAULT_DATA ")\n"
          "  -s, --series FILE      series file for trend and keyfigure; repeatable\n"
          "                         (default: the bundled data/nationaal/series.csv and\n"
          "                         data/zuid-holland-zuid/reeksen.csv)\n"
          "  -W, --width PT         width in points (default 480)\n"
          "  -H, --height PT        height in points (default 300)\n"
          "      --dpi N            PNG resolution (default 144; 72 = 1 pixel per point)\n"
          "      --lines            trend: lines with markers instead of bars\n"
          "      --sorted           comparison: highest rate first\n"
          "      --years N          keyfigure: how many school years (default 3)\n"
          "      --title TEXT       replace the title\n"
          "      --source TEXT      replace the source line (after \"Bron: \")\n"
          "      --alt              print the chart's text alternative on stdout\n"
          "      --geometry         print the bars' boxes (points) on stdout, for tests\n"
          "  -h, --help             show this help\n\n"
          "Exit status: 0 written, 64 wrong usage, 65 malformed data, 66 missing input,\n"
          "73 output cannot be created.\n");
}

static int usage_error(const char *fmt, const char *arg)
{
  fprintf(stderr, "jaarverslag chart: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nRun 'jaarverslag chart --help' for the options.\n");
  return JV_EUSAGE;
}

/* A positive number within [lo, hi]; -1 when the text is not one. */
static double parse_number(const char *s, double lo, double hi)
{
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || !(v >= lo && v <= hi))
    return -1;
  return v;
}

static int parse_options(options *o, int argc, char **argv)
{
  enum { O_DPI = 256, O_LINES, O_SORTED, O_YEARS, O_TITLE, O_SOURCE, O_ALT, O_GEOMETRY };
  static const struct option opts[] = {
      {"kind", required_argument, NULL, 'k'},  {"indicator", required_argument, NULL, 'i'},
      {"output", required_argument, NULL, 'o'}, {"data", required_argument, NULL, 'd'},
      {"series", required_argument, NULL, 's'}, {"width", required_argument, NULL, 'W'},
      {"height", required_argument, NULL, 'H'}, {"dpi", required_argument, NULL, O_DPI},
      {"lines", no_argument, NULL, O_LINES},    {"sorted", no_argument, NULL, O_SORTED},
      {"years", required_argument, NULL, O_YEARS}, {"title", required_argument, NULL, O_TITLE},
      {"source", required_argument, NULL, O_SOURCE}, {"alt", no_argument, NULL, O_ALT},
      {"geometry", no_argument, NULL, O_GEOMETRY}, {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  memset(o, 0, sizeof(*o));
  o->kind = K_NONE;
  o->width = 480;
  o->height = 300;
  o->dpi = 144;
  o->years = 3;
  int c;
  while ((c = getopt_long(argc, argv, "k:i:o:d:s:W:H:h", opts, NULL)) != -1) {
    switch (c) {
    case 'k': {
      int k = 0;
      while (k < K_NONE && strcmp(kind_names[k], optarg) != 0)
        k++;
      if (k == K_NONE)
        return usage_error("unknown kind '%s': use trend, comparison, stacked or keyfigure",
                           optarg);
      o->kind = (kind)k;
      break;
    }
    case 'i':
      o->indicator = optarg;
      break;
    case 'o':
      o->output = optarg;
      break;
    case 'd':
      o->data = optarg;
      break;
    case 's':
      if (o->n_series == MAX_SERIES_FILES)
        return usage_error("too many --series files (at most %s)", "8");
      o->series[o->n_series++] = optarg;
      break;
    case 'W':
    case 'H': {
      double v = parse_number(optarg, 72, 5000);
      if (v < 0)
        return usage_error("size '%s': give points between 72 and 5000", optarg);
      if (c == 'W')
        o->width = v;
      else
        o->height = v;
      break;
    }
    case O_DPI:
      if ((o->dpi = parse_number(optarg, 10, 1200)) < 0)
        return usage_error("--dpi '%s': give a number between 10 and 1200", optarg);
      break;
    case O_YEARS: {
      double v = parse_number(optarg, 1, JV_CHART_MAX_KEYFIGURES);
      if (v < 0 || v != floor(v))
        return usage_error("--years '%s': give a whole number from 1 to 6", optarg);
      o->years = (long)v;
      break;
    }
    case O_LINES:
      o->lines = 1;
      break;
    case O_SORTED:
      o->sorted = 1;
      break;
    case O_TITLE:
      o->title = optarg;
      break;
    case O_SOURCE:
      o->source = optarg;
      break;
    case O_ALT:
      o->alt = 1;
      break;
    case O_GEOMETRY:
      o->geometry = 1;
      break;
    case 'h':
      usage(stdout);
      return -1;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind < argc)
    return usage_error("unexpected argument '%s'", argv[optind]);
  if (o->kind == K_NONE)
    return usage_error("%s", "missing --kind (trend, comparison, stacked or keyfigure)");
  if (!o->indicator)
    return usage_error("%s", "missing --indicator NAME");
  if (!o->output)
    return usage_error("%s", "missing -o FILE (.png, .svg or .pdf)");
  jv_surface_kind sk;
  if (jv_surface_kind_from_path(o->output, &sk) != 0)
    return usage_error("output '%s': the name must end in .png, .svg or .pdf", o->output);
  if ((o->kind == K_TREND || o->kind == K_KEYFIGURE) && o->data)
    return usage_error("--data is for comparison and stacked charts; %s reads --series",
                       kind_names[o->kind]);
  if ((o->kind == K_COMPARISON || o->kind == K_STACKED) && o->n_series)
    return usage_error("--series is for trend and keyfigure charts; %s reads --data",
                       kind_names[o->kind]);
  return 0;
}

/* Everything a chart may have been built from; freed in one place. */
typedef struct {
  jv_dataset ds;
  int have_ds;
  jv_series_set set;
  jv_comparison_data comparison;
  jv_stacked_data stacked;
  jv_trend_data trend;
  jv_keyfigure_data keyfigure;
} sources;

static jv_status load(sources *src, const options *o, const char *home, jv_error *err)
{
  char path[PATH_MAX], gem[PATH_MAX];
  jv_status st = JV_OK;
  if (o->kind == K_COMPARISON || o->kind == K_STACKED) {
    const char *dir = o->data;
    if (!dir) {
      if ((st = jv_paths_join(path, sizeof(path), home, DEFAULT_DATA, err)))
        return st;
      dir = path;
    }
    if ((st = jv_paths_join(gem, sizeof(gem), home, "assets/gemeenten", err)))
      return st;
    if ((st = jv_dataset_read_dir(&src->ds, dir, gem, err)))
      return st;
    src->have_ds = 1;
    if (o->kind == K_COMPARISON) {
      jv_indicator ind;
      if (jv_indicator_from_name(o->indicator, &ind) != 0)
        return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                            "unknown indicator '%s' (see 'jaarverslag indicators')",
                            o->indicator);
      return jv_comparison_from_dataset(&src->comparison, &src->ds, ind, err);
    }
    /* the group, also when named by one of its indicators ("relatief_vo") */
    const char *group = o->indicator;
    jv_indicator ind;
    if (jv_indicator_from_name(o->indicator, &ind) == 0)
      group = jv_indicator_group(ind);
    if (strcmp(o->indicator, "relatief_verzuim") == 0)
      group = "relatief";
    return jv_stacked_from_dataset(&src->stacked, &src->ds, group, err);
  }
  if (o->n_series) {
    for (size_t i = 0; i < o->n_series && st == JV_OK; i++)
      st = jv_series_read(&src->set, o->series[i], err);
  } else {
    for (size_t i = 0; i < sizeof(default_series) / sizeof(default_series[0]) && !st; i++) {
      st = jv_paths_join(path, sizeof(path), home, default_series[i], err);
      if (st == JV_OK)
        st = jv_series_read(&src->set, path, err);
    }
  }
  if (st)
    return st;
  if (o->kind == K_TREND)
    return jv_trend_from_series(&src->trend, &src->set, o->indicator,
                                o->lines ? JV_TREND_LINES : JV_TREND_BARS, err);
  return jv_keyfigure_from_series_set(&src->keyfigure, &src->set, o->indicator,
                                      (size_t)o->years, err);
}

static jv_chart_text *chart_text(sources *src, kind k)
{
  switch (k) {
  case K_TREND:
    return &src->trend.chart.text;
  case K_COMPARISON:
    return &src->comparison.chart.text;
  case K_STACKED:
    return &src->stacked.chart.text;
  default:
    return &src->keyfigure.chart.text;
  }
}

static jv_status draw(sources *src, const options *o, jv_draw *d, jv_error *err)
{
  /* a small margin so nothing touches the image edge */
  double m = 10, x = m, y = m, w = o->width - 2 * m, h = o->height - 2 * m;
  switch (o->kind) {
  case K_TREND:
    return jv_chart_draw_trend(d, x, y, w, h, &src->trend.chart, NULL, err);
  case K_COMPARISON:
    src->comparison.chart.sorted = o->sorted;
    return jv_chart_draw_comparison(d, x, y, w, h, &src->comparison.chart, NULL, err);
  case K_STACKED:
    return jv_chart_draw_stacked(d, x, y, w, h, &src->stacked.chart, NULL, err);
  default:
    return jv_chart_draw_keyfigure(d, x, y, w, h, &src->keyfigure.chart, NULL, err);
  }
}

/* The boxes of the bars, one per line: "bar <row> <name> x y w h" (points). */
static void print_geometry(sources *src, const options *o, jv_draw *d)
{
  if (o->kind != K_COMPARISON)
    return;
  jv_chart_style st;
  jv_chart_style_default(&st);
  jv_measure me = jv_chart_measure(d);
  jv_rows_layout L;
  jv_error err;
  const jv_comparison_chart *c = &src->comparison.chart;
  if (jv_comparison_layout(&L, c, &me, &st, 10, 10, o->width - 20, o->height - 20, &err))
    return;
  double x0 = jv_scale_map(&L.x, 0);
  for (size_t r = 0; r < L.n; r++) {
    size_t i = L.order[r];
    double x1 = isnan(c->value[i]) ? x0 : jv_scale_map(&L.x, c->value[i]);
    printf("bar %zu %s %.2f %.2f %.2f %.2f\n", r, c->name[i], x0, L.row_y[r], x1 - x0, L.bar_h);
  }
  if (L.has_ref)
    printf("reference %.2f %.2f %.2f\n", L.ref_x, L.plot.y, L.plot.h);
}

static void print_alt(sources *src, kind k)
{
  char *alt = NULL;
  switch (k) {
  case K_TREND:
    alt = jv_trend_chart_alt(&src->trend.chart);
    break;
  case K_COMPARISON:
    alt = jv_comparison_chart_alt(&src->comparison.chart);
    break;
  case K_STACKED:
    alt = jv_stacked_chart_alt(&src->stacked.chart);
    break;
  default:
    alt = jv_keyfigure_chart_alt(&src->keyfigure.chart);
    break;
  }
  if (alt)
    printf("%s\n", alt);
  free(alt);
}

int jv_cmd_chart(int argc, char **argv)
{
  options o;
  int rc = parse_options(&o, argc, argv);
  if (rc)
    return rc < 0 ? 0 : rc;

  jv_error err;
  jv_error_clear(&err);
  char home[PATH_MAX], fontdir[PATH_MAX];
  sources *src = calloc(1, sizeof(*src));
  jv_fonts *fonts = NULL;
  jv_draw_cairo *dc = NULL;
  jv_status st = src ? JV_OK : jv_error_set(&err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (st == JV_OK) {
    jv_series_set_init(&src->set);
    st = jv_paths_home(home, sizeof(home), &err);
  }
  if (st == JV_OK)
    st = load(src, &o, home, &err);
  if (st == JV_OK) {
    jv_chart_text *t = chart_text(src, o.kind);
    if (o.title)
      t->title = o.title;
    if (o.source)
      t->source = o.source;
    st = jv_paths_join(fontdir, sizeof(fontdir), home, "assets/fonts", &err);
  }
  if (st == JV_OK)
    st = jv_fonts_new(&fonts, fontdir, &err);
  jv_surface_kind sk = JV_SURFACE_PNG;
  jv_surface_kind_from_path(o.output, &sk);
  if (st == JV_OK)
    st = jv_draw_cairo_open(&dc, sk, o.output, o.width, o.height, o.dpi, fonts, &err);
  if (st == JV_OK)
    st = draw(src, &o, jv_draw_cairo_draw(dc), &err);
  if (st == JV_OK)
    st = jv_draw_cairo_finish(dc, &err);
  if (st == JV_OK && o.geometry)
    print_geometry(src, &o, jv_draw_cairo_draw(dc));
  if (st == JV_OK && o.alt)
    print_alt(src, o.kind);
  if (st != JV_OK) {
    fprintf(stderr, "jaarverslag chart: ");
    jv_error_print(&err, stderr);
    if (st == JV_EUSAGE)
      fprintf(stderr, "Run 'jaarverslag chart --help' for the options.\n");
  }
  jv_draw_cairo_free(dc);
  jv_fonts_free(fonts);
  if (src) {
    if (src->have_ds)
      jv_dataset_free(&src->ds);
    jv_series_set_free(&src->set);
    free(src);
  }
  return st;
}
