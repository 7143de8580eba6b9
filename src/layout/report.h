/* report.h - the annual report's tables, built from a dataset.
 * Owns the tables' columns, headers and wording; every derived figure comes
 * from src/stats. No sizes here: jv_paginate decides where things go. */
#ifndef JV_LAYOUT_REPORT_H
#define JV_LAYOUT_REPORT_H

#include "layout/doc.h"
#include "model/model.h"

/* The per-municipality count table of the given indicators, with a computed
 * region-total row. headers[i] labels indicators[i]. Caller owns *out
 * (jv_table_free + free). */
jv_status jv_report_count_table(const jv_dataset *ds, const char *title,
                                const jv_indicator *indicators, const char *const *headers,
                                size_t n, jv_table **out, jv_error *err);

/* The per-1,000 table of one indicator: leerplichtigen 5-15, 16-17, 5-17,
 * the count, the rate per 1,000 and the regional average. */
jv_status jv_report_rate_table(const jv_dataset *ds, const char *title, jv_indicator ind,
                               const char *count_header, const char *rate_header, jv_table **out,
                               jv_error *err);

typedef enum { JV_UNIT_COUNT, JV_UNIT_PER_1000, JV_UNIT_PERCENT } jv_report_unit;

/* A table of several indicators per municipality, with a computed total
 * row, as counts, per 1,000 or percentages. A share is taken of
 * leerplichtigen 5 t/m 17, except an indicator's "> 3 maanden" part, which
 * is a share of the indicator itself. headers may be NULL (Dutch labels). */
/* decimals: per column, the decimals of a per-1.000 or percentage figure
 * (NULL: one each). */
jv_status jv_report_overview_table(const jv_dataset *ds, const char *title,
                                   const jv_indicator *indicators, const char *const *headers,
                                   const int *decimals, size_t n, jv_report_unit unit,
                                   jv_table **out, jv_error *err);

#endif
