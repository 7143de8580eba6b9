/* chart.h - what a chart shows, as plain data: trend over school years,
 * per-1,000 comparison, stacked bars and key figures, plus the text
 * alternative of each. layout/chart_scene.h lays these out; nothing here
 * knows about fonts or pixels. All pointers are borrowed from the caller. */
#ifndef JV_LAYOUT_CHART_H
#define JV_LAYOUT_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "model/series.h"

#define JV_CHART_MAX_SERIES 8
#define JV_CHART_MAX_YEARS 24
#define JV_CHART_MAX_ROWS 64
#define JV_CHART_MAX_SEGMENTS 8
#define JV_CHART_MAX_KEYFIGURES 6

/* Texts around every chart; each may be NULL. */
typedef struct {
  const char *title;    /* "Absoluut verzuimers per 1.000 leerplichtigen" */
  const char *subtitle; /* "Zuid-Holland Zuid, 2017-2018" */
  const char *source;   /* without the "Bron: " the chart adds */
} jv_chart_text;

typedef enum { JV_TREND_BARS, JV_TREND_LINES } jv_trend_style;

/* One or more series over school years. Years without a figure are gaps:
 * no bar, a broken line, and "n.b." where the input said n.b. */
typedef struct {
  jv_chart_text text;
  jv_trend_style style;
  const jv_series *series[JV_CHART_MAX_SERIES];
  size_t n_series;
  int first_year, last_year; /* school years shown (start years); 0 = from data */
  bool value_labels;         /* print each figure at its bar or point */
} jv_trend_chart;

/* One bar per municipality with the regional figure as a reference line.
 * value[i] is NaN when the rate is not known (drawn as "n.b."). */
typedef struct {
  jv_chart_text text;
  size_t n;
  const char *const *name;
  const double *value;
  int decimals;                /* 1 for rates per 1,000 */
  double reference;            /* NaN = no reference line */
  const char *reference_label; /* "Regio" -> "Regio 0,6" */
  bool sorted;                 /* highest first instead of input order */
  const char *axis_label;      /* under the axis, e.g. "per 1.000 leerplichtigen" */
} jv_comparison_chart;

/* Bars split into segments, one bar per row. value is n_rows x n_segments,
 * row-major; NaN marks a segment that does not apply (nvt) and is absent. */
typedef struct {
  jv_chart_text text;
  size_t n_rows, n_segments;
  const char *const *row;
  const char *const *segment;
  const double *value;
  int decimals; /* 0 for counts */
  bool totals;  /* print each row's total after its bar */
} jv_stacked_chart;

/* A large figure with its label and period, like the report's VSV and
 * overstap panels. Strings are copied in, so items can be built in a loop. */
typedef struct {
  char value[32];        /* "665" */
  char detail[32];       /* "1,5%" or "86", or "" */
  char detail_label[64]; /* words after the detail: "begeleide risicoleerlingen" */
  char label[96];        /* "voortijdig schoolverlaters" */
  char period[24];       /* "2016-2017" */
} jv_keyfigure;

typedef struct {
  jv_chart_text text;
  jv_keyfigure item[JV_CHART_MAX_KEYFIGURES]; /* item[0] is shown largest */
  size_t n;
} jv_keyfigure_chart;

/* Fills up to n_years key figures from the latest years of main (newest
 * first), with detail's figure of the same year (detail may be NULL) and
 * label under each number. Returns the number of items filled. */
size_t jv_keyfigure_from_series(jv_keyfigure_chart *kc, const jv_series *main,
                                const jv_series *detail, const char *label, size_t n_years);

/* Formats a series figure as a reader sees it: "6.714", "1,6%". */
char *jv_chart_format_value(const jv_series *s, double v, char *buf, size_t size);

/* Text alternatives built from the data, for the PDF and for screen
 * readers: one or two Dutch sentences. The caller frees the result; NULL only
 * when out of memory. */
char *jv_trend_chart_alt(const jv_trend_chart *c);
char *jv_comparison_chart_alt(const jv_comparison_chart *c);
char *jv_stacked_chart_alt(const jv_stacked_chart *c);
char *jv_keyfigure_chart_alt(const jv_keyfigure_chart *c);

#endif
