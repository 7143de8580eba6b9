/* report.h - the annual report's tables, built from a dataset and a table
 * kind of model/table_kinds.h (columns, headers, units); every derived
 * figure comes from src/stats. No sizes here: jv_paginate places them. */
#ifndef JV_LAYOUT_REPORT_H
#define JV_LAYOUT_REPORT_H

#include "layout/doc.h"
#include "model/model.h"
#include "model/table_kinds.h"

/* The per-municipality count table of the given indicators, with a computed
 * region-total row. headers[i] labels indicators[i]. Caller owns *out
 * (jv_table_free + free). */
jv_status jv_report_count_table(const jv_dataset *ds, const char *title,
                                const jv_indicator *indicators, const char *const *headers,
                                size_t n, jv_table **out, jv_error *err);

/* The table of kind k (a RATE or COLUMNS kind of model/table_kinds.h),
 * titled title. */
jv_status jv_report_kind_table(const jv_dataset *ds, const char *title, const jv_table_kind *k,
                               jv_table **out, jv_error *err);

/* The per-1,000 table of one indicator: leerplichtigen 5-15, 16-17, 5-17,
 * the count, the rate per 1,000 and the regional average. */
jv_status jv_report_rate_table(const jv_dataset *ds, const char *title, jv_indicator ind,
                               const char *count_header, const char *rate_header, jv_table **out,
                               jv_error *err);

/* A table of several indicators per municipality, with a computed total
 * row, as counts, per 1,000 or percentages, each over the denominator
 * jv_rate_base (stats/rates.h) gives. headers may be NULL (Dutch labels). */
/* decimals: per column, the decimals of a per-1.000 or percentage figure
 * (NULL: one each). */
jv_status jv_report_overview_table(const jv_dataset *ds, const char *title,
                                   const jv_indicator *indicators, const char *const *headers,
                                   const int *decimals, size_t n, jv_unit unit, jv_table **out,
                                   jv_error *err);

#endif
