/* chart_layout.h - where every part of a chart goes, in points: the frame
 * (title, legend, plot area, source line) and the geometry of each chart
 * kind. Pure: text is measured through jv_measure, nothing is drawn here;
 * layout/chart_scene_*.c turn these structs into scenes. */
#ifndef JV_LAYOUT_CHART_LAYOUT_H
#define JV_LAYOUT_CHART_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/chart.h"
#include "layout/measure.h"
#include "stats/ticks.h"
#include "util/color.h"
#include "util/error.h"

typedef struct {
  double x, y, w, h;
} jv_box;

/* Sizes and colours. The default palette is a blue ramp whose steps differ
 * in lightness (readable in greyscale and by colour-blind readers) with one
 * warm accent (Okabe-Ito vermillion) for reference lines. */
typedef struct {
  double font_size;  /* axis labels, names, values */
  double title_size; /* chart title (bold) */
  double small_size; /* source line, axis label */
  double hairline;   /* grid and axis lines */
  jv_rgb text, muted, grid, axis, accent, panel;
  jv_rgb ramp_dark, ramp_light; /* ends of the series ramp (fills) */
  jv_rgb line_light;            /* light end for lines */
  jv_rgb single;                /* bars of a one-series chart */
} jv_chart_style;

void jv_chart_style_default(jv_chart_style *st);
/* style itself, or the default written into *def when style is NULL. */
const jv_chart_style *jv_chart_style_or_default(const jv_chart_style *style, jv_chart_style *def);
/* Colour k of n series: dark to light along the ramp (one series: single). */
jv_rgb jv_chart_series_color(const jv_chart_style *st, size_t k, size_t n);
/* The same for lines, whose light end stays at 3:1 contrast on white. */
jv_rgb jv_chart_line_color(const jv_chart_style *st, size_t k, size_t n);
/* A text colour readable on background bg (dark or white). */
jv_rgb jv_chart_text_on(const jv_chart_style *st, jv_rgb bg);

#define JV_CHART_MAX_LEGEND 8
/* a source line wraps over as many lines as a trend's notes on its
 * recomputed years need; only text beyond them ends in an ellipsis */
#define JV_CHART_MAX_SOURCE_LINES 8

/* Title, subtitle, legend, plot area and source line, top to bottom. */
typedef struct {
  jv_box outer;
  double title_y, subtitle_y; /* baselines; 0 = not shown */
  double title_size;          /* may be below the style's for a long title */
  size_t n_legend;
  jv_box swatch[JV_CHART_MAX_LEGEND];
  double legend_x[JV_CHART_MAX_LEGEND], legend_y[JV_CHART_MAX_LEGEND]; /* text baselines */
  jv_box plot_area; /* what is left for axes and marks */
  size_t n_source;
  char source[JV_CHART_MAX_SOURCE_LINES][256]; /* "Bron: ..." wrapped */
  double source_y[JV_CHART_MAX_SOURCE_LINES];
} jv_chart_frame;

/* Lays out the frame in box (x, y, w, h) with legend entries (may be 0).
 * JV_EUSAGE when the box is too small to leave a plot area. */
jv_status jv_chart_frame_layout(jv_chart_frame *f, const jv_measure *m, const jv_chart_style *st,
                                const jv_chart_text *t, const char *const *legend, size_t n_legend,
                                double x, double y, double w, double h, jv_error *err);

/* The height, in points, each chart asks for in the report (pagination may
 * give less): a trend and a key-figure panel a fixed height, bar charts a
 * row per municipality (stacked ones with room for their legend). */
#define JV_TREND_CHART_HEIGHT 230.0
#define JV_KEYFIGURE_CHART_HEIGHT 150.0
double jv_comparison_chart_height(size_t rows);
double jv_stacked_chart_height(size_t rows);

/* Horizontal bars, one row per item: used by comparison and stacked charts. */
typedef struct {
  jv_chart_frame frame;
  jv_box plot; /* x = value 0, width = ticks.hi */
  jv_ticks ticks;
  jv_scale x; /* value -> page x */
  size_t n;
  size_t order[JV_CHART_MAX_ROWS]; /* row r shows item order[r] */
  double row_y[JV_CHART_MAX_ROWS]; /* top of each bar */
  double bar_h;
  double text_y[JV_CHART_MAX_ROWS]; /* baseline of the row's labels */
  double name_right;                /* names end here (right-aligned) */
  double font_size;                 /* may be below style's for many rows */
  double tick_y;                    /* baseline of tick labels */
  double axis_label_y;              /* 0 = none */
  bool has_ref;
  double ref_x, ref_label_y;
  char ref_label[64]; /* "Regio 0,6" */
} jv_rows_layout;

/* Comparison: bar i spans x from x.map(0) to x.map(value). */
jv_status jv_comparison_layout(jv_rows_layout *L, const jv_comparison_chart *c, const jv_measure *m,
                               const jv_chart_style *st, double x, double y, double w, double h,
                               jv_error *err);
/* Stacked: segments in input order, left to right; legend = segments. */
jv_status jv_stacked_layout(jv_rows_layout *L, const jv_stacked_chart *c, const jv_measure *m,
                            const jv_chart_style *st, double x, double y, double w, double h,
                            jv_error *err);

/* Vertical bars or lines over school years. */
typedef struct {
  jv_chart_frame frame;
  jv_box plot;
  jv_ticks ticks;
  jv_scale y; /* value -> page y */
  int first_year;
  size_t n_years;
  jv_band band;      /* one band per school year */
  double bar_w;      /* one series' bar inside a band */
  double year_y;     /* baseline of the school-year labels */
  double year_angle; /* 0, or 90 when the labels do not fit side by side */
  double value_size; /* font size of value labels; 0 = none (no room) */
  bool integer;      /* counts: whole-number ticks */
  /* several lines: each labelled once, at its last figure, right of the
   * plot and pushed apart so labels never overlap */
  bool end_labels;
  double end_label_x;
  double end_label_y[JV_CHART_MAX_SERIES]; /* baseline; 0 = series has no figure */
  double end_value[JV_CHART_MAX_SERIES];
} jv_trend_layout;

jv_status jv_trend_layout_make(jv_trend_layout *L, const jv_trend_chart *c, const jv_measure *m,
                               const jv_chart_style *st, double x, double y, double w, double h,
                               jv_error *err);
/* The bar of series k in year index i (x, width; y from L->y). */
double jv_trend_bar_x(const jv_trend_layout *L, size_t i, size_t k, size_t n_series);

/* Key figures: item 0 in a large card, the others in smaller cards beside
 * it (landscape: stacked, in more columns when stacked cards would be too
 * low for their texts) or below it (portrait: side by side, in more rows
 * when too narrow); one card when there is a single item. */
typedef struct {
  jv_chart_frame frame;
  size_t n;
  jv_box card[JV_CHART_MAX_KEYFIGURES];
  double value_size[JV_CHART_MAX_KEYFIGURES];
  double value_y[JV_CHART_MAX_KEYFIGURES];
  double detail_y[JV_CHART_MAX_KEYFIGURES];
  double detail_size[JV_CHART_MAX_KEYFIGURES];
  double label_y[JV_CHART_MAX_KEYFIGURES];
  double period_y[JV_CHART_MAX_KEYFIGURES];
  double text_size[JV_CHART_MAX_KEYFIGURES];
} jv_keyfigure_layout;

jv_status jv_keyfigure_layout_make(jv_keyfigure_layout *L, const jv_keyfigure_chart *c,
                                   const jv_measure *m, const jv_chart_style *st, double x,
                                   double y, double w, double h, jv_error *err);

#endif
