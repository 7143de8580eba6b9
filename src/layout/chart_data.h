/* chart_data.h - chart descriptions built from model data: per-1,000
 * comparisons and stacked bars from a year's dataset, trends and key figures
 * from series. Each *_data struct owns its strings and arrays and points
 * into itself and into the model it was built from: keep both alive and do
 * not copy or move the struct after building it. */
#ifndef JV_LAYOUT_CHART_DATA_H
#define JV_LAYOUT_CHART_DATA_H

#include "layout/chart.h"
#include "model/model.h"
#include "model/series.h"
#include "util/error.h"

typedef struct {
  jv_comparison_chart chart; /* hand &d.chart to jv_chart_scene_comparison */
  const char *names[JV_CHART_MAX_ROWS];
  double values[JV_CHART_MAX_ROWS];
  char title[160], subtitle[160], source[200], axis_label[64];
} jv_comparison_data;

/* Rates per 1,000 leerplichtigen (5 t/m 17) of indicator ind per
 * municipality, rounded to tenths as the tables print them, with the
 * regional rate as reference ("Regio"). n.b./nvt/non-respons/missing rates
 * become NaN (no bar, "n.b."). JV_EUSAGE when ind is a leerplichtigen count
 * or the dataset lacks it, or has more than JV_CHART_MAX_ROWS municipalities. */
jv_status jv_comparison_from_dataset(jv_comparison_data *d, const jv_dataset *ds, jv_indicator ind,
                                     jv_error *err);

typedef struct {
  jv_stacked_chart chart;
  const char *rows[JV_CHART_MAX_ROWS];
  const char *segments[JV_CHART_MAX_SEGMENTS];
  char segment_text[JV_CHART_MAX_SEGMENTS][64];
  double values[JV_CHART_MAX_ROWS * JV_CHART_MAX_SEGMENTS];
  char title[160], subtitle[160], source[200];
} jv_stacked_data;

/* One bar per municipality split by the indicators of group ("relatief" or
 * "processen_verbaal": counts by onderwijssoort). nvt and other non-counts
 * are absent segments. JV_EUSAGE for another group or a dataset without it. */
jv_status jv_stacked_from_dataset(jv_stacked_data *d, const jv_dataset *ds, const char *group,
                                  jv_error *err);

typedef struct {
  jv_trend_chart chart;
  char title[160], source[2000], subtitle[96];
} jv_trend_data;

/* The series named by spec: one name, a comma-separated list of names, or a
 * group of the series catalogue ("vrijstellingen"). The source line lists
 * the distinct sources of the figures shown. JV_EUSAGE for an unknown name,
 * a series missing from set, or series of different units in one chart. */
jv_status jv_trend_from_series(jv_trend_data *d, const jv_series_set *set, const char *spec,
                               jv_trend_style style, jv_error *err);
/* The same for series already picked (1 to JV_CHART_MAX_SERIES, same unit;
 * group_label may be NULL); they must outlive d. */
jv_status jv_trend_from_list(jv_trend_data *d, const jv_series *const *list, size_t n,
                             const char *group_label, jv_trend_style style, jv_error *err);

/* When every series of d ends before school year until, the chart's
 * subtitle says up to which year it runs ("Cijfers tot en met 2016-2017"). */
void jv_trend_note_end(jv_trend_data *d, jv_schoolyear until);

typedef struct {
  jv_keyfigure_chart chart;
  char title[160], source[600];
} jv_keyfigure_data;

/* Key figures of the latest n_years of a series or group: the first count
 * series is the figure, a percentage series of the group ("vsv_percentage")
 * or its second series ("overstap_risicoleerlingen") the detail. */
jv_status jv_keyfigure_from_series_set(jv_keyfigure_data *d, const jv_series_set *set,
                                       const char *spec, size_t n_years, jv_error *err);

#endif
